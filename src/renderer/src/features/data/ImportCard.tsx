import { type ChangeEvent, useEffect, useId, useState } from 'react'
import { type ChangeCounts, type ChangedRecord, type ImportChoices, type ImportCounts, type ImportPreview, type ImportStatus } from '../../../../shared/csv'
import { api, isWebMode } from '../../api'
import { Progress } from './Progress'
import { megabytes } from '../backups/backupText'
import { uploadFile } from './upload'
import { rich } from '../../i18n/rich'
import { TableHead } from '../../components/TableHead'
import { currentLanguage, formatDate, formatNumber, INTL_LOCALE, tr, useT } from '../../i18n'
import { isLocalDate } from '../../../../shared/dates'
import { word, wordError } from '../../../../shared/i18n/message'

const ERROR_COLUMNS = [{ label: 'colFile' }, { label: 'colLine', num: true }, { label: 'colColumn' }, { label: 'colProblem' }]
const SAMPLE_COLUMNS = [{ label: 'colLine', num: true }, { label: 'colDate' }, { label: 'colRow' }, { label: 'colWhat' }]
const columns = (cols: { label: string; num?: boolean }[]) => cols.map((c) => ({ ...c, label: tr(`data:${c.label}`) }))

const n = (x: number) => formatNumber(x)
/** “a, b and c” / “a、b和c” */
const list = (items: string[]) => new Intl.ListFormat(INTL_LOCALE[currentLanguage()], { style: 'long', type: 'conjunction' }).format(items)
const POLL_MS = 200

/** “2 protocols, 1 training block, 12 sessions (72 reps) and 30 body weights”, leaving out what is zero. */
function describe(c: ImportCounts | ImportPreview['present']): string {
  const parts: string[] = []
  if (c.protocols) parts.push(tr('data:count_protocols', { count: c.protocols }))
  if (c.blocks) parts.push(tr('data:count_blocks', { count: c.blocks }))
  if (c.sessions) parts.push(tr('data:count_sessionsWithReps', { count: c.sessions, reps: c.reps }))
  if (c.weights) parts.push(tr('data:count_weights', { count: c.weights }))
  if (parts.length === 0) return tr('data:nothing')
  return list(parts)
}

/** “1 session and 2 body weights”, leaving out what is zero. */
function describeChanged(c: ChangeCounts): string {
  const parts: string[] = []
  if (c.protocols) parts.push(tr('data:count_protocols', { count: c.protocols }))
  if (c.blocks) parts.push(tr('data:count_blocks', { count: c.blocks }))
  if (c.sessions) parts.push(tr('data:count_sessions', { count: c.sessions }))
  if (c.weights) parts.push(tr('data:count_weights', { count: c.weights }))
  return list(parts)
}

function doneMessage(added: ImportCounts, replaced: ChangeCounts, restored: ChangeCounts): string {
  const parts: string[] = []
  const total = added.sessions + added.weights + added.protocols + added.blocks
  if (total > 0 || sum(replaced) + sum(restored) === 0) parts.push(tr('data:doneImported', { what: describe(added) }))
  if (sum(replaced) > 0) parts.push(tr(parts.length === 0 ? 'data:doneTookFirst' : 'data:doneTook', { what: describeChanged(replaced) }))
  if (sum(restored) > 0) parts.push(tr(parts.length === 0 ? 'data:doneRestoredFirst' : 'data:doneRestored', { what: describeChanged(restored) }))
  return tr('data:doneSentence', { text: parts.join(tr('data:doneSeparator')) })
}

type Phase =
  | { name: 'idle' }
  | { name: 'uploading'; files: string[]; sent: number; total: number }
  | { name: 'reading'; status: ImportStatus }
  | { name: 'ready'; status: ImportStatus & { preview: ImportPreview } }
  | { name: 'committing'; status: ImportStatus & { preview: ImportPreview } }
  | { name: 'done'; added: ImportCounts; replaced: ChangeCounts; restored: ChangeCounts }

export function ImportCard() {
  const { t } = useT('data')
  const id = useId()
  const [phase, setPhase] = useState<Phase>({ name: 'idle' })
  const [error, setError] = useState<string | null>(null)

  const reading = phase.name === 'reading' ? phase.status : null
  useEffect(() => {
    if (!reading) return
    const timer = setTimeout(() => {
      void api.import.status({ previewId: reading.previewId }).then((r) => {
        if (!r.ok) {
          setError(wordError(r.error))
          setPhase({ name: 'idle' })
        } else if (r.value.state === 'reading') setPhase({ name: 'reading', status: r.value })
        else if (r.value.state === 'ready' && r.value.preview) setPhase({ name: 'ready', status: { ...r.value, preview: r.value.preview } })
        else {
          setError(r.value.errorMsg ? word(r.value.errorMsg) : (r.value.error ?? tr('data:notRead')))
          setPhase({ name: 'idle' })
        }
      })
    }, POLL_MS)
    return () => clearTimeout(timer)
  }, [reading])

  // While the import is written (in the back end's worker), its status has the bytes of the files read again so far.
  const [written, setWritten] = useState<{ previewId: string; share: number } | null>(null)
  const committing = phase.name === 'committing' ? phase.status.previewId : null
  useEffect(() => {
    if (!committing) return
    let stop = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const poll = () => {
      timer = setTimeout(() => {
        void api.import.status({ previewId: committing }).then((r) => {
          if (stop || !r.ok || r.value.state !== 'committing') return
          if (r.value.totalBytes > 0) setWritten({ previewId: committing, share: r.value.bytesRead / r.value.totalBytes })
          poll()
        })
      }, POLL_MS)
    }
    poll()
    return () => {
      stop = true
      clearTimeout(timer)
    }
  }, [committing])

  async function preview(fileIds: string[]) {
    const r = await api.import.preview({ fileIds })
    if (!r.ok) {
      setError(wordError(r.error))
      setPhase({ name: 'idle' })
      return
    }
    setPhase({ name: 'reading', status: { previewId: r.value.previewId, state: 'reading', bytesRead: 0, totalBytes: 0 } })
  }

  async function onFiles(e: ChangeEvent<HTMLInputElement>) {
    const files = [...(e.target.files ?? [])]
    e.target.value = ''
    if (files.length === 0) return
    setError(null)
    const total = files.reduce((sum, f) => sum + f.size, 0)
    const names = files.map((f) => f.name)
    setPhase({ name: 'uploading', files: names, sent: 0, total })
    const ids: string[] = []
    let before = 0
    for (const f of files) {
      const r = await uploadFile(f, (sent) => setPhase({ name: 'uploading', files: names, sent: before + sent, total }))
      before += f.size
      if (!r.ok) {
        setError(t('fileError', { file: f.name, message: wordError(r.error) }))
        setPhase({ name: 'idle' })
        return
      }
      ids.push(r.value.fileId)
    }
    await preview(ids)
  }

  async function chooseNative() {
    setError(null)
    const r = await api.import.chooseFile()
    if (!r.ok) return setError(wordError(r.error))
    if (r.value.files.length > 0) await preview(r.value.files.map((f) => f.fileId))
  }

  async function confirm(choices: ImportChoices) {
    if (phase.name !== 'ready') return
    setPhase({ name: 'committing', status: phase.status })
    const r = await api.import.commit({ previewId: phase.status.previewId, choices })
    if (!r.ok) {
      setError(wordError(r.error))
      setPhase({ name: 'ready', status: phase.status })
      return
    }
    const none = { sessions: 0, weights: 0, protocols: 0, blocks: 0 }
    setPhase({ name: 'done', added: r.value.added ?? { ...none, reps: 0, protocols: 0, blocks: 0 }, replaced: r.value.replaced ?? none, restored: r.value.restored ?? none })
  }

  async function cancel() {
    if (phase.name === 'reading' || phase.name === 'ready') await api.import.cancel({ previewId: phase.status.previewId })
    setPhase({ name: 'idle' })
  }

  const busy = phase.name === 'uploading' || phase.name === 'reading' || phase.name === 'committing'
  const picker = isWebMode ? (
    <label className={busy ? 'button file-button disabled' : 'button file-button'}>
      <input type="file" accept=".csv,text/csv" multiple className="sr-only" aria-label={t('filesToImport')} disabled={busy} onChange={(e) => void onFiles(e)} />
      {t('chooseFiles')}
    </label>
  ) : (
    <button type="button" onClick={() => void chooseNative()} disabled={busy}>
      {t('chooseFiles')}
    </button>
  )

  return (
    <section className="card data-card" aria-labelledby={`${id}-h`}>
      <header className="card-head">
        <h2 id={`${id}-h`}>{t('importHeading')}</h2>
        {(phase.name === 'idle' || phase.name === 'done') && picker}
      </header>
      <p className="hint lead">{t('importLead')}</p>

      {phase.name === 'uploading' && (
        <div className="job" aria-live="polite">
          <Progress label={t('uploadProgress')} value={phase.total > 0 ? phase.sent / phase.total : undefined} />
          <p className="job-line">{t('sending', { files: list(phase.files) })}</p>
          {phase.total > 0 && <p className="job-line muted">{t('sentOf', { sent: megabytes(phase.sent), total: megabytes(phase.total) })}</p>}
        </div>
      )}
      {phase.name === 'reading' && (
        <div className="job" aria-live="polite">
          <Progress label={t('readingProgress')} value={phase.status.totalBytes > 0 ? phase.status.bytesRead / phase.status.totalBytes : undefined} />
          <div className="job-line">
            <span>{t('checkingRows')}</span>
            <button type="button" onClick={() => void cancel()}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
      {(phase.name === 'ready' || phase.name === 'committing') && (
        <PreviewView preview={phase.status.preview} committing={phase.name === 'committing'} written={written && written.previewId === committing ? written.share : undefined} onConfirm={(c) => void confirm(c)} onCancel={() => void cancel()} />
      )}
      {phase.name === 'done' && (
        <p className="job done ok" role="status">
          {doneMessage(phase.added, phase.replaced, phase.restored)}
        </p>
      )}
      {error && (
        <p className="error wide" role="alert">
          {error}
        </p>
      )}
    </section>
  )
}

/** A choice for all the records of a list, and the records chosen otherwise. */
interface ListChoice {
  all: boolean
  except: ReadonlySet<string>
}
const NO_CHOICE: ListChoice = { all: false, except: new Set() }
const isChosen = (c: ListChoice, uuid: string) => c.all !== c.except.has(uuid)
const sum = (c: ChangeCounts) => c.sessions + c.weights + c.protocols + c.blocks

/** How many of `count` records (of which `listed` are shown) a choice takes. */
const chosenCount = (c: ListChoice, count: number) => (c.all ? count - c.except.size : c.except.size)
const flip = (c: ListChoice, uuid: string, on: boolean): ListChoice => {
  const except = new Set(c.except)
  if (on === c.all) except.delete(uuid)
  else except.add(uuid)
  return { all: c.all, except }
}

/** A record's date as the lists write dates; a cell that is not a date (on a row with an error) as the file has it. */
const shownDate = (d: string) => (isLocalDate(d) ? formatDate(d) : d)

/** How a record is named in its choice's label: “Session of 2026-03-02”, “Protocol Hill 6×15 s”. */
const recordName = (r: ChangedRecord, as: 'record' | 'restoreRecord' = 'record') =>
  tr(`data:${as}_${r.kind}`, { name: String(r.summaryMsg.params?.name ?? r.summary.replace(/^Protocol · /, '')), date: r.date ? shownDate(r.date) : '' })

/** What a changed record is and where the file has it. */
function ChangedWhat({ r }: { r: ChangedRecord }) {
  const { t } = useT('data')
  return (
    <div className="changed-what">
      {r.date && <strong>{shownDate(r.date)}</strong>} {word(r.summaryMsg)}
      <span className="muted changed-where">
        {t('changedWhere', { file: r.file, line: r.line })}
      </span>
    </div>
  )
}

function PreviewView({
  preview,
  committing,
  written,
  onConfirm,
  onCancel
}: {
  preview: ImportPreview
  committing: boolean
  /** The share of the import written so far, when known. */
  written: number | undefined
  onConfirm(c: ImportChoices): void
  onCancel(): void
}) {
  const { t } = useT('data')
  const id = useId()
  const { toAdd, present: here } = preview
  const [take, setTake] = useState<ListChoice>(NO_CHOICE)
  const [restore, setRestore] = useState<ListChoice>(NO_CHOICE)
  const differing = preview.changed.filter((r) => r.state === 'differs')
  const deleted = preview.changed.filter((r) => r.state === 'deleted')
  const differs = sum(preview.differs)
  const deletedHere = sum(preview.deletedHere)
  const chosen = chosenCount(take, differs) + chosenCount(restore, deletedHere)
  const total = toAdd.sessions + toAdd.weights + toAdd.protocols + toAdd.blocks + chosen
  const present = here.sessions + here.weights + here.protocols + here.blocks
  const canImport = preview.canImport && total > 0
  const choices = (): ImportChoices => ({
    differs: { all: take.all ? 'file' : 'keep', except: [...take.except] },
    restore: { all: restore.all, except: [...restore.except] }
  })
  return (
    <div className="import-preview" aria-label={t('previewLabel')} role="region">
      <dl className="stats import-stats">
        <div>
          <dt>{t('toAdd')}</dt>
          <dd data-testid="import-add">{describe(preview.toAdd)}</dd>
        </div>
        <div>
          <dt>{t('alreadyHere')}</dt>
          <dd data-testid="import-present">{present === 0 ? t('nothing') : describe(preview.present)}</dd>
        </div>
        <div className={preview.errorCount > 0 ? 'bad' : undefined}>
          <dt>{t('rowsWithErrors')}</dt>
          <dd data-testid="import-errors">{n(preview.errorCount)}</dd>
        </div>
      </dl>
      <p className="hint">
        {preview.files
          .map((f) => {
            const how = { name: f.name, semicolon: f.delimiter === ';' ? 'yes' : 'no', windows: f.encoding !== 'utf-8' ? 'yes' : 'no' }
            return f.kind ? t('fileKind', { ...how, kind: t(`kindName_${f.kind}`), rows: f.rows }) : t('fileNotRead', how)
          })
          .join(' · ')}
      </p>
      {preview.newProtocols.length > 0 && <p className="hint">{t('newProtocols', { names: preview.newProtocols.join(t('fieldSeparator')) })}</p>}
      {preview.warnings.length > 0 && (
        <ul className="warnings">
          {(preview.warningMsgs ?? []).length === preview.warnings.length
            ? preview.warningMsgs.map((w, i) => <li key={i}>{word(w)}</li>)
            : preview.warnings.map((w) => <li key={w}>{w}</li>)}
        </ul>
      )}

      {preview.errorCount > 0 && (
        <>
          <h3 id={`${id}-e`}>
            {t('problems', { count: preview.errorCount })}
          </h3>
          <div className="table-scroll">
            <table className="entries import-errors" aria-labelledby={`${id}-e`}>
              <TableHead columns={columns(ERROR_COLUMNS)} />
              <tbody>
                {preview.errors.map((e, i) => (
                  <tr key={i}>
                    <td>{e.file}</td>
                    <td className="num">{e.line}</td>
                    <td>{e.column ? <code>{e.column}</code> : '—'}</td>
                    <td>{wordError(e)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {preview.errorCount > preview.errors.length && <p className="hint">{t('moreErrors', { count: n(preview.errorCount - preview.errors.length) })}</p>}
        </>
      )}

      {preview.sample.length > 0 && (
        <>
          <h3 id={`${id}-s`}>{t('firstRows')}</h3>
          <div className="table-scroll">
            <table className="entries import-sample" aria-labelledby={`${id}-s`}>
              <TableHead columns={columns(SAMPLE_COLUMNS)} />
              <tbody>
                {preview.sample.map((r) => (
                  <tr key={`${r.file}:${r.line}`} className={`status-${r.status}`}>
                    <td className="num">{r.line}</td>
                    <td>{shownDate(r.date)}</td>
                    <td className="note">{word(r.summaryMsg)}</td>
                    <td>
                      <span className={`pill ${r.status}`}>{t(`status_${r.status}`)}</span>
                      {r.message && <span className="muted"> {wordError({ ...r, message: r.message })}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      {differs > 0 && (
        <section className="changed" aria-labelledby={`${id}-d`}>
          <h3 id={`${id}-d`}>{t('differsHeading', { count: n(differs) })}</h3>
          <p className="hint">{t('differsHint')}</p>
          <label className="check-all">
            <input type="checkbox" checked={take.all} disabled={committing} onChange={(e) => setTake({ all: e.target.checked, except: new Set() })} />
            {t('takeAll', { count: differs })}
          </label>
          <ul className="changed-list">
            {differing.map((r) => {
              const file = isChosen(take, r.uuid)
              const label = recordName(r)
              return (
                <li key={`${r.kind}:${r.uuid}`}>
                  <ChangedWhat r={r} />
                  <div className="changed-fields">
                    {rich(t, r.moreFields > 0 ? 'differsInMore' : 'differsIn', {
                      fields: r.fields.map((f, i) => (
                        <span key={f}>
                          {i > 0 && t('fieldSeparator')}
                          <code>{f}</code>
                        </span>
                      ))
                    }, { count: r.moreFields })}
                  </div>
                  <div className="changed-choice" role="radiogroup" aria-label={t('whichVersion', { record: label })}>
                    <label>
                      <input type="radio" name={`${id}-${r.uuid}`} checked={!file} disabled={committing} onChange={() => setTake(flip(take, r.uuid, false))} />
                      {t('keepMine')}
                    </label>
                    <label>
                      <input type="radio" name={`${id}-${r.uuid}`} checked={file} disabled={committing} onChange={() => setTake(flip(take, r.uuid, true))} />
                      {t('takeFile')}
                    </label>
                  </div>
                </li>
              )
            })}
          </ul>
          {differs > differing.length && <p className="hint">{t('moreFollow', { count: n(differs - differing.length) })}</p>}
        </section>
      )}

      {deletedHere > 0 && (
        <section className="changed" aria-labelledby={`${id}-x`}>
          <h3 id={`${id}-x`}>{t('deletedHeading', { count: n(deletedHere) })}</h3>
          <p className="hint">{t('deletedHint')}</p>
          <label className="check-all">
            <input type="checkbox" checked={restore.all} disabled={committing} onChange={(e) => setRestore({ all: e.target.checked, except: new Set() })} />
            {t('restoreAll', { count: deletedHere })}
          </label>
          <ul className="changed-list">
            {deleted.map((r) => {
              return (
                <li key={`${r.kind}:${r.uuid}`}>
                  <ChangedWhat r={r} />
                  <label className="changed-choice">
                    <input
                      type="checkbox"
                      aria-label={recordName(r, 'restoreRecord')}
                      checked={isChosen(restore, r.uuid)}
                      disabled={committing}
                      onChange={(e) => setRestore(flip(restore, r.uuid, e.target.checked))}
                    />
                    {t('restoreOne')}
                  </label>
                </li>
              )
            })}
          </ul>
          {deletedHere > deleted.length && <p className="hint">{t('moreFollow', { count: n(deletedHere - deleted.length) })}</p>}
        </section>
      )}

      {committing && (
        <div className="job" aria-live="polite">
          <Progress label={t('importProgress')} value={written} />
          <p className="job-line">{t('importing', { what: describe(preview.toAdd) })}</p>
        </div>
      )}
      <div className="confirm-bar">
        <button type="button" className="primary" onClick={() => onConfirm(choices())} disabled={!canImport || committing}>
          {canImport ? t('importCount', { count: total }) : t('import')}
        </button>
        <button type="button" onClick={onCancel} disabled={committing}>
          {t('cancel')}
        </button>
        {!canImport && preview.errorCount === 0 && (
          <span className="muted">{t(differs + deletedHere > 0 ? 'nothingNewChoose' : present > 0 ? 'nothingNewHere' : 'nothingNew')}</span>
        )}
      </div>
    </div>
  )
}
