/**
 * Training load over time (DESIGN §1.4), defined once for the back end, the charts and the tests:
 * - weeks run Monday to Sunday; weekly load is the sum of the session loads (sRPE) in the week;
 * - a load spike is a week whose load jumps well above the weeks before it (see `SPIKE_RULE`);
 * - fitness, fatigue and form come from the performance-management model (see `fitnessModel`).
 *
 * Calendar arithmetic here uses day numbers (days since 1970-01-01 of the calendar, not of any clock), so
 * it cannot be moved by daylight-saving changes or the time zone, and runs fast over decades of days.
 */
import type { LocalDate } from '../dates'

const DAY_MS = 86_400_000

/** The calendar date's day number: 1970-01-01 is 0. */
export function dayNumber(date: LocalDate): number {
  const y = Number(date.slice(0, 4))
  const m = Number(date.slice(5, 7))
  const d = Number(date.slice(8, 10))
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS)
}

/** The calendar date of a day number. */
export function dateOfDay(n: number): LocalDate {
  const d = new Date(n * DAY_MS)
  const y = d.getUTCFullYear()
  return `${String(y).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`
}

/** 0 for Monday … 6 for Sunday. */
export function weekdayMon0(date: LocalDate): number {
  return (((dayNumber(date) + 3) % 7) + 7) % 7
}

/** The Monday of the Monday–Sunday week that `date` falls in. */
export function weekStart(date: LocalDate): LocalDate {
  return dateOfDay(dayNumber(date) - weekdayMon0(date))
}

/** The Sunday of the week that `date` falls in. */
export function weekEnd(date: LocalDate): LocalDate {
  return dateOfDay(dayNumber(weekStart(date)) + 6)
}

/** What one day of training adds up to, as the database aggregates it from the sessions' derived columns. */
export interface DailyTotals {
  date: LocalDate
  sessions: number
  /** Sum of the sessions' sRPE loads; sessions without an RPE add nothing. */
  load: number
  /** Sessions of the day without a session RPE, hence without a load. */
  unrated: number
  workSeconds: number
  reps: number
  distanceMeters: number
}

export type WeekTotals = Omit<DailyTotals, 'date'> & {
  /** Monday. */
  weekStart: LocalDate
  /** Sunday. */
  weekEnd: LocalDate
}

/** The totals every period (a week, a block's week) adds up from its days. */
export type PeriodSums = Pick<DailyTotals, 'sessions' | 'load' | 'workSeconds' | 'reps' | 'distanceMeters'>

/** Adds one day's totals to a period's. */
export function addDay(period: PeriodSums, day: DailyTotals): void {
  period.sessions += day.sessions
  period.load += day.load
  period.workSeconds += day.workSeconds
  period.reps += day.reps
  period.distanceMeters += day.distanceMeters
}

/**
 * Every Monday–Sunday week from the week of `from` to the week of `to`, oldest first, with the days'
 * totals summed; weeks without sessions are present with zeros. `daily` must be sorted by date.
 */
export function weeklyTotals(daily: readonly DailyTotals[], from: LocalDate, to: LocalDate): WeekTotals[] {
  const first = dayNumber(weekStart(from))
  const last = dayNumber(weekStart(to))
  if (last < first) return []
  const weeks: WeekTotals[] = []
  for (let n = first; n <= last; n += 7) {
    weeks.push({ weekStart: dateOfDay(n), weekEnd: dateOfDay(n + 6), sessions: 0, load: 0, unrated: 0, workSeconds: 0, reps: 0, distanceMeters: 0 })
  }
  for (const d of daily) {
    const w = weeks[Math.floor((dayNumber(d.date) - first) / 7)]
    if (!w) continue
    addDay(w, d)
    w.unrated += d.unrated
  }
  return weeks
}

/**
 * The load-spike rule. A week is marked when all of these hold:
 * 1. at least `baselineWeeks` whole weeks of history lie before it (the first weeks of a history have no
 *    baseline, so they are never marked);
 * 2. its load is more than `ratio` × the baseline, the mean load of the `baselineWeeks` weeks before it
 *    (weeks without sessions count as 0, so coming back after a break at full load is marked);
 * 3. its load is at least `minLoad` AU, about one 40-minute session at RPE 7–8, so a small week after a
 *    rest week is not marked.
 */
export const SPIKE_RULE = { ratio: 1.5, baselineWeeks: 4, minLoad: 300 } as const

export interface LoadWeek extends WeekTotals {
  /** Mean load of the weeks the rule compares this one with; null without enough history. */
  baseline: number | null
  spike: boolean
}

/**
 * Applies `SPIKE_RULE` to consecutive weeks (oldest first). `weeks` should start `baselineWeeks` weeks
 * before the first week you want judged; `historyStart` is the date of the first session ever.
 */
export function markLoadSpikes(weeks: readonly WeekTotals[], historyStart: LocalDate | null, rule = SPIKE_RULE): LoadWeek[] {
  const firstJudged = historyStart === null ? Infinity : dayNumber(weekStart(historyStart)) + rule.baselineWeeks * 7
  return weeks.map((w, i) => {
    const enough = i >= rule.baselineWeeks && dayNumber(w.weekStart) >= firstJudged
    if (!enough) return { ...w, baseline: null, spike: false }
    let sum = 0
    for (let j = i - rule.baselineWeeks; j < i; j++) sum += weeks[j]?.load ?? 0
    const baseline = sum / rule.baselineWeeks
    return { ...w, baseline, spike: w.load >= rule.minLoad && w.load > rule.ratio * baseline }
  })
}

/** Time constants of the performance-management model, in days. */
export const FITNESS_DAYS = 42
export const FATIGUE_DAYS = 7

export interface FitnessDay {
  date: LocalDate
  /** The day's sRPE load (0 on a day without sessions). */
  load: number
  /** Chronic training load (CTL): the 42-day exponentially weighted load. */
  fitness: number
  /** Acute training load (ATL): the 7-day exponentially weighted load. */
  fatigue: number
  /** Training stress balance (TSB): fitness − fatigue of the same day, after that day's training. */
  form: number
}

/**
 * The performance-management model (Banister; as in GoldenCheetah, TrainingPeaks and Intervals.icu) over
 * daily sRPE load, for every day from `start` (the first day of history) to `end`:
 *
 *   fitness_d = fitness_{d−1} + (load_d − fitness_{d−1}) · (1 − e^(−1/42))
 *   fatigue_d = fatigue_{d−1} + (load_d − fatigue_{d−1}) · (1 − e^(−1/7))
 *   form_d    = fitness_d − fatigue_d
 *
 * Both start from 0 the day before `start`; a day without sessions has load 0. Form is taken on the same
 * day, after its training (as Intervals.icu shows it). TrainingPeaks instead shows
 * form_d = fitness_{d−1} − fatigue_{d−1}, i.e. our form of the day before: form going into the day.
 * `daily` must be sorted by date; entries outside [start, end] are ignored.
 */
export function fitnessModel(daily: readonly Pick<DailyTotals, 'date' | 'load'>[], start: LocalDate, end: LocalDate): FitnessDay[] {
  const kFit = 1 - Math.exp(-1 / FITNESS_DAYS)
  const kFat = 1 - Math.exp(-1 / FATIGUE_DAYS)
  const first = dayNumber(start)
  const last = dayNumber(end)
  const loads = new Float64Array(Math.max(0, last - first + 1))
  for (const d of daily) {
    const i = dayNumber(d.date) - first
    if (i >= 0 && i < loads.length) loads[i] = (loads[i] ?? 0) + d.load
  }
  const out: FitnessDay[] = []
  let fitness = 0
  let fatigue = 0
  for (let i = 0; i < loads.length; i++) {
    const load = loads[i] ?? 0
    fitness += (load - fitness) * kFit
    fatigue += (load - fatigue) * kFat
    out.push({ date: dateOfDay(first + i), load, fitness, fatigue, form: fitness - fatigue })
  }
  return out
}
