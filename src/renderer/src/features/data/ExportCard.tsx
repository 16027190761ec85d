import { type FormEvent, useEffect, useId, useState } from 'react'
import type { ExportChoice, ExportStatus } from '../../../../shared/csv'
import { isLocalDate } from '../../../../shared/dates'
import { api, isWebMode } from '../../api'
import { Progress } from './Progress'
import { download } from './upload'
import { DateField } from '../../components/DateField'
import { ErrorText } from '../../components/ErrorText'
import { formatNumber, useT } from '../../i18n'
import { word, wordError } from '../../../../shared/i18n/message'

const CHOICES: readonly ExportChoice[] = ['all', 'sessions', 'reps', 'weights']

const n = (x: number) => formatNumber(x)
const POLL_MS = 200

export function ExportCard() {
  const { t } = useT('data')
  const id = useId()
  const [what, setWhat] = useState<ExportChoice>('all')
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [status, setStatus] = useState<ExportStatus | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [starting, setStarting] = useState(false)
  const [downloaded, setDownloaded] = useState<string | null>(null)

  const running = status !== null && !status.done
  const rangeError = from && to && from > to ? t('rangeError') : null

  useEffect(() => {
    if (!status || status.done) return
    const timer = setTimeout(() => {
      void api.export.status({ jobId: status.jobId }).then((r) => {
        if (!r.ok) return setError(wordError(r.error))
        setStatus(r.value)
        // A single finished file downloads at once; several are offered as links (browsers block a burst of downloads).
        const only = r.value.done && r.value.files.length === 1 ? r.value.files[0] : undefined
        if (only?.downloadUrl) {
          download(only.downloadUrl, only.fileName)
          setDownloaded(only.downloadUrl)
        }
      })
    }, POLL_MS)
    return () => clearTimeout(timer)
  }, [status])

  async function start(e: FormEvent) {
    e.preventDefault()
    if (rangeError || running) return
    setError(null)
    setStarting(true)
    const r = await api.export.start({ what, ...(isLocalDate(from) ? { from } : {}), ...(isLocalDate(to) ? { to } : {}) })
    setStarting(false)
    if (!r.ok) return setError(wordError(r.error))
    if (r.value.jobId === null) return // the save dialog was cancelled
    setStatus({ jobId: r.value.jobId, what, rows: 0, totalRows: 0, done: false, cancelled: false, files: [] })
  }

  async function cancel() {
    if (!status) return
    const r = await api.export.cancel({ jobId: status.jobId })
    if (!r.ok) setError(wordError(r.error))
  }

  return (
    <section className="card data-card" aria-labelledby={`${id}-h`}>
      <header className="card-head">
        <h2 id={`${id}-h`}>{t('exportHeading')}</h2>
      </header>
      <form aria-label={t('exportHeading')} onSubmit={(e) => void start(e)}>
        <fieldset className="choices" disabled={running}>
          <legend>{t('whatToExport')}</legend>
          {CHOICES.map((c) => (
            <label key={c} className={what === c ? 'choice on' : 'choice'}>
              <input type="radio" name={`${id}-what`} value={c} checked={what === c} onChange={() => setWhat(c)} />
              <span className="choice-label">{t(`choice_${c}`)}</span>
              <span className="choice-hint">{t(`choiceHint_${c}`)}</span>
            </label>
          ))}
        </fieldset>
        <div className="fields">
          <div className="field">
            <label htmlFor={`${id}-from`}>{t('from')}</label>
            <DateField id={`${id}-from`} value={from} onChange={setFrom} aria-invalid={rangeError ? true : undefined} disabled={running} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`}>{t('to')}</label>
            <DateField id={`${id}-to`} value={to} onChange={setTo} aria-invalid={rangeError ? true : undefined} disabled={running} />
          </div>
          <div className="field actions">
            <button type="submit" className="primary" disabled={running || starting || Boolean(rangeError)}>
              {isWebMode ? t('exportWeb') : t('exportDesktop')}
            </button>
          </div>
        </div>
        <ErrorText>{rangeError}</ErrorText>
      </form>

      {status && !status.done && (
        <div className="job" aria-live="polite">
          <Progress label={t('exportProgress')} value={status.totalRows > 0 ? status.rows / status.totalRows : undefined} />
          <div className="job-line">
            <span>{t('writingRows', { rows: n(status.rows), total: n(status.totalRows) })}</span>
            <button type="button" onClick={() => void cancel()}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
      {status?.done && (
        <div className="job done" role="status">
          {status.cancelled ? (
            <p>{t('exportCancelled')}</p>
          ) : status.error ? (
            <p className="error">{status.errorMsg ? word(status.errorMsg) : status.error}</p>
          ) : (
            <>
              <p>{t('exported', { rows: status.rows, files: status.files.length })}</p>
              <ul className="files">
                {status.files.map((f) => (
                  <li key={f.fileName}>
                    {f.downloadUrl === downloaded ? (
                      <span>
                        {f.fileName} <span className="muted">{t('downloaded')}</span>
                      </span>
                    ) : f.downloadUrl ? (
                      <a href={f.downloadUrl} download={f.fileName}>
                        {f.fileName}
                      </a>
                    ) : (
                      <code title={f.path}>{f.path ?? f.fileName}</code>
                    )}
                    <span className="muted"> · {t('fileRows', { rows: f.rows })}</span>
                  </li>
                ))}
              </ul>
              {status.files.some((f) => f.downloadUrl && f.downloadUrl !== downloaded) && (
                <p className="hint">{t('linksOnce')}</p>
              )}
            </>
          )}
        </div>
      )}
      <ErrorText>{error}</ErrorText>
    </section>
  )
}
