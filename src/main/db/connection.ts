import { existsSync, mkdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { backupDatabase, backupDirFor, backupFileName, rotateBackups } from './backup'
import { DatabaseOpenError } from './errors'
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

/** Pragmas every connection gets: WAL with full fsync (no lost commits on power loss), foreign keys on. */
export function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
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
  if (existed) inspect(path, binding, latest)

  mkdirSync(dirname(path), { recursive: true })
  let db: Db
  try {
    db = new Database(path, binding)
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
        `Updating the database from schema ${found} to ${latest} failed (${detail}). It was left exactly as it was.`,
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
    probe = new Database(path, { readonly: true, fileMustExist: true, ...binding })
    const version = schemaVersion(probe)
    if (version > latest) {
      throw new DatabaseOpenError(
        'too_new',
        `This database was written by a newer version of Sprintlog (schema ${version}; this version understands up to ${latest}). Update Sprintlog to open it. The file has not been changed.`,
        path
      )
    }
    // A file cut short (a crash while copying it, a full disk) still opens; its header knows the real length.
    const expected = (probe.pragma('page_count', { simple: true }) as number) * (probe.pragma('page_size', { simple: true }) as number)
    if (!existsSync(`${path}-wal`) && statSync(path).size < expected) {
      throw new DatabaseOpenError(
        'corrupt',
        `The database file is damaged: it is shorter than its own header says (${statSync(path).size} of ${expected} bytes), so part of it is missing. It has not been changed.`,
        path
      )
    }
    if (version === 0) {
      const tables = probe.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'`).get() as { n: number }
      if (tables.n > 0) {
        throw new DatabaseOpenError(
          'foreign',
          'This file is an SQLite database, but not one of Sprintlog’s. Choose another file; this one has not been changed.',
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
  const code = (e as { code?: string }).code ?? ''
  const detail = e instanceof Error ? e.message : String(e)
  if (code === 'SQLITE_NOTADB') {
    return new DatabaseOpenError('not_a_database', `The file is not a Sprintlog database (${detail}). It has not been changed.`, path)
  }
  if (code.startsWith('SQLITE_CORRUPT')) {
    return new DatabaseOpenError('corrupt', `The database file is damaged (${detail}). It has not been changed.`, path)
  }
  return new DatabaseOpenError('unreadable', `The database could not be opened: ${detail}`, path)
}
