/**
 * Input schemas shared by the contract, the forms and the import: one definition of what valid input is, built from
 * the field tables (records.ts), so a bound changed there changes here, in the forms and in the import alike.
 */
import { z } from 'zod'
import { keysOf, localDateSchema, shapeOf, startTimeSchema } from './fields'
import { LANGUAGES } from './i18n/languages'
import { THEMES } from './theme'
import { DISTANCE_UNITS, WEIGHT_UNITS } from './units'
import { zm } from './i18n/message'
import type { Settings } from './domain'
import type { Weekday } from './metrics/calendar'
import { BLOCK_FIELDS, loadHasKind, loadKindMessage, PROTOCOL_FIELDS, REP_FIELDS, repeatGroupSchema, SESSION_FIELDS, WEIGHT_FIELDS } from './records'

export const localDate = localDateSchema
export const startTime = startTimeSchema
export const id = SESSION_FIELDS.id.schema
export const note = WEIGHT_FIELDS.note.schema
export const bodyKg = WEIGHT_FIELDS.kg.schema
export const rpe = REP_FIELDS.rpe.schema
export const intensity = REP_FIELDS.intensity.schema
export const recoveryMode = REP_FIELDS.recoveryMode.schema
export const terrain = PROTOCOL_FIELDS.terrain.schema
export const repeatGroup = repeatGroupSchema

/** The fields of a record the runner enters (source `input`). */
const REP_INPUT = keysOf(REP_FIELDS, 'input')
const SESSION_INPUT = keysOf(SESSION_FIELDS, 'input')
const WEIGHT_INPUT = keysOf(WEIGHT_FIELDS, 'input')
const BLOCK_INPUT = keysOf(BLOCK_FIELDS, 'input')
const PROTOCOL_INPUT = keysOf(PROTOCOL_FIELDS, 'input')

/** The rep schema's rules across fields (also applied by the CSV import's quick reader, csv/plain.ts). */
export const customHasPct = (r: { intensity: string; intensityPct: number | null }): boolean => r.intensity !== 'custom' || r.intensityPct !== null
export { loadHasKind }

export const rep = z
  .object(shapeOf(REP_FIELDS, REP_INPUT))
  .strict()
  .refine(customHasPct, {
    error: zm('customNeedsPct'),
    path: ['intensityPct']
  })
  .superRefine((r, ctx) => {
    if (!loadHasKind(r)) ctx.addIssue({ code: 'custom', message: loadKindMessage(r), path: ['loadKind'] })
  })

/** The fields of a session as entered (without its reps): also what the import reads from a session's columns. */
export const sessionHead = z.object(shapeOf(SESSION_FIELDS, SESSION_INPUT)).strict()

export const sessionFields = sessionHead.extend({
  reps: z.array(rep).min(1, zm('sessionRepsMin')).max(100, zm('sessionRepsMax'))
})

export const weightFields = z.object(shapeOf(WEIGHT_FIELDS, WEIGHT_INPUT)).strict()

export const blockFields = z.object(shapeOf(BLOCK_FIELDS, BLOCK_INPUT)).strict()

export const protocolFields = z.object(shapeOf(PROTOCOL_FIELDS, PROTOCOL_INPUT)).strict()

/** The runner's usual training days: distinct ISO weekdays (1 = Monday … 7 = Sunday), kept in ascending order. */
export const trainingDays = z
  .array(z.number({ error: zm('trainingDay') }).int().min(1).max(7), {
    error: zm('trainingDaysList')
  })
  .max(7, zm('trainingDaysMax'))
  .refine((days) => new Set(days).size === days.length, zm('trainingDaysOnce'))
  .transform((days) => [...days].sort((a, b) => a - b) as Weekday[])

/** Each setting's schema: what `settings/update` accepts and what a stored value must pass to be used. */
export const SETTING_SCHEMAS = {
  weightUnit: z.enum(WEIGHT_UNITS as ['kg', 'lb'], { error: zm('weightUnit') }),
  distanceUnit: z.enum(DISTANCE_UNITS as ['km', 'mi'], { error: zm('distanceUnit') }),
  trainingDays,
  sessionTime: startTimeSchema.nullable(),
  language: z.enum(LANGUAGES, { error: zm('languageChoice') }).nullable(),
  theme: z.enum(THEMES, { error: zm('themeChoice') }),
  /** The UUID of the finished block whose summary the runner dismissed; null shows it again. */
  dismissedBlockSummary: z.string().min(1, zm('blockUuidExpected')).max(100, zm('blockUuidExpected')).nullable()
} satisfies { [K in keyof Settings]: z.ZodType<Settings[K], unknown> }

export const settingsPatch = z
  .object({
    weightUnit: SETTING_SCHEMAS.weightUnit.optional(),
    distanceUnit: SETTING_SCHEMAS.distanceUnit.optional(),
    trainingDays: SETTING_SCHEMAS.trainingDays.optional(),
    sessionTime: SETTING_SCHEMAS.sessionTime.optional(),
    language: SETTING_SCHEMAS.language.optional(),
    theme: SETTING_SCHEMAS.theme.optional(),
    dismissedBlockSummary: SETTING_SCHEMAS.dismissedBlockSummary.optional()
  })
  .strict()
