import type { LoadedSprintBest, ProtocolProgress, SprintBest, SprintBests } from '../../../shared/stats'
import type { LoadKind } from '../../../shared/training'
import { loadInUnit, type WeightUnit } from '../../../shared/units'
import { formatNumber } from '../i18n/format'
import { tr } from '../i18n/instance'
import { niceTicks } from './axis'
import { utcDay } from './weightChartData'

export interface ProgressChartPoint {
  date: string
  sessionId: number
  t: number
  /** Completed reps (a mean over merged sessions: one decimal). */
  reps: number
  planned: number
  /** Rest per rep in seconds, whole; null when the session had no timed rest. */
  rest: number | null
  rpe: number | null
  /** Speed drop-off from the first to the last rep with a distance, in %, one decimal. */
  dropOff: number | null
  firstSpeed: number | null
  lastSpeed: number | null
  /** The heaviest load carried, in the runner's unit (kg to 0.01, lb to 0.1); null when none. */
  load: number | null
  /** Drop-off of the reps with the session's first load, in %, one decimal (never mixed with the unloaded one). */
  loadedDropOff: number | null
  loadedFirstSpeed: number | null
  loadedLastSpeed: number | null
}

export interface ProgressChartData {
  points: ProgressChartPoint[]
  /** Any session has a speed drop-off (two or more reps with a distance). */
  hasSpeeds: boolean
  hasRest: boolean
  hasRpe: boolean
  /** Any session carried a load; the loaded reps have a drop-off of their own. */
  hasLoad: boolean
  hasLoadedSpeeds: boolean
  /** The unit the loads are in. */
  loadUnit: WeightUnit
  sessionsPerPoint: number
  /** Left axis (reps and RPE): 0 to at least 10. */
  countTicks: number[]
  /** Right axis (rest per rep, seconds): 0 to above the longest rest, in steps a clock reads well. */
  restTicks: number[]
}

/** `20 s`, `1 min 30 s`, `2 min`, in the runner's language. */
export function durationText(seconds: number): string {
  const s = Math.round(seconds)
  if (s < 60) return tr('charts:seconds', { s })
  const m = Math.floor(s / 60)
  const rest = s % 60
  return rest === 0 ? tr('charts:minutes', { m }) : tr('charts:minutesSeconds', { m, s: rest })
}

/** `+10 kg vest`, `+22 lb sled`: a load in the runner's unit, with what carries it, in the runner's language. */
export const loadText = (kg: number, kind: LoadKind, unit: WeightUnit): string =>
  tr('charts:load', { amount: formatNumber(loadInUnit(kg, unit), 2), unit, kind })

const REST_STEPS = [15, 30, 60, 120, 300, 600, 1200]

/** 0 … above `max` seconds in 15 s, 30 s, 1 min, 2 min, 5 min … steps, about four of them, with headroom. */
export function restTicks(max: number): number[] {
  const top = Math.max(60, max * 1.15)
  const step = REST_STEPS.find((s) => top / s <= 4) ?? 1200
  const ticks: number[] = []
  for (let v = 0; v < top + step; v += step) ticks.push(v)
  return ticks
}

const r1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10)
const r2 = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100)

export function protocolProgressChartData(p: ProtocolProgress, loadUnit: WeightUnit = 'kg'): ProgressChartData {
  const points = p.points.map((s) => ({
    date: s.date,
    sessionId: s.sessionId,
    t: utcDay(s.date),
    reps: r1(s.repsDone) ?? 0,
    planned: r1(s.plannedReps) ?? 0,
    rest: s.restPerRep === null ? null : Math.round(s.restPerRep),
    rpe: r1(s.rpe),
    dropOff: r1(s.dropOffPct),
    firstSpeed: r2(s.firstSpeed),
    lastSpeed: r2(s.lastSpeed),
    load: s.maxLoadKg === null ? null : loadInUnit(s.maxLoadKg, loadUnit),
    loadedDropOff: r1(s.loadedDropOffPct),
    loadedFirstSpeed: r2(s.loadedFirstSpeed),
    loadedLastSpeed: r2(s.loadedLastSpeed)
  }))
  let top = 10
  let rest = 0
  for (const x of points) {
    top = Math.max(top, x.reps, x.planned, x.rpe ?? 0, x.load ?? 0)
    rest = Math.max(rest, x.rest ?? 0)
  }
  return {
    points,
    countTicks: niceTicks(0, top, 6),
    restTicks: restTicks(rest),
    hasSpeeds: points.some((x) => x.dropOff !== null || x.loadedDropOff !== null),
    hasLoad: points.some((x) => x.load !== null),
    hasLoadedSpeeds: points.some((x) => x.loadedDropOff !== null),
    loadUnit,
    hasRest: points.some((x) => x.rest !== null),
    hasRpe: points.some((x) => x.rpe !== null),
    sessionsPerPoint: p.sessionsPerPoint
  }
}

export interface BestRow {
  /** `20 s`, `1 min 30 s`, or `Hill` with the length. */
  label: string
  kind: 'flat' | 'hill'
  /** `unloaded`, or the load in the runner's unit with what carried it (`+10 kg vest`). */
  load: string
  loadKg: number | null
  loadKind: LoadKind | null
  bucketSeconds: number
  /** m/s, two decimals. */
  speed: number
  /** km/h, one decimal. */
  kmh: number
  distanceMeters: number
  workSeconds: number
  date: string
  sessionId: number
  reps: number
}

/**
 * Sprint bests as table rows: unloaded flat reps by length, then the best unloaded hill rep; then the loaded bests,
 * flat then hill, per load (a loaded rep is compared only with reps of the same load and kind).
 */
export function sprintBestRows(b: SprintBests, unit: WeightUnit = 'kg'): BestRow[] {
  const row = (x: SprintBest | LoadedSprintBest, kind: BestRow['kind']): BestRow => ({
    label: kind === 'hill' ? tr('charts:hill', { length: durationText(x.bucketSeconds) }) : durationText(x.bucketSeconds),
    kind,
    load: 'loadKg' in x ? loadText(x.loadKg, x.loadKind, unit) : tr('charts:unloaded'),
    loadKg: 'loadKg' in x ? x.loadKg : null,
    loadKind: 'loadKg' in x ? x.loadKind : null,
    bucketSeconds: x.bucketSeconds,
    speed: Math.round(x.speed * 100) / 100,
    kmh: Math.round(x.speed * 36) / 10,
    distanceMeters: Math.round(x.distanceMeters * 10) / 10,
    workSeconds: Math.round(x.workSeconds * 10) / 10,
    date: x.date,
    sessionId: x.sessionId,
    reps: x.reps
  })
  return [...b.byDuration.map((x) => row(x, 'flat')), ...(b.hill ? [row(b.hill, 'hill')] : []), ...b.loaded.map((x) => row(x, x.terrain))]
}
