/**
 * A strict reader of the iCalendar files Sprintlog writes, for tests: it throws on any break of the RFC 5545 rules
 * the writer implements (CRLF line ends, physical lines of at most 75 octets folded with one space and never inside
 * a UTF-8 character, TEXT escapes, the required calendar and event properties), and returns the events with their
 * properties unfolded and unescaped.
 */

export interface IcsProperty {
  name: string
  params: Record<string, string>
  /** The raw value, as written (after unfolding). */
  raw: string
}

export interface IcsReadEvent {
  props: IcsProperty[]
  /** One property's value; TEXT properties unescaped. */
  get(name: string): string | undefined
  param(name: string, param: string): string | undefined
}

export interface IcsRead {
  calendar: IcsProperty[]
  calendarValue(name: string): string | undefined
  events: IcsReadEvent[]
  /** The physical lines, for tests of the folding itself. */
  physical: string[]
}

const TEXT_PROPS = new Set(['SUMMARY', 'DESCRIPTION', 'X-WR-CALNAME', 'LOCATION', 'COMMENT'])

/** Unescapes a TEXT value, refusing an unescaped `,` or `;` and any escape RFC 5545 does not define. */
export function unescapeText(raw: string): string {
  let out = ''
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] as string
    if (c === '\\') {
      const n = raw[i + 1]
      if (n === '\\' || n === ';' || n === ',') out += n
      else if (n === 'n' || n === 'N') out += '\n'
      else throw new Error(`bad escape \\${n ?? ''} in TEXT “${raw}”`)
      i++
    } else if (c === ',' || c === ';') {
      throw new Error(`unescaped “${c}” in TEXT “${raw}”`)
    } else {
      out += c
    }
  }
  return out
}

function parseLine(line: string): IcsProperty {
  const m = /^([A-Z0-9-]+)((?:;[A-Z0-9-]+=[^;:"]*)*):(.*)$/.exec(line)
  if (!m) throw new Error(`not a content line: “${line}”`)
  const params: Record<string, string> = {}
  for (const p of (m[2] ?? '').split(';').slice(1)) {
    const [k, v] = p.split('=') as [string, string]
    params[k] = v
  }
  return { name: m[1] as string, params, raw: m[3] as string }
}

export function readIcs(bytes: Uint8Array | string): IcsRead {
  const buf = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes
  const decoder = new TextDecoder('utf-8', { fatal: true })
  const text = decoder.decode(buf)
  if (!text.endsWith('\r\n')) throw new Error('the file does not end with CRLF')
  if (/\r(?!\n)|(?<!\r)\n/.test(text)) throw new Error('a line ends with a bare CR or LF')
  // Split on the bytes, so that each physical line must be whole UTF-8 by itself (no character split by a fold).
  const physical: string[] = []
  let start = 0
  for (let i = 0; i < buf.length - 1; i++) {
    if (buf[i] === 0x0d && buf[i + 1] === 0x0a) {
      const chunk = buf.subarray(start, i)
      if (chunk.length > 75) throw new Error(`a line of ${chunk.length} octets (at most 75): “${decoder.decode(chunk)}”`)
      physical.push(new TextDecoder('utf-8', { fatal: true }).decode(chunk))
      start = i + 2
      i++
    }
  }
  const lines: string[] = []
  for (const p of physical) {
    if (p.startsWith(' ') || p.startsWith('\t')) {
      if (lines.length === 0) throw new Error('the file starts with a continuation line')
      lines[lines.length - 1] += p.slice(1)
    } else {
      if (p === '') throw new Error('an empty line')
      lines.push(p)
    }
  }

  const props = lines.map(parseLine)
  const first = props[0]
  const last = props.at(-1)
  if (first?.name !== 'BEGIN' || first.raw !== 'VCALENDAR' || last?.name !== 'END' || last.raw !== 'VCALENDAR') throw new Error('not one VCALENDAR')
  const calendar: IcsProperty[] = []
  const events: IcsProperty[][] = []
  let current: IcsProperty[] | null = null
  for (const p of props.slice(1, -1)) {
    if (p.name === 'BEGIN') {
      if (p.raw !== 'VEVENT' || current) throw new Error(`unexpected BEGIN:${p.raw}`)
      current = []
    } else if (p.name === 'END') {
      if (p.raw !== 'VEVENT' || !current) throw new Error(`unexpected END:${p.raw}`)
      events.push(current)
      current = null
    } else {
      if (TEXT_PROPS.has(p.name)) unescapeText(p.raw)
      ;(current ?? calendar).push(p)
    }
  }
  if (current) throw new Error('a VEVENT is not closed')
  const one = (list: IcsProperty[], name: string, where: string) => {
    const found = list.filter((p) => p.name === name)
    if (found.length !== 1) throw new Error(`${where} has ${found.length} ${name} (expected exactly one)`)
    return found[0] as IcsProperty
  }
  if (one(calendar, 'VERSION', 'the calendar').raw !== '2.0') throw new Error('VERSION is not 2.0')
  one(calendar, 'PRODID', 'the calendar')

  const read = (list: IcsProperty[]): IcsReadEvent => {
    const uid = one(list, 'UID', 'an event').raw
    const where = `event ${uid}`
    if (!/^\d{8}T\d{6}Z$/.test(one(list, 'DTSTAMP', where).raw)) throw new Error(`${where}: DTSTAMP is not a UTC date-time`)
    const start = one(list, 'DTSTART', where)
    const end = list.filter((p) => p.name === 'DTEND')
    const dur = list.filter((p) => p.name === 'DURATION')
    if (end.length + dur.length > 1) throw new Error(`${where}: DTEND and DURATION together, or twice`)
    if (start.params.VALUE === 'DATE') {
      if (!/^\d{8}$/.test(start.raw)) throw new Error(`${where}: DTSTART;VALUE=DATE is not a date`)
      if (end[0] && (end[0].params.VALUE !== 'DATE' || !(end[0].raw > start.raw))) throw new Error(`${where}: an all-day DTEND must be a later DATE`)
    } else {
      if (!/^\d{8}T\d{6}Z?$/.test(start.raw)) throw new Error(`${where}: DTSTART is not a date-time`)
      if (dur[0] && !/^P(T(\d+H)?(\d+M)?(\d+S)?|\d+D|\d+W)$/.test(dur[0].raw)) throw new Error(`${where}: bad DURATION ${dur[0].raw}`)
    }
    one(list, 'SUMMARY', where)
    return {
      props: list,
      get: (name) => {
        const p = list.find((x) => x.name === name)
        return p && (TEXT_PROPS.has(name) ? unescapeText(p.raw) : p.raw)
      },
      param: (name, param) => list.find((x) => x.name === name)?.params[param]
    }
  }
  const out = events.map(read)
  const uids = out.map((e) => e.get('UID'))
  if (new Set(uids).size !== uids.length) throw new Error('two events share a UID')
  return {
    calendar,
    calendarValue: (name) => {
      const p = calendar.find((x) => x.name === name)
      return p && (TEXT_PROPS.has(name) ? unescapeText(p.raw) : p.raw)
    },
    events: out,
    physical
  }
}
