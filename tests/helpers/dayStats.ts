/**
 * The stored progress and sprint bests per day (migration 9), and the same rows computed again from the sessions
 * and reps themselves, for tests that compare the two.
 */
import type Database from 'better-sqlite3'
import { expect } from 'vitest'
import type { Db } from '../../src/main/db/connection'
import { durationBucket } from '../../src/shared/metrics/reps'

type AnyDb = Db | Database.Database

export interface BestDayRow {
  protocol_id: number
  date: string
  hill: number
  bucket: number
  speed: number
  work_seconds: number
  distance_meters: number
  session_id: number
  reps: number
}

export interface LoadedBestDayRow extends BestDayRow {
  load_kg: number
  load_kind: string
}

export const storedProgress = (db: AnyDb) => db.prepare('SELECT * FROM progress_days ORDER BY protocol_id, date').all() as Record<string, number | string>[]
export const storedBests = (db: AnyDb) => db.prepare('SELECT * FROM best_days ORDER BY protocol_id, date, hill, bucket').all() as BestDayRow[]

export const storedLoadedBests = (db: AnyDb) =>
  db.prepare('SELECT * FROM loaded_best_days ORDER BY protocol_id, date, hill, bucket, load_kg, load_kind').all() as LoadedBestDayRow[]

/** Per protocol and day, from the live sessions' columns: the sessions, the last one, and per field its sum and count. */
export const progressFromSessions = (db: AnyDb) => {
  const pair = (name: string, v: string) => `total(${v}) AS ${name}, count(${v}) AS ${name}_n`
  return db
    .prepare(
      `SELECT protocol_id, date, count(*) AS sessions, max(id) AS last_session_id, sum(reps_done) AS reps_done, sum(planned_reps) AS planned_reps,
        ${pair('rpe', 'rpe')}, ${pair('rest_per_rep', 'rest_per_rep')}, ${pair('first_speed', 'first_speed')}, ${pair('last_speed', 'last_speed')},
        ${pair('drop_off_pct', '(1 - last_speed / first_speed) * 100')}, ${pair('max_load_kg', 'max_load_kg')},
        ${pair('loaded_first_speed', 'loaded_first_speed')}, ${pair('loaded_last_speed', 'loaded_last_speed')},
        ${pair('loaded_drop_off_pct', '(1 - loaded_last_speed / loaded_first_speed) * 100')}
       FROM sessions WHERE deleted_at IS NULL AND protocol_id IS NOT NULL GROUP BY protocol_id, date ORDER BY protocol_id, date`
    )
    .all() as Record<string, number | string>[]
}

/**
 * Per protocol (0: free-form), day, terrain and flat rep length (and load and kind, for `loaded`), by brute force
 * over every rep of the live sessions with the shared definitions: the fastest completed rep with a distance (the
 * first of them, in session and rep order, on a tie) and how many there were.
 */
function bestsByBruteForce(db: AnyDb, loaded: boolean): LoadedBestDayRow[] {
  const reps = db
    .prepare(
      `SELECT coalesce(s.protocol_id, 0) AS protocol_id, s.date, s.id AS session_id, r.hill, r.work_seconds, r.distance_meters, r.load_kg, r.load_kind
       FROM sessions s JOIN reps r ON r.session_id = s.id
       WHERE s.deleted_at IS NULL AND r.completed = 1 AND r.distance_meters IS NOT NULL AND r.work_seconds > 0 AND r.load_kg IS ${loaded ? 'NOT NULL' : 'NULL'}
       ORDER BY s.id, r.position`
    )
    .all() as Omit<LoadedBestDayRow, 'bucket' | 'speed' | 'reps'>[]
  const best = new Map<string, LoadedBestDayRow>()
  for (const r of reps) {
    const bucket = r.hill === 1 ? 0 : durationBucket(r.work_seconds)
    const key = `${r.protocol_id} ${r.date} ${r.hill} ${bucket} ${r.load_kg} ${r.load_kind}`
    const speed = r.distance_meters / r.work_seconds
    const was = best.get(key)
    if (!was) best.set(key, { ...r, bucket, speed, reps: 1 })
    else if (speed > was.speed) best.set(key, { ...r, bucket, speed, reps: was.reps + 1 })
    else was.reps++
  }
  return [...best.values()].sort(
    (a, b) =>
      a.protocol_id - b.protocol_id ||
      a.date.localeCompare(b.date) ||
      a.hill - b.hill ||
      a.bucket - b.bucket ||
      a.load_kg - b.load_kg ||
      a.load_kind.localeCompare(b.load_kind)
  )
}

export function bestsFromReps(db: AnyDb): BestDayRow[] {
  return bestsByBruteForce(db, false).map(({ load_kg: _kg, load_kind: _kind, ...b }) => b)
}

export const loadedBestsFromReps = (db: AnyDb) => bestsByBruteForce(db, true)

/** The stored rows are exactly (to the last bit) those computed again from the sessions and their reps. */
export function expectDayStatsExact(db: AnyDb, when = ''): void {
  expect(storedProgress(db), `progress ${when}`).toEqual(progressFromSessions(db))
  expect(storedBests(db), `bests ${when}`).toEqual(bestsFromReps(db))
  expect(storedLoadedBests(db), `loaded bests ${when}`).toEqual(loadedBestsFromReps(db))
}
