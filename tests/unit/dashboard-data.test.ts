import { describe, expect, it } from 'vitest'
import type { DailyTotals, LoadWeek } from '../../src/shared/metrics/load'
import { dropOffPct, durationBucket, repSpeed, restPerRep, speedDropOff } from '../../src/shared/metrics/reps'
import { blockVolumeWeeks, plannedVolume, planWork } from '../../src/shared/metrics/volume'
import { meanMerge, meanOfPresent, mergeRuns } from '../../src/shared/series'
import type { BlockVolume, FitnessSeries, ProtocolProgress, WeeklyLoad } from '../../src/shared/stats'
import type { Block } from '../../src/shared/training'
import { blockVolumeChartData } from '../../src/renderer/src/charts/blockVolumeData'
import { fitnessChartData, weeklyLoadChartData } from '../../src/renderer/src/charts/loadData'
import { protocolProgressChartData, restTicks, sprintBestRows } from '../../src/renderer/src/charts/progressData'
import { rangeInput } from '../../src/renderer/src/charts/range'
import { rep } from '../helpers/training'
import { blockWeekDefinition, calendarWeeks } from '../../src/renderer/src/charts/weekDefinitions'

const day = (date: string, over: Partial<DailyTotals> = {}): DailyTotals => ({
  date,
  sessions: 1,
  load: 216,
  unrated: 0,
  workSeconds: 120,
  reps: 6,
  distanceMeters: 0,
  ...over
})

const block = (over: Partial<Block> = {}): Block => ({
  id: 1,
  uuid: 'b',
  name: 'Autumn block',
  // A Wednesday: block weeks run Wednesday to Tuesday.
  startDate: '2026-10-14',
  weeks: 4,
  sessionsPerWeek: 3,
  protocolId: null,
  protocolUuid: null,
  protocolName: null,
  createdAt: '',
  updatedAt: '',
  ...over
})

describe('block volume', () => {
  it('counts weeks from a mid-week start, across the end of summer time, with empty weeks', () => {
    const weeks = blockVolumeWeeks(block(), [
      day('2026-10-13'), // the day before the block: not counted
      day('2026-10-14'),
      day('2026-10-16', { sessions: 2, workSeconds: 300, reps: 10 }),
      day('2026-10-20'), // Tuesday: still week 1
      day('2026-10-21'), // Wednesday: week 2
      day('2026-10-25'), // the Sunday the clocks go back: week 2
      day('2026-11-10'), // the last day of week 4
      day('2026-11-11') // after the block
    ])
    expect(weeks.map((w) => [w.week, w.from, w.to, w.sessions, w.planned, w.workSeconds, w.reps])).toEqual([
      [1, '2026-10-14', '2026-10-20', 4, 3, 540, 22],
      [2, '2026-10-21', '2026-10-27', 2, 3, 240, 12],
      [3, '2026-10-28', '2026-11-03', 0, 3, 0, 0],
      [4, '2026-11-04', '2026-11-10', 1, 3, 120, 6]
    ])
  })

  it('a block with one session in it', () => {
    const weeks = blockVolumeWeeks(block({ weeks: 10 }), [day('2026-12-01')])
    expect(weeks).toHaveLength(10)
    expect(weeks.filter((w) => w.sessions > 0).map((w) => w.week)).toEqual([7])
  })

  it('chart data: minutes, plan met, the current week, labels for weeks that have started', () => {
    const b = block()
    const v: BlockVolume = {
      block: b,
      endDate: '2026-11-10',
      planned: null,
      weeks: blockVolumeWeeks(b, [day('2026-10-14'), day('2026-10-15'), day('2026-10-16', { workSeconds: 150 }), day('2026-10-22')])
    }
    const data = blockVolumeChartData(v, '2026-10-23')
    expect(data.points.map((p) => [p.label, p.workMin, p.reps, p.sessions, p.met, p.current, p.future, p.doneLabel, p.plannedMin])).toEqual([
      ['W1', 6.5, 18, 3, true, false, false, '3/3', null],
      ['W2', 2, 6, 1, false, true, false, '1/3', null],
      ['W3', 0, 0, 0, false, false, true, '', null],
      ['W4', 0, 0, 0, false, false, true, '', null]
    ])
    expect(data.totals).toEqual({ sessions: 4, planned: 12, otherSessions: 0, workMin: 8.5, plannedWorkMin: null, reps: 24 })
    expect(data.sessionTicks).toEqual([0, 1, 2, 3])
    expect(data.hasSessions).toBe(true)
    expect(blockVolumeChartData({ ...v, weeks: blockVolumeWeeks(b, []) }, '2026-10-23').hasSessions).toBe(false)
  })

  it('sums the other sessions apart; they join the volume only when asked, never the sessions done', () => {
    const b = block({ protocolId: 2, protocolName: 'Sprint 6×20 s' })
    const own = [day('2026-10-14'), day('2026-10-21')]
    const other = [day('2026-10-15', { sessions: 2, workSeconds: 480, reps: 4, load: 300 }), day('2026-10-13'), day('2026-10-22', { workSeconds: 60, reps: 3 })]
    const weeks = blockVolumeWeeks(b, own, other, 360)
    expect(weeks.map((w) => [w.sessions, w.workSeconds, w.other.sessions, w.other.workSeconds, w.other.reps, w.other.load, w.plannedWorkSeconds])).toEqual([
      [1, 120, 2, 480, 4, 300, 360],
      [1, 120, 1, 60, 3, 216, 360],
      [0, 0, 0, 0, 0, 0, 360],
      [0, 0, 0, 0, 0, 0, 360]
    ])
    const v: BlockVolume = { block: b, endDate: '2026-11-10', planned: { seconds: 120, distanceReps: 0, weekSeconds: 360 }, weeks }
    const apart = blockVolumeChartData(v, '2026-10-23')
    expect(apart.points.map((p) => [p.workMin, p.reps, p.sessions, p.otherSessions, p.doneLabel, p.plannedMin])).toEqual([
      [2, 6, 1, 2, '1/3\u00a0+2', 6],
      [2, 6, 1, 1, '1/3\u00a0+1', 6],
      [0, 0, 0, 0, '', 6],
      [0, 0, 0, 0, '', 6]
    ])
    expect(apart.totals).toEqual({ sessions: 2, planned: 12, otherSessions: 3, workMin: 4, plannedWorkMin: 24, reps: 12 })
    const all = blockVolumeChartData(v, '2026-10-23', true)
    expect(all.points.map((p) => [p.workMin, p.reps, p.sessions, p.met])).toEqual([
      [10, 10, 1, false],
      [3, 9, 1, false],
      [0, 0, 0, false],
      [0, 0, 0, false]
    ])
    expect(all.totals).toMatchObject({ sessions: 2, otherSessions: 3, workMin: 13, reps: 19 })
    expect(all.includesOther).toBe(true)
  })

  it('planned volume: the work of the plan’s timed groups × sessions a week; distance reps are left out and counted', () => {
    const sixBy20 = [{ count: 6, workSeconds: 20 }]
    expect(planWork(sixBy20)).toEqual({ seconds: 120, distanceReps: 0 })
    expect(plannedVolume(sixBy20, 3)).toEqual({ seconds: 120, distanceReps: 0, weekSeconds: 360 })
    // HIIT 4×4, 3 a week: 4 × 240 × 3 = 2880 s = 48 min a week
    expect(plannedVolume([{ count: 4, workSeconds: 240 }], 3)?.weekSeconds).toBe(2880)
    const mixed = [{ count: 4, workSeconds: 30 }, { count: 2, workSeconds: null }]
    expect(plannedVolume(mixed, 2)).toEqual({ seconds: 120, distanceReps: 2, weekSeconds: 240 })
    expect(plannedVolume([{ count: 5, workSeconds: null }], 3)).toEqual({ seconds: 0, distanceReps: 5, weekSeconds: null })
    expect(plannedVolume(null, 3)).toBeNull()
  })
})

describe('rep metrics', () => {
  it('rest per rep: the mean of the recoveries above 0 s', () => {
    expect(restPerRep([rep({ recoverySeconds: 120 }), rep({ recoverySeconds: 90 }), rep({ recoverySeconds: 0 })])).toBe(105)
    expect(restPerRep([rep({ recoverySeconds: null, recoveryMode: 'walk-down' }), rep({ recoverySeconds: 0 })])).toBeNull()
    expect(restPerRep([])).toBeNull()
  })

  it('speed needs a completed rep with a distance', () => {
    expect(repSpeed(rep({ distanceMeters: 150, workSeconds: 20 }))).toBe(7.5)
    expect(repSpeed(rep({ distanceMeters: 150, completed: false }))).toBeNull()
    expect(repSpeed(rep())).toBeNull()
    expect(durationBucket(19.6)).toBe(20)
    expect(durationBucket(20.4)).toBe(20)
    expect(durationBucket(20.5)).toBe(21)
  })

  it('drop-off from the first to the last completed rep with a distance', () => {
    const reps = [
      rep({ distanceMeters: 160 }), // 8 m/s
      rep({ distanceMeters: 150 }),
      rep({ distanceMeters: 100, completed: false }), // abandoned: left out
      rep({ distanceMeters: 144 }), // 7.2 m/s: 10 % slower
      rep() // no distance: left out
    ]
    const d = speedDropOff(reps)
    expect(d?.firstSpeed).toBe(8)
    expect(d?.lastSpeed).toBeCloseTo(7.2, 10)
    expect(d?.dropOffPct).toBeCloseTo(10, 10)
    expect(dropOffPct(8, 8.4)).toBeCloseTo(-5, 10)
    expect(speedDropOff([rep({ distanceMeters: 150 }), rep()])).toBeNull()
  })
})

describe('series within a point budget', () => {
  it('leaves short series alone and merges long ones in runs aligned to the end', () => {
    const pts = Array.from({ length: 10 }, (_, i) => ({ i, v: i as number | null }))
    expect(mergeRuns(pts, 10, meanMerge(['v'])).size).toBe(1)
    const { points, size } = mergeRuns(pts, 4, meanMerge(['v']))
    expect(size).toBe(3)
    // Runs: [0], [1,2,3], [4,5,6], [7,8,9]: the newest point keeps its label.
    expect(points).toEqual([
      { i: 0, v: 0 },
      { i: 3, v: 2 },
      { i: 6, v: 5 },
      { i: 9, v: 8 }
    ])
    expect(points.length).toBeLessThanOrEqual(4)
  })

  it('averages only the values present', () => {
    expect(meanOfPresent([null, 4, null, 6])).toBe(5)
    expect(meanOfPresent([null, null])).toBeNull()
    const merged = mergeRuns([{ v: null as number | null }, { v: null }, { v: 3 }, { v: null }], 2, meanMerge(['v']))
    expect(merged.points).toEqual([{ v: null }, { v: 3 }])
  })
})

const loadWeek = (weekStart: string, load: number, over: Partial<LoadWeek> = {}): LoadWeek => ({
  weekStart,
  weekEnd: weekStart,
  sessions: 3,
  load,
  unrated: 0,
  workSeconds: 0,
  reps: 0,
  distanceMeters: 0,
  baseline: null,
  spike: false,
  ...over
})

describe('chart data for load, fitness and progression', () => {
  it('weekly load: rounded, spikes counted, ticks from 0 over the heaviest week', () => {
    const w: WeeklyLoad = {
      from: '2026-11-02',
      to: '2026-11-22',
      historyStart: '2026-01-01',
      weeks: [loadWeek('2026-11-02', 600.4, { baseline: 590.6 }), loadWeek('2026-11-09', 1000.5, { baseline: 600, spike: true }), loadWeek('2026-11-16', 0, { sessions: 0 })],
      weeksPerPoint: 1,
      rule: { ratio: 1.5, baselineWeeks: 4, minLoad: 300 },
      sessions: 6,
      unrated: 1
    }
    const d = weeklyLoadChartData(w)
    expect(d.points.map((p) => [p.weekStart, p.load, p.baseline, p.spike])).toEqual([
      ['2026-11-02', 600, 591, false],
      ['2026-11-09', 1001, 600, true],
      ['2026-11-16', 0, null, false]
    ])
    expect(d.points[0]?.t).toBe(Date.UTC(2026, 10, 2))
    expect(d).toMatchObject({ spikes: 1, sessions: 6, unrated: 1, maxLoad: 1001 })
    expect(d.yTicks[0]).toBe(0)
    expect(d.yTicks[d.yTicks.length - 1]).toBeGreaterThanOrEqual(1001)
  })

  it('fitness: one decimal, ticks include 0 and negative form', () => {
    const f: FitnessSeries = {
      from: '2026-11-01',
      to: '2026-11-02',
      historyStart: '2026-11-01',
      points: [
        { date: '2026-11-01', load: 216, fitness: 5.0822, fatigue: 28.7544, form: -23.6722 },
        { date: '2026-11-02', load: 0, fitness: 4.96, fatigue: 24.93, form: -19.97 }
      ],
      daysPerPoint: 1,
      latest: { date: '2026-11-02', load: 0, fitness: 4.96, fatigue: 24.93, form: -19.97 }
    }
    const d = fitnessChartData(f)
    expect(d.points[0]).toEqual({ date: '2026-11-01', t: Date.UTC(2026, 10, 1), load: 216, fitness: 5.1, fatigue: 28.8, form: -23.7 })
    expect(d.latest?.form).toBe(-20)
    expect(d.yTicks[0]).toBeLessThanOrEqual(-23.7)
    expect(d.yTicks).toContain(0)
    expect(fitnessChartData({ ...f, points: [], latest: null }).points).toEqual([])
  })

  it('progression: whole-second rest, flags for what the series hold, axes', () => {
    const p: ProtocolProgress = {
      protocolId: 2,
      protocolName: 'Sprint 6×20 s',
      sessions: 2,
      sessionsPerPoint: 1,
      points: [
        { date: '2026-11-02', sessionId: 1, repsDone: 6, plannedReps: 6, restPerRep: 119.6, rpe: 8, firstSpeed: 7.5, lastSpeed: 6.9, dropOffPct: 8, maxLoadKg: null, loadedFirstSpeed: null, loadedLastSpeed: null, loadedDropOffPct: null },
        { date: '2026-11-04', sessionId: 2, repsDone: 5, plannedReps: 6, restPerRep: null, rpe: null, firstSpeed: null, lastSpeed: null, dropOffPct: null, maxLoadKg: null, loadedFirstSpeed: null, loadedLastSpeed: null, loadedDropOffPct: null }
      ]
    }
    const d = protocolProgressChartData(p)
    expect(d.points.map((x) => [x.reps, x.planned, x.rest, x.rpe, x.dropOff])).toEqual([
      [6, 6, 120, 8, 8],
      [5, 6, null, null, null]
    ])
    expect(d).toMatchObject({ hasSpeeds: true, hasRest: true, hasRpe: true, countTicks: [0, 2, 4, 6, 8, 10], restTicks: [0, 60, 120, 180] })
    expect(protocolProgressChartData({ ...p, points: [] })).toMatchObject({ points: [], hasSpeeds: false, hasRest: false })
    expect(d).toMatchObject({ hasLoad: false, hasLoadedSpeeds: false })
  })

  it('progression with loads: the heaviest load in the runner’s unit, the loaded drop-off apart, the axis above the load', () => {
    const point = { date: '2026-11-02', sessionId: 1, repsDone: 6, plannedReps: 6, restPerRep: 120, rpe: 8, firstSpeed: 7.5, lastSpeed: 6.9, dropOffPct: 8 }
    const p: ProtocolProgress = {
      protocolId: 2,
      protocolName: 'Vest sprints',
      sessions: 2,
      sessionsPerPoint: 1,
      points: [
        { ...point, maxLoadKg: 10, loadedFirstSpeed: 6, loadedLastSpeed: 5.7, loadedDropOffPct: 5 },
        { ...point, sessionId: 2, firstSpeed: null, lastSpeed: null, dropOffPct: null, maxLoadKg: 9.98, loadedFirstSpeed: null, loadedLastSpeed: null, loadedDropOffPct: null }
      ]
    }
    const kg = protocolProgressChartData(p)
    expect(kg.points.map((x) => [x.load, x.dropOff, x.loadedDropOff])).toEqual([
      [10, 8, 5],
      [9.98, null, null]
    ])
    expect(kg).toMatchObject({ hasLoad: true, hasLoadedSpeeds: true, hasSpeeds: true, loadUnit: 'kg' })
    const lb = protocolProgressChartData(p, 'lb')
    expect(lb.points.map((x) => x.load)).toEqual([22, 22])
    expect(lb.countTicks[lb.countTicks.length - 1]).toBeGreaterThanOrEqual(22)
  })

  it('rest ticks read well on a clock', () => {
    expect(restTicks(0)).toEqual([0, 15, 30, 45, 60])
    expect(restTicks(240)).toEqual([0, 120, 240, 360])
    expect(restTicks(45)).toEqual([0, 15, 30, 45, 60])
  })

  it('sprint bests as rows, hill last', () => {
    const best = { bucketSeconds: 20, workSeconds: 20, distanceMeters: 159, speed: 7.95, date: '2026-11-19', sessionId: 4, reps: 12 }
    expect(
      sprintBestRows({ byDuration: [best, { ...best, bucketSeconds: 90, workSeconds: 90.4 }], hill: { ...best, bucketSeconds: 30, speed: 5.333 }, loaded: [] }).map((r) => [r.label, r.load, r.speed, r.kmh])
    ).toEqual([
      ['20 s', 'unloaded', 7.95, 28.6],
      ['1 min 30 s', 'unloaded', 7.95, 28.6],
      ['Hill (30 s)', 'unloaded', 5.33, 19.2]
    ])
    expect(sprintBestRows({ byDuration: [], hill: null, loaded: [] })).toEqual([])
  })

  it('loaded sprint bests follow the unloaded ones, with the load in the runner’s unit', () => {
    const best = { bucketSeconds: 20, workSeconds: 20, distanceMeters: 140, speed: 7, date: '2026-11-19', sessionId: 4, reps: 3 }
    const b = {
      byDuration: [{ ...best, speed: 8 }],
      hill: null,
      loaded: [
        { ...best, terrain: 'flat' as const, loadKg: 10, loadKind: 'vest' as const },
        { ...best, terrain: 'hill' as const, bucketSeconds: 30, loadKg: 20, loadKind: 'sled' as const, speed: 4 }
      ]
    }
    expect(sprintBestRows(b).map((r) => [r.label, r.load, r.speed])).toEqual([
      ['20 s', 'unloaded', 8],
      ['20 s', '+10 kg vest', 7],
      ['Hill (30 s)', '+20 kg sled', 4]
    ])
    expect(sprintBestRows(b, 'lb').map((r) => r.load)).toEqual(['unloaded', '+22 lb vest', '+44.1 lb sled'])
  })
})

describe('date ranges', () => {
  it('presets end today; All has no start; custom dates are checked', () => {
    expect(rangeInput({ preset: '4w', from: '', to: '' }, '2026-03-31')).toEqual({ ok: true, from: '2026-03-04', to: '2026-03-31' })
    expect(rangeInput({ preset: '1y', from: '', to: '' }, '2026-01-01')).toEqual({ ok: true, from: '2025-01-02', to: '2026-01-01' })
    expect(rangeInput({ preset: 'all', from: '', to: '' }, '2026-11-22')).toEqual({ ok: true, to: '2026-11-22' })
    expect(rangeInput({ preset: 'custom', from: '2026-01-01', to: '' }, '2026-11-22')).toEqual({ ok: true, from: '2026-01-01', to: '2026-11-22' })
    expect(rangeInput({ preset: 'custom', from: '2026-12-01', to: '2026-11-01' }, '2026-11-22')).toMatchObject({ ok: false })
    expect(rangeInput({ preset: 'custom', from: '2026-02-30', to: '' }, '2026-11-22')).toMatchObject({ ok: false })
  })
})

describe('week definitions', () => {
  it('names the weekdays a block week runs, and the calendar week', () => {
    expect(blockWeekDefinition('2026-10-14')).toBe('Weeks of the block, from its start date (Wednesday to Tuesday).')
    expect(blockWeekDefinition('2026-10-12')).toBe('Weeks of the block, from its start date (Monday to Sunday).')
    expect(blockWeekDefinition('2026-10-18')).toBe('Weeks of the block, from its start date (Sunday to Saturday).')
    expect(calendarWeeks()).toBe('Calendar weeks, Monday to Sunday.')
  })
})
