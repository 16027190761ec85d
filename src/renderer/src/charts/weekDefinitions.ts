/** Which weeks a dashboard chart counts in: a block's weeks (from its start date) or calendar weeks (Monday–Sunday). */
import { addLocalDays, type LocalDate } from '../../../shared/dates'
import { formatDate } from '../i18n/format'
import { tr } from '../i18n/instance'

/** "Weeks of the block, from its start date (Tuesday to Monday)." */
export function blockWeekDefinition(startDate: LocalDate): string {
  return tr('charts:blockWeeks', { first: formatDate(startDate, 'weekday'), last: formatDate(addLocalDays(startDate, 6), 'weekday') })
}

/** "Calendar weeks, Monday to Sunday." */
export const calendarWeeks = (): string => tr('charts:calendarWeeks')
