import Database from 'better-sqlite3'
import { applyPragmas, BUSY_TIMEOUT_MS, type Db } from './connection'

/**
 * A second, read-only connection to the same file, for long reads such as a CSV export: its open iterator does not
 * block the app's own connection, and in WAL mode it reads a consistent snapshot while the app keeps writing.
 */
export function openReader(path: string, nativeBinding?: string): Db {
  const db = new Database(path, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS, ...(nativeBinding ? { nativeBinding } : {}) })
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
  // Long reads in date order jump around the tables: a larger page cache (32 MiB, bounded) keeps them fast.
  db.pragma('cache_size = -32768')
  return db
}

/**
 * A second read-write connection to the same file, for an import written in a worker thread: the pragmas of the
 * app's own, and a longer wait for the lock, which holds up only that worker.
 */
export function openWriter(path: string, nativeBinding?: string): Db {
  const db = new Database(path, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) })
  applyPragmas(db)
  db.pragma(`busy_timeout = ${WRITER_BUSY_TIMEOUT_MS}`)
  return db
}

/** How long the import's own connection waits for a write of the back end's to finish. */
export const WRITER_BUSY_TIMEOUT_MS = 5000
