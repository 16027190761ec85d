/**
 * Per-rep metrics for progression and sprint bests, defined once (every save and import stores each
 * session's figures, computed by these functions, in its row: `derivedColumns` in
 * `src/main/db/repos/sessions.ts`; the chart queries in `src/main/db/repos/stats.ts` aggregate those rows,
 * and tests hold them to these definitions over every rep):
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

/** The fastest of some reps (the first of them on a tie), with the work time and distance that made it. */
export interface FastestRep {
  speed: number
  workSeconds: number
  distanceMeters: number
}

/** One session's speed reps split into flat and hill reps: the fastest of each, and how many there were. */
export interface SessionSpeeds {
  flat: {
    best: FastestRep | null
    /** Completed flat reps with a distance. */
    reps: number
    /** Distinct duration buckets among them: over 1, the session's flat bests differ per rep length. */
    buckets: number
  }
  hill: { best: FastestRep | null; reps: number }
}

/**
 * The per-session summary from which sprint bests are aggregated: the fastest flat and hill reps (`repSpeed`).
 * The best of many sessions is the best of their bests, and the counts add up; for the flat bests per rep length
 * (`durationBucket`) that holds as long as a session's flat reps share one bucket (`flat.buckets` ≤ 1), so a
 * session mixing rep lengths has to be read rep by rep.
 */
export function sessionSpeeds(reps: readonly (RepLike & Pick<Rep, 'hill'>)[]): SessionSpeeds {
  const out: SessionSpeeds = { flat: { best: null, reps: 0, buckets: 0 }, hill: { best: null, reps: 0 } }
  const buckets: number[] = []
  for (const r of reps) {
    const speed = repSpeed(r)
    if (speed === null) continue
    const kind = r.hill ? out.hill : out.flat
    kind.reps++
    if (kind.best === null || speed > kind.best.speed) kind.best = { speed, workSeconds: r.workSeconds, distanceMeters: r.distanceMeters as number }
    if (!r.hill) {
      const b = durationBucket(r.workSeconds)
      if (!buckets.includes(b)) buckets.push(b)
    }
  }
  out.flat.buckets = buckets.length
  return out
}
