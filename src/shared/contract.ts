/**
 * The contract between the UI and the back end: for every channel, the schema its input must pass and
 * the type of the value it returns. Both ends are derived from this one module (the preload from the
 * channel list, the router from the schemas, the renderer's api from the types).
 */
import { z } from 'zod'
import { CHANNELS, type Channel } from './channels'
import { isLocalDate, MAX_DATE, MIN_DATE } from './dates'
import type { AppInfo, DailyWeight, Page, Settings, WeightEntry } from './domain'
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

const none = z.object({}).strict().optional()
const dateRange = {
  from: localDate.optional(),
  to: localDate.optional()
}

/** Marks the type a channel returns; it exists only for the type checker. */
const returns = <T>(): T => undefined as T

export const contract = {
  'app/info': { input: none, output: returns<AppInfo>() },
  'settings/get': { input: none, output: returns<Settings>() },
  'settings/update': {
    input: z.object({ weightUnit: z.enum(['kg', 'lb']).optional() }).strict(),
    output: returns<Settings>()
  },
  'weights/list': {
    input: z
      .object({
        ...dateRange,
        limit: z.number().int().min(1).max(1000).default(100),
        offset: z.number().int().min(0).default(0)
      })
      .strict()
      .default({ limit: 100, offset: 0 }),
    output: returns<Page<WeightEntry>>()
  },
  'weights/daily': {
    input: z.object(dateRange).strict().default({}),
    output: returns<DailyWeight[]>()
  },
  'weights/add': {
    input: z.object({ date: localDate, kg: bodyKg, note }).strict(),
    output: returns<WeightEntry>()
  },
  'weights/update': {
    input: z.object({ id, date: localDate, kg: bodyKg, note }).strict(),
    output: returns<WeightEntry>()
  },
  'weights/delete': { input: z.object({ id }).strict(), output: returns<{ id: number }>() },
  'weights/restore': { input: z.object({ id }).strict(), output: returns<WeightEntry>() }
} satisfies Record<Channel, { input: z.ZodType; output: unknown }>

// Every listed channel has a contract entry (checked above) and no entry is unlisted (checked here).
const _noExtraChannels: Record<keyof typeof contract, true> = Object.fromEntries(CHANNELS.map((c) => [c, true])) as Record<
  Channel,
  true
>
void _noExtraChannels

/** What the caller passes (defaults may be omitted). */
export type InputOf<C extends Channel> = z.input<(typeof contract)[C]['input']>
/** What the handler receives, after parsing and defaults. */
export type ParsedInputOf<C extends Channel> = z.output<(typeof contract)[C]['input']>
export type OutputOf<C extends Channel> = (typeof contract)[C]['output']
