/**
 * Finding the reps of an interval session in a recording, whatever the watch wrote. Pure: a normalised
 * `Recording` in (the readers in read.ts make it from FIT, TCX and GPX), warm-up, cool-down and reps out.
 *
 * Times in a recording are elapsed seconds from its start. Paused time (between a timer stop and the next
 * start) has no records and is neither work nor recovery: every duration below is timer time.
 *
 * Order of the methods, the first that finds reps wins:
 * 1. laps marked with an intensity (active / rest / warm-up / cool-down), as a structured workout writes them;
 * 2. plain laps (lap button, or auto laps when the records cannot tell) split by speed into a clearly faster
 *    cluster (the work) and the rest;
 * 3. the records themselves: speed smoothed by a rolling median, work entered above and left below two
 *    thresholds set from the session's own speed distribution (hysteresis), with a minimum duration and
 *    short gaps merged.
 */
import type { DetectedRep } from './types'

export type LapIntensity = 'active' | 'rest' | 'warmup' | 'cooldown' | 'recovery' | 'interval' | 'other'
export type LapTrigger = 'manual' | 'time' | 'distance' | 'position' | 'heart_rate' | 'session_end' | 'other'

export interface RecordingLap {
  /** elapsed seconds from the recording's start */
  start: number
  end: number
  /** timer time of the lap when the file says it (else end − start less the pauses in it) */
  timerSeconds: number | null
  intensity: LapIntensity | null
  trigger: LapTrigger | null
  distance: number | null
  ascent: number | null
  avgHr?: number | null
  maxHr?: number | null
}

export interface RecordingPoint {
  /** elapsed seconds from the recording's start */
  t: number
  /** m/s */
  speed: number | null
  /** cumulative metres */
  distance: number | null
  /** metres */
  altitude: number | null
  hr: number | null
}

export interface Recording {
  records: RecordingPoint[]
  laps: RecordingLap[]
  /** timer pauses, elapsed seconds [from, to) */
  pauses: { from: number; to: number }[]
}

export interface Detection {
  warmup: number
  cooldown: number
  reps: DetectedRep[]
  detectedBy: 'intensity_laps' | 'laps' | 'records'
}

/** Below this mean speed a recovery is standing, below the next walking, else jogging (m/s). */
export const STAND_BELOW = 0.5
export const WALK_BELOW = 2.0
/** A rep is uphill when it gains at least this much altitude (m) at this grade (%). */
export const HILL_GAIN_M = 3
export const HILL_MIN_GRADE_PCT = 2
/** Rolling median window of the speed records (s) and the shortest rep the records give (s). */
const MEDIAN_WINDOW = 7
const MIN_REP_SECONDS = 6
const MERGE_GAP_SECONDS = 3

const round1 = (x: number): number => Math.round(x * 10) / 10

// ---------------------------------------------------------------------------------------------------------
// The timeline: one sample per second of timer time (paused seconds left out), values interpolated.

interface Timeline {
  /** elapsed second of each sample */
  elapsed: number[]
  speed: (number | null)[]
  distance: (number | null)[]
  altitude: (number | null)[]
  hr: (number | null)[]
  hasSpeed: boolean
  hasAltitude: boolean
  /** altitude through a 5 s rolling median (barometric steps and GPS jitter) */
  altitudeSmooth: (number | null)[]
}

function isPaused(t: number, pauses: Recording['pauses']): boolean {
  for (const p of pauses) if (t >= p.from && t < p.to) return true
  return false
}

/** Paused seconds before elapsed second t. */
function pausedBefore(t: number, pauses: Recording['pauses']): number {
  let s = 0
  for (const p of pauses) if (p.from < t) s += Math.min(t, p.to) - p.from
  return s
}

/** Linear interpolation of one channel at the given times (null outside the channel's points or over a gap of > 15 s). */
function interpolate(points: RecordingPoint[], get: (p: RecordingPoint) => number | null, times: number[]): (number | null)[] {
  const xs: number[] = []
  const ys: number[] = []
  for (const p of points) {
    const v = get(p)
    if (v !== null && Number.isFinite(v)) {
      xs.push(p.t)
      ys.push(v)
    }
  }
  const out: (number | null)[] = []
  let j = 0
  for (const t of times) {
    if (xs.length === 0 || t < xs[0]! - 0.5 || t > xs[xs.length - 1]! + 0.5) {
      out.push(null)
      continue
    }
    while (j < xs.length - 1 && xs[j + 1]! <= t) j++
    const x0 = xs[j]!
    const y0 = ys[j]!
    if (t <= x0 || j === xs.length - 1) {
      out.push(y0)
      continue
    }
    const x1 = xs[j + 1]!
    const y1 = ys[j + 1]!
    out.push(x1 - x0 > 15 ? y0 : y0 + ((y1 - y0) * (t - x0)) / (x1 - x0))
  }
  return out
}

function buildTimeline(rec: Recording): Timeline {
  const points = [...rec.records].sort((a, b) => a.t - b.t).filter((p) => !isPaused(p.t, rec.pauses))
  const last = rec.laps.reduce((a, l) => Math.max(a, l.end - 1), points.length ? points[points.length - 1]!.t : 0)
  const first = rec.laps.reduce((a, l) => Math.min(a, l.start), points.length ? points[0]!.t : 0)
  const elapsed: number[] = []
  for (let t = Math.floor(first); t <= Math.ceil(last); t++) if (!isPaused(t, rec.pauses)) elapsed.push(t)
  const hasSpeed = points.some((p) => p.speed !== null)
  const hasDistance = points.some((p) => p.distance !== null)
  let speed = interpolate(points, (p) => p.speed, elapsed)
  let distance = interpolate(points, (p) => p.distance, elapsed)
  if (!hasSpeed && hasDistance) {
    // Speed from the distance: the metres covered to the next second (no speed across a pause).
    speed = distance.map((d, i) => {
      const next = distance[i + 1]
      if (d === null || next === undefined || next === null) return i > 0 ? null : null
      return elapsed[i + 1]! - elapsed[i]! === 1 ? Math.max(0, next - d) : null
    })
    for (let i = speed.length - 1; i >= 0; i--) if (speed[i] === null && i < speed.length - 1) speed[i] = speed[i + 1] ?? null
  } else if (hasSpeed && !hasDistance) {
    let sum = 0
    distance = speed.map((v) => {
      const d = sum
      sum += v ?? 0
      return d
    })
  }
  const altitude = interpolate(points, (p) => p.altitude, elapsed)
  return {
    elapsed,
    speed,
    distance,
    altitude,
    altitudeSmooth: rollingMedian(altitude, 5),
    hr: interpolate(points, (p) => p.hr, elapsed),
    hasSpeed: hasSpeed || hasDistance,
    hasAltitude: points.some((p) => p.altitude !== null)
  }
}

function rollingMedian(xs: (number | null)[], window: number): (number | null)[] {
  const half = Math.floor(window / 2)
  return xs.map((_, i) => {
    const w: number[] = []
    for (let k = Math.max(0, i - half); k <= Math.min(xs.length - 1, i + half); k++) {
      const v = xs[k]
      if (v !== null && v !== undefined) w.push(v)
    }
    if (w.length === 0) return null
    w.sort((a, b) => a - b)
    const m = Math.floor(w.length / 2)
    return w.length % 2 ? w[m]! : (w[m - 1]! + w[m]!) / 2
  })
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.round((p / 100) * (sorted.length - 1))))
  return sorted[idx]!
}

const mean = (xs: number[]): number | null => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null)

// ---------------------------------------------------------------------------------------------------------
// Figures of a stretch of the timeline [from, to) in sample indexes.

interface Span {
  from: number
  to: number
}

function valuesIn(xs: (number | null)[], s: Span): number[] {
  const out: number[] = []
  for (let i = s.from; i < s.to; i++) {
    const v = xs[i]
    if (v !== null && v !== undefined) out.push(v)
  }
  return out
}

/** The channel's change over the span, from its first to its last value (or the value after the span ends). */
function change(xs: (number | null)[], s: Span): number | null {
  let a: number | null = null
  for (let i = s.from; i < Math.min(xs.length, s.to + 1); i++) if (xs[i] !== null && xs[i] !== undefined) {
    a = xs[i]!
    break
  }
  let b: number | null = null
  for (let i = Math.min(xs.length - 1, s.to); i >= s.from; i--) if (xs[i] !== null && xs[i] !== undefined) {
    b = xs[i]!
    break
  }
  return a === null || b === null ? null : b - a
}

function spanDistance(tl: Timeline, s: Span): number | null {
  const d = change(tl.distance, s)
  if (d !== null && d > 0) return d
  const v = valuesIn(tl.speed, s)
  return v.length ? v.reduce((a, b) => a + b, 0) : null
}

function meanSpeed(tl: Timeline, s: Span): number | null {
  if (s.to <= s.from) return null
  const d = spanDistance(tl, s)
  return d === null ? mean(valuesIn(tl.speed, s)) : d / (s.to - s.from)
}

interface WorkSpan extends Span {
  seconds: number
  distance?: number | null
  ascent?: number | null
  avgHr?: number | null
  maxHr?: number | null
}

function gainOf(tl: Timeline, s: WorkSpan): number | null {
  if (tl.hasAltitude) return change(tl.altitudeSmooth, s)
  return s.ascent ?? null
}

/** Turns work spans (and the recovery spans between them) into reps. */
function makeReps(tl: Timeline, work: WorkSpan[], recoveries: (number | null)[], recoverySpans: (Span | null)[]): DetectedRep[] {
  return work.map((w, i) => {
    const distance = w.distance ?? spanDistance(tl, w)
    const hrs = valuesIn(tl.hr, w)
    const gain = gainOf(tl, w)
    const grade = gain !== null && distance !== null && distance > 0 ? (gain / distance) * 100 : null
    const hill = gain !== null && gain >= HILL_GAIN_M && (grade === null || grade >= HILL_MIN_GRADE_PCT)
    const rs = recoverySpans[i] ?? null
    let recoveryMode: DetectedRep['recoveryMode'] = 'walk'
    if (rs !== null && rs.to > rs.from) {
      const v = meanSpeed(tl, rs)
      if (v !== null) recoveryMode = v < STAND_BELOW ? 'stand' : v < WALK_BELOW ? 'walk' : 'jog'
      const down = tl.hasAltitude ? change(tl.altitudeSmooth, rs) : null
      if (hill && down !== null && gain !== null && -down >= Math.max(2, gain * 0.5)) recoveryMode = 'walk-down'
    }
    const hrMax = hrs.length ? Math.round(hrs.reduce((a, b) => Math.max(a, b))) : (w.maxHr ?? null)
    const hrAvg = hrs.length ? Math.round(mean(hrs)!) : (w.avgHr ?? null)
    return {
      workSeconds: round1(w.seconds),
      distanceMeters: distance === null ? null : round1(distance),
      heartRateMax: hrMax,
      heartRateAvg: hrAvg,
      hill,
      inclinePct: hill && grade !== null ? Math.round(grade) : null,
      recoverySeconds: recoveries[i] ?? null,
      recoveryMode,
      startOffsetSeconds: w.from
    }
  })
}

// ---------------------------------------------------------------------------------------------------------
// 1 and 2: laps.

interface LapSpan extends WorkSpan {
  lap: RecordingLap
  speed: number | null
}

function lapSpans(tl: Timeline, rec: Recording): LapSpan[] {
  const idx = (t: number): number => {
    // first sample at or after elapsed t
    let lo = 0
    let hi = tl.elapsed.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (tl.elapsed[mid]! < t) lo = mid + 1
      else hi = mid
    }
    return lo
  }
  return [...rec.laps]
    .sort((a, b) => a.start - b.start)
    .map((lap) => {
      const span = { from: idx(lap.start), to: idx(lap.end) }
      const seconds = lap.timerSeconds ?? lap.end - lap.start - (pausedBefore(lap.end, rec.pauses) - pausedBefore(lap.start, rec.pauses))
      const distance = lap.distance ?? spanDistance(tl, span)
      return {
        ...span,
        seconds,
        distance,
        ascent: lap.ascent,
        avgHr: lap.avgHr ?? null,
        maxHr: lap.maxHr ?? null,
        lap,
        speed: distance !== null && seconds > 0 ? distance / seconds : meanSpeed(tl, span)
      }
    })
    .filter((l) => l.seconds > 0.5)
}

type Role = 'warmup' | 'work' | 'recovery' | 'cooldown'

function fromRoles(tl: Timeline, laps: LapSpan[], roles: Role[], by: Detection['detectedBy']): Detection | null {
  const workIdx = roles.flatMap((r, i) => (r === 'work' ? [i] : []))
  if (workIdx.length === 0) return null
  const first = workIdx[0]!
  const last = workIdx[workIdx.length - 1]!
  const sum = (from: number, to: number, role?: Role): number =>
    laps.slice(from, to).reduce((a, l, k) => a + (role === undefined || roles[from + k] === role ? l.seconds : 0), 0)
  const recoveries: (number | null)[] = []
  const recoverySpans: (Span | null)[] = []
  for (let k = 0; k < workIdx.length; k++) {
    const i = workIdx[k]!
    const next = workIdx[k + 1]
    if (next !== undefined) {
      recoveries.push(round1(sum(i + 1, next)))
      recoverySpans.push({ from: laps[i]!.to, to: laps[next]!.from })
    } else {
      let j = i + 1
      while (j < laps.length && roles[j] === 'recovery') j++
      recoveries.push(j > i + 1 ? round1(sum(i + 1, j)) : null)
      recoverySpans.push(j > i + 1 ? { from: laps[i]!.to, to: laps[j - 1]!.to } : { from: laps[i]!.to, to: Math.min(tl.elapsed.length, laps[i]!.to + 60) })
    }
  }
  const work = workIdx.map((i) => laps[i]!)
  const lastRecoveryEnd = (() => {
    let j = last + 1
    while (j < laps.length && roles[j] === 'recovery') j++
    return j
  })()
  return {
    warmup: Math.round(sum(0, first)),
    cooldown: Math.round(sum(lastRecoveryEnd, laps.length)),
    reps: makeReps(tl, work, recoveries, recoverySpans),
    detectedBy: by
  }
}

/** 1: laps a structured workout marked with intensities. */
function byIntensityLaps(tl: Timeline, laps: LapSpan[]): Detection | null {
  const marks = laps.map((l) => l.lap.intensity)
  const restLike = (m: LapIntensity | null): boolean => m === 'rest' || m === 'recovery'
  const hasMarks = marks.some((m) => restLike(m) || m === 'warmup' || m === 'cooldown')
  if (!hasMarks) return null
  const explicitEnds = marks.some((m) => m === 'warmup' || m === 'cooldown')
  let roles: Role[] = marks.map((m) => (m === 'warmup' ? 'warmup' : m === 'cooldown' ? 'cooldown' : restLike(m) ? 'recovery' : 'work'))
  if (!explicitEnds) {
    // Only rests are marked (as TCX writes them): of the active laps before the first rest only the last is
    // work, the others are the warm-up; after the last rest, the next active lap is work if it is about as fast
    // as the others, and everything after it is the cool-down.
    const firstRest = roles.indexOf('recovery')
    const lastRest = roles.lastIndexOf('recovery')
    roles = roles.map((r, i) => (i < firstRest - 1 ? 'warmup' : i > lastRest + 1 ? 'cooldown' : r))
    const cand = laps[lastRest + 1]
    if (cand !== undefined && roles[lastRest + 1] === 'work') {
      const others = laps.filter((_, i) => roles[i] === 'work' && i !== lastRest + 1).map((l) => l.speed ?? 0)
      const ref = mean(others)
      if (ref !== null && cand.speed !== null && cand.speed < 0.8 * ref) roles[lastRest + 1] = 'cooldown'
    }
  }
  // A recovery lap before the first work is part of the warm-up, one after the last work's recoveries of the cool-down.
  const firstWork = roles.indexOf('work')
  roles = roles.map((r, i) => (i < firstWork && r === 'recovery' ? 'warmup' : r))
  return fromRoles(tl, laps, roles, 'intensity_laps')
}

/** Splits values into a slow and a fast cluster (Otsu's split); null when the fast one is not clearly faster. */
function fastCluster(speeds: number[]): number | null {
  const s = [...speeds].sort((a, b) => a - b)
  let best: { t: number; score: number; slow: number; fast: number } | null = null
  for (let k = 1; k < s.length; k++) {
    const slow = mean(s.slice(0, k))!
    const fast = mean(s.slice(k))!
    const w0 = k / s.length
    const score = w0 * (1 - w0) * (fast - slow) ** 2
    if (best === null || score > best.score) best = { t: (s[k - 1]! + s[k]!) / 2, score, slow, fast }
  }
  if (best === null) return null
  return best.fast >= 1.25 * best.slow && best.fast - best.slow >= 0.7 ? best.t : null
}

/** 2: plain laps, split by speed. */
function byPlainLaps(tl: Timeline, laps: LapSpan[]): Detection | null {
  if (laps.length < 2 || laps.some((l) => l.speed === null)) return null
  const t = fastCluster(laps.map((l) => l.speed!))
  if (t === null) return null
  const roles: Role[] = laps.map((l) => (l.speed! > t ? 'work' : 'recovery'))
  const first = roles.indexOf('work')
  const last = roles.lastIndexOf('work')
  for (let i = 0; i < first; i++) roles[i] = 'warmup'
  // After the last work lap: the first slow lap is its recovery when it is about as long as the other recoveries
  // and more laps follow it; the rest is the cool-down.
  const between = laps.filter((_, i) => i > first && i < last && roles[i] === 'recovery').map((l) => l.seconds)
  const typical = between.length ? [...between].sort((a, b) => a - b)[Math.floor(between.length / 2)]! : null
  for (let i = last + 1; i < laps.length; i++) roles[i] = 'cooldown'
  const after = laps[last + 1]
  if (after !== undefined && last + 2 < laps.length && typical !== null && Math.abs(after.seconds - typical) <= 0.5 * typical) roles[last + 1] = 'recovery'
  return fromRoles(tl, laps, roles, 'laps')
}

// ---------------------------------------------------------------------------------------------------------
// 3: records.

function byRecords(tl: Timeline): Detection {
  const n = tl.elapsed.length
  const none: Detection = { warmup: 0, cooldown: 0, reps: [], detectedBy: 'records' }
  if (!tl.hasSpeed || n < MIN_REP_SECONDS) return none
  const v = rollingMedian(tl.speed, MEDIAN_WINDOW)
  const known = v.filter((x): x is number => x !== null).sort((a, b) => a - b)
  const peak = percentile(known, 99)
  const below = known.filter((x) => x < 0.7 * peak)
  const base = below.length >= 0.1 * known.length ? percentile(below, 50) : percentile(known, 50)
  if (!(peak - base >= 0.8 && peak >= 1.25 * base)) return none
  const enter = base + 0.6 * (peak - base)
  const leave = base + 0.4 * (peak - base)
  let spans: Span[] = []
  let start: number | null = null
  for (let i = 0; i < n; i++) {
    const x = v[i] ?? null
    if (start === null) {
      if (x !== null && x >= enter) {
        // the rep starts where the speed rose past the lower threshold
        let s = i
        while (s > 0 && (v[s - 1] ?? 0) >= leave && tl.elapsed[s]! - tl.elapsed[s - 1]! === 1) s--
        start = spans.length && s < spans[spans.length - 1]!.to ? spans[spans.length - 1]!.to : s
      }
    } else if (x === null || x < leave) {
      spans.push({ from: start, to: i })
      start = null
    }
  }
  if (start !== null) spans.push({ from: start, to: n })
  // merge short gaps, then drop what is too short to be a rep
  const merged: Span[] = []
  for (const s of spans) {
    const prev = merged[merged.length - 1]
    if (prev !== undefined && s.from - prev.to < MERGE_GAP_SECONDS) prev.to = s.to
    else merged.push({ ...s })
  }
  spans = merged.filter((s) => s.to - s.from >= MIN_REP_SECONDS)
  if (spans.length === 0) return none
  // clearly faster than the rest of the session
  const inWork = new Set<number>()
  for (const s of spans) for (let i = s.from; i < s.to; i++) inWork.add(i)
  const rest = known.length ? (v.filter((x, i): x is number => x !== null && !inWork.has(i)) as number[]) : []
  const workMean = mean(spans.flatMap((s) => valuesIn(v, s)))
  const restMean = mean(rest)
  if (workMean === null || (restMean !== null && !(workMean >= 1.25 * restMean && workMean - restMean >= 0.7)) || inWork.size > 0.85 * n) {
    return none
  }
  const recoveries = spans.map((s, i) => (spans[i + 1] ? spans[i + 1]!.from - s.to : null))
  const recoverySpans = spans.map((s, i) => (spans[i + 1] ? { from: s.to, to: spans[i + 1]!.from } : { from: s.to, to: Math.min(n, s.to + 60) }))
  const work: WorkSpan[] = spans.map((s) => ({ ...s, seconds: s.to - s.from }))
  return {
    warmup: spans[0]!.from,
    cooldown: n - spans[spans.length - 1]!.to,
    reps: makeReps(tl, work, recoveries, recoverySpans),
    detectedBy: 'records'
  }
}

// ---------------------------------------------------------------------------------------------------------

export function detectReps(recording: Recording): Detection {
  const tl = buildTimeline(recording)
  const laps = lapSpans(tl, recording)
  if (laps.length >= 2) {
    const a = byIntensityLaps(tl, laps)
    if (a !== null && a.reps.length > 0) return a
    const autoOnly = laps.every((l) => l.lap.trigger !== 'manual')
    const b = byPlainLaps(tl, laps)
    if (b !== null && b.reps.length > 0) {
      // Auto laps (every km, every few minutes) rarely fall on the reps: when the records find reps, trust them.
      if (autoOnly && tl.hasSpeed) {
        const c = byRecords(tl)
        if (c.reps.length > 0) return c
      }
      return b
    }
  }
  return byRecords(tl)
}
