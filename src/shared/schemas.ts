/** Input schemas shared by the contract and the forms: one definition of what valid input is. */
import { z } from 'zod'
import { isLocalDate, MAX_DATE, MIN_DATE } from './dates'
import { INTENSITIES, RECOVERY_MODES, TERRAINS } from './training'
import { MAX_BODY_KG, MIN_BODY_KG } from './units'

export const localDate = z
  .string({ error: 'Expected a date written YYYY-MM-DD.' })
  .refine(isLocalDate, { error: `Expected a real calendar date written YYYY-MM-DD, between ${MIN_DATE} and ${MAX_DATE}.` })

export const id = z.number({ error: 'Expected a record id.' }).int().positive()

export const note = z.string().max(10_000, 'A note can be at most 10,000 characters.').default('')

export const bodyKg = z
  .number({ error: 'Expected a weight in kilograms.' })
  .finite()
  .min(MIN_BODY_KG, `A body weight must be at least ${MIN_BODY_KG} kg.`)
  .max(MAX_BODY_KG, `A body weight must be at most ${MAX_BODY_KG} kg.`)

export const rpe = z.number({ error: 'Expected an RPE from 0 to 10.' }).min(0, 'RPE is at least 0.').max(10, 'RPE is at most 10.')

const seconds = (what: string, min: number, max: number) =>
  z
    .number({ error: `Expected ${what} in seconds.` })
    .finite()
    .min(min, `${what} must be at least ${min} s.`)
    .max(max, `${what} must be at most ${max} s.`)

export const intensity = z.enum(INTENSITIES, { error: `Intensity must be one of ${INTENSITIES.join(', ')}.` })
export const recoveryMode = z.enum(RECOVERY_MODES, { error: `Recovery must be one of ${RECOVERY_MODES.join(', ')}.` })
export const terrain = z.enum(TERRAINS, { error: `Terrain must be one of ${TERRAINS.join(', ')}.` })
const pct = z.number().min(1, 'A percentage is at least 1.').max(100, 'A percentage is at most 100.')
const incline = z.number().min(-10, 'Incline is at least −10 %.').max(40, 'Incline is at most 40 %.')

export const repeatGroup = z
  .object({
    count: z.number().int().min(1, 'At least 1 rep.').max(50, 'At most 50 reps in a group.'),
    workSeconds: seconds('Work', 1, 3600).nullable().default(null),
    workMeters: z.number().min(1).max(50_000).nullable().default(null),
    intensity: intensity.nullable().default(null),
    intensityPct: pct.nullable().default(null),
    hill: z.boolean().default(false),
    inclinePct: incline.nullable().default(null),
    recoverySeconds: seconds('Recovery', 0, 3600).nullable().default(null),
    recoveryMode
  })
  .strict()
  .refine((g) => (g.workSeconds === null) !== (g.workMeters === null), {
    error: 'Give the work as a duration or as a distance, not both.',
    path: ['workSeconds']
  })
  .refine((g) => g.recoverySeconds !== null || g.recoveryMode === 'walk-down', {
    error: 'Give the recovery a duration (only a walk back down the hill may be untimed).',
    path: ['recoverySeconds']
  })

export const rep = z
  .object({
    workSeconds: seconds('Work', 0.1, 7200),
    distanceMeters: z.number().positive('Distance must be more than 0 m.').max(100_000).nullable().default(null),
    intensity,
    intensityPct: pct.nullable().default(null),
    rpe: rpe.nullable().default(null),
    recoverySeconds: seconds('Recovery', 0, 7200).nullable().default(null),
    recoveryMode,
    inclinePct: incline.nullable().default(null),
    hill: z.boolean().default(false),
    completed: z.boolean().default(true),
    heartRate: z.number().int().min(30, 'Heart rate is at least 30.').max(250, 'Heart rate is at most 250.').nullable().default(null)
  })
  .strict()
  .refine((r) => r.intensity !== 'custom' || r.intensityPct !== null, {
    error: 'A custom intensity needs a percentage.',
    path: ['intensityPct']
  })

export const startTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Expected a time written HH:MM.')

export const sessionFields = z
  .object({
    date: localDate,
    startTime: startTime.nullable().default(null),
    protocolId: id.nullable().default(null),
    /** The plan the reps were prefilled from (after any progression adjustment); null for a free-form session. */
    plan: z.array(repeatGroup).min(1).max(10).nullable().default(null),
    warmupSeconds: seconds('Warm-up', 0, 7200).int('Warm-up must be whole seconds.').default(600),
    cooldownSeconds: seconds('Cool-down', 0, 7200).int('Cool-down must be whole seconds.').default(300),
    rpe: rpe.nullable().default(null),
    couldNotRecover: z.boolean().default(false),
    notes: note,
    reps: z.array(rep).min(1, 'A session needs at least one rep.').max(100, 'At most 100 reps in a session.')
  })
  .strict()

export const blockFields = z
  .object({
    name: z.string().trim().min(1, 'Give the block a name.').max(120, 'A name can be at most 120 characters.'),
    startDate: localDate,
    weeks: z.number().int().min(1, 'A block lasts at least 1 week.').max(52, 'A block lasts at most 52 weeks.').default(10),
    sessionsPerWeek: z.number().int().min(1, 'Plan at least 1 session a week.').max(14, 'At most 14 sessions a week.').default(3),
    protocolId: id.nullable().default(null)
  })
  .strict()

export const protocolFields = z
  .object({
    name: z.string().trim().min(1, 'Give the protocol a name.').max(120, 'A name can be at most 120 characters.'),
    description: z.string().max(2000).default(''),
    sourceNote: z.string().max(2000).default(''),
    terrain: terrain.default('flat'),
    groups: z.array(repeatGroup).min(1, 'A protocol needs at least one repeat group.').max(10)
  })
  .strict()
