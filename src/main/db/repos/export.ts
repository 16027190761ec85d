/**
 * The export's reads: every live session, rep and body weight in a date range, oldest first, streamed with
 * better-sqlite3's `.iterate()` so memory stays flat however long the history is. Rows are read as arrays
 * (`.raw()`) and turned into records by position, which is several times cheaper than named columns.
 */
import type { LocalDate } from '../../../shared/dates'
import type { RepRecord, SessionRecord, WeightRecord } from '../../../shared/csv'
import type { Intensity, RecoveryMode } from '../../../shared/training'
import type { Db } from '../connection'
import { fromDate, toDate } from '../rows'

export interface ExportRange {
  from?: LocalDate | undefined
  to?: LocalDate | undefined
}

const SESSION = `s.id, s.uuid, s.date, s.start_time, p.uuid, p.name, s.plan_json, s.planned_reps, s.warmup_seconds, s.cooldown_seconds,
  s.rpe, s.could_not_recover, s.notes, s.reps_done, s.work_seconds, s.distance_meters, s.duration_seconds, s.load, s.created_at, s.updated_at`
const REP = `r.position, r.work_seconds, r.distance_meters, r.intensity, r.intensity_pct, r.rpe, r.recovery_seconds, r.recovery_mode,
  r.incline_pct, r.hill, r.completed, r.heart_rate`
const LIVE_SESSIONS = `FROM sessions s LEFT JOIN protocols p ON p.id = s.protocol_id WHERE s.deleted_at IS NULL AND s.date BETWEEN ? AND ?`

const WITH_REPS = LIVE_SESSIONS.replace('WHERE', 'JOIN reps r ON r.session_id = s.id WHERE')

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
  weights: `SELECT uuid, date, kg, note, created_at, updated_at FROM body_weights WHERE deleted_at IS NULL AND date BETWEEN ? AND ? ORDER BY date, id`,
  countSessions: `SELECT count(*) FROM sessions s WHERE s.deleted_at IS NULL AND s.date BETWEEN ? AND ?`,
  countReps: `SELECT count(*) FROM sessions s JOIN reps r ON r.session_id = s.id WHERE s.deleted_at IS NULL AND s.date BETWEEN ? AND ?`,
  countWeights: `SELECT count(*) FROM body_weights WHERE deleted_at IS NULL AND date BETWEEN ? AND ?`
} as const

type Row = unknown[]

function toSession(r: Row): SessionRecord {
  return {
    uuid: r[1] as string,
    date: r[2] as string,
    startTime: r[3] as string | null,
    protocolUuid: r[4] as string | null,
    protocolName: r[5] as string | null,
    planJson: r[6] as string | null,
    plannedReps: r[7] as number,
    warmupSeconds: r[8] as number,
    cooldownSeconds: r[9] as number,
    rpe: r[10] as number | null,
    couldNotRecover: r[11] === 1,
    notes: r[12] as string,
    repsDone: r[13] as number,
    workSeconds: r[14] as number,
    distanceMeters: r[15] as number,
    durationSeconds: r[16] as number,
    load: r[17] as number | null,
    createdAt: r[18] as string,
    updatedAt: r[19] as string
  }
}

function toRep(r: Row, o: number): RepRecord {
  return {
    position: r[o] as number,
    workSeconds: r[o + 1] as number,
    distanceMeters: r[o + 2] as number | null,
    intensity: r[o + 3] as Intensity,
    intensityPct: r[o + 4] as number | null,
    rpe: r[o + 5] as number | null,
    recoverySeconds: r[o + 6] as number | null,
    recoveryMode: r[o + 7] as RecoveryMode,
    inclinePct: r[o + 8] as number | null,
    hill: r[o + 9] === 1,
    completed: r[o + 10] === 1,
    heartRate: r[o + 11] as number | null
  }
}

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
    countWeights: db.prepare<[string, string], number>(EXPORT_QUERIES.countWeights).pluck()
  }
  return {
    /** Starts a read transaction: every read until `end()` sees the same snapshot. */
    begin(): void {
      db.exec('BEGIN')
    },
    end(): void {
      if (db.inTransaction) db.exec('COMMIT')
    },
    count(kind: 'sessions' | 'reps' | 'weights', range: ExportRange): number {
      const q = kind === 'sessions' ? s.countSessions : kind === 'reps' ? s.countReps : s.countWeights
      return q.get(fromDate(range), toDate(range)) ?? 0
    },
    *sessions(range: ExportRange): Generator<SessionRecord> {
      for (const r of s.sessions.iterate(fromDate(range), toDate(range))) yield toSession(r)
    },
    /**
     * One item per rep; consecutive reps of a session share the same session object. Two iterators in step over the
     * same snapshot and order: the sessions (skipping those without reps) and the reps.
     */
    *reps(range: ExportRange): Generator<{ session: SessionRecord; rep: RepRecord }> {
      const sessions = s.sessions.iterate(fromDate(range), toDate(range))
      try {
        let id: unknown = null
        let session: SessionRecord | null = null
        for (const r of s.repRows.iterate(fromDate(range), toDate(range))) {
          while (session === null || r[0] !== id) {
            const next = sessions.next()
            if (next.done) throw new Error('The export read a rep whose session it did not find.')
            id = next.value[0]
            session = toSession(next.value)
          }
          yield { session, rep: toRep(r, 1) }
        }
      } finally {
        sessions.return?.()
      }
    },
    *weights(range: ExportRange): Generator<WeightRecord> {
      for (const r of s.weights.iterate(fromDate(range), toDate(range))) {
        yield { uuid: r[0] as string, date: r[1] as string, kg: r[2] as number, note: r[3] as string, createdAt: r[4] as string, updatedAt: r[5] as string }
      }
    }
  }
}
