import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { basename, extname, join } from 'node:path'
import Database from 'better-sqlite3'
import { format } from 'date-fns'
import type { Db } from './connection'

/** Where backups of the database at `dbPath` are kept: a `backups` folder beside it. */
export function backupDirFor(dbPath: string): string {
  return join(dbPath, '..', 'backups')
}

/**
 * Copies a live database with SQLite's online backup API (never a file copy, which can catch a WAL
 * database mid-write), then reopens the copy and runs an integrity check. A copy that fails the check
 * is removed and the call throws, so every file left in the backup folder is a good one.
 */
export async function backupDatabase(db: Db, destPath: string, nativeBinding?: string): Promise<string> {
  mkdirSync(join(destPath, '..'), { recursive: true })
  await db.backup(destPath)
  let check: unknown
  try {
    const copy = new Database(destPath, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) })
    try {
      // A copy of a WAL database is itself in WAL mode; make it one self-contained file.
      copy.pragma('journal_mode = DELETE')
      check = copy.pragma('integrity_check', { simple: true })
    } finally {
      copy.close()
    }
  } catch (e) {
    check = String(e)
  }
  if (check !== 'ok') {
    rmSync(destPath, { force: true })
    throw new Error(`The backup at ${destPath} failed its integrity check (${String(check)}); it was removed.`)
  }
  return destPath
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
