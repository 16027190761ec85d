/** The watch files sessions were logged from (table session_sources, migration 008): one per session at most. */
import type { WatchFormat } from '../../../shared/watch'
import type { Db } from '../connection'

export interface NewSource {
  sessionId: number
  sha256: string
  fileName: string
  format: WatchFormat
  device: string | null
  sport: string | null
  byteSize: number
  /** The file's bytes; null for a source known only from a CSV file (its metadata, no bytes). */
  data: Uint8Array | null
}

export interface SourceOwner {
  sessionId: number
  date: string
  /** The session was deleted (soft delete): its source stays until the file is logged again. */
  deleted: boolean
}

export type SourcesRepo = ReturnType<typeof sourcesRepo>

export function sourcesRepo(db: Db, clock: () => Date = () => new Date()) {
  const s = {
    owner: db.prepare<[string], { sessionId: number; date: string; deleted: number }>(
      `SELECT s.id AS sessionId, s.date, s.deleted_at IS NOT NULL AS deleted FROM session_sources src JOIN sessions s ON s.id = src.session_id WHERE src.sha256 = ?`
    ),
    ofSession: db.prepare<[number], number>(`SELECT id FROM session_sources WHERE session_id = ?`).pluck(),
    insert: db.prepare<[number, string, string, string, string | null, string | null, number, Uint8Array | null, string], never>(
      `INSERT INTO session_sources (session_id, sha256, file_name, format, device, sport, byte_size, data, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
    ),
    removeBySha: db.prepare<[string], never>(`DELETE FROM session_sources WHERE sha256 = ?`),
    bytes: db.prepare<[number], { fileName: string; data: Buffer | null }>(`SELECT file_name AS fileName, data FROM session_sources WHERE session_id = ?`),
    count: db.prepare<[], number>(`SELECT count(*) FROM session_sources`).pluck()
  }
  return {
    /** The session a file (by its SHA-256) is attached to, live or deleted; undefined when none. */
    owner(sha256: string): SourceOwner | undefined {
      const r = s.owner.get(sha256)
      return r && { sessionId: r.sessionId, date: r.date, deleted: r.deleted === 1 }
    },
    hasSource: (sessionId: number): boolean => s.ofSession.get(sessionId) !== undefined,
    /**
     * Attaches a file to a session. A file whose session was deleted moves to the new one (the deleted session, if
     * restored, then has no source). Must run inside the caller's transaction, which checked `owner` first.
     */
    attach(x: NewSource): void {
      s.removeBySha.run(x.sha256)
      s.insert.run(x.sessionId, x.sha256, x.fileName, x.format, x.device, x.sport, x.byteSize, x.data, clock().toISOString())
    },
    /** The original file of a session, as it was imported; undefined when it has none. */
    file(sessionId: number): { fileName: string; data: Buffer | null } | undefined {
      return s.bytes.get(sessionId)
    },
    count: (): number => s.count.get() ?? 0
  }
}
