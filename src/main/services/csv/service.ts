/**
 * CSV export and import as jobs the UI can follow: an export runs in the background and reports its progress
 * until its files are complete (or cancelled, leaving nothing behind); an import is read and previewed first,
 * and written only when confirmed. Where files come from and go to depends on the platform:
 * - desktop: native save/open dialogs, passed in by src/main/index.ts as `platform`;
 * - web mode: uploads, and temporary files downloaded once through a ticket (see transfers.ts).
 */
import { randomBytes } from 'node:crypto'
import { stat } from 'node:fs/promises'
import { basename, dirname, extname, join } from 'node:path'
import { ALL_KINDS, type CsvKind, type ChosenFile, type ExportChoice, exportFileName, type ExportStatus, type ImportChoices, type ImportStatus } from '../../../shared/csv'
import { todayLocal, type LocalDate } from '../../../shared/dates'
import { english, type Msg, msg } from '../../../shared/i18n/message'
import { DomainError, fieldIssue } from '../../../shared/result'
import type { Db } from '../../db/connection'
import { exportRepo } from '../../db/repos/export'
import type { Platform } from '../../platform'
import { importRepo } from '../../db/repos/import'
import { exportFiles, type FileTarget } from './export'
import { type ImportRun, KEEP_ALL, startImportRun } from './import'
import { oneLine, resourceProblem } from '../../db/errors'

/** The export's failure in plain words: a full disk or a folder that cannot be written to says so. */
export const exportFailure = (e: unknown): string => english(exportFailureMsg(e))

/** The same as a message, for the renderer to word. */
export function exportFailureMsg(e: unknown): Msg {
  const problem = resourceProblem(e)
  if (problem === 'disk_full') return msg('exportDiskFull')
  if (problem === 'read_only') return msg('exportReadOnly')
  return msg('exportFailed', { detail: e instanceof Error ? e.message : String(e) })
}
import { createTransfers, type Transfers } from './transfers'

export interface DataServiceDeps {
  db: Db
  /** A separate read-only connection to the same database, for exports. */
  openReader: () => Db
  platform?: Platform | undefined
  /** A better-sqlite3 binary built for another runtime (Electron's ABI), for the import's own connection. */
  nativeBinding?: string | undefined
  /** The built import worker to run imports in (found beside the bundle by default); '' runs them on this thread. */
  importWorker?: string
  transfers?: Transfers
  now?: () => Date
  log?: (message: string, error?: unknown) => void
}

export interface ExportRequest {
  what: ExportChoice
  from?: LocalDate | undefined
  to?: LocalDate | undefined
}

/** How long finished jobs stay around for their status to be read. */
const KEEP_MS = 30 * 60 * 1000

const KINDS: Record<ExportChoice, readonly CsvKind[]> = {
  sessions: ['sessions'],
  reps: ['reps'],
  weights: ['weights'],
  all: ALL_KINDS
}

interface ExportJob {
  status: ExportStatus
  controller: AbortController
  finished?: number
  promise: Promise<void>
}

interface ImportJob {
  status: ImportStatus
  fileIds: string[]
  run?: ImportRun
  finished?: number
}

const newId = () => randomBytes(16).toString('base64url')

export type DataService = ReturnType<typeof createDataService>

export function createDataService(deps: DataServiceDeps) {
  const transfers = deps.transfers ?? createTransfers()
  const now = deps.now ?? (() => new Date())
  const log = deps.log ?? ((m: string, e?: unknown) => console.error(m, e))
  const exports = new Map<string, ExportJob>()
  const imports = new Map<string, ImportJob>()
  const writer = importRepo(deps.db, () => now())

  const prune = () => {
    const t = Date.now()
    for (const [id, j] of exports) if (j.finished && j.finished + KEEP_MS < t) exports.delete(id)
    for (const [id, j] of imports) if (j.finished && j.finished + KEEP_MS < t) imports.delete(id)
  }

  const exportJob = (jobId: string) => {
    const j = exports.get(jobId)
    if (!j) throw new DomainError('not_found', msg('noExport'))
    return j
  }
  const importJob = (previewId: string) => {
    const j = imports.get(previewId)
    if (!j) throw new DomainError('not_found', msg('noPreview'))
    return j
  }

  async function targetsFor(what: ExportChoice, base: string): Promise<(FileTarget & { fileName: string })[] | null> {
    const kinds = KINDS[what]
    if (deps.platform?.chooseSavePath) {
      const single = kinds.length === 1
      const chosen = await deps.platform.chooseSavePath({
        title: single ? { key: 'exportCsv' } : { key: 'exportCsvAll', params: { count: kinds.length } },
        defaultName: single ? exportFileName(base, kinds[0] as CsvKind) : `${base}.csv`
      })
      if (!chosen) return null
      if (single) return [{ kind: kinds[0] as CsvKind, path: chosen, fileName: basename(chosen) }]
      const stem = basename(chosen, extname(chosen))
      return kinds.map((kind) => {
        const fileName = exportFileName(stem, kind)
        return { kind, path: join(dirname(chosen), fileName), fileName }
      })
    }
    return kinds.map((kind) => ({ kind, path: transfers.tempPath(), fileName: exportFileName(base, kind) }))
  }

  async function runExport(job: ExportJob, targets: (FileTarget & { fileName: string })[], range: ExportRequest): Promise<void> {
    const { status } = job
    let reader: Db | null = null
    try {
      reader = deps.openReader()
      const written = await exportFiles(exportRepo(reader), targets, range, {
        signal: job.controller.signal,
        onTotal: (n) => (status.totalRows = n),
        onRows: (n) => (status.rows = n)
      })
      const desktop = Boolean(deps.platform?.chooseSavePath)
      status.files = written.map((w, i) => {
        const fileName = (targets[i] as { fileName: string }).fileName
        return desktop
          ? { kind: w.kind, fileName, rows: w.rows, path: w.path }
          : { kind: w.kind, fileName, rows: w.rows, downloadUrl: `/download/${transfers.offerDownload(w.path, fileName)}` }
      })
      status.rows = written.reduce((n, w) => n + w.rows, 0)
      status.done = true
    } catch (e) {
      status.done = true
      if (job.controller.signal.aborted) status.cancelled = true
      else {
        log(oneLine('CSV export failed', e))
        status.errorMsg = exportFailureMsg(e)
        status.error = english(status.errorMsg)
      }
    } finally {
      reader?.close()
      job.finished = Date.now()
    }
  }

  return {
    transfers,

    /** Starts an export; `jobId` is null when the user cancelled the save dialog. */
    async startExport(req: ExportRequest): Promise<{ jobId: string | null }> {
      prune()
      if (req.from && req.to && req.from > req.to) throw new DomainError('invalid_input', msg('rangeReversed'), [fieldIssue('from', msg('rangeReversed'))])
      const targets = await targetsFor(req.what, `sprintlog-${todayLocal(now())}`)
      if (!targets) return { jobId: null }
      const jobId = newId()
      const job: ExportJob = {
        status: { jobId, what: req.what, rows: 0, totalRows: 0, done: false, cancelled: false, files: [] },
        controller: new AbortController(),
        promise: Promise.resolve()
      }
      exports.set(jobId, job)
      job.promise = runExport(job, targets, req)
      return { jobId }
    },
    exportStatus(jobId: string): ExportStatus {
      const { status } = exportJob(jobId)
      return { ...status, files: status.files.map((f) => ({ ...f })) }
    },
    /** Resolves when the job has finished (tests and scripts). */
    async exportDone(jobId: string): Promise<ExportStatus> {
      await exportJob(jobId).promise
      return this.exportStatus(jobId)
    },
    cancelExport(jobId: string): { cancelled: boolean } {
      const j = exportJob(jobId)
      if (j.status.done) return { cancelled: false }
      j.controller.abort()
      return { cancelled: true }
    },

    /** Desktop: the native open dialog; the chosen files are known to the renderer by id only. */
    async chooseFiles(): Promise<{ files: ChosenFile[] }> {
      const choose = deps.platform?.chooseOpenPaths
      if (!choose) throw new DomainError('unavailable', msg('usePicker'))
      const paths = await choose({ title: { key: 'importCsv' } })
      const files: ChosenFile[] = []
      for (const p of paths) files.push(transfers.addFile(p, basename(p), (await stat(p)).size, false))
      return { files }
    },

    /** Starts reading files for an import preview. Only one preview is kept: starting another discards the last. */
    startPreview(fileIds: readonly string[]): { previewId: string } {
      prune()
      const sources = fileIds.map((id) => {
        const f = transfers.file(id)
        if (!f) throw new DomainError('not_found', msg('fileGone'))
        return { id, name: f.name, path: f.path, size: f.size }
      })
      const keep = new Set(fileIds)
      for (const [id, j] of imports) if (j.status.state === 'reading' || j.status.state === 'ready') this.cancelImport(id, false, keep)
      const previewId = newId()
      const job: ImportJob = {
        status: { previewId, state: 'reading', bytesRead: 0, totalBytes: sources.reduce((n, s) => n + s.size, 0) },
        fileIds: [...fileIds]
      }
      imports.set(previewId, job)
      const run = startImportRun(
        { sources, db: deps.db, repo: writer, nativeBinding: deps.nativeBinding, ...(deps.importWorker === undefined ? {} : { workerFile: deps.importWorker }) },
        { onBytes: (n) => (job.status.bytesRead = n) }
      )
      job.run = run
      run.preview
        .then((preview) => {
          if (job.status.state !== 'reading') return
          job.status.state = 'ready'
          job.status.bytesRead = job.status.totalBytes
          job.status.preview = preview
        })
        .catch((e: unknown) => {
          if (job.status.state !== 'reading') return
          log(oneLine('CSV import preview failed', e))
          job.status.state = 'failed'
          job.status.errorMsg = msg('importUnreadable', { detail: e instanceof Error ? e.message : String(e) })
          job.status.error = english(job.status.errorMsg)
          job.finished = Date.now()
        })
      return { previewId }
    },
    importStatus(previewId: string): ImportStatus {
      return { ...importJob(previewId).status }
    },
    /** Resolves when the preview has been read (tests and scripts). */
    async previewDone(previewId: string): Promise<ImportStatus> {
      for (;;) {
        const s = this.importStatus(previewId)
        if (s.state !== 'reading') return s
        await new Promise((r) => setTimeout(r, 5))
      }
    },
    /** True while an import is being written (its one transaction holds the database's write lock). */
    writing(): boolean {
      for (const j of imports.values()) if (j.status.state === 'committing') return true
      return false
    },
    /**
     * Writes the previewed import in one transaction, with the runner's choices for the records that are in Sprintlog
     * and differ or were deleted there (by default, all are left as they are). While it is written, its status is
     * `committing`, with the bytes of the files read again so far; if it fails, nothing is written and the preview
     * is ready to be committed again.
     */
    async commit(previewId: string, choices: ImportChoices = KEEP_ALL): Promise<ImportStatus> {
      const j = importJob(previewId)
      if (j.status.state === 'committing') throw new DomainError('conflict', msg('importWriting'))
      if (j.status.state !== 'ready' || !j.run) {
        throw new DomainError('conflict', { key: j.status.state === 'committed' ? 'importDone' : 'previewNotReady' })
      }
      const ready = j.status
      j.status = { ...ready, state: 'committing', bytesRead: 0 }
      let result
      try {
        result = await j.run.commit(choices, (bytes, total) => {
          j.status.bytesRead = bytes
          j.status.totalBytes = total
        })
      } catch (e) {
        if (j.status.state === 'committing') j.status = ready
        throw e
      }
      j.run = undefined
      j.status = { ...ready, state: 'committed', added: result.added, replaced: result.replaced, restored: result.restored }
      j.finished = Date.now()
      for (const id of j.fileIds) transfers.release(id)
      return { ...j.status }
    },
    cancelImport(previewId: string, strict = true, keepFiles: ReadonlySet<string> = new Set()): { cancelled: boolean } {
      const j = imports.get(previewId)
      if (!j) {
        if (strict) importJob(previewId)
        return { cancelled: false }
      }
      if (j.status.state !== 'reading' && j.status.state !== 'ready') return { cancelled: false }
      j.run?.release()
      j.run = undefined
      j.status = { ...j.status, state: 'cancelled' }
      delete j.status.preview
      j.finished = Date.now()
      for (const id of j.fileIds) if (!keepFiles.has(id)) transfers.release(id)
      return { cancelled: true }
    },

    close(): void {
      for (const j of exports.values()) j.controller.abort()
      for (const j of imports.values()) j.run?.release()
      transfers.close()
    }
  }
}
