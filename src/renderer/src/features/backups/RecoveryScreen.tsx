import { useState } from 'react'
import type { AppInfo, BackupInfo } from '../../../../shared/domain'
import { api } from '../../api'
import { useLoad, valueOr } from '../../api/useLoad'
import { BackupTable } from './BackupTable'
import { backupDate } from './backupText'
import './backups.css'
import { ErrorText } from '../../components/ErrorText'

const WHAT: Record<string, string> = {
  too_new: 'It was written by a newer version of Sprintlog.',
  not_a_database: 'The file is not a Sprintlog database.',
  corrupt: 'The file is damaged.',
  foreign: 'The file belongs to another program.',
  migration_failed: 'Updating it to this version of Sprintlog failed.',
  unreadable: 'The file could not be read.'
}

const listBackups = () => api.backups.list()

/** Shown instead of the app when its database cannot be opened: what is wrong, and the way back. */
export function RecoveryScreen({ info }: { info: AppInfo }) {
  const list = useLoad(listBackups)
  const [done, setDone] = useState<string | null>(null)
  const [restoreError, setRestoreError] = useState<string | null>(null)
  const status = info.database.ok ? null : info.database
  const backups = valueOr(list, null)
  const error = restoreError ?? (list.state === 'error' ? list.message : null)

  async function restore(b: BackupInfo) {
    const r = await api.backups.restore({ name: b.name })
    if (!r.ok) return setRestoreError(r.error.message)
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
        {status && <p>{status.message}</p>}
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
