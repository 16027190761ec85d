/**
 * Session metrics, defined once for the UI, the back end, exports and tests (DESIGN §1.4):
 * - work time: the work seconds of completed reps;
 * - reps: the number of completed reps;
 * - sprint distance: the distance of completed reps;
 * - duration: warm-up + the work and recovery of every rep + cool-down;
 * - load (session RPE, Foster): session RPE × duration in minutes, in arbitrary units.
 */
import type { Rep, Session } from '../training'

type RepLike = Pick<Rep, 'workSeconds' | 'recoverySeconds' | 'completed' | 'distanceMeters'>
type SessionLike = Pick<Session, 'warmupSeconds' | 'cooldownSeconds' | 'rpe' | 'plannedReps'> & { reps: readonly RepLike[] }

export interface SessionMetrics {
  workSeconds: number
  repsDone: number
  plannedReps: number
  distanceMeters: number
  durationSeconds: number
  /** sRPE load in arbitrary units, or null when no session RPE was given. */
  load: number | null
}

export function workSeconds(reps: readonly RepLike[]): number {
  let s = 0
  for (const r of reps) if (r.completed) s += r.workSeconds
  return s
}

export function repsDone(reps: readonly RepLike[]): number {
  let n = 0
  for (const r of reps) if (r.completed) n++
  return n
}

export function sprintDistance(reps: readonly RepLike[]): number {
  let m = 0
  for (const r of reps) if (r.completed && r.distanceMeters != null) m += r.distanceMeters
  return m
}

export function sessionDuration(s: Pick<SessionLike, 'warmupSeconds' | 'cooldownSeconds' | 'reps'>): number {
  let t = s.warmupSeconds + s.cooldownSeconds
  for (const r of s.reps) t += r.workSeconds + (r.recoverySeconds ?? 0)
  return t
}

export function sessionLoad(rpe: number | null, durationSeconds: number): number | null {
  return rpe === null ? null : (rpe * durationSeconds) / 60
}

export function sessionMetrics(s: SessionLike): SessionMetrics {
  const durationSeconds = sessionDuration(s)
  return {
    workSeconds: workSeconds(s.reps),
    repsDone: repsDone(s.reps),
    plannedReps: s.plannedReps,
    distanceMeters: sprintDistance(s.reps),
    durationSeconds,
    load: sessionLoad(s.rpe, durationSeconds)
  }
}

