/**
 * What a date field reads and how its keys move the date: pure functions, so that the field's rules are tested
 * without a browser (tests/unit/date-field.test.ts).
 *
 * A runner may type the date in any of the forms Sprintlog writes or that a person commonly writes, in either
 * language: ISO `2026-11-22`, the lists' form `22 Nov 2026` (also `22 November 2026`, `Nov 22, 2026`) or
 * `2026年11月22日`, day first with slashes or dots `22/11/2026`, `22.11.2026`, or year first `2026/11/22`,
 * `2026.11.22`. Full-width digits and separators, as a Chinese input method types them, read the same.
 */
import { addLocalDays, isLocalDate, type LocalDate } from '../../../shared/dates'
import { shiftMonth } from '../../../shared/metrics/calendar'

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const WEEKDAY = /^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/

/** The month number (1–12) of an English month name or its abbreviation (`Nov`, `Sept`, `November`); null otherwise. */
function monthOfName(name: string): number | null {
  const n = name.toLowerCase().replace(/\.$/, '')
  if (n.length < 3) return null
  const i = MONTHS.findIndex((m) => n.startsWith(m))
  if (i < 0) return null
  const full = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'][i] ?? ''
  return full.startsWith(n) ? i + 1 : null
}

/** Full-width digits and punctuation (`２０２６／１１／２２`) as their ASCII forms, runs of spaces as one. */
function normalise(text: string): string {
  return text
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[／]/g, '/')
    .replace(/[．。]/g, '.')
    .replace(/[－—–]/g, '-')
    .replace(/[，]/g, ',')
    .replace(/[\s\u3000]+/g, ' ')
    .trim()
}

function isoOf(y: string | number, m: string | number, d: string | number): LocalDate | null {
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
  return String(y).length === 4 && isLocalDate(iso) ? iso : null
}

/** The date a runner typed, as `YYYY-MM-DD`; null when it is none of the forms above or not a real calendar day. */
export function parseDateText(text: string): LocalDate | null {
  const t = normalise(text).toLowerCase().replace(WEEKDAY, '')
  let m: RegExpExecArray | null
  // Year first: 2026-11-22, 2026/11/22, 2026.11.22, 2026年11月22日.
  if ((m = /^(\d{4})\s*(?:-|\/|\.|年)\s*(\d{1,2})\s*(?:-|\/|\.|月)\s*(\d{1,2})\s*日?$/.exec(t))) return isoOf(m[1]!, m[2]!, m[3]!)
  // Day first: 22/11/2026, 22.11.2026, 22-11-2026.
  if ((m = /^(\d{1,2})\s*(?:\/|\.|-)\s*(\d{1,2})\s*(?:\/|\.|-)\s*(\d{4})$/.exec(t))) return isoOf(m[3]!, m[2]!, m[1]!)
  // Day, month name, year: 22 Nov 2026, 22 November 2026, 22-Nov-2026.
  if ((m = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]*([a-z]+\.?)[\s,-]*(\d{4})$/.exec(t))) {
    const month = monthOfName(m[2]!)
    return month === null ? null : isoOf(m[3]!, month, m[1]!)
  }
  // Month name, day, year: Nov 22, 2026.
  if ((m = /^([a-z]+\.?)[\s-]*(\d{1,2})(?:st|nd|rd|th)?[\s,-]+(\d{4})$/.exec(t))) {
    const month = monthOfName(m[1]!)
    return month === null ? null : isoOf(m[3]!, month, m[2]!)
  }
  return null
}

/** Keeps a date within the field's bounds (either may be absent). */
export function clampDate(date: LocalDate, min?: LocalDate | null, max?: LocalDate | null): LocalDate {
  if (min && date < min) return min
  if (max && date > max) return max
  return date
}

export type DateStep = 'day+' | 'day-' | 'month+' | 'month-'

/** The key that moves a date field's value, or null for a key that does not: arrows by a day, Page keys by a month. */
export function stepOfKey(key: string): DateStep | null {
  return key === 'ArrowUp' ? 'day+' : key === 'ArrowDown' ? 'day-' : key === 'PageUp' ? 'month+' : key === 'PageDown' ? 'month-' : null
}

/** The date one step away, kept within the bounds. */
export function stepDate(date: LocalDate, step: DateStep, min?: LocalDate | null, max?: LocalDate | null): LocalDate {
  const next = step === 'day+' ? addLocalDays(date, 1) : step === 'day-' ? addLocalDays(date, -1) : shiftMonth(date, step === 'month+' ? 1 : -1)
  return clampDate(next, min, max)
}

export type ReadDate = { ok: true; value: LocalDate | '' } | { ok: false; problem: 'unreadable' | 'before' | 'after' }

/**
 * What the field's text means: an empty text is no date (the form says whether one is needed), a readable date
 * inside the bounds is that date, anything else is the problem to show (the field keeps its old value).
 */
export function readDateText(text: string, min?: LocalDate | null, max?: LocalDate | null): ReadDate {
  if (text.trim() === '') return { ok: true, value: '' }
  const d = parseDateText(text)
  if (d === null) return { ok: false, problem: 'unreadable' }
  if (min && d < min) return { ok: false, problem: 'before' }
  if (max && d > max) return { ok: false, problem: 'after' }
  return { ok: true, value: d }
}
