import { format, isValid, parse } from 'date-fns'

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

/**
 * True for a real calendar date `YYYY-MM-DD` between MIN_DATE and MAX_DATE. Plain arithmetic (the import checks
 * every row's date with it); tests/unit/dates-units.test.ts holds it to `parseLocalDate`.
 */
export function isLocalDate(text: string): boolean {
  if (typeof text !== 'string' || !ISO_DATE.test(text) || text < MIN_DATE || text > MAX_DATE) return false
  const y = Number(text.slice(0, 4))
  const m = Number(text.slice(5, 7))
  const d = Number(text.slice(8, 10))
  if (m < 1 || m > 12 || d < 1) return false
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
  const days = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31
  return d <= days
}

export function formatLocalDate(d: Date): LocalDate {
  return format(d, 'yyyy-MM-dd')
}

export function todayLocal(now: Date = new Date()): LocalDate {
  return formatLocalDate(now)
}

const DAY_MS = 86_400_000
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n))

/**
 * The day number of a calendar date (days since 1970-01-01), by plain arithmetic on the proleptic calendar: no
 * time zone, so no daylight-saving shift, and cheap enough for loops over every day of a history.
 */
function dayNumber(text: LocalDate): number {
  if (typeof text !== 'string' || !ISO_DATE.test(text)) throw new RangeError(`Not a calendar date: ${text}`)
  const y = Number(text.slice(0, 4))
  const m = Number(text.slice(5, 7))
  const d = Number(text.slice(8, 10))
  const t = Date.UTC(y, m - 1, d)
  const back = new Date(t)
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear puts them back.
  if (y < 100) back.setUTCFullYear(y)
  if (back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) throw new RangeError(`Not a calendar date: ${text}`)
  return Math.round(back.getTime() / DAY_MS)
}

function fromDayNumber(n: number): LocalDate {
  const d = new Date(n * DAY_MS)
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`
}

/** Whole calendar days from `a` to `b` (positive when b is later); immune to daylight-saving shifts. */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return dayNumber(b) - dayNumber(a)
}

export function addLocalDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(dayNumber(date) + days)
}
