import { useState } from 'react'
import type { BackupInfo } from '../../../../shared/domain'
import { api } from '../../api'
import { useLoad, valueOr } from '../../api/useLoad'
import { useToast } from '../../components/Toast'
import { BackupTable } from './BackupTable'
import { backupDate } from './backupText'
import './backups.css'
import { ErrorText } from '../../components/ErrorText'
import { useT } from '../../i18n'
import { rich } from '../../i18n/rich'
import { wordError } from '../../../../shared/i18n/message'

const listBackups = () => api.backups.list()
const appInfo = () => api.app.info()

/** Backups on the Data screen: what exists, back up now, restore (with undo). */
export function BackupsCard() {
  const { t } = useT('backups')
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
    toast.show(t('backedUp', { sessions: r.value.sessions, weights: r.value.weights, name: r.value.name }))
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
    toast.show(undoOf ? t('undone') : t('restored', { date: backupDate(b) }), {
      ...(undoName && !undoOf
        ? {
            action: {
              label: t('undo'),
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
        <h2 id="backups-heading">{t('heading')}</h2>
        <button type="button" onClick={() => void backUpNow()} disabled={busy}>
          {info?.transport === 'desktop' ? t('backUpNowDesktop') : t('backUpNowWeb')}
        </button>
      </header>
      <p className="muted">
        {t('about')}
        {info && (
          <>
            {' '}
            {rich(t, 'where', { dir: <code>{info.backupDir}</code> })}
          </>
        )}
      </p>
      <ErrorText>{error}</ErrorText>
      {backups === null ? (
        <p className="empty">{t('loading')}</p>
      ) : backups.length === 0 ? (
        <p className="empty">{t('empty')}</p>
      ) : (
        <BackupTable
          backups={backups}
          onRestore={(b) => restore(b)}
          confirmText={t('confirmCard')}
        />
      )}
    </section>
  )
}
