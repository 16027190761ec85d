import { useEffect, useState } from 'react'
import type { AppInfo, BackupInfo } from '../../../../shared/domain'
import { api } from '../../api'
import { useLoad, valueOr } from '../../api/useLoad'
import { BackupTable } from './BackupTable'
import { backupDate } from './backupText'
import './backups.css'
import { ErrorText } from '../../components/ErrorText'
import { tr, useT } from '../../i18n'
import { rich } from '../../i18n/rich'
import { wordError } from '../../../../shared/i18n/message'

/** The kinds of failure the recovery screen explains in a sentence of its own. */
const KNOWN = new Set(['too_new', 'not_a_database', 'corrupt', 'foreign', 'migration_failed', 'unreadable', 'empty', 'is_folder', 'read_only', 'locked', 'disk_full'])
const whatIsWrong = (kind: string) => tr(KNOWN.has(kind) ? `backups:what_${kind}` : 'backups:what_unknown')

/** How often the screen asks again while another program holds the file. */
const RETRY_MS = 2000

/** Another program holds the file: Sprintlog tries again by itself, and at once on request. */
function LockedActions({ onOpened }: { onOpened: () => void }) {
  const { t } = useT('backups')
  const [note, setNote] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  async function retry(byHand: boolean) {
    setBusy(byHand)
    const r = await api.database.retry()
    setBusy(false)
    if (r.ok && r.value.ok) return onOpened()
    if (byHand) setNote(r.ok ? tr('backups:stillInUse') : wordError(r.error))
  }
  useEffect(() => {
    const timer = setInterval(() => void retry(false), RETRY_MS)
    return () => clearInterval(timer)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  return (
    <div className="recovery-actions">
      <p>{t('opensByItself')}</p>
      <button type="button" className="primary" disabled={busy} onClick={() => void retry(true)}>
        {t('tryAgain')}
      </button>
      {note && <p role="status">{note}</p>}
    </div>
  )
}

/** An empty file: start a new database in its place, after the runner confirms. */
function StartNewActions({ path, onOpened }: { path: string; onOpened: () => void }) {
  const { t } = useT('backups')
  const [asking, setAsking] = useState(false)
  const [error, setError] = useState<string | null>(null)
  async function start() {
    const r = await api.database.startNew({ confirm: true })
    if (!r.ok) return setError(wordError(r.error))
    if (!r.value.ok) return setError(wordError(r.value))
    onOpened()
  }
  return (
    <div className="recovery-actions">
      {asking ? (
        <div role="group" aria-label={t('startNewGroup')}>
          <p>{rich(t, 'startNewAsk', { path: <code>{path}</code> })}</p>
          <button type="button" className="danger" autoFocus onClick={() => void start()}>
            {t('startNewConfirm')}
          </button>{' '}
          <button type="button" onClick={() => setAsking(false)}>
            {t('cancel')}
          </button>
        </div>
      ) : (
        <button type="button" onClick={() => setAsking(true)}>
          {t('startNewButton')}
        </button>
      )}
      <ErrorText>{error}</ErrorText>
    </div>
  )
}

const listBackups = () => api.backups.list()

/** Shown instead of the app when its database cannot be opened: what is wrong, and the way back. */
export function RecoveryScreen({ info, onOpened }: { info: AppInfo; onOpened: () => void }) {
  const { t } = useT('backups')
  const list = useLoad(listBackups)
  const [done, setDone] = useState<string | null>(null)
  const [restoreError, setRestoreError] = useState<string | null>(null)
  const status = info.database.ok ? null : info.database
  const backups = valueOr(list, null)
  const error = restoreError ?? (list.state === 'error' ? list.message : null)

  async function restore(b: BackupInfo) {
    const r = await api.backups.restore({ name: b.name })
    if (!r.ok) return setRestoreError(wordError(r.error))
    setDone(r.value.keptAs ? t('restoredKept', { date: backupDate(b), keptAs: r.value.keptAs }) : t('restored', { date: backupDate(b) }))
  }

  return (
    <main className="recovery">
      <section className="card" aria-labelledby="recovery-heading">
        <h1 id="recovery-heading">{t('recoveryHeading')}</h1>
        {status && <p className="lead">{whatIsWrong(status.kind)}</p>}
        <p className="muted">
          <code>{info.databasePath}</code>
        </p>
        {status && <p>{wordError(status)}</p>}
        {status?.kind === 'locked' && <LockedActions onOpened={onOpened} />}
        {status?.kind === 'empty' && <StartNewActions path={info.databasePath} onOpened={onOpened} />}
        <p>
          <strong>{t('nothingChanged')}</strong>{' '}
          {rich(t, 'recoveryHelp', { web: <code>npm run start:web -- --db /path/to/file.db</code>, desktop: <code>SPRINTLOG_DB=/path/to/file.db npm start</code> })}
        </p>
        <ErrorText>{error}</ErrorText>
        {done ? (
          <div className="recovered" role="status">
            <p>{done}</p>
            <button type="button" className="primary" autoFocus onClick={() => window.location.reload()}>
              {t('openSprintlog')}
            </button>
          </div>
        ) : backups === null ? (
          <p className="empty">{t('lookingForBackups')}</p>
        ) : backups.length === 0 ? (
          <p className="empty">{t('noBackupsIn', { dir: info.backupDir })}</p>
        ) : (
          <>
            <h2>{t('heading')}</h2>
            <BackupTable
              backups={backups}
              highlightLatest
              onRestore={restore}
              confirmText={t('confirmRecovery')}
            />
          </>
        )}
      </section>
    </main>
  )
}
