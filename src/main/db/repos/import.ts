/**
 * The import's writes: records keep the UUIDs and timestamps of the file they came from (so an export of an
 * imported history is the same file again), and sessions get their derived metrics from the shared functions,
 * exactly as when a session is saved from the form.
 */
import type { ImportedSession, ImportedWeight } from '../../../shared/csv'
import { sessionMetrics } from '../../../shared/metrics/session'
import type { Rep, RepeatGroup, Terrain } from '../../../shared/training'
import type { Db } from '../connection'
import { plannedReps } from './sessions'

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
    insertSession: db.prepare(
      `INSERT INTO sessions (uuid, date, start_time, protocol_id, plan_json, planned_reps, warmup_seconds, cooldown_seconds, rpe,
        could_not_recover, notes, work_seconds, reps_done, distance_meters, duration_seconds, load, created_at, updated_at)
       VALUES (@uuid, @date, @startTime, @protocolId, @planJson, @plannedReps, @warmupSeconds, @cooldownSeconds, @rpe,
        @couldNotRecover, @notes, @workSeconds, @repsDone, @distanceMeters, @durationSeconds, @load, @createdAt, @updatedAt)`
    ),
    // Positional parameters: several times cheaper than named ones for the many rows of a large import.
    insertRep: db.prepare<[number, number, number, number | null, string, number | null, number | null, number | null, string, number | null, number, number, number | null], never>(
      `INSERT INTO reps (session_id, position, work_seconds, distance_meters, intensity, intensity_pct, rpe, recovery_seconds,
        recovery_mode, incline_pct, hill, completed, heart_rate) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
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
    insertSession(x: ImportedSession, protocolId: number | null, reps: readonly Rep[]): void {
      const draft = { plan: x.plan, reps: reps as Rep[] }
      const m = sessionMetrics({ warmupSeconds: x.warmupSeconds, cooldownSeconds: x.cooldownSeconds, rpe: x.rpe, plannedReps: plannedReps(draft), reps })
      const info = s.insertSession.run({
        uuid: x.uuid,
        date: x.date,
        startTime: x.startTime,
        protocolId,
        planJson: x.planJson,
        plannedReps: m.repsPlanned,
        warmupSeconds: x.warmupSeconds,
        cooldownSeconds: x.cooldownSeconds,
        rpe: x.rpe,
        couldNotRecover: x.couldNotRecover ? 1 : 0,
        notes: x.notes,
        workSeconds: m.workSeconds,
        repsDone: m.repsDone,
        distanceMeters: m.distanceMeters,
        durationSeconds: m.durationSeconds,
        load: m.load,
        createdAt: x.createdAt,
        updatedAt: x.updatedAt
      })
      const sessionId = Number(info.lastInsertRowid)
      for (let i = 0; i < reps.length; i++) {
        const r = reps[i] as Rep
        s.insertRep.run(sessionId, i + 1, r.workSeconds, r.distanceMeters, r.intensity, r.intensityPct, r.rpe, r.recoverySeconds, r.recoveryMode, r.inclinePct, r.hill ? 1 : 0, r.completed ? 1 : 0, r.heartRate)
      }
    },
    insertWeight(w: ImportedWeight): void {
      s.insertWeight.run(w.uuid, w.date, w.kg, w.note, w.createdAt, w.updatedAt)
    }
  }
}
