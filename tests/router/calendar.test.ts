/** A block's calendar and its .ics export through the router, on a real database file. */
import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startBackend } from '../../src/main/backend'
import type { Protocol } from '../../src/shared/training'
import { useBackend } from '../helpers/backend'
import { clientFor } from '../helpers/client'
import { readIcs } from '../helpers/ics'
import { rep, sprintReps } from '../helpers/training'
import { useTempDir } from '../helpers/tmp'

const backend = useBackend()
const tmp = useTempDir()

/** A 2-week HIIT block from Monday 2027-01-04, with sessions on Mon 4 and Thu 7 (HIIT) and Wed 6 (another protocol). */
async function seed(b: { router: Parameters<typeof clientFor>[0] }) {
  const client = clientFor(b.router)
  const protocols = await client.protocols.list()
  const byName = (n: string) => protocols.find((p) => p.name === n) as Protocol
  const hiit = byName('HIIT 4×4')
  const sprint = byName('Sprint 6×20 s')
  const block = await client.blocks.create({ name: 'HIIT, spring', startDate: '2027-01-04', weeks: 2, sessionsPerWeek: 3, protocolId: hiit.id })
  for (const date of ['2027-01-04', '2027-01-07']) await client.sessions.create({ date, protocolId: hiit.id, plan: hiit.groups, reps: [rep({ workSeconds: 240 })] })
  await client.sessions.create({ date: '2027-01-06', protocolId: sprint.id, plan: sprint.groups, reps: sprintReps(6) })
  return { client, block, hiit }
}

const changes = (b: { db: { prepare(sql: string): { get(): unknown } } }) => (b.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n

describe('calendar/ofBlock', () => {
  it('counts the sessions of the block’s protocol only, on the even spread until usual days are set', async () => {
    const b = await backend()
    const { client, block } = await seed(b)
    const cal = await client.calendar.ofBlock({ blockId: block.id, today: '2027-01-13' })
    expect(cal.trainingDays).toEqual([])
    const state = Object.fromEntries(cal.days.filter((d) => d.state !== 'none').map((d) => [d.date, d.state]))
    // Mon/Wed/Fri: Wed 6 had only a sprint session (not this block's protocol); Thu 7 makes up for it.
    expect(state).toEqual({
      '2027-01-04': 'done',
      '2027-01-06': 'made-up',
      '2027-01-07': 'done',
      '2027-01-08': 'missed',
      '2027-01-11': 'missed',
      '2027-01-13': 'planned',
      '2027-01-15': 'planned'
    })
    expect(cal.totals).toEqual({ done: 2, missed: 2, upcoming: 2 })
    expect(cal.endDate).toBe('2027-01-17')
  })

  it('follows the usual training days once set, and a block without a protocol counts every session', async () => {
    const b = await backend()
    const { client, block } = await seed(b)
    expect(await client.settings.update({ trainingDays: [4, 2, 6] })).toMatchObject({ trainingDays: [2, 4, 6] })
    await client.blocks.update({ id: block.id, name: block.name, startDate: block.startDate, weeks: 2, sessionsPerWeek: 3, protocolId: null })
    const cal = await client.calendar.ofBlock({ blockId: block.id, today: '2027-01-09' })
    expect(cal.trainingDays).toEqual([2, 4, 6])
    const week1 = cal.days.slice(0, 7).map((d) => `${d.date.slice(8)}:${d.state}`)
    // Tue 5 is made up by Mon 4 or Wed 6 (both extra), Thu 7 done, Sat 9 is today.
    expect(week1).toEqual(['04:done', '05:made-up', '06:done', '07:done', '08:none', '09:planned', '10:none'])
  })

  it('refuses an unknown block and bad training days, and changes nothing', async () => {
    const b = await backend()
    const before = changes(b)
    expect(await b.router.call('calendar/ofBlock', { blockId: 99 })).toMatchObject({ ok: false, error: { code: 'not_found', message: 'There is no training block with id 99.' } })
    for (const trainingDays of [[0], [8], [1, 1], [1.5], 'Mon', [1, 2, 3, 4, 5, 6, 7, 1]]) {
      const r = await b.router.call('settings/update', { trainingDays })
      expect(r, JSON.stringify(trainingDays)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    }
    expect(await b.router.call('settings/update', { sessionTime: '25:00' })).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'sessionTime', message: 'Expected a time written HH:MM.' }] } })
    expect(await b.router.call('calendar/ofBlock', { blockId: 1, today: '2027-02-30' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(changes(b)).toBe(before)
  })

  it('a stored setting that fails its schema (hand-edited) falls back to the default', async () => {
    const b = await backend()
    b.db.prepare(`INSERT INTO settings (key, value) VALUES ('trainingDays', '[9, "x"]'), ('sessionTime', '"7 o''clock"')`).run()
    expect(await clientFor(b.router).settings.get()).toMatchObject({ trainingDays: [], sessionTime: null })
  })
})

describe('calendar/export', () => {
  it('web mode: offers the upcoming planned sessions as a one-time .ics download, with stable UIDs', async () => {
    const b = await backend()
    const { client, block } = await seed(b)
    const read = async (today: string) => {
      const r = await client.calendar.export({ blockId: block.id, today })
      expect(r).toMatchObject({ fileName: 'sprintlog-hiit-spring.ics' })
      const ticket = r?.downloadUrl?.replace('/download/', '') ?? ''
      const d = b.transfers.takeDownload(ticket)
      expect(d?.fileName).toBe('sprintlog-hiit-spring.ics')
      const ics = readIcs(readFileSync(d?.path ?? ''))
      expect(b.transfers.takeDownload(ticket)).toBeUndefined()
      return { r, ics }
    }
    const first = await read('2027-01-13')
    expect(first.r?.events).toBe(2)
    expect(first.ics.events.map((e) => e.get('DTSTART'))).toEqual(['20270113', '20270115'])
    expect(first.ics.events[0]?.get('SUMMARY')).toBe('HIIT 4×4: 4x4m @near-max / 3m jog')
    expect(first.ics.calendarValue('X-WR-CALNAME')).toBe('Sprintlog: HIIT, spring')
    const later = await read('2027-01-15')
    expect(later.ics.events.map((e) => e.get('UID'))).toEqual([first.ics.events[1]?.get('UID')])

    // With a usual start time, the events are timed.
    await client.settings.update({ sessionTime: '06:45' })
    const timed = await read('2027-01-15')
    expect(timed.ics.events[0]?.get('DTSTART')).toBe('20270115T064500')
    expect(timed.ics.events[0]?.get('DURATION')).toBe('PT45M')
  })

  it('refuses a block with nothing ahead, and an unknown block', async () => {
    const b = await backend()
    const { block } = await seed(b)
    expect(await b.router.call('calendar/export', { blockId: block.id, today: '2027-01-18' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: '“HIIT, spring” has ended; it has no planned sessions ahead to export.' }
    })
    expect(await b.router.call('calendar/export', { blockId: 99 })).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })

  it('desktop: writes the file where the save dialog says, and nothing when it is cancelled', async () => {
    const dir = tmp()
    let answer: string | null = join(dir, 'my-plan.ics')
    const asked: { title: { key: string }; defaultName: string; filters?: { extensions: string[] }[] }[] = []
    const b = await startBackend({
      dbPath: join(dir, 'sprintlog.db'),
      transport: 'desktop',
      log: () => {},
      platform: { chooseSavePath: async (o) => (asked.push(o), answer) }
    })
    try {
      const { client, block } = await seed(b)
      const r = await client.calendar.export({ blockId: block.id, today: '2027-01-04' })
      expect(asked[0]).toMatchObject({ title: { key: 'exportCalendar' }, defaultName: 'sprintlog-hiit-spring.ics', filters: [{ name: { key: 'filterCalendar' }, extensions: ['ics'] }] })
      expect(r).toEqual({ fileName: 'my-plan.ics', events: 5, path: join(dir, 'my-plan.ics') })
      expect(readIcs(readFileSync(join(dir, 'my-plan.ics'))).events).toHaveLength(5)
      answer = null
      expect(await client.calendar.export({ blockId: block.id, today: '2027-01-04' })).toBeNull()
    } finally {
      b.close()
    }
  })

  it('desktop: a full disk says so in plain words and leaves no file behind', async (ctx) => {
    const dir = tmp()
    const small = join(dir, 'small')
    mkdirSync(small)
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4k', 'tmpfs', small], { stdio: 'ignore' })
    } catch {
      ctx.skip('needs a small tmpfs (mount -t tmpfs), which this machine does not allow')
    }
    try {
      // Fill the disk but for a few bytes: the calendar cannot be written.
      try {
        writeFileSync(join(small, 'filler'), Buffer.alloc(64 * 1024))
      } catch {
        // Full: what the test wants.
      }
      const b = await startBackend({ dbPath: join(dir, 'sprintlog.db'), transport: 'desktop', log: () => {}, platform: { chooseSavePath: async () => join(small, 'plan.ics') } })
      try {
        const { block } = await seed(b)
        expect(await b.router.call('calendar/export', { blockId: block.id, today: '2027-01-04' })).toEqual({
          ok: false,
          error: { code: 'disk_full', key: 'calendarDiskFull', message: 'The disk is full: the calendar file was not saved. Free some space and try again.' }
        })
        expect(readdirSync(small).filter((f) => f !== 'filler')).toEqual([])
      } finally {
        b.close()
      }
    } finally {
      execFileSync('umount', [small])
    }
  })
})
