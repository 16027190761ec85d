/**
 * The import preview's notes on every session it has read, in a private temporary database of their own (an
 * empty file name: SQLite keeps it on disk and deletes it when closed), so that the preview's memory does not grow
 * with the number of sessions in the files. Nothing here touches the runner's database.
 */
import Database from 'better-sqlite3'

/** What the preview notes of a session: the hash of its first row's session cells, its rep count and numbers. */
export interface ScratchSession {
  uuid: string
  /** The order in which the preview met the sessions. */
  seq: number
  hash: number
  count: number
  /** Rep numbers seen: bits 0–24 of each stand for rep numbers 1–25, 26–50, 51–75, 76–100. */
  s0: number
  s1: number
  s2: number
  s3: number
  flags: number
  /** Where its first row is: the file's number in the import, and the line. */
  file: number
  line: number
  protocol: string | null
  /** For a session in Sprintlog: its row id, its number of reps there, and its state there (`changeStamp`); else 0, 0, null. */
  db: number
  dbReps: number
  stamp: string | null
}

/**
 * A body weight in Sprintlog that differs from the file's or was deleted there, or a session of a sessions file that
 * no reps file brings (`kind`): its state there when previewed.
 */
export type ScratchKind = 'weights' | 'sessionRows'
export interface ScratchWeight {
  uuid: string
  /** 1: differs; 2: deleted in Sprintlog. */
  state: number
  stamp: string
}

const ALL = 'uuid, seq, hash, count, s0, s1, s2, s3, flags, file, line, protocol, db, db_reps AS dbReps, stamp'

/** Pages of the scratch database kept in memory (KiB): the whole of it for about 150,000 sessions. */
const CACHE_KIB = 16 * 1024

export type ImportScratch = ReturnType<typeof importScratch>

export function importScratch() {
  const db = new Database('')
  db.pragma('journal_mode = OFF')
  db.pragma('synchronous = OFF')
  db.pragma(`cache_size = -${CACHE_KIB}`)
  db.exec(`CREATE TABLE sessions (
    uuid TEXT PRIMARY KEY, seq INTEGER NOT NULL, hash INTEGER NOT NULL, count INTEGER NOT NULL,
    s0 INTEGER NOT NULL, s1 INTEGER NOT NULL, s2 INTEGER NOT NULL, s3 INTEGER NOT NULL,
    flags INTEGER NOT NULL, file INTEGER NOT NULL, line INTEGER NOT NULL, protocol TEXT,
    db INTEGER NOT NULL, db_reps INTEGER NOT NULL, stamp TEXT
  ) WITHOUT ROWID;
  CREATE TABLE changed (kind TEXT NOT NULL, uuid TEXT NOT NULL, state INTEGER NOT NULL, stamp TEXT NOT NULL, PRIMARY KEY (kind, uuid)) WITHOUT ROWID`)
  const q = {
    get: db.prepare<[string], ScratchSession>(`SELECT ${ALL} FROM sessions WHERE uuid = ?`),
    put: db.prepare<[ScratchSession], never>(
      `INSERT OR REPLACE INTO sessions (uuid, seq, hash, count, s0, s1, s2, s3, flags, file, line, protocol, db, db_reps, stamp)
       VALUES (@uuid, @seq, @hash, @count, @s0, @s1, @s2, @s3, @flags, @file, @line, @protocol, @db, @dbReps, @stamp)`
    ),
    setFlags: db.prepare<[number, string], never>(`UPDATE sessions SET flags = ? WHERE uuid = ?`),
    setFlagWhere: db.prepare<[number, number, number, number], never>(`UPDATE sessions SET flags = flags | ? WHERE flags & ? = ? AND count <= ?`),
    over: db.prepare<[number, number, number], ScratchSession>(`SELECT ${ALL} FROM sessions WHERE flags & ? = ? AND count > ? ORDER BY seq`),
    totals: db.prepare<[number, number], { sessions: number; reps: number | null }>(`SELECT count(*) AS sessions, sum(count) AS reps FROM sessions WHERE flags & ? = ?`),
    protocols: db.prepare<[number], string>(`SELECT DISTINCT protocol FROM sessions WHERE flags & ? != 0 AND protocol IS NOT NULL`).pluck(),
    before: db.prepare<[string, number, number], ScratchSession>(`SELECT ${ALL} FROM sessions WHERE protocol = ? AND flags & ? != 0 AND seq < ? ORDER BY seq`),
    clearBefore: db.prepare<[number, string, number], never>(`UPDATE sessions SET flags = flags & ~? WHERE protocol = ? AND seq < ?`),
    countOf: db.prepare<[string, number], number>(`SELECT count FROM sessions WHERE uuid = ? AND flags & ? != 0`).pluck(),
    page: db.prepare<[number, number, string, number], ScratchSession>(`SELECT ${ALL} FROM sessions WHERE flags & ? = ? AND uuid > ? ORDER BY uuid LIMIT ?`),
    putChanged: db.prepare<[ScratchWeight & { kind: ScratchKind }], never>(`INSERT OR REPLACE INTO changed (kind, uuid, state, stamp) VALUES (@kind, @uuid, @state, @stamp)`),
    changed: db.prepare<[ScratchKind, string], ScratchWeight>(`SELECT uuid, state, stamp FROM changed WHERE kind = ? AND uuid = ?`),
    dropChanged: db.prepare<[ScratchKind, string], never>(`DELETE FROM changed WHERE kind = ? AND uuid = ?`)
  }
  // One transaction for the whole preview: the database is this import's alone.
  db.exec('BEGIN')
  return {
    get: (uuid: string): ScratchSession | undefined => q.get.get(uuid),
    put: (s: ScratchSession): void => void q.put.run(s),
    setFlags: (uuid: string, flags: number): void => void q.setFlags.run(flags, uuid),
    /** Adds `flag` to every session whose flags have `value` in the bits of `mask` and that has at most `maxCount` reps. */
    flagWhere: (flag: number, mask: number, value: number, maxCount: number): void => void q.setFlagWhere.run(flag, mask, value, maxCount),
    /** The sessions whose flags have `value` in the bits of `mask` and that have more than `maxCount` reps, in the order met. */
    over: (mask: number, value: number, maxCount: number): ScratchSession[] => q.over.all(mask, value, maxCount),
    /** How many sessions, with how many reps, have `value` in the bits of `mask`. */
    totals(mask: number, value: number): { sessions: number; reps: number } {
      const t = q.totals.get(mask, value)
      return { sessions: t?.sessions ?? 0, reps: t?.reps ?? 0 }
    },
    /** The protocols of the sessions with a flag of `mask`. */
    protocols: (mask: number): string[] => q.protocols.all(mask),
    /** The sessions of a protocol with a flag of `mask` met before `seq`, in the order met (no other call while iterating). */
    before: (protocol: string, mask: number, seq: number): IterableIterator<ScratchSession> => q.before.iterate(protocol, mask, seq),
    /** Takes `flag` off the sessions of a protocol met before `seq`. */
    clearBefore: (flag: number, protocol: string, seq: number): void => void q.clearBefore.run(flag, protocol, seq),
    /** A session's rep count when it has a flag of `mask`. */
    countOf: (uuid: string, mask: number): number | undefined => q.countOf.get(uuid, mask),
    /** Up to `limit` sessions whose flags have `value` in the bits of `mask`, with UUIDs after `after`, in UUID order. */
    page: (mask: number, value: number, after: string, limit: number): ScratchSession[] => q.page.all(mask, value, after, limit),
    putChanged: (kind: ScratchKind, w: ScratchWeight): void => void q.putChanged.run({ kind, ...w }),
    changed: (kind: ScratchKind, uuid: string): ScratchWeight | undefined => q.changed.get(kind, uuid),
    dropChanged: (kind: ScratchKind, uuid: string): void => void q.dropChanged.run(kind, uuid),
    close(): void {
      if (db.open) db.close()
    }
  }
}
