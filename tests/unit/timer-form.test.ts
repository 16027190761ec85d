import { describe, expect, it } from 'vitest'
import { formFromRun } from '../../src/renderer/src/features/timer/runForm'
import { restore, type SavedTimer } from '../../src/renderer/src/features/timer/savedTimer'
import { toInput } from '../../src/renderer/src/features/log/sessionForm'
import { sessionRun } from '../../src/shared/timer'
import { group as timedGroup } from '../helpers/training'
import type { RepeatGroup } from '../../src/shared/training'

/** A group with nothing set but what the test gives (one rep, no work or recovery time). */
const group = (patch: Partial<RepeatGroup>): RepeatGroup => timedGroup({ count: 1, workSeconds: null, recoverySeconds: null, ...patch })

// 2026-11-20 09:30 in Berlin (the tests' zone).
const T0 = Date.parse('2026-11-20T08:30:00Z')
const S = 1000

function saved(plan: RepeatGroup[], events: SavedTimer['events'], seenAt: number, warmup = 301, cooldown = 60): SavedTimer {
  return { version: 1, setup: { protocolId: 3, protocolName: 'Test', plan, warmupSeconds: warmup, cooldownSeconds: cooldown }, events, seenAt }
}

describe('a saved timer session', () => {
  it('that ran to its end reads as done when seen at or after the end, with no event for the end', () => {
    const s = saved([group({ count: 2, workSeconds: 20, recoverySeconds: 60 })], [{ type: 'start', at: T0 }], T0 + 461 * S)
    const r = restore(s)
    expect(r.state.status).toBe('done')
    expect(r.saved.events).toEqual(s.events)
  })

  it('last seen running reads as paused from then on', () => {
    const s = saved([group({ count: 2, workSeconds: 20, recoverySeconds: 60 })], [{ type: 'start', at: T0 }], T0 + 310 * S)
    const r = restore(s)
    expect(r.state.status).toBe('paused')
    expect(r.saved.events).toEqual([...s.events, { type: 'pause', at: T0 + 310 * S }])
  })
})

describe('the log form filled from the timer', () => {
  it('carries each rep’s work and recovery as run, abandoned reps, the warm-up and cool-down to the second, the date and start time', () => {
    const plan = [group({ count: 3, workSeconds: 30, hill: true, recoveryMode: 'walk-down' })]
    const events: SavedTimer['events'] = [
      { type: 'start', at: T0 },
      // warm-up 0–301 s, rep 1 301–331 s
      { type: 'endPhase', at: T0 + 432_400 }, // walk-down 1: 101.4 s
      { type: 'abandon', at: T0 + 444 * S }, // rep 2 abandoned after 11.6 s
      { type: 'endPhase', at: T0 + 534 * S }, // walk-down 2: 90 s; rep 3 534–564 s
      { type: 'endPhase', at: T0 + 644 * S } // walk-down 3 after the last rep: 80 s; cool-down 644–704 s
    ]
    const s = saved(plan, events, T0 + 710 * S)
    const { state } = restore(s)
    const form = formFromRun(s.setup, sessionRun(state), 'kg')
    expect(form).toMatchObject({ date: '2026-11-20', startTime: '09:30', protocolId: 3, plan, warmupMin: '5.02', cooldownMin: '1', rpe: '', notes: '' })
    expect(form.reps.map((r) => [r.work, r.recovery, r.recoveryMode, r.hill, r.completed])).toEqual([
      ['30', '1:41.4', 'walk-down', true, true],
      ['11.6', '1:30', 'walk-down', true, false],
      ['30', '1:20', 'walk-down', true, true]
    ])
    const checked = toInput(form, '2026-11-20')
    expect(checked.ok).toBe(true)
    if (!checked.ok) return
    expect(checked.input).toMatchObject({ warmupSeconds: 301, cooldownSeconds: 60 })
    expect(checked.input.reps.map((r) => [r.workSeconds, r.recoverySeconds, r.completed])).toEqual([
      [30, 101.4, true],
      [11.6, 90, false],
      [30, 80, true]
    ])
  })

  it('leaves the distance of an abandoned distance rep for the runner to type, and keeps the plan’s reps when none was run', () => {
    const plan = [group({ count: 2, workMeters: 200, recoverySeconds: 90 })]
    const s = saved(plan, [{ type: 'start', at: T0 }, { type: 'endPhase', at: T0 + 331 * S }, { type: 'abandon', at: T0 + 430 * S }], T0 + 431 * S)
    const form = formFromRun(s.setup, sessionRun(restore(s).state), 'kg')
    expect(form.reps.map((r) => [r.work, r.distance, r.completed])).toEqual([
      ['30', '200', true],
      ['9', '', false]
    ])
    const none = saved(plan, [{ type: 'start', at: T0 }, { type: 'stop', at: T0 + 100 * S }], T0 + 100 * S)
    const early = formFromRun(none.setup, sessionRun(restore(none).state), 'kg')
    expect(early.reps).toHaveLength(2)
    expect(early.warmupMin).toBe('1.67')
  })
})
