import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/main/db/connection'
import { SESSION_QUERIES, sessionsRepo } from '../../src/main/db/repos/sessions'
import { useTempDir } from '../helpers/tmp'
import { rep, sprintReps } from '../helpers/training'

const tmp = useTempDir()

async function open() {
  const { db } = await openDatabase({ path: join(tmp(), 's.db') })
  return { db, sessions: sessionsRepo(db) }
}

const draft = { date: '2026-11-20', startTime: '07:30', protocolId: null, plan: null, warmupSeconds: 600, cooldownSeconds: 300, rpe: 8, couldNotRecover: false, notes: '' }

describe('sessions repository', () => {
  it('writes a session and its reps in one transaction: a bad rep leaves nothing behind', async () => {
    const { db, sessions } = await open()
    // The schema would refuse this rep; the database's own CHECK is the last line of defence.
    expect(() => sessions.insert('u1', { ...draft, reps: [rep(), rep({ workSeconds: 0 })] })).toThrow(/CHECK constraint failed/)
    expect(db.prepare('SELECT (SELECT count(*) FROM sessions) AS s, (SELECT count(*) FROM reps) AS r').get()).toEqual({ s: 0, r: 0 })
    db.close()
  })

  it('an update that fails halfway keeps the old reps', async () => {
    const { db, sessions } = await open()
    const s = sessions.insert('u1', { ...draft, reps: sprintReps(3) })
    expect(() => sessions.update(s.id, { ...draft, notes: 'changed', reps: [rep(), rep({ heartRate: 999 })] })).toThrow()
    expect(sessions.get(s.id)).toMatchObject({ notes: '', reps: sprintReps(3) })
    db.close()
  })

  it('keeps rep order and every field', async () => {
    const { db, sessions } = await open()
    const reps = [
      rep({ workSeconds: 13.4, distanceMeters: 100, rpe: 9, heartRate: 181 }),
      rep({ intensity: 'custom', intensityPct: 85, inclinePct: 6, recoveryMode: 'stand', recoverySeconds: 90 }),
      rep({ hill: true, recoveryMode: 'walk-down', recoverySeconds: null, completed: false })
    ]
    const s = sessions.insert('u1', { ...draft, reps })
    expect(sessions.get(s.id)?.reps).toEqual(reps)
    db.close()
  })

  it('answers history queries from the date indexes, without sorting', async () => {
    const { db } = await open()
    const plan = (sql: string, ...args: unknown[]) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail).join(' | ')
    const all = plan(SESSION_QUERIES.listAll, '2026-01-01', '2026-12-31', 50, 0)
    expect(all).toMatch(/SEARCH s USING INDEX sessions_live_date/)
    expect(all).not.toMatch(/TEMP B-TREE/)
    expect(plan(SESSION_QUERIES.listProtocol, '2026-01-01', '2026-12-31', 3, 50, 0)).toMatch(/USING INDEX sessions_live_protocol_date/)
    expect(plan(SESSION_QUERIES.recent, 3, 3)).toMatch(/USING INDEX sessions_live_protocol_date/)
    expect(plan(SESSION_QUERIES.repsOf, '[1,2]')).toMatch(/USING (COVERING )?INDEX sqlite_autoindex_reps_1/)
    expect(plan(SESSION_QUERIES.datesBetween, '2026-01-01', '2026-12-31')).toMatch(/USING (COVERING )?INDEX sessions_live_date/)
    expect(plan(SESSION_QUERIES.protocolDatesBetween, 3, '2026-01-01', '2026-12-31')).toMatch(/USING (COVERING )?INDEX sessions_live_protocol_date/)
  })
})

describe('derived session columns', () => {
  it('hold the shared metrics of the reps, and follow an edit', async () => {
    const { db, sessions } = await open()
    const s = sessions.insert('u1', { ...draft, reps: sprintReps(6) })
    const row = () => db.prepare('SELECT work_seconds, reps_done, distance_meters, duration_seconds, load, planned_reps FROM sessions WHERE id = ?').get(s.id)
    expect(row()).toEqual({ work_seconds: 120, reps_done: 6, distance_meters: 0, duration_seconds: 1620, load: 216, planned_reps: 6 })
    sessions.update(s.id, { ...draft, rpe: null, reps: [...sprintReps(5), rep({ completed: false, recoverySeconds: 0, distanceMeters: 90 })] })
    // 5 × 20 s + 4 × 2:00 + the abandoned 20 s + 15 min warm-up and cool-down = 1500 s
    expect(row()).toEqual({ work_seconds: 100, reps_done: 5, distance_meters: 0, duration_seconds: 1500, load: null, planned_reps: 6 })
    db.close()
  })
})
