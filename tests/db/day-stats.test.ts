import Database from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createBackendRouter } from '../../src/main/backend'
import { type Db, openDatabase } from '../../src/main/db/connection'
import { recomputeDay } from '../../src/main/db/migrations/009-day-stats'
import { protocolsRepo } from '../../src/main/db/repos/protocols'
import { blocksRepo } from '../../src/main/db/repos/blocks'
import { type SessionDraft, sessionsRepo } from '../../src/main/db/repos/sessions'
import { statsRepo } from '../../src/main/db/repos/stats'
import { protocolProgress, sprintBests, type StatsDeps } from '../../src/main/services/stats'
import { addLocalDays } from '../../src/shared/dates'
import { dropOffPct } from '../../src/shared/metrics/reps'
import { mapRuns, meanMerge } from '../../src/shared/series'
import type { ProgressPoint } from '../../src/shared/stats'
import type { Rep } from '../../src/shared/training'
import { expectDayStatsExact, storedBests, storedLoadedBests, storedProgress } from '../helpers/dayStats'
import { useTempDir } from '../helpers/tmp'
import { rep } from '../helpers/training'
import { commit, exportKinds, preview } from './csv-fixtures'

/**
 * The stored progress and sprint bests per protocol and day (migration 9) are, after any sequence of writes, exactly
 * the rows computed again from the sessions and their reps; the charts read from them give what the per-session
 * computation gave.
 */

const tmp = useTempDir()

/** A UUID of the given family and number. */
const uuid = (family: number, n: number) => `${family}0000000-0000-4000-8000-${String(n).padStart(12, '0')}`

async function open(name = 'day-stats.db') {
  const path = join(tmp(), name)
  const { db } = await openDatabase({ path })
  return { db, path }
}

/** A small deterministic random source. */
function random(seed: number) {
  let s = seed
  const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T
  return { rnd, pick }
}

type Random = ReturnType<typeof random>

/** Reps of every kind the figures tell apart: flat and hill, mixed lengths, loads, no distance, abandoned, walk-downs. */
function randomReps({ rnd, pick }: Random): Rep[] {
  const lengths = rnd() < 0.35 ? [20, 30.4, 19.6, 45] : [pick([20, 30, 45, 30.4])]
  const loaded = rnd() < 0.2
  const walkDown = rnd() < 0.3
  return Array.from({ length: 1 + Math.floor(rnd() * 7) }, () =>
    rep({
      ...(loaded && rnd() < 0.7 ? { loadKg: pick([10, 20, 9.98]), loadKind: pick(['vest', 'sled'] as const) } : {}),
      workSeconds: pick(lengths),
      // Distances to 0.1 mm: no two of the fastest reps tie.
      distanceMeters: rnd() < 0.75 ? 80 + Math.round(rnd() * 1_000_000) / 10_000 : null,
      hill: rnd() < 0.25,
      completed: rnd() < 0.9,
      recoveryMode: walkDown ? 'walk-down' : 'walk',
      recoverySeconds: walkDown ? (rnd() < 0.5 ? null : 40 + Math.round(rnd() * 80)) : rnd() < 0.2 ? 0 : 30 + Math.round(rnd() * 200)
    })
  )
}

function randomDraft(r: Random, protocols: readonly (number | null)[], days: number): SessionDraft {
  return {
    date: addLocalDays('2026-01-01', Math.floor(r.rnd() * days)),
    startTime: null,
    protocolId: r.pick(protocols),
    plan: null,
    warmupSeconds: 600,
    cooldownSeconds: 300,
    rpe: r.rnd() < 0.3 ? null : 5 + Math.round(r.rnd() * 50) / 10,
    couldNotRecover: false,
    notes: '',
    reps: randomReps(r)
  }
}

/** The per-session points, as protocolProgress made them before the day rows (kept here as the reference). */
function sessionPoints(db: Db, protocolId: number, from?: string, to?: string): ProgressPoint[] {
  return statsRepo(db)
    .protocolSessions(protocolId, from, to)
    .map((s) => ({
      ...s,
      dropOffPct: s.firstSpeed !== null && s.lastSpeed !== null ? dropOffPct(s.firstSpeed, s.lastSpeed) : null,
      loadedDropOffPct: s.loadedFirstSpeed !== null && s.loadedLastSpeed !== null ? dropOffPct(s.loadedFirstSpeed, s.loadedLastSpeed) : null
    }))
}

const MEANS = ['repsDone', 'plannedReps', 'restPerRep', 'rpe', 'firstSpeed', 'lastSpeed', 'dropOffPct', 'maxLoadKg', 'loadedFirstSpeed', 'loadedLastSpeed', 'loadedDropOffPct'] as const

/** The reference for a long range: the sessions' own points grouped by the same runs of days, each run's mean. */
function expectedProgress(db: Db, protocolId: number, max: number, from?: string, to?: string): ProgressPoint[] {
  const points = sessionPoints(db, protocolId, from, to)
  const byDay: ProgressPoint[][] = []
  for (const p of points) {
    const last = byDay[byDay.length - 1]
    if (last && (last[0] as ProgressPoint).date === p.date) last.push(p)
    else byDay.push([p])
  }
  const merge = meanMerge<ProgressPoint, (typeof MEANS)[number]>(MEANS)
  return mapRuns(byDay, max, (run) => merge(run.flat())).points
}

function expectSamePoints(actual: readonly ProgressPoint[], expected: readonly ProgressPoint[]): void {
  expect(actual.map((p) => [p.date, p.sessionId])).toEqual(expected.map((p) => [p.date, p.sessionId]))
  actual.forEach((p, i) => {
    const e = expected[i] as ProgressPoint
    for (const k of MEANS) {
      // Means of the same values, summed in another order (days first): equal to the last bits of a double.
      if (e[k] === null) expect(p[k], `${p.date} ${k}`).toBeNull()
      else expect(p[k] as number, `${p.date} ${k}`).toBeCloseTo(e[k] as number, 9)
    }
  })
}

/** Sprint bests as they were read before the day rows: from the sessions' bests and the reps of sessions mixing lengths. */
function sessionBests(db: Db, protocolId: number | undefined, from: string, to: string) {
  const where = `s.deleted_at IS NULL AND s.date BETWEEN ? AND ?${protocolId === undefined ? '' : ' AND s.protocol_id = ?'}`
  const args = protocolId === undefined ? [from, to] : [from, to, protocolId]
  const flat = db
    .prepare(
      `SELECT bucket AS bucketSeconds, max(speed) AS speed, work_seconds AS workSeconds, distance_meters AS distanceMeters, date, session_id AS sessionId, sum(n) AS reps FROM (
        SELECT round(s.flat_best_work_seconds) AS bucket, s.flat_best_speed AS speed, s.flat_best_work_seconds AS work_seconds,
          s.flat_best_distance AS distance_meters, s.date, s.id AS session_id, s.flat_speed_reps AS n
        FROM sessions s WHERE ${where} AND s.flat_buckets = 1
        UNION ALL
        SELECT round(r.work_seconds), r.distance_meters / r.work_seconds, r.work_seconds, r.distance_meters, s.date, s.id, 1
        FROM sessions s JOIN reps r ON r.session_id = s.id
        WHERE ${where} AND s.flat_buckets > 1 AND r.completed = 1 AND r.distance_meters IS NOT NULL AND r.work_seconds > 0 AND r.hill = 0 AND r.load_kg IS NULL
      ) GROUP BY bucket ORDER BY bucket`
    )
    .all(...args, ...args)
  const hill = db
    .prepare(
      `SELECT round(s.hill_best_work_seconds) AS bucketSeconds, max(s.hill_best_speed) AS speed, s.hill_best_work_seconds AS workSeconds,
        s.hill_best_distance AS distanceMeters, s.date, s.id AS sessionId, sum(s.hill_speed_reps) AS reps
       FROM sessions s WHERE ${where} AND s.hill_speed_reps > 0 HAVING count(*) > 0`
    )
    .get(...args)
  const loaded = (
    db
      .prepare(
        `SELECT r.hill AS hill, round(r.work_seconds) AS bucketSeconds, r.load_kg AS loadKg, r.load_kind AS loadKind,
          max(r.distance_meters / r.work_seconds) AS speed, r.work_seconds AS workSeconds, r.distance_meters AS distanceMeters, s.date AS date,
          s.id AS sessionId, count(*) AS reps
         FROM reps r JOIN sessions s ON s.id = r.session_id
         WHERE r.load_kg IS NOT NULL AND r.completed = 1 AND r.distance_meters IS NOT NULL AND r.work_seconds > 0 AND ${where}
         GROUP BY r.hill, CASE WHEN r.hill = 1 THEN 0 ELSE round(r.work_seconds) END, r.load_kg, r.load_kind
         ORDER BY r.hill, r.load_kg, r.load_kind, CASE WHEN r.hill = 1 THEN 0 ELSE round(r.work_seconds) END`
      )
      .all(...args) as ({ hill: number } & Record<string, unknown>)[]
  ).map(({ hill: h, ...b }) => ({ terrain: h === 1 ? 'hill' : 'flat', ...b }))
  return { byDuration: flat, hill: hill ?? null, loaded }
}

describe('stored progress and sprint bests per day', () => {
  it('stay exactly the rows of the sessions after random saves, edits, moves, deletes, restores, imports and walk-down carries', async () => {
    const { db } = await open()
    const sessions = sessionsRepo(db)
    const r = random(7)
    const protocols = [2, 3, 5, null]
    const live: number[] = []
    const deleted: number[] = []
    const other = await open('other.db')
    const otherSessions = sessionsRepo(other.db)
    let imports = 0
    for (let step = 0; step < 400; step++) {
      const x = r.rnd()
      let what: string
      if (x < 0.4 || live.length < 3) {
        live.push(sessions.insert(uuid(1, step), randomDraft(r, protocols, 25)).id)
        what = 'save'
      } else if (x < 0.6) {
        // An edit, often to another day or protocol: both days' rows follow.
        const id = r.pick(live)
        const was = sessions.get(id)
        const d = randomDraft(r, protocols, 25)
        expect(sessions.update(id, r.rnd() < 0.4 && was ? { ...d, date: was.date, protocolId: was.protocolId } : d)).toBeDefined()
        what = `edit ${id}`
      } else if (x < 0.75) {
        const id = live.splice(Math.floor(r.rnd() * live.length), 1)[0] as number
        expect(sessions.softDelete(id)).toBe(true)
        deleted.push(id)
        what = `delete ${id}`
      } else if (x < 0.88 && deleted.length > 0) {
        const id = deleted.splice(Math.floor(r.rnd() * deleted.length), 1)[0] as number
        expect(sessions.restore(id)).toBeDefined()
        live.push(id)
        what = `restore ${id}`
      } else if (x < 0.93) {
        // An import of sessions logged elsewhere (the same built-in protocols), some on days that have sessions here.
        for (let i = 0; i < 5; i++) otherSessions.insert(uuid(3, imports * 10 + i), randomDraft(r, protocols, 30))
        imports++
        const files = await exportKinds(other.path, tmp(), ['reps'])
        const added = commit(db, await preview(db, tmp(), { 'reps.csv': files.reps })).added.sessions
        expect(added).toBe(5)
        what = 'import'
      } else {
        // A timed walk-down saved before later sessions of its protocol: their estimates are carried forward.
        const d = randomDraft(r, [2], 10)
        const reps = d.reps.map((x) => ({ ...x, recoveryMode: 'walk-down' as const, recoverySeconds: 90 }))
        live.push(sessions.insert(uuid(2, step), { ...d, date: '2026-01-01', reps }).id)
        what = 'walk-down source'
      }
      expectDayStatsExact(db, `after step ${step}: ${what}`)
    }
    // The sequence touched what it means to: several protocols, free-form sessions, mixed lengths, hill reps, imports.
    const progress = storedProgress(db)
    const bests = storedBests(db)
    expect(new Set(progress.map((p) => p.protocol_id)).size).toBe(3)
    expect(progress.some((p) => (p.sessions as number) > 2)).toBe(true)
    expect(bests.some((b) => b.protocol_id === 0)).toBe(true)
    expect(bests.some((b) => b.hill === 1)).toBe(true)
    const loaded = storedLoadedBests(db)
    expect(new Set(loaded.map((b) => `${b.hill} ${b.load_kg} ${b.load_kind}`)).size).toBeGreaterThan(5)
    expect(db.prepare('SELECT count(*) FROM sessions WHERE deleted_at IS NULL AND flat_buckets > 1').pluck().get()).toBeGreaterThan(10)
    expect(imports).toBeGreaterThan(3)
    expect(deleted.length + live.length).toBeGreaterThan(150)
    // Everything deleted (the imported sessions too): no rows are left.
    for (const id of db.prepare('SELECT id FROM sessions WHERE deleted_at IS NULL').pluck().all() as number[]) sessions.softDelete(id)
    expect(storedProgress(db)).toEqual([])
    expect(storedBests(db)).toEqual([])
    expect(storedLoadedBests(db)).toEqual([])
    other.db.close()
    db.close()
  })

  it('are built from the sessions there when a database is upgraded from version 8', async () => {
    const { db, path } = await open()
    const sessions = sessionsRepo(db)
    const r = random(3)
    const ids = Array.from({ length: 120 }, (_, i) => sessions.insert(`u${i}`, randomDraft(r, [2, 3, 5, null], 20)).id)
    for (const id of ids.filter((_, i) => i % 9 === 0)) sessions.softDelete(id)
    const progress = storedProgress(db)
    const bests = storedBests(db)
    const loaded = storedLoadedBests(db)
    expect(progress.length).toBeGreaterThan(20)
    expect(loaded.length).toBeGreaterThan(5)
    db.close()
    // The same file as version 8 left it: no day tables, no triggers.
    const raw = new Database(path)
    for (const t of raw.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name GLOB 'day_stats_*'").pluck().all() as string[]) raw.exec(`DROP TRIGGER ${t}`)
    raw.exec('DROP TABLE progress_days; DROP TABLE best_days; DROP TABLE loaded_best_days; PRAGMA user_version = 8')
    raw.close()
    const reopened = await openDatabase({ path })
    expect(reopened.migratedFrom).toBe(8)
    expect(storedProgress(reopened.db)).toEqual(progress)
    expect(storedBests(reopened.db)).toEqual(bests)
    expect(storedLoadedBests(reopened.db)).toEqual(loaded)
    expectDayStatsExact(reopened.db)
    // And the triggers keep them from there.
    sessionsRepo(reopened.db).insert('after', randomDraft(r, [2, null], 20))
    expectDayStatsExact(reopened.db, 'after a save')
    reopened.db.close()
  })

  it('give protocol progress and sprint bests as the per-session computation does, for long and short ranges', async () => {
    const { db } = await open()
    const sessions = sessionsRepo(db)
    const r = random(19)
    // 600 sessions over 200 days, up to several a day.
    for (let i = 0; i < 600; i++) sessions.insert(`u${i}`, randomDraft(r, [2, 3, null], 200))
    for (let i = 1; i < 600; i += 13) sessions.softDelete(i)
    const deps = (maxPoints?: number): StatsDeps => ({ stats: statsRepo(db), blocks: blocksRepo(db), protocols: protocolsRepo(db), ...(maxPoints ? { maxPoints } : {}) })
    const ranges: [string | undefined, string | undefined][] = [
      [undefined, undefined],
      ['2026-02-01', '2026-05-15'],
      ['2026-03-03', '2026-03-03']
    ]
    for (const protocolId of [2, 3]) {
      for (const [from, to] of ranges) {
        const all = sessionPoints(db, protocolId, from, to)
        // Within the budget: one point per session, as before.
        const short = protocolProgress(deps(), protocolId, from, to)
        expect(short).toMatchObject({ sessions: all.length, sessionsPerPoint: 1 })
        expect(short.points).toEqual(all)
        // Past it (a budget of 7, 40 and 150 points): points of whole days, each the mean of its sessions.
        for (const max of [7, 40, 150]) {
          if (all.length <= max) continue
          const long = protocolProgress(deps(max), protocolId, from, to)
          const want = expectedProgress(db, protocolId, max, from, to)
          expect(long.sessions).toBe(all.length)
          expect(long.points.length).toBeLessThanOrEqual(max)
          expect(long.sessionsPerPoint).toBe(Math.ceil(all.length / long.points.length))
          expectSamePoints(long.points, want)
          // The newest session is the last point's.
          expect(long.points[long.points.length - 1]?.sessionId).toBe(all[all.length - 1]?.sessionId)
        }
      }
    }
    for (const protocolId of [2, 3, undefined]) {
      for (const [from, to] of [...ranges, ['2026-02-01', '2026-02-20'] as const]) {
        const got = sprintBests(deps(), protocolId, from, to)
        const want = sessionBests(db, protocolId, from ?? '0000-01-01', to ?? '9999-12-31')
        if (from === undefined) expect(want.byDuration.length).toBeGreaterThan(2)
        if (from === undefined) expect(want.loaded.length).toBeGreaterThan(5)
        expect(got).toEqual(want)
      }
    }
    // Through the router, the same.
    const router = createBackendRouter(db, () => ({ version: '', databasePath: '', backupDir: '', schemaVersion: 9, transport: 'web', locale: null, database: { ok: true } }))
    const viaRouter = await router.call('stats/sprintBests', {})
    expect(viaRouter.ok && viaRouter.value).toEqual(sprintBests(deps(), undefined))
    db.close()
  })

  it('a write computes its days again through indexes, never a scan of sessions or reps', async () => {
    const { db } = await open()
    // The trigger bodies with the protocol and day as parameters.
    const statements = recomputeDay('@p', '@d')
      .split(';')
      .map((s) => s.trim())
      .filter((s) => s !== '')
    expect(statements.length).toBe(6)
    for (const sql of statements) {
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ p: 2, d: '2026-03-03' }) as { detail: string }[])
        .map((p) => p.detail)
        .join(' | ')
      expect(plan, sql).not.toMatch(/SCAN (s|r|sessions|reps|progress_days|best_days)\b/)
    }
    db.close()
  })
})

