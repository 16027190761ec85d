/** Wording shared by the Blocks screen and the current-block card. */
import type { BlockProgress } from '../../../shared/metrics/block'
import type { NextBlockStart } from '../../../shared/metrics/blockSummary'
import type { StartPlan } from '../../../shared/metrics/progression'
import type { Block } from '../../../shared/training'

/** "Week 3 of 10", "Starts in 5 days", "Finished". */
export function weekLabel(p: BlockProgress): string {
  switch (p.status) {
    case 'active':
      return `Week ${p.week ?? 1} of ${p.block.weeks}`
    case 'upcoming':
      return p.startsInDays === 1 ? 'Starts tomorrow' : `Starts in ${p.startsInDays ?? 0} days`
    case 'finished':
      return 'Finished'
  }
}

export const STATUS_LABEL: Record<BlockProgress['status'], string> = {
  upcoming: 'Upcoming',
  active: 'Active',
  finished: 'Finished'
}

/** `2026-05-04 – 2026-07-12` */
/** What a block without a protocol counts: every session. */
export const ANY_PROTOCOL = 'Any protocol'

export function protocolLabel(p: BlockProgress): string {
  return p.block.protocolName ?? ANY_PROTOCOL
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`

/**
 * Where a next block's prefilled values come from: `Follows “Spring”: 10 weeks × 3 a week of HIIT 4×4, from
 * 2026-07-13, the day after it ended.` (or `from today, 2026-07-20: the day after it ended, 2026-07-13, is past.`)
 */
export function nextBlockNote(after: Pick<Block, 'name' | 'protocolName'>, next: NextBlockStart): string {
  const what = `${plural(next.weeks, 'week')} × ${next.sessionsPerWeek} a week of ${after.protocolName ?? 'any protocol'}`
  const when =
    next.startsOn === 'today'
      ? `from today, ${next.startDate}: the day after it ended, ${next.dayAfter}, is past.`
      : `from ${next.startDate}, the day after it ended.`
  return `Follows “${after.name}”: ${what}, ${when}`
}

/** `The sessions of HIIT 4×4 start from the plan of 2026-07-10:` (the plan itself follows, in the notation). */
export function carriedPlanLead(protocolName: string, carried: StartPlan): string {
  return `The sessions of ${protocolName} start from ${carried.from === null ? 'the protocol’s own plan' : `the plan of ${carried.from}`}:`
}
