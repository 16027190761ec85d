import { describe, expect, it } from 'vitest'
import {
  type DailyTotals,
  dateOfDay,
  dayNumber,
  FATIGUE_DAYS,
  FITNESS_DAYS,
  fitnessModel,
  markLoadSpikes,
  SPIKE_RULE,
  weekdayMon0,
  weekEnd,
  weeklyTotals,
  weekStart,
  type WeekTotals
} from '../../src/shared/metrics/load'
import { addLocalDays } from '../../src/shared/dates'

const day = (date: string, load: number, over: Partial<DailyTotals> = {}): DailyTotals => ({
  date,
  sessions: 1,
  load,
  unrated: 0,
  workSeconds: 120,
  reps: 6,
  distanceMeters: 0,
  ...over
})

describe('calendar days', () => {
  it('runs in the Berlin time zone, where these tests mean something', () => {
    expect(process.env.TZ).toBe('Europe/Berlin')
    expect(new Date(2026, 2, 29).getTimezoneOffset()).not.toBe(new Date(2026, 2, 30).getTimezoneOffset())
  })

  it('numbers days without gaps or repeats across daylight-saving changes and year ends', () => {
    for (const start of ['2026-03-25', '2026-10-21', '2026-12-27', '2024-02-26', '1969-12-29']) {
      for (let i = 0; i < 10; i++) {
        const d = addLocalDays(start, i)
        expect(dayNumber(d)).toBe(dayNumber(start) + i)
        expect(dateOfDay(dayNumber(d))).toBe(d)
      }
    }
    expect(dayNumber('1970-01-01')).toBe(0)
    expect(dateOfDay(-1)).toBe('1969-12-31')
  })

  it('knows the weekday: Monday is 0', () => {
    expect(weekdayMon0('2026-11-23')).toBe(0) // Monday
    expect(weekdayMon0('2026-11-22')).toBe(6) // Sunday
    expect(weekdayMon0('1970-01-01')).toBe(3) // Thursday
    expect(weekdayMon0('1969-12-28')).toBe(6) // Sunday, before day 0
  })

  it.each([
    // the Sunday the clocks go forward in Berlin, and the Monday after
    ['2026-03-29', '2026-03-23', '2026-03-29'],
    ['2026-03-30', '2026-03-30', '2026-04-05'],
    // the Sunday the clocks go back
    ['2026-10-25', '2026-10-19', '2026-10-25'],
    ['2026-10-26', '2026-10-26', '2026-11-01'],
    // weeks across year ends
    ['2026-12-31', '2026-12-28', '2027-01-03'],
    ['2027-01-03', '2026-12-28', '2027-01-03'],
    ['2021-01-01', '2020-12-28', '2021-01-03'],
    // a leap day
    ['2024-02-29', '2024-02-26', '2024-03-03']
  ])('the week of %s runs from Monday %s to Sunday %s', (date, monday, sunday) => {
    expect(weekStart(date)).toBe(monday)
    expect(weekEnd(date)).toBe(sunday)
  })
})

describe('weekly totals', () => {
  it('sums days into Monday–Sunday weeks, with empty weeks as zeros, across the change to summer time', () => {
    const weeks = weeklyTotals(
      [day('2026-03-23', 100), day('2026-03-29', 50), day('2026-03-30', 70), day('2026-04-12', 30, { sessions: 2, unrated: 1 })],
      '2026-03-25',
      '2026-04-14'
    )
    expect(weeks.map((w) => [w.weekStart, w.weekEnd, w.sessions, w.load, w.unrated])).toEqual([
      ['2026-03-23', '2026-03-29', 2, 150, 0],
      ['2026-03-30', '2026-04-05', 1, 70, 0],
      ['2026-04-06', '2026-04-12', 2, 30, 1],
      ['2026-04-13', '2026-04-19', 0, 0, 0]
    ])
    expect(weeks[0]).toMatchObject({ workSeconds: 240, reps: 12 })
  })

  it('keeps the week across a year end together', () => {
    const weeks = weeklyTotals([day('2026-12-28', 10), day('2026-12-31', 20), day('2027-01-03', 30), day('2027-01-04', 40)], '2026-12-30', '2027-01-04')
    expect(weeks.map((w) => [w.weekStart, w.load])).toEqual([
      ['2026-12-28', 60],
      ['2027-01-04', 40]
    ])
  })

  it('a single day gives a single week; no days give zero weeks; an inverted range gives none', () => {
    expect(weeklyTotals([day('2026-11-18', 216)], '2026-11-18', '2026-11-18')).toEqual([
      { weekStart: '2026-11-16', weekEnd: '2026-11-22', sessions: 1, load: 216, unrated: 0, workSeconds: 120, reps: 6, distanceMeters: 0 }
    ])
    expect(weeklyTotals([], '2026-11-01', '2026-11-30').every((w) => w.sessions === 0 && w.load === 0)).toBe(true)
    expect(weeklyTotals([], '2026-11-30', '2026-11-01')).toEqual([])
  })
})

describe('load spikes', () => {
  const weeks = (start: string, loads: number[]): WeekTotals[] =>
    loads.map((load, i) => {
      const monday = addLocalDays(start, i * 7)
      return { weekStart: monday, weekEnd: addLocalDays(monday, 6), sessions: load > 0 ? 3 : 0, load, unrated: 0, workSeconds: 0, reps: 0, distanceMeters: 0 }
    })

  it('marks a week above 1.5 × the mean of the 4 weeks before it', () => {
    const marked = markLoadSpikes(weeks('2026-01-05', [600, 600, 600, 600, 1000, 900, 600]), '2026-01-05')
    expect(marked.map((w) => w.baseline)).toEqual([null, null, null, null, 600, 700, 775])
    // 1000 > 900 marks; 900 is not above 1.5 × 700 = 1050.
    expect(marked.map((w) => w.spike)).toEqual([false, false, false, false, true, false, false])
  })

  it('exactly 1.5 × the baseline is not a spike', () => {
    expect(markLoadSpikes(weeks('2026-01-05', [600, 600, 600, 600, 900]), '2026-01-05')[4]?.spike).toBe(false)
  })

  it('never marks the first 4 weeks of a history, however steep', () => {
    const marked = markLoadSpikes(weeks('2026-01-05', [0, 0, 100, 1000, 2000, 600]), '2026-01-19')
    // History starts in week 3 (2026-01-19): weeks 3–6 have no 4-week baseline inside history.
    expect(marked.map((w) => w.spike)).toEqual([false, false, false, false, false, false])
    expect(markLoadSpikes(weeks('2026-01-05', [600]), null)[0]?.spike).toBe(false)
  })

  it('needs at least 300 AU, so a small week after rest weeks is not marked', () => {
    const marked = markLoadSpikes(weeks('2026-01-05', [100, 100, 100, 100, 299, 100, 100, 100, 100, 300]), '2026-01-05')
    expect(marked[4]?.spike).toBe(false)
    expect(marked[9]).toMatchObject({ baseline: 100, spike: true })
  })

  it('marks coming back from a break at full load', () => {
    const marked = markLoadSpikes(weeks('2026-01-05', [700, 700, 700, 700, 0, 0, 0, 0, 700]), '2026-01-05')
    expect(marked[8]).toMatchObject({ baseline: 0, spike: true })
  })

  it('the rule is the documented one', () => {
    expect(SPIKE_RULE).toEqual({ ratio: 1.5, baselineWeeks: 4, minLoad: 300 })
  })
})

describe('fitness, fatigue and form', () => {
  it('matches a hand calculation over three days (100, rest, 50)', () => {
    // k42 = 1 − e^(−1/42) = 0.0235283; k7 = 1 − e^(−1/7) = 0.1331221
    // day 1: fitness = 100 × k42 = 2.35283;          fatigue = 100 × k7 = 13.31221
    // day 2: fitness = 2.35283 × (1 − k42) = 2.29747; fatigue = 13.31221 × (1 − k7) = 11.54009
    // day 3: fitness = 2.29747 + (50 − 2.29747) × k42 = 3.41983; fatigue = 11.54009 + (50 − 11.54009) × k7 = 16.65996
    const days = fitnessModel([day('2026-03-28', 100), day('2026-03-30', 50)], '2026-03-28', '2026-03-30')
    expect(days.map((d) => d.date)).toEqual(['2026-03-28', '2026-03-29', '2026-03-30'])
    expect(days.map((d) => d.load)).toEqual([100, 0, 50])
    const expected = [
      [2.35283, 13.31221, -10.95938],
      [2.29747, 11.54009, -9.24262],
      [3.41983, 16.65996, -13.24013]
    ]
    days.forEach((d, i) => {
      const [fitness, fatigue, form] = expected[i] as [number, number, number]
      expect(d.fitness).toBeCloseTo(fitness, 4)
      expect(d.fatigue).toBeCloseTo(fatigue, 4)
      expect(d.form).toBeCloseTo(form, 4)
    })
    expect(FITNESS_DAYS).toBe(42)
    expect(FATIGUE_DAYS).toBe(7)
  })

  it('form is same-day fitness − fatigue; the TrainingPeaks form of a day is ours of the day before', () => {
    const days = fitnessModel([day('2026-01-01', 300), day('2026-01-04', 500), day('2026-01-05', 200)], '2026-01-01', '2026-01-10')
    for (const d of days) expect(d.form).toBeCloseTo(d.fitness - d.fatigue, 10)
    // A hard first day: our form drops that day; TrainingPeaks' (yesterday's values) is still 0 and drops the next day.
    const trainingPeaks = days.map((_, i) => (i === 0 ? 0 : (days[i - 1]?.fitness ?? 0) - (days[i - 1]?.fatigue ?? 0)))
    expect(days[0]?.form).toBeCloseTo(300 * (Math.exp(-1 / 7) - Math.exp(-1 / 42)), 10)
    expect(trainingPeaks[0]).toBe(0)
    expect(trainingPeaks[1]).toBeCloseTo(days[0]?.form ?? NaN, 10)
  })

  it('starts from 0 on the first day of history; rest days decay both curves', () => {
    const days = fitnessModel([], '2026-01-01', '2026-01-03')
    expect(days.every((d) => d.fitness === 0 && d.fatigue === 0 && d.form === 0)).toBe(true)
    const decay = fitnessModel([day('2026-01-01', 100)], '2026-01-01', '2026-02-11')
    const last = decay[decay.length - 1]
    // After 41 rest days: fitness = 100·k42·(1 − k42)^41, fatigue = 100·k7·(1 − k7)^41.
    expect(last?.fitness).toBeCloseTo(100 * (1 - Math.exp(-1 / 42)) * Math.exp(-41 / 42), 10)
    expect(last?.fatigue).toBeCloseTo(100 * (1 - Math.exp(-1 / 7)) * Math.exp(-41 / 7), 10)
  })

  it('a steady daily load is approached by both; fatigue gets there first', () => {
    const daily = Array.from({ length: 200 }, (_, i) => day(addLocalDays('2026-01-01', i), 100))
    const days = fitnessModel(daily, '2026-01-01', addLocalDays('2026-01-01', 199))
    const last = days[days.length - 1]
    expect(last?.fatigue).toBeCloseTo(100, 6)
    expect(last?.fitness).toBeCloseTo(100 * (1 - Math.exp(-200 / 42)), 6)
    expect(days[6]?.fatigue).toBeGreaterThan(days[6]?.fitness ?? Infinity)
  })

  it('adds up several sessions of a day and ignores days outside the range', () => {
    const days = fitnessModel([day('2025-12-31', 999), day('2026-01-01', 100), day('2026-01-01', 50), day('2026-01-03', 999)], '2026-01-01', '2026-01-02')
    expect(days.map((d) => d.load)).toEqual([150, 0])
  })
})
