import { calendarOf, type CalendarExportDeps, exportCalendar } from '../../services/calendar'
import type { Handlers } from '../router'

type CalendarChannel = Extract<keyof Handlers, `calendar/${string}`>

/** A block's calendar and its export: thin wrappers over the calendar service (src/main/services/calendar.ts). */
export function calendarHandlers(deps: CalendarExportDeps): Pick<Handlers, CalendarChannel> {
  return {
    'calendar/ofBlock': ({ blockId, today }) => calendarOf(deps, blockId, today),
    'calendar/export': ({ blockId, today }) => exportCalendar(deps, blockId, today)
  }
}
