import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { backupDatabase, backupDirFor, backupFileName, rotateBackups } from './backup'
import { DatabaseOpenError, errorCode, resourceMessage, resourceProblem } from './errors'
import { migrate, schemaVersion } from './migrate'
import { type Migration, MIGRATIONS } from './migrations'

export type Db = Database.Database

export interface OpenOptions {
  path: string
  /** A better-sqlite3 binary built for another runtime (Electron's ABI), if not the one in node_modules. */
  nativeBinding?: string
  now?: () => Date
  /** The migration registry; tests pass a longer one to exercise upgrades. */
  migrations?: readonly Migration[]
}

export interface OpenedDatabase {
  db: Db
  path: string
  /** The schema version found on disk before migrating (0 for a new file). */
  migratedFrom: number
  /** The verified copy taken before migrating an existing database, if one was needed. */
  backupPath?: string
}

/** How many pre-migration copies to keep. */
const KEEP_PRE_MIGRATION = 5

/**
 * How long one statement waits for another program's lock before SQLite gives up with SQLITE_BUSY. Short: the
 * back end runs on one thread, and a wait here holds up every request; the router waits longer between tries
 * without blocking (`LOCK_PATIENCE_MS` in ipc/router.ts).
 */
export const BUSY_TIMEOUT_MS = 40

/** Pragmas every connection gets: WAL with full fsync (no lost commits on power loss), foreign keys on. */
export function applyPragmas(db: Db): void {
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
}

/**
 * Opens (creating if needed) the database at `path` and brings its schema up to date. An existing file
 * is first inspected read-only, so a file this version must refuse (newer schema, not a database,
 * another program's database) is never written to.
 */
export async function openDatabase(opts: OpenOptions): Promise<OpenedDatabase> {
  const { path } = opts
  const binding = opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}
  const migrations = opts.migrations ?? MIGRATIONS
  const latest = migrations.length
  const existed = existsSync(path)
  if (existed) {
    const st = statSync(path)
    if (st.isDirectory()) {
      throw new DatabaseOpenError(
        'is_folder',
        { key: 'dbIsFolder', params: { path, example: join(path, 'sprintlog.db') } },
        path
      )
    }
    // SQLite would take an empty file for a new database and build one in it; an empty file where data was
    // expected is more likely a copy or a sync that went wrong, so it is left as it is and the runner decides.
    if (st.size === 0) {
      throw new DatabaseOpenError(
        'empty',
        { key: 'dbEmpty' },
        path
      )
    }
    inspect(path, binding, latest)
  }

  mkdirSync(dirname(path), { recursive: true })
  let db: Db
  try {
    db = new Database(path, { timeout: BUSY_TIMEOUT_MS, ...binding })
    applyPragmas(db)
  } catch (e) {
    throw classify(e, path)
  }
  try {
    const found = schemaVersion(db)
    let backupPath: string | undefined
    if (existed && found > 0 && found < latest) {
      const dir = backupDirFor(path)
      const now = opts.now?.() ?? new Date()
      backupPath = await backupDatabase(db, join(dir, backupFileName(path, `pre-migration-v${found}`, now)), opts.nativeBinding)
      rotateBackups(dir, 'pre-migration', KEEP_PRE_MIGRATION)
    }
    let migratedFrom: number
    try {
      migratedFrom = migrate(db, migrations)
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e)
      throw new DatabaseOpenError(
        'migration_failed',
        { key: 'dbMigrationFailed', params: { from: String(found), to: String(latest), detail } },
        path
      )
    }
    return backupPath ? { db, path, migratedFrom, backupPath } : { db, path, migratedFrom }
  } catch (e) {
    db.close()
    throw e instanceof DatabaseOpenError ? e : classify(e, path)
  }
}

function inspect(path: string, binding: { nativeBinding?: string }, latest: number): void {
  let probe: Db | undefined
  try {
    probe = new Database(path, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS, ...binding })
    const version = schemaVersion(probe)
    if (version > latest) {
      throw new DatabaseOpenError(
        'too_new',
        { key: 'dbTooNew', params: { version: String(version), latest: String(latest) } },
        path
      )
    }
    // A file cut short (a crash while copying it, a full disk) still opens; its header knows the real length.
    const expected = (probe.pragma('page_count', { simple: true }) as number) * (probe.pragma('page_size', { simple: true }) as number)
    if (!existsSync(`${path}-wal`) && statSync(path).size < expected) {
      throw new DatabaseOpenError(
        'corrupt',
        { key: 'dbShort', params: { size: String(statSync(path).size), expected: String(expected) } },
        path
      )
    }
    if (version === 0) {
      const tables = probe.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'`).get() as { n: number }
      if (tables.n > 0) {
        throw new DatabaseOpenError(
          'foreign',
          { key: 'dbForeign' },
          path
        )
      }
    }
  } catch (e) {
    throw e instanceof DatabaseOpenError ? e : classify(e, path)
  } finally {
    probe?.close()
  }
}

function classify(e: unknown, path: string): DatabaseOpenError {
  const code = errorCode(e)
  const detail = e instanceof Error ? e.message : String(e)
  const problem = resourceProblem(e)
  if (problem === 'locked') {
    return new DatabaseOpenError('locked', { key: 'dbLocked', params: { path } }, path)
  }
  if (problem === 'read_only' || (code === 'SQLITE_CANTOPEN' && !writable(path))) {
    return new DatabaseOpenError('read_only', resourceMessage('read_only', path), path)
  }
  if (problem === 'disk_full') {
    return new DatabaseOpenError('disk_full', { key: 'dbDiskFull' }, path)
  }
  if (code === 'SQLITE_NOTADB') {
    return new DatabaseOpenError('not_a_database', { key: 'dbNotADatabase', params: { detail } }, path)
  }
  if (code.startsWith('SQLITE_CORRUPT')) {
    return new DatabaseOpenError('corrupt', { key: 'dbCorrupt', params: { detail } }, path)
  }
  return new DatabaseOpenError('unreadable', { key: 'dbUnreadable', params: { detail } }, path)
}

/** Whether the file (or, when it does not exist yet, its folder) can be written to. */
function writable(path: string): boolean {
  try {
    accessSync(existsSync(path) ? path : dirname(path), constants.W_OK)
    return true
  } catch {
    return false
  }
}
