/**
 * Sprintlog's CSV files: which files there are and their columns, derived from the field tables (records.ts) — a
 * field with a CSV column is exported, and read back unless it is computed — and the spreadsheet-formula
 * neutralisation. Platform-free and stateless.
 */
import type { Field, FieldType, Fields } from '../fields'
import { BLOCK_FIELDS, PROTOCOL_FIELDS, REP_FIELDS, SESSION_FIELDS, WEIGHT_FIELDS } from '../records'

/**
 * The five files: one row per session, one row per rep (with its session's columns), one row per body weight, one
 * row per protocol of the runner's own, one row per training block.
 */
export const CSV_KINDS = ['sessions', 'reps', 'weights', 'protocols', 'blocks'] as const
export type CsvKind = (typeof CSV_KINDS)[number]
/** What an export writes: one kind, or everything. */
export const EXPORT_CHOICES = ['sessions', 'reps', 'weights', 'all'] as const
export type ExportChoice = (typeof EXPORT_CHOICES)[number]
/**
 * The files of “Everything”, in the order an import applies them whatever order they are chosen in: protocols
 * first (sessions and blocks name them), then blocks, then sessions with their reps, then body weights.
 */
export const ALL_KINDS: readonly CsvKind[] = ['protocols', 'blocks', 'sessions', 'reps', 'weights']
export const APPLY_ORDER: Record<CsvKind, number> = { protocols: 0, blocks: 1, sessions: 2, reps: 2, weights: 3 }

/** The part of the file name that says what is in it: `sprintlog-2026-11-20-sessions.csv`. */
export const KIND_FILE_SUFFIX: Record<CsvKind, string> = { sessions: 'sessions', reps: 'reps', weights: 'body-weight', protocols: 'protocols', blocks: 'blocks' }

export function exportFileName(base: string, kind: CsvKind): string {
  return `${base}-${KIND_FILE_SUFFIX[kind]}.csv`
}

export interface CsvColumn {
  name: string
  /** The field the column holds (its key in the record's field table). */
  key: string
  field: Field
  type: FieldType
  /** The unit of a number (SI for stored values), or '' when it has none. */
  unit: string
  /** May be empty. */
  nullable: boolean
  /** Written on export for convenience (computed from the other columns, or another record's); ignored on import and may be left out. */
  derived: boolean
  /** Written as the stored value × factor (a display unit), rounded to `decimals` digits when that is not null. */
  factor: number
  decimals: number | null
  description: string
}

/** The CSV columns of a field table, in its order; a display column follows the column it repeats. */
function columnsOf(fields: Fields): CsvColumn[] {
  const out: CsvColumn[] = []
  for (const [key, f] of Object.entries(fields)) {
    if (f.csv === null) continue
    const base = { key, field: f, type: f.type, nullable: f.nullable }
    out.push({ ...base, name: f.csv, unit: f.unit, derived: !f.csvRead, factor: 1, decimals: f.decimals, description: f.doc })
    if (f.display) {
      const d = f.display
      out.push({ ...base, name: d.csv, unit: d.unit, derived: true, factor: d.factor, decimals: d.decimals, description: d.doc })
    }
  }
  return out
}

export const SESSION_COLUMNS: readonly CsvColumn[] = columnsOf(SESSION_FIELDS)
/** The rep columns that follow the session columns in the reps file. */
export const REP_COLUMNS: readonly CsvColumn[] = columnsOf(REP_FIELDS)
export const WEIGHT_COLUMNS: readonly CsvColumn[] = columnsOf(WEIGHT_FIELDS)
export const PROTOCOL_COLUMNS: readonly CsvColumn[] = columnsOf(PROTOCOL_FIELDS)
export const BLOCK_COLUMNS: readonly CsvColumn[] = columnsOf(BLOCK_FIELDS)

export const COLUMNS: Record<CsvKind, readonly CsvColumn[]> = {
  sessions: SESSION_COLUMNS,
  reps: [...SESSION_COLUMNS, ...REP_COLUMNS],
  weights: WEIGHT_COLUMNS,
  protocols: PROTOCOL_COLUMNS,
  blocks: BLOCK_COLUMNS
}

export const HEADERS: Record<CsvKind, readonly string[]> = {
  sessions: COLUMNS.sessions.map((c) => c.name),
  reps: COLUMNS.reps.map((c) => c.name),
  weights: COLUMNS.weights.map((c) => c.name),
  protocols: COLUMNS.protocols.map((c) => c.name),
  blocks: COLUMNS.blocks.map((c) => c.name)
}

/** Columns whose cells are numbers (never neutralised, so negative numbers stay numbers). */
export function isNumeric(c: CsvColumn): boolean {
  return c.type === 'number' || c.type === 'integer'
}

const TYPE_WORD: Record<FieldType, string> = {
  id: 'whole number',
  uuid: 'UUID',
  date: 'date',
  time: 'time',
  datetime: 'timestamp',
  text: 'text',
  enum: 'word',
  number: 'number',
  integer: 'whole number',
  boolean: '`true`/`false`',
  json: 'text'
}

/** The README's table of a file's columns (the README holds exactly these, which tests/unit/csv.test.ts checks). */
export function columnTable(columns: readonly CsvColumn[]): string {
  const rows = columns.map((c) => {
    const read = c.derived ? (c.field.source === 'joined' ? 'no' : 'no (computed)') : c.nullable ? 'yes (may be empty)' : 'yes'
    return `| \`${c.name}\` | ${TYPE_WORD[c.type]} | ${c.unit === '' ? '—' : c.unit} | ${read} | ${c.description} |`
  })
  return ['| column | type | unit | read on import | meaning |', '|---|---|---|---|---|', ...rows].join('\n')
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
