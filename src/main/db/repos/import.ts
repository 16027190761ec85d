/**
 * The import's writes: records keep the UUIDs and timestamps of the file they came from (so an export of an
 * imported history is the same file again), and sessions get their derived metrics from the shared functions,
 * exactly as when a session is saved from the form.
 */
import type { ImportedBlock, ImportedProtocolRecord, ImportedSession, ImportedWeight } from '../../../shared/csv'
import { insertSql, sqlParams, storedColumns } from '../../../shared/fields'
import { BLOCK_FIELDS, PROTOCOL_FIELDS } from '../../../shared/records'
import type { Block, Rep, RepeatGroup, Terrain } from '../../../shared/training'
import type { Db } from '../connection'
import { sessionWriter, walkDownEstimates } from './sessionWriter'

/** Every stored column of a protocol but its id: a protocol from a protocols file is written as it was exported. */
const PROTOCOL_KEYS = storedColumns(PROTOCOL_FIELDS)
  .map(([k]) => k)
  .filter((k) => k !== 'id')
const BLOCK_KEYS = storedColumns(BLOCK_FIELDS)
  .map(([k]) => k)
  .filter((k) => k !== 'id')

/** A live block's dates and name, for the overlap rule. */
export type LiveBlock = Pick<Block, 'id' | 'name' | 'startDate' | 'weeks'>

export interface ImportedProtocol {
  uuid: string
  name: string
  description: string
  terrain: Terrain
  groups: RepeatGroup[]
}

export type ImportRepo = ReturnType<typeof importRepo>

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
    liveBlocks: db.prepare<[], LiveBlock>(`SELECT id, name, start_date AS startDate, weeks FROM blocks WHERE deleted_at IS NULL ORDER BY start_date`),
    insertProtocolRecord: db.prepare<[Record<string, unknown>], never>(insertSql('protocols', PROTOCOL_FIELDS, PROTOCOL_KEYS)),
    insertBlock: db.prepare<[Record<string, unknown>], never>(insertSql('blocks', BLOCK_FIELDS, BLOCK_KEYS)),
    insertWeight: db.prepare<[string, string, number, string, string, string], never>(
      `INSERT INTO body_weights (uuid, date, kg, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`
    )
  }

  return {
    /** True when a session with this UUID exists, deleted or not. */
    hasSession: (uuid: string): boolean => s.session.get(uuid) !== undefined,
    hasWeight: (uuid: string): boolean => s.weight.get(uuid) !== undefined,
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
      /** Per protocol (null: free-form) with imported walk-downs, the first date of them. */
      const walkedDown = new Map<number | null, string>()
      return {
        /** False (and nothing written) when a session with its UUID exists, deleted or not. */
        add(x: ImportedSession, protocolId: number | null, reps: readonly Rep[]): boolean {
          const { protocolUuid: _uuid, protocolName: _name, planJson: _json, ...fields } = x
          if (writer.add({ ...fields, protocolId }, reps) === null) return false
          if (reps.some((r) => r.recoveryMode === 'walk-down')) {
            const first = walkedDown.get(protocolId)
            if (first === undefined || x.date < first) walkedDown.set(protocolId, x.date)
          }
          return true
        },
        end() {
          writer.flush()
          const estimates = walkDownEstimates(db)
          for (const [protocolId, from] of walkedDown) estimates.refresh(protocolId, from, false)
          walkedDown.clear()
        }
      }
    },
    insertWeight(w: ImportedWeight): void {
      s.insertWeight.run(w.uuid, w.date, w.kg, w.note, w.createdAt, w.updatedAt)
    }
  }
}
