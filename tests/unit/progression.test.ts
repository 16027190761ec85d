import { describe, expect, it } from 'vitest'
import { progressionAdvice, type SessionOutcome } from '../../src/shared/metrics/progression'
import { formatNotation, parseNotation } from '../../src/shared/notation'
import type { RepeatGroup } from '../../src/shared/training'

const EASE_RULE = 'When you cannot catch your breath between sets, rest longer or do fewer sets.'
const PROGRESS_RULE = 'To make a routine harder, shorten the rest, add sets, or both.'

function plan(text: string): RepeatGroup[] {
  const r = parseNotation(text)
  if (!r.ok) throw new Error(r.error.message)
  return r.groups
}

function session(date: string, fields: Partial<SessionOutcome> = {}): SessionOutcome {
  return { date, plannedReps: 6, repsDone: 6, rpe: 6, couldNotRecover: false, ...fields }
}

/** Two comfortable sessions, newest first. */
const easy = [session('2026-05-04', { rpe: 6 }), session('2026-05-01', { rpe: 7 })]

/** The advised plan in the notation. */
const next = (p: string, recent: SessionOutcome[]): string => formatNotation(progressionAdvice(plan(p), recent).plan)

describe('no history', () => {
  it('says to run the plan as it is', () => {
    const p = plan('6x20s @max / 2m walk')
    const a = progressionAdvice(p, [])
    expect(a.kind).toBe('none')
    expect(a.summary).toBe('No sessions of this protocol yet: run it as planned.')
    expect(a.changes).toEqual([])
    expect(a.plan).toEqual(p)
    expect(a.plan).not.toBe(p)
  })
})

describe('ease', () => {
  it('adds a quarter more rest when the runner could not recover: 2m → 2m30s', () => {
    const a = progressionAdvice(plan('6x20s @max / 2m walk'), [session('2026-05-04', { couldNotRecover: true }), ...easy])
    expect(a.kind).toBe('ease')
    expect(a.summary).toBe('Take more rest: 2m → 2m30s walk.')
    expect(a.changes).toEqual(['Rest 2m → 2m30s'])
    expect(formatNotation(a.plan)).toBe('6x20s @max / 2m30s walk')
    expect(a.reasons[0]).toBe('On 2026-05-04 you could not catch your breath between sets.')
    expect(a.reasons.at(-1)).toBe(EASE_RULE)
  })

  it('adds rest after an RPE of 9 or more: 3m → 3m45s, 4m → 5m, 30s → 45s', () => {
    const hard = [session('2026-05-04', { rpe: 9 })]
    expect(next('4x4m @near-max / 3m jog', hard)).toBe('4x4m @near-max / 3m45s jog')
    expect(next('4x4m / 4m jog', hard)).toBe('4x4m / 5m jog')
    // a quarter of 30 s rounds to 15 s, the minimum step
    expect(next('10x10s / 30s stand', [session('2026-05-04', { rpe: 10 })])).toBe('10x10s / 45s stand')
    const a = progressionAdvice(plan('4x4m / 4m jog'), hard)
    expect(a.reasons).toEqual(['The session RPE on 2026-05-04 was 9: close to all-out.', EASE_RULE])
  })

  it('does one set fewer where the recovery is an untimed walk down', () => {
    const a = progressionAdvice(plan('4x30s hill / walk-down'), [session('2026-05-04', { plannedReps: 4, repsDone: 4, couldNotRecover: true })])
    expect(a.kind).toBe('ease')
    expect(a.summary).toBe('Do fewer sets: 4 → 3.')
    expect(a.changes).toEqual(['Sets 4 → 3'])
    expect(formatNotation(a.plan)).toBe('3x30s hill / walk-down')
  })

  it('does fewer sets when reps were abandoned: 4 of 6 → 4 sets', () => {
    const a = progressionAdvice(plan('6x20s @max / 2m walk'), [session('2026-05-04', { repsDone: 4, couldNotRecover: true }), ...easy])
    expect(a.kind).toBe('ease')
    expect(a.summary).toBe('Do fewer sets: 6 → 4.')
    expect(a.changes).toEqual(['Sets 6 → 4'])
    expect(formatNotation(a.plan)).toBe('4x20s @max / 2m walk')
    expect(a.reasons[0]).toBe('On 2026-05-04 you did 4 of 6 reps: 2 reps abandoned.')
    expect(a.reasons.at(-1)).toBe(EASE_RULE)
  })

  it('keeps at least one set, and takes missing reps from the last group backwards', () => {
    expect(next('6x20s / 2m walk', [session('2026-05-04', { repsDone: 0 })])).toBe('1x20s / 2m walk')
    const two = '3x20s @max / 2m walk + 4x30s hill / walk-down'
    expect(next(two, [session('2026-05-04', { plannedReps: 7, repsDone: 5 })])).toBe('3x20s @max / 2m walk + 2x30s hill / walk-down')
    expect(next(two, [session('2026-05-04', { plannedReps: 7, repsDone: 2 })])).toBe('1x20s @max / 2m walk + 1x30s hill / walk-down')
    const a = progressionAdvice(plan(two), [session('2026-05-04', { plannedReps: 7, repsDone: 2 })])
    expect(a.changes).toEqual(['Group 1: sets 3 → 1', 'Group 2: sets 4 → 1'])
    expect(a.summary).toBe('Do fewer sets: 3 → 1, 4 → 1.')
  })

  it('adds rest instead when every group is already down to one set', () => {
    expect(next('1x4m / 3m jog', [session('2026-05-04', { plannedReps: 1, repsDone: 0 })])).toBe('1x4m / 3m45s jog')
  })

  it('eases every group of a multi-group plan', () => {
    const hard = [session('2026-05-04', { plannedReps: 10, repsDone: 10, rpe: 9 })]
    const a = progressionAdvice(plan('6x20s @max / 2m walk + 4x30s hill / walk-down'), hard)
    expect(formatNotation(a.plan)).toBe('6x20s @max / 2m30s walk + 3x30s hill / walk-down')
    expect(a.changes).toEqual(['Group 1: rest 2m → 2m30s', 'Group 2: sets 4 → 3'])
    expect(a.summary).toBe('Take more rest and do fewer sets: rest 2m → 2m30s walk, sets 4 → 3.')
  })

  it('looks only at the newest session', () => {
    const a = progressionAdvice(plan('6x20s / 2m walk'), [session('2026-05-04', { rpe: 8 }), session('2026-05-01', { couldNotRecover: true })])
    expect(a.kind).toBe('hold')
  })
})

describe('progress', () => {
  it('shortens the rest by 15 % after two comfortable sessions: 2m → 1m45s', () => {
    // 120 − max(15, round15(18)) = 105
    const a = progressionAdvice(plan('6x20s @max / 2m walk'), easy)
    expect(a.kind).toBe('progress')
    expect(a.summary).toBe('Shorten the rest: 2m → 1m45s walk.')
    expect(a.changes).toEqual(['Rest 2m → 1m45s'])
    expect(formatNotation(a.plan)).toBe('6x20s @max / 1m45s walk')
    expect(a.reasons[0]).toBe(
      'The last 2 sessions were comfortable, with breath caught between sets: 2026-05-04 (all 6 reps, RPE 6) and 2026-05-01 (all 6 reps, RPE 7).'
    )
    expect(a.reasons.at(-1)).toBe(PROGRESS_RULE)
  })

  it('rounds the step to 15 s: 3m − round15(27) = 2m30s', () => {
    expect(next('4x1m @near-max / 3m jog', easy)).toBe('4x1m @near-max / 2m30s jog')
  })

  it('never shortens the rest below the work or 30 s, and adds a set there instead', () => {
    // 45 − 15 = 30 is under the 40 s of work: the rest stops at 40 s
    expect(next('6x40s / 45s walk', easy)).toBe('6x40s / 40s walk')
    // already at the floor
    expect(next('6x20s / 30s stand', easy)).toBe('7x20s / 30s stand')
    expect(next('6x40s / 40s walk', easy)).toBe('7x40s / 40s walk')
    // 4x4m HIIT: 3m of rest is already shorter than the 4m of work
    const a = progressionAdvice(plan('4x4m @near-max / 3m jog'), easy)
    expect(formatNotation(a.plan)).toBe('5x4m @near-max / 3m jog')
    expect(a.summary).toBe('Add a set: 4 → 5.')
    expect(a.changes).toEqual(['Sets 4 → 5'])
    expect(a.reasons[1]).toBe('The rest is already at its shortest (3m: no shorter than the work, and at least 30s), so add a set instead.')
  })

  it('adds a set where the recovery is an untimed walk down', () => {
    expect(next('4x30s hill / walk-down', easy)).toBe('5x30s hill / walk-down')
  })

  it('uses the distance plan floor of 30 s', () => {
    expect(next('8x100mtr @max / 45s walk', easy)).toBe('8x100mtr @max / 30s walk')
  })

  it('progresses every group of a multi-group plan', () => {
    const a = progressionAdvice(plan('6x20s @max / 2m walk + 4x30s hill / walk-down'), easy)
    expect(formatNotation(a.plan)).toBe('6x20s @max / 1m45s walk + 5x30s hill / walk-down')
    expect(a.changes).toEqual(['Group 1: rest 2m → 1m45s', 'Group 2: sets 4 → 5'])
    expect(a.summary).toBe('Shorten the rest and add a set: rest 2m → 1m45s walk, sets 4 → 5.')
    expect(a.reasons).toContain('The recovery of group 2 is an untimed walk back down, so add a set instead.')
  })

  it('holds when the plan is already at its hardest', () => {
    const a = progressionAdvice(plan('50x20s / 30s stand'), easy)
    expect(a.kind).toBe('hold')
    expect(a.changes).toEqual([])
    expect(formatNotation(a.plan)).toBe('50x20s / 30s stand')
  })
})

describe('hold', () => {
  it('waits for a second comfortable session', () => {
    const a = progressionAdvice(plan('6x20s / 2m walk'), [session('2026-05-04', { rpe: 5 })])
    expect(a.kind).toBe('hold')
    expect(a.summary).toBe('Keep the plan: run it as planned again.')
    expect(a.changes).toEqual([])
    expect(a.plan).toEqual(plan('6x20s / 2m walk'))
    expect(a.reasons[0]).toBe('Only one comfortable session so far: 2026-05-04 (all 6 reps, RPE 5).')
    expect(a.reasons.at(-1)).toContain('Make it harder after 2 sessions in a row')
  })

  it('holds after an RPE of 8: hard but manageable', () => {
    const a = progressionAdvice(plan('6x20s / 2m walk'), [session('2026-05-04', { rpe: 8 }), ...easy])
    expect(a.kind).toBe('hold')
    expect(a.reasons[0]).toBe('The session RPE on 2026-05-04 was 8: hard but manageable.')
  })

  it('does not progress without an RPE', () => {
    const a = progressionAdvice(plan('6x20s / 2m walk'), [session('2026-05-04', { rpe: null }), session('2026-05-01', { rpe: null })])
    expect(a.kind).toBe('hold')
    expect(a.reasons[0]).toContain('was not recorded')
  })

  it('says why the session before did not count', () => {
    const before = session('2026-05-01', { repsDone: 5, couldNotRecover: true, rpe: 9 })
    const a = progressionAdvice(plan('6x20s / 2m walk'), [session('2026-05-04'), before])
    expect(a.kind).toBe('hold')
    expect(a.reasons[0]).toBe(
      '2026-05-04 was comfortable (all 6 reps, RPE 6), but the session before it on 2026-05-01 was not: ' +
        '5 of 6 reps, you could not catch your breath, RPE 9.'
    )
    const b = progressionAdvice(plan('6x20s / 2m walk'), [session('2026-05-04'), session('2026-05-01', { rpe: null })])
    expect(b.reasons[0]).toContain('was not: RPE not recorded.')
  })
})

describe('input', () => {
  it('is not mutated', () => {
    const p = plan('6x20s @max / 2m walk + 4x30s hill / walk-down')
    const copy = structuredClone(p)
    const histories = [[], easy, [session('2026-05-04', { couldNotRecover: true })], [session('2026-05-04', { plannedReps: 10, repsDone: 3 })]]
    for (const h of histories) {
      const a = progressionAdvice(p, h)
      expect(a.plan).not.toBe(p)
      a.plan.forEach((g, i) => expect(g).not.toBe(p[i]))
    }
    expect(p).toEqual(copy)
  })
})
