import { describe, expect, it } from 'vitest'
import {
  blockCalendar,
  blockMonths,
  type CalendarDay,
  calendarTotals,
  isoWeekday,
  monthGrid,
  plannedCounts,
  shiftMonth,
  upcomingSessions,
  type Weekday
} from '../../src/shared/metrics/calendar'

/** The offsets (0 = the block week's first day) that plan a session. */
const planned = (n: number, usual: Weekday[], start: Weekday) =>
  plannedCounts(n, usual, start).flatMap((c, o) => Array.from({ length: c }, () => o))

// 2027-01-04 is a Monday; a two-week block of Monday–Sunday weeks.
const MON = '2027-01-04'
const block = (o: { startDate?: string; weeks?: number; sessionsPerWeek?: number } = {}) => ({ startDate: MON, weeks: 2, sessionsPerWeek: 3, ...o })
const byDate = (days: CalendarDay[]) => new Map(days.map((d) => [d.date, d]))
const states = (days: CalendarDay[]) => Object.fromEntries(days.filter((d) => d.state !== 'none').map((d) => [d.date, d.state]))

describe('which days of a block week plan a session', () => {
  it('without usual days, spreads the sessions from the week’s first day: session i of N on day ⌊i·7/N⌋', () => {
    expect(planned(3, [], 1)).toEqual([0, 2, 4]) // Monday, Wednesday, Friday
    expect(planned(2, [], 1)).toEqual([0, 3])
    expect(planned(1, [], 1)).toEqual([0])
    expect(planned(4, [], 1)).toEqual([0, 1, 3, 5])
    expect(planned(7, [], 1)).toEqual([0, 1, 2, 3, 4, 5, 6])
    // The same offsets from whatever weekday the block starts on.
    expect(planned(3, [], 3)).toEqual([0, 2, 4]) // Wednesday, Friday, Sunday
  })

  it('uses the usual days when there are as many as sessions, in the block week’s order', () => {
    expect(planned(3, [1, 3, 5], 1)).toEqual([0, 2, 4])
    // A block starting on a Wednesday: Wed (0), Fri (2), then Mon (5) of the following calendar week.
    expect(planned(3, [1, 3, 5], 3)).toEqual([0, 2, 5])
    expect(planned(2, [6, 7], 1)).toEqual([5, 6])
  })

  it('spreads the sessions over the usual days when there are more of them', () => {
    // Mon–Fri usual, 3 sessions: usual day ⌊i·5/3⌋ → 0, 1, 3 → Monday, Tuesday, Thursday.
    expect(planned(3, [1, 2, 3, 4, 5], 1)).toEqual([0, 1, 3])
    expect(planned(3, [1, 3, 5, 6], 1)).toEqual([0, 2, 4])
    expect(planned(1, [2, 4], 1)).toEqual([1])
  })

  it('fills up with the even spread, then the other days, when there are fewer usual days than sessions', () => {
    // Tuesday, then the spread's Monday and Wednesday.
    expect(planned(3, [2], 1)).toEqual([0, 1, 2])
    // Saturday and Sunday, then the spread's Monday, Tuesday (0, 1 of 0, 1, 3, 5).
    expect(planned(4, [6, 7], 1)).toEqual([0, 1, 5, 6])
  })

  it('plans two sessions on some days for more than 7 a week, and two on every day for 14', () => {
    expect(plannedCounts(8, [], 1)).toEqual([2, 1, 1, 1, 1, 1, 1])
    // 7 + 3: the extra three on Tuesday and Thursday (the usual days), then Monday (the spread's first day).
    expect(plannedCounts(10, [2, 4], 1)).toEqual([2, 2, 1, 2, 1, 1, 1])
    expect(plannedCounts(14, [], 1)).toEqual([2, 2, 2, 2, 2, 2, 2])
  })

  it('ignores repeated usual days', () => {
    expect(planned(2, [5, 5, 1], 1)).toEqual([0, 4])
  })
})

describe('the days of a block', () => {
  it('covers every day of the block, numbered by block week, with ISO weekdays', () => {
    const days = blockCalendar(block({ startDate: '2027-01-06' }), [], [], '2026-12-01')
    expect(days).toHaveLength(14)
    expect(days[0]).toMatchObject({ date: '2027-01-06', week: 1, planned: 1, state: 'planned' })
    expect(days[6]).toMatchObject({ date: '2027-01-12', week: 1 })
    expect(days[7]).toMatchObject({ date: '2027-01-13', week: 2, planned: 1 })
    expect(days.at(-1)?.date).toBe('2027-01-19')
    expect(isoWeekday('2027-01-06')).toBe(3)
    expect(isoWeekday('2027-01-10')).toBe(7)
  })

  it('a block not yet started is all planned; a finished block with no sessions is all missed', () => {
    const before = blockCalendar(block(), [], [], '2027-01-01')
    expect(Object.values(states(before))).toEqual(Array(6).fill('planned'))
    const after = blockCalendar(block(), [], [], '2027-02-01')
    expect(Object.values(states(after))).toEqual(Array(6).fill('missed'))
    expect(calendarTotals(after, '2027-02-01')).toEqual({ done: 0, missed: 6, upcoming: 0 })
  })

  it('a planned day with a session is done; today is still planned, never missed', () => {
    const days = blockCalendar(block(), [], ['2027-01-04'], '2027-01-06')
    expect(states(days)).toMatchObject({ '2027-01-04': 'done', '2027-01-06': 'planned', '2027-01-08': 'planned' })
    expect(byDate(days).get('2027-01-04')).toMatchObject({ planned: 1, done: 1, missed: 0 })
  })

  it('a session on an unplanned day of the same week makes up for a missed day, earliest missed first', () => {
    // Week 1 plans Mon 4, Wed 6, Fri 8. Run on Mon and Thu 7; today is Wed 13 (week 2).
    const days = blockCalendar(block(), [], ['2027-01-04', '2027-01-07'], '2027-01-13')
    expect(states(days)).toEqual({
      '2027-01-04': 'done',
      '2027-01-06': 'made-up',
      '2027-01-07': 'done',
      '2027-01-08': 'missed',
      '2027-01-11': 'missed',
      '2027-01-13': 'planned',
      '2027-01-15': 'planned'
    })
    const d = byDate(days)
    expect(d.get('2027-01-06')).toMatchObject({ missed: 0, madeUpOn: ['2027-01-07'] })
    expect(d.get('2027-01-07')).toMatchObject({ planned: 0, done: 1, makesUpFor: ['2027-01-06'] })
    expect(d.get('2027-01-08')).toMatchObject({ missed: 1, madeUpOn: [] })
    expect(calendarTotals(days, '2027-01-13')).toEqual({ done: 2, missed: 2, upcoming: 2 })
  })

  it('a session before the missed day makes up for it too', () => {
    // Ran Tuesday 5 instead of Monday 4; today is Thursday 7.
    const days = blockCalendar(block(), [], ['2027-01-05'], '2027-01-07')
    expect(states(days)).toMatchObject({ '2027-01-04': 'made-up', '2027-01-05': 'done', '2027-01-06': 'missed', '2027-01-08': 'planned' })
  })

  it('a second session on a planned day makes up for a missed day of its week', () => {
    const days = blockCalendar(block(), [], ['2027-01-06', '2027-01-06'], '2027-01-09')
    const d = byDate(days)
    expect(d.get('2027-01-04')).toMatchObject({ state: 'made-up', madeUpOn: ['2027-01-06'] })
    expect(d.get('2027-01-06')).toMatchObject({ state: 'done', done: 2, makesUpFor: ['2027-01-04'] })
    expect(d.get('2027-01-08')).toMatchObject({ state: 'missed', missed: 1 })
  })

  it('an extra session does not make up for a missed day of another week', () => {
    // Week 1's Monday missed; week 2 has an extra session on Tuesday 12.
    const days = blockCalendar(block(), [], ['2027-01-06', '2027-01-08', '2027-01-11', '2027-01-12'], '2027-01-20')
    const d = byDate(days)
    expect(d.get('2027-01-04')).toMatchObject({ state: 'missed', missed: 1 })
    expect(d.get('2027-01-12')).toMatchObject({ state: 'done', makesUpFor: ['2027-01-13'] })
    expect(d.get('2027-01-13')?.state).toBe('made-up')
    expect(d.get('2027-01-15')?.state).toBe('missed')
  })

  it('an extra session does not make up for a planned day still ahead: that stays planned', () => {
    const days = blockCalendar(block(), [], ['2027-01-04', '2027-01-05'], '2027-01-05')
    expect(states(days)).toMatchObject({ '2027-01-04': 'done', '2027-01-05': 'done', '2027-01-06': 'planned', '2027-01-08': 'planned' })
    expect(byDate(days).get('2027-01-05')?.makesUpFor).toEqual([])
  })

  it('follows the usual days, and ignores sessions outside the block', () => {
    const days = blockCalendar(block({ weeks: 1 }), [2, 4, 6], ['2027-01-03', '2027-01-05', '2027-01-11'], '2027-01-07')
    expect(states(days)).toEqual({ '2027-01-05': 'done', '2027-01-07': 'planned', '2027-01-09': 'planned' })
    expect(calendarTotals(days, '2027-01-07')).toEqual({ done: 1, missed: 0, upcoming: 2 })
  })

  it('a double day with one session run is done with one session missed', () => {
    const days = blockCalendar(block({ weeks: 1, sessionsPerWeek: 8 }), [], ['2027-01-04'], '2027-01-05')
    expect(byDate(days).get('2027-01-04')).toMatchObject({ planned: 2, done: 1, state: 'done', missed: 1 })
    expect(calendarTotals(days, '2027-01-05')).toEqual({ done: 1, missed: 1, upcoming: 6 })
  })
})

describe('the sessions still ahead', () => {
  it('lists each planned session from today on that is not yet run, with its week and its place in the day', () => {
    const days = blockCalendar(block({ sessionsPerWeek: 8 }), [], ['2027-01-11'], '2027-01-11')
    const ahead = upcomingSessions(days, '2027-01-11')
    // Week 2 only: Monday 11 has two planned and one run, so one is left; then one a day.
    expect(ahead.slice(0, 3)).toEqual([
      { date: '2027-01-11', week: 2, index: 2 },
      { date: '2027-01-12', week: 2, index: 1 },
      { date: '2027-01-13', week: 2, index: 1 }
    ])
    expect(ahead).toHaveLength(7)
  })

  it('none once the block is over', () => {
    expect(upcomingSessions(blockCalendar(block(), [], [], '2027-01-18'), '2027-01-18')).toEqual([])
  })
})

describe('months', () => {
  it('lists the months a block spans', () => {
    expect(blockMonths({ startDate: '2027-01-25', weeks: 2 })).toEqual(['2027-01', '2027-02'])
    expect(blockMonths({ startDate: '2026-11-30', weeks: 10 })).toEqual(['2026-11', '2026-12', '2027-01', '2027-02'])
    expect(blockMonths({ startDate: '2027-03-01', weeks: 1 })).toEqual(['2027-03'])
  })

  it('lays a month out in Monday-first weeks, blank before the 1st and after the last day', () => {
    const feb = monthGrid('2027-02') // starts on a Monday, 28 days
    expect(feb).toHaveLength(4)
    expect(feb[0]).toEqual(['2027-02-01', '2027-02-02', '2027-02-03', '2027-02-04', '2027-02-05', '2027-02-06', '2027-02-07'])
    const jan = monthGrid('2027-01') // starts on a Friday, 31 days
    expect(jan[0]).toEqual([null, null, null, null, '2027-01-01', '2027-01-02', '2027-01-03'])
    expect(jan.at(-1)).toEqual(['2027-01-25', '2027-01-26', '2027-01-27', '2027-01-28', '2027-01-29', '2027-01-30', '2027-01-31'])
    const dec = monthGrid('2024-12') // Sunday the 1st, leap-year safe across the year end
    expect(dec[0]).toEqual([null, null, null, null, null, null, '2024-12-01'])
    expect(dec.at(-1)).toEqual(['2024-12-30', '2024-12-31', null, null, null, null, null])
    expect(monthGrid('2028-02').flat().filter(Boolean)).toHaveLength(29)
  })

  it('moves a date by whole months, keeping the day or the month’s last day', () => {
    expect(shiftMonth('2027-01-15', 1)).toBe('2027-02-15')
    expect(shiftMonth('2027-01-31', 1)).toBe('2027-02-28')
    expect(shiftMonth('2028-01-31', 1)).toBe('2028-02-29')
    expect(shiftMonth('2027-12-05', 1)).toBe('2028-01-05')
    expect(shiftMonth('2027-01-05', -1)).toBe('2026-12-05')
    expect(shiftMonth('2027-03-31', -13)).toBe('2026-02-28')
  })
})
