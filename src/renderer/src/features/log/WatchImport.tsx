/**
 * Importing watch files on Log session: the file control (the native open dialog in the desktop app), files dropped
 * on the window, and a queue of the files read. Each activity fills the log form (watchForm.ts) for the runner to
 * check and save, which attaches the file; a file logged already, a bad file or a weight-scale file says so here
 * and leaves the form as it was.
 */
import { type ChangeEvent, useCallback, useEffect, useId, useState } from 'react'
import type { Protocol } from '../../../../shared/training'
import { type DistanceUnit, KG_PER_LB, type WeightUnit } from '../../../../shared/units'
import { MAX_WATCH_FILE_BYTES, WATCH_ACCEPT, type WatchActivityReading, type WatchFile, watchProblemMessage } from '../../../../shared/watch'
import { api, isWebMode } from '../../api'
import { useToast } from '../../components/Toast'
import { formatDate, formatDateTime, formatNumber, useT } from '../../i18n'
import { protocolName } from '../../i18n/builtins'
import { href } from '../../router'
import type { SessionFormState } from './sessionForm'
import { takeDropped, WATCH_DROP_EVENT } from './watchDrop'
import { formFromReading } from './watchForm'
import './watch.css'

const timeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone

/** A file's bytes as base64 (through a data: URL, which the browser builds without a copy per byte in script). */
function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader()
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''))
    r.onerror = () => reject(r.error ?? new Error('read failed'))
    r.readAsDataURL(file)
  })
}

/** A file that never reached the back end (too large to send, or the back end did not answer). */
function unsent(fileName: string, size: number, problem: 'too_large' | 'unreadable', detail?: string): WatchFile {
  const params: Record<string, string> = detail ? { detail } : {}
  return { fileName, size, sha256: '', reading: null, alreadyLogged: null, error: { code: 'invalid_input', message: watchProblemMessage(fileName, problem, params), problem, params } }
}

async function readOne(file: File): Promise<WatchFile> {
  if (file.size > MAX_WATCH_FILE_BYTES) return unsent(file.name, file.size, 'too_large')
  try {
    const r = await api.watch.read({ fileName: file.name, data: await base64Of(file), timeZone: timeZone() })
    return r.ok ? r.value : unsent(file.name, file.size, 'unreadable', r.error.message)
  } catch (e) {
    return unsent(file.name, file.size, 'unreadable', e instanceof Error ? e.message : String(e))
  }
}

const usable = (protocols: Protocol[], id: number | null) => protocols.find((p) => p.id === id && !p.archived) ?? null

/** The queue of files read and the form the current one fills; LogPage gives the form to the session form. */
export function useWatchImport(protocols: Protocol[], unit: WeightUnit, distanceUnit: DistanceUnit) {
  const { t } = useT('watch')
  const [queue, setQueue] = useState<WatchFile[]>([])
  const [index, setIndex] = useState(0)
  const [reading, setReading] = useState(0)
  const [form, setForm] = useState<SessionFormState | null>(null)
  const [round, setRound] = useState(0)
  const [saved, setSaved] = useState(false)
  const [confirmed, setConfirmed] = useState(false)
  const [protocolId, setProtocolId] = useState<number | null>(null)

  const fill = useCallback(
    (f: WatchFile | undefined, chosen: number | null, confirm: boolean) => {
      const a = f?.reading?.kind === 'activity' && !f.alreadyLogged && (f.reading.running || confirm) ? f.reading : null
      setForm((before) => {
        if (!a || !f) return before === null ? before : null
        return formFromReading(f, a, a.running ? usable(protocols, chosen) : null, unit, (list) => t('avgHeartRateNote', { list }), distanceUnit)
      })
      setRound((r) => r + 1)
    },
    [protocols, unit, distanceUnit, t]
  )

  const show = useCallback(
    (files: WatchFile[], i: number) => {
      const f = files[i]
      const chosen = f?.reading?.kind === 'activity' && f.reading.running ? (usable(protocols, f.reading.match.protocolId)?.id ?? null) : null
      setIndex(i)
      setSaved(false)
      setConfirmed(false)
      setProtocolId(chosen)
      fill(f, chosen, false)
    },
    [fill, protocols]
  )

  const readFiles = useCallback(
    async (files: File[]) => {
      if (files.length === 0) return
      setReading(files.length)
      const out: WatchFile[] = []
      for (const file of files) out.push(await readOne(file))
      setReading(0)
      setQueue(out)
      show(out, 0)
    },
    [show]
  )

  const openNative = useCallback(async () => {
    const r = await api.watch.open({ timeZone: timeZone() })
    if (!r.ok) {
      setQueue([unsent(t('filesLabel'), 0, 'unreadable', r.error.message)])
      setIndex(0)
      return
    }
    if (r.value.files.length === 0) return
    setQueue(r.value.files)
    show(r.value.files, 0)
  }, [show, t])

  // Files dropped on the window (watchDrop.ts), now or before this screen opened: taken once the protocols are
  // there to match them with (a drop on another screen opens this one, which then loads them).
  const ready = protocols.length > 0
  useEffect(() => {
    if (!ready) return
    const take = () => void readFiles(takeDropped())
    take()
    window.addEventListener(WATCH_DROP_EVENT, take)
    return () => window.removeEventListener(WATCH_DROP_EVENT, take)
  }, [readFiles, ready])

  const current = queue[index]
  return {
    queue,
    index,
    current,
    reading,
    saved,
    confirmed,
    protocolId,
    protocols,
    unit,
    /** The form the current file fills; null leaves the log form as it started. */
    form,
    /** Changes whenever the form is filled again (the session form starts anew from `form`). */
    round,
    readFiles,
    openNative,
    next: () => show(queue, index + 1),
    close: () => {
      setQueue([])
      fill(undefined, null, false)
    },
    confirmNotRunning: () => {
      setConfirmed(true)
      fill(current, null, true)
    },
    chooseProtocol: (id: number | null) => {
      setProtocolId(id)
      fill(current, id, confirmed)
    },
    /** The session form saved a session from the current file. */
    onSaved: () => {
      setSaved(true)
      setForm(null)
    }
  }
}

export type WatchImportModel = ReturnType<typeof useWatchImport>

function ActivityPanel({ model, file, a }: { model: WatchImportModel; file: WatchFile; a: WatchActivityReading }) {
  const { t } = useT('watch')
  const selectId = useId()
  if (file.alreadyLogged) {
    return (
      <p className="watch-logged" role="status">
        {t('alreadyLogged', { file: file.fileName, date: formatDate(file.alreadyLogged.date) })}{' '}
        <a href={href({ name: 'session', id: file.alreadyLogged.sessionId })}>{t('openSession')}</a>
      </p>
    )
  }
  const sport = t(`sport_${a.sport}`, { defaultValue: a.sport })
  if (!a.running && !model.confirmed) {
    return (
      <div className="watch-confirm" role="alertdialog" aria-labelledby={`${selectId}-q`}>
        <p id={`${selectId}-q`}>{t('notRunning', { sport })}</p>
        <div className="watch-actions">
          <button type="button" className="primary" onClick={model.confirmNotRunning}>
            {t('importFreeForm')}
          </button>
        </div>
      </div>
    )
  }
  if (model.saved) return <p role="status">{t('savedFile', { file: file.fileName })}</p>
  const chosen = model.protocols.find((p) => p.id === model.protocolId) ?? null
  const matched = a.match.protocolId !== null && a.match.protocolId === model.protocolId
  // The reason names the protocol in the runner's language (a built-in protocol's name is stored in English).
  const picked = model.protocols.find((p) => p.id === a.match.protocolId)
  const reason = t(a.match.reason.key, { ...a.match.reason.params, ...(picked ? { protocol: protocolName(picked) } : {}), defaultValue: '' })
  return (
    <div className="watch-activity">
      <p role="status">
        {a.reps.length > 0 ? t('found', { count: a.reps.length, file: file.fileName, how: t(`detectedBy_${a.detectedBy}`) }) : t('foundNone', { file: file.fileName })}
      </p>
      {a.running && (
        <p className="muted" data-testid="watch-match">
          {matched || (!chosen && a.match.protocolId === null) ? reason : t('matchOther', { protocol: chosen ? protocolName(chosen) : t('freeForm') })}
        </p>
      )}
      {a.device && <p className="muted">{t('fromDevice', { device: a.device })}</p>}
      {a.running && (
        <label className="watch-protocol" htmlFor={selectId}>
          <span>{t('logAs')}</span>
          <select id={selectId} value={model.protocolId ?? ''} onChange={(e) => model.chooseProtocol(e.target.value === '' ? null : Number(e.target.value))}>
            <option value="">{t('freeForm')}</option>
            {model.protocols
              .filter((p) => !p.archived)
              .map((p) => (
                <option key={p.id} value={p.id}>
                  {protocolName(p)}
                </option>
              ))}
          </select>
        </label>
      )}
      <p className="muted">{t('checkAndSave')}</p>
    </div>
  )
}

function WeightsPanel({ model, file }: { model: WatchImportModel; file: WatchFile }) {
  const { t } = useT('watch')
  const toast = useToast()
  const [done, setDone] = useState<{ added: number; skipped: number; refused: number } | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  if (file.reading?.kind !== 'weights') return null
  const entries = file.reading.entries
  const weight = (kg: number) => (model.unit === 'lb' ? `${formatNumber(kg / KG_PER_LB, 1)} lb` : `${formatNumber(kg, 1)} kg`)
  const add = async () => {
    setBusy(true)
    const r = await api.watch.addWeights({ sha256: file.sha256 })
    setBusy(false)
    if (!r.ok) {
      setError(r.error.message)
      return
    }
    setDone(r.value)
    model.onSaved()
    const counts = t('weightsAdded', { added: r.value.added, skipped: r.value.skipped })
    toast.show(r.value.refused > 0 ? `${counts} ${t('weightsRefused', { refused: r.value.refused })}` : counts)
  }
  if (entries.length === 0) return <p role="status">{t('weightsNone', { file: file.fileName })}</p>
  return (
    <div className="watch-weights">
      <p>{t('weightsFound', { count: entries.length, file: file.fileName })}</p>
      <ul>
        {entries.map((e) => (
          <li key={`${e.measuredAt}:${e.kg}`}>{t('weightEntry', { time: formatDateTime(e.measuredAt), weight: weight(e.kg) })}</li>
        ))}
      </ul>
      {done ? (
        <p role="status">{t('weightsAdded', { added: done.added, skipped: done.skipped })}</p>
      ) : (
        <button type="button" className="primary" disabled={busy} onClick={() => void add()}>
          {t('addWeights', { count: entries.length })}
        </button>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}

/** The import control and what the current file of the queue says. */
export function WatchImport({ model }: { model: WatchImportModel }) {
  const { t } = useT('watch')
  const headId = useId()
  const { current, queue, index } = model
  const onFiles = (e: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(e.target.files ?? [])
    e.target.value = ''
    void model.readFiles(files)
  }
  const busy = model.reading > 0
  const picker = isWebMode ? (
    <label className={busy ? 'file-button disabled' : 'file-button'}>
      <input type="file" accept={WATCH_ACCEPT} multiple className="sr-only" disabled={busy} onChange={onFiles} />
      {t('importButton')}
    </label>
  ) : (
    <button type="button" onClick={() => void model.openNative()} disabled={busy}>
      {t('importButton')}
    </button>
  )
  return (
    <section className="watch-import" aria-labelledby={headId}>
      <h2 id={headId} className="sr-only">
        {t('filesLabel')}
      </h2>
      <div className="watch-bar">
        {picker}
        <span className="muted">{t('importHint')}</span>
      </div>
      {busy && <p role="status">{t('reading', { count: model.reading })}</p>}
      {current && !busy && (
        <div className="watch-file" data-testid="watch-file">
          {queue.length > 1 && <p className="watch-count">{t('fileOf', { index: index + 1, total: queue.length })}</p>}
          {current.error ? (
            <p className="banner error" role="alert">
              {t(`problem_${current.error.problem}`, { file: current.fileName })} {t('nothingChanged')}
            </p>
          ) : current.reading?.kind === 'activity' ? (
            <ActivityPanel model={model} file={current} a={current.reading} />
          ) : (
            <WeightsPanel key={current.sha256} model={model} file={current} />
          )}
          <div className="watch-actions">
            {index + 1 < queue.length && (
              <button type="button" onClick={model.next}>
                {model.saved || current.error || current.alreadyLogged ? t('nextFile') : t('skipFile')}
              </button>
            )}
            <button type="button" onClick={model.close}>
              {t('close')}
            </button>
          </div>
        </div>
      )}
    </section>
  )
}
