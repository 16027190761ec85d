import { describe, expect, it } from 'vitest'
import { escapeText, foldLine, type IcsEvent, utcStamp, writeCalendar } from '../../src/shared/ics'
import { calendarEvents, calendarFileName, plannedMinutes } from '../../src/main/services/calendar'
import { blockCalendar, calendarTotals } from '../../src/shared/metrics/calendar'
import type { BlockCalendar } from '../../src/shared/contract'
import type { Block, Protocol } from '../../src/shared/training'
import { readIcs, unescapeText } from '../helpers/ics'
import { group } from '../helpers/training'

const NOW = new Date('2027-01-05T06:07:08.900Z')
const octets = (s: string) => new TextEncoder().encode(s).length

const event = (o: Partial<IcsEvent> = {}): IcsEvent => ({
  uid: 'b-20270106-1@sprintlog',
  date: '2027-01-06',
  time: null,
  durationMinutes: 45,
  summary: 'Sprint 6×20 s: 6x20s @max / 2m walk',
  description: 'Week 1 of 10.',
  ...o
})

describe('TEXT values', () => {
  it('escape backslash, semicolon, comma and line breaks, and read back to the same text', () => {
    const text = 'a\\b; c, d\nnext\r\nline\rend'
    expect(escapeText(text)).toBe('a\\\\b\\; c\\, d\\nnext\\nline\\nend')
    expect(unescapeText(escapeText(text))).toBe('a\\b; c, d\nnext\nline\nend')
  })

  it('the strict reader refuses unescaped separators and unknown escapes', () => {
    expect(() => unescapeText('a, b')).toThrow(/unescaped/)
    expect(() => unescapeText('a\\tb')).toThrow(/bad escape/)
  })
})

describe('folding', () => {
  it('leaves a line of 75 octets alone and folds a longer one with CRLF and a space', () => {
    const line75 = `SUMMARY:${'x'.repeat(67)}`
    expect(octets(line75)).toBe(75)
    expect(foldLine(line75)).toBe(line75)
    const folded = foldLine(`${line75}yz`)
    expect(folded).toBe(`${line75}\r\n yz`)
  })

  it('counts octets, not characters, and never splits a UTF-8 character', () => {
    const line = `SUMMARY:${'×'.repeat(100)}` // × is two octets
    const parts = foldLine(line).split('\r\n')
    expect(parts.length).toBeGreaterThan(2)
    for (const p of parts) expect(octets(p)).toBeLessThanOrEqual(75)
    expect(octets(parts[0] as string)).toBe(74) // 8 + 33 × 2; a 34th would make 76
    for (const p of parts.slice(1)) expect(p.startsWith(' ')).toBe(true)
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line)
    // Four-octet characters (an emoji) too.
    for (const p of foldLine(`DESCRIPTION:${'🏃'.repeat(40)}`).split('\r\n')) expect(octets(p)).toBeLessThanOrEqual(75)
  })
})

describe('the calendar file', () => {
  it('is CRLF throughout, folded, with the calendar’s and every event’s required properties', () => {
    const long = `${'A description that is long enough to need folding, with commas; semicolons and a back\\slash. '.repeat(3)}\nSecond line — with “quotes” and ×.`
    const text = writeCalendar({ prodId: '-//Sprintlog//Test//EN', name: 'Sprintlog: HIIT, spring', events: [event({ description: long }), event({ uid: 'b-20270108-1@sprintlog', date: '2027-01-08' })] }, NOW)
    expect(text.endsWith('\r\n')).toBe(true)
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    const cal = readIcs(text)
    expect(cal.calendarValue('VERSION')).toBe('2.0')
    expect(cal.calendarValue('PRODID')).toBe('-//Sprintlog//Test//EN')
    expect(cal.calendarValue('X-WR-CALNAME')).toBe('Sprintlog: HIIT, spring')
    expect(cal.events).toHaveLength(2)
    const [first] = cal.events
    expect(first?.get('DESCRIPTION')).toBe(long)
    expect(first?.get('DTSTAMP')).toBe('20270105T060708Z')
    expect(cal.physical.some((l) => l.startsWith(' '))).toBe(true)
  })

  it('writes all-day events as DATE values with the next day as the exclusive end', () => {
    const cal = readIcs(writeCalendar({ prodId: 'x', name: 'n', events: [event({ date: '2027-12-31' })] }, NOW))
    const e = cal.events[0]
    expect(e?.param('DTSTART', 'VALUE')).toBe('DATE')
    expect(e?.get('DTSTART')).toBe('20271231')
    expect(e?.get('DTEND')).toBe('20280101')
    expect(e?.get('DURATION')).toBeUndefined()
  })

  it('writes a timed event at a floating local time with its duration', () => {
    const cal = readIcs(writeCalendar({ prodId: 'x', name: 'n', events: [event({ time: '07:30', durationMinutes: 65 })] }, NOW))
    const e = cal.events[0]
    expect(e?.get('DTSTART')).toBe('20270106T073000')
    expect(e?.param('DTSTART', 'VALUE')).toBeUndefined()
    expect(e?.get('DURATION')).toBe('PT1H5M')
    expect(e?.get('DTEND')).toBeUndefined()
    expect(readIcs(writeCalendar({ prodId: 'x', name: 'n', events: [event({ time: '18:00', durationMinutes: 120 })] }, NOW)).events[0]?.get('DURATION')).toBe('PT2H')
  })

  it('stamps UTC whatever the local zone', () => {
    expect(utcStamp(new Date(Date.UTC(2027, 0, 2, 3, 4, 5)))).toBe('20270102T030405Z')
  })

  it('the strict reader catches the faults it checks for', () => {
    const good = writeCalendar({ prodId: 'x', name: 'n', events: [event()] }, NOW)
    expect(() => readIcs(good.replace(/\r\n/g, '\n'))).toThrow(/CRLF|bare/)
    expect(() => readIcs(good.replace('SUMMARY:', `SUMMARY:${'y'.repeat(80)}`))).toThrow(/octets/)
    expect(() => readIcs(good.replace(/UID:.*\r\n/, ''))).toThrow(/UID/)
    expect(() => readIcs(good.replace(/DTSTAMP:.*\r\n/, 'DTSTAMP:20270105T060708\r\n'))).toThrow(/DTSTAMP/)
    expect(() => readIcs(good.replace('Week 1 of 10.', 'Week 1, of 10.'))).toThrow(/unescaped/)
    // A fold inside a two-octet character leaves an invalid UTF-8 line.
    const bytes = new TextEncoder().encode(good.replace('Week 1 of 10.', '×'))
    const at = bytes.indexOf(0xc3)
    const broken = new Uint8Array([...bytes.subarray(0, at + 1), 0x0d, 0x0a, 0x20, ...bytes.subarray(at + 1)])
    expect(() => readIcs(broken)).toThrow()
  })
})

describe('a block’s planned sessions as events', () => {
  const block: Block = {
    id: 7,
    uuid: '0f6d7c1e-5c1b-4a57-9f0e-0e8b2a9f1a11',
    name: 'HIIT, spring; 2027',
    startDate: '2027-01-04',
    protocolUuid: null,
    weeks: 2,
    sessionsPerWeek: 3,
    protocolId: 3,
    protocolName: 'HIIT 4×4',
    createdAt: '2027-01-01T00:00:00.000Z',
    updatedAt: '2027-01-01T00:00:00.000Z'
  }
  const hiit = { id: 3, name: 'HIIT 4×4', groups: [group({ count: 4, workSeconds: 240, intensity: 'near-max', recoverySeconds: 180, recoveryMode: 'jog' })] } as Protocol
  const calendar = (today: string, dates: string[] = []): BlockCalendar => {
    const days = blockCalendar(block, [], dates, today)
    return { block, endDate: '2027-01-17', today, trainingDays: [], days, totals: calendarTotals(days, today) }
  }

  it('one event per planned session from today on, with a UID stable across exports and days', () => {
    const a = calendarEvents(calendar('2027-01-06', ['2027-01-04']), hiit, null)
    expect(a.map((e) => e.date)).toEqual(['2027-01-06', '2027-01-08', '2027-01-11', '2027-01-13', '2027-01-15'])
    const b = calendarEvents(calendar('2027-01-08', ['2027-01-04', '2027-01-06']), hiit, null)
    expect(b.map((e) => e.uid)).toEqual(a.slice(1).map((e) => e.uid))
    expect(a[0]?.uid).toBe('0f6d7c1e-5c1b-4a57-9f0e-0e8b2a9f1a11-20270106-1@sprintlog')
  })

  it('the summary names the protocol and its plan; the description the block and the week', () => {
    const [e] = calendarEvents(calendar('2027-01-11'), hiit, '07:15')
    expect(e?.summary).toBe('HIIT 4×4: 4x4m @near-max / 3m jog')
    expect(e?.description).toMatch(/^Week 2 of 2 of the training block “HIIT, spring; 2027” \(3 sessions a week\)\./)
    expect(e?.time).toBe('07:15')
    // 10 min warm-up + 4 × (4 + 3) min + 5 min cool-down = 43 min, rounded up to 45.
    expect(e?.durationMinutes).toBe(45)
    const free = calendarEvents(calendar('2027-01-11'), null, null)[0]
    expect(free?.summary).toBe('Training session (HIIT, spring; 2027)')
  })

  it('round-trips through the file with the names’ commas and semicolons intact', () => {
    const text = writeCalendar({ prodId: 'x', name: block.name, events: calendarEvents(calendar('2027-01-04'), hiit, null) }, NOW)
    const cal = readIcs(text)
    expect(cal.events).toHaveLength(6)
    expect(cal.calendarValue('X-WR-CALNAME')).toBe('HIIT, spring; 2027')
    expect(cal.events[0]?.get('DESCRIPTION')).toContain('“HIIT, spring; 2027”')
  })

  it('planned minutes and file names', () => {
    expect(plannedMinutes(null)).toBe(60)
    expect(plannedMinutes([group({ count: 6, workSeconds: 20, recoverySeconds: 120 })])).toBe(30) // 15 + 14 min → 30
    expect(calendarFileName({ name: 'HIIT study, spring' })).toBe('sprintlog-hiit-study-spring.ics')
    expect(calendarFileName({ name: 'Été à Zürich' })).toBe('sprintlog-ete-a-zurich.ics')
    expect(calendarFileName({ name: '***' })).toBe('sprintlog-block.ics')
  })
})
