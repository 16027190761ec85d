import { describe, expect, it } from 'vitest'
import { CHANNELS } from '../../src/shared/channels'
import { contract } from '../../src/shared/contract'
import { LATEST_VERSION } from '../../src/main/db/migrations'
import { createRouter, type Handlers, LOCK_PATIENCE_MS } from '../../src/main/ipc/router'
import { DomainError } from '../../src/shared/result'
import { useBackend } from '../helpers/backend'

const backend = useBackend()

const count = (b: Awaited<ReturnType<typeof backend>>) =>
  (b.db.prepare('SELECT (SELECT count(*) FROM body_weights) + (SELECT count(*) FROM settings) AS n').get() as { n: number }).n

describe('the router', () => {
  it('has a schema for every channel, and every channel is named domain/verb', () => {
    expect(Object.keys(contract).sort()).toEqual([...CHANNELS].sort())
    for (const c of CHANNELS) expect(c).toMatch(/^[a-z]+\/[a-z][A-Za-z]*$/)
  })

  it('adds, lists, updates, deletes and restores a body weight', async () => {
    const b = await backend()
    const added = await b.router.call('weights/add', { date: '2026-11-20', kg: 72.4 })
    expect(added).toMatchObject({ ok: true, value: { date: '2026-11-20', kg: 72.4, note: '' } })
    const id = (added as { value: { id: number } }).value.id
    expect(await b.router.call('weights/update', { id, date: '2026-11-21', kg: 72.1, note: 'fasted' })).toMatchObject({
      ok: true,
      value: { id, date: '2026-11-21', kg: 72.1, note: 'fasted' }
    })
    expect(await b.router.call('weights/list', undefined)).toMatchObject({ ok: true, value: { total: 1, items: [{ id, kg: 72.1 }] } })
    expect(await b.router.call('weights/delete', { id })).toEqual({ ok: true, value: { id } })
    expect(await b.router.call('weights/list', {})).toMatchObject({ ok: true, value: { total: 0, items: [] } })
    expect(await b.router.call('weights/restore', { id })).toMatchObject({ ok: true, value: { id, kg: 72.1 } })
    expect(await b.router.call('weights/daily', {})).toEqual({
      ok: true,
      value: { points: [{ date: '2026-11-21', kg: 72.1, trendKg: 72.1 }], days: 1, latestTrendKg: 72.1, downsampled: false }
    })
  })

  it.each([
    ['a missing field', { date: '2026-11-20' }, 'kg'],
    ['a string weight', { date: '2026-11-20', kg: '72' }, 'kg'],
    ['a zero weight', { date: '2026-11-20', kg: 0 }, 'kg'],
    ['an absurd weight', { date: '2026-11-20', kg: 700 }, 'kg'],
    ['NaN', { date: '2026-11-20', kg: Number.NaN }, 'kg'],
    ['an impossible date', { date: '2026-02-30', kg: 72 }, 'date'],
    ['a date in another format', { date: '20/11/2026', kg: 72 }, 'date'],
    ['an unknown field', { date: '2026-11-20', kg: 72, admin: true }, ''],
    ['a huge note', { date: '2026-11-20', kg: 72, note: 'x'.repeat(10_001) }, 'note']
  ])('refuses %s with a field-level error and writes nothing', async (_name, input, field) => {
    const b = await backend()
    const before = count(b)
    const r = await b.router.call('weights/add', input)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('invalid_input')
    expect(r.error.message).toMatch(/^Invalid input for weights\/add\./)
    expect(r.error.issues?.map((i) => i.path)).toContain(field)
    expect(count(b)).toBe(before)
  })

  it.each([null, 42, 'text', [], [{ date: '2026-11-20', kg: 72 }]])('refuses a non-object input %j', async (input) => {
    const b = await backend()
    const r = await b.router.call('weights/add', input)
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(count(b)).toBe(0)
  })

  it('refuses unknown channels', async () => {
    const b = await backend()
    for (const name of ['weights/drop', 'weights', '', '__proto__', 'constructor', 42, null]) {
      expect(await b.router.call(name, {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } })
    }
  })

  it('answers not_found for records that do not exist, changing nothing', async () => {
    const b = await backend()
    for (const [channel, input] of [
      ['weights/update', { id: 99, date: '2026-11-20', kg: 72 }],
      ['weights/delete', { id: 99 }],
      ['weights/restore', { id: 99 }]
    ] as const) {
      expect(await b.router.call(channel, input)).toMatchObject({ ok: false, error: { code: 'not_found' } })
    }
    expect(count(b)).toBe(0)
  })

  it('validates settings', async () => {
    const b = await backend()
    expect(await b.router.call('settings/update', { weightUnit: 'stone' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await b.router.call('settings/update', { theme: 'purple' })).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'theme', message: 'Choose system, light or dark.' }] } })
    expect(count(b)).toBe(0)
    expect(await b.router.call('settings/update', { weightUnit: 'lb' })).toEqual({ ok: true, value: { weightUnit: 'lb', distanceUnit: 'km', dismissedBlockSummary: null, trainingDays: [], sessionTime: null, language: null, theme: 'system' } })
    expect(await b.router.call('settings/get', undefined)).toEqual({ ok: true, value: { weightUnit: 'lb', distanceUnit: 'km', dismissedBlockSummary: null, trainingDays: [], sessionTime: null, language: null, theme: 'system' } })
  })

  it('saves the language, refuses one it does not speak, and can follow the system again', async () => {
    const b = await backend()
    expect(await b.router.call('settings/update', { language: 'fr' })).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'language' }] } })
    expect((await b.router.call('settings/get', undefined)) as unknown).toMatchObject({ ok: true, value: { language: null } })
    expect(await b.router.call('settings/update', { language: 'zh-CN' })).toMatchObject({ ok: true, value: { language: 'zh-CN' } })
    expect(await b.router.call('settings/update', { language: null })).toMatchObject({ ok: true, value: { language: null } })
  })

  it('saves the distance unit and refuses one it does not know', async () => {
    const b = await backend()
    expect(await b.router.call('settings/update', { distanceUnit: 'furlong' })).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'distanceUnit' }] } })
    expect((await b.router.call('settings/get', undefined)) as unknown).toMatchObject({ ok: true, value: { distanceUnit: 'km' } })
    expect(await b.router.call('settings/update', { distanceUnit: 'mi' })).toMatchObject({ ok: true, value: { distanceUnit: 'mi', weightUnit: 'kg' } })
    expect((await b.router.call('settings/get', undefined)) as unknown).toMatchObject({ ok: true, value: { distanceUnit: 'mi' } })
  })

  it('reports where the data lives', async () => {
    const b = await backend()
    expect(await b.router.call('app/info', undefined)).toMatchObject({ ok: true, value: { databasePath: b.path, schemaVersion: LATEST_VERSION, transport: 'web', locale: null } })
  })

  it('turns a crash inside a handler into a generic internal error and logs the details', async () => {
    const logged: unknown[] = []
    const boom = () => {
      throw new Error('secret stack detail')
    }
    const handlers = Object.fromEntries(CHANNELS.map((c) => [c, boom])) as unknown as Parameters<typeof createRouter>[0]
    const router = createRouter(handlers, (_m, e) => logged.push(e))
    const r = await router.call('settings/get', undefined)
    expect(r).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(JSON.stringify(r)).not.toMatch(/secret/)
    expect(logged).toHaveLength(1)
  })

  describe('answers the same whether a handler answers at once or with a promise', () => {
    const lockErr = () => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' })
    const variants = {
      'at once': <T>(f: () => T) => f,
      'with a promise': <T>(f: () => T) => () => Promise.resolve().then(f)
    }
    /** A router with one handler on app/info, a clock the waits move on, and the waits it made. */
    const withHandler = (h: () => unknown, lockedBy?: () => { key: string } | null) => {
      let t = 0
      const waits: number[] = []
      const logged: string[] = []
      const router = createRouter({ 'app/info': h } as unknown as Handlers, (m) => logged.push(m), {
        ...(lockedBy ? { lockedBy } : {}),
        now: () => t,
        sleep: async (ms) => {
          waits.push(ms)
          t += ms
        }
      })
      return { router, waits, logged }
    }

    it.each(Object.entries(variants))('%s: a value', async (_name, wrap) => {
      const { router } = withHandler(wrap(() => ({ n: 1 })))
      const answer = router.call('app/info', undefined)
      expect(answer).toBeInstanceOf(Promise)
      expect(await answer).toEqual({ ok: true, value: { n: 1 } })
    })

    it.each(Object.entries(variants))('%s: a domain error', async (_name, wrap) => {
      const { router, logged } = withHandler(
        wrap(() => {
          throw new DomainError('not_found', { key: 'notFound', params: { kind: 'session', id: 3 } })
        })
      )
      expect(await router.call('app/info', undefined)).toMatchObject({ ok: false, error: { code: 'not_found', key: 'notFound' } })
      expect(logged).toEqual([])
    })

    it.each(Object.entries(variants))('%s: damage in the file', async (_name, wrap) => {
      const { router, logged } = withHandler(
        wrap(() => {
          throw Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' })
        })
      )
      expect(await router.call('app/info', undefined)).toMatchObject({ ok: false, error: { code: 'unavailable', key: 'damaged' } })
      expect(logged).toHaveLength(1)
    })

    it.each(Object.entries(variants))('%s: tries again while the lock is held, then answers', async (_name, wrap) => {
      let tries = 0
      const { router, waits } = withHandler(
        wrap(() => {
          if (++tries <= 3) throw lockErr()
          return 'done'
        })
      )
      expect(await router.call('app/info', undefined)).toEqual({ ok: true, value: 'done' })
      expect(tries).toBe(4)
      expect(waits).toEqual([20, 40, 80])
    })

    it.each(Object.entries(variants))('%s: gives up on a lock that stays, after its patience', async (_name, wrap) => {
      const { router, waits } = withHandler(
        wrap(() => {
          throw lockErr()
        })
      )
      expect(await router.call('app/info', undefined)).toMatchObject({ ok: false, error: { code: 'busy', key: 'locked' } })
      const waited = waits.reduce((a, b) => a + b, 0)
      expect(waited).toBeGreaterThanOrEqual(LOCK_PATIENCE_MS)
      expect(waited - (waits.at(-1) ?? 0)).toBeLessThan(LOCK_PATIENCE_MS)
      expect(Math.max(...waits)).toBe(250)
    })

    it.each(Object.entries(variants))('%s: a lock the back end holds itself (an import being written) is named as such', async (_name, wrap) => {
      let writing = true
      const { router } = withHandler(
        wrap(() => {
          throw lockErr()
        }),
        () => (writing ? { key: 'lockedByImport' } : null)
      )
      expect(await router.call('app/info', undefined)).toMatchObject({ ok: false, error: { code: 'busy', key: 'lockedByImport' } })
      writing = false
      expect(await router.call('app/info', undefined)).toMatchObject({ ok: false, error: { code: 'busy', key: 'locked' } })
    })

    it('never throws: a refused input and an unknown channel are answers too', async () => {
      const { router } = withHandler(() => 'x')
      await expect(router.call('app/nothing', undefined)).resolves.toMatchObject({ ok: false, error: { code: 'unknown_channel' } })
      await expect(router.call('weights/add', { kg: 'x' })).resolves.toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    })
  })
})
