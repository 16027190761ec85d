/**
 * The import's writes: records keep the UUIDs and timestamps of the file they came from (so an export of an
 * imported history is the same file again), and sessions get their derived metrics from the shared functions,
 * exactly as when a session is saved from the form.
 */
import type { ImportedSession, ImportedWeight } from '../../../shared/csv'
import type { Rep, RepeatGroup, Terrain } from '../../../shared/training'
import type { Db } from '../connection'
import { sessionWriter, walkDownEstimates } from './sessionWriter'

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
    insertWeight: db.prepare<[string, string, number, string, string, string], never>(
      `INSERT INTO body_weights (uuid, date, kg, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`
    )
  }

  return {
    /** True when a session with this UUID exists, deleted or not. */
    hasSession: (uuid: string): boolean => s.session.get(uuid) !== undefined,
    hasWeight: (uuid: string): boolean => s.weight.get(uuid) !== undefined,
    protocolId: (uuid: string): number | undefined => s.protocol.get(uuid),
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
