import type { Block } from '../../../shared/training'
import { formatDate, useT } from '../i18n'
import { protocolNameOf } from '../i18n/builtins'

/** A block's line under its name: protocol · dates · weeks × sessions a week (the dashboard's cards, the calendar). */
export function BlockMeta({ block, endDate }: { block: Pick<Block, 'protocolName' | 'startDate' | 'weeks' | 'sessionsPerWeek'> & { protocolUuid?: string | null | undefined }; endDate: string }) {
  const { t } = useT('components')
  return (
    <p className="block-meta">
      <span>{protocolNameOf(block.protocolUuid, block.protocolName) ?? t('anyProtocol')}</span>
      <span aria-hidden="true"> · </span>
      <span>{t('dateRange', { from: formatDate(block.startDate), to: formatDate(endDate) })}</span>
      <span aria-hidden="true"> · </span>
      <span>{t('weeksPerWeek', { weeks: block.weeks, perWeek: block.sessionsPerWeek })}</span>
    </p>
  )
}
