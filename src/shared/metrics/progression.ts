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

/**
 * A piece of advice text as a message of the `advice` namespace and its parameters, worded by the renderer in the
 * runner's language. A parameter is a plain value, a date (`{ date }`, written as the language writes dates), another
 * message, or a list of messages (`{ list, join }`: `a, b, c` or `a and b`). Durations are in the notation (`2m30s`).
 */
export interface AdviceText {
  key: string
  params?: Record<string, AdviceParam>
}
export type AdviceParam = string | number | { date: LocalDate } | AdviceText | { list: AdviceText[]; join: 'and' | 'comma' }

export interface Advice {
  kind: AdviceKind
  /** One sentence, e.g. `Take more rest: 2m → 2m30s walk.` */
  summary: AdviceText
  /** Why, in plain words, citing the sessions; the last one states the rule. */
  reasons: AdviceText[]
  /** The plan changes, e.g. `Rest 2m → 2m30s`, `Sets 6 → 5`; empty when none. */
  changes: AdviceText[]
  /** The suggested plan for the next session: a new array, equal to the input when nothing changes. */
  plan: RepeatGroup[]
}

/** The effort a protocol asks for, from the hardest intensity of its plan, as a session RPE range (CR-10). */
export interface IntendedEffort {
  label: string
  /** The intensity it comes from (its words in the `advice` namespace). */
  level: 'max' | 'near-max' | 'moderate'
  /** The lowest and highest session RPE that are the intended effort. */
  low: number
  high: number
}

/** Intended session RPE per intensity: for an all-out protocol 9–10 is the point, not a warning. */
export const INTENDED_EFFORT = {
  max: { label: 'all-out', level: 'max', low: 9, high: 10 },
  'near-max': { label: 'near-maximum', level: 'near-max', low: 8, high: 9 },
  moderate: { label: 'moderate', level: 'moderate', low: 5, high: 7 }
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

const msg = (key: string, params?: Record<string, AdviceParam>): AdviceText => (params ? { key, params } : { key })
const day = (date: LocalDate) => ({ date })

const EASE_RULE = msg('ruleEase')
const PROGRESS_RULE = msg('ruleProgress')
const HOLD_RULE = msg('ruleHold', { streak: COMFORTABLE_STREAK })
const BREAK_RULE = msg('ruleBreak', { days: BREAK_DAYS })

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
      summary: msg('summaryNone'),
      reasons: [msg('reasonNoSession'), HOLD_RULE],
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
function floorWhy(g: RepeatGroup): AdviceText {
  const work = g.workSeconds
  if (work == null) return msg('floorDistance', { min: durationNotation(MIN_REST_SECONDS) })
  if (work <= LONG_INTERVAL_SECONDS) return msg('floorShort', { work: durationNotation(work), min: durationNotation(MIN_REST_SECONDS) })
  return msg('floorLong', { work: durationNotation(work), over: durationNotation(LONG_INTERVAL_SECONDS), min: durationNotation(LONG_MIN_REST_SECONDS) })
}

const dropPct = (s: SessionOutcome): number => Math.round(s.speedDropPct ?? 0)

function ease(plan: RepeatGroup[], s: SessionOutcome): Advice {
  const reasons: AdviceText[] = []
  const missing = s.plannedReps - s.repsDone
  if (missing > 0) reasons.push(msg('reasonAbandoned', { date: day(s.date), done: s.repsDone, planned: s.plannedReps, missing }))
  if (s.couldNotRecover) reasons.push(msg('reasonNoRecovery', { date: day(s.date) }))
  if (speedFell(s)) reasons.push(msg('reasonSpeedFell', { date: day(s.date), pct: dropPct(s), limit: FALLING_SPEED_PCT }))
  let changes = missing > 0 ? fewerSets(plan, missing) : []
  if (changes.length === 0) changes = moreRest(plan)
  if (changes.length === 0) reasons.push(msg('reasonShortest'))
  reasons.push(EASE_RULE)
  const summary = changes.length === 0 ? msg('summaryEasierEffort') : summarize(changes, 'ease')
  return { kind: 'ease', summary, reasons, changes: describe(changes, plan.length), plan }
}

function afterBreak(plan: RepeatGroup[], s: SessionOutcome, gap: number): Advice {
  return {
    kind: 'hold',
    summary: msg('summaryAfterBreak', { days: gap }),
    reasons: [msg('reasonBreak', { date: day(s.date), days: gap, limit: BREAK_DAYS }), BREAK_RULE],
    changes: [],
    plan
  }
}

const went = (s: SessionOutcome): AdviceText => msg('went', { date: day(s.date), planned: s.plannedReps, rpe: s.rpe ?? 0 })

const effortParams = (effort: IntendedEffort) => ({ effort: effort.level, low: effort.low, high: effort.high })

function progress(plan: RepeatGroup[], streak: readonly SessionOutcome[], effort: IntendedEffort): Advice {
  const reasons = [msg('reasonOnTarget', { count: streak.length, ...effortParams(effort), sessions: { list: streak.map(went), join: 'and' } })]
  const changes = shorterRestOrMoreSets(plan)
  for (const c of changes) {
    if (c.what !== 'sets') continue
    const g = plan[c.group]
    // group 0: the plan has one group, and the sentence names none
    const group = plan.length > 1 ? c.group + 1 : 0
    reasons.push(
      g?.recoverySeconds == null
        ? msg('reasonUntimedAddSet', { group })
        : msg('reasonFloorAddSet', { group, rest: durationNotation(g.recoverySeconds), why: floorWhy(g) })
    )
  }
  if (changes.length === 0) {
    reasons.push(msg('reasonHardest', { max: MAX_COUNT }), PROGRESS_RULE)
    return { kind: 'hold', summary: msg('summaryKeep'), reasons, changes: [], plan }
  }
  reasons.push(PROGRESS_RULE)
  return { kind: 'progress', summary: summarize(changes, 'progress'), reasons, changes: describe(changes, plan.length), plan }
}

function hold(plan: RepeatGroup[], s: SessionOutcome, prev: SessionOutcome | undefined, effort: IntendedEffort): Advice {
  const reasons: AdviceText[] = []
  if (s.rpe === null) {
    reasons.push(msg('reasonRpeMissing', { date: day(s.date) }))
  } else if (s.rpe > effort.high) {
    reasons.push(msg('reasonTooHard', { date: day(s.date), rpe: s.rpe, ...effortParams(effort) }))
  } else if (!prev) {
    reasons.push(msg('reasonOnlyOne', { session: went(s) }))
  } else if (daysBetween(prev.date, s.date) >= BREAK_DAYS) {
    reasons.push(msg('reasonAfterGap', { session: went(s), days: daysBetween(prev.date, s.date) }))
  } else {
    reasons.push(msg('reasonPrevOff', { session: went(s), date: day(prev.date), why: { list: offPlan(prev, effort), join: 'comma' } }))
  }
  reasons.push(HOLD_RULE)
  return { kind: 'hold', summary: msg('summaryKeep'), reasons, changes: [], plan }
}

/** Why a session did not count as going to plan. */
function offPlan(s: SessionOutcome, effort: IntendedEffort): AdviceText[] {
  const why: AdviceText[] = []
  if (s.repsDone < s.plannedReps) why.push(msg('offReps', { done: s.repsDone, planned: s.plannedReps }))
  if (s.couldNotRecover) why.push(msg('offNoRecovery'))
  if (speedFell(s)) why.push(msg('offSpeed', { pct: dropPct(s) }))
  if (s.rpe === null) why.push(msg('offRpeMissing'))
  else if (s.rpe > effort.high) why.push(msg('offRpeHigh', { rpe: s.rpe, low: effort.low, high: effort.high }))
  else why.push(msg('offRpe', { rpe: s.rpe }))
  return why
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

const fromTo = (c: Change): Record<string, AdviceParam> =>
  c.what === 'rest' ? { from: durationNotation(c.from), to: durationNotation(c.to), mode: c.mode } : { from: c.from, to: c.to }

/** `Rest 2m → 2m30s`, `Sets 6 → 5`; `Group N: rest …` when the plan has several groups. */
function describe(changes: readonly Change[], groups: number): AdviceText[] {
  return changes.map((c) => msg(c.what === 'rest' ? 'changeRest' : 'changeSets', { group: groups > 1 ? c.group + 1 : 0, ...fromTo(c) }))
}

/**
 * `Take more rest: 2m → 2m30s walk.`, `Add a set: 5 → 6.`; with both kinds of change,
 * `Take more rest and do fewer sets: rest …, sets ….`
 */
function summarize(changes: readonly Change[], way: 'ease' | 'progress'): AdviceText {
  const kinds = new Set(changes.map((c) => c.what))
  const both = kinds.size > 1
  const parts = changes.map((c) => msg(c.what === 'rest' ? (both ? 'partRestBoth' : 'partRest') : both ? 'partSetsBoth' : 'partSets', fromTo(c)))
  const addedSets = changes.filter((c) => c.what === 'sets').length
  const kind = both ? 'Both' : kinds.has('rest') ? 'Rest' : 'Sets'
  return msg(`summary${way === 'ease' ? 'Ease' : 'Progress'}${kind}`, { sets: addedSets, parts: { list: parts, join: 'comma' } })
}
