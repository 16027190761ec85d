/**
 * An import run in a worker thread (worker.ts, built as out/main/import-worker.js beside the main bundle): the same
 * two passes as `runHere`, with the worker's own connection to the database file. The back end's thread only passes
 * messages, so it keeps answering every other request meanwhile (its connection reads the data as it was until the
 * import's one transaction commits). Where the built worker is not there (the unit tests run the sources, unbuilt),
 * `startImportRun` runs the import on the calling thread instead.
 */
import { Worker } from 'node:worker_threads'
import { builtWorker } from '../../../builtWorker'
import type { ImportChoices, ImportPreview } from '../../../../shared/csv'
import type { Msg } from '../../../../shared/i18n/message'
import { DomainError, type FieldIssue } from '../../../../shared/result'
import type { Db } from '../../../db/connection'
import type { ImportRepo } from '../../../db/repos/import'
import type { CommitResult } from './commit'
import type { ImportSource } from './plan'
import { type ImportRun, runHere, type RunOptions } from './run'

export interface WorkerStart {
  sources: ImportSource[]
  dbPath: string
  nativeBinding?: string | undefined
}

export type ToWorker = { type: 'commit'; choices: ImportChoices }

/** An error as it crosses to the back end's thread: a DomainError as it was, any other with its message and code. */
export type WireError = { domain: true; code: DomainError['code']; msg: Msg | string; issues?: FieldIssue[] } | { domain: false; message: string; code?: string }

export type FromWorker =
  | { type: 'bytes'; bytes: number }
  | { type: 'ready'; preview: ImportPreview }
  | { type: 'readFailed'; error: WireError }
  | { type: 'commitBytes'; bytes: number; total: number }
  | { type: 'committed'; result: CommitResult }
  | { type: 'commitFailed'; error: WireError }

export function wireError(e: unknown): WireError {
  if (e instanceof DomainError) return { domain: true, code: e.code, msg: e.msg, ...(e.issues ? { issues: e.issues } : {}) }
  const code = (e as { code?: unknown } | null)?.code
  return { domain: false, message: e instanceof Error ? e.message : String(e), ...(typeof code === 'string' ? { code } : {}) }
}

/** The error again, on this side: SQLite's and the system's codes kept, for the router to word. */
export function unwire(w: WireError): Error {
  if (w.domain) return new DomainError(w.code, w.msg, w.issues)
  return Object.assign(new Error(w.message), w.code === undefined ? {} : { code: w.code })
}

/** The built worker (out/main/import-worker.js), or '' when the sources run unbuilt. */
const IMPORT_WORKER_FILE = builtWorker('import-worker', import.meta.url)

/** Both passes of an import in a worker thread running `workerFile`, with its own connection to `dbPath`. */
export function runInWorker(workerFile: string, start: WorkerStart, opts: RunOptions = {}): ImportRun {
  const worker = new Worker(workerFile, { workerData: start })
  let onReady: { resolve(p: ImportPreview): void; reject(e: Error): void } | null = null
  let committing: { resolve(r: CommitResult): void; reject(e: Error): void; onBytes?: ((bytes: number, total: number) => void) | undefined } | null = null
  let ended = false
  const preview = new Promise<ImportPreview>((resolve, reject) => (onReady = { resolve, reject }))
  preview.catch(() => {})
  const stop = (e: Error) => {
    ended = true
    onReady?.reject(e)
    onReady = null
    committing?.reject(e)
    committing = null
  }
  worker.on('message', (m: FromWorker) => {
    switch (m.type) {
      case 'bytes':
        opts.onBytes?.(m.bytes)
        break
      case 'ready':
        onReady?.resolve(m.preview)
        onReady = null
        break
      case 'readFailed':
        onReady?.reject(unwire(m.error))
        onReady = null
        break
      case 'commitBytes':
        committing?.onBytes?.(m.bytes, m.total)
        break
      case 'committed':
      case 'commitFailed': {
        const c = committing
        committing = null
        if (m.type === 'committed') {
          c?.resolve(m.result)
          release()
        } else c?.reject(unwire(m.error))
        break
      }
    }
  })
  worker.on('error', (e) => stop(e))
  worker.on('exit', (code) => stop(new Error(`The import stopped (exit code ${code}).`)))
  /** Ends the worker: its connection closes with it, and a transaction it had open is rolled back. */
  const release = () => {
    if (ended) return
    ended = true
    void worker.terminate()
  }
  return {
    preview,
    commit(choices, onBytes) {
      if (ended) return Promise.reject(new DomainError('conflict', { key: 'noPreview' }))
      if (committing) return Promise.reject(new DomainError('conflict', { key: 'importWriting' }))
      return new Promise<CommitResult>((resolve, reject) => {
        committing = { resolve, reject, onBytes }
        worker.postMessage({ type: 'commit', choices } satisfies ToWorker)
      })
    },
    release
  }
}

export interface StartImport {
  sources: ImportSource[]
  db: Db
  repo: ImportRepo
  nativeBinding?: string | undefined
  /** The built worker to run it in; IMPORT_WORKER_FILE by default, '' to run on this thread. */
  workerFile?: string
}

/** An import in a worker thread where the built worker is there, else on this thread. */
export function startImportRun(s: StartImport, opts: RunOptions = {}): ImportRun {
  const file = s.workerFile ?? IMPORT_WORKER_FILE
  if (file === '' || s.db.memory) return runHere(s.sources, s.db, s.repo, opts)
  return runInWorker(file, { sources: s.sources, dbPath: s.db.name, nativeBinding: s.nativeBinding }, opts)
}
