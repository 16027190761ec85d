import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/main/db/connection'
import { settingsRepo } from '../../src/main/db/repos/settings'
import { WEIGHT_QUERIES, weightsRepo } from '../../src/main/db/repos/weights'
import { dailyMeans } from '../../src/shared/metrics/weight'
import { useTempDir } from '../helpers/tmp'

const tmp = useTempDir()

async function repo() {
  const { db } = await openDatabase({ path: join(tmp(), 'w.db') })
  let tick = 0
  const clock = () => new Date(Date.UTC(2026, 10, 22, 8, 0, tick++))
  return { db, weights: weightsRepo(db, clock), settings: settingsRepo(db) }
}

describe('weights repository', () => {
  it('inserts, reads back in camelCase and lists newest first', async () => {
    const { db, weights } = await repo()
    const a = weights.insert({ uuid: 'a', date: '2026-11-01', kg: 73.4, note: 'after run' })
    weights.insert({ uuid: 'b', date: '2026-11-03', kg: 73.0, note: '' })
    weights.insert({ uuid: 'c', date: '2026-11-02', kg: 72.9, note: '' })
    expect(a).toEqual({ id: 1, uuid: 'a', date: '2026-11-01', kg: 73.4, note: 'after run', createdAt: '2026-11-22T08:00:00.000Z', updatedAt: '2026-11-22T08:00:00.000Z' })
    const page = weights.list({}, 10, 0)
    expect(page.total).toBe(3)
    expect(page.items.map((e) => e.uuid)).toEqual(['b', 'c', 'a'])
    expect(weights.list({}, 2, 2).items.map((e) => e.uuid)).toEqual(['a'])
    expect(weights.list({ from: '2026-11-02', to: '2026-11-02' }, 10, 0).items.map((e) => e.uuid)).toEqual(['c'])
    db.close()
  })

  it('gives the daily mean that the shared metric defines', async () => {
    const { db, weights } = await repo()
    const rows = [
      { date: '2026-11-01', kg: 73 },
      { date: '2026-11-01', kg: 74 },
      { date: '2026-11-02', kg: 72.5 },
      { date: '2026-10-30', kg: 75 }
    ]
    rows.forEach((r, i) => weights.insert({ uuid: `u${i}`, note: '', ...r }))
    expect(weights.daily({})).toEqual(dailyMeans(rows))
    expect(weights.daily({ from: '2026-11-01' })).toEqual([
      { date: '2026-11-01', kg: 73.5, count: 2 },
      { date: '2026-11-02', kg: 72.5, count: 1 }
    ])
    db.close()
  })

  it('updates live entries only and stamps updated_at', async () => {
    const { db, weights } = await repo()
    const a = weights.insert({ uuid: 'a', date: '2026-11-01', kg: 73.4, note: '' })
    const b = weights.update(a.id, { date: '2026-11-02', kg: 72, note: 'fixed' })
    expect(b).toMatchObject({ id: a.id, uuid: 'a', date: '2026-11-02', kg: 72, note: 'fixed', createdAt: a.createdAt })
    expect(b?.updatedAt).not.toBe(a.updatedAt)
    expect(weights.update(999, { date: '2026-11-02', kg: 72, note: '' })).toBeUndefined()
    db.close()
  })

  it('soft-deletes and restores, hiding deleted rows from lists and charts', async () => {
    const { db, weights } = await repo()
    const a = weights.insert({ uuid: 'a', date: '2026-11-01', kg: 73.4, note: '' })
    expect(weights.softDelete(a.id)).toBe(true)
    expect(weights.softDelete(a.id)).toBe(false)
    expect(weights.get(a.id)).toBeUndefined()
    expect(weights.list({}, 10, 0)).toEqual({ items: [], total: 0 })
    expect(weights.daily({})).toEqual([])
    expect(weights.update(a.id, { date: '2026-11-01', kg: 70, note: '' })).toBeUndefined()
    expect(weights.restore(a.id)).toMatchObject({ id: a.id, kg: 73.4 })
    expect(weights.restore(a.id)).toBeUndefined()
    expect(weights.list({}, 10, 0).total).toBe(1)
    db.close()
  })

  it('uses the partial date index for the list and the daily chart', async () => {
    const { db } = await repo()
    const plan = (sql: string, ...args: unknown[]) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('2026-01-01', '2026-12-31', ...args) as { detail: string }[]).map((r) => r.detail).join(' | ')
    for (const sql of [WEIGHT_QUERIES.daily, WEIGHT_QUERIES.count]) expect(plan(sql)).toMatch(/USING (COVERING )?INDEX body_weights_live_date/)
    const list = plan(WEIGHT_QUERIES.list, 10, 0)
    expect(list).toMatch(/USING INDEX body_weights_live_date/)
    expect(list).not.toMatch(/TEMP B-TREE/)
    db.close()
  })
})

describe('settings repository', () => {
  it('returns defaults, stores updates, and ignores unreadable values', async () => {
    const { db, settings } = await repo()
    const defaults = { weightUnit: 'kg', distanceUnit: 'km', dismissedBlockSummary: null, trainingDays: [], sessionTime: null, language: null, theme: 'system' }
    expect(settings.get()).toEqual(defaults)
    expect(settings.update({ weightUnit: 'lb' })).toEqual({ ...defaults, weightUnit: 'lb' })
    expect(settings.update({ dismissedBlockSummary: 'a-block-uuid' })).toEqual({ ...defaults, weightUnit: 'lb', dismissedBlockSummary: 'a-block-uuid' })
    expect(settings.update({ trainingDays: [5, 1, 3], sessionTime: '07:30', theme: 'dark' })).toEqual({ ...defaults, weightUnit: 'lb', dismissedBlockSummary: 'a-block-uuid', trainingDays: [1, 3, 5], sessionTime: '07:30', theme: 'dark' })
    expect(settings.get()).toEqual({ ...defaults, weightUnit: 'lb', dismissedBlockSummary: 'a-block-uuid', trainingDays: [1, 3, 5], sessionTime: '07:30', theme: 'dark' })
    db.prepare(`UPDATE settings SET value = 'not json' WHERE key = 'weightUnit'`).run()
    // Hand-edited values that read as JSON but fail their setting's schema keep the defaults too.
    db.prepare(`UPDATE settings SET value = '"stone"' WHERE key = 'sessionTime'`).run()
    db.prepare(`UPDATE settings SET value = '42' WHERE key = 'dismissedBlockSummary'`).run()
    db.prepare(`UPDATE settings SET value = '"purple"' WHERE key = 'theme'`).run()
    expect(settings.get()).toEqual({ ...defaults, trainingDays: [1, 3, 5] })
    db.close()
  })
})
