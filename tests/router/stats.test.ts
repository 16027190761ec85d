import { describe, expect, it } from 'vitest'
import { addLocalDays } from '../../src/shared/dates'
import { fitnessModel } from '../../src/shared/metrics/load'
import { restPerRep, speedDropOff } from '../../src/shared/metrics/reps'
import type { Protocol, Rep } from '../../src/shared/training'
import { useBackend } from '../helpers/backend'
import { clientFor } from '../helpers/client'
import { rep, sprintReps } from '../helpers/training'

const backend = useBackend()

async function setup() {
  const b = await backend()
  const client = clientFor(b.router)
  const protocols = await client.protocols.list()
  const byName = (name: string) => protocols.find((p) => p.name === name) as Protocol
  const sprint = byName('Sprint 6×20 s')
  const hill = byName('Hill sprint 4×30 s')
  /** A Sprint 6×20 s session as planned: 6 × 20 s, 5 × 2:00 walks, 10 + 5 min warm-up and cool-down = 27:00; RPE 8 → load 216. */
  const logSprint = (date: string, over: Record<string, unknown> = {}) =>
    client.sessions.create({ date, protocolId: sprint.id, plan: sprint.groups, rpe: 8, reps: sprintReps(6), ...over })
  return { b, client, sprint, hill, logSprint }
}

/** Sprint reps with distances, from `first` metres down by `step` per rep, 2:00 walks between them. */
const distanceReps = (first: number, step: number, count = 6): Rep[] =>
  sprintReps(count).map((r, i) => ({ ...r, distanceMeters: first - i * step }))

describe('stats/blockVolume', () => {
  it('weeks 1…N of a block starting on a Wednesday: work, reps, sessions done vs planned; deleted sessions left out', async () => {
    const { client, logSprint } = await setup()
    const block = await client.blocks.create({ name: 'Autumn', startDate: '2026-10-14', weeks: 3 })
    for (const date of ['2026-10-13', '2026-10-14', '2026-10-16', '2026-10-20', '2026-10-22', '2026-11-04']) await logSprint(date)
    const gone = await logSprint('2026-10-23')
    await client.sessions.delete({ id: gone.id })
    // A free-form session counts too (as in the block's progress): 10:00 of work, 1 rep.
    await client.sessions.create({ date: '2026-10-29', reps: [rep({ workSeconds: 600, recoverySeconds: 0 })] })
    const v = await client.stats.blockVolume({ blockId: block.id })
    expect(v.endDate).toBe('2026-11-03')
    expect(v.block).toMatchObject({ id: block.id, name: 'Autumn' })
    expect(v.weeks.map((w) => [w.week, w.from, w.to, w.sessions, w.planned, w.workSeconds, w.reps, w.load])).toEqual([
      [1, '2026-10-14', '2026-10-20', 3, 3, 360, 18, 648],
      [2, '2026-10-21', '2026-10-27', 1, 3, 120, 6, 216],
      [3, '2026-10-28', '2026-11-03', 1, 3, 600, 1, 0]
    ])
  })

  it('a block with a protocol: its sessions against the plan, the others apart, the planned work of the protocol’s own plan', async () => {
    const { client, logSprint, hill } = await setup()
    const sprintBlock = await client.protocols.list().then((ps) => ps.find((p) => p.name === 'Sprint 6×20 s') as Protocol)
    const block = await client.blocks.create({ name: 'Sprints', startDate: '2026-10-14', weeks: 2, sessionsPerWeek: 3, protocolId: sprintBlock.id })
    await logSprint('2026-10-14')
    // Abandoned at 12 s: 5 × 20 + 12 = 112 s of work, 5 reps done.
    await logSprint('2026-10-16', { reps: [...sprintReps(5), rep({ workSeconds: 12, completed: false, recoverySeconds: 0 })] })
    // Two other sessions in week 1 (a hill session, untimed walk-downs; a free-form one) and one in week 2.
    await client.sessions.create({ date: '2026-10-15', protocolId: hill.id, plan: hill.groups, rpe: 6, reps: Array.from({ length: 4 }, () => rep({ workSeconds: 30, hill: true, recoveryMode: 'walk-down', recoverySeconds: null })) })
    await client.sessions.create({ date: '2026-10-17', reps: [rep({ workSeconds: 600, recoverySeconds: 0 })] })
    await client.sessions.create({ date: '2026-10-22', reps: [rep({ workSeconds: 60, recoverySeconds: 0 })] })
    const v = await client.stats.blockVolume({ blockId: block.id })
    // 6 × 20 s = 120 s a session, × 3 a week = 360 s.
    expect(v.planned).toEqual({ seconds: 120, distanceReps: 0, weekSeconds: 360 })
    expect(v.weeks.map((w) => [w.sessions, w.workSeconds, w.reps, w.other.sessions, w.other.workSeconds, w.other.reps, w.plannedWorkSeconds])).toEqual([
      [2, 232, 11, 2, 720, 5, 360],
      [0, 0, 0, 1, 60, 1, 360]
    ])
    const progress = await client.blocks.current({ today: '2026-10-18' })
    expect(progress).toMatchObject({ week: 1, sessionsThisWeek: 2, sessionsTotal: 2, otherThisWeek: 2, otherTotal: 3, plannedTotal: 6 })
    // The hill session's load holds its estimate: 4 × 90 s of walk-down.
    const list = await client.sessions.list({ protocolId: hill.id })
    expect(list.items[0]).toMatchObject({ estimatedSeconds: 360, durationSeconds: 900 + 120 + 360, load: (6 * 1380) / 60 })
    // …and so does its week's load (Monday 2026-10-12 to Sunday): the sprints 216 and 8 × (900 + 100 + 480 + 12) / 60, the
    // hill session 138 with its estimate, the free-form one no RPE.
    const week = (await client.stats.weeklyLoad({ from: '2026-10-12', to: '2026-10-18' })).weeks[0]
    expect(week?.load).toBeCloseTo(216 + (8 * 1492) / 60 + 138, 9)
  })

  it('a block without a protocol counts every session and has no planned volume', async () => {
    const { client, logSprint } = await setup()
    const block = await client.blocks.create({ name: 'Any', startDate: '2026-10-14', weeks: 1 })
    await logSprint('2026-10-14')
    await client.sessions.create({ date: '2026-10-15', reps: [rep({ workSeconds: 60, recoverySeconds: 0 })] })
    const v = await client.stats.blockVolume({ blockId: block.id })
    expect(v.planned).toBeNull()
    expect(v.weeks[0]).toMatchObject({ sessions: 2, workSeconds: 180, other: { sessions: 0 }, plannedWorkSeconds: null })
    expect(await client.blocks.current({ today: '2026-10-15' })).toMatchObject({ sessionsTotal: 2, otherTotal: 0 })
  })

  it('an empty block has N empty weeks', async () => {
    const { client } = await setup()
    const block = await client.blocks.create({ name: 'Spring', startDate: '2027-03-01' })
    const v = await client.stats.blockVolume({ blockId: block.id })
    expect(v.weeks).toHaveLength(10)
    expect(v.weeks.every((w) => w.sessions === 0 && w.workSeconds === 0 && w.planned === 3)).toBe(true)
  })
})

describe('stats/weeklyLoad', () => {
  it('sums sRPE load Monday to Sunday over the range, stretched to whole weeks; unrated sessions counted apart', async () => {
    const { client, logSprint } = await setup()
    for (const date of ['2026-10-14', '2026-10-16', '2026-10-20', '2026-10-22']) await logSprint(date)
    await logSprint('2026-10-29', { rpe: null })
    const w = await client.stats.weeklyLoad({ from: '2026-10-14', to: '2026-11-01' })
    expect(w).toMatchObject({ from: '2026-10-12', to: '2026-11-01', historyStart: '2026-10-14', weeksPerPoint: 1, sessions: 5, unrated: 1 })
    expect(w.weeks.map((x) => [x.weekStart, x.weekEnd, x.sessions, x.load, x.unrated, x.spike])).toEqual([
      ['2026-10-12', '2026-10-18', 2, 432, 0, false],
      ['2026-10-19', '2026-10-25', 2, 432, 0, false],
      ['2026-10-26', '2026-11-01', 1, 0, 1, false]
    ])
  })

  it('marks a spike against the 4 weeks before, even when those lie before the range', async () => {
    const { client, logSprint } = await setup()
    for (const date of ['2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26', '2026-02-02', '2026-02-09', '2026-02-11', '2026-02-13']) await logSprint(date)
    const all = await client.stats.weeklyLoad({ to: '2026-02-15' })
    expect(all.from).toBe('2026-01-05')
    expect(all.weeks.map((x) => [x.load, x.baseline, x.spike])).toEqual([
      [216, null, false],
      [216, null, false],
      [216, null, false],
      [216, null, false],
      [216, 216, false],
      [648, 216, true]
    ])
    const late = await client.stats.weeklyLoad({ from: '2026-02-12', to: '2026-02-15' })
    expect(late.weeks).toEqual([expect.objectContaining({ weekStart: '2026-02-09', load: 648, baseline: 216, spike: true })])
  })

  it('over two centuries: at most 1,000 points, each the mean of consecutive weeks', async () => {
    const { client, logSprint } = await setup()
    await logSprint('2026-01-05')
    const w = await client.stats.weeklyLoad({ from: '1900-01-01', to: '2100-12-31' })
    expect(w.weeks.length).toBeLessThanOrEqual(1000)
    expect(w.weeksPerPoint).toBe(11)
    const withLoad = w.weeks.filter((x) => x.load > 0)
    expect(withLoad).toHaveLength(1)
    expect(withLoad[0]?.load).toBeCloseTo(216 / 11, 10)
    expect(w.sessions).toBe(1)
  })

  it('with no sessions: one empty week ending today by default', async () => {
    const { client } = await setup()
    const w = await client.stats.weeklyLoad()
    expect(w.historyStart).toBeNull()
    expect(w.weeks).toHaveLength(1)
    expect(w.sessions).toBe(0)
  })
})

describe('stats/fitness', () => {
  it('runs the model from the first session, whatever part of it is asked for', async () => {
    const { client, logSprint } = await setup()
    const dates = ['2026-03-02', '2026-03-04', '2026-03-06', '2026-03-09', '2026-03-28', '2026-03-29', '2026-03-30']
    for (const date of dates) await logSprint(date)
    const full = await client.stats.fitness({ to: '2026-04-05' })
    const expected = fitnessModel(dates.map((date) => ({ date, load: 216 })), '2026-03-02', '2026-04-05')
    expect(full).toMatchObject({ from: '2026-03-02', to: '2026-04-05', historyStart: '2026-03-02', daysPerPoint: 1 })
    expect(full.points).toHaveLength(35)
    full.points.forEach((p, i) => {
      expect(p.date).toBe(expected[i]?.date)
      expect(p.fitness).toBeCloseTo(expected[i]?.fitness ?? NaN, 10)
      expect(p.fatigue).toBeCloseTo(expected[i]?.fatigue ?? NaN, 10)
      expect(p.form).toBeCloseTo(expected[i]?.form ?? NaN, 10)
    })
    const part = await client.stats.fitness({ from: '2026-03-28', to: '2026-04-05' })
    expect(part.points.map((p) => p.date)).toEqual(full.points.slice(26).map((p) => p.date))
    expect(part.points[0]?.fitness).toBeCloseTo(full.points[26]?.fitness ?? NaN, 10)
    expect(part.latest).toEqual(full.points[34])
  })

  it('ten years of daily sessions: at most 1,000 averaged points; the last day exact', async () => {
    const { b, client, logSprint } = await setup()
    // Ten years of daily sessions, written straight into the table (the router would take too long here).
    const insert = b.db.prepare(
      `INSERT INTO sessions (uuid, date, planned_reps, warmup_seconds, cooldown_seconds, rpe, work_seconds, reps_done, duration_seconds, load, created_at, updated_at)
       VALUES (?, ?, 6, 600, 300, 8, 120, 6, 1620, 216, 'x', 'x')`
    )
    b.db.transaction(() => {
      for (let i = 0; i < 3654; i++) insert.run(`u${i}`, addLocalDays('2016-01-01', i))
    })()
    await logSprint('2026-01-01', { rpe: 10 })
    const f = await client.stats.fitness({ to: '2026-01-01' })
    expect(f.points.length).toBeLessThanOrEqual(1000)
    expect(f.daysPerPoint).toBe(4)
    expect(f.latest?.date).toBe('2026-01-01')
    expect(f.latest?.load).toBe(216 + 270)
    expect(f.points[f.points.length - 1]?.date).toBe('2026-01-01')
  })
})

describe('stats/protocolProgress and stats/sprintBests', () => {
  it('per session: reps, RPE, rest per rep and speed drop-off, as the shared definitions give them', async () => {
    const { client, logSprint, sprint } = await setup()
    await logSprint('2026-11-02', { reps: distanceReps(150, 2.4) })
    await logSprint('2026-11-04', {
      rpe: null,
      reps: [...distanceReps(152, 2, 5).map((r, i) => ({ ...r, recoverySeconds: i === 4 ? 90 : 105 })), rep({ completed: false, recoverySeconds: 0, distanceMeters: 80 })]
    })
    await logSprint('2026-11-06', { reps: sprintReps(6) })
    await client.sessions.create({ date: '2026-11-05', reps: distanceReps(200, 0) }) // free-form: another series
    const p = await client.stats.protocolProgress({ protocolId: sprint.id })
    expect(p).toMatchObject({ protocolId: sprint.id, protocolName: 'Sprint 6×20 s', sessions: 3, sessionsPerPoint: 1 })
    expect(p.points.map((x) => [x.date, x.repsDone, x.plannedReps, x.rpe, x.restPerRep])).toEqual([
      ['2026-11-02', 6, 6, 8, 120],
      ['2026-11-04', 5, 6, null, 102],
      ['2026-11-06', 6, 6, 8, 120]
    ])
    // 150 m → 138 m in 20 s: 7.5 → 6.9 m/s, 8 % slower. The abandoned 80 m rep is left out: 7.6 → 7.2 m/s.
    expect(p.points[0]).toMatchObject({ firstSpeed: 7.5, dropOffPct: expect.closeTo(8, 10) })
    expect(p.points[0]?.lastSpeed).toBeCloseTo(6.9, 10)
    expect(p.points[1]?.dropOffPct).toBeCloseTo((1 - 7.2 / 7.6) * 100, 10)
    expect(p.points[2]).toMatchObject({ firstSpeed: null, lastSpeed: null, dropOffPct: null })
  })

  it('the SQL agrees with the shared rep metrics on varied sessions', async () => {
    const { client, logSprint, sprint } = await setup()
    let seed = 7
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647)
    const sessions: Rep[][] = []
    for (let s = 0; s < 12; s++) {
      const reps = Array.from({ length: 1 + Math.floor(rnd() * 8) }, () =>
        rep({
          workSeconds: 10 + Math.round(rnd() * 300) / 10,
          distanceMeters: rnd() < 0.7 ? 50 + Math.round(rnd() * 2000) / 10 : null,
          recoverySeconds: rnd() < 0.2 ? null : rnd() < 0.3 ? 0 : Math.round(rnd() * 300),
          recoveryMode: 'walk-down',
          completed: rnd() < 0.85
        })
      )
      sessions.push(reps)
      await logSprint(addLocalDays('2026-06-01', s), { reps })
    }
    const p = await client.stats.protocolProgress({ protocolId: sprint.id })
    p.points.forEach((x, i) => {
      const reps = sessions[i] as Rep[]
      const rest = restPerRep(reps)
      const drop = speedDropOff(reps)
      if (rest === null) expect(x.restPerRep).toBeNull()
      else expect(x.restPerRep).toBeCloseTo(rest, 9)
      if (drop === null) expect(x.dropOffPct).toBeNull()
      else {
        expect(x.firstSpeed).toBeCloseTo(drop.firstSpeed, 9)
        expect(x.lastSpeed).toBeCloseTo(drop.lastSpeed, 9)
        expect(x.dropOffPct).toBeCloseTo(drop.dropOffPct, 9)
      }
    })
  })

  it('sprint bests: the fastest flat rep per length, the fastest hill rep; deleted and other sessions left out', async () => {
    const { client, logSprint, sprint, hill } = await setup()
    await logSprint('2026-11-02', { reps: distanceReps(150, 2) }) // best 20 s: 150 m = 7.5 m/s
    await logSprint('2026-11-04', { reps: [...distanceReps(148, 1, 3), rep({ workSeconds: 30.3, distanceMeters: 210, recoverySeconds: 0 })] })
    const gone = await logSprint('2026-11-06', { reps: distanceReps(170, 1) })
    await client.sessions.delete({ id: gone.id })
    await client.sessions.create({ date: '2026-11-07', reps: distanceReps(180, 1) }) // free-form, not this protocol
    const hillReps = [120, 126, 118].map((m) => rep({ workSeconds: 30, distanceMeters: m, hill: true, recoverySeconds: null, recoveryMode: 'walk-down' }))
    const h = await client.sessions.create({ date: '2026-11-08', protocolId: hill.id, plan: hill.groups, reps: hillReps })

    const mine = await client.stats.sprintBests({ protocolId: sprint.id })
    expect(mine.byDuration).toEqual([
      { bucketSeconds: 20, speed: 7.5, workSeconds: 20, distanceMeters: 150, date: '2026-11-02', sessionId: expect.any(Number), reps: 9 },
      { bucketSeconds: 30, speed: 210 / 30.3, workSeconds: 30.3, distanceMeters: 210, date: '2026-11-04', sessionId: expect.any(Number), reps: 1 }
    ])
    expect(mine.hill).toBeNull()
    const hills = await client.stats.sprintBests({ protocolId: hill.id })
    expect(hills).toEqual({ byDuration: [], hill: { bucketSeconds: 30, speed: 126 / 30, workSeconds: 30, distanceMeters: 126, date: '2026-11-08', sessionId: h.id, reps: 3 }, loaded: [] })
    const all = await client.stats.sprintBests()
    expect(all.byDuration[0]).toMatchObject({ bucketSeconds: 20, speed: 9, date: '2026-11-07', reps: 15 })
    expect(all.hill?.speed).toBeCloseTo(4.2, 10)
    expect(await client.stats.sprintBests({ protocolId: sprint.id, from: '2026-11-03' })).toMatchObject({ byDuration: [{ bucketSeconds: 20, speed: 7.4 }, { bucketSeconds: 30 }] })
  })

  it('a protocol without sessions has an empty series', async () => {
    const { client, sprint } = await setup()
    expect(await client.stats.protocolProgress({ protocolId: sprint.id })).toMatchObject({ sessions: 0, points: [] })
    expect(await client.stats.sprintBests({ protocolId: sprint.id })).toEqual({ byDuration: [], hill: null, loaded: [] })
  })

  it('loads split the bests and the progression: a loaded rep never sets an unloaded best, and loads are compared only with the same load', async () => {
    const { client, logSprint, sprint } = await setup()
    const a = await logSprint('2026-11-02', { reps: distanceReps(150, 2) }) // unloaded: best 20 s 150 m = 7.5 m/s, drop-off 150 → 140 m
    const vest = { loadKg: 10, loadKind: 'vest' as const }
    const sled = { loadKg: 20, loadKind: 'sled' as const }
    const b = await logSprint('2026-11-04', {
      reps: [
        rep({ distanceMeters: 160, ...vest }), // 8 m/s: faster than the unloaded best, but loaded
        rep({ distanceMeters: 100, ...sled }),
        rep({ distanceMeters: 130, ...vest }),
        rep({ distanceMeters: 96, ...sled }),
        rep({ distanceMeters: 125, ...vest }), // the last rep with the first load: 6.25 m/s
        rep({ distanceMeters: 300, ...sled, completed: false }), // abandoned: no speed, and not the heaviest load carried
        rep({ workSeconds: 30, distanceMeters: 110, hill: true, recoverySeconds: 0, ...sled })
      ]
    })
    const bests = await client.stats.sprintBests({ protocolId: sprint.id })
    expect(bests.byDuration).toEqual([{ bucketSeconds: 20, speed: 7.5, workSeconds: 20, distanceMeters: 150, date: '2026-11-02', sessionId: a.id, reps: 6 }])
    expect(bests.hill).toBeNull()
    const at = { date: '2026-11-04', sessionId: b.id }
    expect(bests.loaded).toEqual([
      { terrain: 'flat', bucketSeconds: 20, loadKg: 10, loadKind: 'vest', speed: 8, workSeconds: 20, distanceMeters: 160, reps: 3, ...at },
      { terrain: 'flat', bucketSeconds: 20, loadKg: 20, loadKind: 'sled', speed: 5, workSeconds: 20, distanceMeters: 100, reps: 2, ...at },
      { terrain: 'hill', bucketSeconds: 30, loadKg: 20, loadKind: 'sled', speed: 110 / 30, workSeconds: 30, distanceMeters: 110, reps: 1, ...at }
    ])
    const p = await client.stats.protocolProgress({ protocolId: sprint.id })
    expect(p.points[0]).toMatchObject({ firstSpeed: 7.5, lastSpeed: 7, maxLoadKg: null, loadedFirstSpeed: null, loadedDropOffPct: null })
    expect(p.points[1]).toMatchObject({ firstSpeed: null, lastSpeed: null, dropOffPct: null, maxLoadKg: 20, loadedFirstSpeed: 8, loadedLastSpeed: 6.25 })
    expect(p.points[1]?.loadedDropOffPct).toBeCloseTo(21.875, 10)
    // The history shows each session's loads, abandoned reps included.
    const page = await client.sessions.list({ limit: 10, offset: 0 })
    expect(page.items.find((s) => s.id === b.id)?.loads).toEqual([
      { loadKg: 10, loadKind: 'vest', reps: 3 },
      { loadKg: 20, loadKind: 'sled', reps: 4 }
    ])
    expect(page.items.find((s) => s.id === a.id)?.loads).toEqual([])
  })
})

describe('bad input', () => {
  it.each([
    ['stats/blockVolume', {}, 'blockId'],
    ['stats/blockVolume', { blockId: '1' }, 'blockId'],
    ['stats/blockVolume', { blockId: 1, extra: true }, ''],
    ['stats/weeklyLoad', { from: '2026-02-30' }, 'from'],
    ['stats/weeklyLoad', { from: '2026-03-01', to: '2026-02-01' }, 'to'],
    ['stats/weeklyLoad', { weeks: 10 }, ''],
    ['stats/fitness', { to: '20260101' }, 'to'],
    ['stats/fitness', { from: '2026-03-01', to: '2026-02-01' }, 'to'],
    ['stats/protocolProgress', {}, 'protocolId'],
    ['stats/protocolProgress', { protocolId: 1.5 }, 'protocolId'],
    ['stats/protocolProgress', { protocolId: 1, from: '2026-12-01', to: '2026-01-01' }, 'to'],
    ['stats/sprintBests', { protocolId: -1 }, 'protocolId'],
    ['stats/sprintBests', { protocolId: 'none' }, 'protocolId']
  ])('%s refuses %j, naming the field', async (channel, input, path) => {
    const { b } = await setup()
    const r = await b.router.call(channel, input)
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    if (!r.ok) expect(r.error.issues?.map((i) => i.path)).toContain(path)
  })

  it.each([
    ['stats/blockVolume', { blockId: 999 }],
    ['stats/protocolProgress', { protocolId: 999 }],
    ['stats/sprintBests', { protocolId: 999 }]
  ])('%s answers not_found for %j', async (channel, input) => {
    const { b } = await setup()
    expect(await b.router.call(channel, input)).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })

  it('a deleted block is not found', async () => {
    const { b, client } = await setup()
    const block = await client.blocks.create({ name: 'Gone', startDate: '2026-01-05' })
    await client.blocks.delete({ id: block.id })
    expect(await b.router.call('stats/blockVolume', { blockId: block.id })).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })
})
