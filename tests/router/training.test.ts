import { describe, expect, it } from 'vitest'
import type { InputOf } from '../../src/shared/contract'
import type { Protocol, Rep } from '../../src/shared/training'
import { useBackend } from '../helpers/backend'
import { clientFor } from '../helpers/client'
import { group, rep, sprintReps } from '../helpers/training'
import { adviceText } from '../../src/renderer/src/components/adviceText'

const backend = useBackend()

async function setup() {
  const b = await backend()
  const client = clientFor(b.router)
  const counts = () =>
    b.db
      .prepare(
        `SELECT (SELECT count(*) FROM sessions) AS sessions, (SELECT count(*) FROM reps) AS reps,
                (SELECT count(*) FROM blocks) AS blocks, (SELECT count(*) FROM protocols) AS protocols`
      )
      .get()
  const protocols = await client.protocols.list()
  const byName = (name: string) => protocols.find((p) => p.name === name) as Protocol
  return { b, client, counts, byName }
}

describe('protocols', () => {
  it('ship the five built-in templates, with their source notes', async () => {
    const { client, byName } = await setup()
    const list = await client.protocols.list()
    expect(list.map((p) => p.name)).toEqual(['HIIT 4×4', 'Hill sprint 4×30 s', 'Sprint 4×45 s', 'Sprint 5×30 s', 'Sprint 6×20 s'])
    expect(list.every((p) => p.builtIn && p.sourceNote.length > 0)).toBe(true)
    expect(byName('HIIT 4×4').sourceNote).toMatch(/12 trained university students.*10 weeks.*11 %/)
    expect(byName('HIIT 4×4').groups).toEqual([group({ count: 4, workSeconds: 240, intensity: 'near-max', recoverySeconds: 180, recoveryMode: 'jog' })])
    expect(byName('Hill sprint 4×30 s')).toMatchObject({
      terrain: 'hill',
      groups: [group({ count: 4, workSeconds: 30, hill: true, recoverySeconds: null, recoveryMode: 'walk-down' })]
    })
  })

  it('built-ins cannot be edited; they can be duplicated, and copies edited and archived', async () => {
    const { b, client, byName } = await setup()
    const sprint = byName('Sprint 6×20 s')
    const refused = await b.router.call('protocols/update', { id: sprint.id, name: 'Mine', groups: sprint.groups })
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } })

    const copy = await client.protocols.duplicate({ id: sprint.id })
    expect(copy).toMatchObject({ name: 'Sprint 6×20 s (copy)', builtIn: false, groups: sprint.groups })
    expect((await client.protocols.duplicate({ id: sprint.id })).name).toBe('Sprint 6×20 s (copy 2)')

    const edited = await client.protocols.update({ id: copy.id, name: 'Sprint 8×20 s', groups: [group({ count: 8 })] })
    expect(edited).toMatchObject({ name: 'Sprint 8×20 s', groups: [group({ count: 8 })] })
    await client.protocols.archive({ id: copy.id, archived: true })
    expect((await client.protocols.list()).some((p) => p.id === copy.id)).toBe(false)
    expect((await client.protocols.list({ includeArchived: true })).find((p) => p.id === copy.id)?.archived).toBe(true)
  })

  it('names a duplicate as the renderer words it, made free of the names taken; refuses a bad name and writes nothing', async () => {
    const { b, client, byName, counts } = await setup()
    const sprint = byName('Sprint 6×20 s')
    const copy = await client.protocols.duplicate({ id: sprint.id, name: '  冲刺 6×20 秒（副本）  ' })
    expect(copy).toMatchObject({ name: '冲刺 6×20 秒（副本）', builtIn: false, groups: sprint.groups, description: sprint.description })
    // The description and source note as the renderer words them, too.
    const worded = await client.protocols.duplicate({ id: sprint.id, name: '冲刺', description: '六次二十秒全力冲刺。', sourceNote: '出处说明' })
    expect(worded).toMatchObject({ name: '冲刺', description: '六次二十秒全力冲刺。', sourceNote: '出处说明' })
    expect((await client.protocols.duplicate({ id: sprint.id, name: '冲刺 6×20 秒（副本）' })).name).toBe('冲刺 6×20 秒（副本） (2)')
    expect((await client.protocols.duplicate({ id: sprint.id, name: '冲刺 6×20 秒（副本）' })).name).toBe('冲刺 6×20 秒（副本） (3)')
    // Without a name, the English fallback.
    expect((await client.protocols.duplicate({ id: sprint.id })).name).toBe('Sprint 6×20 s (copy)')
    const before = counts()
    for (const name of ['', '   ', 'x'.repeat(121), 7]) {
      const r = await b.router.call('protocols/duplicate', { id: sprint.id, name })
      expect(r, JSON.stringify(name)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    }
    for (const texts of [{ description: 'x'.repeat(2001) }, { sourceNote: 'x'.repeat(2001) }, { description: 7 }]) {
      const r = await b.router.call('protocols/duplicate', { id: sprint.id, ...texts })
      expect(r, JSON.stringify(texts).slice(0, 40)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    }
    expect(counts()).toEqual(before)
  })

  it('refuses a malformed template and writes nothing', async () => {
    const { b, counts } = await setup()
    const before = counts()
    for (const groups of [[], [group({ workSeconds: null })], [group({ workMeters: 100 })], [group({ recoverySeconds: null })], [group({ count: 0 })]]) {
      expect(await b.router.call('protocols/create', { name: 'Bad', groups })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    }
    expect(await b.router.call('protocols/create', { name: '  ', groups: [group()] })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(counts()).toEqual(before)
  })
})

describe('sessions', () => {
  it('log a Sprint 6×20 s session as planned; the list shows hand-calculated figures', async () => {
    const { client, byName } = await setup()
    const p = byName('Sprint 6×20 s')
    const s = await client.sessions.create({
      date: '2026-11-20',
      protocolId: p.id,
      plan: p.groups,
      warmupSeconds: 600,
      cooldownSeconds: 300,
      rpe: 8,
      reps: sprintReps(6)
    })
    expect(s).toMatchObject({ date: '2026-11-20', protocolName: 'Sprint 6×20 s', plannedReps: 6, couldNotRecover: false, notes: '' })
    expect(s.reps).toEqual(sprintReps(6))
    const page = await client.sessions.list()
    expect(page.total).toBe(1)
    expect(page.items[0]).toMatchObject({ id: s.id, workSeconds: 120, repsDone: 6, plannedReps: 6, durationSeconds: 1620, load: 216 })
  })

  it('edit replaces the reps; delete hides; restore brings back', async () => {
    const { client, byName } = await setup()
    const p = byName('HIIT 4×4')
    const reps = Array.from({ length: 4 }, (_, i) => rep({ workSeconds: 240, intensity: 'near-max', recoverySeconds: i === 3 ? 0 : 180, recoveryMode: 'jog' }))
    const s = await client.sessions.create({ date: '2026-11-18', protocolId: p.id, plan: p.groups, rpe: 7, reps })
    const edited = await client.sessions.update({
      id: s.id,
      date: '2026-11-18',
      protocolId: p.id,
      plan: p.groups,
      rpe: 9,
      couldNotRecover: true,
      notes: 'windy',
      reps: [...reps.slice(0, 3), { ...(reps[3] as Rep), workSeconds: 120, completed: false }]
    })
    expect(edited.reps.map((r) => r.completed)).toEqual([true, true, true, false])
    expect(edited).toMatchObject({ rpe: 9, couldNotRecover: true, notes: 'windy', createdAt: s.createdAt })
    await client.sessions.delete({ id: s.id })
    expect((await client.sessions.list()).total).toBe(0)
    expect(await client.sessions.restore({ id: s.id })).toMatchObject({ id: s.id, notes: 'windy' })
    expect((await client.sessions.list()).total).toBe(1)
  })

  it('filters history by protocol, free-form sessions and date range, newest first, with paging', async () => {
    const { client, byName } = await setup()
    const a = byName('Sprint 6×20 s')
    const h = byName('Hill sprint 4×30 s')
    await client.sessions.create({ date: '2026-11-01', protocolId: a.id, plan: a.groups, reps: sprintReps(6) })
    await client.sessions.create({ date: '2026-11-03', protocolId: h.id, plan: h.groups, reps: sprintReps(4) })
    await client.sessions.create({ date: '2026-11-05', reps: [rep({ workSeconds: 600 })] })
    await client.sessions.create({ date: '2026-11-07', protocolId: a.id, plan: a.groups, reps: sprintReps(6) })
    const dates = async (input: InputOf<'sessions/list'>) => (await client.sessions.list(input)).items.map((s) => s.date)
    expect(await dates({})).toEqual(['2026-11-07', '2026-11-05', '2026-11-03', '2026-11-01'])
    expect(await dates({ protocolId: a.id })).toEqual(['2026-11-07', '2026-11-01'])
    expect(await dates({ protocolId: 'none' })).toEqual(['2026-11-05'])
    expect(await dates({ from: '2026-11-02', to: '2026-11-06' })).toEqual(['2026-11-05', '2026-11-03'])
    expect(await dates({ limit: 2, offset: 1 })).toEqual(['2026-11-05', '2026-11-03'])
    const free = (await client.sessions.list({ protocolId: 'none' })).items[0]
    expect(free).toMatchObject({ protocolId: null, protocolName: null, plannedReps: 1, repsDone: 1 })
  })

  it.each([
    ['no reps', { reps: [] }, 'reps'],
    ['an RPE of 11', { rpe: 11 }, 'rpe'],
    ['a negative warm-up', { warmupSeconds: -60 }, 'warmupSeconds'],
    ['a rep with negative work', { reps: [rep({ workSeconds: -20 })] }, 'reps.0.workSeconds'],
    ['a rep with a string time', { reps: [{ ...rep(), workSeconds: '20' }] }, 'reps.0.workSeconds'],
    ['an unknown recovery mode', { reps: [{ ...rep(), recoveryMode: 'crawl' }] }, 'reps.0.recoveryMode'],
    ['a custom intensity without a percentage', { reps: [rep({ intensity: 'custom' })] }, 'reps.0.intensityPct'],
    ['an impossible date', { date: '2026-02-30' }, 'date'],
    ['a bad start time', { startTime: '25:00' }, 'startTime'],
    ['an unknown protocol', { protocolId: 999 }, 'protocolId'],
    ['an unknown field', { mood: 'great' }, '']
  ])('refuse %s with the field named, writing nothing', async (_name, patch, path) => {
    const { b, counts } = await setup()
    const before = counts()
    const r = await b.router.call('sessions/create', { date: '2026-11-20', reps: sprintReps(2), ...patch })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.code).toBe('invalid_input')
      expect(r.error.issues?.map((i) => i.path)).toContain(path)
    }
    expect(counts()).toEqual(before)
  })
})

describe('walk-down estimates', () => {
  it('the source of the estimate for a session of a protocol on a date, and the stored figures that follow it', async () => {
    const { b, client, byName } = await setup()
    const hill = byName('Hill sprint 4×30 s')
    const hillReps = (walkDowns: (number | null)[]) => walkDowns.map((w) => rep({ workSeconds: 30, hill: true, recoveryMode: 'walk-down', recoverySeconds: w }))
    expect(await client.sessions.walkDownBefore({ protocolId: hill.id, date: '2026-05-10' })).toEqual({ seconds: null })
    const first = await client.sessions.create({ date: '2026-05-04', protocolId: hill.id, plan: hill.groups, rpe: 8, reps: hillReps([70, 75, 80, 0]) })
    expect(await client.sessions.walkDownBefore({ protocolId: hill.id, date: '2026-05-10' })).toEqual({ seconds: 80 })
    expect(await client.sessions.walkDownBefore({ protocolId: hill.id, date: '2026-05-04' })).toEqual({ seconds: 80 })
    expect(await client.sessions.walkDownBefore({ protocolId: hill.id, date: '2026-05-04', sessionId: first.id })).toEqual({ seconds: null })
    expect(await client.sessions.walkDownBefore({ protocolId: null, date: '2026-05-10' })).toEqual({ seconds: null })
    const next = await client.sessions.create({ date: '2026-05-06', protocolId: hill.id, plan: hill.groups, rpe: 8, reps: hillReps([null, null, null, null]) })
    // 10 + 5 min + 4 × 30 s + 4 × 80 s = 1340 s; load 8 × 1340 / 60
    const { items } = await client.sessions.list({ protocolId: hill.id })
    expect(items.find((s) => s.id === next.id)).toMatchObject({ workSeconds: 120, estimatedSeconds: 320, durationSeconds: 1340 })
    expect(items.find((s) => s.id === next.id)?.load).toBeCloseTo((8 * 1340) / 60, 10)
    expect(b.db.prepare('SELECT estimated_seconds FROM sessions WHERE id = ?').pluck().get(first.id)).toBe(0)
    expect(await b.router.call('sessions/walkDownBefore', { protocolId: hill.id })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })
})

describe('training blocks', () => {
  it('create with defaults, see week N of M move, and refuse overlaps', async () => {
    const { b, client, counts, byName } = await setup()
    const p = byName('HIIT 4×4')
    const block = await client.blocks.create({ name: 'Autumn block', startDate: '2026-11-02', protocolId: p.id })
    expect(block).toMatchObject({ weeks: 10, sessionsPerWeek: 3, protocolName: 'HIIT 4×4' })
    for (const date of ['2026-11-02', '2026-11-04', '2026-11-06', '2026-11-10', '2026-11-01']) {
      await client.sessions.create({ date, protocolId: p.id, plan: p.groups, reps: sprintReps(4) })
    }
    expect(await client.blocks.current({ today: '2026-11-11' })).toMatchObject({
      status: 'active',
      week: 2,
      sessionsThisWeek: 1,
      plannedThisWeek: 3,
      sessionsTotal: 4,
      plannedTotal: 30,
      endDate: '2027-01-10'
    })
    expect(await client.blocks.current({ today: '2026-11-16' })).toMatchObject({ week: 3, sessionsThisWeek: 0 })

    const before = counts()
    const overlap = await b.router.call('blocks/create', { name: 'Winter', startDate: '2027-01-10' })
    expect(overlap).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/overlaps “Autumn block”/) } })
    expect(counts()).toEqual(before)
    await client.blocks.create({ name: 'Winter', startDate: '2027-01-11', weeks: 6 })
    expect((await client.blocks.list({ today: '2026-11-11' })).map((p) => [p.block.name, p.status])).toEqual([
      ['Autumn block', 'active'],
      ['Winter', 'upcoming']
    ])
  })

  it('moving a block onto another is refused; delete frees the dates; restore checks again', async () => {
    const { b, client } = await setup()
    const a = await client.blocks.create({ name: 'A', startDate: '2026-01-05', weeks: 4 })
    const c = await client.blocks.create({ name: 'C', startDate: '2026-03-02', weeks: 4 })
    expect(await b.router.call('blocks/update', { id: c.id, name: 'C', startDate: '2026-01-20', weeks: 4 })).toMatchObject({
      ok: false,
      error: { code: 'conflict' }
    })
    await client.blocks.delete({ id: a.id })
    await client.blocks.update({ id: c.id, name: 'C', startDate: '2026-01-20', weeks: 4 })
    expect(await b.router.call('blocks/restore', { id: a.id })).toMatchObject({ ok: false, error: { code: 'conflict' } })
    expect(await client.blocks.current({ today: '2025-06-01' })).toMatchObject({ block: { name: 'C' }, status: 'upcoming' })
    expect(await client.blocks.current({ today: '2027-06-01' })).toBeNull()
  })

  it.each([
    ['no name', { name: '' }],
    ['0 weeks', { weeks: 0 }],
    ['53 weeks', { weeks: 53 }],
    ['0 sessions a week', { sessionsPerWeek: 0 }],
    ['half a week', { weeks: 2.5 }],
    ['an unknown protocol', { protocolId: 12345 }]
  ])('refuse a block with %s, writing nothing', async (_name, patch) => {
    const { b, counts } = await setup()
    const before = counts()
    const r = await b.router.call('blocks/create', { name: 'Block', startDate: '2026-11-02', ...patch })
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(counts()).toEqual(before)
  })
})

describe('the end of a training block', () => {
  it('is shown from the day after the end until the next block starts: sessions of its protocol, stored work, the change of plan', async () => {
    const { b, client, byName } = await setup()
    const hiit = byName('HIIT 4×4')
    const sprint = byName('Sprint 6×20 s')
    // 2 weeks × 3 from 2026-11-02: the last day is 2026-11-15.
    const block = await client.blocks.create({ name: 'Autumn', startDate: '2026-11-02', weeks: 2, sessionsPerWeek: 3, protocolId: hiit.id })
    const longer = hiit.groups.map((g) => ({ ...g, count: g.count + 1, recoverySeconds: 150 }))
    const fourMin = (n: number, over: Partial<Rep> = {}) => Array.from({ length: n }, () => rep({ workSeconds: 240, recoverySeconds: 180, recoveryMode: 'jog', ...over }))
    await client.sessions.create({ date: '2026-11-02', protocolId: hiit.id, plan: hiit.groups, reps: fourMin(4) })
    // the fourth rep abandoned after 2:30 of it
    await client.sessions.create({ date: '2026-11-05', protocolId: hiit.id, plan: hiit.groups, reps: [...fourMin(3), rep({ workSeconds: 150, completed: false })] })
    await client.sessions.create({ date: '2026-11-14', protocolId: hiit.id, plan: longer, reps: fourMin(5, { recoverySeconds: 150 }) })
    // another protocol inside the block, and sessions of the protocol outside it: not the block's
    await client.sessions.create({ date: '2026-11-09', protocolId: sprint.id, plan: sprint.groups, reps: sprintReps(6) })
    await client.sessions.create({ date: '2026-11-01', protocolId: hiit.id, plan: hiit.groups, reps: fourMin(4) })
    await client.sessions.create({ date: '2026-11-16', protocolId: hiit.id, plan: hiit.groups, reps: fourMin(4) })
    const stored = b.db
      .prepare(`SELECT sum(work_seconds) AS s FROM sessions WHERE protocol_id = ? AND date BETWEEN '2026-11-02' AND '2026-11-15'`)
      .get(hiit.id) as { s: number }

    expect(await client.blocks.finished({ today: '2026-11-15' })).toBeNull()
    const finished = await client.blocks.finished({ today: '2026-11-16' })
    expect(finished?.summary).toMatchObject({
      block: { id: block.id },
      endDate: '2026-11-15',
      sessionsDone: 3,
      sessionsPlanned: 6,
      workSeconds: stored.s,
      plan: { fromDate: '2026-11-02', toDate: '2026-11-14', changes: ['+1 set', 'rest 3m → 2m30s'] }
    })
    expect(finished?.next).toEqual({ startDate: '2026-11-16', weeks: 2, sessionsPerWeek: 3, protocolId: hiit.id, startsOn: 'day-after', dayAfter: '2026-11-16' })
    // the protocol's next session starts from the newest saved plan (the one of 2026-11-16)
    expect(finished?.carried).toEqual({ plan: hiit.groups, from: '2026-11-16' })
    expect(finished?.upcoming).toBeNull()
    expect(await client.blocks.finished({ today: '2026-12-01' })).toMatchObject({ next: { startDate: '2026-12-01', startsOn: 'today' } })

    const next = await client.blocks.create({ name: 'Winter', startDate: '2026-12-07', weeks: 4 })
    expect(await client.blocks.finished({ today: '2026-12-01' })).toMatchObject({ upcoming: { id: next.id }, next: { startDate: '2026-11-16', startsOn: 'day-after' } })
    expect(await client.blocks.finished({ today: '2026-12-07' })).toBeNull()
  })

  it('stays dismissed once the runner dismisses it, until another block finishes', async () => {
    const { client } = await setup()
    const first = await client.blocks.create({ name: 'First', startDate: '2026-01-05', weeks: 1 })
    await client.blocks.create({ name: 'Second', startDate: '2026-02-02', weeks: 1 })
    expect(await client.blocks.finished({ today: '2026-01-20' })).toMatchObject({ summary: { block: { name: 'First' } } })
    expect(await client.settings.update({ dismissedBlockSummary: first.uuid })).toMatchObject({ dismissedBlockSummary: first.uuid, weightUnit: 'kg' })
    expect(await client.blocks.finished({ today: '2026-01-20' })).toBeNull()
    expect(await client.blocks.finished({ today: '2026-02-10' })).toMatchObject({ summary: { block: { name: 'Second' } } })
    await client.settings.update({ dismissedBlockSummary: null })
    expect(await client.blocks.finished({ today: '2026-01-20' })).toMatchObject({ summary: { block: { name: 'First' } } })
  })
})

describe('advice for the next session', () => {
  it('starts from the last saved session’s plan and advises on it, judged on the given day', async () => {
    const { client, byName } = await setup()
    const p = byName('HIIT 4×4')
    const start = await client.advice.forProtocol({ protocolId: p.id, today: '2026-11-20' })
    expect(start).toMatchObject({ kind: 'none', start: p.groups, startFrom: null, plan: p.groups })

    const five = [group({ count: 5, workSeconds: 240, intensity: 'near-max', recoverySeconds: 120, recoveryMode: 'jog' })]
    const reps = (n: number) => sprintReps(n, { workSeconds: 240, intensity: 'near-max', recoveryMode: 'jog' })
    await client.sessions.create({ date: '2026-11-16', protocolId: p.id, plan: p.groups, rpe: 7, reps: reps(4) })
    await client.sessions.create({ date: '2026-11-18', protocolId: p.id, plan: five, rpe: 7, reps: reps(5) })
    // a later session of another protocol changes nothing
    const other = byName('Sprint 6×20 s')
    await client.sessions.create({ date: '2026-11-19', protocolId: other.id, plan: other.groups, rpe: 7, reps: sprintReps(6) })

    const next = await client.advice.forProtocol({ protocolId: p.id, today: '2026-11-20' })
    expect(next).toMatchObject({ kind: 'progress', start: five, startFrom: '2026-11-18' })
    expect(adviceText(next.summary)).toBe('Add a set: 5 → 6.')
    // after a break of 10 days: repeat the last plan
    const late = await client.advice.forProtocol({ protocolId: p.id, today: '2026-11-28' })
    expect(late).toMatchObject({ kind: 'hold', start: five, plan: five })
  })

  it('eases when the stored speeds show the last rep 10 % slower than the first', async () => {
    const { client, byName } = await setup()
    const p = byName('Sprint 6×20 s')
    const reps = sprintReps(6).map((r, i) => ({ ...r, distanceMeters: i === 5 ? 130 : 150 }))
    await client.sessions.create({ date: '2026-11-18', protocolId: p.id, plan: p.groups, rpe: 9, reps })
    const a = await client.advice.forProtocol({ protocolId: p.id, today: '2026-11-20' })
    expect(a.kind).toBe('ease')
    expect(a.reasons[0]).toEqual({ key: 'reasonSpeedFell', params: { date: { date: '2026-11-18' }, pct: 13, limit: 10 } })
    expect(a.reasons.map(adviceText)[0]).toBe('On 18 Nov 2026 your last rep was 13 % slower than your first: the speed fell (10 % or more).')
    expect(adviceText(a.summary)).toBe('Take more rest: 2m → 2m30s walk.')
  })
})
