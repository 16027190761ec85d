/** Wording shared by the Blocks screen and the current-block card. */
import type { BlockProgress } from '../../../shared/metrics/block'

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
export function dateRange(p: BlockProgress): string {
  return `${p.block.startDate} – ${p.endDate}`
}

export function protocolLabel(p: BlockProgress): string {
  return p.block.protocolName ?? 'Any protocol'
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`
