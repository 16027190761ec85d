import { describe, expect, it } from 'vitest'
import {
  carriedPlan,
  intendedEffort,
  nextSessionAdvice as nextSessionCodes,
  progressionAdvice as progressionCodes,
  restFloor,
  type SessionOutcome
} from '../../src/shared/metrics/progression'
import { adviceText } from '../../src/renderer/src/components/adviceText'
import { formatNotation, parseNotation } from '../../src/shared/notation'
import type { RepeatGroup } from '../../src/shared/training'

const EASE_RULE = 'When you cannot catch your breath between sets, rest longer or do fewer sets.'
const PROGRESS_RULE = 'To make a routine harder, shorten the rest, add sets, or both.'

/** The advice worded in English, as the renderer shows it (the shared rule gives message codes). */
function english<A extends ReturnType<typeof progressionCodes>>(a: A) {
  return { ...a, summary: adviceText(a.summary), reasons: a.reasons.map(adviceText), changes: a.changes.map(adviceText) }
}
const progressionAdvice = (...args: Parameters<typeof progressionCodes>) => english(progressionCodes(...args))
const nextSessionAdvice = (...args: Parameters<typeof nextSessionCodes>) => english(nextSessionCodes(...args))

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
    expect(a.reasons[0]).toBe('On 4 May 2026 you could not catch your breath between sets.')
    expect(a.reasons.at(-1)).toBe(EASE_RULE)
  })

  it('adds a quarter more rest when the runner could not recover: 3m → 3m45s, 4m → 5m, 30s → 45s', () => {
    const hard = [session('2026-05-04', { couldNotRecover: true, rpe: 9 })]
    expect(next('4x4m @near-max / 3m jog', hard)).toBe('4x4m @near-max / 3m45s jog')
    expect(next('4x4m / 4m jog', hard)).toBe('4x4m / 5m jog')
    // a quarter of 30 s rounds to 15 s, the minimum step
    expect(next('10x10s / 30s stand', hard)).toBe('10x10s / 45s stand')
    const a = progressionAdvice(plan('4x4m / 4m jog'), hard)
    // the RPE is no reason of its own: recovery is
    expect(a.reasons).toEqual(['On 4 May 2026 you could not catch your breath between sets.', EASE_RULE])
  })

  it('eases when the speed fell by 10 % or more from the first rep to the last', () => {
    const a = progressionAdvice(plan('6x20s @max / 2m walk'), [session('2026-05-04', { rpe: 9, speedDropPct: 12.4 }), ...easy])
    expect(a.kind).toBe('ease')
    expect(formatNotation(a.plan)).toBe('6x20s @max / 2m30s walk')
    expect(a.reasons).toEqual(['On 4 May 2026 your last rep was 12 % slower than your first: the speed fell (10 % or more).', EASE_RULE])
    // 9 % is within what a sprint session loses: not a reason to ease
    expect(progressionAdvice(plan('6x20s @max / 2m walk'), [session('2026-05-04', { rpe: 9, speedDropPct: 9 }), ...easy]).kind).toBe('progress')
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
    expect(a.reasons[0]).toBe('On 4 May 2026 you did 4 of 6 reps: 2 reps abandoned.')
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
    const hard = [session('2026-05-04', { plannedReps: 10, repsDone: 10, couldNotRecover: true })]
    const a = progressionAdvice(plan('6x20s @max / 2m walk + 4x30s hill / walk-down'), hard)
    expect(formatNotation(a.plan)).toBe('6x20s @max / 2m30s walk + 3x30s hill / walk-down')
    expect(a.changes).toEqual(['Group 1: rest 2m → 2m30s', 'Group 2: sets 4 → 3'])
    expect(a.summary).toBe('Take more rest and do fewer sets: rest 2m → 2m30s walk, sets 4 → 3.')
  })

  it('looks only at the newest session', () => {
    const a = progressionAdvice(plan('6x20s / 2m walk'), [session('2026-05-04', { rpe: 8 }), session('2026-05-01', { couldNotRecover: true, repsDone: 4 })])
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
      'The last 2 sessions went to plan, with every rep done and breath caught between sets, at no more than the all-out effort this ' +
        'protocol intends (RPE 9–10): 4 May 2026 (all 6 reps, RPE 6) and 1 May 2026 (all 6 reps, RPE 7).'
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
    const a = progressionAdvice(plan('6x20s / 30s stand'), easy)
    expect(a.reasons[1]).toBe('The rest is already at its floor (30s: no shorter than the 20s of work, and at least 30s), so add a set instead.')
  })

  it('gives long intervals a floor of half the work, at least 1m: HIIT 4×4 shortens its 3m rest to 2m, then adds sets', () => {
    // 3m of rest after 4m of work is above the 2m floor: shorten it, 3m − round15(27) = 2m30s, then 2m30s − round15(22.5) = 2m
    expect(next('4x4m @near-max / 3m jog', easy)).toBe('4x4m @near-max / 2m30s jog')
    expect(next('4x4m @near-max / 2m30s jog', easy)).toBe('4x4m @near-max / 2m jog')
    // never below the floor: 2m15s − 15s would be 2m, and stops there
    expect(next('4x4m @near-max / 2m15s jog', easy)).toBe('4x4m @near-max / 2m jog')
    const a = progressionAdvice(plan('4x4m @near-max / 2m jog'), easy)
    expect(formatNotation(a.plan)).toBe('5x4m @near-max / 2m jog')
    expect(a.summary).toBe('Add a set: 4 → 5.')
    expect(a.changes).toEqual(['Sets 4 → 5'])
    expect(a.reasons[1]).toBe('The rest is already at its floor (2m: half the 4m of work for an interval over 1m, and at least 1m), so add a set instead.')
    // 90 s of work: half is 45 s, the 1m minimum holds
    expect(next('5x1m30s @near-max / 1m15s jog', easy)).toBe('5x1m30s @near-max / 1m jog')
    expect(next('5x1m30s @near-max / 1m jog', easy)).toBe('6x1m30s @near-max / 1m jog')
    // a minute of work is still a short rep: the rest no shorter than the work
    expect(next('5x1m / 1m walk', easy)).toBe('6x1m / 1m walk')
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
    expect(a.reasons[0]).toBe('Only one session to plan so far: 4 May 2026 (all 6 reps, RPE 5).')
    expect(a.reasons.at(-1)).toContain('Make it harder after 2 sessions in a row')
  })

  it('holds when a moderate protocol was run harder than it intends, without easing it', () => {
    const a = progressionAdvice(plan('4x45s @moderate / 5m walk'), [session('2026-05-04', { plannedReps: 4, repsDone: 4, rpe: 9 }), ...easy])
    expect(a.kind).toBe('hold')
    expect(formatNotation(a.plan)).toBe('4x45s @moderate / 5m walk')
    expect(a.reasons[0]).toBe(
      'The session RPE on 4 May 2026 was 9: harder than the moderate effort this protocol intends (RPE 5–7). Keep the plan and run it at the intended effort.'
    )
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
      '4 May 2026 (all 6 reps, RPE 6) went to plan, but the session before it on 1 May 2026 did not: ' +
        '5 of 6 reps, you could not catch your breath, RPE 9.'
    )
    const b = progressionAdvice(plan('6x20s / 2m walk'), [session('2026-05-04'), session('2026-05-01', { rpe: null })])
    expect(b.reasons[0]).toContain('did not: RPE not recorded.')
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

describe('effort is judged against the protocol’s intended intensity', () => {
  const hill = '4x30s @max hill / walk-down'
  const hillDone = (date: string, rpe: number) => session(date, { plannedReps: 4, repsDone: 4, rpe })

  it('hill sprints at RPE 9: all-out is the point, so two such sessions add a set instead of taking one away', () => {
    const one = progressionAdvice(plan(hill), [hillDone('2026-05-04', 9)])
    expect(one.kind).toBe('hold')
    expect(formatNotation(one.plan)).toBe(hill)
    const two = progressionAdvice(plan(hill), [hillDone('2026-05-04', 9), hillDone('2026-05-01', 10)])
    expect(two.kind).toBe('progress')
    expect(formatNotation(two.plan)).toBe('5x30s @max hill / walk-down')
    expect(two.reasons[1]).toBe('The recovery is an untimed walk back down, so add a set instead.')
  })

  it('Sprint 5×30 s at RPE 9 and 10 gets less rest, not more', () => {
    const done = (date: string, rpe: number) => session(date, { plannedReps: 5, repsDone: 5, rpe })
    const a = progressionAdvice(plan('5x30s @max / 4m walk'), [done('2026-05-04', 10), done('2026-05-01', 9)])
    expect(a.kind).toBe('progress')
    // 240 − round15(36) = 210
    expect(formatNotation(a.plan)).toBe('5x30s @max / 3m30s walk')
    expect(a.reasons[0]).toContain('at no more than the all-out effort this protocol intends (RPE 9–10)')
  })

  it('HIIT 4×4 is near-maximum: RPE 9 is on target, RPE 10 holds', () => {
    const done = (date: string, rpe: number) => session(date, { plannedReps: 4, repsDone: 4, rpe })
    const hiit = '4x4m @near-max / 3m jog'
    expect(next(hiit, [done('2026-05-04', 9), done('2026-05-01', 8)])).toBe('4x4m @near-max / 2m30s jog')
    const a = progressionAdvice(plan(hiit), [done('2026-05-04', 10), done('2026-05-01', 8)])
    expect(a.kind).toBe('hold')
    expect(a.reasons[0]).toContain('harder than the near-maximum effort this protocol intends (RPE 8–9)')
    const b = progressionAdvice(plan(hiit), [done('2026-05-04', 8), done('2026-05-01', 10)])
    expect(b.kind).toBe('hold')
    expect(b.reasons[0]).toContain('on 1 May 2026 did not: RPE 10, above the intended 8–9')
  })

  it('takes the hardest group of the plan, and reads a custom percentage', () => {
    expect(intendedEffort(plan('4x45s @moderate / 5m walk'))).toMatchObject({ label: 'moderate', low: 5, high: 7 })
    expect(intendedEffort(plan('4x45s @moderate / 5m walk + 4x30s @near-max / 2m walk')).label).toBe('near-maximum')
    expect(intendedEffort(plan('6x20s / 2m walk')).label).toBe('all-out')
    expect(intendedEffort(plan('4x1m @80% / 2m walk')).label).toBe('moderate')
    expect(intendedEffort(plan('4x1m @90% / 2m walk')).label).toBe('near-maximum')
    expect(intendedEffort(plan('4x1m @95% / 2m walk')).label).toBe('all-out')
  })
})

describe('rest floor', () => {
  it('is the work for reps of up to a minute (at least 30 s), and half the work for longer intervals (at least 1 minute)', () => {
    expect(restFloor({ workSeconds: 20 })).toBe(30)
    expect(restFloor({ workSeconds: 45 })).toBe(45)
    expect(restFloor({ workSeconds: 60 })).toBe(60)
    expect(restFloor({ workSeconds: 90 })).toBe(60)
    expect(restFloor({ workSeconds: 180 })).toBe(90)
    expect(restFloor({ workSeconds: 240 })).toBe(120)
    expect(restFloor({ workSeconds: null })).toBe(30)
  })
})

describe('after a break', () => {
  it('never advises harder after 10 days without a session of the protocol: repeat the last plan, and say why', () => {
    const p = '4x4m @near-max / 3m jog'
    const done = [session('2026-05-04', { plannedReps: 4, repsDone: 4, rpe: 6 }), session('2026-05-01', { plannedReps: 4, repsDone: 4, rpe: 6 })]
    expect(progressionAdvice(plan(p), done, { today: '2026-05-13' }).kind).toBe('progress')
    const a = progressionAdvice(plan(p), done, { today: '2026-05-14' })
    expect(a.kind).toBe('hold')
    expect(formatNotation(a.plan)).toBe(p)
    expect(a.changes).toEqual([])
    expect(a.summary).toBe('Repeat the last plan: it is 10 days since your last session of this protocol.')
    expect(a.reasons).toEqual([
      'Your last session of this protocol was on 4 May 2026, 10 days ago: a break of 10 days or more.',
      'After a break of 10 days or more, repeat the last plan before making it harder.'
    ])
  })

  it('still eases after a break when the last session was too hard', () => {
    const a = progressionAdvice(plan('6x20s @max / 2m walk'), [session('2026-05-04', { couldNotRecover: true })], { today: '2026-06-01' })
    expect(a.kind).toBe('ease')
  })

  it('does not count a session from before the break towards the two in a row', () => {
    const a = progressionAdvice(plan('6x20s @max / 2m walk'), [session('2026-05-20'), session('2026-05-04')], { today: '2026-05-22' })
    expect(a.kind).toBe('hold')
    expect(a.reasons[0]).toBe('20 May 2026 (all 6 reps, RPE 6) went to plan, but it came after a break of 16 days, so it counts as the first one again.')
    const b = progressionAdvice(plan('6x20s @max / 2m walk'), [session('2026-05-24'), session('2026-05-20'), session('2026-05-04')], { today: '2026-05-25' })
    expect(b.kind).toBe('progress')
  })
})

describe('carry forward', () => {
  const protocol = plan('4x4m @near-max / 3m jog')

  it('starts from the plan of the newest session that saved one', () => {
    const five = plan('5x4m @near-max / 2m jog')
    const start = carriedPlan(protocol, [
      { date: '2026-05-06', plan: null },
      { date: '2026-05-04', plan: five },
      { date: '2026-05-01', plan: protocol }
    ])
    expect(start.from).toBe('2026-05-04')
    expect(formatNotation(start.plan)).toBe('5x4m @near-max / 2m jog')
    expect(start.plan).not.toBe(five)
  })

  it('starts from the protocol’s plan without sessions', () => {
    const start = carriedPlan(protocol, [])
    expect(start).toEqual({ plan: protocol, from: null })
    expect(start.plan).not.toBe(protocol)
  })

  it('advises on the carried plan: after 4 → 5 sets was applied and saved, the card says 5 → 6', () => {
    const five = plan('5x4m @near-max / 2m jog')
    const recent = [
      { ...session('2026-05-04', { plannedReps: 5, repsDone: 5, rpe: 7 }), plan: five },
      { ...session('2026-05-01', { plannedReps: 4, repsDone: 4, rpe: 7 }), plan: plan('4x4m @near-max / 2m jog') }
    ]
    const a = nextSessionAdvice(protocol, recent, { today: '2026-05-06' })
    expect(formatNotation(a.start)).toBe('5x4m @near-max / 2m jog')
    expect(a.startFrom).toBe('2026-05-04')
    expect(a.summary).toBe('Add a set: 5 → 6.')
    expect(formatNotation(a.plan)).toBe('6x4m @near-max / 2m jog')
  })

  it('after a break, suggests repeating the carried plan', () => {
    const five = plan('5x4m @near-max / 2m jog')
    const a = nextSessionAdvice(protocol, [{ ...session('2026-05-04', { plannedReps: 5, repsDone: 5, rpe: 7 }), plan: five }], { today: '2026-05-20' })
    expect(a.kind).toBe('hold')
    expect(a.plan).toEqual(five)
    expect(a.start).toEqual(five)
  })
})
