import { durationWithUnits } from '../../../shared/duration'
import type { ProtocolProgress, SprintBest, SprintBests } from '../../../shared/stats'
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
}

export interface ProgressChartData {
  points: ProgressChartPoint[]
  /** Any session has a speed drop-off (two or more reps with a distance). */
  hasSpeeds: boolean
  hasRest: boolean
  hasRpe: boolean
  sessionsPerPoint: number
  /** Left axis (reps and RPE): 0 to at least 10. */
  countTicks: number[]
  /** Right axis (rest per rep, seconds): 0 to above the longest rest, in steps a clock reads well. */
  restTicks: number[]
}

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

export function protocolProgressChartData(p: ProtocolProgress): ProgressChartData {
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
    lastSpeed: r2(s.lastSpeed)
  }))
  let top = 10
  let rest = 0
  for (const x of points) {
    top = Math.max(top, x.reps, x.planned, x.rpe ?? 0)
    rest = Math.max(rest, x.rest ?? 0)
  }
  return {
    points,
    countTicks: niceTicks(0, top, 6),
    restTicks: restTicks(rest),
    hasSpeeds: points.some((x) => x.dropOff !== null),
    hasRest: points.some((x) => x.rest !== null),
    hasRpe: points.some((x) => x.rpe !== null),
    sessionsPerPoint: p.sessionsPerPoint
  }
}

export interface BestRow {
  /** `20 s`, `1 min 30 s`, or `Hill` with the length. */
  label: string
  kind: 'flat' | 'hill'
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

/** Sprint bests as table rows: flat reps by length, then the best hill rep. */
export function sprintBestRows(b: SprintBests): BestRow[] {
  const row = (x: SprintBest, kind: BestRow['kind']): BestRow => ({
    label: kind === 'hill' ? `Hill (${durationWithUnits(x.bucketSeconds)})` : durationWithUnits(x.bucketSeconds),
    kind,
    bucketSeconds: x.bucketSeconds,
    speed: Math.round(x.speed * 100) / 100,
    kmh: Math.round(x.speed * 36) / 10,
    distanceMeters: Math.round(x.distanceMeters * 10) / 10,
    workSeconds: Math.round(x.workSeconds * 10) / 10,
    date: x.date,
    sessionId: x.sessionId,
    reps: x.reps
  })
  return [...b.byDuration.map((x) => row(x, 'flat')), ...(b.hill ? [row(b.hill, 'hill')] : [])]
}
