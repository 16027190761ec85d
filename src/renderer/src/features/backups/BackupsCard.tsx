import { useState } from 'react'
import type { BackupInfo } from '../../../../shared/domain'
import { api } from '../../api'
import { useLoad, valueOr } from '../../api/useLoad'
import { useToast } from '../../components/Toast'
import { BackupTable } from './BackupTable'
import { backupDate } from './backupText'
import './backups.css'
import { ErrorText } from '../../components/ErrorText'
import { wordError } from '../../../../shared/i18n/message'

const listBackups = () => api.backups.list()
const appInfo = () => api.app.info()

/** Backups on the Data screen: what exists, back up now, restore (with undo). */
export function BackupsCard() {
  const toast = useToast()
  const list = useLoad(listBackups)
  const info = valueOr(useLoad(appInfo), null)
  const [busy, setBusy] = useState(false)
  const load = list.reload
  const backups = valueOr(list, null)
  const error = list.state === 'error' ? list.message : null

  async function backUpNow() {
    setBusy(true)
    const r = await api.backups.create()
    setBusy(false)
    if (!r.ok) return toast.show(wordError(r.error), { kind: 'error' })
    if (r.value === null) return
    toast.show(`Backed up ${r.value.sessions} sessions and ${r.value.weights} weights (${r.value.name}).`)
    load()
  }

  async function restore(b: BackupInfo, undoOf?: string) {
    const r = await api.backups.restore({ name: b.name })
    if (!r.ok) {
      toast.show(wordError(r.error), { kind: 'error' })
      return
    }
    load()
    const undoName = r.value.undoName
    toast.show(undoOf ? `Undone: your data is back as it was.` : `Restored the backup of ${backupDate(b)}.`, {
      ...(undoName && !undoOf
        ? {
            action: {
              label: 'Undo',
              run: async () => {
                const list = await api.backups.list()
                const undo = list.ok ? list.value.find((x) => x.name === undoName) : undefined
                if (undo) await restore(undo, b.name)
              }
            },
            ms: 20_000
          }
        : {})
    })
  }

  return (
    <section className="card backups-card" aria-labelledby="backups-heading">
      <header className="card-head">
        <h2 id="backups-heading">Backups</h2>
        <button type="button" onClick={() => void backUpNow()} disabled={busy}>
          {info?.transport === 'desktop' ? 'Back up now…' : 'Back up now'}
        </button>
      </header>
      <p className="muted">
        Sprintlog copies your data once a day when you use it (the last 7 days are kept) and before every update, and checks every copy.
        {info && (
          <>
            {' '}
            They are in <code>{info.backupDir}</code>.
          </>
        )}
      </p>
      <ErrorText>{error}</ErrorText>
      {backups === null ? (
        <p className="empty">Loading…</p>
      ) : backups.length === 0 ? (
        <p className="empty">No backups yet. The first one is made today.</p>
      ) : (
        <BackupTable
          backups={backups}
          onRestore={(b) => restore(b)}
          confirmText="Your current data is saved as a backup first, so you can undo this."
        />
      )}
    </section>
  )
}
