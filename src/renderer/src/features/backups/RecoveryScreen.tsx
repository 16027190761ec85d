import { useEffect, useState } from 'react'
import type { AppInfo, BackupInfo } from '../../../../shared/domain'
import { api } from '../../api'
import { useLoad, valueOr } from '../../api/useLoad'
import { BackupTable } from './BackupTable'
import { backupDate } from './backupText'
import './backups.css'
import { ErrorText } from '../../components/ErrorText'
import { wordError } from '../../../../shared/i18n/message'

const WHAT: Record<string, string> = {
  too_new: 'It was written by a newer version of Sprintlog.',
  not_a_database: 'The file is not a Sprintlog database.',
  corrupt: 'The file is damaged.',
  foreign: 'The file belongs to another program.',
  migration_failed: 'Updating it to this version of Sprintlog failed.',
  unreadable: 'The file could not be read.',
  empty: 'The file is empty.',
  is_folder: 'There is a folder where the file should be.',
  read_only: 'The file cannot be written to.',
  locked: 'Another program is using the file.',
  disk_full: 'The disk is full.'
}

/** How often the screen asks again while another program holds the file. */
const RETRY_MS = 2000

/** Another program holds the file: Sprintlog tries again by itself, and at once on request. */
function LockedActions({ onOpened }: { onOpened: () => void }) {
  const [note, setNote] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  async function retry(byHand: boolean) {
    setBusy(byHand)
    const r = await api.database.retry()
    setBusy(false)
    if (r.ok && r.value.ok) return onOpened()
    if (byHand) setNote(r.ok ? 'The file is still in use. Sprintlog keeps trying by itself.' : wordError(r.error))
  }
  useEffect(() => {
    const t = setInterval(() => void retry(false), RETRY_MS)
    return () => clearInterval(t)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  return (
    <div className="recovery-actions">
      <p>Sprintlog opens the file by itself as soon as the other program lets go of it.</p>
      <button type="button" className="primary" disabled={busy} onClick={() => void retry(true)}>
        Try again
      </button>
      {note && <p role="status">{note}</p>}
    </div>
  )
}

/** An empty file: start a new database in its place, after the runner confirms. */
function StartNewActions({ path, onOpened }: { path: string; onOpened: () => void }) {
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
        <div role="group" aria-label="Start a new database">
          <p>
            Start a new, empty database at <code>{path}</code>? The empty file is replaced; your backups stay where they are, and you can still
            restore one later.
          </p>
          <button type="button" className="danger" autoFocus onClick={() => void start()}>
            Start the new database
          </button>{' '}
          <button type="button" onClick={() => setAsking(false)}>
            Cancel
          </button>
        </div>
      ) : (
        <button type="button" onClick={() => setAsking(true)}>
          Start a new, empty database…
        </button>
      )}
      <ErrorText>{error}</ErrorText>
    </div>
  )
}

const listBackups = () => api.backups.list()

/** Shown instead of the app when its database cannot be opened: what is wrong, and the way back. */
export function RecoveryScreen({ info, onOpened }: { info: AppInfo; onOpened: () => void }) {
  const list = useLoad(listBackups)
  const [done, setDone] = useState<string | null>(null)
  const [restoreError, setRestoreError] = useState<string | null>(null)
  const status = info.database.ok ? null : info.database
  const backups = valueOr(list, null)
  const error = restoreError ?? (list.state === 'error' ? list.message : null)

  async function restore(b: BackupInfo) {
    const r = await api.backups.restore({ name: b.name })
    if (!r.ok) return setRestoreError(wordError(r.error))
    setDone(`Restored the backup of ${backupDate(b)}.${r.value.keptAs ? ` The file that could not be opened was kept, unchanged, as ${r.value.keptAs}.` : ''}`)
  }

  return (
    <main className="recovery">
      <section className="card" aria-labelledby="recovery-heading">
        <h1 id="recovery-heading">Sprintlog can’t open your data</h1>
        {status && <p className="lead">{WHAT[status.kind] ?? 'The database cannot be opened.'}</p>}
        <p className="muted">
          <code>{info.databasePath}</code>
        </p>
        {status && <p>{wordError(status)}</p>}
        {status?.kind === 'locked' && <LockedActions onOpened={onOpened} />}
        {status?.kind === 'empty' && <StartNewActions path={info.databasePath} onOpened={onOpened} />}
        <p>
          <strong>Nothing has been changed or deleted.</strong> You can put a backup in its place (the file above is kept as it is, under a new
          name), or start Sprintlog with another file: <code>npm run start:web -- --db /path/to/file.db</code>, or <code>SPRINTLOG_DB=/path/to/file.db npm start</code>{' '}
          for the desktop app.
        </p>
        <ErrorText>{error}</ErrorText>
        {done ? (
          <div className="recovered" role="status">
            <p>{done}</p>
            <button type="button" className="primary" autoFocus onClick={() => window.location.reload()}>
              Open Sprintlog
            </button>
          </div>
        ) : backups === null ? (
          <p className="empty">Looking for backups…</p>
        ) : backups.length === 0 ? (
          <p className="empty">There are no backups in {info.backupDir}.</p>
        ) : (
          <>
            <h2>Backups</h2>
            <BackupTable
              backups={backups}
              highlightLatest
              onRestore={restore}
              confirmText="The file that cannot be opened is kept, unchanged, beside it."
            />
          </>
        )}
      </section>
    </main>
  )
}
