import { type ChangeEvent, useEffect, useId, useState } from 'react'
import { type ChangeCounts, type ChangedRecord, type ImportChoices, type ImportCounts, type ImportPreview, type ImportStatus, KIND_LABEL } from '../../../../shared/csv'
import { api, isWebMode } from '../../api'
import { Progress } from './Progress'
import { uploadFile } from './upload'
import { TableHead } from '../../components/TableHead'
import { word, wordError } from '../../../../shared/i18n/message'

const ERROR_COLUMNS = [{ label: 'File' }, { label: 'Line', num: true }, { label: 'Column' }, { label: 'Problem' }]
const SAMPLE_COLUMNS = [{ label: 'Line', num: true }, { label: 'Date' }, { label: 'Row' }, { label: 'What happens' }]

const STATUS_LABEL = { add: 'Add', present: 'Already here', differs: 'Differs', deleted: 'Deleted here', error: 'Error' } as const

const n = (x: number) => x.toLocaleString('en')
const plural = (x: number, one: string, many = `${one}s`) => `${n(x)} ${x === 1 ? one : many}`
const POLL_MS = 200

/** “2 protocols, 1 training block, 12 sessions (72 reps) and 30 body weights”, leaving out what is zero. */
function describe(c: ImportCounts | ImportPreview['present']): string {
  const parts: string[] = []
  if (c.protocols) parts.push(plural(c.protocols, 'protocol'))
  if (c.blocks) parts.push(plural(c.blocks, 'training block'))
  if (c.sessions) parts.push(`${plural(c.sessions, 'session')} (${plural(c.reps, 'rep')})`)
  if (c.weights) parts.push(plural(c.weights, 'body weight'))
  if (parts.length === 0) return 'nothing'
  return parts.length === 1 ? (parts[0] as string) : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`
}

/** “1 session and 2 body weights”, leaving out what is zero. */
function describeChanged(c: ChangeCounts): string {
  const parts: string[] = []
  if (c.protocols) parts.push(plural(c.protocols, 'protocol'))
  if (c.blocks) parts.push(plural(c.blocks, 'training block'))
  if (c.sessions) parts.push(plural(c.sessions, 'session'))
  if (c.weights) parts.push(plural(c.weights, 'body weight'))
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`
}

function doneMessage(added: ImportCounts, replaced: ChangeCounts, restored: ChangeCounts): string {
  const parts: string[] = []
  const total = added.sessions + added.weights + added.protocols + added.blocks
  if (total > 0 || sum(replaced) + sum(restored) === 0) parts.push(`Imported ${describe(added)}`)
  if (sum(replaced) > 0) parts.push(`took the file’s version of ${describeChanged(replaced)}`)
  if (sum(restored) > 0) parts.push(`restored ${describeChanged(restored)} from the file`)
  const text = parts.join('; ')
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`
}

type Phase =
  | { name: 'idle' }
  | { name: 'uploading'; files: string[] }
  | { name: 'reading'; status: ImportStatus }
  | { name: 'ready'; status: ImportStatus & { preview: ImportPreview } }
  | { name: 'committing'; status: ImportStatus & { preview: ImportPreview } }
  | { name: 'done'; added: ImportCounts; replaced: ChangeCounts; restored: ChangeCounts }

export function ImportCard() {
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
          setError(r.value.errorMsg ? word(r.value.errorMsg) : (r.value.error ?? 'The files could not be read.'))
          setPhase({ name: 'idle' })
        }
      })
    }, POLL_MS)
    return () => clearTimeout(timer)
  }, [reading])

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
    setPhase({ name: 'uploading', files: files.map((f) => f.name) })
    const ids: string[] = []
    for (const f of files) {
      const r = await uploadFile(f)
      if (!r.ok) {
        setError(`${f.name}: ${wordError(r.error)}`)
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
      <input type="file" accept=".csv,text/csv" multiple className="sr-only" aria-label="CSV files to import" disabled={busy} onChange={(e) => void onFiles(e)} />
      Choose CSV files…
    </label>
  ) : (
    <button type="button" onClick={() => void chooseNative()} disabled={busy}>
      Choose CSV files…
    </button>
  )

  return (
    <section className="card data-card" aria-labelledby={`${id}-h`}>
      <header className="card-head">
        <h2 id={`${id}-h`}>Import from CSV</h2>
        {(phase.name === 'idle' || phase.name === 'done') && picker}
      </header>
      <p className="hint lead">
        Sprintlog’s own CSV files, or the same columns from a spreadsheet. Choose all the files of an export of everything to bring back the
        whole history, or the reps file for sessions with their reps; records already here (same UUID) are left as they are unless you choose otherwise. Nothing changes
        until you confirm.
      </p>

      {phase.name === 'uploading' && (
        <div className="job" aria-live="polite">
          <Progress label="Upload progress" />
          <p className="job-line">Sending {phase.files.join(', ')} to Sprintlog…</p>
        </div>
      )}
      {phase.name === 'reading' && (
        <div className="job" aria-live="polite">
          <Progress label="Reading progress" value={phase.status.totalBytes > 0 ? phase.status.bytesRead / phase.status.totalBytes : undefined} />
          <div className="job-line">
            <span>Checking every row…</span>
            <button type="button" onClick={() => void cancel()}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {(phase.name === 'ready' || phase.name === 'committing') && (
        <PreviewView preview={phase.status.preview} committing={phase.name === 'committing'} onConfirm={(c) => void confirm(c)} onCancel={() => void cancel()} />
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

const KIND_WORD = { sessions: 'Session', weights: 'Body weight', protocols: 'Protocol', blocks: 'Training block' } as const
/** How a record is named in its choice's label: “Session of 2026-03-02”, “Protocol Hill 6×15 s”. */
const recordName = (r: ChangedRecord) => (r.kind === 'protocols' ? `Protocol ${r.summary.replace(/^Protocol · /, '')}` : `${KIND_WORD[r.kind]} of ${r.date}`)

/** What a changed record is and where the file has it. */
function ChangedWhat({ r }: { r: ChangedRecord }) {
  return (
    <div className="changed-what">
      {r.date && <strong>{r.date}</strong>} {r.summary}
      <span className="muted changed-where">
        {r.file}, line {r.line}
      </span>
    </div>
  )
}

function PreviewView({ preview, committing, onConfirm, onCancel }: { preview: ImportPreview; committing: boolean; onConfirm(c: ImportChoices): void; onCancel(): void }) {
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
    <div className="import-preview" aria-label="Import preview" role="region">
      <dl className="stats import-stats">
        <div>
          <dt>To add</dt>
          <dd data-testid="import-add">{describe(preview.toAdd)}</dd>
        </div>
        <div>
          <dt>Already here</dt>
          <dd data-testid="import-present">{present === 0 ? 'nothing' : describe(preview.present)}</dd>
        </div>
        <div className={preview.errorCount > 0 ? 'bad' : undefined}>
          <dt>Rows with errors</dt>
          <dd data-testid="import-errors">{n(preview.errorCount)}</dd>
        </div>
      </dl>
      <p className="hint">
        {preview.files
          .map((f) => `${f.name}: ${f.kind ? `${KIND_LABEL[f.kind]}, ${plural(f.rows, 'row')}` : 'not read'}${f.delimiter === ';' ? ', “;”-separated' : ''}${f.encoding !== 'utf-8' ? ', Windows-1252' : ''}`)
          .join(' · ')}
      </p>
      {preview.newProtocols.length > 0 && <p className="hint">Protocols to recreate from their sessions: {preview.newProtocols.join(', ')}.</p>}
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
            {preview.errorCount === 1 ? 'One problem' : `${n(preview.errorCount)} problems`} — nothing will be imported until the file is fixed
          </h3>
          <div className="table-scroll">
            <table className="entries import-errors" aria-labelledby={`${id}-e`}>
              <TableHead columns={ERROR_COLUMNS} />
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
          {preview.errorCount > preview.errors.length && <p className="hint">…and {n(preview.errorCount - preview.errors.length)} more.</p>}
        </>
      )}

      {preview.sample.length > 0 && (
        <>
          <h3 id={`${id}-s`}>First rows</h3>
          <div className="table-scroll">
            <table className="entries import-sample" aria-labelledby={`${id}-s`}>
              <TableHead columns={SAMPLE_COLUMNS} />
              <tbody>
                {preview.sample.map((r) => (
                  <tr key={`${r.file}:${r.line}`} className={`status-${r.status}`}>
                    <td className="num">{r.line}</td>
                    <td>{r.date}</td>
                    <td className="note">{r.summary}</td>
                    <td>
                      <span className={`pill ${r.status}`}>{STATUS_LABEL[r.status]}</span>
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
          <h3 id={`${id}-d`}>Differs from the database ({n(differs)})</h3>
          <p className="hint">
            These records are in Sprintlog with other values than in the file. Sprintlog’s version is kept unless you choose the file’s; taking the
            file’s replaces the record’s fields (and a session’s reps), and its totals are worked out again.
          </p>
          <label className="check-all">
            <input type="checkbox" checked={take.all} disabled={committing} onChange={(e) => setTake({ all: e.target.checked, except: new Set() })} />
            Take the file’s for {differs === 1 ? 'it' : `all ${n(differs)} of them`}
          </label>
          <ul className="changed-list">
            {differing.map((r) => {
              const file = isChosen(take, r.uuid)
              const label = recordName(r)
              return (
                <li key={`${r.kind}:${r.uuid}`}>
                  <ChangedWhat r={r} />
                  <div className="changed-fields">
                    Differs in{' '}
                    {r.fields.map((f, i) => (
                      <span key={f}>
                        {i > 0 && ', '}
                        <code>{f}</code>
                      </span>
                    ))}
                    {r.moreFields > 0 && ` and ${plural(r.moreFields, 'more column')}`}
                  </div>
                  <div className="changed-choice" role="radiogroup" aria-label={`${label}: which version to keep`}>
                    <label>
                      <input type="radio" name={`${id}-${r.uuid}`} checked={!file} disabled={committing} onChange={() => setTake(flip(take, r.uuid, false))} />
                      Keep mine
                    </label>
                    <label>
                      <input type="radio" name={`${id}-${r.uuid}`} checked={file} disabled={committing} onChange={() => setTake(flip(take, r.uuid, true))} />
                      Take the file’s
                    </label>
                  </div>
                </li>
              )
            })}
          </ul>
          {differs > differing.length && <p className="hint">…and {n(differs - differing.length)} more, which follow the choice for all.</p>}
        </section>
      )}

      {deletedHere > 0 && (
        <section className="changed" aria-labelledby={`${id}-x`}>
          <h3 id={`${id}-x`}>Deleted here ({n(deletedHere)})</h3>
          <p className="hint">These records were deleted in Sprintlog. They stay deleted unless you restore them from the file, with the file’s values.</p>
          <label className="check-all">
            <input type="checkbox" checked={restore.all} disabled={committing} onChange={(e) => setRestore({ all: e.target.checked, except: new Set() })} />
            Restore {deletedHere === 1 ? 'it' : `all ${n(deletedHere)}`} from the file
          </label>
          <ul className="changed-list">
            {deleted.map((r) => {
              const label = recordName(r)
              return (
                <li key={`${r.kind}:${r.uuid}`}>
                  <ChangedWhat r={r} />
                  <label className="changed-choice">
                    <input
                      type="checkbox"
                      aria-label={`Restore the ${label.toLowerCase()} from the file`}
                      checked={isChosen(restore, r.uuid)}
                      disabled={committing}
                      onChange={(e) => setRestore(flip(restore, r.uuid, e.target.checked))}
                    />
                    Restore from the file
                  </label>
                </li>
              )
            })}
          </ul>
          {deletedHere > deleted.length && <p className="hint">…and {n(deletedHere - deleted.length)} more, which follow the choice for all.</p>}
        </section>
      )}

      {committing && (
        <div className="job" aria-live="polite">
          <Progress label="Import progress" />
          <p className="job-line">Importing {describe(preview.toAdd)}…</p>
        </div>
      )}
      <div className="confirm-bar">
        <button type="button" className="primary" onClick={() => onConfirm(choices())} disabled={!canImport || committing}>
          {canImport ? `Import ${plural(total, 'record')}` : 'Import'}
        </button>
        <button type="button" onClick={onCancel} disabled={committing}>
          Cancel
        </button>
        {!canImport && preview.errorCount === 0 && (
          <span className="muted">
            Nothing new to import
            {differs + deletedHere > 0 ? ': choose above what to take from the file' : present > 0 ? ': everything is already here' : ''}.
          </span>
        )}
      </div>
    </div>
  )
}
