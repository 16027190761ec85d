import type { Db } from './connection'
import { MIGRATIONS, type Migration } from './migrations'

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number
}

/**
 * Applies every pending migration in one transaction: the database ends at the latest version or stays
 * exactly where it was. Returns the version it started from.
 */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): number {
  const latest = migrations.length
  const from = schemaVersion(db)
  if (from > latest) throw new Error(`Database schema ${from} is newer than this app (${latest}).`)
  const pending = migrations.filter((m) => m.version > from)
  if (pending.length === 0) return from
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.sql)
      db.pragma(`user_version = ${m.version}`)
    }
  }).immediate()
  return from
}
