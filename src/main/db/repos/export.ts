/**
 * The export's reads: every live session, rep and body weight in a date range, oldest first, the runner's own
 * protocols (archived ones too; the built-in ones are in every database) and the live training blocks that overlap
 * the range, streamed with
 * better-sqlite3's `.iterate()` so memory stays flat however long the history is. Rows are read as arrays
 * (`.raw()`), one value per CSV column in the files' order (derived from the field tables), which is several times
 * cheaper than named columns.
 */
import type { LocalDate } from '../../../shared/dates'
import { BLOCK_COLUMNS, type CsvColumn, type CsvKind, PROTOCOL_COLUMNS, REP_COLUMNS, SESSION_COLUMNS, WEIGHT_COLUMNS } from '../../../shared/csv'
import type { Db } from '../connection'
import { fromDate, toDate } from '../rows'

export interface ExportRange {
  from?: LocalDate | undefined
  to?: LocalDate | undefined
}

/** The SQL that reads each CSV column's stored value (a display column reads its field again). */
const read = (columns: readonly CsvColumn[], alias: string) => columns.map((c) => c.field.select ?? `${alias}.${c.field.sql as string}`).join(', ')

const SESSION = `s.id, ${read(SESSION_COLUMNS, 's')}`
const REP = read(REP_COLUMNS, 'r')
const LIVE_SESSIONS = `FROM sessions s LEFT JOIN protocols p ON p.id = s.protocol_id LEFT JOIN session_sources src ON src.session_id = s.id WHERE s.deleted_at IS NULL AND s.date BETWEEN ? AND ?`

const WITH_REPS = LIVE_SESSIONS.replace('WHERE', 'JOIN reps r ON r.session_id = s.id WHERE')
/** Own protocols in the order they were made (an import makes them in the file's order, so a round trip keeps it). */
const OWN_PROTOCOLS = `FROM protocols p WHERE p.built_in = 0`
/** Live blocks with a day in the range: starting by its end (`?` 1), ending on or after its start (`?` 2). */
const LIVE_BLOCKS = `FROM blocks b LEFT JOIN protocols p ON p.id = b.protocol_id
  WHERE b.deleted_at IS NULL AND b.start_date <= ? AND date(b.start_date, '+' || (b.weeks * 7 - 1) || ' days') >= ?`

/** Exported so tests can check their query plans (no sort: the date index gives the order). */
export const EXPORT_QUERIES = {
  sessions: `SELECT ${SESSION} ${LIVE_SESSIONS} ORDER BY s.date, s.id`,
  /** The reps file's rows in one query, every rep with its session's columns (what the benchmark has the sqlite3 shell export). */
  reps: `SELECT ${SESSION}, ${REP} ${WITH_REPS} ORDER BY s.date, s.id, r.position`,
  /**
   * The reps alone, in the same order, each with its session's id: read beside `sessions`, which gives each session's
   * columns once instead of once per rep (the values a row carries are what reading costs).
   */
  repRows: `SELECT s.id, ${REP} ${WITH_REPS} ORDER BY s.date, s.id, r.position`,
  weights: `SELECT ${read(WEIGHT_COLUMNS, 'w')} FROM body_weights w WHERE w.deleted_at IS NULL AND w.date BETWEEN ? AND ? ORDER BY w.date, w.id`,
  countSessions: `SELECT count(*) FROM sessions s WHERE s.deleted_at IS NULL AND s.date BETWEEN ? AND ?`,
  countReps: `SELECT count(*) FROM sessions s JOIN reps r ON r.session_id = s.id WHERE s.deleted_at IS NULL AND s.date BETWEEN ? AND ?`,
  countWeights: `SELECT count(*) FROM body_weights WHERE deleted_at IS NULL AND date BETWEEN ? AND ?`,
  protocols: `SELECT ${read(PROTOCOL_COLUMNS, 'p')} ${OWN_PROTOCOLS} ORDER BY p.id`,
  countProtocols: `SELECT count(*) ${OWN_PROTOCOLS}`,
  blocks: `SELECT ${read(BLOCK_COLUMNS, 'b')} ${LIVE_BLOCKS} ORDER BY b.start_date, b.id`,
  countBlocks: `SELECT count(*) ${LIVE_BLOCKS}`
} as const

/** A row's stored values, one per CSV column of its file (SESSION_COLUMNS, REP_COLUMNS, WEIGHT_COLUMNS, …), in order. */
export type StoredRow = unknown[]

type Row = unknown[]

export type ExportRepo = ReturnType<typeof exportRepo>

/**
 * The export reads on `db`, which should be a connection of its own (see db/reader.ts): an open iterator keeps its
 * connection busy, and a read transaction around several iterations gives them one consistent snapshot.
 */
export function exportRepo(db: Db) {
  const s = {
    sessions: db.prepare<[string, string], Row>(EXPORT_QUERIES.sessions).raw(true),
    repRows: db.prepare<[string, string], Row>(EXPORT_QUERIES.repRows).raw(true),
    weights: db.prepare<[string, string], Row>(EXPORT_QUERIES.weights).raw(true),
    countSessions: db.prepare<[string, string], number>(EXPORT_QUERIES.countSessions).pluck(),
    countReps: db.prepare<[string, string], number>(EXPORT_QUERIES.countReps).pluck(),
    countWeights: db.prepare<[string, string], number>(EXPORT_QUERIES.countWeights).pluck(),
    protocols: db.prepare<[], Row>(EXPORT_QUERIES.protocols).raw(true),
    countProtocols: db.prepare<[], number>(EXPORT_QUERIES.countProtocols).pluck(),
    blocks: db.prepare<[string, string], Row>(EXPORT_QUERIES.blocks).raw(true),
    countBlocks: db.prepare<[string, string], number>(EXPORT_QUERIES.countBlocks).pluck()
  }
  return {
    /** Starts a read transaction: every read until `end()` sees the same snapshot. */
    begin(): void {
      db.exec('BEGIN')
    },
    end(): void {
      if (db.inTransaction) db.exec('COMMIT')
    },
    count(kind: CsvKind, range: ExportRange): number {
      if (kind === 'protocols') return s.countProtocols.get() ?? 0
      if (kind === 'blocks') return s.countBlocks.get(toDate(range), fromDate(range)) ?? 0
      const q = kind === 'sessions' ? s.countSessions : kind === 'reps' ? s.countReps : s.countWeights
      return q.get(fromDate(range), toDate(range)) ?? 0
    },
    *sessions(range: ExportRange): Generator<StoredRow> {
      for (const r of s.sessions.iterate(fromDate(range), toDate(range))) yield r.slice(1)
    },
    /**
     * One item per rep; consecutive reps of a session share the same session object. Two iterators in step over the
     * same snapshot and order: the sessions (skipping those without reps) and the reps.
     */
    *reps(range: ExportRange): Generator<{ session: StoredRow; rep: StoredRow }> {
      const sessions = s.sessions.iterate(fromDate(range), toDate(range))
      try {
        let id: unknown = null
        let session: StoredRow | null = null
        for (const r of s.repRows.iterate(fromDate(range), toDate(range))) {
          while (session === null || r[0] !== id) {
            const next = sessions.next()
            if (next.done) throw new Error('The export read a rep whose session it did not find.')
            id = next.value[0]
            session = next.value.slice(1)
          }
          yield { session, rep: r.slice(1) }
        }
      } finally {
        sessions.return?.()
      }
    },
    *weights(range: ExportRange): Generator<StoredRow> {
      yield* s.weights.iterate(fromDate(range), toDate(range))
    },
    /** The runner's own protocols, whatever the range: sessions and blocks in it may name any of them. */
    *protocols(): Generator<StoredRow> {
      yield* s.protocols.iterate()
    },
    *blocks(range: ExportRange): Generator<StoredRow> {
      yield* s.blocks.iterate(toDate(range), fromDate(range))
    }
  }
}
