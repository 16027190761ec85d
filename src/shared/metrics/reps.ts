/**
 * Per-rep metrics for progression and sprint bests, defined once (the database queries in
 * `src/main/db/repos/stats.ts` compute exactly these in SQL, and a test holds the two together):
 * - rest per rep: the mean recovery of the reps that have a recovery of more than 0 s. Reps without a
 *   timed recovery (an untimed walk back down a hill) or with none (the last rep, before the cool-down)
 *   are left out, so the figure is the rest actually taken between reps;
 * - rep speed: distance ÷ work time of a completed rep with a distance, in metres per second;
 * - duration bucket: a rep's work time rounded to whole seconds, so 20 s reps compare with 20 s reps;
 * - speed drop-off: how much slower the last completed rep with a distance was than the first one of
 *   the same session, in percent of the first one's speed (positive: slower at the end).
 */
import type { Rep } from '../training'

type RepLike = Pick<Rep, 'workSeconds' | 'distanceMeters' | 'recoverySeconds' | 'completed'>

export function restPerRep(reps: readonly Pick<Rep, 'recoverySeconds'>[]): number | null {
  let sum = 0
  let n = 0
  for (const r of reps) {
    if (r.recoverySeconds != null && r.recoverySeconds > 0) {
      sum += r.recoverySeconds
      n++
    }
  }
  return n === 0 ? null : sum / n
}

export function repSpeed(r: Pick<RepLike, 'workSeconds' | 'distanceMeters' | 'completed'>): number | null {
  return r.completed && r.distanceMeters != null && r.workSeconds > 0 ? r.distanceMeters / r.workSeconds : null
}

export function durationBucket(workSeconds: number): number {
  return Math.round(workSeconds)
}

/** Percent drop from a first to a last speed: 8 means the last rep was 8 % slower. */
export function dropOffPct(firstSpeed: number, lastSpeed: number): number {
  return (1 - lastSpeed / firstSpeed) * 100
}

export interface SpeedDropOff {
  firstSpeed: number
  lastSpeed: number
  dropOffPct: number
}

/** The drop-off of a session's reps (in order); null with fewer than two completed reps with a distance. */
export function speedDropOff(reps: readonly RepLike[]): SpeedDropOff | null {
  const speeds: number[] = []
  for (const r of reps) {
    const v = repSpeed(r)
    if (v !== null) speeds.push(v)
  }
  const first = speeds[0]
  const last = speeds[speeds.length - 1]
  if (speeds.length < 2 || first === undefined || last === undefined) return null
  return { firstSpeed: first, lastSpeed: last, dropOffPct: dropOffPct(first, last) }
}
