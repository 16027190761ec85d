import { daysBetween, type LocalDate } from '../dates'
import type { DailyWeight } from '../domain'
import { downsampleMean } from '../downsample'
import { MAX_CHART_POINTS } from '../stats'

/**
 * Share of the gap between the trend and a new daily mean that the trend closes per day: the
 * exponentially weighted average of "The Hacker's Diet" (10 % a day). A gap of several days closes
 * as if each missing day had repeated the trend, so sparse weigh-ins do not jerk the line.
 */
export const TREND_SMOOTHING_PER_DAY = 0.1

export interface TrendPoint {
  date: LocalDate
  /** The day's mean weight in kilograms. */
  kg: number
  /** The smoothed trend weight in kilograms on that day. */
  trendKg: number
}

/** Adds the smoothed trend to daily means; the input must be sorted by date, oldest first. */
export function weightTrend(daily: readonly Pick<DailyWeight, 'date' | 'kg'>[], smoothing = TREND_SMOOTHING_PER_DAY): TrendPoint[] {
  const out: TrendPoint[] = []
  let trend = 0
  let prev: LocalDate | null = null
  for (const d of daily) {
    if (prev === null) {
      trend = d.kg
    } else {
      const gap = Math.max(1, daysBetween(prev, d.date))
      const weight = 1 - Math.pow(1 - smoothing, gap)
      trend += weight * (d.kg - trend)
    }
    prev = d.date
    out.push({ date: d.date, kg: d.kg, trendKg: trend })
  }
  return out
}

/** The daily mean of raw readings, oldest first: the same definition the database query uses. */
export function dailyMeans(entries: readonly { date: LocalDate; kg: number }[]): DailyWeight[] {
  const byDate = new Map<LocalDate, { sum: number; count: number }>()
  for (const e of entries) {
    const acc = byDate.get(e.date) ?? { sum: 0, count: 0 }
    acc.sum += e.kg
    acc.count += 1
    byDate.set(e.date, acc)
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, { sum, count }]) => ({ date, kg: sum / count, count }))
}

/** The body-weight chart's series: daily means with their trend, at most MAX_CHART_POINTS of them. */
export interface WeightSeries {
  /** Oldest first; runs of nearby days averaged (kg and trend) when there are more days than points. */
  points: TrendPoint[]
  /** Days with a weigh-in in the range. */
  days: number
  /** The trend on the last day, unaveraged; null with no data. */
  latestTrendKg: number | null
  downsampled: boolean
}

/** Daily means → the trend over every day, then averaged down to the point budget (the trend is never computed on averaged days). */
export function weightSeries(daily: readonly Pick<DailyWeight, 'date' | 'kg'>[], maxPoints = MAX_CHART_POINTS): WeightSeries {
  const trend = weightTrend(daily)
  const points = downsampleMean(trend, ['kg', 'trendKg'], maxPoints)
  return { points, days: trend.length, latestTrendKg: trend[trend.length - 1]?.trendKg ?? null, downsampled: points.length < trend.length }
}
