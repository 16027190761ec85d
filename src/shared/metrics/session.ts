/**
 * Session metrics, defined once for the UI, the back end, exports and tests (DESIGN §1.4):
 * - work time: the work seconds of every rep, completed or abandoned — an abandoned rep's work seconds are the
 *   part of it actually run (3 × 4:00 done and the fourth abandoned at 2:30 is 14:30 of work);
 * - reps done: the number of completed reps (an abandoned rep is not a rep done);
 * - sprint distance: the distance of every rep with one, completed or abandoned (an abandoned rep's distance is
 *   the distance actually run), like the work time;
 * - duration: warm-up + the work and recovery of every rep + cool-down, where each untimed walk back down a hill
 *   (a rep whose recovery mode is `walk-down` with no recovery time) counts as the walk-down estimate below;
 * - estimated seconds: how much of the duration is that estimate (0 when every recovery was timed);
 * - load (session RPE, Foster): session RPE × duration in minutes, in arbitrary units — the estimate included.
 *
 * The walk-down estimate, one rule a runner can recompute by hand (`walkDownEstimate`), is the first of:
 * 1. the mean of the session's own timed walk-downs (walk-down reps with a recovery of more than 0 s);
 * 2. the last timed walk-down of the latest earlier session of the same protocol that has one (sessions in date
 *    order, the one saved first first on the same day; free-form sessions form one group of their own);
 * 3. `DEFAULT_WALK_DOWN_SECONDS` (90 s).
 * A walk-down typed as 0 s is timed (no walk was taken): it is neither estimated nor used as a source.
 * Rep speeds and sprint bests stay on completed reps (metrics/reps.ts).
 */
import type { Rep, Session } from '../training'

type RepLike = Pick<Rep, 'workSeconds' | 'recoverySeconds' | 'recoveryMode' | 'completed' | 'distanceMeters'>
type SessionLike = Pick<Session, 'warmupSeconds' | 'cooldownSeconds' | 'rpe' | 'plannedReps'> & { reps: readonly RepLike[] }

/** Seconds an untimed walk-down counts for when neither the session nor an earlier one of its protocol timed one. */
export const DEFAULT_WALK_DOWN_SECONDS = 90

export interface SessionMetrics {
  workSeconds: number
  repsDone: number
  plannedReps: number
  distanceMeters: number
  durationSeconds: number
  /** Seconds of `durationSeconds` that are the walk-down estimate; 0 when every recovery was timed. */
  estimatedSeconds: number
  /** sRPE load in arbitrary units, or null when no session RPE was given. */
  load: number | null
}

export function workSeconds(reps: readonly Pick<RepLike, 'workSeconds'>[]): number {
  let s = 0
  for (const r of reps) s += r.workSeconds
  return s
}

export function repsDone(reps: readonly Pick<RepLike, 'completed'>[]): number {
  let n = 0
  for (const r of reps) if (r.completed) n++
  return n
}

export function sprintDistance(reps: readonly Pick<RepLike, 'distanceMeters'>[]): number {
  let m = 0
  for (const r of reps) if (r.distanceMeters != null) m += r.distanceMeters
  return m
}

/** A walk back down the hill without a recovery time: its duration is estimated. */
export function isUntimedWalkDown(r: Pick<RepLike, 'recoveryMode' | 'recoverySeconds'>): boolean {
  return r.recoveryMode === 'walk-down' && r.recoverySeconds === null
}

/** A walk back down the hill with a recovery time of more than 0 s: a source for the estimate. */
export function isTimedWalkDown(r: Pick<RepLike, 'recoveryMode' | 'recoverySeconds'>): boolean {
  return r.recoveryMode === 'walk-down' && r.recoverySeconds !== null && r.recoverySeconds > 0
}

/** Untimed walk-downs and no timed one: the estimate comes from the earlier sessions of the protocol (rule 2). */
export function needsEarlierWalkDown(reps: readonly Pick<RepLike, 'recoveryMode' | 'recoverySeconds'>[]): boolean {
  return reps.some(isUntimedWalkDown) && !reps.some(isTimedWalkDown)
}

/** The last timed walk-down of some reps (in order), in seconds; null without one. */
export function lastTimedWalkDown(reps: readonly Pick<RepLike, 'recoveryMode' | 'recoverySeconds'>[]): number | null {
  for (let i = reps.length - 1; i >= 0; i--) {
    const r = reps[i] as RepLike
    if (isTimedWalkDown(r)) return r.recoverySeconds as number
  }
  return null
}

/**
 * The seconds one untimed walk-down of this session counts for: the mean of its own timed walk-downs, else
 * `earlier` (the last timed walk-down of an earlier session of its protocol), else 90 s.
 */
export function walkDownEstimate(reps: readonly Pick<RepLike, 'recoveryMode' | 'recoverySeconds'>[], earlier: number | null): number {
  let sum = 0
  let n = 0
  for (const r of reps) {
    if (isTimedWalkDown(r)) {
      sum += r.recoverySeconds as number
      n++
    }
  }
  return n > 0 ? sum / n : (earlier ?? DEFAULT_WALK_DOWN_SECONDS)
}

/** How many seconds of the session's duration are estimated: untimed walk-downs × the estimate. */
export function estimatedSeconds(reps: readonly Pick<RepLike, 'recoveryMode' | 'recoverySeconds'>[], earlier: number | null): number {
  let untimed = 0
  for (const r of reps) if (isUntimedWalkDown(r)) untimed++
  return untimed === 0 ? 0 : untimed * walkDownEstimate(reps, earlier)
}

/** Warm-up + work and recovery of every rep + cool-down; untimed walk-downs count as the estimate. */
export function sessionDuration(s: Pick<SessionLike, 'warmupSeconds' | 'cooldownSeconds' | 'reps'>, earlierWalkDown: number | null = null): number {
  let t = s.warmupSeconds + s.cooldownSeconds
  for (const r of s.reps) t += r.workSeconds + (r.recoverySeconds ?? 0)
  return t + estimatedSeconds(s.reps, earlierWalkDown)
}

export function sessionLoad(rpe: number | null, durationSeconds: number): number | null {
  return rpe === null ? null : (rpe * durationSeconds) / 60
}

/**
 * Every metric of a session. `earlierWalkDown` is the last timed walk-down of the latest earlier session of its
 * protocol (null when there is none): the estimate's second source.
 */
export function sessionMetrics(s: SessionLike, earlierWalkDown: number | null = null): SessionMetrics {
  const estimated = estimatedSeconds(s.reps, earlierWalkDown)
  let durationSeconds = s.warmupSeconds + s.cooldownSeconds
  for (const r of s.reps) durationSeconds += r.workSeconds + (r.recoverySeconds ?? 0)
  durationSeconds += estimated
  return {
    workSeconds: workSeconds(s.reps),
    repsDone: repsDone(s.reps),
    plannedReps: s.plannedReps,
    distanceMeters: sprintDistance(s.reps),
    durationSeconds,
    estimatedSeconds: estimated,
    load: sessionLoad(s.rpe, durationSeconds)
  }
}
