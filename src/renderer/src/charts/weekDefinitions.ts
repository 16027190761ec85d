/** Which weeks a dashboard chart counts in: a block's weeks (from its start date) or calendar weeks (Monday–Sunday). */
import { addLocalDays, type LocalDate } from '../../../shared/dates'
import { weekdayMon0 } from '../../../shared/metrics/load'

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const

const weekday = (d: LocalDate) => WEEKDAYS[weekdayMon0(d)] as string

/** "Weeks of the block, from its start date (Tuesday to Monday)." */
export function blockWeekDefinition(startDate: LocalDate): string {
  return `Weeks of the block, from its start date (${weekday(startDate)} to ${weekday(addLocalDays(startDate, 6))}).`
}

export const CALENDAR_WEEKS = 'Calendar weeks, Monday to Sunday.'
