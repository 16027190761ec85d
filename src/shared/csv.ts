/**
 * Sprintlog's CSV files, defined once for export, import, the README and the tests: the columns of each
 * file (names, units, which are numbers), the spreadsheet-formula neutralisation, and the mapping between
 * cells and records. Platform-free: the reading and writing of files lives in src/main/services/csv.
 */
import { z } from 'zod'
import { formatNotation, parseNotation } from './notation'
import { bodyKg, localDate, note, rep as repSchema, repeatGroup, sessionFields } from './schemas'
import { INTENSITIES, type Intensity, RECOVERY_MODES, type RecoveryMode, type Rep, type RepeatGroup } from './training'
import { KG_PER_LB } from './units'

// ---------------------------------------------------------------------------------------------------------------
// Files and columns

/** The three files: one row per session, one row per rep (with its session's columns), one row per body weight. */
export const CSV_KINDS = ['sessions', 'reps', 'weights'] as const
export type CsvKind = (typeof CSV_KINDS)[number]
/** What an export writes: one kind, or all three files. */
export const EXPORT_CHOICES = ['sessions', 'reps', 'weights', 'all'] as const
export type ExportChoice = (typeof EXPORT_CHOICES)[number]

export const KIND_LABEL: Record<CsvKind, string> = { sessions: 'sessions', reps: 'reps', weights: 'body weight' }
/** The part of the file name that says what is in it: `sprintlog-2026-11-20-sessions.csv`. */
export const KIND_FILE_SUFFIX: Record<CsvKind, string> = { sessions: 'sessions', reps: 'reps', weights: 'body-weight' }

export function exportFileName(base: string, kind: CsvKind): string {
  return `${base}-${KIND_FILE_SUFFIX[kind]}.csv`
}

export type CellType = 'uuid' | 'date' | 'time' | 'datetime' | 'text' | 'plan' | 'enum' | 'number' | 'integer' | 'boolean'

export interface CsvColumn {
  name: string
  type: CellType
  /** The unit of a number (SI for stored values), or '' when it has none. */
  unit: string
  /** May be empty. */
  nullable: boolean
  /** Written on export for convenience, computed from the other columns; ignored on import and may be left out. */
  derived: boolean
  description: string
}

const col = (name: string, type: CellType, description: string, o: { unit?: string; nullable?: boolean; derived?: boolean } = {}): CsvColumn => ({
  name,
  type,
  description,
  unit: o.unit ?? '',
  nullable: o.nullable ?? false,
  derived: o.derived ?? false
})

export const SESSION_COLUMNS: readonly CsvColumn[] = [
  col('session_uuid', 'uuid', 'The session’s stable id; importing a file twice adds a session only once.'),
  col('date', 'date', 'Local date of the session, YYYY-MM-DD.'),
  col('start_time', 'time', 'Local start time, HH:MM (24-hour); empty when not recorded.', { nullable: true }),
  col('protocol_uuid', 'uuid', 'The protocol the session followed; empty for a free-form session.', { nullable: true }),
  col('protocol_name', 'text', 'That protocol’s name (used to recreate it when it is not in the database).', { nullable: true }),
  col(
    'plan',
    'plan',
    'The planned repeat groups in the compact notation (e.g. `6x20s @max / 2m walk`), or as JSON when the notation cannot say it exactly; empty for a free-form session.',
    { nullable: true }
  ),
  col('planned_reps', 'integer', 'Reps in the plan (the number of reps logged, for a free-form session).', { derived: true }),
  col('warmup_seconds', 'integer', 'Warm-up duration.', { unit: 's' }),
  col('cooldown_seconds', 'integer', 'Cool-down duration.', { unit: 's' }),
  col('rpe', 'number', 'Session RPE, 0–10 (CR-10 scale); empty when not given.', { nullable: true }),
  col('could_not_recover', 'boolean', '`true` when the runner could not catch their breath between reps.'),
  col('notes', 'text', 'Free text, up to 10,000 characters; may contain line breaks.'),
  col('reps_done', 'integer', 'Completed reps.', { derived: true }),
  col('work_seconds', 'number', 'Work time: the work of completed reps.', { unit: 's', derived: true }),
  col('distance_m', 'number', 'Sprint distance: the distance of completed reps.', { unit: 'm', derived: true }),
  col('duration_seconds', 'number', 'Warm-up + all work and recovery + cool-down.', { unit: 's', derived: true }),
  col('duration_min', 'number', 'The same in minutes, rounded to 0.01.', { unit: 'min', derived: true }),
  col('load_au', 'number', 'Session load (sRPE): RPE × duration in minutes, rounded to 0.01; empty without an RPE.', {
    unit: 'AU',
    derived: true,
    nullable: true
  }),
  col('created_at', 'datetime', 'When the session was first saved (ISO 8601, UTC).'),
  col('updated_at', 'datetime', 'When it was last changed (ISO 8601, UTC).')
]

/** The rep columns that follow the session columns in the reps file. */
export const REP_COLUMNS: readonly CsvColumn[] = [
  col('rep_number', 'integer', 'Position of the rep in the session, from 1.'),
  col('rep_work_seconds', 'number', 'Work duration of the rep.', { unit: 's' }),
  col('rep_distance_m', 'number', 'Distance run; empty when not measured.', { unit: 'm', nullable: true }),
  col('rep_intensity', 'enum', '`max`, `near-max`, `moderate` or `custom`.'),
  col('rep_intensity_pct', 'number', 'Percent of maximum effort, for `custom` intensity.', { unit: '%', nullable: true }),
  col('rep_rpe', 'number', 'RPE of the rep, 0–10; empty when not given.', { nullable: true }),
  col('rep_recovery_seconds', 'number', 'Recovery after the rep; empty for an untimed walk back down the hill.', { unit: 's', nullable: true }),
  col('rep_recovery_mode', 'enum', '`walk`, `jog`, `stand` or `walk-down`.'),
  col('rep_incline_pct', 'number', 'Treadmill or hill incline; may be negative.', { unit: '%', nullable: true }),
  col('rep_hill', 'boolean', '`true` for an uphill rep.'),
  col('rep_completed', 'boolean', '`false` when the rep was abandoned.'),
  col('rep_heart_rate_bpm', 'integer', 'Heart rate at the end of the rep; empty when not measured.', { unit: 'bpm', nullable: true })
]

export const WEIGHT_COLUMNS: readonly CsvColumn[] = [
  col('weight_uuid', 'uuid', 'The entry’s stable id; importing a file twice adds an entry only once.'),
  col('date', 'date', 'Local date of the weigh-in, YYYY-MM-DD.'),
  col('weight_kg', 'number', 'Body weight as stored.', { unit: 'kg' }),
  col('weight_lb', 'number', 'The same in pounds, rounded to 0.01.', { unit: 'lb', derived: true }),
  col('note', 'text', 'Free text, up to 10,000 characters.'),
  col('created_at', 'datetime', 'When the entry was first saved (ISO 8601, UTC).'),
  col('updated_at', 'datetime', 'When it was last changed (ISO 8601, UTC).')
]

export const COLUMNS: Record<CsvKind, readonly CsvColumn[]> = {
  sessions: SESSION_COLUMNS,
  reps: [...SESSION_COLUMNS, ...REP_COLUMNS],
  weights: WEIGHT_COLUMNS
}

export const HEADERS: Record<CsvKind, readonly string[]> = {
  sessions: COLUMNS.sessions.map((c) => c.name),
  reps: COLUMNS.reps.map((c) => c.name),
  weights: COLUMNS.weights.map((c) => c.name)
}

/** Columns whose cells are numbers (never neutralised, so negative numbers stay numbers). */
export function isNumeric(c: CsvColumn): boolean {
  return c.type === 'number' || c.type === 'integer'
}

// ---------------------------------------------------------------------------------------------------------------
// Formula neutralisation (OWASP CSV injection)

/**
 * A text cell a spreadsheet would run as a formula starts with one of these (the full-width forms too, which some
 * spreadsheets normalise). Leading quotes are looked through so that the prefix can always be taken off again.
 */
const FORMULA = /^'*[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/

/** Prefixes a single quote to a text cell that a spreadsheet would treat as a formula (or that starts with quotes before such a character). */
export function neutralise(text: string): string {
  return FORMULA.test(text) ? `'${text}` : text
}

/** Takes off the quote `neutralise` added; exactly inverts it, so text survives a round trip whatever it is. */
export function unneutralise(text: string): string {
  return text.charCodeAt(0) === 39 && FORMULA.test(text) ? text.slice(1) : text
}

// ---------------------------------------------------------------------------------------------------------------
// Records as they are exported

/** A session as stored, with its derived columns; what the export reads. */
export interface SessionRecord {
  uuid: string
  date: string
  startTime: string | null
  protocolUuid: string | null
  protocolName: string | null
  planJson: string | null
  plannedReps: number
  warmupSeconds: number
  cooldownSeconds: number
  rpe: number | null
  couldNotRecover: boolean
  notes: string
  repsDone: number
  workSeconds: number
  distanceMeters: number
  durationSeconds: number
  load: number | null
  createdAt: string
  updatedAt: string
}

export interface RepRecord extends Rep {
  position: number
}

export interface WeightRecord {
  uuid: string
  date: string
  kg: number
  note: string
  createdAt: string
  updatedAt: string
}

/** Numbers are written in their shortest exact form (`String(n)` round-trips every double), or rounded for display columns. */
export function formatNumber(n: number | null, decimals?: number): string {
  if (n === null) return ''
  if (decimals === undefined) return String(n)
  const f = 10 ** decimals
  const r = Math.round(n * f) / f
  return String(Object.is(r, -0) ? 0 : r)
}

const bool = (b: boolean) => (b ? 'true' : 'false')
const text = (s: string | null) => (s === null ? '' : neutralise(s))

/** The repeat groups in canonical form: what the database stores as `plan_json`. */
export function canonicalPlanJson(groups: readonly RepeatGroup[]): string {
  return JSON.stringify(groups.map((g) => repeatGroup.parse(g)))
}

/**
 * Writes cells from records. Keeps a small cache of plan cells, since a history repeats the same few plans.
 * Every cell is a string, so the CSV writer never formats a value itself.
 */
export function createCellWriter() {
  const plans = new Map<string, string>()
  const planCell = (planJson: string | null): string => {
    if (planJson === null) return ''
    let cell = plans.get(planJson)
    if (cell === undefined) {
      cell = planJson
      try {
        const notation = formatNotation(JSON.parse(planJson) as RepeatGroup[])
        const back = parseNotation(notation)
        if (back.ok && canonicalPlanJson(back.groups) === planJson) cell = notation
      } catch {
        // Not expressible in the notation: keep the JSON.
      }
      if (plans.size > 1000) plans.clear()
      plans.set(planJson, cell)
    }
    return neutralise(cell)
  }
  return {
    session(s: SessionRecord): string[] {
      return [
        text(s.uuid),
        text(s.date),
        text(s.startTime),
        text(s.protocolUuid),
        text(s.protocolName),
        planCell(s.planJson),
        formatNumber(s.plannedReps),
        formatNumber(s.warmupSeconds),
        formatNumber(s.cooldownSeconds),
        formatNumber(s.rpe),
        bool(s.couldNotRecover),
        text(s.notes),
        formatNumber(s.repsDone),
        formatNumber(s.workSeconds, 3),
        formatNumber(s.distanceMeters, 3),
        formatNumber(s.durationSeconds, 3),
        formatNumber(s.durationSeconds / 60, 2),
        formatNumber(s.load, 2),
        text(s.createdAt),
        text(s.updatedAt)
      ]
    },
    rep(r: RepRecord): string[] {
      return [
        formatNumber(r.position),
        formatNumber(r.workSeconds),
        formatNumber(r.distanceMeters),
        text(r.intensity),
        formatNumber(r.intensityPct),
        formatNumber(r.rpe),
        formatNumber(r.recoverySeconds),
        text(r.recoveryMode),
        formatNumber(r.inclinePct),
        bool(r.hill),
        bool(r.completed),
        formatNumber(r.heartRate)
      ]
    },
    weight(w: WeightRecord): string[] {
      return [text(w.uuid), text(w.date), formatNumber(w.kg), formatNumber(w.kg / KG_PER_LB, 2), text(w.note), text(w.createdAt), text(w.updatedAt)]
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Reading: header, cells, records

export interface HeaderInfo {
  kind: CsvKind
  /** For each column of the kind, its index in the file's rows, or -1 when absent (derived columns only). */
  index: Record<string, number>
  /** Header cells that are not Sprintlog columns; ignored. */
  unknown: string[]
}

export type HeaderResult = { ok: true; header: HeaderInfo } | { ok: false; message: string }

const quoteList = (names: readonly string[]) => names.map((n) => `“${n}”`).join(', ')

/** Recognises a file by its header row; any column order is fine. */
export function readHeader(cells: readonly string[]): HeaderResult {
  const names = cells.map((c) => c.trim().replace(/^\uFEFF/, '').toLowerCase())
  const seen = new Set<string>()
  for (const n of names) {
    if (n === '') continue
    if (seen.has(n)) return { ok: false, message: `The column “${n}” appears twice in the header.` }
    seen.add(n)
  }
  const kind: CsvKind | null = seen.has('weight_uuid') ? 'weights' : seen.has('rep_number') ? 'reps' : seen.has('session_uuid') ? 'sessions' : null
  if (kind === null) {
    return {
      ok: false,
      message:
        'This is not a Sprintlog CSV file: the first line must be a header naming the columns, with session_uuid (sessions), ' +
        'session_uuid and rep_number (reps) or weight_uuid (body weight). See “CSV files” in the README.'
    }
  }
  const columns = COLUMNS[kind]
  const missing = columns.filter((c) => !c.derived && !seen.has(c.name)).map((c) => c.name)
  if (missing.length > 0) {
    return { ok: false, message: `This ${KIND_LABEL[kind]} file lacks the column${missing.length > 1 ? 's' : ''} ${quoteList(missing)}.` }
  }
  const index: Record<string, number> = {}
  for (const c of columns) index[c.name] = names.indexOf(c.name)
  const known = new Set(columns.map((c) => c.name))
  const unknown = names.filter((n) => n !== '' && !known.has(n))
  return { ok: true, header: { kind, index, unknown } }
}

/** How numbers are written in the file being read. */
export interface NumberStyle {
  /** `;`-separated files from European locales may use decimal commas. */
  decimalComma: boolean
}

export interface CellIssue {
  column: string
  message: string
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/

class CellError {
  constructor(readonly message: string) {}
}

/** Calendar-date checks repeat for every row of a history with few distinct days: remember them. */
const dateChecks = new Map<string, string | null>()
function checkDate(value: string): string | null {
  let r = dateChecks.get(value)
  if (r === undefined) {
    const p = localDate.safeParse(value)
    r = p.success ? null : (p.error.issues[0]?.message ?? 'Not a date.')
    if (dateChecks.size > 50_000) dateChecks.clear()
    dateChecks.set(value, r)
  }
  return r
}

const show = (s: string) => (s.length > 40 ? `“${s.slice(0, 40)}…”` : `“${s}”`)

/** One cell as a value of its column's type; throws CellError. Text cells lose the formula-neutralising quote. */
function cell(c: CsvColumn, raw: string | undefined, style: NumberStyle): string | number | boolean | null {
  if (raw === undefined) return c.nullable ? null : fail('A value is required.')
  switch (c.type) {
    case 'text':
      return c.nullable && raw === '' ? null : unneutralise(raw)
    case 'number':
    case 'integer': {
      let t = raw.trim()
      if (t === '') return c.nullable ? null : fail('A value is required.')
      // Most cells are plain whole numbers: those need no pattern (digits alone are a NUMBER).
      if (t.length < 16 && allDigits(t)) return Number(t)
      if (style.decimalComma && DECIMAL_COMMA.test(t)) t = t.replace(',', '.')
      if (!NUMBER.test(t)) {
        const hint = !style.decimalComma && DECIMAL_COMMA.test(t) ? ' (decimal commas are read only in files separated by “;”)' : ''
        return fail(`${show(raw)} is not a number${hint}.`)
      }
      const n = Number(t)
      if (!Number.isFinite(n)) return fail(`${show(raw)} is not a finite number.`)
      if (c.type === 'integer' && !Number.isInteger(n)) return fail(`${show(raw)} is not a whole number.`)
      return n
    }
    case 'boolean': {
      const t = unneutralise(raw).trim().toLowerCase()
      if (t === 'true' || t === 'yes' || t === '1') return true
      if (t === 'false' || t === 'no' || t === '0') return false
      return fail(`${show(raw)} is not true or false.`)
    }
    default: {
      const t = unneutralise(raw).trim()
      if (t === '') return c.nullable ? null : fail('A value is required.')
      if (c.type === 'uuid') {
        const u = t.toLowerCase()
        return UUID.test(u) ? u : fail(`${show(raw)} is not a UUID.`)
      }
      if (c.type === 'date') {
        const problem = checkDate(t)
        return problem ? fail(`${show(raw)}: ${problem}`) : t
      }
      if (c.type === 'datetime') {
        return DATETIME.test(t) && !Number.isNaN(Date.parse(t)) ? t : fail(`${show(raw)} is not a date and time in ISO 8601 form (2026-11-20T07:30:00.000Z).`)
      }
      return t
    }
  }
}

function allDigits(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const ch = t.charCodeAt(i)
    if (ch < 48 || ch > 57) return false
  }
  return true
}

function fail(message: string): never {
  throw new CellError(message)
}

/** Reads the listed columns of one row; collects every problem instead of stopping at the first. */
function readCells(columns: readonly CsvColumn[], header: HeaderInfo, row: readonly string[], style: NumberStyle, issues: CellIssue[]): Cells {
  const out: Cells = {}
  for (const c of columns) {
    if (c.derived) continue
    const i = header.index[c.name] ?? -1
    try {
      out[c.name] = cell(c, i < 0 ? undefined : row[i], style)
    } catch (e) {
      if (!(e instanceof CellError)) throw e
      issues.push({ column: c.name, message: e.message })
      out[c.name] = null
    }
  }
  return out
}

/** Turns zod issues into cell issues, naming the file's column for each field. */
function zodCellIssues(error: z.ZodError, columnOf: Record<string, string>, issues: CellIssue[]): void {
  for (const i of error.issues) {
    const field = String(i.path[0] ?? '')
    issues.push({ column: columnOf[field] ?? field, message: i.message })
  }
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
export type ImportedWeight = WeightRecord

export type Read<T> = { ok: true; value: T } | { ok: false; issues: CellIssue[] }

export const sessionHeadSchema = sessionFields.pick({
  startTime: true,
  warmupSeconds: true,
  cooldownSeconds: true,
  rpe: true,
  couldNotRecover: true,
  notes: true
})
const SESSION_FIELD_COLUMN: Record<string, string> = {
  startTime: 'start_time',
  warmupSeconds: 'warmup_seconds',
  cooldownSeconds: 'cooldown_seconds',
  rpe: 'rpe',
  couldNotRecover: 'could_not_recover',
  notes: 'notes'
}
const planSchema = z.array(repeatGroup).min(1, 'A plan needs at least one repeat group.').max(10, 'A plan has at most 10 repeat groups.')

/** A plan cell: the compact notation, or JSON (starting with `[`). */
export function readPlan(text: string): { ok: true; groups: RepeatGroup[] } | { ok: false; message: string } {
  let groups: unknown
  if (text.trimStart().startsWith('[')) {
    try {
      groups = JSON.parse(text)
    } catch {
      return { ok: false, message: 'The plan starts with “[” but is not valid JSON.' }
    }
  } else {
    const p = parseNotation(text)
    if (!p.ok) return { ok: false, message: `${p.error.message} (in ${show(text)})` }
    groups = p.groups
  }
  const parsed = planSchema.safeParse(groups)
  if (!parsed.success) {
    const i = parsed.error.issues[0]
    return { ok: false, message: `${i?.path.length ? `${i.path.join('.')}: ` : ''}${i?.message ?? 'Not a plan.'}` }
  }
  return { ok: true, groups: parsed.data }
}

/** A row's cells as values of their columns' types (`readCells`). */
export type Cells = Record<string, string | number | boolean | null>
type SessionHead = z.output<typeof sessionHeadSchema>

/** What `sessionHeadSchema` is given for a row's cells. */
export function sessionHeadInput(v: Cells): Record<string, unknown> {
  return {
    startTime: v.start_time,
    warmupSeconds: v.warmup_seconds ?? undefined,
    cooldownSeconds: v.cooldown_seconds ?? undefined,
    rpe: v.rpe,
    couldNotRecover: v.could_not_recover ?? undefined,
    notes: v.notes ?? undefined
  }
}

/** What the rep schema is given for a row's cells. */
export function repInput(v: Cells): Record<string, unknown> {
  return {
    workSeconds: v.rep_work_seconds,
    distanceMeters: v.rep_distance_m,
    intensity: v.rep_intensity,
    intensityPct: v.rep_intensity_pct,
    rpe: v.rep_rpe,
    recoverySeconds: v.rep_recovery_seconds,
    recoveryMode: v.rep_recovery_mode,
    inclinePct: v.rep_incline_pct,
    hill: v.rep_hill,
    completed: v.rep_completed,
    heartRate: v.rep_heart_rate_bpm
  }
}

const START_TIME = /^([01]\d|2[0-3]):[0-5]\d$/
const isNum = (x: unknown): x is number => typeof x === 'number'
const within = (x: unknown, min: number, max: number): x is number => typeof x === 'number' && x >= min && x <= max

/**
 * Fast paths for the many rows of a large import: hand checks of what `sessionHeadSchema` and `repSchema` accept,
 * giving the same value the schema would. They only ever accept: anything they do not accept goes through the
 * schema, which has the last word and the error messages. tests/unit/csv-fast-path.test.ts holds each of them to
 * its schema, value for value, on the edges of every range.
 */
export function quickSessionHead(v: Cells): SessionHead | null {
  const { start_time: startTime, warmup_seconds: warmup, cooldown_seconds: cooldown, rpe, could_not_recover: couldNotRecover, notes } = v
  if (startTime !== null && !(typeof startTime === 'string' && START_TIME.test(startTime))) return null
  if (!(within(warmup, 0, 7200) && Number.isInteger(warmup)) || !(within(cooldown, 0, 7200) && Number.isInteger(cooldown))) return null
  if (rpe !== null && !within(rpe, 0, 10)) return null
  if (typeof couldNotRecover !== 'boolean' || typeof notes !== 'string' || notes.length > 10_000) return null
  return { startTime, warmupSeconds: warmup, cooldownSeconds: cooldown, rpe, couldNotRecover, notes }
}

export function quickRep(v: Cells): Rep | null {
  const work = v.rep_work_seconds
  const distance = v.rep_distance_m
  const intensity = v.rep_intensity
  const pct = v.rep_intensity_pct
  const rpe = v.rep_rpe
  const recovery = v.rep_recovery_seconds
  const mode = v.rep_recovery_mode
  const incline = v.rep_incline_pct
  const hill = v.rep_hill
  const completed = v.rep_completed
  const heartRate = v.rep_heart_rate_bpm
  if (!within(work, 0.1, 7200) || !Number.isFinite(work)) return null
  if (distance !== null && !(isNum(distance) && distance > 0 && distance <= 100_000)) return null
  if (!INTENSITIES.includes(intensity as Intensity) || !RECOVERY_MODES.includes(mode as RecoveryMode)) return null
  if (pct !== null && !within(pct, 1, 100)) return null
  if (intensity === 'custom' && pct === null) return null
  if (rpe !== null && !within(rpe, 0, 10)) return null
  if (recovery !== null && !(within(recovery, 0, 7200) && Number.isFinite(recovery))) return null
  if (incline !== null && !within(incline, -10, 40)) return null
  if (typeof hill !== 'boolean' || typeof completed !== 'boolean') return null
  if (heartRate !== null && !(within(heartRate, 30, 250) && Number.isInteger(heartRate))) return null
  return {
    workSeconds: work,
    distanceMeters: distance,
    intensity: intensity as Intensity,
    intensityPct: pct,
    rpe,
    recoverySeconds: recovery,
    recoveryMode: mode as RecoveryMode,
    inclinePct: incline,
    hill,
    completed,
    heartRate
  }
}

/** Plans repeat from session to session: each distinct plan cell is read (notation, schema) once per import. */
const planReads = new Map<string, ReturnType<typeof readPlan>>()
function readPlanCached(text: string): ReturnType<typeof readPlan> {
  let r = planReads.get(text)
  if (r === undefined) {
    r = readPlan(text)
    if (planReads.size > 1000) planReads.clear()
    planReads.set(text, r)
  }
  return r
}

/** The session columns of a row (sessions or reps file), validated with the same schemas as the session form. */
export function readSession(header: HeaderInfo, row: readonly string[], style: NumberStyle): Read<ImportedSession> {
  const issues: CellIssue[] = []
  const v = readCells(SESSION_COLUMNS, header, row, style, issues)
  const quick = issues.length === 0 ? quickSessionHead(v) : null
  const head = quick
    ? { success: true as const, data: quick }
    : sessionHeadSchema.safeParse(sessionHeadInput(v))
  if (!head.success) {
    const already = new Set(issues.map((i) => i.column))
    const more: CellIssue[] = []
    zodCellIssues(head.error, SESSION_FIELD_COLUMN, more)
    issues.push(...more.filter((i) => !already.has(i.column)))
  }
  let plan: RepeatGroup[] | null = null
  if (typeof v.plan === 'string' && v.plan.trim() !== '') {
    const p = readPlanCached(v.plan)
    // A copy: every session owns its plan.
    if (p.ok) plan = p.groups.map((g) => ({ ...g }))
    else issues.push({ column: 'plan', message: p.message })
  }
  if (v.protocol_uuid === null && plan !== null) issues.push({ column: 'plan', message: 'A plan needs a protocol_uuid (a free-form session has no plan).' })
  if (issues.length > 0 || !head.success) return { ok: false, issues }
  return {
    ok: true,
    value: {
      uuid: v.session_uuid as string,
      protocolUuid: v.protocol_uuid as string | null,
      protocolName: v.protocol_name as string | null,
      plan,
      planJson: plan ? JSON.stringify(plan) : null,
      date: v.date as string,
      startTime: head.data.startTime,
      warmupSeconds: head.data.warmupSeconds,
      cooldownSeconds: head.data.cooldownSeconds,
      rpe: head.data.rpe,
      couldNotRecover: head.data.couldNotRecover,
      notes: head.data.notes,
      createdAt: v.created_at as string,
      updatedAt: v.updated_at as string
    }
  }
}

const REP_FIELD_COLUMN: Record<string, string> = {
  workSeconds: 'rep_work_seconds',
  distanceMeters: 'rep_distance_m',
  intensity: 'rep_intensity',
  intensityPct: 'rep_intensity_pct',
  rpe: 'rep_rpe',
  recoverySeconds: 'rep_recovery_seconds',
  recoveryMode: 'rep_recovery_mode',
  inclinePct: 'rep_incline_pct',
  hill: 'rep_hill',
  completed: 'rep_completed',
  heartRate: 'rep_heart_rate_bpm'
}

/** The rep cells of a row as `readCells` reads them, with the problems it finds (exported for the fast path's test). */
export function repCells(header: HeaderInfo, row: readonly string[], style: NumberStyle): { cells: Cells; issues: CellIssue[] } {
  const issues: CellIssue[] = []
  return { cells: readCells(REP_COLUMNS, header, row, style, issues), issues }
}

/** The index of each rep column in the file's rows (-1: absent), per header. */
const repIndexes = new WeakMap<HeaderInfo, number[]>()

/** A plain decimal as Sprintlog writes it (`20`, `2.5`, `-3`): what `Number` reads exactly as the NUMBER pattern does. */
function plainNumber(t: string): number | undefined {
  const n = t.length
  if (n === 0 || n > 15) return undefined
  let i = t.charCodeAt(0) === 45 ? 1 : 0
  const digitsFrom = i
  while (i < n && t.charCodeAt(i) >= 48 && t.charCodeAt(i) <= 57) i++
  if (i === digitsFrom) return undefined
  if (i < n) {
    if (t.charCodeAt(i) !== 46) return undefined
    const fraction = ++i
    while (i < n && t.charCodeAt(i) >= 48 && t.charCodeAt(i) <= 57) i++
    if (i === fraction || i < n) return undefined
  }
  return Number(t)
}

const plainOrNull = (t: string | undefined): number | null | undefined => (t === '' ? null : t === undefined ? undefined : plainNumber(t))
const plainBool = (t: string | undefined): boolean | undefined => (t === 'true' ? true : t === 'false' ? false : undefined)
const plainWord = (t: string | undefined): string | undefined => (t !== undefined && t !== '' && t.trim() === t && t.charCodeAt(0) !== 39 ? t : undefined)

/**
 * The rep cells of a row written the way Sprintlog writes them (plain numbers, `true`/`false`, bare words), read
 * without the general cell reader; null for anything else, which then goes the general way. Wherever it gives cells,
 * they are exactly `repCells`' (tests/unit/csv-fast-path.test.ts holds it to that).
 */
export function plainRepCells(header: HeaderInfo, row: readonly string[]): Cells | null {
  let at = repIndexes.get(header)
  if (at === undefined) repIndexes.set(header, (at = REP_COLUMNS.map((c) => header.index[c.name] ?? -1)))
  const cellAt = (k: number): string | undefined => {
    const i = at[k] as number
    return i < 0 ? undefined : row[i]
  }
  const position = plainNumber(cellAt(0) ?? '')
  const work = plainNumber(cellAt(1) ?? '')
  const distance = plainOrNull(cellAt(2))
  const intensity = plainWord(cellAt(3))
  const pct = plainOrNull(cellAt(4))
  const rpe = plainOrNull(cellAt(5))
  const recovery = plainOrNull(cellAt(6))
  const mode = plainWord(cellAt(7))
  const incline = plainOrNull(cellAt(8))
  const hill = plainBool(cellAt(9))
  const completed = plainBool(cellAt(10))
  const heartRate = plainOrNull(cellAt(11))
  if (position === undefined || !Number.isInteger(position) || work === undefined || distance === undefined || intensity === undefined) return null
  if (pct === undefined || rpe === undefined || recovery === undefined || mode === undefined || incline === undefined) return null
  if (hill === undefined || completed === undefined || heartRate === undefined || (heartRate !== null && !Number.isInteger(heartRate))) return null
  return {
    rep_number: position,
    rep_work_seconds: work,
    rep_distance_m: distance,
    rep_intensity: intensity,
    rep_intensity_pct: pct,
    rep_rpe: rpe,
    rep_recovery_seconds: recovery,
    rep_recovery_mode: mode,
    rep_incline_pct: incline,
    rep_hill: hill,
    rep_completed: completed,
    rep_heart_rate_bpm: heartRate
  }
}

/** The rep columns of a reps-file row, validated with the session form's rep schema. */
export function readRep(header: HeaderInfo, row: readonly string[], style: NumberStyle): Read<ImportedRep> {
  const plain = plainRepCells(header, row)
  if (plain !== null) {
    const position = plain.rep_number as number
    const quick = position >= 1 && position <= 100 ? quickRep(plain) : null
    if (quick) return { ok: true, value: { position, rep: quick } }
  }
  const { cells: v, issues } = repCells(header, row, style)
  const position = v.rep_number as number | null
  if (position !== null && (position < 1 || position > 100)) issues.push({ column: 'rep_number', message: 'A rep number is from 1 to 100.' })
  if (issues.length === 0 && position !== null) {
    const quick = quickRep(v)
    if (quick) return { ok: true, value: { position, rep: quick } }
  }
  const parsed = repSchema.safeParse(repInput(v))
  if (!parsed.success) {
    const already = new Set(issues.map((i) => i.column))
    const more: CellIssue[] = []
    zodCellIssues(parsed.error, REP_FIELD_COLUMN, more)
    issues.push(...more.filter((i) => !already.has(i.column)))
  }
  if (issues.length > 0 || !parsed.success || position === null) return { ok: false, issues }
  return { ok: true, value: { position, rep: parsed.data } }
}

const weightSchema = z.object({ kg: bodyKg, note }).strict()

/** A body-weight row, validated with the weight form's schemas. */
export function readWeight(header: HeaderInfo, row: readonly string[], style: NumberStyle): Read<ImportedWeight> {
  const issues: CellIssue[] = []
  const v = readCells(WEIGHT_COLUMNS, header, row, style, issues)
  const parsed = weightSchema.safeParse({ kg: v.weight_kg, note: v.note ?? undefined })
  if (!parsed.success) {
    const already = new Set(issues.map((i) => i.column))
    const more: CellIssue[] = []
    zodCellIssues(parsed.error, { kg: 'weight_kg', note: 'note' }, more)
    issues.push(...more.filter((i) => !already.has(i.column)))
  }
  if (issues.length > 0 || !parsed.success) return { ok: false, issues }
  return {
    ok: true,
    value: {
      uuid: v.weight_uuid as string,
      date: v.date as string,
      kg: parsed.data.kg,
      note: parsed.data.note,
      createdAt: v.created_at as string,
      updatedAt: v.updated_at as string
    }
  }
}

/** The stored (not derived) session columns, with their index in the file's rows (-1: absent), per header. */
const sessionIndexes = new WeakMap<HeaderInfo, { name: string; index: number }[]>()
function storedSessionColumns(header: HeaderInfo): { name: string; index: number }[] {
  let cols = sessionIndexes.get(header)
  if (cols === undefined) {
    cols = SESSION_COLUMNS.filter((c) => !c.derived).map((c) => ({ name: c.name, index: header.index[c.name] ?? -1 }))
    sessionIndexes.set(header, cols)
  }
  return cols
}

/** The cells of a row that hold stored session values: rows of one session in a reps file must agree on them. */
export function sessionCells(header: HeaderInfo, row: readonly string[]): string[] {
  return storedSessionColumns(header).map((c) => (c.index < 0 ? '' : (row[c.index] ?? '')))
}

/** The first session column on which a row disagrees with the `sessionCells` of an earlier row of the same session; null when none does. */
export function differingSessionColumn(header: HeaderInfo, first: readonly string[], row: readonly string[]): string | null {
  const cols = storedSessionColumns(header)
  for (let k = 0; k < cols.length; k++) {
    const c = cols[k] as { name: string; index: number }
    if ((c.index < 0 ? '' : (row[c.index] ?? '')) !== first[k]) return c.name
  }
  return null
}

// ---------------------------------------------------------------------------------------------------------------
// What the back end reports about exports and imports

export interface ExportFile {
  kind: CsvKind
  fileName: string
  rows: number
  /** Web mode: a one-time address to download the file from. */
  downloadUrl?: string
  /** Desktop: where the file was saved. */
  path?: string
}

export interface ExportStatus {
  jobId: string
  what: ExportChoice
  /** Rows written so far, over every file of the job. */
  rows: number
  /** Rows the job will write in all. */
  totalRows: number
  done: boolean
  cancelled: boolean
  error?: string
  /** The finished files (once done). */
  files: ExportFile[]
}

export interface ImportLineError {
  file: string
  /** The line of the file where the row starts (1 is the header). */
  line: number
  column?: string
  message: string
}

export interface ImportFileSummary {
  name: string
  kind: CsvKind | null
  rows: number
  delimiter: ',' | ';'
  decimalComma: boolean
  encoding: 'utf-8' | 'windows-1252'
}

export interface ImportSampleRow {
  file: string
  line: number
  kind: CsvKind
  date: string
  summary: string
  status: 'add' | 'present' | 'error'
  message?: string
}

export interface ImportCounts {
  sessions: number
  reps: number
  weights: number
  protocols: number
}

export interface ImportPreview {
  files: ImportFileSummary[]
  /** What confirming would add. */
  toAdd: ImportCounts
  /** Rows whose UUID is already in the database: left as they are. */
  present: { sessions: number; reps: number; weights: number }
  /** Names of protocols that are not in the database and would be recreated from the file. */
  newProtocols: string[]
  errors: ImportLineError[]
  /** All errors, of which `errors` lists the first few hundred. */
  errorCount: number
  warnings: string[]
  /** The first rows of the files with what will happen to them. */
  sample: ImportSampleRow[]
  /** True when there are no errors and something to add. */
  canImport: boolean
}

export interface ImportStatus {
  previewId: string
  state: 'reading' | 'ready' | 'failed' | 'committed' | 'cancelled'
  bytesRead: number
  totalBytes: number
  preview?: ImportPreview
  error?: string
  added?: ImportCounts
}

export interface ChosenFile {
  fileId: string
  name: string
  size: number
}
