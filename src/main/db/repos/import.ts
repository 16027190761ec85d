/**
 * The import's writes: records keep the UUIDs and timestamps of the file they came from (so an export of an
 * imported history is the same file again), and sessions get their derived metrics from the shared functions,
 * exactly as when a session is saved from the form.
 */
import type { Statement } from 'better-sqlite3'
import type { ImportedSession, ImportedWeight } from '../../../shared/csv'
import type { Rep, RepeatGroup, Terrain } from '../../../shared/training'
import type { Db } from '../connection'
import { DERIVED_NAMES, derivedColumns, SESSION_DERIVED_COLUMNS } from './sessions'

export interface ImportedProtocol {
  uuid: string
  name: string
  description: string
  terrain: Terrain
  groups: RepeatGroup[]
}

export type ImportRepo = ReturnType<typeof importRepo>

/** Reps per insert statement, at least: about 100 rows (1,300 values) per statement measured fastest. */
const REP_BATCH = 100

export function importRepo(db: Db, clock: () => Date = () => new Date()) {
  const s = {
    session: db.prepare<[string], number>(`SELECT id FROM sessions WHERE uuid = ?`).pluck(),
    weight: db.prepare<[string], number>(`SELECT id FROM body_weights WHERE uuid = ?`).pluck(),
    protocol: db.prepare<[string], number>(`SELECT id FROM protocols WHERE uuid = ?`).pluck(),
    insertProtocol: db.prepare(
      `INSERT INTO protocols (uuid, name, description, source_note, terrain, groups_json, built_in, archived, created_at, updated_at)
       VALUES (@uuid, @name, @description, '', @terrain, @groupsJson, 0, 0, @now, @now)`
    ),
    // Positional parameters: several times cheaper than named ones for the many rows of a large import.
    insertSession: db.prepare<unknown[], never>(
      `INSERT INTO sessions (uuid, date, start_time, protocol_id, plan_json, warmup_seconds, cooldown_seconds, rpe, could_not_recover, notes,
        ${DERIVED_NAMES}, created_at, updated_at)
       VALUES (${Array.from({ length: 12 + SESSION_DERIVED_COLUMNS.length }, () => '?').join(', ')})
       ON CONFLICT (uuid) DO NOTHING`
    ),
    insertWeight: db.prepare<[string, string, number, string, string, string], never>(
      `INSERT INTO body_weights (uuid, date, kg, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`
    )
  }

  /** A statement that inserts `n` reps at once, made on first use (n < 2 × REP_BATCH, as a session has at most 100 reps). */
  const repInserts = new Map<number, Statement<unknown[], never>>()
  const insertReps = (n: number) => {
    let st = repInserts.get(n)
    if (st === undefined) {
      st = db.prepare<unknown[], never>(
        `INSERT INTO reps (session_id, position, work_seconds, distance_meters, intensity, intensity_pct, rpe, recovery_seconds,
          recovery_mode, incline_pct, hill, completed, heart_rate) VALUES ${Array.from({ length: n }, () => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`
      )
      repInserts.set(n, st)
    }
    return st
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
     * Adds sessions with their reps. The reps are written many sessions at a time, in statements of at least
     * REP_BATCH rows (each row bound costs far less in a large statement); `end()` writes the rest and must run
     * before the transaction ends.
     */
    sessionWriter() {
      const pending: unknown[] = []
      let rows = 0
      const flush = () => {
        if (rows === 0) return
        insertReps(rows).run(pending)
        pending.length = 0
        rows = 0
      }
      return {
        /** False (and nothing written) when a session with its UUID exists, deleted or not. */
        add(x: ImportedSession, protocolId: number | null, reps: readonly Rep[]): boolean {
          const d = derivedColumns({ plan: x.plan, warmupSeconds: x.warmupSeconds, cooldownSeconds: x.cooldownSeconds, rpe: x.rpe, reps })
          const values: unknown[] = [x.uuid, x.date, x.startTime, protocolId, x.planJson, x.warmupSeconds, x.cooldownSeconds, x.rpe, x.couldNotRecover ? 1 : 0, x.notes]
          for (const [, key] of SESSION_DERIVED_COLUMNS) values.push(d[key])
          values.push(x.createdAt, x.updatedAt)
          const info = s.insertSession.run(values)
          if (info.changes === 0) return false
          const sessionId = Number(info.lastInsertRowid)
          for (let i = 0; i < reps.length; i++) {
            const r = reps[i] as Rep
            pending.push(sessionId, i + 1, r.workSeconds, r.distanceMeters, r.intensity, r.intensityPct, r.rpe, r.recoverySeconds, r.recoveryMode, r.inclinePct, r.hill ? 1 : 0, r.completed ? 1 : 0, r.heartRate)
          }
          rows += reps.length
          if (rows >= REP_BATCH) flush()
          return true
        },
        end: flush
      }
    },
    insertWeight(w: ImportedWeight): void {
      s.insertWeight.run(w.uuid, w.date, w.kg, w.note, w.createdAt, w.updatedAt)
    }
  }
}
