/** Wording shared by the Blocks screen and the current-block card, in the runner's language. */
import type { BlockProgress } from '../../../shared/metrics/block'
import type { NextBlockStart } from '../../../shared/metrics/blockSummary'
import type { StartPlan } from '../../../shared/metrics/progression'
import type { Block } from '../../../shared/training'
import { formatDate } from '../i18n/format'
import { tr } from '../i18n/instance'

/** "Week 3 of 10", "Starts in 5 days", "Finished". */
export function weekLabel(p: BlockProgress): string {
  switch (p.status) {
    case 'active':
      return tr('components:weekOf', { week: p.week ?? 1, weeks: p.block.weeks })
    case 'upcoming':
      return p.startsInDays === 1 ? tr('components:startsTomorrow') : tr('components:startsIn', { days: p.startsInDays ?? 0 })
    case 'finished':
      return tr('components:statusFinished')
  }
}

/** A block's status in a word, read when shown (so it follows the language). */
export const STATUS_LABEL: Readonly<Record<BlockProgress['status'], string>> = {
  get upcoming() {
    return tr('components:statusUpcoming')
  },
  get active() {
    return tr('components:statusActive')
  },
  get finished() {
    return tr('components:statusFinished')
  }
}

/** What a block without a protocol counts: every session. */
export const anyProtocol = (): string => tr('components:anyProtocol')

export function protocolLabel(p: BlockProgress): string {
  return p.block.protocolName ?? anyProtocol()
}

/** `2026-05-04 – 2026-07-12` as the language writes dates: `4 May 2026 – 12 Jul 2026`. */
export const dateRange = (from: string, to: string): string => tr('components:dateRange', { from: formatDate(from), to: formatDate(to) })

/** English only; screens use their catalogue's ICU plurals. */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`

/**
 * Where a next block's prefilled values come from: `Follows “Spring”: 10 weeks × 3 a week of HIIT 4×4, from
 * 13 Jul 2026, the day after it ended.` (or `from today, 20 Jul 2026: the day after it ended, 13 Jul 2026, is past.`)
 */
export function nextBlockNote(after: Pick<Block, 'name' | 'protocolName'>, next: NextBlockStart): string {
  const params = {
    name: after.name,
    weeks: next.weeks,
    perWeek: next.sessionsPerWeek,
    protocol: after.protocolName ?? tr('components:anyProtocolLower'),
    start: formatDate(next.startDate)
  }
  return next.startsOn === 'today'
    ? tr('components:followsToday', { ...params, dayAfter: formatDate(next.dayAfter) })
    : tr('components:followsNext', params)
}

/** `The sessions of HIIT 4×4 start from the plan of 10 Jul 2026:` (the plan itself follows, in the notation). */
export function carriedPlanLead(protocolName: string, carried: StartPlan): string {
  return carried.from === null
    ? tr('components:carriedOwn', { protocol: protocolName })
    : tr('components:carriedFrom', { protocol: protocolName, date: formatDate(carried.from) })
}
