import { describe, expect, it } from 'vitest'
import { downsampleMean } from '../../src/shared/downsample'
import { proteinTarget } from '../../src/shared/metrics/nutrition'
import { addLocalDays } from '../../src/shared/dates'
import { dailyMeans, weightSeries, weightTrend } from '../../src/shared/metrics/weight'
import { utcDay, weightChartData } from '../../src/renderer/src/charts/weightChartData'

describe('daily means', () => {
  it('averages several readings of a day and sorts by date', () => {
    expect(
      dailyMeans([
        { date: '2026-11-02', kg: 72 },
        { date: '2026-11-01', kg: 73 },
        { date: '2026-11-02', kg: 73 }
      ])
    ).toEqual([
      { date: '2026-11-01', kg: 73, count: 1 },
      { date: '2026-11-02', kg: 72.5, count: 2 }
    ])
  })
})

describe('weight trend', () => {
  it('starts at the first value and closes 10 % of the gap per day', () => {
    const t = weightTrend([
      { date: '2026-11-01', kg: 80 },
      { date: '2026-11-02', kg: 70 }
    ])
    expect(t[0]?.trendKg).toBe(80)
    expect(t[1]?.trendKg).toBeCloseTo(79, 10)
  })

  it('treats a gap of n days as n steps toward the new value', () => {
    const t = weightTrend([
      { date: '2026-11-01', kg: 80 },
      { date: '2026-11-04', kg: 70 }
    ])
    // 1 - 0.9^3 = 0.271 of the 10 kg gap
    expect(t[1]?.trendKg).toBeCloseTo(80 - 2.71, 10)
  })

  it('handles a single point and no points', () => {
    expect(weightTrend([])).toEqual([])
    expect(weightTrend([{ date: '2026-01-01', kg: 70 }])).toEqual([{ date: '2026-01-01', kg: 70, trendKg: 70 }])
  })

  it('is not thrown off by a daylight-saving change', () => {
    const t = weightTrend([
      { date: '2026-03-28', kg: 80 },
      { date: '2026-03-29', kg: 70 },
      { date: '2026-03-30', kg: 70 }
    ])
    expect(t[1]?.trendKg).toBeCloseTo(79, 10)
    expect(t[2]?.trendKg).toBeCloseTo(78.1, 10)
  })
})

describe('protein target', () => {
  it('is 1.4–2.0 g per kg (68.2 kg → 95–136 g; the source rounds 0.64–0.91 g/lb of 150 lb to 96–137 g)', () => {
    expect(proteinTarget(68.2)).toEqual({ minG: 95, maxG: 136 })
    expect(proteinTarget(75)).toEqual({ minG: 105, maxG: 150 })
  })
})

describe('downsampling', () => {
  it('leaves short series alone', () => {
    const pts = [{ v: 1 }, { v: 2 }]
    expect(downsampleMean(pts, ['v'], 10)).toEqual(pts)
  })

  it('averages runs, ends on the newest point and keeps within the budget', () => {
    const pts = Array.from({ length: 10 }, (_, i) => ({ i, v: i }))
    const out = downsampleMean(pts, ['v'], 4)
    // runs of 3 aligned to the end: [0], [1,2,3], [4,5,6], [7,8,9]
    expect(out).toEqual([
      { i: 0, v: 0 },
      { i: 3, v: 2 },
      { i: 6, v: 5 },
      { i: 9, v: 8 }
    ])
  })

  it('keeps 10 years of daily points under 1,000', () => {
    const pts = Array.from({ length: 3653 }, (_, i) => ({ v: i }))
    const out = downsampleMean(pts, ['v'], 1000)
    expect(out.length).toBeLessThanOrEqual(1000)
    expect(out.length).toBeGreaterThan(900)
  })
})

describe('the weight series', () => {
  it('keeps 30 years of daily weigh-ins within 1,000 points, the trend worked out over every day', () => {
    const daily = Array.from({ length: 10_950 }, (_, i) => ({ date: addLocalDays('1997-01-01', i), kg: 70 + 5 * Math.sin(i / 60) }))
    const s = weightSeries(daily)
    const full = weightTrend(daily)
    expect(s.days).toBe(10_950)
    expect(s.downsampled).toBe(true)
    expect(s.points.length).toBeLessThanOrEqual(1000)
    expect(s.points.length).toBeGreaterThan(900)
    // The newest point is the last day, its values the mean of its run; the latest trend is the last day's own.
    expect(s.points.at(-1)?.date).toBe(daily.at(-1)?.date)
    expect(s.latestTrendKg).toBe(full.at(-1)?.trendKg)
    const run = 10_950 / s.points.length
    const lastRun = full.slice(-Math.ceil(run))
    expect(s.points.at(-1)?.trendKg).toBeCloseTo(lastRun.reduce((a, p) => a + p.trendKg, 0) / lastRun.length, 9)
  })

  it('is every day as it is when there are few', () => {
    const daily = [
      { date: '2026-11-01', kg: 70 },
      { date: '2026-11-03', kg: 71 }
    ]
    expect(weightSeries(daily)).toEqual({ points: weightTrend(daily), days: 2, latestTrendKg: weightTrend(daily)[1]?.trendKg, downsampled: false })
  })
})

describe('weight chart data', () => {
  it('converts to the display unit and rounds to 0.1', () => {
    const d = weightChartData(
      weightSeries([
        { date: '2026-11-01', kg: 68.2 },
        { date: '2026-11-02', kg: 68.0 }
      ]),
      'lb'
    )
    expect(d.points).toEqual([
      { date: '2026-11-01', t: Date.UTC(2026, 10, 1), weight: 150.4, trend: 150.4 },
      { date: '2026-11-02', t: Date.UTC(2026, 10, 2), weight: 149.9, trend: 150.3 }
    ])
    expect(d.latestTrendKg).toBeCloseTo(68.18, 10)
    expect(d.downsampled).toBe(false)
  })

  it('is empty with no data', () => {
    expect(weightChartData(weightSeries([]), 'kg')).toEqual({ points: [], latestTrendKg: null, downsampled: false, yTicks: [] })
  })

  it('spaces days evenly across a DST change', () => {
    expect(utcDay('2026-03-30') - utcDay('2026-03-29')).toBe(86_400_000)
    expect(utcDay('2026-10-26') - utcDay('2026-10-25')).toBe(86_400_000)
  })
})

describe('axis ticks', () => {
  it('are round numbers that cover the data', async () => {
    const { niceTicks } = await import('../../src/renderer/src/charts/axis')
    expect(niceTicks(70.2, 80.4)).toEqual([70, 75, 80, 85])
    expect(niceTicks(71.6, 73.4)).toEqual([71.5, 72, 72.5, 73, 73.5])
    expect(niceTicks(72, 72)).toEqual([71, 71.5, 72, 72.5, 73])
    expect(niceTicks(150.1, 161.9)).toEqual([150, 155, 160, 165])
  })
})
