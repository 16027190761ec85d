import { describe, expect, it } from 'vitest'
import { blockEnd, blockProgress, blockWeek, blockWeekRange, findOverlap, overlapMessage } from '../../src/shared/metrics/block'
import {
  DEFAULT_WALK_DOWN_SECONDS,
  estimatedSeconds,
  isTimedWalkDown,
  isUntimedWalkDown,
  lastTimedWalkDown,
  needsEarlierWalkDown,
  repsDone,
  sessionDuration,
  sessionMetrics,
  sprintDistance,
  walkDownEstimate,
  workSeconds
} from '../../src/shared/metrics/session'
import type { Block } from '../../src/shared/training'
import { rep, sprintReps } from '../helpers/training'

describe('session metrics', () => {
  it('Sprint 6×20 s as planned: hand calculation', () => {
    // work 6 × 20 = 120 s; recovery 5 × 120 = 600 s; + 10 min warm-up + 5 min cool-down = 1620 s = 27 min; RPE 8 → 216
    const m = sessionMetrics({ warmupSeconds: 600, cooldownSeconds: 300, rpe: 8, plannedReps: 6, reps: sprintReps(6) })
    expect(m).toEqual({ workSeconds: 120, repsDone: 6, plannedReps: 6, distanceMeters: 0, durationSeconds: 1620, estimatedSeconds: 0, load: 216 })
  })

  it('HIIT 4×4 with the fourth rep abandoned at 2:30: work counts the part run, reps done only completed reps', () => {
    const reps = [
      rep({ workSeconds: 240, recoverySeconds: 180, recoveryMode: 'jog', intensity: 'near-max' }),
      rep({ workSeconds: 240, recoverySeconds: 180, recoveryMode: 'jog', intensity: 'near-max' }),
      rep({ workSeconds: 240, recoverySeconds: 180, recoveryMode: 'jog', intensity: 'near-max' }),
      rep({ workSeconds: 150, recoverySeconds: 0, recoveryMode: 'jog', intensity: 'near-max', completed: false })
    ]
    // work: 3 × 240 + 150 = 870 s = 14:30 (not 12:00). Duration: 600 + 420 + (240 + 180) × 3 + 150 = 2430 s = 40.5 min; RPE 9 → 364.5
    const m = sessionMetrics({ warmupSeconds: 600, cooldownSeconds: 420, rpe: 9, plannedReps: 4, reps })
    expect(m).toEqual({ workSeconds: 870, repsDone: 3, plannedReps: 4, distanceMeters: 0, durationSeconds: 2430, estimatedSeconds: 0, load: 364.5 })
  })

  it('sprint distance counts an abandoned rep’s distance run, like its work', () => {
    const reps = [rep({ distanceMeters: 150 }), rep({ distanceMeters: 148 }), rep({ workSeconds: 8, distanceMeters: 50, completed: false })]
    expect(sprintDistance(reps)).toBe(348)
    expect(workSeconds(reps)).toBe(48)
    expect(repsDone(reps)).toBe(2)
    expect(sprintDistance([rep(), rep({ distanceMeters: 100 })])).toBe(100)
  })

  it('untimed walk-downs without a timed one in the session: the earlier session’s last timed walk-down, else 90 s', () => {
    const reps = [
      rep({ workSeconds: 30, distanceMeters: 150, recoverySeconds: null, recoveryMode: 'walk-down', hill: true }),
      rep({ workSeconds: 31, distanceMeters: 148, recoverySeconds: null, recoveryMode: 'walk-down', hill: true }),
      rep({ workSeconds: 12, distanceMeters: 50, recoverySeconds: null, recoveryMode: 'walk-down', hill: true, completed: false })
    ]
    // 3 untimed walk-downs × 90 s = 270 s estimated; work 30 + 31 + 12 = 73 s; duration 343 s; no RPE → no load
    const m = sessionMetrics({ warmupSeconds: 0, cooldownSeconds: 0, rpe: null, plannedReps: 4, reps })
    expect(m).toEqual({ workSeconds: 73, repsDone: 2, plannedReps: 4, distanceMeters: 348, durationSeconds: 343, estimatedSeconds: 270, load: null })
    // With an earlier session whose last timed walk-down took 75 s: 3 × 75 = 225 s; RPE 8 → 8 × (73 + 225) / 60
    const e = sessionMetrics({ warmupSeconds: 0, cooldownSeconds: 0, rpe: 8, plannedReps: 4, reps }, 75)
    expect(e).toMatchObject({ durationSeconds: 298, estimatedSeconds: 225 })
    expect(e.load).toBeCloseTo((8 * 298) / 60, 10)
  })

  it('untimed walk-downs beside timed ones: the mean of the session’s own timed walk-downs, whatever came before', () => {
    const reps = [
      rep({ workSeconds: 30, recoverySeconds: 80, recoveryMode: 'walk-down', hill: true }),
      rep({ workSeconds: 30, recoverySeconds: null, recoveryMode: 'walk-down', hill: true }),
      rep({ workSeconds: 30, recoverySeconds: 100, recoveryMode: 'walk-down', hill: true }),
      rep({ workSeconds: 30, recoverySeconds: null, recoveryMode: 'walk-down', hill: true })
    ]
    expect(walkDownEstimate(reps, 200)).toBe(90)
    // Hill sprint 4×30 s, 10 min warm-up, 5 min cool-down, RPE 9: 900 + 120 + 80 + 100 + 2 × 90 = 1380 s = 23 min → 207
    const m = sessionMetrics({ warmupSeconds: 600, cooldownSeconds: 300, rpe: 9, plannedReps: 4, reps }, 200)
    expect(m).toEqual({ workSeconds: 120, repsDone: 4, plannedReps: 4, distanceMeters: 0, durationSeconds: 1380, estimatedSeconds: 180, load: 207 })
  })

  it('a walk-down typed as 0 s is timed (no walk) and is no source; other recovery modes are never estimated', () => {
    const zero = rep({ recoverySeconds: 0, recoveryMode: 'walk-down', hill: true })
    expect(isUntimedWalkDown(zero)).toBe(false)
    expect(isTimedWalkDown(zero)).toBe(false)
    expect(walkDownEstimate([zero, rep({ recoverySeconds: null, recoveryMode: 'walk-down' })], null)).toBe(DEFAULT_WALK_DOWN_SECONDS)
    expect(estimatedSeconds([zero], null)).toBe(0)
    expect(estimatedSeconds([rep({ recoverySeconds: null, recoveryMode: 'walk' })], null)).toBe(0)
    expect(sessionDuration({ warmupSeconds: 0, cooldownSeconds: 0, reps: [rep({ recoverySeconds: null, recoveryMode: 'walk' })] })).toBe(20)
  })

  it('the last timed walk-down of a session is the one of its highest rep', () => {
    const reps = [
      rep({ recoverySeconds: 70, recoveryMode: 'walk-down' }),
      rep({ recoverySeconds: 85, recoveryMode: 'walk-down' }),
      rep({ recoverySeconds: 120, recoveryMode: 'walk' }),
      rep({ recoverySeconds: null, recoveryMode: 'walk-down' })
    ]
    expect(lastTimedWalkDown(reps)).toBe(85)
    expect(lastTimedWalkDown([rep()])).toBeNull()
  })

  it('needs an earlier session only with untimed walk-downs and no timed one', () => {
    const untimed = rep({ recoverySeconds: null, recoveryMode: 'walk-down' })
    expect(needsEarlierWalkDown([untimed, untimed])).toBe(true)
    expect(needsEarlierWalkDown([untimed, rep({ recoverySeconds: 60, recoveryMode: 'walk-down' })])).toBe(false)
    expect(needsEarlierWalkDown([untimed, rep({ recoverySeconds: 0, recoveryMode: 'walk-down' })])).toBe(true)
    expect(needsEarlierWalkDown(sprintReps(3))).toBe(false)
  })
})

describe('training blocks', () => {
  const block: Block = {
    id: 1,
    uuid: 'b',
    name: 'Autumn',
    startDate: '2026-10-21', // a Wednesday, three days before the EU clocks go back
    weeks: 10,
    sessionsPerWeek: 3,
    protocolId: null,
    protocolUuid: null,
    protocolName: null,
    createdAt: '',
    updatedAt: ''
  }

  it('counts weeks from the start date, not from Mondays, across a DST change', () => {
    expect(blockEnd(block)).toBe('2026-12-29')
    expect(blockWeek(block, '2026-10-20')).toBeNull()
    expect(blockWeek(block, '2026-10-21')).toBe(1)
    expect(blockWeek(block, '2026-10-27')).toBe(1)
    expect(blockWeek(block, '2026-10-28')).toBe(2)
    expect(blockWeek(block, '2026-12-29')).toBe(10)
    expect(blockWeek(block, '2026-12-30')).toBeNull()
    expect(blockWeekRange(block, 2)).toEqual({ from: '2026-10-28', to: '2026-11-03' })
  })

  it('reports week N of M and sessions done versus planned', () => {
    const dates = ['2026-10-19', '2026-10-21', '2026-10-23', '2026-10-28', '2026-11-04', '2026-11-05', '2026-12-30']
    expect(blockProgress(block, { own: dates, other: [] }, '2026-11-05')).toMatchObject({
      status: 'active',
      week: 3,
      sessionsThisWeek: 2,
      plannedThisWeek: 3,
      sessionsTotal: 5,
      plannedTotal: 30,
      otherThisWeek: 0,
      otherTotal: 0,
      endDate: '2026-12-29'
    })
    expect(blockProgress(block, { own: [], other: [] }, '2026-10-18')).toMatchObject({ status: 'upcoming', week: null, startsInDays: 3, plannedThisWeek: 0 })
    expect(blockProgress(block, { own: dates, other: [] }, '2027-01-05')).toMatchObject({ status: 'finished', week: null, sessionsTotal: 5 })
  })

  it('counts the sessions of the block’s protocol against the plan and the others apart, inside the block only', () => {
    const own = ['2026-10-21', '2026-11-04', '2026-11-05']
    const other = ['2026-10-20', '2026-10-22', '2026-11-06', '2026-11-06', '2026-12-30']
    expect(blockProgress(block, { own, other }, '2026-11-06')).toMatchObject({
      week: 3,
      sessionsThisWeek: 2,
      sessionsTotal: 3,
      otherThisWeek: 2,
      otherTotal: 3,
      plannedTotal: 30
    })
  })

  it('crosses a year end', () => {
    const winter = { ...block, startDate: '2026-12-28', weeks: 2 }
    expect(blockWeek(winter, '2027-01-03')).toBe(1)
    expect(blockWeek(winter, '2027-01-04')).toBe(2)
    expect(blockEnd(winter)).toBe('2027-01-10')
  })

  it('finds the block another one overlaps, leaving out the block itself and ones that only touch it', () => {
    const next = { ...block, id: 2, name: 'Winter', startDate: '2026-12-30', weeks: 4 }
    expect(findOverlap({ startDate: '2026-12-29', weeks: 1 }, [block, next], null)).toBe(block)
    expect(findOverlap({ startDate: '2026-12-30', weeks: 1 }, [block, next], null)).toBe(next)
    expect(findOverlap({ startDate: '2026-12-30', weeks: 1 }, [block, next], 2)).toBeUndefined()
    expect(findOverlap({ startDate: '2026-10-07', weeks: 2 }, [block, next], null)).toBeUndefined()
    expect(findOverlap({ startDate: '2026-10-08', weeks: 2 }, [block, next], null)).toBe(block)
    expect(overlapMessage({ startDate: '2026-10-08', weeks: 2 }, block)).toBe(
      'This block (2026-10-08 to 2026-10-21) overlaps “Autumn” (2026-10-21 to 2026-12-29). Blocks may not overlap.'
    )
  })
})
