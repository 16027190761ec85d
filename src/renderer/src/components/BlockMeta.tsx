import type { Block } from '../../../shared/training'
import { formatDate, useT } from '../i18n'

/** A block's line under its name: protocol · dates · weeks × sessions a week (the dashboard's cards, the calendar). */
export function BlockMeta({ block, endDate }: { block: Pick<Block, 'protocolName' | 'startDate' | 'weeks' | 'sessionsPerWeek'>; endDate: string }) {
  const { t } = useT('components')
  return (
    <p className="block-meta">
      <span>{block.protocolName ?? t('anyProtocol')}</span>
      <span aria-hidden="true"> · </span>
      <span>{t('dateRange', { from: formatDate(block.startDate), to: formatDate(endDate) })}</span>
      <span aria-hidden="true"> · </span>
      <span>{t('weeksPerWeek', { weeks: block.weeks, perWeek: block.sessionsPerWeek })}</span>
    </p>
  )
}
