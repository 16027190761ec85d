/**
 * A small iCalendar (RFC 5545) writer for the calendar export: one VCALENDAR of VEVENTs, each either an all-day
 * event (DTSTART;VALUE=DATE) or one at a local "floating" time (no time zone: it stays at that time of day
 * wherever the runner's calendar is) with a DURATION. It implements the rules it relies on:
 * - every line ends with CRLF (§3.1);
 * - lines longer than 75 octets are folded: CRLF and one space, never inside a UTF-8 character (§3.1);
 * - TEXT values escape backslash, semicolon, comma and line breaks (§3.3.11);
 * - DTSTAMP is the UTC time of the export (§3.8.7.2), UID is stable for the same planned session (§3.8.4.7).
 */
import type { LocalDate } from './dates'

export interface IcsEvent {
  /** Stable for the same planned session, so importing a newer file updates the event instead of adding one. */
  uid: string
  date: LocalDate
  /** Local start time `HH:MM`; null for an all-day event. */
  time: string | null
  /** Length of a timed event, in whole minutes (ignored for all-day events). */
  durationMinutes: number
  summary: string
  description: string
}

export interface IcsCalendar {
  /** PRODID: who made the file. */
  prodId: string
  /** A name calendar programs show for the imported calendar (X-WR-CALNAME). */
  name: string
  events: readonly IcsEvent[]
}

/** Escapes a TEXT value: `\` `;` `,` and line breaks (§3.3.11). */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
}

const encoder = new TextEncoder()
const octets = (s: string) => encoder.encode(s).length

/** Folds one content line into physical lines of at most 75 octets, each continuation starting with a space. */
export function foldLine(line: string): string {
  if (octets(line) <= 75) return line
  const out: string[] = []
  let current = ''
  let size = 0
  let limit = 75
  for (const ch of line) {
    const n = octets(ch)
    if (size + n > limit) {
      out.push(current)
      current = ' '
      size = 1
      limit = 75
    }
    current += ch
    size += n
  }
  out.push(current)
  return out.join('\r\n')
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** `20270105T073000Z`: a UTC date-time (§3.3.5, form #2). */
export function utcStamp(d: Date): string {
  return `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`
}

/** `20270105`: a DATE value. */
const icsDate = (date: LocalDate) => date.replace(/-/g, '')

/** The day after `date`, for an all-day event's exclusive DTEND. */
function nextDay(date: LocalDate): LocalDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const t = new Date(Date.UTC(y, m - 1, d + 1))
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`
}

/** `PT1H5M`: a duration in minutes (§3.3.6). */
function duration(minutes: number): string {
  const m = Math.max(1, Math.round(minutes))
  const h = Math.floor(m / 60)
  return `PT${h > 0 ? `${h}H` : ''}${m % 60 > 0 ? `${m % 60}M` : ''}`
}

/** The whole file: content lines folded and joined with CRLF, ending with one. */
export function writeCalendar(cal: IcsCalendar, now: Date): string {
  const stamp = utcStamp(now)
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${cal.prodId}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(cal.name)}`]
  for (const e of cal.events) {
    lines.push('BEGIN:VEVENT', `UID:${e.uid}`, `DTSTAMP:${stamp}`)
    if (e.time === null) {
      lines.push(`DTSTART;VALUE=DATE:${icsDate(e.date)}`, `DTEND;VALUE=DATE:${icsDate(nextDay(e.date))}`)
    } else {
      lines.push(`DTSTART:${icsDate(e.date)}T${e.time.replace(':', '')}00`, `DURATION:${duration(e.durationMinutes)}`)
    }
    lines.push(`SUMMARY:${escapeText(e.summary)}`, `DESCRIPTION:${escapeText(e.description)}`, 'TRANSP:OPAQUE', 'END:VEVENT')
  }
  lines.push('END:VCALENDAR')
  return lines.map(foldLine).join('\r\n') + '\r\n'
}
