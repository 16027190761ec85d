/**
 * Chart queries for the progress dashboard. They aggregate the sessions' derived columns (written by
 * `derivedColumns` in sessionWriter.ts, with the shared metric functions, on every save and import), or the rows
 * stored from them per day (daily_totals, migration 7; progress_days and best_days, migration 9), so a chart over
 * years reads one row per day, or per session over short ranges, through primary keys and partial covering indexes:
 * - work, reps, distance, load: `src/shared/metrics/session.ts`;
 * - rest per rep, first and last speeds, and each session's fastest flat and hill reps:
 *   `src/shared/metrics/reps.ts` (`restPerRep`, `speedDropOff`, `sessionSpeeds`).
 * Sprint bests are the best of the days' bests (best_days), each the best of its sessions' bests per rep length:
 * for sessions whose flat reps mix lengths, of their reps, so the figures are exactly those of all reps. Those are
 * the unloaded bests: a loaded rep never sets one. Loaded bests (per terrain, rep length, load and kind:
 * `loadedBests`) are the best of the days' loaded bests (loaded_best_days), likewise.
 */
import type { LocalDate } from '../../../shared/dates'
import type { LoadKind } from '../../../shared/training'
import type { DailyTotals } from '../../../shared/metrics/load'
import type { Db } from '../connection'
import { EARLIEST, LATEST } from '../rows'

const LIVE_RANGE = 's.deleted_at IS NULL AND s.date BETWEEN ? AND ?'
/** Every protocol's rows of a stored day table, one protocol after another (0: free-form sessions). */
const EVERY_PROTOCOL = 'IN (SELECT 0 UNION ALL SELECT id FROM protocols)'

const progress = (byProtocol: boolean) => `SELECT s.id, s.date, s.reps_done, s.planned_reps, s.rpe, s.rest_per_rep, s.first_speed, s.last_speed,
    s.max_load_kg, s.loaded_first_speed, s.loaded_last_speed
  FROM sessions s WHERE ${LIVE_RANGE}${byProtocol ? ' AND s.protocol_id = ?' : ''} ORDER BY s.date, s.id`

/**
 * Sprint bests from the stored day rows (best_days, migration 9): per rep length the fastest of the days' bests
 * (a single max() makes SQLite take the bare columns from the row holding the maximum: on a tie, the first read, by
 * protocol and then date), and the reps compared summed. Through the primary key: one protocol's range, or each
 * protocol's range in turn (0: free-form sessions) for all of them, so the cost follows the range, not the history.
 * Parameters: (protocol,) from, to.
 */
const bestDays = (hill: boolean, byProtocol: boolean) => `SELECT ${hill ? 'round(work_seconds)' : 'bucket'} AS bucket, max(speed) AS speed,
    work_seconds, distance_meters, date, session_id, sum(reps) AS reps
  FROM best_days WHERE protocol_id ${byProtocol ? '= ?' : EVERY_PROTOCOL} AND date BETWEEN ? AND ? AND hill = ${hill ? 1 : 0}${
    hill ? '' : ' GROUP BY bucket ORDER BY bucket'
  }`

/**
 * Loaded bests from the stored day rows (loaded_best_days, migration 9): per terrain, rep length (flat reps; hill
 * reps all together), load and kind, the fastest (max() takes the bare columns from its row). Flat first, then by
 * load, kind and length. Parameters: (protocol,) from, to.
 */
const bestLoaded = (byProtocol: boolean) => `SELECT b.hill AS hill, round(b.work_seconds) AS bucket, b.load_kg AS load_kg, b.load_kind AS load_kind,
    max(b.speed) AS speed, b.work_seconds AS work_seconds, b.distance_meters AS distance_meters, b.date AS date, b.session_id AS session_id,
    sum(b.reps) AS reps
  FROM loaded_best_days b WHERE b.protocol_id ${byProtocol ? '= ?' : EVERY_PROTOCOL} AND b.date BETWEEN ? AND ?
  GROUP BY b.hill, b.bucket, b.load_kg, b.load_kind
  ORDER BY b.hill, b.load_kg, b.load_kind, b.bucket`

/** Exported for the query-plan tests. Values only through placeholders. */
export const STATS_QUERIES = {
  /**
   * Per day: sessions, summed load (unrated sessions add nothing), work, reps, distance — from the stored daily
   * totals (migration 7), one row per day and protocol, so a long range does not read every session.
   */
  dailyTotals: `SELECT date, sum(sessions) AS sessions, sum(load) AS load, sum(unrated) AS unrated,
    sum(work_seconds) AS work_seconds, sum(reps) AS reps, sum(distance_meters) AS distance_meters
    FROM daily_totals WHERE date BETWEEN ? AND ? GROUP BY date ORDER BY date`,
  /**
   * The same per day, split into the sessions of one protocol (own = 1) and the others (own = 0: other protocols and
   * free-form sessions), for a block's weeks. Parameters: protocol, from, to.
   */
  dailyTotalsSplit: `SELECT date, protocol_id = ? AS own, sum(sessions) AS sessions, sum(load) AS load, sum(unrated) AS unrated,
    sum(work_seconds) AS work_seconds, sum(reps) AS reps, sum(distance_meters) AS distance_meters
    FROM daily_totals WHERE date BETWEEN ? AND ? GROUP BY date, own ORDER BY date`,
  historyStart: `SELECT min(date) AS first FROM daily_totals`,
  /** Per session of a protocol: reps, RPE, rest per rep, first and last rep speeds. */
  protocolSessions: progress(true),
  /**
   * Per day of a protocol (progress_days, migration 9): its sessions, the last one's id, and per field the sum and
   * count of the values present. Parameters: protocol, from, to.
   */
  protocolDays: `SELECT date, last_session_id, sessions, reps_done, planned_reps, rpe, rpe_n, rest_per_rep, rest_per_rep_n,
    first_speed, first_speed_n, last_speed, last_speed_n, drop_off_pct, drop_off_pct_n, max_load_kg, max_load_kg_n,
    loaded_first_speed, loaded_first_speed_n, loaded_last_speed, loaded_last_speed_n, loaded_drop_off_pct, loaded_drop_off_pct_n
    FROM progress_days WHERE protocol_id = ? AND date BETWEEN ? AND ? ORDER BY date`,
  /** Parameters: protocol, from, to. */
  bestsByDuration: bestDays(false, true),
  /** Parameters: from, to. */
  bestsByDurationAll: bestDays(false, false),
  bestHill: bestDays(true, true),
  bestHillAll: bestDays(true, false),
  /** Parameters: protocol, from, to. */
  bestLoaded: bestLoaded(true),
  /** Parameters: from, to. */
  bestLoadedAll: bestLoaded(false)
} as const

/**
 * The long series (a row per day or per session, tens of thousands over a long history) are read as arrays
 * (`.raw()`): making a named-column object per row costs more than the query itself.
 */
type DailyRow = [date: string, sessions: number, load: number, unrated: number, workSeconds: number, reps: number, distanceMeters: number]
type SplitRow = [date: string, own: number, sessions: number, load: number, unrated: number, workSeconds: number, reps: number, distanceMeters: number]
type ProgressRow = [
  id: number,
  date: string,
  repsDone: number,
  plannedReps: number,
  rpe: number | null,
  restPerRep: number | null,
  firstSpeed: number | null,
  lastSpeed: number | null,
  maxLoadKg: number | null,
  loadedFirstSpeed: number | null,
  loadedLastSpeed: number | null
]

/** A day's sessions of a protocol; per field, the sum and the count of the values present. */
type ProgressDayRow = [date: string, lastSessionId: number, sessions: number, repsDone: number, plannedReps: number, ...sumsAndCounts: number[]]

/** The fields a progress point means, in the order of progress_days' sum and count columns (after reps done, planned reps). */
export const PROGRESS_MEANS = [
  'rpe',
  'restPerRep',
  'firstSpeed',
  'lastSpeed',
  'dropOffPct',
  'maxLoadKg',
  'loadedFirstSpeed',
  'loadedLastSpeed',
  'loadedDropOffPct'
] as const

/** One day's sessions of a protocol, as stored: sums and counts, to be merged with other days' into means. */
export interface ProgressDay {
  date: LocalDate
  lastSessionId: number
  sessions: number
  repsDone: number
  plannedReps: number
  /** Per field of PROGRESS_MEANS: the sum of the values present, and how many there were. */
  sums: number[]
  counts: number[]
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
  plannedReps: number
  rpe: number | null
  restPerRep: number | null
  /** Speeds of the first and last completed unloaded reps with a distance; null unless the session has two or more. */
  firstSpeed: number | null
  lastSpeed: number | null
  /** The heaviest load of a completed rep, kg; null when none carried one. */
  maxLoadKg: number | null
  /** The same speeds for the reps that carry the first loaded rep's load (`loadedDropOff`). */
  loadedFirstSpeed: number | null
  loadedLastSpeed: number | null
}

interface LoadedRow {
  hill: number
  bucket: number
  load_kg: number
  load_kind: LoadKind
  speed: number
  work_seconds: number
  distance_meters: number
  date: string
  session_id: number
  reps: number
}

export interface LoadedBestRep extends BestRep {
  terrain: 'flat' | 'hill'
  loadKg: number
  loadKind: LoadKind
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


export type StatsRepo = ReturnType<typeof statsRepo>

export function statsRepo(db: Db) {
  const q = {
    dailyTotals: db.prepare<[string, string], DailyRow>(STATS_QUERIES.dailyTotals).raw(true),
    dailyTotalsSplit: db.prepare<[number, string, string], SplitRow>(STATS_QUERIES.dailyTotalsSplit).raw(true),
    historyStart: db.prepare<[], { first: string | null }>(STATS_QUERIES.historyStart),
    protocolSessions: db.prepare<[string, string, number], ProgressRow>(STATS_QUERIES.protocolSessions).raw(true),
    protocolDays: db.prepare<[number, string, string], ProgressDayRow>(STATS_QUERIES.protocolDays).raw(true),
    bestsByDuration: db.prepare<[number, string, string], BestRow>(STATS_QUERIES.bestsByDuration),
    bestsByDurationAll: db.prepare<[string, string], BestRow>(STATS_QUERIES.bestsByDurationAll),
    bestHill: db.prepare<[number, string, string], BestRow>(STATS_QUERIES.bestHill),
    bestHillAll: db.prepare<[string, string], BestRow>(STATS_QUERIES.bestHillAll),
    bestLoaded: db.prepare<[number, string, string], LoadedRow>(STATS_QUERIES.bestLoaded),
    bestLoadedAll: db.prepare<[string, string], LoadedRow>(STATS_QUERIES.bestLoadedAll)
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
      return q.dailyTotals.all(from ?? EARLIEST, to ?? LATEST).map((r) => ({
        date: r[0],
        sessions: r[1],
        load: r[2],
        unrated: r[3],
        workSeconds: r[4],
        reps: r[5],
        distanceMeters: r[6]
      }))
    },
    /** Per-day totals between two dates of the sessions of `protocolId` (`own`) and of the others, oldest first. */
    dailyTotalsSplit(protocolId: number, from: LocalDate, to: LocalDate): { own: DailyTotals[]; other: DailyTotals[] } {
      const own: DailyTotals[] = []
      const other: DailyTotals[] = []
      for (const r of q.dailyTotalsSplit.all(protocolId, from, to)) {
        ;(r[1] === 1 ? own : other).push({ date: r[0], sessions: r[2], load: r[3], unrated: r[4], workSeconds: r[5], reps: r[6], distanceMeters: r[7] })
      }
      return { own, other }
    },
    /** The date of the first live session, or null. */
    historyStart(): LocalDate | null {
      return q.historyStart.get()?.first ?? null
    },
    /** Every live session of a protocol in the range, oldest first. */
    protocolSessions(protocolId: number, from: LocalDate | undefined, to: LocalDate | undefined): SessionProgressRow[] {
      return q.protocolSessions.all(from ?? EARLIEST, to ?? LATEST, protocolId).map((r) => ({
        sessionId: r[0],
        date: r[1],
        repsDone: r[2],
        plannedReps: r[3],
        rpe: r[4],
        restPerRep: r[5],
        firstSpeed: r[6],
        lastSpeed: r[7],
        maxLoadKg: r[8],
        loadedFirstSpeed: r[9],
        loadedLastSpeed: r[10]
      }))
    },
    /** The stored days of a protocol in the range, oldest first; days without its sessions are absent. */
    protocolDays(protocolId: number, from: LocalDate | undefined, to: LocalDate | undefined): ProgressDay[] {
      return q.protocolDays.all(protocolId, from ?? EARLIEST, to ?? LATEST).map((r) => {
        const sums: number[] = []
        const counts: number[] = []
        for (let i = 5; i < r.length; i += 2) {
          sums.push(r[i] as number)
          counts.push(r[i + 1] as number)
        }
        return { date: r[0], lastSessionId: r[1], sessions: r[2], repsDone: r[3], plannedReps: r[4], sums, counts }
      })
    },
    /**
     * The fastest unloaded flat rep per rep length, and the fastest unloaded hill rep, of a protocol (or of all
     * sessions); and the loaded bests, per terrain, length (flat), load and kind.
     */
    sprintBests(
      protocolId: number | undefined,
      from: LocalDate | undefined,
      to: LocalDate | undefined
    ): { byDuration: BestRep[]; hill: BestRep | null; loaded: LoadedBestRep[] } {
      const a = from ?? EARLIEST
      const b = to ?? LATEST
      const flat = protocolId === undefined ? q.bestsByDurationAll.all(a, b) : q.bestsByDuration.all(protocolId, a, b)
      const hill = protocolId === undefined ? q.bestHillAll.get(a, b) : q.bestHill.get(protocolId, a, b)
      const loaded = protocolId === undefined ? q.bestLoadedAll.all(a, b) : q.bestLoaded.all(protocolId, a, b)
      return {
        byDuration: flat.map(toBest).filter((x): x is BestRep => x !== null),
        hill: toBest(hill),
        loaded: loaded.map((r) => ({
          terrain: r.hill === 1 ? 'hill' : 'flat',
          bucketSeconds: r.bucket,
          loadKg: r.load_kg,
          loadKind: r.load_kind,
          speed: r.speed,
          workSeconds: r.work_seconds,
          distanceMeters: r.distance_meters,
          date: r.date,
          sessionId: r.session_id,
          reps: r.reps
        }))
      }
    }
  }
}
