import type { Block } from '../../../shared/training'
import { ANY_PROTOCOL, plural } from './blockText'

/** A block's line under its name: protocol · dates · weeks × sessions a week (the dashboard's cards, the calendar). */
export function BlockMeta({ block, endDate }: { block: Pick<Block, 'protocolName' | 'startDate' | 'weeks' | 'sessionsPerWeek'>; endDate: string }) {
  return (
    <p className="block-meta">
      <span>{block.protocolName ?? ANY_PROTOCOL}</span>
      <span aria-hidden="true"> · </span>
      <span>
        {block.startDate} – {endDate}
      </span>
      <span aria-hidden="true"> · </span>
      <span>
        {plural(block.weeks, 'week')} × {block.sessionsPerWeek} a week
      </span>
    </p>
  )
}
