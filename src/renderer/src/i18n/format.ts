/**
 * Numbers and dates as the runner's language writes them, through Intl (formatters cached per language).
 * Dates in lists: `22 Nov 2026` / `2026年11月22日`.
 */
import type { LocalDate } from '../../../shared/dates'
import type { Language } from '../../../shared/i18n/languages'
import { durationClock } from '../../../shared/duration'
import { type DistanceUnit, paceSeconds, repDistanceInUnit, speedInUnit, totalDistanceInUnit } from '../../../shared/units'
import { currentLanguage, tr } from './instance'

/** The Intl locale of each language: English dates are written day first (22 Nov 2026). */
export const INTL_LOCALE: Record<Language, string> = { en: 'en-GB', 'zh-CN': 'zh-CN' }

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>()
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: (locale: string) => T): T {
  const lang = currentLanguage()
  const k = `${lang}|${key}`
  let f = cache.get(k) as T | undefined
  if (!f) {
    f = make(INTL_LOCALE[lang])
    cache.set(k, f)
  }
  return f
}

const utcNoon = (d: LocalDate) => new Date(`${d}T12:00:00Z`)

export type DateStyle = 'medium' | 'long' | 'short' | 'weekday' | 'month' | 'day'
const DATE_OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  medium: { day: 'numeric', month: 'short', year: 'numeric' },
  long: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  short: { weekday: 'short', day: 'numeric', month: 'short' },
  weekday: { weekday: 'long' },
  month: { month: 'long', year: 'numeric' },
  day: { day: 'numeric', month: 'short' }
}

/** A local date (YYYY-MM-DD) in the runner's language. */
export function formatDate(d: LocalDate, style: DateStyle = 'medium'): string {
  return cached(`date:${style}`, (l) => new Intl.DateTimeFormat(l, { ...DATE_OPTIONS[style], timeZone: 'UTC' })).format(utcNoon(d))
}

/** An instant (ISO 8601) as a local date and time. */
export function formatDateTime(iso: string | number | Date): string {
  return cached('datetime', (l) => new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeStyle: 'short' })).format(new Date(iso))
}

/** An instant's local time of day, HH:MM. */
export function formatTimeOfDay(iso: string | number | Date): string {
  return cached('time', (l) => new Intl.DateTimeFormat(l, { hour: '2-digit', minute: '2-digit' })).format(new Date(iso))
}

/** A number with at most `maxDecimals` decimals (and at least `minDecimals`), with the language's separators. */
export function formatNumber(n: number, maxDecimals = 0, minDecimals = 0): string {
  return cached(`num:${minDecimals}:${maxDecimals}`, (l) => new Intl.NumberFormat(l, { minimumFractionDigits: minDecimals, maximumFractionDigits: maxDecimals })).format(n)
}

/**
 * Reads a decimal number the runner typed, with `.` or `,` as the decimal separator (`72,5` = `72.5`);
 * null when it is not a number. Grouping separators are not accepted: `1,500` is 1.5, as a decimal comma reads.
 */
export function parseDecimal(text: string): number | null {
  const t = text.trim().replace(',', '.')
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(t)) return null
  const n = Number(t)
  return Number.isFinite(n) ? n : null
}

/**
 * A distance in the runner's unit. A rep's distance (`rep`, the default) in metres or yards, to 0.1 m or whole
 * yards (`150 m`, `164 yd`); a total (`total`) in kilometres or miles to 0.01 (`12.35 km`, `7.67 mi`).
 */
export function formatDistance(m: number, unit: DistanceUnit, kind: 'rep' | 'total' = 'rep'): string {
  if (kind === 'total') {
    const value = formatNumber(totalDistanceInUnit(m, unit), 2)
    return tr(unit === 'km' ? 'units:kilometers' : 'units:miles', { value })
  }
  return unit === 'km' ? tr('units:meters', { value: formatNumber(m, 1) }) : tr('units:yards', { value: formatNumber(repDistanceInUnit(m, unit), 0) })
}

/** A speed as a pace, minutes and seconds per kilometre or mile (`2:05 /km`); a dash when not moving. */
export function formatPace(mps: number, unit: DistanceUnit): string {
  const s = paceSeconds(mps, unit)
  if (s === null) return '–'
  return tr(unit === 'km' ? 'units:pacePerKm' : 'units:pacePerMile', { pace: durationClock(s) })
}

/** A speed in km/h or mph, to 0.1, its decimal always written so that a column of speeds lines up (`27.0 km/h`, `17.9 mph`). */
export function formatSpeed(mps: number, unit: DistanceUnit): string {
  return tr(unit === 'km' ? 'units:kmh' : 'units:mph', { value: formatNumber(speedInUnit(mps, unit), 1, 1) })
}

/** A speed and its pace together, for a table's cell or a tooltip (`28.8 km/h · 2:05 /km`); a dash when not moving. */
export function formatSpeedPace(mps: number, unit: DistanceUnit): string {
  if (paceSeconds(mps, unit) === null) return '–'
  return tr('units:speedPace', { speed: formatSpeed(mps, unit), pace: formatPace(mps, unit) })
}

/** The name of a speed unit (`km/h`, `mph`) and of a pace unit (`min/km`, `min/mi`), for headings and axes. */
export const speedUnitName = (unit: DistanceUnit): string => tr(unit === 'km' ? 'units:unitKmh' : 'units:unitMph')
export const paceUnitName = (unit: DistanceUnit): string => tr(unit === 'km' ? 'units:unitPerKm' : 'units:unitPerMile')
