import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createBackendRouter } from '../../src/main/backend'
import { openDatabase } from '../../src/main/db/connection'
import { importRepo } from '../../src/main/db/repos/import'
import { sessionsRepo } from '../../src/main/db/repos/sessions'
import { type BestRep, STATS_QUERIES, statsRepo } from '../../src/main/db/repos/stats'
import { addLocalDays } from '../../src/shared/dates'
import { durationBucket, isLoaded, loadedBests, loadedDropOff, maxLoadKg, repSpeed, restPerRep, speedDropOff } from '../../src/shared/metrics/reps'
import type { ProtocolProgress } from '../../src/shared/stats'
import type { Rep } from '../../src/shared/training'
import { useTempDir } from '../helpers/tmp'
import { rep } from '../helpers/training'

const tmp = useTempDir()

async function open() {
  const { db } = await openDatabase({ path: join(tmp(), 'stats.db') })
  return db
}

describe('stats queries', () => {
  it('read only the partial covering indexes of live sessions: no table rows, no sorting, no scan of reps', async () => {
    const db = await open()
    const plan = (sql: string, ...args: unknown[]) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail).join(' | ')
    const range = ['2016-01-01', '2026-12-31']

    // The day series read the stored daily totals (one row per day and protocol), never the sessions.
    const daily = plan(STATS_QUERIES.dailyTotals, ...range)
    expect(daily).toBe('SEARCH daily_totals USING PRIMARY KEY (date>? AND date<?)')
    // Grouping by date follows the key's order: no sorting, whatever the history's length.
    expect(daily).not.toMatch(/TEMP B-TREE|SCAN|sessions/)
    expect(plan(STATS_QUERIES.dailyTotalsSplit, 2, ...range)).toMatch(/^SEARCH daily_totals USING PRIMARY KEY \(date>\? AND date<\?\)/)
    expect(plan(STATS_QUERIES.historyStart)).toMatch(/^SEARCH daily_totals/)

    const progress = plan(STATS_QUERIES.protocolSessions, ...range, 2)
    expect(progress).toBe('SEARCH s USING COVERING INDEX sessions_live_protocol_date (protocol_id=? AND date>? AND date<?)')

    // Protocol progress over a long range and sprint bests: the stored day rows (migration 9), through their
    // primary keys, one row per day; over all protocols, each protocol's range in turn.
    expect(plan(STATS_QUERIES.protocolDays, 2, ...range)).toBe('SEARCH progress_days USING PRIMARY KEY (protocol_id=? AND date>? AND date<?)')
    const byDay = /^SEARCH best_days USING PRIMARY KEY \(protocol_id=\? AND date>\? AND date<\?\)/
    for (const q of [STATS_QUERIES.bestsByDuration, STATS_QUERIES.bestHill]) {
      const p = plan(q, 2, ...range)
      expect(p).toMatch(byDay)
      expect(p).not.toMatch(/SCAN|sessions|reps/)
    }
    for (const q of [STATS_QUERIES.bestsByDurationAll, STATS_QUERIES.bestHillAll]) {
      const p = plan(q, ...range)
      expect(p).toMatch(byDay)
      expect(p).toMatch(/LIST SUBQUERY/)
      expect(p).not.toMatch(/SCAN best_days|sessions|reps/)
    }
    // Loaded bests: the stored day rows too.
    expect(plan(STATS_QUERIES.bestLoaded, 2, ...range)).toMatch(/^SEARCH b USING PRIMARY KEY \(protocol_id=\? AND date>\? AND date<\?\)/)
    const loadedAll = plan(STATS_QUERIES.bestLoadedAll, ...range)
    expect(loadedAll).toMatch(/^SEARCH b USING PRIMARY KEY \(protocol_id=\? AND date>\? AND date<\?\)/)
    for (const p of [plan(STATS_QUERIES.bestLoaded, 2, ...range), loadedAll]) expect(p).not.toMatch(/SCAN b|sessions|reps/)
    db.close()
  })

  it('daily totals: one row per day, sums of the derived columns, unrated sessions counted, deleted left out', async () => {
    const db = await open()
    const insert = db.prepare(
      `INSERT INTO sessions (uuid, date, planned_reps, warmup_seconds, cooldown_seconds, rpe, work_seconds, reps_done, distance_meters, duration_seconds, load, created_at, updated_at, deleted_at)
       VALUES (?, ?, 6, 600, 300, ?, 120, 6, 900, 1620, ?, 'x', 'x', ?)`
    )
    insert.run('a', '2026-11-02', 8, 216, null)
    insert.run('b', '2026-11-02', null, null, null)
    insert.run('c', '2026-11-04', 6, 162, null)
    insert.run('d', '2026-11-04', 6, 162, '2026-11-05T00:00:00Z')
    insert.run('e', '2026-11-09', 6, 162, null)
    const repo = statsRepo(db)
    expect(repo.dailyTotals('2026-11-01', '2026-11-08')).toEqual([
      { date: '2026-11-02', sessions: 2, load: 216, unrated: 1, workSeconds: 240, reps: 12, distanceMeters: 1800 },
      { date: '2026-11-04', sessions: 1, load: 162, unrated: 0, workSeconds: 120, reps: 6, distanceMeters: 900 }
    ])
    expect(repo.historyStart()).toBe('2026-11-02')
    expect(repo.dailyTotals(undefined, undefined)).toHaveLength(3)
    db.close()
  })

  it('a protocol with thousands of sessions comes back as at most 1,000 points, the newest session last', async () => {
    const db = await open()
    const insert = db.prepare(
      `INSERT INTO sessions (uuid, date, protocol_id, planned_reps, warmup_seconds, cooldown_seconds, rpe, work_seconds, reps_done, duration_seconds, load, created_at, updated_at)
       VALUES (?, ?, 2, 6, 600, 300, ?, 120, ?, 1620, 216, 'x', 'x')`
    )
    db.transaction(() => {
      for (let i = 0; i < 2500; i++) insert.run(`u${i}`, addLocalDays('2019-01-01', i), i % 2 === 0 ? 8 : null, 5 + (i % 2))
    })()
    const router = createBackendRouter(db, () => ({ version: '', databasePath: '', backupDir: '', schemaVersion: 2, transport: 'web', locale: null, database: { ok: true } }))
    const r = await router.call('stats/protocolProgress', { protocolId: 2 })
    if (!r.ok) throw new Error(r.error.message)
    const p = r.value as ProtocolProgress
    expect(p.sessions).toBe(2500)
    expect(p.sessionsPerPoint).toBe(3)
    expect(p.points.length).toBeLessThanOrEqual(1000)
    expect(p.points[p.points.length - 1]?.date).toBe(addLocalDays('2019-01-01', 2499))
    // The last run: sessions 2497–2499 with 6, 5, 6 reps and RPE none, 8, none: the mean ignores the missing ones.
    expect(p.points[p.points.length - 1]).toMatchObject({ rpe: 8, restPerRep: null })
    expect(p.points[p.points.length - 1]?.repsDone).toBeCloseTo(17 / 3, 10)
    db.close()
  })

  it('the per-session columns give exactly the figures of every rep: progress, and sprint bests with mixed rep lengths', async () => {
    const db = await open()
    const sessions = sessionsRepo(db)
    const imports = importRepo(db)
    let seed = 11
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T
    interface Logged {
      id: number
      date: string
      protocolId: number | null
      reps: Rep[]
      live: boolean
    }
    const logged: Logged[] = []
    for (let i = 0; i < 300; i++) {
      // Most sessions keep one rep length; about a third mix lengths (20 s with 30 s, or 19.6 s rounding to 20 s …).
      const lengths = rnd() < 0.35 ? [20, 30.4, 19.6, 45] : [pick([20, 30, 45, 30.4])]
      // About one session in five carries loads (a vest or a sled, of a few weights), on some of its reps.
      const loads = rnd() < 0.2 ? [pick([10, 20, 9.98])] : []
      const reps = Array.from({ length: 1 + Math.floor(rnd() * 8) }, () =>
        rep({
          ...(loads.length > 0 && rnd() < 0.7 ? { loadKg: pick([...loads, 20]), loadKind: pick(['vest', 'sled'] as const) } : {}),
          workSeconds: pick(lengths),
          distanceMeters: rnd() < 0.75 ? 80 + Math.round(rnd() * 20000) / 100 : null,
          hill: rnd() < 0.25,
          completed: rnd() < 0.9,
          recoverySeconds: rnd() < 0.2 ? null : rnd() < 0.2 ? 0 : 30 + Math.round(rnd() * 200)
        })
      )
      const protocolId = pick([2, 5, null])
      const date = addLocalDays('2024-01-01', Math.floor(i / 2))
      const d = { date, startTime: null, protocolId, plan: null, warmupSeconds: 600, cooldownSeconds: 300, rpe: 7, couldNotRecover: false, notes: '', reps }
      let id: number
      if (i % 3 === 0) {
        // Through the import, which must store the same derived columns as a save.
        const uuid = `20000000-0000-4000-8000-${String(i).padStart(12, '0')}`
        const writer = imports.sessionWriter()
        writer.add({ ...d, uuid, protocolUuid: null, protocolName: null, planJson: null, createdAt: 'x', updatedAt: 'x' }, protocolId, reps)
        writer.end()
        id = db.prepare<[string], number>('SELECT id FROM sessions WHERE uuid = ?').pluck().get(uuid) as number
      } else {
        id = sessions.insert(`s${i}`, d).id
      }
      logged.push({ id, date, protocolId, reps, live: true })
    }
    // Edits rewrite the derived columns; deleted sessions drop out of every figure.
    for (const x of logged.filter((_, i) => i % 7 === 1)) {
      x.reps = x.reps.map((r) => ({ ...r, distanceMeters: r.distanceMeters === null ? 150 : r.distanceMeters + 1, hill: !r.hill }))
      sessions.update(x.id, { date: x.date, startTime: null, protocolId: x.protocolId, plan: null, warmupSeconds: 600, cooldownSeconds: 300, rpe: 7, couldNotRecover: false, notes: '', reps: x.reps })
    }
    for (const x of logged.filter((_, i) => i % 11 === 4)) {
      sessions.softDelete(x.id)
      x.live = false
    }
    expect(logged.some((x) => new Set(x.reps.filter((r) => !r.hill && repSpeed(r) !== null).map((r) => durationBucket(r.workSeconds))).size > 1)).toBe(true)

    /** The bests by brute force over every rep, with the shared definitions; (no two of the fastest reps tie here). */
    const expected = (protocolId: number | undefined, from: string) => {
      const flat = new Map<number, BestRep>()
      let hill: BestRep | null = null
      for (const x of logged) {
        if (!x.live || x.date < from || (protocolId !== undefined && x.protocolId !== protocolId)) continue
        for (const r of x.reps) {
          const speed = repSpeed(r)
          if (speed === null || isLoaded(r)) continue
          const best: BestRep = { bucketSeconds: durationBucket(r.workSeconds), speed, workSeconds: r.workSeconds, distanceMeters: r.distanceMeters as number, date: x.date, sessionId: x.id, reps: 1 }
          const was: BestRep | null | undefined = r.hill ? hill : flat.get(best.bucketSeconds)
          const next: BestRep = !was ? best : speed > was.speed ? { ...best, reps: was.reps + 1 } : { ...was, reps: was.reps + 1 }
          if (r.hill) hill = next
          else flat.set(best.bucketSeconds, next)
        }
      }
      const kept = logged.filter((x) => x.live && x.date >= from && (protocolId === undefined || x.protocolId === protocolId))
      const loaded = loadedBests(kept.map((x) => x.reps)).map(({ index, ...b }) => ({ ...b, date: (kept[index] as Logged).date, sessionId: (kept[index] as Logged).id }))
      return { byDuration: [...flat.values()].sort((a, b) => a.bucketSeconds - b.bucketSeconds), hill, loaded }
    }
    const stats = statsRepo(db)
    for (const protocolId of [2, 5, undefined]) {
      for (const from of ['0000-01-01', '2024-02-10']) {
        const want = expected(protocolId, from)
        expect(want.byDuration.length).toBeGreaterThan(2)
        // Flat and hill loaded bests, of several loads: a real check of the split.
        expect(new Set(want.loaded.map((b) => `${b.terrain} ${b.loadKg} ${b.loadKind}`)).size).toBeGreaterThan(3)
        expect(stats.sprintBests(protocolId, from, undefined)).toEqual(want)
      }
      if (protocolId === undefined) continue
      const live = logged.filter((x) => x.live && x.protocolId === protocolId)
      expect(stats.protocolSessions(protocolId, undefined, undefined)).toEqual(
        live.map((x) => {
          const drop = speedDropOff(x.reps)
          const loadedDrop = loadedDropOff(x.reps)
          return {
            sessionId: x.id,
            date: x.date,
            repsDone: x.reps.filter((r) => r.completed).length,
            plannedReps: x.reps.length,
            rpe: 7,
            restPerRep: restPerRep(x.reps),
            firstSpeed: drop?.firstSpeed ?? null,
            lastSpeed: drop?.lastSpeed ?? null,
            maxLoadKg: maxLoadKg(x.reps),
            loadedFirstSpeed: loadedDrop?.firstSpeed ?? null,
            loadedLastSpeed: loadedDrop?.lastSpeed ?? null
          }
        })
      )
    }
    db.close()
  })
})
