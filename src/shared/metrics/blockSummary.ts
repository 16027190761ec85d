/**
 * The end of a training block: what it came to (sessions done against the plan, work time, how the plan of its
 * protocol changed from its first session to its last), which finished block the dashboard marks on a given day,
 * and where the next block starts.
 */
import { addLocalDays, type LocalDate } from '../dates'
import { durationNotation } from '../duration'
import { formatNotation } from '../notation'
import type { Block, RepeatGroup } from '../training'
import { blockEnd, blockWeek, countsTowardBlock, findOverlap } from './block'
import type { AdviceText, StartPlan } from './progression'

/** A session as the summary reads it: the figures stored with it when it was saved. */
export interface BlockSession {
  date: LocalDate
  protocolId: number | null
  /** The session's stored work time (metrics/session.ts `workSeconds`), in seconds. */
  workSeconds: number
  /** The plan the session was run from; null for a free-form session. */
  plan: readonly RepeatGroup[] | null
}

/** How the plan of the block's protocol changed: the plan of its first session in the block against its last one's. */
export interface PlanChange {
  from: RepeatGroup[]
  to: RepeatGroup[]
  fromDate: LocalDate
  toDate: LocalDate
  /** `+1 set`, `rest 3m → 2m30s`, …; empty when the plan stayed the same. */
  changes: string[]
  /** The same changes as messages of the `advice` namespace, for the renderer to word in the runner's language. */
  texts: AdviceText[]
}

export interface BlockSummary {
  block: Block
  endDate: LocalDate
  /** Sessions of the block's protocol (every session when it names none) dated inside the block. */
  sessionsDone: number
  /** Weeks × sessions per week. */
  sessionsPlanned: number
  /** The stored work time of those sessions, in seconds. */
  workSeconds: number
  /** Null when the block names no protocol, or no session of it in the block saved a plan. */
  plan: PlanChange | null
}

/** What a block came to, from the sessions dated inside it (others are ignored), in any order. */
export function blockSummary(block: Block, sessions: readonly BlockSession[]): BlockSummary {
  let sessionsDone = 0
  let workSeconds = 0
  let first: BlockSession | null = null
  let last: BlockSession | null = null
  for (const s of sessions) {
    if (blockWeek(block, s.date) === null || !countsTowardBlock(block, s.protocolId)) continue
    sessionsDone++
    workSeconds += s.workSeconds
    if (block.protocolId === null || s.plan === null || s.plan.length === 0) continue
    // On one day, the first listed is the first session and the last listed the last.
    if (first === null || s.date < first.date) first = s
    if (last === null || s.date >= last.date) last = s
  }
  const plan =
    first?.plan && last?.plan
      ? { from: copy(first.plan), to: copy(last.plan), fromDate: first.date, toDate: last.date, changes: planChanges(first.plan, last.plan), texts: planChangeTexts(first.plan, last.plan) }
      : null
  return { block, endDate: blockEnd(block), sessionsDone, sessionsPlanned: block.weeks * block.sessionsPerWeek, workSeconds, plan }
}

const copy = (plan: readonly RepeatGroup[]): RepeatGroup[] => plan.map((g) => ({ ...g }))

const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

const work = (g: RepeatGroup): string => (g.workSeconds !== null ? durationNotation(g.workSeconds) : g.workMeters !== null ? `${g.workMeters} m` : 'untimed')

const intensity = (g: RepeatGroup): string => (g.intensity === 'custom' ? (g.intensityPct === null ? 'custom' : `${g.intensityPct} %`) : (g.intensity ?? 'none given'))

const terrain = (g: RepeatGroup): string => (g.hill ? 'uphill' : g.inclinePct !== null ? `incline ${g.inclinePct} %` : 'flat')

const rest = (g: RepeatGroup): string => (g.recoverySeconds === null ? 'untimed' : durationNotation(g.recoverySeconds))

/** The changes within one repeat group, in the order a runner reads a plan: sets, work, intensity, terrain, rest. */
function groupChanges(a: RepeatGroup, b: RepeatGroup): string[] {
  const out: string[] = []
  const sets = b.count - a.count
  if (sets !== 0) out.push(`${sets > 0 ? '+' : '−'}${count(Math.abs(sets), 'set')}`)
  if (work(a) !== work(b)) out.push(`work ${work(a)} → ${work(b)}`)
  if (intensity(a) !== intensity(b)) out.push(`intensity ${intensity(a)} → ${intensity(b)}`)
  if (terrain(a) !== terrain(b)) out.push(`${terrain(a)} → ${terrain(b)}`)
  if (a.recoveryMode !== b.recoveryMode) out.push(`rest ${rest(a)} ${a.recoveryMode} → ${rest(b)} ${b.recoveryMode}`)
  else if (rest(a) !== rest(b)) out.push(`rest ${rest(a)} → ${rest(b)}`)
  return out
}

/**
 * How plan `to` differs from plan `from`: `+1 set`, `−2 sets`, `rest 3m → 2m30s`, `rest 2m walk → 2m jog`,
 * `work 20s → 25s`, `intensity near-max → max`; prefixed `group 2:` when the plans have several groups; the two plans
 * in the notation when the number of groups changed; empty when they are the same.
 */
export function planChanges(from: readonly RepeatGroup[], to: readonly RepeatGroup[]): string[] {
  if (from.length !== to.length) return [`plan ${formatNotation(from)} → ${formatNotation(to)}`]
  return from.flatMap((a, i) => {
    const b = to[i] as RepeatGroup
    const changes = groupChanges(a, b)
    return from.length > 1 ? changes.map((c) => `group ${i + 1}: ${c}`) : changes
  })
}

const m = (key: string, params?: AdviceText['params']): AdviceText => (params ? { key, params } : { key })

const workText = (g: RepeatGroup): AdviceText | string =>
  g.workSeconds !== null ? durationNotation(g.workSeconds) : g.workMeters !== null ? `${g.workMeters} m` : m('pvUntimed')

const intensityText = (g: RepeatGroup): AdviceText | string => {
  if (g.intensity === 'custom') return g.intensityPct === null ? m('pvCustom') : `${g.intensityPct} %`
  if (g.intensity === null) return m('pvNone')
  return m('pvIntensity', { level: g.intensity === 'near-max' ? 'nearmax' : g.intensity })
}

const terrainText = (g: RepeatGroup): AdviceText => (g.hill ? m('pvUphill') : g.inclinePct !== null ? m('pvIncline', { pct: g.inclinePct }) : m('pvFlat'))

const restText = (g: RepeatGroup): AdviceText | string => (g.recoverySeconds === null ? m('pvUntimed') : durationNotation(g.recoverySeconds))

const modeOf = (g: RepeatGroup): string => (g.recoveryMode === 'walk-down' ? 'walkdown' : g.recoveryMode)

/** `planChanges` as messages (keys `pc…`, values `pv…`), in the same order and on the same rules. */
export function planChangeTexts(from: readonly RepeatGroup[], to: readonly RepeatGroup[]): AdviceText[] {
  if (from.length !== to.length) return [m('pcPlan', { from: formatNotation(from), to: formatNotation(to) })]
  return from.flatMap((a, i) => {
    const b = to[i] as RepeatGroup
    const out: AdviceText[] = []
    const sets = b.count - a.count
    if (sets !== 0) out.push(m('pcSets', { sign: sets > 0 ? '+' : '−', count: Math.abs(sets) }))
    if (work(a) !== work(b)) out.push(m('pcWork', { from: workText(a), to: workText(b) }))
    if (intensity(a) !== intensity(b)) out.push(m('pcIntensity', { from: intensityText(a), to: intensityText(b) }))
    if (terrain(a) !== terrain(b)) out.push(m('pcTerrain', { from: terrainText(a), to: terrainText(b) }))
    if (a.recoveryMode !== b.recoveryMode) out.push(m('pcRestMode', { from: restText(a), fromMode: modeOf(a), to: restText(b), toMode: modeOf(b) }))
    else if (rest(a) !== rest(b)) out.push(m('pcRest', { from: restText(a), to: restText(b) }))
    return from.length > 1 ? out.map((change) => m('pcGroup', { group: i + 1, change })) : out
  })
}

/** `+1 set on HIIT 4×4`, `+1 set, rest 3m → 2m30s on HIIT 4×4`, `same plan on HIIT 4×4`. */
export function planChangeText(plan: PlanChange, protocolName: string | null): string {
  const on = protocolName ?? 'the block’s protocol'
  return `${plan.changes.length === 0 ? 'same plan' : plan.changes.join(', ')} on ${on}`
}

/** Whole minutes of work, as the summary shows them. */
export const workMinutes = (seconds: number): number => Math.round(seconds / 60)

/** `16 of 30 sessions, 266 min of work, +1 set on HIIT 4×4` (the plan part only when there is one). */
export function blockSummaryText(s: BlockSummary): string {
  const parts = [`${s.sessionsDone} of ${count(s.sessionsPlanned, 'session')}`, `${workMinutes(s.workSeconds)} min of work`]
  if (s.plan) parts.push(planChangeText(s.plan, s.block.protocolName))
  return parts.join(', ')
}

/**
 * The finished block to mark on `today`: the one that ended last before today, as long as no block is running
 * today (a block that starts after it ends takes over on its first day); null when there is none.
 */
export function finishedBlockOn(blocks: readonly Block[], today: LocalDate): Block | null {
  let latest: Block | null = null
  for (const b of blocks) {
    const end = blockEnd(b)
    if (end < today && (latest === null || end > blockEnd(latest))) latest = b
  }
  if (latest === null) return null
  const since = blockEnd(latest)
  return blocks.some((b) => b !== latest && b.startDate > since && b.startDate <= today) ? null : latest
}

/** A block planned to follow another: its dates, length and protocol; the runner names it. */
export interface NextBlockStart {
  startDate: LocalDate
  weeks: number
  sessionsPerWeek: number
  protocolId: number | null
  /** `day-after`: the day after the finished block's end; `today`: that day is past, so today. */
  startsOn: 'day-after' | 'today'
  /** The day after the finished block's end. */
  dayAfter: LocalDate
}

/**
 * The block after `block`: the same weeks, sessions per week and protocol, starting the day after it ends, or today
 * when that day is past and a block from today would overlap none of `others`.
 */
export function nextBlockStart(block: Block, others: readonly Block[], today: LocalDate): NextBlockStart {
  const dayAfter = addLocalDays(blockEnd(block), 1)
  const same = { weeks: block.weeks, sessionsPerWeek: block.sessionsPerWeek, protocolId: block.protocolId, dayAfter }
  if (dayAfter < today && !findOverlap({ startDate: today, weeks: block.weeks }, others, null)) {
    return { ...same, startDate: today, startsOn: 'today' }
  }
  return { ...same, startDate: dayAfter, startsOn: 'day-after' }
}

/** `blocks/finished`: the block the dashboard marks as just finished, what it came to, and what follows. */
export interface FinishedBlock {
  summary: BlockSummary
  /** The prefill of "Plan the next block". */
  next: NextBlockStart
  /** A block already planned after it (it starts after today); null when there is none. */
  upcoming: Block | null
  /** The plan the block's protocol starts from next time (`carriedPlan`); null when the block names no protocol. */
  carried: StartPlan | null
}
