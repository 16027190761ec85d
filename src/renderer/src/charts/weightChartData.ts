import { niceTicks } from './axis'
import { parseLocalDate } from '../../../shared/dates'
import type { WeightSeries } from '../../../shared/metrics/weight'
import { kgToUnit, round1, type WeightUnit } from '../../../shared/units'

export interface WeightChartPoint {
  date: string
  /** Milliseconds since 1970 at UTC midnight of the date: an evenly spaced time axis, immune to DST. */
  t: number
  /** The day's mean weight in the display unit. */
  weight: number
  /** The smoothed trend in the display unit. */
  trend: number
}

export interface WeightChartData {
  points: WeightChartPoint[]
  /** The latest trend weight in kilograms, or null with no data. */
  latestTrendKg: number | null
  /** True when the series was averaged down to fit the point budget. */
  downsampled: boolean
  /** Round weight ticks covering every point and the trend, in the display unit. */
  yTicks: number[]
}

export function utcDay(date: string): number {
  const d = parseLocalDate(date)
  if (!d) throw new RangeError(`Not a calendar date: ${date}`)
  return Date.UTC(d.getFullYear(), d.getMonth(), d.getDate())
}

/** The back end's series (daily means with their trend, within the point budget) → chart points in the display unit. */
export function weightChartData(series: WeightSeries, unit: WeightUnit): WeightChartData {
  const points = series.points.map((p) => ({
    date: p.date,
    t: utcDay(p.date),
    weight: round1(kgToUnit(p.kg, unit)),
    trend: round1(kgToUnit(p.trendKg, unit))
  }))
  let lo = Infinity
  let hi = -Infinity
  for (const p of points) {
    lo = Math.min(lo, p.weight, p.trend)
    hi = Math.max(hi, p.weight, p.trend)
  }
  return {
    points,
    latestTrendKg: series.latestTrendKg,
    downsampled: series.downsampled,
    yTicks: points.length > 0 ? niceTicks(lo, hi) : []
  }
}
