/**
 * Keeping chart series within a point budget. `downsampleMean` (downsample.ts) averages plain numeric
 * series; these helpers cover series with gaps (null) and custom merges.
 */

/**
 * Splits `points` into runs of `size` consecutive points, aligned to the end so the last run is complete
 * and the newest point stays last, and merges each run with `merge`. Returns the points unchanged when
 * they already fit in `max`.
 */
export function mergeRuns<T>(points: readonly T[], max: number, merge: (run: readonly T[]) => T): { points: T[]; size: number } {
  if (points.length <= max || max < 1) return { points: points.slice(), size: 1 }
  return mapRuns(points, max, merge)
}

/**
 * The runs of `mergeRuns` (runs of `size` = ⌈length / max⌉ consecutive items, aligned to the end, so only the first
 * run can be shorter), each made into one point by `merge`, also when every run is a single item.
 */
export function mapRuns<T, U>(items: readonly T[], max: number, merge: (run: readonly T[]) => U): { points: U[]; size: number } {
  const size = Math.max(1, Math.ceil(items.length / Math.max(1, max)))
  const out: U[] = []
  const start = items.length % size === 0 ? 0 : (items.length % size) - size
  for (let i = start; i < items.length; i += size) out.push(merge(items.slice(Math.max(0, i), i + size)))
  return { points: out, size }
}

/** The mean of the values that are not null; null when all are. */
export function meanOfPresent(values: readonly (number | null)[]): number | null {
  let sum = 0
  let n = 0
  for (const v of values) {
    if (v !== null) {
      sum += v
      n++
    }
  }
  return n === 0 ? null : sum / n
}

/** Merges a run by averaging `keys` (ignoring nulls) and keeping every other field of the run's last point. */
export function meanMerge<T, K extends keyof T>(keys: readonly K[]): (run: readonly T[]) => T {
  return (run) => {
    const merged = { ...(run[run.length - 1] as T) }
    // meanOfPresent without an array per key: the same sum in the same order, for runs over long series.
    for (const k of keys) {
      let sum = 0
      let n = 0
      for (const p of run) {
        const v = p[k] as number | null
        if (v !== null) {
          sum += v
          n++
        }
      }
      merged[k] = (n === 0 ? null : sum / n) as T[K]
    }
    return merged
  }
}
