/**
 * Progression advice for a protocol, from the rule of the training literature the app is built on: when the runner
 * cannot catch their breath between sets, rest longer or do fewer sets; to make a routine harder, shorten the rest, add
 * sets, or both.
 */
import type { LocalDate } from '../dates'
import { durationNotation } from '../duration'
import type { RecoveryMode, RepeatGroup } from '../training'

/** How one logged session of the protocol went. */
export interface SessionOutcome {
  date: LocalDate
  plannedReps: number
  repsDone: number
  /** Session RPE, 0–10 (CR-10). */
  rpe: number | null
  couldNotRecover: boolean
}

export type AdviceKind = 'none' | 'ease' | 'hold' | 'progress'

export interface Advice {
  kind: AdviceKind
  /** One sentence, e.g. `Take more rest: 2m → 2m30s walk.` */
  summary: string
  /** Why, in plain words, citing the sessions; the last one states the rule. */
  reasons: string[]
  /** The plan changes, e.g. `Rest 2m → 2m30s`, `Sets 6 → 5`; empty when none. */
  changes: string[]
  /** The suggested plan for the next session: a new array, equal to the input when nothing changes. */
  plan: RepeatGroup[]
}

/** A session RPE at or above this eases the next session. */
export const EASE_RPE = 9
/** A session RPE at or below this counts as comfortable. */
export const COMFORTABLE_RPE = 7
/** Comfortable sessions in a row before the plan gets harder. */
export const COMFORTABLE_STREAK = 2
/** The rest never gets shorter than this, nor shorter than the work. */
export const MIN_REST_SECONDS = 30
const MAX_COUNT = 50

const EASE_RULE = 'When you cannot catch your breath between sets, rest longer or do fewer sets.'
const PROGRESS_RULE = 'To make a routine harder, shorten the rest, add sets, or both.'
const HOLD_RULE =
  `Make it harder after ${COMFORTABLE_STREAK} sessions in a row with every rep done, breath caught between sets and an RPE of ` +
  `${COMFORTABLE_RPE} or lower; ease off when you cannot catch your breath.`

interface Change {
  group: number
  what: 'rest' | 'sets'
  from: number
  to: number
  mode: RecoveryMode
}

/** Advice for the next session of `plan`, from the recent sessions of it, newest first. */
export function progressionAdvice(plan: readonly RepeatGroup[], recent: readonly SessionOutcome[]): Advice {
  const next = plan.map((g) => ({ ...g }))
  const newest = recent[0]
  if (!newest) {
    return {
      kind: 'none',
      summary: 'No sessions of this protocol yet: run it as planned.',
      reasons: ['No session of this protocol has been logged yet.', HOLD_RULE],
      changes: [],
      plan: next
    }
  }
  if (tooHard(newest)) return ease(next, newest)
  const streak = recent.slice(0, COMFORTABLE_STREAK)
  if (streak.length === COMFORTABLE_STREAK && streak.every(comfortable)) return progress(next, streak)
  return hold(next, newest, recent[1])
}

const round15 = (seconds: number): number => Math.round(seconds / 15) * 15

const tooHard = (s: SessionOutcome): boolean => s.couldNotRecover || s.repsDone < s.plannedReps || (s.rpe !== null && s.rpe >= EASE_RPE)

const comfortable = (s: SessionOutcome): boolean =>
  s.repsDone >= s.plannedReps && !s.couldNotRecover && s.rpe !== null && s.rpe <= COMFORTABLE_RPE

/** The shortest rest a group may get: the work's duration, and never under 30 s. */
const restFloor = (g: RepeatGroup): number => Math.max(MIN_REST_SECONDS, g.workSeconds ?? 0)

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

function ease(plan: RepeatGroup[], s: SessionOutcome): Advice {
  const reasons: string[] = []
  const missing = s.plannedReps - s.repsDone
  if (missing > 0) {
    reasons.push(`On ${s.date} you did ${s.repsDone} of ${s.plannedReps} reps: ${plural(missing, 'rep')} abandoned.`)
  }
  if (s.couldNotRecover) reasons.push(`On ${s.date} you could not catch your breath between sets.`)
  if (s.rpe !== null && s.rpe >= EASE_RPE) reasons.push(`The session RPE on ${s.date} was ${s.rpe}: close to all-out.`)
  let changes = missing > 0 ? fewerSets(plan, missing) : []
  if (changes.length === 0) changes = moreRest(plan)
  if (changes.length === 0) reasons.push('The plan is already as short as it gets: one set per group.')
  reasons.push(EASE_RULE)
  const summary =
    changes.length === 0 ? 'Run it as planned, but at an easier effort.' : summarize(changes, { rest: 'Take more rest', sets: 'Do fewer sets' })
  return { kind: 'ease', summary, reasons, changes: describe(changes, plan.length), plan }
}

function progress(plan: RepeatGroup[], streak: readonly SessionOutcome[]): Advice {
  const sessions = streak.map((s) => `${s.date} (all ${s.plannedReps} reps, RPE ${s.rpe})`).join(' and ')
  const reasons = [`The last ${streak.length} sessions were comfortable, with breath caught between sets: ${sessions}.`]
  const changes = shorterRestOrMoreSets(plan)
  for (const c of changes) {
    if (c.what !== 'sets') continue
    const g = plan[c.group]
    const of = plan.length > 1 ? ` of group ${c.group + 1}` : ''
    reasons.push(
      g?.recoverySeconds == null
        ? `The recovery${of} is an untimed walk back down, so add a set instead.`
        : `The rest${of} is already at its shortest (${durationNotation(g.recoverySeconds)}: no shorter than the work, and at least ` +
            `${durationNotation(MIN_REST_SECONDS)}), so add a set instead.`
    )
  }
  if (changes.length === 0) {
    reasons.push(`The plan is already at its hardest for this rule: the shortest rest and ${MAX_COUNT} sets per group.`, PROGRESS_RULE)
    return { kind: 'hold', summary: 'Keep the plan: run it as planned again.', reasons, changes: [], plan }
  }
  reasons.push(PROGRESS_RULE)
  const addedSets = changes.filter((c) => c.what === 'sets').length
  const summary = summarize(changes, { rest: 'Shorten the rest', sets: addedSets > 1 ? 'Add sets' : 'Add a set' })
  return { kind: 'progress', summary, reasons, changes: describe(changes, plan.length), plan }
}

function hold(plan: RepeatGroup[], s: SessionOutcome, prev: SessionOutcome | undefined): Advice {
  const reasons: string[] = []
  if (s.rpe === null) {
    reasons.push(
      `The session RPE on ${s.date} was not recorded, so there is no telling how hard it felt; rate it about 30 minutes after the session.`
    )
  } else if (s.rpe > COMFORTABLE_RPE) {
    reasons.push(`The session RPE on ${s.date} was ${s.rpe}: hard but manageable.`)
  } else if (!prev) {
    reasons.push(`Only one comfortable session so far: ${s.date} (all ${s.plannedReps} reps, RPE ${s.rpe}).`)
  } else {
    reasons.push(
      `${s.date} was comfortable (all ${s.plannedReps} reps, RPE ${s.rpe}), ` +
        `but the session before it on ${prev.date} was not: ${notComfortable(prev)}.`
    )
  }
  reasons.push(HOLD_RULE)
  return { kind: 'hold', summary: 'Keep the plan: run it as planned again.', reasons, changes: [], plan }
}

/** Why a session did not count as comfortable. */
function notComfortable(s: SessionOutcome): string {
  const why: string[] = []
  if (s.repsDone < s.plannedReps) why.push(`${s.repsDone} of ${s.plannedReps} reps`)
  if (s.couldNotRecover) why.push('you could not catch your breath')
  why.push(s.rpe === null ? 'RPE not recorded' : `RPE ${s.rpe}`)
  return why.join(', ')
}

/** Removes `missing` sets, from the last group backwards, keeping at least one per group. */
function fewerSets(plan: RepeatGroup[], missing: number): Change[] {
  const changes: Change[] = []
  let left = missing
  for (let i = plan.length - 1; i >= 0 && left > 0; i--) {
    const g = plan[i]
    if (!g) continue
    const cut = Math.min(left, g.count - 1)
    if (cut <= 0) continue
    changes.unshift({ group: i, what: 'sets', from: g.count, to: g.count - cut, mode: g.recoveryMode })
    g.count -= cut
    left -= cut
  }
  return changes
}

/** A quarter more rest (at least 15 s); one set fewer where the recovery is an untimed walk down. */
function moreRest(plan: RepeatGroup[]): Change[] {
  const changes: Change[] = []
  plan.forEach((g, i) => {
    const rest = g.recoverySeconds
    if (rest === null) {
      if (g.count <= 1) return
      changes.push({ group: i, what: 'sets', from: g.count, to: g.count - 1, mode: g.recoveryMode })
      g.count -= 1
    } else {
      const to = round15(rest + Math.max(15, round15(rest * 0.25)))
      changes.push({ group: i, what: 'rest', from: rest, to, mode: g.recoveryMode })
      g.recoverySeconds = to
    }
  })
  return changes
}

/** 15 % less rest (at least 15 s) down to the floor; one set more where the rest is already at the floor or untimed. */
function shorterRestOrMoreSets(plan: RepeatGroup[]): Change[] {
  const changes: Change[] = []
  plan.forEach((g, i) => {
    const rest = g.recoverySeconds
    const floor = restFloor(g)
    if (rest === null || rest <= floor) {
      if (g.count >= MAX_COUNT) return
      changes.push({ group: i, what: 'sets', from: g.count, to: g.count + 1, mode: g.recoveryMode })
      g.count += 1
    } else {
      const to = Math.max(floor, round15(rest - Math.max(15, round15(rest * 0.15))))
      changes.push({ group: i, what: 'rest', from: rest, to, mode: g.recoveryMode })
      g.recoverySeconds = to
    }
  })
  return changes
}

/** `Rest 2m → 2m30s`, `Sets 6 → 5`; prefixed with `Group N:` when the plan has several groups. */
function describe(changes: readonly Change[], groups: number): string[] {
  return changes.map((c) => {
    const text = c.what === 'rest' ? `rest ${durationNotation(c.from)} → ${durationNotation(c.to)}` : `sets ${c.from} → ${c.to}`
    return groups > 1 ? `Group ${c.group + 1}: ${text}` : text.charAt(0).toUpperCase() + text.slice(1)
  })
}

/** `Take more rest: 2m → 2m30s walk.`; with both kinds of change, `Take more rest and do fewer sets: rest …, sets ….` */
function summarize(changes: readonly Change[], lead: { rest: string; sets: string }): string {
  const kinds = new Set(changes.map((c) => c.what))
  const both = kinds.size > 1
  const parts = changes.map((c) => {
    const text = c.what === 'rest' ? `${durationNotation(c.from)} → ${durationNotation(c.to)} ${c.mode}` : `${c.from} → ${c.to}`
    return both ? `${c.what} ${text}` : text
  })
  const head = both ? `${lead.rest} and ${lead.sets.charAt(0).toLowerCase()}${lead.sets.slice(1)}` : kinds.has('rest') ? lead.rest : lead.sets
  return `${head}: ${parts.join(', ')}.`
}
