import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { type Db, openDatabase } from '../../src/main/db/connection'
import { protocolsRepo } from '../../src/main/db/repos/protocols'
import { sessionsRepo } from '../../src/main/db/repos/sessions'
import { generateHistory, rng, syntheticSessions, type SyntheticOptions } from '../../src/main/tools/synthetic'
import { useTempDir } from '../helpers/tmp'

/**
 * The benchmark's generator writes sessions through the session writer directly, many at a time, without
 * reading them back: the database it leaves must be the one that saving the same sessions one by one through
 * the repository (as the app saves them) leaves.
 */

const tmp = useTempDir()

const rows = (db: Db, sql: string) => db.prepare(sql).raw(true).all()
const sessionRows = (db: Db) => {
  const columns = (db.prepare('PRAGMA table_info(sessions)').all() as { name: string }[]).map((c) => c.name).filter((c) => c !== 'created_at' && c !== 'updated_at')
  return rows(db, `SELECT ${columns.join(', ')} FROM sessions ORDER BY id`)
}

async function bothWays(runs: SyntheticOptions[]) {
  const fast = (await openDatabase({ path: join(tmp(), 'fast.db') })).db
  const saved = (await openDatabase({ path: join(tmp(), 'saved.db') })).db
  try {
    for (const o of runs) {
      generateHistory(fast, o)
      const repo = sessionsRepo(saved)
      for (const { uuid, draft } of syntheticSessions(protocolsRepo(saved).list(false), o, rng(o.seed))) repo.insert(uuid, draft)
    }
    return { fast: { sessions: sessionRows(fast), reps: rows(fast, 'SELECT * FROM reps ORDER BY id'), totals: rows(fast, 'SELECT * FROM daily_totals ORDER BY date, protocol_id') }, saved: { sessions: sessionRows(saved), reps: rows(saved, 'SELECT * FROM reps ORDER BY id'), totals: rows(saved, 'SELECT * FROM daily_totals ORDER BY date, protocol_id') } }
  } finally {
    fast.close()
    saved.close()
  }
}

describe('synthetic histories', () => {
  it('write the same sessions, reps and daily totals as saving each session through the repository', async () => {
    const { fast, saved } = await bothWays([{ start: '2020-01-01', sessions: 400, perDay: 3, repsPerSession: null, weightDays: 0, seed: 7 }])
    expect(fast.sessions.length).toBe(400)
    expect(fast.reps.length).toBeGreaterThan(400 * 3)
    expect(fast.sessions).toEqual(saved.sessions)
    expect(fast.reps).toEqual(saved.reps)
    expect(fast.totals).toEqual(saved.totals)
  })

  it('do so with a fixed number of reps, and when a second history is added after the first', async () => {
    const { fast, saved } = await bothWays([
      { start: '2019-01-01', sessions: 150, perDay: 2, repsPerSession: 10, weightDays: 0, seed: 3 },
      { start: '2019-03-20', sessions: 150, perDay: 5, repsPerSession: 6, weightDays: 0, seed: 4, firstUuid: 150 }
    ])
    expect(fast.sessions.length).toBe(300)
    expect(fast.sessions).toEqual(saved.sessions)
    expect(fast.reps).toEqual(saved.reps)
    expect(fast.totals).toEqual(saved.totals)
  })
})
