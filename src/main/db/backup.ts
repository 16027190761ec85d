import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { basename, extname, join } from 'node:path'
import { Worker } from 'node:worker_threads'
import type BetterSqlite3 from 'better-sqlite3'
import { format } from 'date-fns'
import type * as NodeFs from 'node:fs'
import type * as WorkerThreads from 'node:worker_threads'
import type { Db } from './connection'

/** Where backups of the database at `dbPath` are kept: a `backups` folder beside it. */
export function backupDirFor(dbPath: string): string {
  return join(dbPath, '..', 'backups')
}

/** What a backup job found wrong: the database itself is damaged, or the copy could not be made. */
export class BackupError extends Error {
  constructor(
    message: string,
    /** `corrupt`: the source database failed its integrity check; otherwise SQLite's or the system's error code. */
    readonly code: string
  ) {
    super(message)
    this.name = 'BackupError'
  }
}

interface Job {
  /** better-sqlite3's entry point, resolved here (the worker's own `require` has no package context). */
  module: string
  nativeBinding: string | undefined
  source: string
  /** Check the source with `integrity_check` first, and make no copy when it fails. */
  checkSource: boolean
  /** Where the copy goes; null to only check the source. */
  dest: string | null
}

type Outcome = { ok: true; check: string } | { ok: false; message: string; code: string }

/**
 * The backup job, run in a worker thread with its own read-only connection, so that neither the integrity check
 * (seconds on a large database) nor the copy holds up the back end's thread. `VACUUM INTO` writes one consistent
 * snapshot in one statement, whatever other connections write meanwhile (the online backup API starts over after
 * every write by another process); it goes to `DEST.partial`, which is checked and only then renamed, so a
 * crash or kill mid-backup never leaves a partial file under a backup's name. Its source text runs as an eval
 * worker, which is handed its `require` (a bundler would rewrite a `require` call written here) and its data in
 * `workerData`.
 */
function backupJob(load: (id: string) => unknown): void {
  const { parentPort, workerData } = load('node:worker_threads') as typeof WorkerThreads
  const fs = load('node:fs') as typeof NodeFs
  const job = workerData as Job
  const Database = load(job.module) as typeof BetterSqlite3
  const binding = job.nativeBinding ? { nativeBinding: job.nativeBinding } : {}
  const partial = job.dest === null ? null : `${job.dest}.partial`
  let out: Outcome
  try {
    const src = new Database(job.source, { readonly: true, fileMustExist: true, ...binding })
    try {
      if (job.checkSource) {
        const check = String(src.pragma('integrity_check', { simple: true }))
        if (check !== 'ok') throw Object.assign(new Error(`The database failed its integrity check (${check}).`), { code: 'corrupt' })
      }
      if (partial !== null) {
        fs.rmSync(partial, { force: true })
        src.prepare('VACUUM INTO ?').run(partial)
      }
    } finally {
      src.close()
    }
    let check = 'ok'
    if (partial !== null && job.dest !== null) {
      const copy = new Database(partial, { fileMustExist: true, ...binding })
      try {
        // One self-contained file, whatever the source's journal mode.
        copy.pragma('journal_mode = DELETE')
        check = String(copy.pragma('quick_check', { simple: true }))
      } finally {
        copy.close()
      }
      if (check !== 'ok') throw Object.assign(new Error(`The copy failed its check (${check}).`), { code: 'copy_failed' })
      fs.renameSync(partial, job.dest)
    }
    out = { ok: true, check }
  } catch (e) {
    if (partial !== null) fs.rmSync(partial, { force: true })
    const err = e as { message?: string; code?: string }
    out = { ok: false, message: err.message ?? String(e), code: err.code ?? 'error' }
  }
  parentPort?.postMessage(out)
}

const requireHere = createRequire(import.meta.url)
/** better-sqlite3's entry point; in a packaged app, from the unpacked copy beside the archive (electron-builder.yml). */
const driverPath = () => requireHere.resolve('better-sqlite3').replace(/app\.asar([\\/])/, 'app.asar.unpacked$1')
const SOURCE = `(${backupJob.toString()})(require)`

function runJob(job: Omit<Job, 'module'>): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(SOURCE, { eval: true, workerData: { ...job, module: driverPath() } })
    let settled = false
    worker.once('message', (m: Outcome) => {
      settled = true
      if (m.ok) resolve()
      else reject(new BackupError(m.message, m.code))
    })
    worker.once('error', (e) => {
      settled = true
      reject(new BackupError(e.message, (e as { code?: string }).code ?? 'error'))
    })
    worker.once('exit', (code) => {
      if (!settled) reject(new BackupError(`The backup worker stopped (exit code ${code}).`, 'error'))
    })
  })
}

/**
 * Copies the database at `sourcePath` to `destPath`: in a worker thread, one consistent snapshot with `VACUUM
 * INTO` to a temporary name, checked, then renamed. With `checkSource`, the database itself first passes
 * `integrity_check`, or the call throws a `BackupError` with code `corrupt` and no copy is made. Every file left
 * under a backup's name is a complete, checked copy.
 */
export async function backupFile(sourcePath: string, destPath: string, opts: { nativeBinding?: string | undefined; checkSource?: boolean } = {}): Promise<string> {
  mkdirSync(join(destPath, '..'), { recursive: true })
  await runJob({ nativeBinding: opts.nativeBinding, source: sourcePath, checkSource: opts.checkSource ?? false, dest: destPath })
  return destPath
}

/** Checks the database at `path` with `integrity_check`, off the back end's thread; throws a `BackupError` (code `corrupt`) when it fails. */
export function checkDatabase(path: string, nativeBinding?: string): Promise<void> {
  return runJob({ nativeBinding, source: path, checkSource: true, dest: null })
}

/** A copy of the open database `db` (see `backupFile`). */
export function backupDatabase(db: Db, destPath: string, nativeBinding?: string): Promise<string> {
  return backupFile(db.name, destPath, { nativeBinding })
}

/** A file name such as `sprintlog-pre-migration-v1-20261122-073000.db`. */
export function backupFileName(dbPath: string, label: string, now: Date): string {
  const stem = basename(dbPath, extname(dbPath))
  return `${stem}-${label}-${format(now, 'yyyyMMdd-HHmmss')}.db`
}

/** Deletes all but the newest `keep` backups whose names contain `label`. */
export function rotateBackups(dir: string, label: string, keep: number): string[] {
  let names: string[]
  try {
    names = readdirSync(dir).filter((n) => n.includes(`-${label}-`) && n.endsWith('.db'))
  } catch {
    return []
  }
  const byAge = names.map((n) => ({ n, t: statSync(join(dir, n)).mtimeMs })).sort((a, b) => b.t - a.t || (a.n < b.n ? 1 : -1))
  const removed = byAge.slice(keep).map(({ n }) => n)
  for (const n of removed) rmSync(join(dir, n), { force: true })
  return removed
}
