/** Wording of the block calendar: dates, the days' states as the month view shows and announces them, the legend. */
import type { LocalDate } from '../../../../shared/dates'
import { type CalendarDay, type DayState, WEEKDAYS, type Weekday } from '../../../../shared/metrics/calendar'

const utc = (date: LocalDate) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d))
}
const longDate = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
const shortDate = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' })
const monthName = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })

/** "Wednesday 6 January 2027" */
export const longDay = (date: LocalDate): string => longDate.format(utc(date))
/** "Wed 6 Jan" */
export const shortDay = (date: LocalDate): string => shortDate.format(utc(date))
/** "January 2027" for `2027-01`. */
export const monthTitle = (month: string): string => monthName.format(utc(`${month}-01`))

export const WEEKDAY_NAMES: Record<Weekday, { short: string; long: string }> = {
  1: { short: 'Mon', long: 'Monday' },
  2: { short: 'Tue', long: 'Tuesday' },
  3: { short: 'Wed', long: 'Wednesday' },
  4: { short: 'Thu', long: 'Thursday' },
  5: { short: 'Fri', long: 'Friday' },
  6: { short: 'Sat', long: 'Saturday' },
  7: { short: 'Sun', long: 'Sunday' }
}

/** "Monday, Wednesday and Friday" */
export function dayList(days: readonly Weekday[]): string {
  const names = WEEKDAYS.filter((d) => days.includes(d)).map((d) => WEEKDAY_NAMES[d].long)
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
}

/** A state's mark (the shape tells them apart without colour) and its name in the legend. */
export const STATE_MARK: Record<Exclude<DayState, 'none'>, { mark: string; label: string; hint: string }> = {
  done: { mark: '✓', label: 'Done', hint: 'a session logged' },
  planned: { mark: '○', label: 'Planned', hint: 'today or later' },
  missed: { mark: '✕', label: 'Missed', hint: 'passed without a session' },
  'made-up': { mark: '↺', label: 'Made up', hint: 'run on another day that week' }
}

const sessions = (n: number) => `${n} ${n === 1 ? 'session' : 'sessions'}`
const days = (dates: readonly LocalDate[]) => dates.map(shortDay).join(', ')

/** What a day of the block is, in words: the end of its accessible name, and its tooltip. */
export function dayStateText(d: CalendarDay): string {
  switch (d.state) {
    case 'done': {
      const parts = [`done, ${sessions(d.done)}`]
      if (d.planned === 0) parts.push('not a planned day')
      if (d.missed > 0) parts.push(`${d.missed} of ${d.planned} planned missed`)
      if (d.makesUpFor.length > 0) parts.push(`makes up for ${days(d.makesUpFor)}`)
      return parts.join('; ')
    }
    case 'planned':
      return d.planned > 1 ? `planned, ${sessions(d.planned)}` : 'planned session'
    case 'missed':
      return d.planned > 1 ? `missed, ${sessions(d.missed)}` : 'missed'
    case 'made-up':
      return `made up on ${days(d.madeUpOn)}`
    case 'none':
      return 'rest day'
  }
}

/** The accessible name of a day cell: the date, whether it is today, and its state. */
export function dayLabel(date: LocalDate, day: CalendarDay | undefined, today: LocalDate): string {
  const when = `${longDay(date)}${date === today ? ', today' : ''}`
  return `${when}: ${day ? dayStateText(day) : 'not in this block'}`
}
