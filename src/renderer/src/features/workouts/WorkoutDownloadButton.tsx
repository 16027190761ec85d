import { wordError } from '../../../../shared/i18n/message'
import { useState } from 'react'
import { todayLocal } from '../../../../shared/dates'
import { formatNotation } from '../../../../shared/notation'
import { api } from '../../api'
import { useToast } from '../../components/Toast'
import { useT } from '../../i18n'
import { download } from '../data/upload'

/**
 * Download as watch workout (.fit): the protocol's plan as progressed (the plan the next-session card suggests) as a
 * FIT workout file. Web mode downloads it; the desktop app asks where to save it. A message names the file.
 */
export function WorkoutDownloadButton({ protocolId, protocolName, className }: { protocolId: number; protocolName?: string; className?: string }) {
  const { t } = useT('workouts')
  const toast = useToast()
  const [busy, setBusy] = useState(false)

  async function run() {
    setBusy(true)
    const r = await api.workouts.export({ protocolId, today: todayLocal() })
    setBusy(false)
    if (!r.ok) return toast.show(wordError(r.error), { kind: 'error' })
    if (r.value === null) return // the save dialog was cancelled
    const plan = formatNotation(r.value.plan)
    if (r.value.downloadUrl) {
      download(r.value.downloadUrl, r.value.fileName)
      toast.show(t('downloaded', { file: r.value.fileName, plan }))
    } else {
      toast.show(t('saved', { file: r.value.fileName, path: r.value.path ?? r.value.fileName, plan }))
    }
  }

  return (
    <button
      type="button"
      className={className}
      onClick={() => void run()}
      disabled={busy}
      aria-busy={busy}
      title={t('hint')}
      {...(protocolName ? { 'aria-label': t('downloadNamed', { name: protocolName }) } : {})}
    >
      {t('download')}
    </button>
  )
}
