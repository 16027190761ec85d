/**
 * The calendar of a training block: which days of it carry a planned session, and for each day whether its
 * session was done, missed, made up on another day, or is still ahead. Defined once for the month view, the
 * calendar export and the tests.
 *
 * - Weeks are the block's weeks, counted from its start date (`blockWeek`), so a block that starts on a
 *   Wednesday has Wednesday–Tuesday weeks, and every week plans the block's sessions per week.
 * - Which days: the runner's usual training days (a setting, 1 = Monday … 7 = Sunday), see `plannedCounts`.
 *   Without them, the sessions are spread over the block week from its first day: session i of N falls on
 *   day ⌊i·7/N⌋ of the week (3 a week from a Monday: Monday, Wednesday, Friday).
 * - What counts as done: a session logged on that day (of the block's protocol; any session when the block
 *   has none).
 * - Missed and made up: a planned day before today with no session is missed, unless a session on another day
 *   of the same block week makes up for it. A day's sessions beyond its plan (a session on an unplanned day, or
 *   a second one on a planned day) make up for the week's missed days, earliest missed day first, whether they
 *   were run before or after it. Today and later days are never missed: they stay planned until they pass.
 */
import { addLocalDays, type LocalDate } from '../dates'
import type { Block } from '../training'
import { blockEnd } from './block'
import { dayNumber, weekdayMon0 } from './load'

/** 1 = Monday … 7 = Sunday (ISO 8601). */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7
export const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7]

/** The ISO weekday of a date. */
export function isoWeekday(date: LocalDate): Weekday {
  return (weekdayMon0(date) + 1) as Weekday
}

export type DayState = 'done' | 'planned' | 'missed' | 'made-up' | 'none'

export interface CalendarDay {
  date: LocalDate
  /** The block week (1…N) the day falls in. */
  week: number
  /** Sessions planned on the day (0, 1, or 2 when a block plans more than 7 a week). */
  planned: number
  /** Sessions logged on the day. */
  done: number
  /**
   * `done` when a session was logged; `planned` for a planned day from today on; `missed` for a planned day
   * before today whose session was neither run nor made up; `made-up` for one made up on another day of its
   * week; `none` for a rest day.
   */
  state: DayState
  /** Planned sessions of the day neither run nor made up (after the day has passed). */
  missed: number
  /** The days whose extra sessions made up for this day's missed ones. */
  madeUpOn: LocalDate[]
  /** The missed days this day's extra sessions made up for. */
  makesUpFor: LocalDate[]
}

/**
 * How many sessions each day of a block week (index 0 = the week's first day, the block's start weekday)
 * plans, for `sessionsPerWeek` sessions and the runner's usual days:
 * - no usual days: the even spread from the week's first day (session i of N on day ⌊i·7/N⌋);
 * - as many usual days as sessions: those days;
 * - more usual days than sessions: spread evenly over them (taken in the block week's order, usual day ⌊i·k/N⌋
 *   of the k usual days for session i);
 * - fewer usual days than sessions: the usual days, then the days of the even spread, then the remaining days in
 *   order, until every session has a day;
 * - more than 7 sessions: every day has one, and the extra sessions go to the days in that same order.
 */
export function plannedCounts(sessionsPerWeek: number, usualDays: readonly Weekday[], startWeekday: Weekday): number[] {
  const n = Math.max(0, Math.floor(sessionsPerWeek))
  const offsetOf = (d: Weekday) => (d - startWeekday + 7) % 7
  const usual = [...new Set(usualDays)].map(offsetOf).sort((a, b) => a - b)
  const spread = (count: number) => Array.from({ length: Math.min(count, 7) }, (_, i) => Math.floor((i * 7) / count))
  let order: number[]
  if (usual.length > n) {
    order = Array.from({ length: n }, (_, i) => usual[Math.floor((i * usual.length) / n)] as number)
  } else {
    order = [...usual]
    for (const o of [...spread(n), 0, 1, 2, 3, 4, 5, 6]) if (!order.includes(o)) order.push(o)
  }
  const counts = [0, 0, 0, 0, 0, 0, 0]
  const base = Math.floor(n / 7)
  const extra = n % 7
  for (let o = 0; o < 7; o++) counts[o] = base
  for (let i = 0; i < extra; i++) {
    const o = order[i] as number
    counts[o] = (counts[o] ?? 0) + 1
  }
  return counts
}

/**
 * Every day of the block, from its start date to its end, with its plan and what happened.
 * `sessionDates` are the dates of the sessions that count for the block (several on a day allowed; dates outside
 * the block are ignored); `today` is the runner's own date.
 */
export function blockCalendar(
  block: Pick<Block, 'startDate' | 'weeks' | 'sessionsPerWeek'>,
  usualDays: readonly Weekday[],
  sessionDates: readonly LocalDate[],
  today: LocalDate
): CalendarDay[] {
  const start = block.startDate
  const end = blockEnd(block)
  const counts = plannedCounts(block.sessionsPerWeek, usualDays, isoWeekday(start))
  const doneOn = new Map<LocalDate, number>()
  for (const d of sessionDates) if (d >= start && d <= end) doneOn.set(d, (doneOn.get(d) ?? 0) + 1)

  const days: CalendarDay[] = []
  for (let w = 1; w <= block.weeks; w++) {
    const week: CalendarDay[] = []
    for (let o = 0; o < 7; o++) {
      const date = addLocalDays(start, (w - 1) * 7 + o)
      week.push({ date, week: w, planned: counts[o] as number, done: doneOn.get(date) ?? 0, state: 'none', missed: 0, madeUpOn: [], makesUpFor: [] })
    }
    // The week's shortfalls (passed planned days) and surplus (sessions beyond a day's plan), each in date order.
    const short: CalendarDay[] = []
    const surplus: CalendarDay[] = []
    for (const d of week) {
      if (d.date < today) for (let i = d.done; i < d.planned; i++) short.push(d)
      for (let i = d.planned; i < d.done; i++) surplus.push(d)
    }
    for (const d of short) d.missed++
    for (let i = 0; i < Math.min(short.length, surplus.length); i++) {
      const missed = short[i] as CalendarDay
      const by = surplus[i] as CalendarDay
      missed.missed--
      if (!missed.madeUpOn.includes(by.date)) missed.madeUpOn.push(by.date)
      if (!by.makesUpFor.includes(missed.date)) by.makesUpFor.push(missed.date)
    }
    for (const d of week) {
      d.state = d.done > 0 ? 'done' : d.planned === 0 ? 'none' : d.date >= today ? 'planned' : d.missed > 0 ? 'missed' : 'made-up'
      days.push(d)
    }
  }
  return days
}

export interface CalendarTotals {
  /** Sessions logged in the block. */
  done: number
  /** Planned sessions missed and not made up. */
  missed: number
  /** Planned sessions from today on, not yet run. */
  upcoming: number
}

export function calendarTotals(days: readonly CalendarDay[], today: LocalDate): CalendarTotals {
  const t: CalendarTotals = { done: 0, missed: 0, upcoming: 0 }
  for (const d of days) {
    t.done += d.done
    t.missed += d.missed
    if (d.date >= today) t.upcoming += Math.max(0, d.planned - d.done)
  }
  return t
}

/** One planned session still ahead: what the calendar export writes as an event. */
export interface UpcomingSession {
  date: LocalDate
  week: number
  /** 1 for the day's first planned session, 2 for a second one. */
  index: number
}

/** The planned sessions from today on that are not yet run, in date order. */
export function upcomingSessions(days: readonly CalendarDay[], today: LocalDate): UpcomingSession[] {
  const out: UpcomingSession[] = []
  for (const d of days) {
    if (d.date < today) continue
    for (let i = d.done; i < d.planned; i++) out.push({ date: d.date, week: d.week, index: i + 1 })
  }
  return out
}

/** The months (`YYYY-MM`) a block spans, in order. */
export function blockMonths(block: Pick<Block, 'startDate' | 'weeks'>): string[] {
  const first = block.startDate.slice(0, 7)
  const last = blockEnd(block).slice(0, 7)
  const out: string[] = []
  let y = Number(first.slice(0, 4))
  let m = Number(first.slice(5, 7))
  for (;;) {
    const ym = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`
    out.push(ym)
    if (ym >= last) return out
    m++
    if (m > 12) {
      m = 1
      y++
    }
  }
}

/**
 * The weeks of a month as a calendar grid, Monday first: each row has 7 dates, with null before the 1st and after
 * the last day of the month.
 */
export function monthGrid(month: string): (LocalDate | null)[][] {
  const first = `${month}-01`
  const y = Number(month.slice(0, 4))
  const m = Number(month.slice(5, 7))
  const length = dayNumber(m === 12 ? `${String(y + 1).padStart(4, '0')}-01-01` : `${month.slice(0, 5)}${String(m + 1).padStart(2, '0')}-01`) - dayNumber(first)
  const rows: (LocalDate | null)[][] = []
  let row: (LocalDate | null)[] = Array.from({ length: weekdayMon0(first) }, () => null)
  for (let i = 0; i < length; i++) {
    row.push(addLocalDays(first, i))
    if (row.length === 7) {
      rows.push(row)
      row = []
    }
  }
  if (row.length > 0) rows.push([...row, ...Array.from({ length: 7 - row.length }, () => null)])
  return rows
}

/** The same day of the month `delta` months away, clamped to that month's last day (31 January + 1 → 28 or 29 February). */
export function shiftMonth(date: LocalDate, delta: number): LocalDate {
  const y = Number(date.slice(0, 4))
  const m = Number(date.slice(5, 7)) - 1 + delta
  const year = y + Math.floor(m / 12)
  const month = `${String(year).padStart(4, '0')}-${String((((m % 12) + 12) % 12) + 1).padStart(2, '0')}`
  const length = monthGrid(month).flat().filter((d) => d !== null).length
  return `${month}-${String(Math.min(Number(date.slice(8, 10)), length)).padStart(2, '0')}`
}
