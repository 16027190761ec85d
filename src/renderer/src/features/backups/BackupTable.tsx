import { useState } from 'react'
import type { BackupInfo } from '../../../../shared/domain'
import { backupDate, kindLabel, megabytes } from './backupText'
import { useT } from '../../i18n'
import { TableHead } from '../../components/TableHead'
import { word } from '../../../../shared/i18n/message'

const BACKUP_COLUMNS = [{ label: 'colMade' }, { label: 'colKind' }, { label: 'colSize', num: true }, { label: 'colSessions', num: true }, { label: 'colWeights', num: true }, { label: 'colActions', hidden: true }]

interface Props {
  backups: BackupInfo[]
  /** Restores a backup; resolves when done. */
  onRestore(b: BackupInfo): Promise<void>
  confirmText: string
  /** Marks the newest good backup (recovery screen). */
  highlightLatest?: boolean
}

/** The backups, newest first, each restorable after an inline confirmation. */
export function BackupTable({ backups, onRestore, confirmText, highlightLatest }: Props) {
  const { t } = useT('backups')
  const [confirming, setConfirming] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const latestGood = backups.find((b) => b.ok)?.name
  return (
    <table className="entries backups">
      <TableHead columns={BACKUP_COLUMNS.map((c) => ({ ...c, label: t(c.label) }))} />
      <tbody>
        {backups.map((b) =>
          confirming === b.name ? (
            <tr key={b.name} className="confirm-row">
              <td colSpan={5}>
                <strong>{t('confirmRestore', { date: backupDate(b) })}</strong> {confirmText}
              </td>
              <td className="row-actions">
                <button
                  type="button"
                  className="primary"
                  disabled={busy}
                  autoFocus
                  onClick={async () => {
                    setBusy(true)
                    await onRestore(b)
                    setBusy(false)
                    setConfirming(null)
                  }}
                >
                  {t('restore')}
                </button>
                <button type="button" onClick={() => setConfirming(null)} onKeyDown={(e) => e.key === 'Escape' && setConfirming(null)}>
                  {t('cancel')}
                </button>
              </td>
            </tr>
          ) : (
            <tr key={b.name} data-backup={b.name}>
              <td>
                {backupDate(b)}
                {highlightLatest && b.name === latestGood && <span className="tag good">{t('latestGood')}</span>}
                {!b.ok && <div className="error">{b.problemMsg ? word(b.problemMsg) : b.problem}</div>}
              </td>
              <td>{kindLabel(b.kind)}</td>
              <td className="num">{megabytes(b.sizeBytes)}</td>
              <td className="num">{b.ok ? b.sessions : '–'}</td>
              <td className="num">{b.ok ? b.weights : '–'}</td>
              <td className="row-actions">
                <button type="button" disabled={!b.ok} onClick={() => setConfirming(b.name)} aria-label={t('restoreLabel', { date: backupDate(b) })}>
                  {t('restoreButton')}
                </button>
              </td>
            </tr>
          )
        )}
      </tbody>
    </table>
  )
}
