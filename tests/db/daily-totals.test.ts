import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { startBackend } from '../../src/main/backend'
import type { Db } from '../../src/main/db/connection'
import type { Protocol } from '../../src/shared/training'
import { useBackend } from '../helpers/backend'
import { clientFor } from '../helpers/client'
import { sprintReps } from '../helpers/training'

/**
 * The stored daily totals (migration 7) are the sessions' sums, day by day and protocol by protocol, after any
 * sequence of writes: they are compared with the same sums taken over the sessions themselves.
 */

const backend = useBackend()

interface Totals {
  date: string
  protocol_id: number
  sessions: number
  unrated: number
  load: number
  work_seconds: number
  reps: number
  distance_meters: number
}

const stored = (db: Db | Database.Database) => db.prepare('SELECT * FROM daily_totals ORDER BY date, protocol_id').all() as Totals[]
const summed = (db: Db | Database.Database) =>
  db
    .prepare(
      `SELECT date, coalesce(protocol_id, 0) AS protocol_id, count(*) AS sessions, count(*) - count(load) AS unrated, total(load) AS load,
        total(work_seconds) AS work_seconds, sum(reps_done) AS reps, total(distance_meters) AS distance_meters
       FROM sessions WHERE deleted_at IS NULL GROUP BY date, coalesce(protocol_id, 0) ORDER BY date, protocol_id`
    )
    .all() as Totals[]

function expectSame(actual: Totals[], expected: Totals[]): void {
  expect(actual.map((t) => [t.date, t.protocol_id, t.sessions, t.unrated, t.reps])).toEqual(expected.map((t) => [t.date, t.protocol_id, t.sessions, t.unrated, t.reps]))
  actual.forEach((t, i) => {
    const e = expected[i] as Totals
    for (const k of ['load', 'work_seconds', 'distance_meters'] as const) expect(t[k], `${t.date} ${k}`).toBeCloseTo(e[k], 6)
  })
}

async function history() {
  const b = await backend()
  const client = clientFor(b.router)
  const protocols = await client.protocols.list()
  const sprint = protocols.find((p) => p.name === 'Sprint 6×20 s') as Protocol
  const hiit = protocols.find((p) => p.name === 'HIIT 4×4') as Protocol
  const ids: number[] = []
  const log = async (date: string, protocol: Protocol | null, rpe: number | null, first = 150) => {
    const s = await client.sessions.create({
      date,
      protocolId: protocol?.id ?? null,
      plan: protocol?.groups ?? null,
      rpe,
      reps: sprintReps(6).map((r, i) => ({ ...r, distanceMeters: first - i * 1.7, workSeconds: 20 + i / 3 }))
    })
    ids.push(s.id)
    return s
  }
  await log('2026-10-01', sprint, 8)
  await log('2026-10-01', sprint, 7, 140)
  await log('2026-10-01', hiit, null)
  await log('2026-10-01', null, 6)
  await log('2026-10-03', sprint, 9)
  await log('2026-10-05', null, null)
  return { b, client, sprint, hiit, ids, log }
}

describe('stored daily totals', () => {
  it('follow saves, edits that move a session to another day or protocol, deletes and restores', async () => {
    const { b, client, hiit, ids } = await history()
    expectSame(stored(b.db), summed(b.db))
    expect(stored(b.db).find((t) => t.date === '2026-10-01' && t.protocol_id === 0)).toMatchObject({ sessions: 1, unrated: 0 })

    // Moved to another day, another protocol, another RPE and other reps.
    await client.sessions.update({ id: ids[0] as number, date: '2026-10-04', protocolId: hiit.id, plan: hiit.groups, rpe: null, reps: sprintReps(3) })
    expectSame(stored(b.db), summed(b.db))
    // The only session of a day and protocol deleted: its row goes; restored: it comes back.
    await client.sessions.delete({ id: ids[4] as number })
    expect(stored(b.db).some((t) => t.date === '2026-10-03')).toBe(false)
    expectSame(stored(b.db), summed(b.db))
    await client.sessions.restore({ id: ids[4] as number })
    expect(stored(b.db).some((t) => t.date === '2026-10-03')).toBe(true)
    expectSame(stored(b.db), summed(b.db))
    for (const id of ids) await client.sessions.delete({ id })
    expect(stored(b.db)).toEqual([])
  })

  it('are built from the sessions already there when a database is upgraded to them', async () => {
    const { b } = await history()
    const path = b.path
    const before = summed(b.db)
    b.close()
    // The same database as version 6 left it: no totals table, no triggers (and no later table or trigger).
    const raw = new Database(path)
    for (const t of raw.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name GLOB 'day_stats_*'").pluck().all() as string[]) raw.exec(`DROP TRIGGER ${t}`)
    raw.exec('DROP TABLE progress_days; DROP TABLE best_days; DROP TABLE loaded_best_days; DROP TABLE session_sources; DROP TRIGGER daily_totals_insert; DROP TRIGGER daily_totals_delete; DROP TRIGGER daily_totals_update; DROP TABLE daily_totals; PRAGMA user_version = 6')
    raw.close()
    const reopened = await startBackend({ dbPath: path, transport: 'web', log: () => {} })
    try {
      expect(before.length).toBeGreaterThan(3)
      expectSame(stored(reopened.db), before)
    } finally {
      reopened.close()
    }
  })
})
