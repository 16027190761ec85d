import type { BackupInfo } from '../../../../shared/domain'
import { formatDateTime, formatNumber } from '../../i18n/format'
import { tr } from '../../i18n/instance'

/** "Daily", "Before an update"… in the runner's language. */
export const kindLabel = (kind: BackupInfo['kind']): string => tr(`backups:kind_${kind}`)

/** When the backup was made, as the runner's language writes a date and time. */
export function backupDate(b: BackupInfo): string {
  return formatDateTime(b.createdAt)
}

export function megabytes(bytes: number): string {
  return bytes < 1e6 ? tr('backups:kilobytes', { size: formatNumber(Math.max(1, Math.round(bytes / 1e3))) }) : tr('backups:megabytes', { size: formatNumber(bytes / 1e6, 1, 1) })
}
