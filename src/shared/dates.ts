import { addDays, differenceInCalendarDays, format, isValid, parse } from 'date-fns'

/** A calendar date in the runner's own time zone, written `YYYY-MM-DD`. */
export type LocalDate = string

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/
export const MIN_DATE: LocalDate = '1900-01-01'
export const MAX_DATE: LocalDate = '2100-12-31'

/** Parses `YYYY-MM-DD` into a local Date at midnight, or null when it is not a real calendar date. */
export function parseLocalDate(text: string): Date | null {
  if (!ISO_DATE.test(text)) return null
  const d = parse(text, 'yyyy-MM-dd', new Date(2000, 0, 1))
  if (!isValid(d) || format(d, 'yyyy-MM-dd') !== text) return null
  return d
}

export function isLocalDate(text: string): boolean {
  return parseLocalDate(text) !== null && text >= MIN_DATE && text <= MAX_DATE
}

export function formatLocalDate(d: Date): LocalDate {
  return format(d, 'yyyy-MM-dd')
}

export function todayLocal(now: Date = new Date()): LocalDate {
  return formatLocalDate(now)
}

/** Whole calendar days from `a` to `b` (positive when b is later); immune to daylight-saving shifts. */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return differenceInCalendarDays(mustParse(b), mustParse(a))
}

export function addLocalDays(date: LocalDate, days: number): LocalDate {
  return formatLocalDate(addDays(mustParse(date), days))
}

function mustParse(text: LocalDate): Date {
  const d = parseLocalDate(text)
  if (!d) throw new RangeError(`Not a calendar date: ${text}`)
  return d
}
