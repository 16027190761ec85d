/** Wording of the block calendar: dates, the days' states as the month view shows and announces them, the legend. */
import type { LocalDate } from '../../../../shared/dates'
import { type CalendarDay, type DayState, WEEKDAYS, type Weekday } from '../../../../shared/metrics/calendar'
import { formatDate, INTL_LOCALE } from '../../i18n/format'
import { currentLanguage, tr } from '../../i18n/instance'

/** "Wednesday 6 January 2027" / "2027年1月6日星期三" */
export const longDay = (date: LocalDate): string => formatDate(date, 'long')
/** "Wed 6 Jan" / "1月6日周三" */
export const shortDay = (date: LocalDate): string => formatDate(date, 'short')
/** "January 2027" / "2027年1月" for `2027-01`. */
export const monthTitle = (month: string): string => formatDate(`${month}-01`, 'month')
/** "January" / "一月" for `2027-01`: the month alone, for the buttons that go to it. */
export const monthName = (month: string): string =>
  new Intl.DateTimeFormat(INTL_LOCALE[currentLanguage()], { month: 'long', timeZone: 'UTC' }).format(new Date(`${month}-01T12:00:00Z`))

/** 2024-01-01 was a Monday: the week's days from it, in the runner's language. */
const weekdayName = (d: Weekday, style: 'short' | 'long') =>
  new Intl.DateTimeFormat(INTL_LOCALE[currentLanguage()], { weekday: style, timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, d, 12)))

/** Each weekday's short and long name ("Mon", "Monday" / "周一", "星期一"), in the language spoken when read. */
export const WEEKDAY_NAMES: Record<Weekday, { readonly short: string; readonly long: string }> = Object.fromEntries(
  WEEKDAYS.map((d) => [
    d,
    {
      get short() {
        return weekdayName(d, 'short')
      },
      get long() {
        return weekdayName(d, 'long')
      }
    }
  ])
) as Record<Weekday, { short: string; long: string }>

/** "Monday, Wednesday and Friday" / "星期一、星期三和星期五" */
export function dayList(days: readonly Weekday[]): string {
  const names = WEEKDAYS.filter((d) => days.includes(d)).map((d) => WEEKDAY_NAMES[d].long)
  return new Intl.ListFormat(INTL_LOCALE[currentLanguage()], { style: 'long', type: 'conjunction' }).format(names)
}

/** A state's mark (the shape tells them apart without colour); its name and hint in the legend are `stateLabel` and `stateHint`. */
export const STATE_MARK: Record<Exclude<DayState, 'none'>, string> = { done: '✓', planned: '○', missed: '✕', 'made-up': '↺' }
export const stateLabel = (s: Exclude<DayState, 'none'>): string => tr(`blocks:state_${s}`)
export const stateHint = (s: Exclude<DayState, 'none'>): string => tr(`blocks:stateHint_${s}`)

const days = (dates: readonly LocalDate[]) => dates.map(shortDay).join(tr('blocks:dateSeparator'))

/** What a day of the block is, in words: the end of its accessible name, and its tooltip. */
export function dayStateText(d: CalendarDay): string {
  switch (d.state) {
    case 'done': {
      const parts = [tr('blocks:dayDone', { count: d.done })]
      if (d.planned === 0) parts.push(tr('blocks:dayNotPlanned'))
      if (d.missed > 0) parts.push(tr('blocks:dayPartMissed', { missed: d.missed, planned: d.planned }))
      if (d.makesUpFor.length > 0) parts.push(tr('blocks:dayMakesUpFor', { days: days(d.makesUpFor) }))
      return parts.join(tr('blocks:partSeparator'))
    }
    case 'planned':
      return d.planned > 1 ? tr('blocks:dayPlannedMany', { count: d.planned }) : tr('blocks:dayPlannedOne')
    case 'missed':
      return d.planned > 1 ? tr('blocks:dayMissedMany', { count: d.missed }) : tr('blocks:dayMissedOne')
    case 'made-up':
      return tr('blocks:dayMadeUp', { days: days(d.madeUpOn) })
    case 'none':
      return tr('blocks:dayRest')
  }
}

/** The accessible name of a day cell: the date, whether it is today, and its state. */
export function dayLabel(date: LocalDate, day: CalendarDay | undefined, today: LocalDate): string {
  const when = tr(date === today ? 'blocks:dayWhenToday' : 'blocks:dayWhen', { date: longDay(date) })
  return tr('blocks:dayLabel', { when, state: day ? dayStateText(day) : tr('blocks:dayNotInBlock') })
}
