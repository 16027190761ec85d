import { describe, expect, it } from 'vitest'
import { blockEnd, blockProgress, blockWeek, blockWeekRange, findOverlap, overlapMessage } from '../../src/shared/metrics/block'
import { sessionMetrics } from '../../src/shared/metrics/session'
import type { Block } from '../../src/shared/training'
import { rep, sprintReps } from '../helpers/training'

describe('session metrics', () => {
  it('Sprint 6×20 s as planned: hand calculation', () => {
    // work 6 × 20 = 120 s; recovery 5 × 120 = 600 s; + 10 min warm-up + 5 min cool-down = 1620 s = 27 min; RPE 8 → 216
    const m = sessionMetrics({ warmupSeconds: 600, cooldownSeconds: 300, rpe: 8, plannedReps: 6, reps: sprintReps(6) })
    expect(m).toEqual({ workSeconds: 120, repsDone: 6, plannedReps: 6, distanceMeters: 0, durationSeconds: 1620, load: 216 })
  })

  it('HIIT 4×4 with the last rep abandoned after 2 minutes', () => {
    const reps = [
      rep({ workSeconds: 240, recoverySeconds: 180, recoveryMode: 'jog', intensity: 'near-max' }),
      rep({ workSeconds: 240, recoverySeconds: 180, recoveryMode: 'jog', intensity: 'near-max' }),
      rep({ workSeconds: 240, recoverySeconds: 180, recoveryMode: 'jog', intensity: 'near-max' }),
      rep({ workSeconds: 120, recoverySeconds: 0, recoveryMode: 'jog', intensity: 'near-max', completed: false })
    ]
    // work counts completed reps only: 3 × 240 = 720 s. Duration counts all time spent:
    // 600 + 420 + (240 + 180) × 3 + 120 = 2400 s = 40 min; RPE 9 → 360
    const m = sessionMetrics({ warmupSeconds: 600, cooldownSeconds: 420, rpe: 9, plannedReps: 4, reps })
    expect(m).toEqual({ workSeconds: 720, repsDone: 3, plannedReps: 4, distanceMeters: 0, durationSeconds: 2400, load: 360 })
  })

  it('sums the distance of completed reps, treats an untimed walk-down as 0 s, and has no load without RPE', () => {
    const reps = [
      rep({ workSeconds: 30, distanceMeters: 150, recoverySeconds: null, recoveryMode: 'walk-down', hill: true }),
      rep({ workSeconds: 31, distanceMeters: 148, recoverySeconds: null, recoveryMode: 'walk-down', hill: true }),
      rep({ workSeconds: 12, distanceMeters: 50, recoverySeconds: null, recoveryMode: 'walk-down', hill: true, completed: false })
    ]
    const m = sessionMetrics({ warmupSeconds: 0, cooldownSeconds: 0, rpe: null, plannedReps: 4, reps })
    expect(m).toEqual({ workSeconds: 61, repsDone: 2, plannedReps: 4, distanceMeters: 298, durationSeconds: 73, load: null })
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
    expect(blockProgress(block, dates, '2026-11-05')).toMatchObject({
      status: 'active',
      week: 3,
      sessionsThisWeek: 2,
      plannedThisWeek: 3,
      sessionsTotal: 5,
      plannedTotal: 30,
      endDate: '2026-12-29'
    })
    expect(blockProgress(block, [], '2026-10-18')).toMatchObject({ status: 'upcoming', week: null, startsInDays: 3, plannedThisWeek: 0 })
    expect(blockProgress(block, dates, '2027-01-05')).toMatchObject({ status: 'finished', week: null, sessionsTotal: 5 })
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
