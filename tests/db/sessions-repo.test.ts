import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { type Db, openDatabase } from '../../src/main/db/connection'
import { importRepo } from '../../src/main/db/repos/import'
import { SESSION_QUERIES, sessionsRepo } from '../../src/main/db/repos/sessions'
import { EARLIER_WALK_DOWN_SQL } from '../../src/main/db/repos/sessionWriter'
import type { ImportedSession } from '../../src/shared/csv'
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

  it("inside a caller's transaction, writes in that one: when it rolls back, nothing is left", async () => {
    const { db, sessions } = await open()
    const saveThenFail = db.transaction(() => {
      const s = sessions.insert('u1', { ...draft, reps: sprintReps(3) })
      expect(sessions.get(s.id)?.reps).toHaveLength(3)
      throw new Error('the caller changed its mind')
    })
    expect(() => saveThenFail.immediate()).toThrow(/changed its mind/)
    expect(db.prepare('SELECT (SELECT count(*) FROM sessions) AS s, (SELECT count(*) FROM reps) AS r, (SELECT count(*) FROM daily_totals) AS d').get()).toEqual({ s: 0, r: 0, d: 0 })
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

  it("counts a history page's total from the daily totals, equal to counting the live sessions after saves, edits, deletes and restores", async () => {
    const { db, sessions } = await open()
    const protocols = (db.prepare('SELECT id FROM protocols ORDER BY id LIMIT 3').pluck().all() as number[])
    // A small seeded generator, so a failure can be replayed.
    let seed = 20261204
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % n
    }
    const choices = [null, ...protocols]
    const day = () => `2026-0${1 + next(3)}-${String(1 + next(28)).padStart(2, '0')}`
    const ids: number[] = []
    const deleted = new Set<number>()
    const check = () => {
      const ranges: [string | undefined, string | undefined][] = [[undefined, undefined], ['2026-02-01', undefined], [undefined, '2026-02-14'], ['2026-01-10', '2026-03-05']]
      for (const [from, to] of ranges) {
        for (const protocolId of [undefined, 'none' as const, ...protocols]) {
          const where = ['deleted_at IS NULL', 'date >= ?', 'date <= ?']
          const args: unknown[] = [from ?? '0000-01-01', to ?? '9999-12-31']
          if (protocolId === 'none') where.push('protocol_id IS NULL')
          else if (protocolId !== undefined) {
            where.push('protocol_id = ?')
            args.push(protocolId)
          }
          const counted = db.prepare(`SELECT count(*) FROM sessions WHERE ${where.join(' AND ')}`).pluck().get(...args)
          expect(sessions.list({ from, to, protocolId }, 5, 0).total, `${from}…${to}, protocol ${String(protocolId)}`).toBe(counted)
        }
      }
    }
    for (let step = 0; step < 300; step++) {
      const op = ids.length < 10 ? 0 : next(5)
      const id = ids[next(ids.length)] as number
      if (op <= 1) ids.push(sessions.insert(`u${step}`, { ...draft, date: day(), protocolId: choices[next(choices.length)] ?? null, reps: sprintReps(1 + next(4)) }).id)
      else if (op === 2 && !deleted.has(id)) sessions.update(id, { ...draft, date: day(), protocolId: choices[next(choices.length)] ?? null, reps: sprintReps(2) })
      else if (op === 3 && !deleted.has(id)) {
        expect(sessions.softDelete(id)).toBe(true)
        deleted.add(id)
      } else if (op === 4 && deleted.has(id)) {
        expect(sessions.restore(id)).toBeDefined()
        deleted.delete(id)
      }
      if (step % 25 === 0) check()
    }
    expect(deleted.size).toBeGreaterThan(0)
    check()
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
    // A page's total: the stored daily totals by their key (date, protocol), never the sessions.
    for (const [sql, args] of [
      [SESSION_QUERIES.countAll, ['2026-01-01', '2026-12-31']],
      [SESSION_QUERIES.countProtocol, ['2026-01-01', '2026-12-31', 3]],
      [SESSION_QUERIES.countFree, ['2026-01-01', '2026-12-31']]
    ] as const) {
      const count = plan(sql, ...args)
      expect(count).toMatch(/SEARCH daily_totals USING PRIMARY KEY \(date>\? AND date<\?\)/)
      expect(count).not.toMatch(/sessions/)
    }
    expect(plan(SESSION_QUERIES.recent, 3, 3)).toMatch(/USING INDEX sessions_live_protocol_date/)
    const reps = plan(SESSION_QUERIES.repsOf, 1)
    expect(reps).toMatch(/USING (COVERING )?INDEX sqlite_autoindex_reps_1 \(session_id=\?\)/)
    expect(reps).not.toMatch(/TEMP B-TREE/)
    const block = plan(SESSION_QUERIES.blockSessions, '2026-01-01', '2026-03-15')
    expect(block).toMatch(/SEARCH s USING INDEX sessions_live_date/)
    expect(block).not.toMatch(/TEMP B-TREE/)
    // The walk-down estimate's source: one seek, whatever the history holds.
    const walkDown = plan(EARLIER_WALK_DOWN_SQL, 3, '2026-05-01', '2026-05-01', 99)
    expect(walkDown).toMatch(/USING (COVERING )?INDEX sessions_timed_walk_down/)
    expect(walkDown).not.toMatch(/TEMP B-TREE/)
  })
})

describe('derived session columns', () => {
  it('hold the shared metrics of the reps, and follow an edit', async () => {
    const { db, sessions } = await open()
    const s = sessions.insert('u1', { ...draft, reps: sprintReps(6) })
    const row = () => db.prepare('SELECT work_seconds, reps_done, distance_meters, duration_seconds, load, planned_reps FROM sessions WHERE id = ?').get(s.id)
    expect(row()).toEqual({ work_seconds: 120, reps_done: 6, distance_meters: 0, duration_seconds: 1620, load: 216, planned_reps: 6 })
    sessions.update(s.id, { ...draft, rpe: null, reps: [...sprintReps(5), rep({ completed: false, recoverySeconds: 0, distanceMeters: 90 })] })
    // Work and distance count the abandoned rep's part run: 5 × 20 s + 20 s, 90 m; reps done the completed ones.
    // 5 × 20 s + 4 × 2:00 + the abandoned 20 s + 15 min warm-up and cool-down = 1500 s
    expect(row()).toEqual({ work_seconds: 120, reps_done: 5, distance_meters: 90, duration_seconds: 1500, load: null, planned_reps: 6 })
    db.close()
  })
})

describe('walk-down estimates', () => {
  const HILL = 5 // the built-in Hill sprint 4×30 s
  /** Four 30 s hill sprints: each walk-down as given (null: untimed), 5 min warm-up, no cool-down, RPE 6. */
  const hill = (date: string, walkDowns: (number | null)[], protocolId: number | null = HILL) => ({
    ...draft,
    date,
    protocolId,
    warmupSeconds: 300,
    cooldownSeconds: 0,
    rpe: 6,
    reps: walkDowns.map((w) => rep({ workSeconds: 30, hill: true, recoveryMode: 'walk-down', recoverySeconds: w }))
  })
  const UNTIMED = [null, null, null, null]
  const figures = (db: Db, id: number) =>
    db.prepare<[number], { estimated_seconds: number; duration_seconds: number; load: number | null }>('SELECT estimated_seconds, duration_seconds, load FROM sessions WHERE id = ?').get(id)
  /** 300 s warm-up + 4 × 30 s + the timed walk-downs + the estimate; load = 6 × that / 60. */
  const expected = (timed: number, estimated: number) => {
    const d = 300 + 120 + timed + estimated
    return { estimated_seconds: estimated, duration_seconds: d, load: (6 * d) / 60 }
  }

  it('uses 90 s without any timed walk-down, then the last timed one of an earlier session of the protocol', async () => {
    const { db, sessions } = await open()
    const first = sessions.insert('a', hill('2026-03-02', UNTIMED))
    expect(figures(db, first.id)).toEqual(expected(0, 360))
    const timed = sessions.insert('b', hill('2026-03-04', [80, 95, 100, null]))
    // Its own timed walk-downs: the untimed last one counts as their mean, (80 + 95 + 100) / 3.
    expect(figures(db, timed.id)?.estimated_seconds).toBeCloseTo(275 / 3, 10)
    const third = sessions.insert('c', hill('2026-03-06', UNTIMED))
    expect(figures(db, third.id)).toEqual(expected(0, 400))
    // The first session came before any timed walk-down: it stays at 90 s.
    expect(figures(db, first.id)).toEqual(expected(0, 360))
    // Another protocol's walk-downs and free-form sessions are no source for it, and the reverse.
    const free = sessions.insert('d', hill('2026-03-07', UNTIMED, null))
    expect(figures(db, free.id)).toEqual(expected(0, 360))
    expect(sessions.earlierWalkDown(HILL, '2026-03-10', null)).toBe(100)
    expect(sessions.earlierWalkDown(null, '2026-03-10', null)).toBeNull()
    expect(sessions.earlierWalkDown(HILL, '2026-03-04', null)).toBe(100)
    expect(sessions.earlierWalkDown(HILL, '2026-03-04', timed.id)).toBeNull()
    db.close()
  })

  it('carries a change forward: a session logged late, deleted, restored, moved, or its walk-down no longer timed', async () => {
    const { db, sessions } = await open()
    sessions.insert('a', hill('2026-03-02', [100, 100, 100, 100]))
    const later = sessions.insert('b', hill('2026-03-09', UNTIMED))
    const after = sessions.insert('c', hill('2026-03-12', UNTIMED))
    expect(figures(db, later.id)).toEqual(expected(0, 400))
    // A session of 2026-03-05 logged afterwards, its last walk-down 70 s: the later untimed sessions follow it.
    const late = sessions.insert('d', hill('2026-03-05', [60, 70, 0, 70]))
    expect(figures(db, later.id)).toEqual(expected(0, 280))
    expect(figures(db, after.id)).toEqual(expected(0, 280))
    sessions.softDelete(late.id)
    expect(figures(db, later.id)).toEqual(expected(0, 400))
    sessions.restore(late.id)
    expect(figures(db, after.id)).toEqual(expected(0, 280))
    // Moved after the others: they go back to the 100 s of 2026-03-02.
    sessions.update(late.id, hill('2026-03-20', [60, 70, 0, 70]))
    expect(figures(db, later.id)).toEqual(expected(0, 400))
    expect(figures(db, after.id)).toEqual(expected(0, 400))
    // The first session's walk-downs no longer timed: nothing earlier is timed, so 90 s.
    sessions.update(1, hill('2026-03-02', UNTIMED))
    expect(figures(db, 1)).toEqual(expected(0, 360))
    expect(figures(db, later.id)).toEqual(expected(0, 360))
    // Sessions of the same day: the one saved first comes first.
    const sameDay = sessions.insert('e', hill('2026-03-09', [50, 50, 50, 50]))
    expect(figures(db, later.id)).toEqual(expected(0, 360))
    expect(figures(db, after.id)).toEqual(expected(0, 200))
    expect(figures(db, sameDay.id)).toEqual(expected(200, 0))
    db.close()
  })

  it('a session restored after an earlier one changed gets its own estimate again', async () => {
    const { db, sessions } = await open()
    const gone = sessions.insert('a', hill('2026-03-09', UNTIMED))
    sessions.softDelete(gone.id)
    sessions.insert('b', hill('2026-03-02', [75, 75, 75, 75]))
    sessions.restore(gone.id)
    expect(figures(db, gone.id)).toEqual(expected(0, 300))
    db.close()
  })

  it('an import, whatever the order of its sessions, ends with the estimates a save in date order gives', async () => {
    const { db, sessions } = await open()
    sessions.insert('old', hill('2026-03-01', [110, 110, 110, 110]))
    const imports = importRepo(db)
    const writer = imports.sessionWriter()
    const file = (uuid: string, date: string, walkDowns: (number | null)[]) => {
      const { reps, ...h } = hill(date, walkDowns)
      const s: ImportedSession = { ...h, uuid, protocolUuid: null, protocolName: null, planJson: null, createdAt: 'x', updatedAt: 'x' }
      expect(writer.add(s, HILL, reps)).toBe(true)
    }
    file('late', '2026-03-09', UNTIMED)
    file('early', '2026-03-05', UNTIMED)
    file('timed', '2026-03-07', [60, 60, 60, 80])
    writer.end()
    const byUuid = (u: string) => figures(db, db.prepare<[string], number>('SELECT id FROM sessions WHERE uuid = ?').pluck().get(u) as number)
    expect(byUuid('early')).toEqual(expected(0, 440))
    expect(byUuid('late')).toEqual(expected(0, 320))
    expect(byUuid('timed')).toEqual(expected(260, 0))
    db.close()
  })
})
