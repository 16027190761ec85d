import { type ChangeEvent, useEffect, useId, useState } from 'react'
import { type ImportCounts, type ImportPreview, type ImportStatus, KIND_LABEL } from '../../../../shared/csv'
import { api, isWebMode } from '../../api'
import { Progress } from './Progress'
import { uploadFile } from './upload'
import { TableHead } from '../../components/TableHead'

const ERROR_COLUMNS = [{ label: 'File' }, { label: 'Line', num: true }, { label: 'Column' }, { label: 'Problem' }]
const SAMPLE_COLUMNS = [{ label: 'Line', num: true }, { label: 'Date' }, { label: 'Row' }, { label: 'What happens' }]

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

type Phase =
  | { name: 'idle' }
  | { name: 'uploading'; files: string[] }
  | { name: 'reading'; status: ImportStatus }
  | { name: 'ready'; status: ImportStatus & { preview: ImportPreview } }
  | { name: 'committing'; status: ImportStatus & { preview: ImportPreview } }
  | { name: 'done'; added: ImportCounts }

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
          setError(r.error.message)
          setPhase({ name: 'idle' })
        } else if (r.value.state === 'reading') setPhase({ name: 'reading', status: r.value })
        else if (r.value.state === 'ready' && r.value.preview) setPhase({ name: 'ready', status: { ...r.value, preview: r.value.preview } })
        else {
          setError(r.value.error ?? 'The files could not be read.')
          setPhase({ name: 'idle' })
        }
      })
    }, POLL_MS)
    return () => clearTimeout(timer)
  }, [reading])

  async function preview(fileIds: string[]) {
    const r = await api.import.preview({ fileIds })
    if (!r.ok) {
      setError(r.error.message)
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
        setError(`${f.name}: ${r.error.message}`)
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
    if (!r.ok) return setError(r.error.message)
    if (r.value.files.length > 0) await preview(r.value.files.map((f) => f.fileId))
  }

  async function confirm() {
    if (phase.name !== 'ready') return
    setPhase({ name: 'committing', status: phase.status })
    const r = await api.import.commit({ previewId: phase.status.previewId })
    if (!r.ok) {
      setError(r.error.message)
      setPhase({ name: 'ready', status: phase.status })
      return
    }
    setPhase({ name: 'done', added: r.value.added ?? { sessions: 0, reps: 0, weights: 0, protocols: 0, blocks: 0 } })
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
        whole history, or the reps file for sessions with their reps; records already here (same UUID) are left as they are. Nothing changes
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
        <PreviewView preview={phase.status.preview} committing={phase.name === 'committing'} onConfirm={() => void confirm()} onCancel={() => void cancel()} />
      )}
      {phase.name === 'done' && (
        <p className="job done ok" role="status">
          Imported {describe(phase.added)}.
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

function PreviewView({ preview, committing, onConfirm, onCancel }: { preview: ImportPreview; committing: boolean; onConfirm(): void; onCancel(): void }) {
  const id = useId()
  const { toAdd, present: here } = preview
  const total = toAdd.sessions + toAdd.weights + toAdd.protocols + toAdd.blocks
  const present = here.sessions + here.weights + here.protocols + here.blocks
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
          {preview.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
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
                    <td>{e.message}</td>
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
                      <span className={`pill ${r.status}`}>{r.status === 'add' ? 'Add' : r.status === 'present' ? 'Already here' : 'Error'}</span>
                      {r.message && <span className="muted"> {r.message}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      {committing && (
        <div className="job" aria-live="polite">
          <Progress label="Import progress" />
          <p className="job-line">Importing {describe(preview.toAdd)}…</p>
        </div>
      )}
      <div className="confirm-bar">
        <button type="button" className="primary" onClick={onConfirm} disabled={!preview.canImport || committing}>
          {preview.canImport ? `Import ${plural(total, 'record')}` : 'Import'}
        </button>
        <button type="button" onClick={onCancel} disabled={committing}>
          Cancel
        </button>
        {!preview.canImport && preview.errorCount === 0 && <span className="muted">Nothing new to import{present > 0 ? ': everything is already here' : ''}.</span>}
      </div>
    </div>
  )
}
