/**
 * Chart queries for the progress dashboard. They aggregate the sessions' derived columns (work_seconds,
 * reps_done, distance_meters, load: written by the shared metric functions on every save), so a chart
 * over years reads one row per session, found through the partial date indexes. Rep-level figures
 * (rest per rep, speeds) are computed here exactly as `src/shared/metrics/reps.ts` defines them.
 */
import type { LocalDate } from '../../../shared/dates'
import type { DailyTotals } from '../../../shared/metrics/load'
import type { Db } from '../connection'

const LIVE_RANGE = 's.deleted_at IS NULL AND s.date BETWEEN ? AND ?'
/** A completed rep with a distance: the reps that have a speed (`repSpeed`). */
const TIMED_DISTANCE = 'r.completed = 1 AND r.distance_meters IS NOT NULL AND r.work_seconds > 0'
const SPEED = 'r.distance_meters / r.work_seconds'

const progress = (byProtocol: boolean) => `SELECT s.id, s.date, s.reps_done, s.planned_reps, s.rpe,
    (SELECT avg(r.recovery_seconds) FROM reps r WHERE r.session_id = s.id AND r.recovery_seconds > 0) AS rest_per_rep,
    (SELECT ${SPEED} FROM reps r WHERE r.session_id = s.id AND ${TIMED_DISTANCE} ORDER BY r.position LIMIT 1) AS first_speed,
    (SELECT ${SPEED} FROM reps r WHERE r.session_id = s.id AND ${TIMED_DISTANCE} ORDER BY r.position DESC LIMIT 1) AS last_speed,
    (SELECT count(*) FROM reps r WHERE r.session_id = s.id AND ${TIMED_DISTANCE}) AS speed_reps
  FROM sessions s WHERE ${LIVE_RANGE}${byProtocol ? ' AND s.protocol_id = ?' : ''} ORDER BY s.date, s.id`

// A single max() makes SQLite take the bare columns from the row holding the maximum.
const best = (byProtocol: boolean, hill: boolean) => `SELECT round(r.work_seconds) AS bucket, max(${SPEED}) AS speed,
    r.work_seconds, r.distance_meters, s.date, s.id AS session_id, count(*) AS reps
  FROM sessions s JOIN reps r ON r.session_id = s.id
  WHERE ${LIVE_RANGE}${byProtocol ? ' AND s.protocol_id = ?' : ''} AND ${TIMED_DISTANCE} AND r.hill = ${hill ? 1 : 0}
  ${hill ? '' : 'GROUP BY bucket ORDER BY bucket'}`

/** Exported for the query-plan tests. Values only through placeholders. */
export const STATS_QUERIES = {
  /** Per day: sessions, summed load (unrated sessions add nothing), work, reps, distance. */
  dailyTotals: `SELECT s.date, count(*) AS sessions, total(s.load) AS load, count(*) - count(s.load) AS unrated,
    total(s.work_seconds) AS work_seconds, total(s.reps_done) AS reps, total(s.distance_meters) AS distance_meters
    FROM sessions s WHERE ${LIVE_RANGE} GROUP BY s.date ORDER BY s.date`,
  historyStart: `SELECT min(date) AS first FROM sessions WHERE deleted_at IS NULL`,
  /** Per session of a protocol: reps, RPE, rest per rep, first and last rep speeds. */
  protocolSessions: progress(true),
  bestsByDuration: best(true, false),
  bestsByDurationAll: best(false, false),
  bestHill: best(true, true),
  bestHillAll: best(false, true)
} as const

interface DailyRow {
  date: string
  sessions: number
  load: number
  unrated: number
  work_seconds: number
  reps: number
  distance_meters: number
}

interface ProgressRow {
  id: number
  date: string
  reps_done: number
  planned_reps: number
  rpe: number | null
  rest_per_rep: number | null
  first_speed: number | null
  last_speed: number | null
  speed_reps: number
}

interface BestRow {
  bucket: number | null
  speed: number | null
  work_seconds: number | null
  distance_meters: number | null
  date: string | null
  session_id: number | null
  reps: number
}

export interface SessionProgressRow {
  sessionId: number
  date: LocalDate
  repsDone: number
  repsPlanned: number
  rpe: number | null
  restPerRep: number | null
  /** Speeds of the first and last completed reps with a distance; null unless the session has two or more. */
  firstSpeed: number | null
  lastSpeed: number | null
}

export interface BestRep {
  bucketSeconds: number
  speed: number
  workSeconds: number
  distanceMeters: number
  date: LocalDate
  sessionId: number
  reps: number
}

const LOW = '0000-01-01'
const HIGH = '9999-12-31'

export type StatsRepo = ReturnType<typeof statsRepo>

export function statsRepo(db: Db) {
  const q = {
    dailyTotals: db.prepare<[string, string], DailyRow>(STATS_QUERIES.dailyTotals),
    historyStart: db.prepare<[], { first: string | null }>(STATS_QUERIES.historyStart),
    protocolSessions: db.prepare<[string, string, number], ProgressRow>(STATS_QUERIES.protocolSessions),
    bestsByDuration: db.prepare<[string, string, number], BestRow>(STATS_QUERIES.bestsByDuration),
    bestsByDurationAll: db.prepare<[string, string], BestRow>(STATS_QUERIES.bestsByDurationAll),
    bestHill: db.prepare<[string, string, number], BestRow>(STATS_QUERIES.bestHill),
    bestHillAll: db.prepare<[string, string], BestRow>(STATS_QUERIES.bestHillAll)
  }

  const toBest = (r: BestRow | undefined): BestRep | null =>
    r && r.speed !== null && r.bucket !== null && r.date !== null && r.session_id !== null
      ? {
          bucketSeconds: r.bucket,
          speed: r.speed,
          workSeconds: r.work_seconds ?? 0,
          distanceMeters: r.distance_meters ?? 0,
          date: r.date,
          sessionId: r.session_id,
          reps: r.reps
        }
      : null

  return {
    /** Per-day totals of live sessions between two dates (inclusive), oldest first; days without sessions are absent. */
    dailyTotals(from: LocalDate | undefined, to: LocalDate | undefined): DailyTotals[] {
      return q.dailyTotals.all(from ?? LOW, to ?? HIGH).map((r) => ({
        date: r.date,
        sessions: r.sessions,
        load: r.load,
        unrated: r.unrated,
        workSeconds: r.work_seconds,
        reps: r.reps,
        distanceMeters: r.distance_meters
      }))
    },
    /** The date of the first live session, or null. */
    historyStart(): LocalDate | null {
      return q.historyStart.get()?.first ?? null
    },
    /** Every live session of a protocol in the range, oldest first. */
    protocolSessions(protocolId: number, from: LocalDate | undefined, to: LocalDate | undefined): SessionProgressRow[] {
      return q.protocolSessions.all(from ?? LOW, to ?? HIGH, protocolId).map((r) => {
        const speeds = r.speed_reps >= 2
        return {
          sessionId: r.id,
          date: r.date,
          repsDone: r.reps_done,
          repsPlanned: r.planned_reps,
          rpe: r.rpe,
          restPerRep: r.rest_per_rep,
          firstSpeed: speeds ? r.first_speed : null,
          lastSpeed: speeds ? r.last_speed : null
        }
      })
    },
    /** The fastest flat rep per rep length, and the fastest hill rep, of a protocol (or of all sessions). */
    sprintBests(protocolId: number | undefined, from: LocalDate | undefined, to: LocalDate | undefined): { byDuration: BestRep[]; hill: BestRep | null } {
      const a = from ?? LOW
      const b = to ?? HIGH
      const flat = protocolId === undefined ? q.bestsByDurationAll.all(a, b) : q.bestsByDuration.all(a, b, protocolId)
      const hill = protocolId === undefined ? q.bestHillAll.get(a, b) : q.bestHill.get(a, b, protocolId)
      return { byDuration: flat.map(toBest).filter((x): x is BestRep => x !== null), hill: toBest(hill) }
    }
  }
}
