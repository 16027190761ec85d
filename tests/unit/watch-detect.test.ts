import { describe, expect, it } from 'vitest'
import { detectReps, type Recording } from '../../src/main/services/watch/detect'
import { matchProtocol } from '../../src/main/services/watch/match'
import { readWatchFile } from '../../src/main/services/watch/read'
import type { DetectedRep, WatchActivity } from '../../src/main/services/watch/types'
import type { Protocol } from '../../src/shared/training'
import { buildSamples, builtIns, expectReps, intervals, makeFit, type SessionSpec } from '../helpers/watchFiles'

function readFitActivity(spec: SessionSpec): WatchActivity {
  const r = readWatchFile('session.fit', makeFit(spec), builtIns, { timeZone: 'Europe/Berlin' })
  if (r.kind !== 'activity') throw new Error('expected an activity')
  return r
}

const sprint6x20: SessionSpec = {
  segments: intervals({ warmup: 600, count: 6, work: 20, workSpeed: 7.5, rest: 120, restSpeed: 1.2, cooldown: 300 }),
  laps: 'intensity'
}

describe('detecting reps in watch recordings', () => {
  it('6×20 s with intensity laps: the laps give the reps, warm-up and cool-down', () => {
    const a = readFitActivity(sprint6x20)
    expect(a.detectedBy).toBe('intensity_laps')
    expectReps(a.reps, sprint6x20)
    expect(a.warmupSeconds).toBe(600)
    expect(a.cooldownSeconds).toBe(300)
    for (const r of a.reps) {
      expect(r.distanceMeters).toBeCloseTo(150, 0)
      expect(r.heartRateMax).toBeGreaterThanOrEqual(170)
      expect(r.heartRateAvg).toBeGreaterThanOrEqual(168)
      expect(r.heartRateAvg).toBeLessThanOrEqual(176)
    }
    expect(a.reps[1]!.startOffsetSeconds).toBe(600 + 20 + 120)
  })

  it('4×4 min with lap-button laps: split by speed, the last rest kept apart from the cool-down', () => {
    const spec: SessionSpec = {
      segments: intervals({ warmup: 600, count: 4, work: 240, workSpeed: 4.2, rest: 180, restSpeed: 2.3, cooldown: 300, cooldownSpeed: 2.0 }),
      laps: 'button'
    }
    const a = readFitActivity(spec)
    expect(a.detectedBy).toBe('laps')
    expectReps(a.reps, spec)
    expect(a.reps.every((r) => r.recoveryMode === 'jog')).toBe(true)
    expect(a.warmupSeconds).toBe(600)
    expect(a.cooldownSeconds).toBe(300)
    expect(a.match.protocolId).toBe(builtIns.find((p) => p.name === 'HIIT 4×4')!.id)
  })

  it('hill sprints 8×10 s with no laps: found in the speed records, uphill, walked down', () => {
    const spec: SessionSpec = {
      segments: intervals({ warmup: 600, count: 8, work: 10, workSpeed: 5, workGrade: 10, rest: 90, restSpeed: 1.0, restGrade: -5.6, cooldown: 300 }),
      laps: 'none'
    }
    const a = readFitActivity(spec)
    expect(a.detectedBy).toBe('records')
    expectReps(a.reps, spec, { lastRecoveryNull: true })
    for (const r of a.reps) {
      expect(r.hill).toBe(true)
      expect(r.inclinePct).toBeGreaterThanOrEqual(9)
      expect(r.inclinePct).toBeLessThanOrEqual(11)
    }
    expect(a.reps.slice(0, -1).every((r) => r.recoveryMode === 'walk-down')).toBe(true)
    expect(Math.abs(a.warmupSeconds - 600)).toBeLessThanOrEqual(2)
  })

  it('noisy GPS speed (±1 m/s), 6×30 s without laps: smoothed, still six reps', () => {
    const spec: SessionSpec = {
      segments: intervals({ warmup: 600, count: 6, work: 30, workSpeed: 6.5, rest: 120, restSpeed: 1.2, cooldown: 300 }),
      laps: 'none',
      noise: 1,
      seed: 7
    }
    const a = readFitActivity(spec)
    expectReps(a.reps, spec, { lastRecoveryNull: true })
    for (const r of a.reps) expect(Math.abs(r.distanceMeters! - 195)).toBeLessThanOrEqual(20)
  })

  it('noisy GPS speed (±1 m/s) between close levels, 5×2 min at 4.2 m/s after 2.3 m/s jogs: the smoothing keeps each rep whole', () => {
    const spec: SessionSpec = {
      segments: intervals({ warmup: 600, warmupSpeed: 2.3, count: 5, work: 120, workSpeed: 4.2, rest: 120, restSpeed: 2.3, cooldown: 300, cooldownSpeed: 2.3 }),
      laps: 'none',
      noise: 1,
      seed: 11
    }
    const a = readFitActivity(spec)
    expectReps(a.reps, spec, { lastRecoveryNull: true })
  })

  it('a paused timer in a recovery: paused time is neither work nor recovery', () => {
    for (const laps of ['none', 'intensity'] as const) {
      const segments = intervals({ warmup: 300, count: 6, work: 20, workSpeed: 7.5, rest: 120, restSpeed: 1.2, cooldown: 300 })
      segments[4] = { ...segments[4]!, pause: { at: 50, seconds: 200 } } // the second recovery
      const spec: SessionSpec = { segments, laps }
      const a = readFitActivity(spec)
      expectReps(a.reps, spec, { lastRecoveryNull: laps === 'none' })
      expect(a.reps[1]!.recoverySeconds).toBeCloseTo(120, -1)
      expect(a.reps[2]!.startOffsetSeconds).toBe(300 + 2 * 140)
    }
  })

  it('a recording that starts mid-warm-up (already jogging, no warm-up lap)', () => {
    const spec: SessionSpec = {
      segments: intervals({ warmup: 45, warmupSpeed: 2.8, count: 5, work: 30, workSpeed: 7, rest: 240, restSpeed: 1.3, cooldown: 200 }),
      laps: 'none'
    }
    const a = readFitActivity(spec)
    expectReps(a.reps, spec, { lastRecoveryNull: true })
    expect(Math.abs(a.warmupSeconds - 45)).toBeLessThanOrEqual(2)
    expect(a.match.protocolId).toBe(builtIns.find((p) => p.name === 'Sprint 5×30 s')!.id)
  })

  it('10×60 s without laps, work a third of the session', () => {
    const spec: SessionSpec = {
      segments: intervals({ warmup: 300, count: 10, work: 60, workSpeed: 5.5, rest: 60, restSpeed: 1.5, cooldown: 300 }),
      laps: 'none'
    }
    const a = readFitActivity(spec)
    expectReps(a.reps, spec, { lastRecoveryNull: true })
  })

  it('accelerating and slowing over 3 s instead of a step still gives the reps within 1.5 s', () => {
    const spec: SessionSpec = { ...sprint6x20, laps: 'none', rampSeconds: 3, noise: 0.3 }
    const a = readFitActivity(spec)
    expect(a.detectedBy).toBe('records')
    expectReps(a.reps, spec, { lastRecoveryNull: true })
  })

  it('auto laps every km do not fall on the reps: the records give them', () => {
    const spec: SessionSpec = {
      segments: intervals({ warmup: 600, count: 5, work: 45, workSpeed: 5.5, rest: 150, restSpeed: 1.5, cooldown: 400 }),
      laps: 'auto'
    }
    const a = readFitActivity(spec)
    expect(a.detectedBy).toBe('records')
    expectReps(a.reps, spec, { lastRecoveryNull: true })
  })

  it('a steady run has no reps, and no protocol', () => {
    const spec: SessionSpec = { segments: [{ kind: 'warmup', seconds: 1800, speed: 3.2 }], laps: 'none', noise: 0.6 }
    const a = readFitActivity(spec)
    expect(a.reps).toEqual([])
    expect(a.match).toEqual({ protocolId: null, reason: { key: 'matchNoReps', params: {} } })
  })

  it('standing recoveries are told from walked and jogged ones', () => {
    const spec: SessionSpec = {
      segments: intervals({ warmup: 300, count: 4, work: 20, workSpeed: 7, rest: 90, restSpeed: 0.2, cooldown: 200 }),
      laps: 'intensity'
    }
    expect(readFitActivity(spec).reps.map((r) => r.recoveryMode)).toEqual(['stand', 'stand', 'stand', 'stand'])
  })

  it('pure function: works on a normalised recording without a file', () => {
    const b = buildSamples({ segments: intervals({ warmup: 200, count: 3, work: 15, workSpeed: 8, rest: 60, restSpeed: 1, cooldown: 100 }) })
    const rec: Recording = {
      records: b.samples.map((s) => ({ t: s.t, speed: null, distance: s.distance, altitude: null, hr: null })),
      laps: [],
      pauses: []
    }
    const d = detectReps(rec)
    expect(d.reps.map((r) => r.workSeconds)).toEqual([15, 15, 15])
    expect(d.reps.map((r) => r.heartRateMax)).toEqual([null, null, null])
    expect(d.reps.map((r) => r.recoverySeconds)).toEqual([60, 60, null])
  })
})

describe('matching a protocol', () => {
  it('6 reps of ≈ 20 s → the built-in Sprint 6×20 s, saying why', () => {
    const a = readFitActivity(sprint6x20)
    const sprint = builtIns.find((p) => p.name === 'Sprint 6×20 s')!
    expect(a.match.protocolId).toBe(sprint.id)
    expect(a.match.reason).toEqual({ key: 'matchReason', params: { protocol: 'Sprint 6×20 s', reps: 6, work: '20 s', planReps: 6, planWork: '20 s' } })
  })

  const rep = (workSeconds: number, hill = false): DetectedRep => ({
    workSeconds,
    distanceMeters: workSeconds * 6,
    heartRateMax: null,
    heartRateAvg: null,
    hill,
    inclinePct: null,
    recoverySeconds: 120,
    recoveryMode: 'walk',
    startOffsetSeconds: 0
  })

  it('one rep more or fewer still matches; farther off, or work off by more than 25 %, does not', () => {
    const id = (n: number, s: number): number | null => matchProtocol(Array.from({ length: n }, () => rep(s)), builtIns).protocolId
    const sprint = builtIns.find((p) => p.name === 'Sprint 6×20 s')!.id
    expect(id(5, 21)).toBe(sprint)
    expect(id(7, 19)).toBe(sprint)
    expect(id(9, 20)).toBeNull()
    // 27 s is 35 % more than the sprint's 20 s: the nearest is then Sprint 5×30 s (one rep more, 10 % less work)
    expect(id(6, 27)).toBe(builtIns.find((p) => p.name === 'Sprint 5×30 s')!.id)
    const only = builtIns.filter((p) => p.id === sprint)
    expect(matchProtocol(Array.from({ length: 6 }, () => rep(25.5)), only).protocolId).toBeNull()
    expect(matchProtocol(Array.from({ length: 6 }, () => rep(24.5)), only).protocolId).toBe(sprint)
    expect(matchProtocol(Array.from({ length: 9 }, () => rep(20)), builtIns).reason).toEqual({ key: 'matchNone', params: { reps: 9, work: '20 s' } })
  })

  it('prefers the hill plan for uphill reps', () => {
    const hill = builtIns.find((p) => p.name === 'Hill sprint 4×30 s')!.id
    const flat = builtIns.find((p) => p.name === 'Sprint 5×30 s')!.id
    expect(matchProtocol([rep(30, true), rep(30, true), rep(30, true), rep(30, true)], builtIns).protocolId).toBe(hill)
    expect(matchProtocol([rep(30), rep(30), rep(30), rep(30), rep(30)], builtIns).protocolId).toBe(flat)
  })

  it('distance plans compare metres', () => {
    const p400: Protocol = { ...builtIns[0]!, id: 99, name: '8×400 m', groups: [{ ...builtIns[0]!.groups[0]!, count: 8, workSeconds: null, workMeters: 400 }] }
    const reps = Array.from({ length: 8 }, () => ({ ...rep(80), distanceMeters: 410 }))
    expect(matchProtocol(reps, [...builtIns, p400]).protocolId).toBe(99)
  })

  it('skips archived protocols', () => {
    const reps = Array.from({ length: 6 }, () => rep(20))
    expect(matchProtocol(reps, builtIns.map((p) => ({ ...p, archived: true }))).protocolId).toBeNull()
  })
})
