import type { BackupInfo } from '../../../../shared/domain'

export const KIND_LABEL: Record<BackupInfo['kind'], string> = {
  daily: 'Daily',
  'pre-migration': 'Before an update',
  'before-restore': 'Before a restore',
  manual: 'Made by you',
  other: 'Other'
}

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

export function backupDate(b: BackupInfo): string {
  return when.format(new Date(b.createdAt))
}

export function megabytes(bytes: number): string {
  return bytes < 1e6 ? `${Math.max(1, Math.round(bytes / 1e3))} kB` : `${(bytes / 1e6).toFixed(1)} MB`
}
