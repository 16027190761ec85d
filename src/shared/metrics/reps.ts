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
 * - speed drop-off: how much slower the last completed unloaded rep with a distance was than the first one
 *   of the same session, in percent of the first one's speed (positive: slower at the end);
 * - loads: a rep with an external load (`loadKg`, with its kind) is a loaded rep. Loaded and unloaded reps are
 *   never compared: the unloaded figures (drop-off, sprint bests) leave loaded reps out, and loaded reps have
 *   figures of their own, per load — the same kilograms carried by the same kind (`sameLoad`):
 *   - the loaded drop-off compares the first and last completed reps with a distance that carry the load of the
 *     first such loaded rep of the session;
 *   - loaded sprint bests are kept per terrain (flat by rep length, hill), load and kind (`loadedBests`);
 *   - the heaviest load is the largest load of a completed rep (`maxLoadKg`).
 */
import type { LoadKind, Rep } from '../training'

type RepLike = Pick<Rep, 'workSeconds' | 'distanceMeters' | 'recoverySeconds' | 'completed'> & Partial<Pick<Rep, 'loadKg' | 'loadKind'>>

/** A rep that carries an external load. */
export function isLoaded(r: Partial<Pick<Rep, 'loadKg'>>): boolean {
  return r.loadKg != null
}

/** Two reps carry the same load: the same kilograms and the same kind (both unloaded counts as the same). */
export function sameLoad(a: Partial<Pick<Rep, 'loadKg' | 'loadKind'>>, b: Partial<Pick<Rep, 'loadKg' | 'loadKind'>>): boolean {
  return (a.loadKg ?? null) === (b.loadKg ?? null) && (a.loadKind ?? null) === (b.loadKind ?? null)
}

/** The heaviest load of the completed reps, in kg; null when none carried one. */
export function maxLoadKg(reps: readonly Pick<RepLike, 'completed' | 'loadKg'>[]): number | null {
  let max: number | null = null
  for (const r of reps) if (r.completed && r.loadKg != null && (max === null || r.loadKg > max)) max = r.loadKg
  return max
}

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

/** The drop-off of a session's unloaded reps (in order); null with fewer than two completed unloaded reps with a distance. */
export function speedDropOff(reps: readonly RepLike[]): SpeedDropOff | null {
  return dropOffOf(reps.filter((r) => !isLoaded(r)))
}

/**
 * The drop-off of a session's loaded reps: the first completed loaded rep with a distance sets the load, and the
 * reps with that same load are compared; null with fewer than two of them.
 */
export function loadedDropOff(reps: readonly RepLike[]): SpeedDropOff | null {
  const first = reps.find((r) => isLoaded(r) && repSpeed(r) !== null)
  return first ? dropOffOf(reps.filter((r) => isLoaded(r) && sameLoad(r, first))) : null
}

function dropOffOf(reps: readonly RepLike[]): SpeedDropOff | null {
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

/** One session's unloaded speed reps split into flat and hill reps: the fastest of each, and how many there were. */
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
 * The per-session summary from which unloaded sprint bests are aggregated: the fastest unloaded flat and hill reps
 * (`repSpeed`); a loaded rep never sets an unloaded best.
 * The best of many sessions is the best of their bests, and the counts add up; for the flat bests per rep length
 * (`durationBucket`) that holds as long as a session's flat reps share one bucket (`flat.buckets` ≤ 1), so a
 * session mixing rep lengths has to be read rep by rep.
 */
export function sessionSpeeds(reps: readonly (RepLike & Pick<Rep, 'hill'>)[]): SessionSpeeds {
  const out: SessionSpeeds = { flat: { best: null, reps: 0, buckets: 0 }, hill: { best: null, reps: 0 } }
  const buckets: number[] = []
  for (const r of reps) {
    const speed = repSpeed(r)
    if (speed === null || isLoaded(r)) continue
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

/** The fastest loaded rep of a terrain, rep length (flat reps) and load. */
export interface LoadedBest extends FastestRep {
  terrain: 'flat' | 'hill'
  /** The work time rounded to whole seconds (`durationBucket`); for hill reps, that of the fastest one. */
  bucketSeconds: number
  loadKg: number
  loadKind: LoadKind
  /** How many reps of this terrain, length and load were compared. */
  reps: number
  /** Where the best is in the input (its session's index, for the caller to name). */
  index: number
}

/**
 * Loaded sprint bests over some sessions' reps: per terrain (flat reps by `durationBucket`, hill reps all
 * together), load and kind, the fastest completed loaded rep with a distance (the first of them on a tie). Sorted
 * by terrain (flat first), load, kind, then rep length.
 */
export function loadedBests(sessions: readonly (readonly (RepLike & Pick<Rep, 'hill'>)[])[]): LoadedBest[] {
  const byKey = new Map<string, LoadedBest>()
  sessions.forEach((reps, index) => {
    for (const r of reps) {
      const speed = repSpeed(r)
      if (speed === null || r.loadKg == null || r.loadKind == null) continue
      const terrain = r.hill ? 'hill' : 'flat'
      const key = `${terrain} ${terrain === 'flat' ? durationBucket(r.workSeconds) : ''} ${r.loadKg} ${r.loadKind}`
      const best = byKey.get(key)
      if (best) best.reps++
      if (best && speed <= best.speed) continue
      byKey.set(key, {
        terrain,
        bucketSeconds: durationBucket(r.workSeconds),
        loadKg: r.loadKg,
        loadKind: r.loadKind,
        speed,
        workSeconds: r.workSeconds,
        distanceMeters: r.distanceMeters as number,
        reps: best ? best.reps : 1,
        index
      })
    }
  })
  const order = (b: LoadedBest) => [b.terrain === 'flat' ? 0 : 1, b.loadKg, b.loadKind, b.terrain === 'flat' ? b.bucketSeconds : 0] as const
  return [...byKey.values()].sort((a, b) => {
    const x = order(a)
    const y = order(b)
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return (x[i] as number | string) < (y[i] as number | string) ? -1 : 1
    return 0
  })
}
