import { niceTicks } from './axis'
import { parseLocalDate } from '../../../shared/dates'
import type { DailyWeight } from '../../../shared/domain'
import { downsampleMean } from '../../../shared/downsample'
import { weightTrend } from '../../../shared/metrics/weight'
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

export const MAX_POINTS = 1000

export function utcDay(date: string): number {
  const d = parseLocalDate(date)
  if (!d) throw new RangeError(`Not a calendar date: ${date}`)
  return Date.UTC(d.getFullYear(), d.getMonth(), d.getDate())
}

/** Daily means (oldest first) → chart points with the trend, in the display unit, at most MAX_POINTS. */
export function weightChartData(daily: readonly DailyWeight[], unit: WeightUnit, maxPoints = MAX_POINTS): WeightChartData {
  const trend = weightTrend(daily)
  const last = trend[trend.length - 1]
  const points = trend.map((p) => ({
    date: p.date,
    t: utcDay(p.date),
    weight: kgToUnit(p.kg, unit),
    trend: kgToUnit(p.trendKg, unit)
  }))
  const fitted = downsampleMean(points, ['weight', 'trend'], maxPoints).map((p) => ({ ...p, weight: round1(p.weight), trend: round1(p.trend) }))
  let lo = Infinity
  let hi = -Infinity
  for (const p of fitted) {
    lo = Math.min(lo, p.weight, p.trend)
    hi = Math.max(hi, p.weight, p.trend)
  }
  return {
    points: fitted,
    latestTrendKg: last ? last.trendKg : null,
    downsampled: fitted.length < points.length,
    yTicks: fitted.length > 0 ? niceTicks(lo, hi) : []
  }
}
