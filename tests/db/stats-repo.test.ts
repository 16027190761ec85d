import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createBackendRouter } from '../../src/main/backend'
import { openDatabase } from '../../src/main/db/connection'
import { STATS_QUERIES, statsRepo } from '../../src/main/db/repos/stats'
import { addLocalDays } from '../../src/shared/dates'
import type { ProtocolProgress } from '../../src/shared/stats'
import { useTempDir } from '../helpers/tmp'

const tmp = useTempDir()

async function open() {
  const { db } = await openDatabase({ path: join(tmp(), 'stats.db') })
  return db
}

describe('stats queries', () => {
  it('read sessions through the partial date indexes, and reps through their session index', async () => {
    const db = await open()
    const plan = (sql: string, ...args: unknown[]) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail).join(' | ')
    const range = ['2016-01-01', '2026-12-31']

    const daily = plan(STATS_QUERIES.dailyTotals, ...range)
    expect(daily).toMatch(/SEARCH s USING INDEX sessions_live_date \(date>\? AND date<\?\)/)
    // Grouping by date follows the index order: no sorting, whatever the history's length.
    expect(daily).not.toMatch(/TEMP B-TREE|SCAN/)

    expect(plan(STATS_QUERIES.historyStart)).toMatch(/SEARCH sessions USING (COVERING )?INDEX sessions_live_date/)

    const progress = plan(STATS_QUERIES.protocolSessions, ...range, 2)
    expect(progress).toMatch(/SEARCH s USING INDEX sessions_live_protocol_date \(protocol_id=\? AND date>\? AND date<\?\)/)
    expect(progress).not.toMatch(/TEMP B-TREE|SCAN/)
    expect(progress.match(/SEARCH r USING INDEX sqlite_autoindex_reps_1 \(session_id=\?\)/g)).toHaveLength(4)

    for (const sql of [STATS_QUERIES.bestsByDuration, STATS_QUERIES.bestHill]) {
      const p = plan(sql, ...range, 2)
      expect(p).toMatch(/SEARCH s USING INDEX sessions_live_protocol_date/)
      expect(p).toMatch(/SEARCH r USING INDEX sqlite_autoindex_reps_1 \(session_id=\?\)/)
      expect(p).not.toMatch(/SCAN/)
    }
    const bestsAll = plan(STATS_QUERIES.bestsByDurationAll, ...range)
    expect(bestsAll).toMatch(/SEARCH s USING INDEX sessions_live_date/)
    expect(bestsAll).toMatch(/SEARCH r USING INDEX sqlite_autoindex_reps_1/)
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
    const router = createBackendRouter(db, () => ({ version: '', databasePath: '', backupDir: '', schemaVersion: 2, transport: 'web', database: { ok: true } }))
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
})
