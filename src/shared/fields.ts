/**
 * The machinery of the field tables (src/shared/records.ts): a field is defined once — its name (the key), SQL
 * column, CSV column, type, unit, bounds, default and whether the runner enters it — and its zod schema is built
 * from that definition, so every schema, SQL column list, row mapping, CSV column and README column table derives
 * from the same line. Platform-free.
 */
import { z } from 'zod'
import './i18n/zodMessages'
import { isLocalDate, MAX_DATE, MIN_DATE } from './dates'
import { dateParam, type Msg, zm } from './i18n/message'

export type FieldType = 'id' | 'uuid' | 'date' | 'time' | 'datetime' | 'text' | 'enum' | 'number' | 'integer' | 'boolean' | 'json'

/**
 * Where a field's value comes from:
 * - `input`: entered by the runner (forms, IPC calls, the import);
 * - `system`: set by the app (ids, UUIDs, timestamps, a rep's position);
 * - `computed`: derived from the other fields by the shared metric functions on every write;
 * - `joined`: read from another table (a session's protocol name).
 */
export type FieldSource = 'input' | 'system' | 'computed' | 'joined'

/** A second CSV column that repeats a field in a display unit (`weight_lb` beside `weight_kg`). */
export interface DisplayColumn {
  csv: string
  unit: string
  /** Display value = stored value × factor. */
  factor: number
  decimals: number
  doc: string
}

export interface FieldDef {
  type: FieldType
  source: FieldSource
  /** Names the field in messages: `Work must be at least 0.1 s.` */
  label: string
  /** The column in the record's own table; null when the record does not store it. */
  sql: string | null
  /** How to read a joined field (`p.name`); null for the record's own columns. */
  select: string | null
  /** The column in the CSV file; null when the field is not exported. */
  csv: string | null
  /**
   * Whether the import reads the CSV column (computed columns never are; a joined field may be written only for
   * the reader's convenience, as a block's protocol name beside its protocol's UUID).
   */
  csvRead: boolean
  /** What the CSV column holds, for the README. */
  doc: string
  /** The unit of a number (SI for stored values), or ''. */
  unit: string
  nullable: boolean
  /** Bounds of a number: inclusive `min`/`max`, or exclusive `above`. */
  min: number | null
  above: number | null
  max: number | null
  /** The longest text. */
  maxLength: number | null
  /** The words an enum field takes. */
  values: readonly string[] | null
  /** Digits after the point in the CSV file, for rounded (computed) columns; null writes the exact value. */
  decimals: number | null
  display: DisplayColumn | null
}

/** A field: its definition and the zod schema built from it. */
export interface Field<S extends z.ZodType = z.ZodType, R extends FieldSource = FieldSource> extends FieldDef {
  source: R
  schema: S
}

/** The source a builder's options give (`input` unless they say otherwise). */
type Src<O, D extends FieldSource = 'input'> = O extends { source: infer X extends FieldSource } ? X : D
/** The keys of the fields whose source is `R`. */
export type KeysFrom<T extends Fields, R extends FieldSource> = { [K in keyof T]: T[K] extends { source: R } ? K : never }[keyof T] & string

export type Fields = Record<string, Field>

/** The value a field holds once parsed. */
export type ValueOf<F> = F extends Field<infer S> ? z.output<S> : never
/** A record of the table's fields. */
export type Values<T extends Fields> = { [K in keyof T]: ValueOf<T[K]> }
/** The zod shape of the table's fields (for `z.object`). */
export type Shape<T extends Fields> = { [K in keyof T]: T[K]['schema'] }

// ---------------------------------------------------------------------------------------------------------------
// Builders

interface Common {
  label: string
  source?: FieldSource
  sql?: string | null
  select?: string | null
  csv?: string | null
  csvRead?: boolean
  doc?: string
  unit?: string
  decimals?: number
  display?: DisplayColumn
}

interface Bounds {
  min?: number
  above?: number
  max?: number
  /** Messages that say a bound in the record's own words (`RPE is at most 10.`). */
  minMessage?: string
  maxMessage?: string
  typeMessage?: string
}

/** The definition a builder makes; its source is typed by the builder's own signature (`Src`). */
function def(type: FieldType, o: Common, extra: Partial<Omit<FieldDef, 'source'>> = {}): Omit<FieldDef, 'source'> & { source: never } {
  return {
    type,
    source: (o.source ?? 'input') as never,
    label: o.label,
    sql: o.sql === undefined ? null : o.sql,
    select: o.select ?? null,
    csv: o.csv === undefined ? null : o.csv,
    csvRead: o.source !== 'computed' && o.csvRead !== false,
    doc: o.doc ?? '',
    unit: o.unit ?? '',
    nullable: false,
    min: null,
    above: null,
    max: null,
    maxLength: null,
    values: null,
    decimals: o.decimals ?? null,
    display: o.display ?? null,
    ...extra
  }
}

const unitText = (unit: string) => (unit === '' ? '' : unit === '%' ? ' %' : ` ${unit}`)

/** The catalogue key of a field's label (`Work` → `fieldWork`, `A rep number` → `fieldARepNumber`). */
export const labelKey = (label: string): string =>
  'field' +
  label
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('')

/** A field's label as a message parameter, capitalised as written or in lower case inside a sentence. */
export const labelMsg = (label: string, lower = false): Msg => (lower ? { key: labelKey(label), lower: true } : { key: labelKey(label) })

/** A number with its bounds, each refusal naming the field: `Work must be at least 0.1 s.` */
function boundedNumber(o: Common & Bounds, integer: boolean): z.ZodNumber {
  const u = unitText(o.unit ?? '')
  const label = labelMsg(o.label)
  const lower = labelMsg(o.label, true)
  const expected = !o.unit ? zm('expectedNumber', { label: lower }) : o.unit === 's' ? zm('expectedSeconds', { label: lower }) : zm('expectedNumberIn', { label: lower, unit: o.unit })
  let s = z.number({ error: o.typeMessage ?? expected }).finite()
  if (integer) s = s.int(zm('wholeNumber', { label }))
  if (o.min !== undefined) s = s.min(o.min, o.minMessage ?? zm('atLeast', { label, min: String(o.min), unit: u }))
  if (o.above !== undefined) s = s.gt(o.above, o.minMessage ?? zm('moreThan', { label, above: String(o.above), unit: u }))
  if (o.max !== undefined) s = s.max(o.max, o.maxMessage ?? zm('atMost', { label, max: String(o.max), unit: u }))
  return s
}

type Defaulted<S extends z.ZodType> = z.ZodDefault<S>

function numeric(type: 'number' | 'integer', o: Common & Bounds) {
  return { ...def(type, o, { min: o.min ?? null, above: o.above ?? null, max: o.max ?? null }), schema: boundedNumber(o, type === 'integer') }
}

/** A number: `number({ label: 'Work', min: 0.1, max: 7200, unit: 's' })`. */
export function number<const O extends Common & Bounds>(o: O): Field<z.ZodNumber, Src<O>> {
  return numeric('number', o)
}
export function numberWithDefault<const O extends Common & Bounds & { default: number }>(o: O): Field<Defaulted<z.ZodNumber>, Src<O>> {
  const f = numeric('number', o)
  return { ...f, schema: f.schema.default(o.default) }
}
/** A number that may be absent: null, and null by default. */
export function optionalNumber<const O extends Common & Bounds>(o: O): Field<Defaulted<z.ZodNullable<z.ZodNumber>>, Src<O>> {
  const f = numeric('number', o)
  return { ...f, nullable: true, schema: f.schema.nullable().default(null) }
}
export function integer<const O extends Common & Bounds>(o: O): Field<z.ZodNumber, Src<O>> {
  return numeric('integer', o)
}
export function integerWithDefault<const O extends Common & Bounds & { default: number }>(o: O): Field<Defaulted<z.ZodNumber>, Src<O>> {
  const f = numeric('integer', o)
  return { ...f, schema: f.schema.default(o.default) }
}
export function optionalInteger<const O extends Common & Bounds>(o: O): Field<Defaulted<z.ZodNullable<z.ZodNumber>>, Src<O>> {
  const f = numeric('integer', o)
  return { ...f, nullable: true, schema: f.schema.nullable().default(null) }
}

/** A record id (an SQLite rowid): a whole number from 1, refused as `Protocol id must be a whole number from 1 up.` */
const idSchema = (label: string) => {
  const message = zm('idWhole', { label: labelMsg(label) })
  return z.number({ error: message }).int(message).min(1, message)
}

/** A record id (an SQLite rowid). */
export function id<const O extends Common>(o: O): Field<z.ZodNumber, Src<O, 'system'>> {
  return { ...def('id', { source: 'system', ...o }, { min: 1 }), schema: idSchema(o.label) }
}
/** The id of another record, or null. */
export function optionalId<const O extends Common>(o: O): Field<Defaulted<z.ZodNullable<z.ZodNumber>>, Src<O>> {
  return { ...def('id', o, { min: 1, nullable: true }), schema: idSchema(o.label).nullable().default(null) }
}

export function boolean<const O extends Common & { default: boolean }>(o: O): Field<Defaulted<z.ZodBoolean>, Src<O>> {
  return { ...def('boolean', o), schema: z.boolean({ error: zm('expectedBoolean', { label: labelMsg(o.label, true) }) }).default(o.default) }
}

export function oneOf<const V extends readonly [string, ...string[]], const O extends Common>(
  values: V,
  o: O
): Field<z.ZodEnum<{ [K in V[number]]: K }>, Src<O>> {
  return { ...def('enum', o, { values }), schema: z.enum(values, { error: zm('oneOf', { label: labelMsg(o.label), values: values.join(', ') }) }) }
}
export function optionalOneOf<const V extends readonly [string, ...string[]], const O extends Common>(
  values: V,
  o: O
): Field<Defaulted<z.ZodNullable<z.ZodEnum<{ [K in V[number]]: K }>>>, Src<O>> {
  return { ...def('enum', o, { values, nullable: true }), schema: z.enum(values, { error: zm('oneOf', { label: labelMsg(o.label), values: values.join(', ') }) }).nullable().default(null) }
}
export function oneOfWithDefault<const V extends readonly [string, ...string[]], const O extends Common & { default: V[number] }>(
  values: V,
  o: O
): Field<Defaulted<z.ZodEnum<{ [K in V[number]]: K }>>, Src<O>> {
  const f = oneOf(values, o)
  return { ...f, schema: f.schema.default(o.default as never) }
}

interface TextOpts extends Common {
  maxLength: number
  maxMessage?: string
}
/** Free text, empty by default. */
export function text<const O extends TextOpts>(o: O): Field<Defaulted<z.ZodString>, Src<O>> {
  return {
    ...def('text', o, { maxLength: o.maxLength }),
    schema: z.string({ error: zm('expectedText', { label: labelMsg(o.label, true) }) }).max(o.maxLength, o.maxMessage ?? zm('textMax', { label: labelMsg(o.label), max: o.maxLength })).default('')
  }
}
/** A name: trimmed, 1 to `maxLength` characters. */
export function name<const O extends TextOpts & { emptyMessage: string }>(o: O): Field<z.ZodString, Src<O>> {
  return {
    ...def('text', o, { maxLength: o.maxLength }),
    schema: z.string({ error: o.emptyMessage }).trim().min(1, o.emptyMessage).max(o.maxLength, o.maxMessage ?? zm('nameMax', { max: String(o.maxLength) }))
  }
}
/** Text that comes from another record (a protocol's name beside a session), or null. */
export function optionalText<const O extends Common & { maxLength: number }>(o: O): Field<z.ZodNullable<z.ZodString>, Src<O>> {
  return {
    ...def('text', o, { maxLength: o.maxLength, nullable: true }),
    schema: z
      .string({ error: zm('expectedText', { label: labelMsg(o.label, true) }) })
      .max(o.maxLength, zm('textMax', { label: labelMsg(o.label), max: o.maxLength }))
      .nullable()
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
export const isUuid = (s: string): boolean => UUID.test(s)

/** The wrong type and the wrong pattern refused in the same words, naming the field. */
const uuidSchema = (label: string) => {
  const message = zm('uuidForm', { label: labelMsg(label) })
  return z.string({ error: message }).regex(UUID, message)
}

export function uuid<const O extends Common>(o: O): Field<z.ZodString, Src<O, 'system'>> {
  return { ...def('uuid', { source: 'system', ...o }), schema: uuidSchema(o.label) }
}
export function optionalUuid<const O extends Common>(o: O): Field<z.ZodNullable<z.ZodString>, Src<O>> {
  return { ...def('uuid', o, { nullable: true }), schema: uuidSchema(o.label).nullable() }
}

/** A calendar date `YYYY-MM-DD` between MIN_DATE and MAX_DATE. */
export const localDateSchema = z
  .string({ error: zm('dateForm') })
  .refine(isLocalDate, { error: zm('dateReal', { min: dateParam(MIN_DATE), max: dateParam(MAX_DATE) }) })

export function date<const O extends Common>(o: O): Field<typeof localDateSchema, Src<O>> {
  return { ...def('date', o), schema: localDateSchema }
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/
export const startTimeSchema = z.string({ error: zm('timeForm') }).regex(TIME, zm('timeForm'))
export function optionalTime<const O extends Common>(o: O): Field<Defaulted<z.ZodNullable<typeof startTimeSchema>>, Src<O>> {
  return { ...def('time', o, { nullable: true }), schema: startTimeSchema.nullable().default(null) }
}

const DATETIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/
const DATETIME_MESSAGE = zm('datetimeForm')
const REAL_INSTANT_MESSAGE = zm('datetimeReal')

/**
 * A timestamp written in ISO 8601 form that names a real instant: a real calendar date (no 30 February), hours
 * 00–23 (no 24:00), minutes and seconds 00–59, and an offset of at most 23:59. `Date.parse` alone rolls
 * 2026-02-30 over into March and 24:00 into the next day.
 */
export function isInstant(t: string): boolean {
  const m = DATETIME.exec(t)
  if (!m) return false
  const [, date, hh, mm, ss, oh, om] = m
  return (
    isLocalDate(date as string) &&
    Number(hh) <= 23 &&
    Number(mm) <= 59 &&
    (ss === undefined || Number(ss) <= 59) &&
    (oh === undefined || Number(oh) <= 23) &&
    (om === undefined || Number(om) <= 59)
  )
}

const datetimeSchema = z
  .string({ error: DATETIME_MESSAGE })
  .refine((t) => DATETIME.test(t), { error: DATETIME_MESSAGE, abort: true })
  .refine(isInstant, { error: REAL_INSTANT_MESSAGE })
export function datetime<const O extends Common>(o: O): Field<typeof datetimeSchema, Src<O, 'system'>> {
  return { ...def('datetime', { source: 'system', ...o }), schema: datetimeSchema }
}

/** A value stored as JSON text (a plan's repeat groups), validated by `schema`. */
export function json<S extends z.ZodType, const O extends Common & { nullable?: boolean }>(schema: S, o: O): Field<S, Src<O>> {
  return { ...def('json', o, { nullable: o.nullable ?? false }), schema }
}

// ---------------------------------------------------------------------------------------------------------------
// What derives from a table

/** The zod shape of the given fields, for `z.object`. */
export function shapeOf<T extends Fields, K extends keyof T>(fields: T, keys: readonly K[]): Pick<Shape<T>, K> {
  const out: Partial<Shape<T>> = {}
  for (const k of keys) out[k] = fields[k]?.schema as Shape<T>[K]
  return out as Pick<Shape<T>, K>
}

/** The keys of the fields whose source is one of `sources`, in table order. */
export function keysOf<T extends Fields, R extends FieldSource>(fields: T, ...sources: R[]): KeysFrom<T, R>[] {
  return Object.keys(fields).filter((k) => sources.includes((fields[k] as Field).source as R)) as KeysFrom<T, R>[]
}

/** The fields with an SQL column or expression, as `[key, field]`. */
export function sqlFields<T extends Fields>(fields: T): [keyof T & string, Field][] {
  return Object.entries(fields).filter(([, f]) => f.sql !== null || f.select !== null) as [keyof T & string, Field][]
}

/**
 * `alias.col AS "key", …`: the SELECT list of a table's fields, each named as the record names it, so that rows
 * come back keyed like the record and only booleans and JSON need converting (`rowDecoder`).
 */
export function selectList(fields: Fields, alias: string, keys?: readonly string[]): string {
  return sqlFields(fields)
    .filter(([k]) => !keys || keys.includes(k))
    .map(([k, f]) => `${f.select ?? `${alias}.${f.sql as string}`} AS "${k}"`)
    .join(', ')
}

/** The fields stored in the table's own columns, as `[key, column]`, for INSERT and UPDATE statements. */
export function storedColumns(fields: Fields, keys?: readonly string[]): [string, string][] {
  return Object.entries(fields)
    .filter(([k, f]) => f.sql !== null && (!keys || keys.includes(k)))
    .map(([k, f]) => [k, f.sql as string])
}

/** `INSERT INTO table (col, …) VALUES (@key, …)` for the given fields (named parameters, see `sqlParams`). */
export function insertSql(table: string, fields: Fields, keys: readonly string[], extra = ''): string {
  const cols = storedColumns(fields, keys)
  return `INSERT INTO ${table} (${cols.map(([, c]) => c).join(', ')}) VALUES (${cols.map(([k]) => `@${k}`).join(', ')})${extra}`
}

/** `col = @key, …` for an UPDATE statement. */
export function updateSet(fields: Fields, keys: readonly string[]): string {
  return storedColumns(fields, keys)
    .map(([k, c]) => `${c} = @${k}`)
    .join(', ')
}

/** The value as SQLite stores it: booleans as 0/1, JSON as text. */
export function toSql(f: FieldDef, v: unknown): unknown {
  if (v === null || v === undefined) return null
  if (f.type === 'boolean') return v ? 1 : 0
  if (f.type === 'json') return JSON.stringify(v)
  return v
}

/** The value as the record holds it, from what SQLite returned. */
export function fromSql(f: FieldDef, v: unknown): unknown {
  if (v === null || v === undefined) return f.type === 'boolean' ? false : null
  if (f.type === 'boolean') return v === 1
  if (f.type === 'json') return JSON.parse(v as string)
  return v
}

/** Named parameters for `insertSql`/`updateSet` from a record (or a part of one). */
export function sqlParams(fields: Fields, record: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const k of keys) {
    const f = fields[k]
    if (f && f.sql !== null) out[k] = toSql(f, record[k])
  }
  return out
}

/**
 * Converts rows read with `selectList` in place: booleans from 0/1, JSON from its text. Made once per statement;
 * every other value is already what the record holds.
 */
export function rowDecoder<R>(fields: Fields, keys?: readonly string[]): (row: Record<string, unknown>) => R {
  const convert = sqlFields(fields).filter(([k, f]) => (!keys || keys.includes(k)) && (f.type === 'boolean' || f.type === 'json'))
  return (row) => {
    for (const [k, f] of convert) row[k] = fromSql(f, row[k])
    return row as R
  }
}
