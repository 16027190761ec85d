/**
 * Backups: automatic daily copies (the last 7 kept), the pre-migration copies taken when opening, "back up
 * now", and restoring any of them. Every copy is made with SQLite's online backup API and verified by
 * reopening it (db/backup.ts). A restore first keeps a copy of the current data, so it can be undone.
 */
import { existsSync, readdirSync, renameSync, statSync } from 'node:fs'
import { basename, extname, join } from 'node:path'
import Database from 'better-sqlite3'
import { format } from 'date-fns'
import type { BackupInfo, BackupKind } from '../../shared/domain'
import { DomainError } from '../../shared/result'
import { backupDirFor, backupFile, backupFileName, checkDatabase, rotateBackups } from '../db/backup'
import type { Db } from '../db/connection'
import { migrate, schemaVersion } from '../db/migrate'
import { LATEST_VERSION } from '../db/migrations'
import type { Platform } from '../platform'
import { english, type Msg, msg } from '../../shared/i18n/message'


/** A backup's problem, in English and as a message. */
const problem = (m: Msg): { problem: string; problemMsg: Msg } => ({ problem: english(m), problemMsg: m })

export const KEEP: Record<Exclude<BackupKind, 'other'>, number> = { daily: 7, 'pre-migration': 5, 'before-restore': 5, manual: 20 }

/** A backup's file name: letters, digits, dots, dashes and underscores, ending in .db, no folders. */
export const BACKUP_NAME = /^[\w.-]+\.db$/

function kindOf(name: string): BackupKind {
  for (const k of ['pre-migration', 'before-restore', 'daily', 'manual'] as const) if (name.includes(`-${k}`)) return k
  return 'other'
}

/** Opens a backup read-only and describes it; a file that is not a good Sprintlog database says what is wrong. */
export function describeBackup(path: string, nativeBinding?: string): BackupInfo {
  const st = statSync(path)
  const base: BackupInfo = {
    name: basename(path),
    kind: kindOf(basename(path)),
    createdAt: st.mtime.toISOString(),
    sizeBytes: st.size,
    schemaVersion: 0,
    sessions: 0,
    weights: 0,
    ok: false
  }
  let db: Db | undefined
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) })
    const version = schemaVersion(db)
    const count = (sql: string) => (db as Db).prepare(sql).pluck().get() as number
    const info = {
      ...base,
      schemaVersion: version,
      sessions: version >= 2 ? count('SELECT count(*) FROM sessions WHERE deleted_at IS NULL') : 0,
      weights: version >= 1 ? count('SELECT count(*) FROM body_weights WHERE deleted_at IS NULL') : 0
    }
    if (version < 1) return { ...info, ...problem(msg('backupNotSprintlog')) }
    if (version > LATEST_VERSION) return { ...info, ...problem(msg('backupTooNew', { version: String(version) })) }
    return { ...info, ok: true }
  } catch (e) {
    return { ...base, ...problem(msg('backupUnreadable', { detail: e instanceof Error ? e.message : String(e) })) }
  } finally {
    db?.close()
  }
}

/** Every backup beside the database, newest first. */
export function listBackups(dbPath: string, nativeBinding?: string): BackupInfo[] {
  const dir = backupDirFor(dbPath)
  let names: string[]
  try {
    names = readdirSync(dir).filter((n) => BACKUP_NAME.test(n))
  } catch {
    return []
  }
  return names.map((n) => describeBackup(join(dir, n), nativeBinding)).sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.name < b.name ? 1 : -1))
}

/** The path of a backup named by the UI; refuses anything that is not a backup file in the backup folder. */
export function backupPath(dbPath: string, name: string): string {
  const path = join(backupDirFor(dbPath), name)
  if (!BACKUP_NAME.test(name) || !existsSync(path)) throw new DomainError('not_found', msg('noBackup', { name }))
  return path
}

/**
 * Makes a checked copy in the backup folder (off the back end's thread, see db/backup.ts), then keeps only the
 * newest copies of that kind. With `checkSource`, the database itself passes `integrity_check` first.
 */
export async function makeBackup(
  db: Db,
  dbPath: string,
  kind: Exclude<BackupKind, 'other'>,
  now = new Date(),
  nativeBinding?: string,
  checkSource = false
): Promise<BackupInfo> {
  const dir = backupDirFor(dbPath)
  // Two copies within one second get `-2`, `-3`, … rather than overwriting each other.
  let path = join(dir, backupFileName(dbPath, kind, now))
  for (let i = 2; existsSync(path); i++) path = join(dir, backupFileName(dbPath, kind, now).replace(/\.db$/, `-${i}.db`))
  path = await backupFile(db.name, path, { nativeBinding, checkSource })
  rotateBackups(dir, kind, KEEP[kind])
  return describeBackup(path, nativeBinding)
}

/** A copy to a place the user chose (not rotated, not listed). */
export async function backupTo(db: Db, destPath: string, nativeBinding?: string): Promise<BackupInfo> {
  return describeBackup(await backupFile(db.name, destPath, { nativeBinding }), nativeBinding)
}

function hasDailyBackup(dbPath: string, now: Date): boolean {
  const today = format(now, 'yyyyMMdd')
  const stem = basename(dbPath, extname(dbPath))
  const dir = backupDirFor(dbPath)
  return existsSync(dir) ? readdirSync(dir).some((n) => n.startsWith(`${stem}-daily-${today}-`) && n.endsWith('.db')) : false
}

/** Takes today's daily backup unless there is one already (the database checked first); returns it, or null when none was needed. */
export async function dailyBackup(db: Db, dbPath: string, now = new Date(), nativeBinding?: string): Promise<BackupInfo | null> {
  if (hasDailyBackup(dbPath, now)) return null
  return makeBackup(db, dbPath, 'daily', now, nativeBinding, true)
}

/**
 * The check at every start: the database's `integrity_check`, and today's daily backup if there is none yet —
 * in a worker thread, so the back end answers requests meanwhile. Throws a `BackupError` with code `corrupt`
 * when the database is damaged.
 */
export async function startupCheck(db: Db, dbPath: string, now = new Date(), nativeBinding?: string): Promise<BackupInfo | null> {
  if (hasDailyBackup(dbPath, now)) {
    await checkDatabase(db.name, nativeBinding)
    return null
  }
  return makeBackup(db, dbPath, 'daily', now, nativeBinding, true)
}

function assertRestorable(info: BackupInfo): void {
  if (!info.ok) throw new DomainError('conflict', msg('backupNotRestorable', { name: info.name, problem: info.problemMsg ?? info.problem ?? msg('backupNotGood') }))
}

/** Verifies a backup file fully (integrity check), not only its header. */
function verify(path: string, nativeBinding?: string): BackupInfo {
  const info = describeBackup(path, nativeBinding)
  assertRestorable(info)
  const db = new Database(path, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) })
  try {
    const check = db.pragma('integrity_check', { simple: true })
    if (check !== 'ok') throw new DomainError('conflict', msg('backupDamaged', { name: info.name, check: String(check) }))
  } finally {
    db.close()
  }
  return info
}

export interface RestoreResult {
  restored: BackupInfo
  /** The copy of the data as it was before the restore: restoring it undoes the restore. */
  undo: BackupInfo
}

/**
 * Replaces the open database's contents with a backup's, through the online backup API (so the live
 * connection sees the change as an ordinary write), after keeping a copy of the current data. An older
 * backup is then migrated to the current schema.
 */
export async function restoreInto(db: Db, dbPath: string, name: string, now = new Date(), nativeBinding?: string): Promise<RestoreResult> {
  const source = backupPath(dbPath, name)
  const restored = verify(source, nativeBinding)
  const undo = await makeBackup(db, dbPath, 'before-restore', now, nativeBinding)
  const src = new Database(source, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) })
  try {
    await src.backup(dbPath)
  } finally {
    src.close()
  }
  migrate(db)
  return { restored, undo }
}

/**
 * For a database that cannot be opened: moves the damaged (or too new) file aside, untouched, under a name
 * that says so, and puts a verified backup in its place. Returns where the old file went.
 */
export async function replaceDamaged(dbPath: string, name: string, now = new Date(), nativeBinding?: string): Promise<{ restored: BackupInfo; keptAs: string }> {
  const source = backupPath(dbPath, name)
  const restored = verify(source, nativeBinding)
  const stem = basename(dbPath, extname(dbPath))
  const keptAs = join(dbPath, '..', `${stem}.unopened-${format(now, 'yyyyMMdd-HHmmss')}${extname(dbPath) || '.db'}`)
  if (existsSync(dbPath)) renameSync(dbPath, keptAs)
  for (const suffix of ['-wal', '-shm']) if (existsSync(dbPath + suffix)) renameSync(dbPath + suffix, keptAs + suffix)
  const src = new Database(source, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) })
  try {
    await src.backup(dbPath)
  } finally {
    src.close()
  }
  return { restored, keptAs }
}

export interface BackupDeps {
  db: Db
  dbPath: string
  platform?: Platform | undefined
  nativeBinding?: string | undefined
}

/** "Back up now": where the desktop app can ask, to a place the user chooses (null when cancelled); else into the backup folder. */
export async function backUpNow(deps: BackupDeps, now = new Date()): Promise<BackupInfo | null> {
  const { db, dbPath, platform, nativeBinding } = deps
  if (platform?.chooseSavePath) {
    const dest = await platform.chooseSavePath({
      title: { key: 'backUp' },
      defaultName: `sprintlog-backup-${format(now, 'yyyy-MM-dd')}.db`,
      filters: [{ name: { key: 'filterDatabase' }, extensions: ['db'] }]
    })
    return dest === null ? null : backupTo(db, dest, nativeBinding)
  }
  return makeBackup(db, dbPath, 'manual', now, nativeBinding)
}

/** Restores a backup into the open database; the copy kept beforehand is named so the restore can be undone. */
export async function restoreBackup(deps: BackupDeps, name: string, now = new Date()): Promise<{ restored: BackupInfo; undoName: string; keptAs: null }> {
  const { restored, undo } = await restoreInto(deps.db, deps.dbPath, name, now, deps.nativeBinding)
  return { restored, undoName: undo.name, keptAs: null }
}
