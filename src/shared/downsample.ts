/**
 * Keeps a chart series to at most `max` points by averaging runs of consecutive points. The last point
 * of each run keeps its own label, so the newest value is always drawn as it is.
 */
export function downsampleMean<T extends Record<K, number>, K extends keyof T>(
  points: readonly T[],
  keys: readonly K[],
  max: number
): T[] {
  if (points.length <= max) return points.slice()
  const size = Math.ceil(points.length / max)
  const out: T[] = []
  // Align runs to the end so the final run is complete and the newest point stays last.
  const start = points.length % size === 0 ? 0 : (points.length % size) - size
  for (let i = start; i < points.length; i += size) {
    const run = points.slice(Math.max(0, i), i + size)
    const last = run[run.length - 1] as T
    const merged = { ...last }
    for (const k of keys) {
      let sum = 0
      for (const p of run) sum += p[k]
      merged[k] = (sum / run.length) as T[K]
    }
    out.push(merged)
  }
  return out
}
