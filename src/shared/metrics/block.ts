import { addLocalDays, daysBetween, type LocalDate } from '../dates'
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
export function overlapMessage(draft: Pick<Block, 'startDate' | 'weeks'>, other: Pick<Block, 'name' | 'startDate' | 'weeks'>): string {
  return `This block (${draft.startDate} to ${blockEnd(draft)}) overlaps “${other.name}” (${other.startDate} to ${blockEnd(other)}). Blocks may not overlap.`
}

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
  sessionsThisWeek: number
  plannedThisWeek: number
  sessionsTotal: number
  plannedTotal: number
}

/** Where `today` stands in a block, from the dates of the sessions logged within it. */
export function blockProgress(block: Block, sessionDates: readonly LocalDate[], today: LocalDate): BlockProgress {
  const endDate = blockEnd(block)
  const week = blockWeek(block, today)
  const status = today < block.startDate ? 'upcoming' : today > endDate ? 'finished' : 'active'
  let sessionsTotal = 0
  let sessionsThisWeek = 0
  for (const d of sessionDates) {
    const w = blockWeek(block, d)
    if (w === null) continue
    sessionsTotal++
    if (week !== null && w === week) sessionsThisWeek++
  }
  return {
    block,
    endDate,
    status,
    week,
    startsInDays: status === 'upcoming' ? daysBetween(today, block.startDate) : null,
    sessionsThisWeek,
    plannedThisWeek: week === null ? 0 : block.sessionsPerWeek,
    sessionsTotal,
    plannedTotal: block.weeks * block.sessionsPerWeek
  }
}
