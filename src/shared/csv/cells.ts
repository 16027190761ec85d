/**
 * Cells of Sprintlog's CSV files, both ways, from the columns (columns.ts) and so from the field tables: an exported
 * row's cells from the values SQLite stores, and an imported row's values from its cells, validated with the same
 * schemas as the forms. Platform-free and stateless: the reading and writing of files, and any caching, live in
 * src/main/services/csv.
 */
import type { z } from 'zod'
import { formatNotation, parseNotation } from '../notation'
import { issueMsg, type Msg, type Params, worded } from '../i18n/message'
import { BLOCK_FIELDS, planSchema, PROTOCOL_FIELDS, REP_FIELDS, SESSION_FIELDS, WEIGHT_FIELDS } from '../records'
import { blockFields, protocolFields, rep as repSchema, sessionHead, weightFields } from '../schemas'
import type { Rep, RepeatGroup, Terrain } from '../training'
import {
  BLOCK_COLUMNS,
  COLUMNS,
  type CsvColumn,
  type CsvKind,
  neutralise,
  PROTOCOL_COLUMNS,
  REP_COLUMNS,
  SESSION_COLUMNS,
  unneutralise,
  WEIGHT_COLUMNS
} from './columns'

// ---------------------------------------------------------------------------------------------------------------
// Writing

/** Numbers are written in their shortest exact form (`String(n)` round-trips every double), or rounded for display columns. */
export function formatNumber(n: number | null, decimals?: number | null): string {
  if (n === null) return ''
  if (decimals === undefined || decimals === null) return String(n)
  const f = 10 ** decimals
  const r = Math.round(n * f) / f
  return String(Object.is(r, -0) ? 0 : r)
}

/** The repeat groups in canonical form: what the database stores as `plan_json`. */
export function canonicalPlanJson(groups: readonly RepeatGroup[]): string {
  return JSON.stringify(planSchema.parse(groups))
}

/**
 * A plan cell: the compact notation when it says the stored plan exactly, else the stored JSON. The two are compared
 * in canonical form, so a plan stored with its keys in another order (the built-in protocols', and their copies')
 * is written the same as once imported, when it is stored canonically.
 */
export function planCell(planJson: string): string {
  try {
    const groups = JSON.parse(planJson) as RepeatGroup[]
    const notation = formatNotation(groups)
    const back = parseNotation(notation)
    if (back.ok && canonicalPlanJson(back.groups) === canonicalPlanJson(groups)) return notation
  } catch {
    // Not expressible in the notation: keep the JSON.
  }
  return planJson
}

/**
 * One cell from the value SQLite stores for its column (booleans as 0/1, plans as JSON text). Text cells are
 * neutralised against formulas; `plan` turns a plan's JSON into its cell (planCell, which the export memoises).
 */
export function cellText(c: CsvColumn, v: unknown, plan: (json: string) => string = planCell): string {
  if (v === null || v === undefined) return ''
  switch (c.type) {
    case 'number':
    case 'integer':
    case 'id':
      return formatNumber(c.factor === 1 ? (v as number) : (v as number) * c.factor, c.decimals)
    case 'boolean':
      return v === 1 || v === true ? 'true' : 'false'
    case 'json':
      return neutralise(plan(v as string))
    default:
      return neutralise(String(v))
  }
}

/** A row's cells from stored values in column order (`values[i]` for `columns[i]`). */
export function rowCells(columns: readonly CsvColumn[], values: readonly unknown[], plan?: (json: string) => string): string[] {
  const out = new Array<string>(columns.length)
  for (let i = 0; i < columns.length; i++) out[i] = cellText(columns[i] as CsvColumn, values[i], plan)
  return out
}

/**
 * The value SQLite stores for each column of a record (for `rowCells`): the field's stored form, and a display
 * column's field value again (it is scaled as it is written).
 */
export function storedValues(columns: readonly CsvColumn[], record: Record<string, unknown>): unknown[] {
  return columns.map((c) => {
    const v = record[c.key]
    if (v === null || v === undefined) return null
    if (c.type === 'boolean') return v ? 1 : 0
    if (c.type === 'json') return typeof v === 'string' ? v : JSON.stringify(v)
    return v
  })
}

// ---------------------------------------------------------------------------------------------------------------
// Reading: header, cells, records

export interface HeaderInfo {
  kind: CsvKind
  /** For each column of the kind, its index in the file's rows, or -1 when absent (derived columns only). */
  index: Record<string, number>
  /** Header cells that are not Sprintlog columns; ignored. */
  unknown: string[]
  /** The columns the import reads, each with its index in the file's rows. */
  read: { session: IndexedColumn[]; rep: IndexedColumn[]; weight: IndexedColumn[]; protocol: IndexedColumn[]; block: IndexedColumn[] }
}

export interface IndexedColumn {
  column: CsvColumn
  index: number
}

export type HeaderResult = { ok: true; header: HeaderInfo } | { ok: false; message: string; key: string; params?: Params }

/** The catalogue key of each kind of file's name inside a sentence (`This reps file …`). */
export const KIND_KEY: Record<CsvKind, string> = { sessions: 'kindSessions', reps: 'kindReps', weights: 'kindWeights', protocols: 'kindProtocols', blocks: 'kindBlocks' }

const quoteList = (names: readonly string[]) => names.map((n) => `“${n}”`).join(', ')

/** Recognises a file by its header row; any column order is fine. */
export function readHeader(cells: readonly string[]): HeaderResult {
  const names = cells.map((c) => c.trim().replace(/^\uFEFF/, '').toLowerCase())
  const seen = new Set<string>()
  for (const n of names) {
    if (n === '') continue
    if (seen.has(n)) return { ok: false, ...worded({ key: 'csvColumnTwice', params: { column: n } }) }
    seen.add(n)
  }
  // Sessions and blocks files name protocols too (protocol_uuid): a protocols file is one that names nothing else.
  const kind: CsvKind | null = seen.has('weight_uuid')
    ? 'weights'
    : seen.has('block_uuid')
      ? 'blocks'
      : seen.has('rep_number')
        ? 'reps'
        : seen.has('session_uuid')
          ? 'sessions'
          : seen.has('protocol_uuid')
            ? 'protocols'
            : null
  if (kind === null) {
    return { ok: false, ...worded({ key: 'csvNotSprintlog' }) }
  }
  const columns = COLUMNS[kind]
  const missing = columns.filter((c) => !c.derived && !seen.has(c.name)).map((c) => c.name)
  if (missing.length > 0) {
    return { ok: false, ...worded({ key: 'csvMissingColumns', params: { kind: { key: KIND_KEY[kind] }, n: missing.length, columns: quoteList(missing) } }) }
  }
  const index: Record<string, number> = {}
  for (const c of columns) index[c.name] = names.indexOf(c.name)
  const known = new Set(columns.map((c) => c.name))
  const unknown = names.filter((n) => n !== '' && !known.has(n))
  const indexed = (cs: readonly CsvColumn[]) => cs.filter((c) => !c.derived).map((column) => ({ column, index: index[column.name] ?? -1 }))
  const none = { session: [], rep: [], weight: [], protocol: [], block: [] }
  const read =
    kind === 'weights'
      ? { ...none, weight: indexed(WEIGHT_COLUMNS) }
      : kind === 'protocols'
        ? { ...none, protocol: indexed(PROTOCOL_COLUMNS) }
        : kind === 'blocks'
          ? { ...none, block: indexed(BLOCK_COLUMNS) }
          : { ...none, session: indexed(SESSION_COLUMNS), rep: kind === 'reps' ? indexed(REP_COLUMNS) : [] }
  return { ok: true, header: { kind, index, unknown, read } }
}

/** How numbers are written in the file being read. */
export interface NumberStyle {
  /** `;`-separated files from European locales may use decimal commas. */
  decimalComma: boolean
}

export interface CellIssue {
  column: string
  /** The English wording; `key` and `params` word it in the runner's language. */
  message: string
  key: string
  params?: Params
}

const cellIssue = (column: string, m: Msg): CellIssue => ({ column, ...worded(m) })

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/

const show = (s: string) => (s.length > 40 ? `“${s.slice(0, 40)}…”` : `“${s}”`)
/** A cell's text as a message parameter: shown whole up to 40 characters, in quotes. */
const shown = (s: string) => show(s)

type CellValue = string | number | boolean | RepeatGroup[] | null

/** What `readCell` returns for a cell it cannot read (a readable cell is its value alone: no object per cell). */
class Bad {
  constructor(readonly msg: Msg) {}
}
const value = (v: CellValue): CellValue => v
const problem = (key: string, params?: Params): Bad => new Bad(params ? { key, params } : { key })

/**
 * One cell as a value of its column's type, as the record holds it. Text cells lose the formula-neutralising quote;
 * bounds and formats are left to the record's schema, which has the last word.
 */
function readCell(c: CsvColumn, raw: string | undefined, style: NumberStyle): CellValue | Bad {
  if (raw === undefined) return c.nullable ? value(null) : problem('csvRequired')
  if (c.type === 'text') return value(c.nullable && raw === '' ? null : unneutralise(raw))
  if (c.type === 'number' || c.type === 'integer') {
    let t = raw.trim()
    if (t === '') return c.nullable ? value(null) : problem('csvRequired')
    if (style.decimalComma && DECIMAL_COMMA.test(t)) t = t.replace(',', '.')
    if (!NUMBER.test(t)) {
      return problem(!style.decimalComma && DECIMAL_COMMA.test(t) ? 'csvDecimalComma' : 'csvNotNumber', { text: shown(raw) })
    }
    const n = Number(t)
    if (!Number.isFinite(n)) return problem('csvNotFinite', { text: shown(raw) })
    if (c.type === 'integer' && !Number.isInteger(n)) return problem('csvNotWhole', { text: shown(raw) })
    return value(n)
  }
  if (c.type === 'boolean') {
    const t = unneutralise(raw).trim().toLowerCase()
    if (t === 'true' || t === 'yes' || t === '1') return value(true)
    if (t === 'false' || t === 'no' || t === '0') return value(false)
    return problem('csvNotBoolean', { text: shown(raw) })
  }
  const t = unneutralise(raw).trim()
  if (t === '') return c.nullable ? value(null) : problem('csvRequired')
  if (c.type === 'uuid' || c.type === 'date' || c.type === 'datetime') {
    const v = c.type === 'uuid' ? t.toLowerCase() : t
    const r = c.field.schema.safeParse(v)
    return r.success ? value(v) : problem('csvCellInvalid', { text: shown(raw), reason: r.error.issues[0] ? issueMsg(r.error.issues[0]) : { key: 'csvNotValid' } })
  }
  if (c.type === 'json') {
    const p = readPlan(t)
    return p.ok ? value(p.groups) : new Bad(p.msg)
  }
  return value(t)
}

/** A plan cell: the compact notation, or JSON (starting with `[`). */
export function readPlan(text: string): { ok: true; groups: RepeatGroup[] } | { ok: false; message: string; msg: Msg } {
  const bad = (m: Msg) => ({ ok: false as const, message: worded(m).message, msg: m })
  let groups: unknown
  if (text.trimStart().startsWith('[')) {
    try {
      groups = JSON.parse(text)
    } catch {
      return bad({ key: 'csvPlanJson' })
    }
  } else {
    const p = parseNotation(text)
    if (!p.ok) return bad({ key: 'csvPlanNotation', params: { reason: { key: p.error.key, ...(p.error.params ? { params: p.error.params } : {}) }, text: shown(text) } })
    groups = p.groups
  }
  const parsed = planSchema.safeParse(groups)
  if (!parsed.success) {
    const i = parsed.error.issues[0]
    if (!i) return bad({ key: 'csvNotPlan' })
    return bad(i.path.length ? { key: 'csvPlanAt', params: { path: i.path.join('.'), reason: issueMsg(i) } } : issueMsg(i))
  }
  return { ok: true, groups: parsed.data }
}

/** A row's cells as values of their fields, keyed by field; every problem is collected, not only the first. */
function readCells(columns: readonly IndexedColumn[], row: readonly string[], style: NumberStyle, issues: CellIssue[]): Record<string, CellValue> {
  const out: Record<string, CellValue> = {}
  for (const { column, index } of columns) {
    const v = readCell(column, index < 0 ? undefined : row[index], style)
    if (!(v instanceof Bad)) out[column.key] = v
    else {
      issues.push(cellIssue(column.name, v.msg))
      out[column.key] = null
    }
  }
  return out
}

/** Validates `input` with a record's schema and adds its problems, each under the CSV column of its field (once per column). */
function checkSchema<S extends z.ZodType>(schema: S, fields: Record<string, { csv: string | null }>, input: Record<string, unknown>, issues: CellIssue[]): z.output<S> | null {
  const parsed = schema.safeParse(input)
  if (parsed.success) return parsed.data
  const already = new Set(issues.map((i) => i.column))
  for (const i of parsed.error.issues) {
    const key = String(i.path[0] ?? '')
    const column = fields[key]?.csv ?? key
    if (already.has(column)) continue
    already.add(column)
    issues.push(cellIssue(column, issueMsg(i)))
  }
  return null
}

/** Values a schema is given: absent (null) cells become undefined so that the schema's defaults apply. */
function schemaInput(v: Record<string, CellValue>, keys: readonly string[], fields: Record<string, { nullable: boolean }> = SESSION_FIELDS): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const k of keys) out[k] = v[k] === null && !fields[k]?.nullable ? undefined : v[k]
  return out
}

/** A session read from a file, ready to be written (its reps come from the reps file). */
export interface ImportedSession {
  uuid: string
  protocolUuid: string | null
  protocolName: string | null
  plan: RepeatGroup[] | null
  /** The plan as the database stores it. */
  planJson: string | null
  date: string
  startTime: string | null
  warmupSeconds: number
  cooldownSeconds: number
  rpe: number | null
  couldNotRecover: boolean
  notes: string
  createdAt: string
  updatedAt: string
}

export interface ImportedRep {
  position: number
  rep: Rep
}

/** A body-weight row read from a file: the same fields the export writes. */
export interface ImportedWeight {
  uuid: string
  date: string
  kg: number
  note: string
  createdAt: string
  updatedAt: string
}

export type Read<T> = { ok: true; value: T } | { ok: false; issues: CellIssue[] }

/** What the import reads of a session's own fields (its protocol and plan come by UUID and notation). */
const HEAD = sessionHead.omit({ date: true, protocolId: true, plan: true })
const HEAD_KEYS = Object.keys(HEAD.shape)

/** The session columns of a row (sessions or reps file), validated with the same schema as the session form. */
export function readSession(header: HeaderInfo, row: readonly string[], style: NumberStyle): Read<ImportedSession> {
  const issues: CellIssue[] = []
  const v = readCells(header.read.session, row, style, issues)
  const head = checkSchema(HEAD, SESSION_FIELDS, schemaInput(v, HEAD_KEYS), issues)
  const plan = (v.plan as RepeatGroup[] | null) ?? null
  if (v.protocolUuid === null && plan !== null) issues.push(cellIssue('plan', { key: 'csvPlanWithoutProtocol' }))
  if (issues.length > 0 || head === null) return { ok: false, issues }
  return {
    ok: true,
    value: {
      uuid: v.uuid as string,
      protocolUuid: v.protocolUuid as string | null,
      protocolName: v.protocolName as string | null,
      plan,
      planJson: plan ? JSON.stringify(plan) : null,
      date: v.date as string,
      startTime: head.startTime,
      warmupSeconds: head.warmupSeconds,
      cooldownSeconds: head.cooldownSeconds,
      rpe: head.rpe,
      couldNotRecover: head.couldNotRecover,
      notes: head.notes,
      createdAt: v.createdAt as string,
      updatedAt: v.updatedAt as string
    }
  }
}

const REP_KEYS = Object.keys(repSchema.shape)

/** The rep columns of a reps-file row, validated with the session form's rep schema. */
export function readRep(header: HeaderInfo, row: readonly string[], style: NumberStyle): Read<ImportedRep> {
  const issues: CellIssue[] = []
  const v = readCells(header.read.rep, row, style, issues)
  const position = v.position as number | null
  if (position !== null) {
    const p = REP_FIELDS.position.schema.safeParse(position)
    if (!p.success) issues.push(cellIssue('rep_number', p.error.issues[0] ? issueMsg(p.error.issues[0]) : { key: 'csvNotValid' }))
  }
  const input: Record<string, unknown> = {}
  for (const k of REP_KEYS) input[k] = v[k]
  const parsed = checkSchema(repSchema, REP_FIELDS, input, issues)
  if (issues.length > 0 || parsed === null || position === null) return { ok: false, issues }
  return { ok: true, value: { position, rep: parsed } }
}

const WEIGHT_ENTERED = weightFields.omit({ date: true })

/** A body-weight row, validated with the weight form's schemas. */
export function readWeight(header: HeaderInfo, row: readonly string[], style: NumberStyle): Read<ImportedWeight> {
  const issues: CellIssue[] = []
  const v = readCells(header.read.weight, row, style, issues)
  const parsed = checkSchema(WEIGHT_ENTERED, WEIGHT_FIELDS, { kg: v.kg, note: v.note ?? undefined }, issues)
  if (issues.length > 0 || parsed === null) return { ok: false, issues }
  return {
    ok: true,
    value: { uuid: v.uuid as string, date: v.date as string, kg: parsed.kg, note: parsed.note, createdAt: v.createdAt as string, updatedAt: v.updatedAt as string }
  }
}

/** A protocol read from a protocols file: one of the runner's own, with its UUID and timestamps. */
export interface ImportedProtocolRecord {
  uuid: string
  name: string
  description: string
  sourceNote: string
  terrain: Terrain
  groups: RepeatGroup[]
  archived: boolean
  createdAt: string
  updatedAt: string
}

/** A training block read from a blocks file; its protocol is named by UUID. */
export interface ImportedBlock {
  uuid: string
  name: string
  startDate: string
  weeks: number
  sessionsPerWeek: number
  protocolUuid: string | null
  createdAt: string
  updatedAt: string
}

const PROTOCOL_ENTERED = protocolFields
const PROTOCOL_KEYS = Object.keys(PROTOCOL_ENTERED.shape)

/** A protocols-file row, validated with the protocol form's schema. */
export function readProtocol(header: HeaderInfo, row: readonly string[], style: NumberStyle): Read<ImportedProtocolRecord> {
  const issues: CellIssue[] = []
  const v = readCells(header.read.protocol, row, style, issues)
  const parsed = checkSchema(PROTOCOL_ENTERED, PROTOCOL_FIELDS, schemaInput(v, PROTOCOL_KEYS, PROTOCOL_FIELDS), issues)
  if (issues.length > 0 || parsed === null) return { ok: false, issues }
  return {
    ok: true,
    value: {
      uuid: v.uuid as string,
      ...parsed,
      archived: v.archived as boolean,
      createdAt: v.createdAt as string,
      updatedAt: v.updatedAt as string
    }
  }
}

const BLOCK_ENTERED = blockFields.omit({ protocolId: true })
const BLOCK_KEYS = Object.keys(BLOCK_ENTERED.shape)

/** A blocks-file row, validated with the block form's schema (its protocol and dates are checked against the others by the import). */
export function readBlock(header: HeaderInfo, row: readonly string[], style: NumberStyle): Read<ImportedBlock> {
  const issues: CellIssue[] = []
  const v = readCells(header.read.block, row, style, issues)
  const parsed = checkSchema(BLOCK_ENTERED, BLOCK_FIELDS, schemaInput(v, BLOCK_KEYS, BLOCK_FIELDS), issues)
  if (issues.length > 0 || parsed === null) return { ok: false, issues }
  return {
    ok: true,
    value: { uuid: v.uuid as string, ...parsed, protocolUuid: v.protocolUuid as string | null, createdAt: v.createdAt as string, updatedAt: v.updatedAt as string }
  }
}

/** The indexes of the stored (not derived) session columns in the file's rows (-1: absent). */
function storedSessionIndexes(header: HeaderInfo): number[] {
  return header.read.session.map((c) => c.index)
}

/** The cells of a row that hold stored session values: rows of one session in a reps file must agree on them. */
export function sessionCells(header: HeaderInfo, row: readonly string[]): string[] {
  return storedSessionIndexes(header).map((i) => (i < 0 ? '' : (row[i] ?? '')))
}

/** The first session column on which a row disagrees with the `sessionCells` of an earlier row of the same session; null when none does. */
export function differingSessionColumn(header: HeaderInfo, first: readonly string[], row: readonly string[]): string | null {
  const cols = header.read.session
  for (let k = 0; k < cols.length; k++) {
    const { column, index } = cols[k] as IndexedColumn
    if ((index < 0 ? '' : (row[index] ?? '')) !== first[k]) return column.name
  }
  return null
}

