/**
 * Progression advice for a protocol, from the rule of the training literature the app is built on: when the runner
 * cannot catch their breath between sets, rest longer or do fewer sets; to make a routine harder, shorten the rest, add
 * sets, or both.
 */
import { daysBetween, type LocalDate } from '../dates'
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
  /** How much slower the last rep with a distance was than the first, in percent (metrics/reps.ts); null when unknown. */
  speedDropPct?: number | null
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

/** The effort a protocol asks for, from the hardest intensity of its plan, as a session RPE range (CR-10). */
export interface IntendedEffort {
  label: string
  /** The lowest and highest session RPE that are the intended effort. */
  low: number
  high: number
}

/** Intended session RPE per intensity: for an all-out protocol 9–10 is the point, not a warning. */
export const INTENDED_EFFORT = {
  max: { label: 'all-out', low: 9, high: 10 },
  'near-max': { label: 'near-maximum', low: 8, high: 9 },
  moderate: { label: 'moderate', low: 5, high: 7 }
} as const satisfies Record<string, IntendedEffort>

/** A custom intensity of at least this many percent counts as all-out; at least NEAR_MAX_PCT, as near-maximum. */
export const ALL_OUT_PCT = 95
export const NEAR_MAX_PCT = 85
/** A last rep this many percent slower than the first means the speed fell: ease off. */
export const FALLING_SPEED_PCT = 10
/** Days without a session of the protocol that make a break: after it, repeat the last plan, never harder. */
export const BREAK_DAYS = 10
/** Sessions on target in a row before the plan gets harder. */
export const COMFORTABLE_STREAK = 2
/** The rest never gets shorter than this. */
export const MIN_REST_SECONDS = 30
/** Work longer than this is a long interval: its rest floor is a fraction of the work, not the work itself. */
export const LONG_INTERVAL_SECONDS = 60
/** The rest floor of a long interval: this fraction of the work, and never under LONG_MIN_REST_SECONDS. */
export const LONG_REST_FRACTION = 0.5
export const LONG_MIN_REST_SECONDS = 60
const MAX_COUNT = 50

const EASE_RULE = 'When you cannot catch your breath between sets, rest longer or do fewer sets.'
const PROGRESS_RULE = 'To make a routine harder, shorten the rest, add sets, or both.'
const HOLD_RULE =
  `Make it harder after ${COMFORTABLE_STREAK} sessions in a row with every rep done, breath caught between sets, no falling speed ` +
  `and an RPE no higher than the protocol intends; ease off when you cannot catch your breath, abandon a rep or slow down.`
const BREAK_RULE = `After a break of ${BREAK_DAYS} days or more, repeat the last plan before making it harder.`

interface Change {
  group: number
  what: 'rest' | 'sets'
  from: number
  to: number
  mode: RecoveryMode
}

export interface AdviceOptions {
  /** The day of the next session; with it, a gap of BREAK_DAYS or more since the newest session is a break. */
  today?: LocalDate | undefined
}

/** The intended effort of a plan: that of its hardest group (a plan without an intensity counts as all-out). */
export function intendedEffort(plan: readonly RepeatGroup[]): IntendedEffort {
  const rank = (g: RepeatGroup): keyof typeof INTENDED_EFFORT => {
    if (g.intensity === 'custom' && g.intensityPct != null) {
      return g.intensityPct >= ALL_OUT_PCT ? 'max' : g.intensityPct >= NEAR_MAX_PCT ? 'near-max' : 'moderate'
    }
    return g.intensity === 'near-max' || g.intensity === 'moderate' ? g.intensity : 'max'
  }
  const order = ['moderate', 'near-max', 'max'] as const
  const top = plan.reduce((best, g) => Math.max(best, order.indexOf(rank(g))), 0)
  return INTENDED_EFFORT[order[top] ?? 'max']
}

/** Advice for the next session of `plan`, from the recent sessions of it, newest first. */
export function progressionAdvice(plan: readonly RepeatGroup[], recent: readonly SessionOutcome[], options: AdviceOptions = {}): Advice {
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
  const effort = intendedEffort(plan)
  const gap = options.today === undefined ? 0 : daysBetween(newest.date, options.today)
  if (gap >= BREAK_DAYS) return afterBreak(next, newest, gap)
  const streak: SessionOutcome[] = []
  for (const s of recent) {
    const later = streak.at(-1)
    if (streak.length === COMFORTABLE_STREAK || (later && daysBetween(s.date, later.date) >= BREAK_DAYS)) break
    streak.push(s)
  }
  if (streak.length === COMFORTABLE_STREAK && streak.every((s) => onTarget(s, effort))) return progress(next, streak, effort)
  return hold(next, newest, recent[1], effort)
}

/** A session of the protocol as the carry-forward reads it: its date and the plan it ran (null when none was saved). */
export interface PlannedSession {
  date: LocalDate
  plan: readonly RepeatGroup[] | null
}

/** The plan the next session starts from, and the date of the session it comes from (null: the protocol's own plan). */
export interface StartPlan {
  plan: RepeatGroup[]
  from: LocalDate | null
}

/**
 * Progression carries forward: the next session of a protocol starts from the plan of its newest live session
 * that saved one (so advice applied to a session and saved is kept), else from the protocol's own plan.
 */
export function carriedPlan(protocolPlan: readonly RepeatGroup[], recent: readonly PlannedSession[]): StartPlan {
  const last = recent.find((s) => s.plan !== null && s.plan.length > 0)
  return last?.plan ? { plan: last.plan.map((g) => ({ ...g })), from: last.date } : { plan: protocolPlan.map((g) => ({ ...g })), from: null }
}

/** The advice for the next session, with the plan it starts from (`start`, what "as planned" means before applying it). */
export interface NextSessionAdvice extends Advice {
  start: RepeatGroup[]
  startFrom: LocalDate | null
}

/** The next session of a protocol: the carried plan (carriedPlan), and the advice on it from the recent sessions, newest first. */
export function nextSessionAdvice(
  protocolPlan: readonly RepeatGroup[],
  recent: readonly (SessionOutcome & PlannedSession)[],
  options: AdviceOptions = {}
): NextSessionAdvice {
  const start = carriedPlan(protocolPlan, recent)
  return { ...progressionAdvice(start.plan, recent, options), start: start.plan, startFrom: start.from }
}

const round15 = (seconds: number): number => Math.round(seconds / 15) * 15

const speedFell = (s: SessionOutcome): boolean => s.speedDropPct != null && s.speedDropPct >= FALLING_SPEED_PCT

/** The signals to ease: could not recover, an abandoned rep, falling speed. A high RPE alone is not one. */
const tooHard = (s: SessionOutcome): boolean => s.couldNotRecover || s.repsDone < s.plannedReps || speedFell(s)

const onTarget = (s: SessionOutcome, effort: IntendedEffort): boolean =>
  s.repsDone >= s.plannedReps && !s.couldNotRecover && !speedFell(s) && s.rpe !== null && s.rpe <= effort.high

/**
 * The shortest rest a group may get: for reps of up to a minute, the work itself and at least 30 s; for longer
 * intervals, half the work and at least 1 minute (HIIT 4×4: 2 minutes). Distance reps: 30 s.
 */
export function restFloor(g: Pick<RepeatGroup, 'workSeconds'>): number {
  const work = g.workSeconds ?? 0
  if (work <= LONG_INTERVAL_SECONDS) return Math.max(MIN_REST_SECONDS, work)
  return Math.max(LONG_MIN_REST_SECONDS, round15(work * LONG_REST_FRACTION))
}

/** Why the floor is where it is, in the words of `restFloor`. */
function floorWhy(g: RepeatGroup): string {
  const work = g.workSeconds
  if (work == null) return `distance reps rest at least ${durationNotation(MIN_REST_SECONDS)}`
  if (work <= LONG_INTERVAL_SECONDS) return `no shorter than the ${durationNotation(work)} of work, and at least ${durationNotation(MIN_REST_SECONDS)}`
  return `half the ${durationNotation(work)} of work for an interval over ${durationNotation(LONG_INTERVAL_SECONDS)}, and at least ${durationNotation(LONG_MIN_REST_SECONDS)}`
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

function ease(plan: RepeatGroup[], s: SessionOutcome): Advice {
  const reasons: string[] = []
  const missing = s.plannedReps - s.repsDone
  if (missing > 0) {
    reasons.push(`On ${s.date} you did ${s.repsDone} of ${s.plannedReps} reps: ${plural(missing, 'rep')} abandoned.`)
  }
  if (s.couldNotRecover) reasons.push(`On ${s.date} you could not catch your breath between sets.`)
  if (speedFell(s)) {
    reasons.push(`On ${s.date} your last rep was ${Math.round(s.speedDropPct ?? 0)} % slower than your first: the speed fell (${FALLING_SPEED_PCT} % or more).`)
  }
  let changes = missing > 0 ? fewerSets(plan, missing) : []
  if (changes.length === 0) changes = moreRest(plan)
  if (changes.length === 0) reasons.push('The plan is already as short as it gets: one set per group.')
  reasons.push(EASE_RULE)
  const summary =
    changes.length === 0 ? 'Run it as planned, but at an easier effort.' : summarize(changes, { rest: 'Take more rest', sets: 'Do fewer sets' })
  return { kind: 'ease', summary, reasons, changes: describe(changes, plan.length), plan }
}

function afterBreak(plan: RepeatGroup[], s: SessionOutcome, gap: number): Advice {
  return {
    kind: 'hold',
    summary: `Repeat the last plan: it is ${gap} days since your last session of this protocol.`,
    reasons: [`Your last session of this protocol was on ${s.date}, ${gap} days ago: a break of ${BREAK_DAYS} days or more.`, BREAK_RULE],
    changes: [],
    plan
  }
}

const went = (s: SessionOutcome): string => `${s.date} (all ${s.plannedReps} reps, RPE ${s.rpe})`

function progress(plan: RepeatGroup[], streak: readonly SessionOutcome[], effort: IntendedEffort): Advice {
  const sessions = streak.map(went).join(' and ')
  const reasons = [
    `The last ${streak.length} sessions went to plan, with every rep done and breath caught between sets, at no more than the ` +
      `${effort.label} effort this protocol intends (RPE ${effort.low}–${effort.high}): ${sessions}.`
  ]
  const changes = shorterRestOrMoreSets(plan)
  for (const c of changes) {
    if (c.what !== 'sets') continue
    const g = plan[c.group]
    const of = plan.length > 1 ? ` of group ${c.group + 1}` : ''
    reasons.push(
      g?.recoverySeconds == null
        ? `The recovery${of} is an untimed walk back down, so add a set instead.`
        : `The rest${of} is already at its floor (${durationNotation(g.recoverySeconds)}: ${floorWhy(g)}), so add a set instead.`
    )
  }
  if (changes.length === 0) {
    reasons.push(`The plan is already at its hardest for this rule: the rest at its floor and ${MAX_COUNT} sets per group.`, PROGRESS_RULE)
    return { kind: 'hold', summary: 'Keep the plan: run it as planned again.', reasons, changes: [], plan }
  }
  reasons.push(PROGRESS_RULE)
  const addedSets = changes.filter((c) => c.what === 'sets').length
  const summary = summarize(changes, { rest: 'Shorten the rest', sets: addedSets > 1 ? 'Add sets' : 'Add a set' })
  return { kind: 'progress', summary, reasons, changes: describe(changes, plan.length), plan }
}

function hold(plan: RepeatGroup[], s: SessionOutcome, prev: SessionOutcome | undefined, effort: IntendedEffort): Advice {
  const reasons: string[] = []
  if (s.rpe === null) {
    reasons.push(
      `The session RPE on ${s.date} was not recorded, so there is no telling how hard it felt; rate it about 30 minutes after the session.`
    )
  } else if (s.rpe > effort.high) {
    reasons.push(
      `The session RPE on ${s.date} was ${s.rpe}: harder than the ${effort.label} effort this protocol intends (RPE ${effort.low}–${effort.high}). ` +
        'Keep the plan and run it at the intended effort.'
    )
  } else if (!prev) {
    reasons.push(`Only one session to plan so far: ${went(s)}.`)
  } else if (daysBetween(prev.date, s.date) >= BREAK_DAYS) {
    reasons.push(`${went(s)} went to plan, but it came after a break of ${daysBetween(prev.date, s.date)} days, so it counts as the first one again.`)
  } else {
    reasons.push(`${went(s)} went to plan, but the session before it on ${prev.date} did not: ${offPlan(prev, effort)}.`)
  }
  reasons.push(HOLD_RULE)
  return { kind: 'hold', summary: 'Keep the plan: run it as planned again.', reasons, changes: [], plan }
}

/** Why a session did not count as going to plan. */
function offPlan(s: SessionOutcome, effort: IntendedEffort): string {
  const why: string[] = []
  if (s.repsDone < s.plannedReps) why.push(`${s.repsDone} of ${s.plannedReps} reps`)
  if (s.couldNotRecover) why.push('you could not catch your breath')
  if (speedFell(s)) why.push(`the last rep ${Math.round(s.speedDropPct ?? 0)} % slower than the first`)
  if (s.rpe === null) why.push('RPE not recorded')
  else if (s.rpe > effort.high) why.push(`RPE ${s.rpe}, above the intended ${effort.low}–${effort.high}`)
  else why.push(`RPE ${s.rpe}`)
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

/** 15 % less rest (at least 15 s) down to the floor (restFloor); one set more where the rest is already at the floor or untimed. */
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
