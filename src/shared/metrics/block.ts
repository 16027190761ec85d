import { addLocalDays, daysBetween, type LocalDate } from '../dates'
import { dateParam, english, type Msg } from '../i18n/message'
import type { Block } from '../training'

/** The last day of a block: start + weeks × 7 − 1. */
export function blockEnd(b: Pick<Block, 'startDate' | 'weeks'>): LocalDate {
  return addLocalDays(b.startDate, b.weeks * 7 - 1)
}

/**
 * Whether a session counts as one of a block's sessions (dates apart): a session of the block's protocol, or any
 * session when the block names no protocol. The block's figures (sessions done, work) count these sessions only.
 */
export function countsTowardBlock(block: Pick<Block, 'protocolId'>, sessionProtocolId: number | null): boolean {
  return block.protocolId === null || sessionProtocolId === block.protocolId
}

/** The first of `others` (other than `selfId`) whose dates overlap `draft`'s; undefined when it fits beside them. */
export function findOverlap<B extends Pick<Block, 'id' | 'startDate' | 'weeks'>>(
  draft: Pick<Block, 'startDate' | 'weeks'>,
  others: readonly B[],
  selfId: number | null
): B | undefined {
  const end = blockEnd(draft)
  return others.find((b) => b.id !== selfId && b.startDate <= end && blockEnd(b) >= draft.startDate)
}

/** The overlap rule's message, one wording for the form and the back end. */
export function overlapMsg(draft: Pick<Block, 'startDate' | 'weeks'>, other: Pick<Block, 'name' | 'startDate' | 'weeks'>): Msg {
  return { key: 'blockOverlap', params: { start: dateParam(draft.startDate), end: dateParam(blockEnd(draft)), name: other.name, otherStart: dateParam(other.startDate), otherEnd: dateParam(blockEnd(other)) } }
}

/** The same in English. */
export const overlapMessage = (draft: Pick<Block, 'startDate' | 'weeks'>, other: Pick<Block, 'name' | 'startDate' | 'weeks'>): string => english(overlapMsg(draft, other))

/** Week 1…N of a block that `date` falls in, counted from the block's start date; null outside the block. */
export function blockWeek(b: Pick<Block, 'startDate' | 'weeks'>, date: LocalDate): number | null {
  const d = daysBetween(b.startDate, date)
  if (d < 0 || d >= b.weeks * 7) return null
  return Math.floor(d / 7) + 1
}

/** First and last day of week `week` (1-based) of a block. */
export function blockWeekRange(b: Pick<Block, 'startDate'>, week: number): { from: LocalDate; to: LocalDate } {
  const from = addLocalDays(b.startDate, (week - 1) * 7)
  return { from, to: addLocalDays(from, 6) }
}

export interface BlockProgress {
  block: Block
  endDate: LocalDate
  /** 'upcoming' before the start, 'active' during it, 'finished' after the end. */
  status: 'upcoming' | 'active' | 'finished'
  /** The current week (1…weeks) while active; null otherwise. */
  week: number | null
  /** Days until the start, while upcoming. */
  startsInDays: number | null
  /** Sessions of the block's protocol (every session when the block has none) this week, against the plan. */
  sessionsThisWeek: number
  plannedThisWeek: number
  sessionsTotal: number
  plannedTotal: number
  /** Sessions of other protocols (and free-form ones) inside the block: shown apart, not counted against the plan. */
  otherThisWeek: number
  otherTotal: number
}

/** The dates of the sessions logged within a block: those that count against its plan, and the others. */
export interface BlockSessionDates {
  /** Sessions of the block's protocol; every session when the block has no protocol. */
  own: readonly LocalDate[]
  /** Sessions of any other protocol, and free-form sessions, when the block has a protocol. */
  other: readonly LocalDate[]
}

/** The dates of the sessions dated inside a block, split by `countsTowardBlock` (sessions in date order). */
export function blockSessionDates(block: Pick<Block, 'protocolId'>, sessions: readonly { date: LocalDate; protocolId: number | null }[]): BlockSessionDates {
  const own: LocalDate[] = []
  const other: LocalDate[] = []
  for (const s of sessions) (countsTowardBlock(block, s.protocolId) ? own : other).push(s.date)
  return { own, other }
}

/**
 * Where `today` stands in a block. "Sessions done" counts the sessions of the block's protocol (all sessions when
 * the block has no protocol); the other sessions inside it are counted apart.
 */
export function blockProgress(block: Block, dates: BlockSessionDates, today: LocalDate): BlockProgress {
  const endDate = blockEnd(block)
  const week = blockWeek(block, today)
  const status = today < block.startDate ? 'upcoming' : today > endDate ? 'finished' : 'active'
  const count = (list: readonly LocalDate[]) => {
    let total = 0
    let thisWeek = 0
    for (const d of list) {
      const w = blockWeek(block, d)
      if (w === null) continue
      total++
      if (week !== null && w === week) thisWeek++
    }
    return { total, thisWeek }
  }
  const own = count(dates.own)
  const other = count(dates.other)
  const sessionsTotal = own.total
  const sessionsThisWeek = own.thisWeek
  return {
    block,
    endDate,
    status,
    week,
    startsInDays: status === 'upcoming' ? daysBetween(today, block.startDate) : null,
    sessionsThisWeek,
    plannedThisWeek: week === null ? 0 : block.sessionsPerWeek,
    sessionsTotal,
    plannedTotal: block.weeks * block.sessionsPerWeek,
    otherThisWeek: other.thisWeek,
    otherTotal: other.total
  }
}
