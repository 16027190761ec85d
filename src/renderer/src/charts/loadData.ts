import type { FitnessSeries, WeeklyLoad } from '../../../shared/stats'
import { niceTicks } from './axis'
import { utcDay } from './weightChartData'

export interface LoadPoint {
  /** Monday of the week (of the first week, when several are merged into one point). */
  weekStart: string
  weekEnd: string
  /** UTC midnight of the Monday, for a time axis. */
  t: number
  /** Weekly sRPE load, rounded to whole units. */
  load: number
  /** The spike rule's baseline (mean of the 4 weeks before), rounded; null without enough history. */
  baseline: number | null
  spike: boolean
  sessions: number
  /** Sessions without an RPE, which carry no load. */
  unrated: number
}

export interface LoadChartData {
  points: LoadPoint[]
  spikes: number
  sessions: number
  unrated: number
  /** The heaviest week's load (for the summary). */
  maxLoad: number
  weeksPerPoint: number
  /** Round load ticks from 0 to above the heaviest week. */
  yTicks: number[]
}

const round = (n: number, digits = 0) => {
  const f = 10 ** digits
  return Math.round(n * f) / f
}

export function weeklyLoadChartData(w: WeeklyLoad): LoadChartData {
  let spikes = 0
  let maxLoad = 0
  const points = w.weeks.map((x) => {
    if (x.spike) spikes++
    maxLoad = Math.max(maxLoad, x.load)
    return {
      weekStart: x.weekStart,
      weekEnd: x.weekEnd,
      t: utcDay(x.weekStart),
      load: round(x.load),
      baseline: x.baseline === null ? null : round(x.baseline),
      spike: x.spike,
      sessions: round(x.sessions, 1),
      unrated: round(x.unrated, 1)
    }
  })
  return { points, spikes, sessions: w.sessions, unrated: w.unrated, maxLoad: round(maxLoad), weeksPerPoint: w.weeksPerPoint, yTicks: niceTicks(0, Math.max(maxLoad, 1)) }
}

export interface FitnessPoint {
  date: string
  t: number
  load: number
  fitness: number
  fatigue: number
  form: number
}

export interface FitnessChartData {
  points: FitnessPoint[]
  latest: FitnessPoint | null
  daysPerPoint: number
  /** Round ticks covering the three curves and 0. */
  yTicks: number[]
}

/** Fitness / fatigue / form per day, rounded to one decimal, with the exact last day. */
export function fitnessChartData(f: FitnessSeries): FitnessChartData {
  const shape = (d: FitnessSeries['points'][number]): FitnessPoint => ({
    date: d.date,
    t: utcDay(d.date),
    load: round(d.load),
    fitness: round(d.fitness, 1),
    fatigue: round(d.fatigue, 1),
    form: round(d.form, 1)
  })
  const points = f.points.map(shape)
  let lo = 0
  let hi = 1
  for (const p of points) {
    lo = Math.min(lo, p.form, p.fitness, p.fatigue)
    hi = Math.max(hi, p.form, p.fitness, p.fatigue)
  }
  return { points, latest: f.latest ? shape(f.latest) : null, daysPerPoint: f.daysPerPoint, yTicks: niceTicks(lo, hi) }
}
