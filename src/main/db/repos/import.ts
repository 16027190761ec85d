/**
 * The import's writes: records keep the UUIDs and timestamps of the file they came from (so an export of an
 * imported history is the same file again), and sessions get their derived metrics from the shared functions,
 * exactly as when a session is saved from the form.
 */
import type { ImportedBlock, ImportedProtocolRecord, ImportedSession, ImportedWeight } from '../../../shared/csv'
import { insertSql, keysOf, rowDecoder, selectList, sqlParams, storedColumns, updateSet } from '../../../shared/fields'
import { BLOCK_FIELDS, PROTOCOL_FIELDS, REP_FIELDS, SESSION_FIELDS, WEIGHT_FIELDS } from '../../../shared/records'
import type { Block, Rep, RepeatGroup, Terrain } from '../../../shared/training'
import type { Db } from '../connection'
import { sessionWriter, walkDownEstimates } from './sessionWriter'
import { BUILD as BUILD_DAY_STATS } from '../migrations/009-day-stats'

/** Every stored column of a protocol but its id: a protocol from a protocols file is written as it was exported. */
const PROTOCOL_KEYS = storedColumns(PROTOCOL_FIELDS)
  .map(([k]) => k)
  .filter((k) => k !== 'id')
const BLOCK_KEYS = storedColumns(BLOCK_FIELDS)
  .map(([k]) => k)
  .filter((k) => k !== 'id')

/** A live block's dates and name, for the overlap rule. */
export type LiveBlock = Pick<Block, 'id' | 'uuid' | 'name' | 'startDate' | 'weeks'>

export interface ImportedProtocol {
  uuid: string
  name: string
  description: string
  terrain: Terrain
  groups: RepeatGroup[]
}

export type ImportRepo = ReturnType<typeof importRepo>

/**
 * An import adding at least this many sessions, and at least as many as the database holds, writes them with the
 * secondary indexes of sessions and reps set aside and builds those again after: faster than keeping them up to
 * date row by row.
 */
export const LARGE_IMPORT_SESSIONS = 10_000

/**
 * The fields an import compares with Sprintlog's for a record that is there already: those the runner enters and
 * the file carries (computed columns follow from them; timestamps are not a difference), and a session's protocol.
 */
export const COMPARED = {
  sessions: [...keysOf(SESSION_FIELDS, 'input').filter((k) => SESSION_FIELDS[k].csv !== null && SESSION_FIELDS[k].csvRead), 'protocolUuid' as const],
  reps: keysOf(REP_FIELDS, 'input'),
  weights: keysOf(WEIGHT_FIELDS, 'input'),
  /** A protocol's fields and whether it is archived (the runner's own protocols; built-in ones never change). */
  protocols: [...keysOf(PROTOCOL_FIELDS, 'input'), 'archived' as const],
  /** A block's fields, and its protocol by UUID. */
  blocks: [...keysOf(BLOCK_FIELDS, 'input').filter((k) => BLOCK_FIELDS[k].csv !== null), 'protocolUuid' as const]
}

/** What the preview compares a session of the files with: Sprintlog's session of that UUID, deleted or not. */
export interface SessionHere {
  id: number
  deleted: boolean
  /** Its state, to tell at the commit whether it changed since the preview. */
  stamp: string
  /** Its number of reps. */
  reps: number
  values: Record<string, unknown>
}

/** A protocol or training block in Sprintlog, with the values an import compares. */
export interface TrainingHere {
  /** A built-in protocol: never changed by an import. */
  builtIn: boolean
  deleted: boolean
  stamp: string
  values: Record<string, unknown>
}

export interface WeightHere {
  deleted: boolean
  stamp: string
  values: Record<string, unknown>
}

/** A record's state in Sprintlog: it changes whenever the record is saved, deleted, restored or imported over. */
const STAMP = (alias: string) => `${alias}.updated_at || '|' || ifnull(${alias}.deleted_at, '')`
const decodeSession = rowDecoder<Record<string, unknown>>(SESSION_FIELDS, COMPARED.sessions)
const decodeProtocol = rowDecoder<Record<string, unknown>>(PROTOCOL_FIELDS, COMPARED.protocols)
const decodeBlock = rowDecoder<Record<string, unknown>>(BLOCK_FIELDS, COMPARED.blocks)
/** What taking the file's version of a protocol or block replaces: its fields and `updated_at`. */
const PROTOCOL_REPLACED = [...COMPARED.protocols, 'updatedAt']
const BLOCK_REPLACED = [...keysOf(BLOCK_FIELDS, 'input'), 'updatedAt']
const decodeRep = rowDecoder<Record<string, unknown>>(REP_FIELDS, ['position', ...COMPARED.reps])

export function importRepo(db: Db, clock: () => Date = () => new Date()) {
  const s = {
    session: db.prepare<[string], number>(`SELECT id FROM sessions WHERE uuid = ?`).pluck(),
    weight: db.prepare<[string], number>(`SELECT id FROM body_weights WHERE uuid = ?`).pluck(),
    protocol: db.prepare<[string], number>(`SELECT id FROM protocols WHERE uuid = ?`).pluck(),
    insertProtocol: db.prepare(
      `INSERT INTO protocols (uuid, name, description, source_note, terrain, groups_json, built_in, archived, created_at, updated_at)
       VALUES (@uuid, @name, @description, '', @terrain, @groupsJson, 0, 0, @now, @now)`
    ),
    block: db.prepare<[string], number>(`SELECT id FROM blocks WHERE uuid = ?`).pluck(),
    liveBlocks: db.prepare<[], LiveBlock>(`SELECT id, uuid, name, start_date AS startDate, weeks FROM blocks WHERE deleted_at IS NULL ORDER BY start_date`),
    insertProtocolRecord: db.prepare<[Record<string, unknown>], never>(insertSql('protocols', PROTOCOL_FIELDS, PROTOCOL_KEYS)),
    insertBlock: db.prepare<[Record<string, unknown>], never>(insertSql('blocks', BLOCK_FIELDS, BLOCK_KEYS)),
    sessionHere: db.prepare<[string], Record<string, unknown> & { id: number; deleted: number; stamp: string; reps: number }>(
      `SELECT s.id AS id, s.deleted_at IS NOT NULL AS deleted, ${STAMP('s')} AS stamp, (SELECT count(*) FROM reps r WHERE r.session_id = s.id) AS reps,
         ${selectList(SESSION_FIELDS, 's', COMPARED.sessions)}
       FROM sessions s LEFT JOIN protocols p ON p.id = s.protocol_id WHERE s.uuid = ?`
    ),
    repsHere: db.prepare<[number], Record<string, unknown>>(`SELECT ${selectList(REP_FIELDS, 'r', ['position', ...COMPARED.reps])} FROM reps r WHERE r.session_id = ? ORDER BY r.position`),
    weightHere: db.prepare<[string], Record<string, unknown> & { deleted: number; stamp: string }>(
      `SELECT w.deleted_at IS NOT NULL AS deleted, ${STAMP('w')} AS stamp, ${selectList(WEIGHT_FIELDS, 'w', COMPARED.weights)} FROM body_weights w WHERE w.uuid = ?`
    ),
    sessionStamp: db.prepare<[string], string>(`SELECT ${STAMP('s')} FROM sessions s WHERE s.uuid = ?`).pluck(),
    weightStamp: db.prepare<[string], string>(`SELECT ${STAMP('w')} FROM body_weights w WHERE w.uuid = ?`).pluck(),
    replaceWeight: db.prepare<[string, number, string, string, string], never>(
      `UPDATE body_weights SET date = ?, kg = ?, note = ?, updated_at = ?, deleted_at = NULL WHERE uuid = ?`
    ),
    undelete: db.prepare<[number], never>(`UPDATE sessions SET deleted_at = NULL WHERE id = ?`),
    protocolHere: db.prepare<[string], Record<string, unknown> & { builtIn: number; stamp: string }>(
      `SELECT p.built_in AS builtIn, p.updated_at || '|' || p.archived AS stamp, ${selectList(PROTOCOL_FIELDS, 'p', COMPARED.protocols)} FROM protocols p WHERE p.uuid = ?`
    ),
    blockHere: db.prepare<[string], Record<string, unknown> & { deleted: number; stamp: string }>(
      `SELECT b.deleted_at IS NOT NULL AS deleted, ${STAMP('b')} AS stamp, ${selectList(BLOCK_FIELDS, 'b', COMPARED.blocks)}
       FROM blocks b LEFT JOIN protocols p ON p.id = b.protocol_id WHERE b.uuid = ?`
    ),
    protocolStamp: db.prepare<[string], string>(`SELECT p.updated_at || '|' || p.archived FROM protocols p WHERE p.uuid = ? AND p.built_in = 0`).pluck(),
    blockStamp: db.prepare<[string], string>(`SELECT ${STAMP('b')} FROM blocks b WHERE b.uuid = ?`).pluck(),
    replaceProtocol: db.prepare<[Record<string, unknown>], never>(`UPDATE protocols SET ${updateSet(PROTOCOL_FIELDS, PROTOCOL_REPLACED)} WHERE uuid = @uuid AND built_in = 0`),
    replaceBlock: db.prepare<[Record<string, unknown>], never>(`UPDATE blocks SET ${updateSet(BLOCK_FIELDS, BLOCK_REPLACED)}, deleted_at = NULL WHERE uuid = @uuid`),
    sourceOf: db.prepare<[number], number>(`SELECT id FROM session_sources WHERE session_id = ?`).pluck(),
    sourceBySha: db.prepare<[string], number>(`SELECT id FROM session_sources WHERE sha256 = ?`).pluck(),
    insertSource: db.prepare<[number, string, string, string, string | null, string], never>(
      `INSERT INTO session_sources (session_id, sha256, file_name, format, device, sport, byte_size, data, imported_at) VALUES (?, ?, ?, ?, ?, NULL, 0, NULL, ?)`
    ),
    lastSessionId: db.prepare<[], number | null>(`SELECT max(id) FROM sessions`).pluck(),
    dayStatsTriggers: db.prepare<[], { name: string; sql: string }>(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name GLOB 'day_stats_*' ORDER BY name`),
    secondaryIndexes: db.prepare<[], { name: string; sql: string }>(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('sessions', 'reps') AND sql IS NOT NULL ORDER BY name`
    ),
    insertWeight: db.prepare<[string, string, number, string, string, string], never>(
      `INSERT INTO body_weights (uuid, date, kg, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`
    )
  }

  return {
    /** True when a session with this UUID exists, deleted or not. */
    hasSession: (uuid: string): boolean => s.session.get(uuid) !== undefined,
    hasWeight: (uuid: string): boolean => s.weight.get(uuid) !== undefined,
    /** The session with this UUID, deleted or not, with the values an import compares. */
    sessionHere(uuid: string): SessionHere | undefined {
      // Most sessions of a file are new: a seek in the UUID index says so, without the joins.
      if (s.session.get(uuid) === undefined) return undefined
      const row = s.sessionHere.get(uuid)
      if (!row) return undefined
      const { id, deleted, stamp, reps, ...values } = row
      return { id, deleted: deleted === 1, stamp, reps, values: decodeSession(values) }
    },
    /** A session's reps in order, with the values an import compares (and `position`). */
    repsHere: (sessionId: number): Record<string, unknown>[] => s.repsHere.all(sessionId).map(decodeRep),
    weightHere(uuid: string): WeightHere | undefined {
      const row = s.weightHere.get(uuid)
      if (!row) return undefined
      const { deleted, stamp, ...values } = row
      return { deleted: deleted === 1, stamp, values }
    },
    /** The state of a session or body weight now, to compare with the one previewed (undefined: not there). */
    sessionStamp: (uuid: string): string | undefined => s.sessionStamp.get(uuid),
    weightStamp: (uuid: string): string | undefined => s.weightStamp.get(uuid),
    protocolHere(uuid: string): TrainingHere | undefined {
      const row = s.protocolHere.get(uuid)
      if (!row) return undefined
      const { builtIn, stamp, ...values } = row
      return { builtIn: builtIn === 1, deleted: false, stamp, values: decodeProtocol(values) }
    },
    blockHere(uuid: string): TrainingHere | undefined {
      const row = s.blockHere.get(uuid)
      if (!row) return undefined
      const { deleted, stamp, ...values } = row
      return { builtIn: false, deleted: deleted === 1, stamp, values: decodeBlock(values) }
    },
    protocolStamp: (uuid: string): string | undefined => s.protocolStamp.get(uuid),
    blockStamp: (uuid: string): string | undefined => s.blockStamp.get(uuid),
    /** One of the runner's protocols takes the file's fields, archived flag and `updated_at`. */
    replaceProtocol(p: ImportedProtocolRecord): void {
      s.replaceProtocol.run({ ...sqlParams(PROTOCOL_FIELDS, p as unknown as Record<string, unknown>, PROTOCOL_REPLACED), uuid: p.uuid })
    },
    /** A block takes the file's fields and `updated_at`, and is restored if it was deleted. */
    replaceBlock(b: ImportedBlock, protocolId: number | null): void {
      s.replaceBlock.run({ ...sqlParams(BLOCK_FIELDS, { ...b, protocolId }, BLOCK_REPLACED), uuid: b.uuid })
    },
    /** A body weight in Sprintlog takes the file's values, and is restored if it was deleted. */
    replaceWeight(w: ImportedWeight): void {
      s.replaceWeight.run(w.date, w.kg, w.note, w.updatedAt, w.uuid)
    },
    protocolId: (uuid: string): number | undefined => s.protocol.get(uuid),
    /** True when a block with this UUID exists, deleted or not. */
    hasBlock: (uuid: string): boolean => s.block.get(uuid) !== undefined,
    /** The blocks that are not deleted, for the overlap rule (blocks may not overlap). */
    liveBlocks: (): LiveBlock[] => s.liveBlocks.all(),
    /** A protocol from a protocols file: one of the runner's own, with its UUID, archived flag and timestamps. */
    insertProtocolRecord(p: ImportedProtocolRecord): number {
      return Number(s.insertProtocolRecord.run(sqlParams(PROTOCOL_FIELDS, { ...p, builtIn: false }, PROTOCOL_KEYS)).lastInsertRowid)
    },
    insertBlock(b: ImportedBlock, protocolId: number | null): number {
      return Number(s.insertBlock.run(sqlParams(BLOCK_FIELDS, { ...b, protocolId }, BLOCK_KEYS)).lastInsertRowid)
    },
    insertProtocol(p: ImportedProtocol): number {
      const info = s.insertProtocol.run({ ...p, groupsJson: JSON.stringify(p.groups), now: clock().toISOString() })
      return Number(info.lastInsertRowid)
    },
    /**
     * Adds sessions with their reps, through the same writer as a save (repos/sessionWriter.ts); `end()` writes the
     * last reps, then brings the walk-down estimates of the protocols whose sessions walked down a hill up to date
     * (sessions arrive in any order, so each is first written with the 90 s default), and must run before the
     * transaction ends.
     */
    sessionWriter() {
      const writer = sessionWriter(db)
      /**
       * A session's source from the file, as metadata only (the CSV files carry no bytes), so that importing that
       * watch file again finds it logged. Kept as it is when the session has a source already or the file is
       * another session's.
       */
      const addSource = (sessionId: number, x: ImportedSession['source']) => {
        if (!x || s.sourceOf.get(sessionId) !== undefined || s.sourceBySha.get(x.sha256) !== undefined) return
        s.insertSource.run(sessionId, x.sha256, x.fileName.slice(0, 255), x.format, x.device?.slice(0, 120) ?? null, clock().toISOString())
      }
      const estimates = walkDownEstimates(db)
      /** Per protocol (null: free-form) with imported walk-downs, the first date of them. */
      const walkedDown = new Map<number | null, string>()
      const from = (protocolId: number | null, date: string) => {
        const first = walkedDown.get(protocolId)
        if (first === undefined || date < first) walkedDown.set(protocolId, date)
      }
      return {
        /** False (and nothing written) when a session with its UUID exists, deleted or not. */
        add(x: ImportedSession, protocolId: number | null, reps: readonly Rep[]): boolean {
          const { protocolUuid: _uuid, protocolName: _name, planJson: _json, source, ...fields } = x
          const id = writer.add({ ...fields, protocolId }, reps)
          if (id === null) return false
          addSource(id, source)
          if (reps.some((r) => r.recoveryMode === 'walk-down')) from(protocolId, x.date)
          return true
        },
        /**
         * Replaces the fields and reps of the session with this UUID by the file's (its derived columns computed
         * again), restoring it if it was deleted; false when there is no such session.
         */
        replace(x: ImportedSession, protocolId: number | null, reps: readonly Rep[]): boolean {
          const here = s.session.get(x.uuid)
          if (here === undefined) return false
          const before = estimates.place(here)
          s.undelete.run(here)
          const { protocolUuid: _uuid, protocolName: _name, planJson: _json, uuid: _u, createdAt: _c, source, ...fields } = x
          if (!writer.replace(here, { ...fields, protocolId }, reps)) return false
          addSource(here, source)
          // The estimates of the sessions after both its old and its new place are brought up to date by end().
          if (before) from(before.protocolId, before.date)
          from(protocolId, x.date)
          return true
        },
        end() {
          writer.flush()
          for (const [protocolId, from] of walkedDown) estimates.refresh(protocolId, from, false)
          walkedDown.clear()
        }
      }
    },
    insertWeight(w: ImportedWeight): void {
      s.insertWeight.run(w.uuid, w.date, w.kg, w.note, w.createdAt, w.updatedAt)
    },
    /** Whether adding `sessions` is a large import for this database (LARGE_IMPORT_SESSIONS); its row ids stand for its size. */
    isLarge: (sessions: number): boolean => sessions >= LARGE_IMPORT_SESSIONS && sessions >= (s.lastSessionId.get() ?? 0),
    /**
     * Drops the secondary indexes of sessions and reps (their UNIQUE constraints stay) and returns what builds them
     * again as they were. Both must run inside the caller's transaction, which rolls the drop back if it fails.
     * The triggers that keep the stored progress and bests per day (migration 9) read the day's sessions through
     * those indexes: they are set aside too, and the day rows built again from all the sessions at the end.
     */
    setAsideIndexes(): () => void {
      const indexes = s.secondaryIndexes.all()
      const triggers = s.dayStatsTriggers.all()
      for (const t of triggers) db.exec(`DROP TRIGGER "${t.name.replace(/"/g, '""')}"`)
      for (const i of indexes) db.exec(`DROP INDEX "${i.name.replace(/"/g, '""')}"`)
      return () => {
        for (const i of indexes) db.exec(i.sql)
        if (triggers.length === 0) return
        db.exec(BUILD_DAY_STATS)
        for (const t of triggers) db.exec(t.sql)
      }
    }
  }
}
