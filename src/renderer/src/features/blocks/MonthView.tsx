import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react'
import type { BlockCalendar } from '../../../../shared/contract'
import { addLocalDays, type LocalDate } from '../../../../shared/dates'
import { blockMonths, type DayState, isoWeekday, monthGrid, shiftMonth, WEEKDAYS } from '../../../../shared/metrics/calendar'
import { useT } from '../../i18n'
import { dayLabel, dayStateText, monthName, monthTitle, STATE_MARK, stateHint, stateLabel, WEEKDAY_NAMES } from './calendarText'

/** Where the view opens: today's month while the block runs, else its first or last month. */
function openingDate(cal: BlockCalendar): LocalDate {
  if (cal.today < cal.block.startDate) return cal.block.startDate
  if (cal.today > cal.endDate) return cal.endDate
  return cal.today
}

const KEY_DAYS: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 }

/**
 * A month of the block as a grid (Monday first). One day has the keyboard focus at a time: the arrow keys move
 * between days (and across months), Home and End go to the week's first and last day, Page Up and Page Down to
 * the previous and next month. Each day's accessible name says its date and its state; the marks (✓ ○ ✕ ↺) tell
 * the states apart without colour, and the legend names them.
 */
export function MonthView({ cal }: { cal: BlockCalendar }) {
  const { t } = useT('blocks')
  const id = useId()
  const months = useMemo(() => blockMonths(cal.block), [cal.block])
  const byDate = useMemo(() => new Map(cal.days.map((d) => [d.date, d])), [cal.days])
  const [focus, setFocus] = useState<LocalDate>(() => openingDate(cal))
  const wantFocus = useRef(false)
  const grid = useRef<HTMLTableElement>(null)
  const month = focus.slice(0, 7)
  const monthIndex = months.indexOf(month)
  const rows = useMemo(() => monthGrid(month), [month])

  useEffect(() => {
    if (!wantFocus.current) return
    wantFocus.current = false
    grid.current?.querySelector<HTMLElement>(`[data-date="${focus}"]`)?.focus()
  }, [focus])

  /** Moves to `date`, kept within the block's months; `focusIt` moves the keyboard focus there too. */
  function moveTo(date: LocalDate, focusIt: boolean) {
    const first = `${months[0] ?? month}-01`
    const last = addLocalDays(shiftMonth(`${months.at(-1) ?? month}-01`, 1), -1)
    wantFocus.current = focusIt
    setFocus(date < first ? first : date > last ? last : date)
  }

  function onKeyDown(e: KeyboardEvent<HTMLTableElement>) {
    let next: LocalDate | null = null
    if (e.key in KEY_DAYS) next = addLocalDays(focus, KEY_DAYS[e.key] as number)
    else if (e.key === 'Home') next = addLocalDays(focus, 1 - isoWeekday(focus))
    else if (e.key === 'End') next = addLocalDays(focus, 7 - isoWeekday(focus))
    else if (e.key === 'PageUp') next = shiftMonth(focus, -1)
    else if (e.key === 'PageDown') next = shiftMonth(focus, 1)
    if (next === null) return
    e.preventDefault()
    moveTo(next, true)
  }

  const title = monthTitle(month)
  const prevMonth = monthIndex > 0 ? (months[monthIndex - 1] as string) : null
  const nextMonth = monthIndex < months.length - 1 ? (months[monthIndex + 1] as string) : null
  // The buttons' names hold the month name they show (WCAG 2.5.3: in Chinese the title's month is written otherwise).
  const prev = prevMonth && monthName(prevMonth)
  const next = nextMonth && monthName(nextMonth)
  return (
    <section className="card calendar-card" aria-labelledby={`${id}-title`}>
      <header className="card-head calendar-head">
        <button type="button" onClick={() => moveTo(shiftMonth(focus, -1), false)} disabled={prev === null} aria-label={prev ? t('prevMonthTo', { month: prev }) : t('prevMonth')}>
          <span aria-hidden="true">‹</span> {prevMonth && monthName(prevMonth)}
        </button>
        <h2 id={`${id}-title`} aria-live="polite">
          {title}
        </h2>
        <button type="button" onClick={() => moveTo(shiftMonth(focus, 1), false)} disabled={next === null} aria-label={next ? t('nextMonthTo', { month: next }) : t('nextMonth')}>
          {nextMonth && monthName(nextMonth)} <span aria-hidden="true">›</span>
        </button>
      </header>
      <table ref={grid} role="grid" className="month-grid" data-month={month} aria-labelledby={`${id}-title`} aria-describedby={`${id}-keys`} onKeyDown={onKeyDown}>
        <thead>
          <tr>
            {WEEKDAYS.map((d) => (
              <th key={d} scope="col" abbr={WEEKDAY_NAMES[d].long}>
                {WEEKDAY_NAMES[d].short}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {row.map((date, c) =>
                date === null ? (
                  <td key={c} role="gridcell" className="blank" />
                ) : (
                  <DayCell key={date} date={date} cal={cal} day={byDate.get(date)} focused={date === focus} onPick={() => setFocus(date)} />
                )
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <p id={`${id}-keys`} className="hint">
        {t('gridKeys')}
      </p>
      <ul className="calendar-legend" aria-label={t('legend')}>
        {(Object.keys(STATE_MARK) as Exclude<DayState, 'none'>[]).map((s) => (
          <li key={s}>
            <span className={`day-mark ${s}`} aria-hidden="true">
              {STATE_MARK[s]}
            </span>
            <strong>{stateLabel(s)}</strong> <span className="muted">{stateHint(s)}</span>
          </li>
        ))}
        <li>
          <span className="day-mark today-mark" aria-hidden="true" />
          <strong>{t('today')}</strong> <span className="muted">{t('todayHint')}</span>
        </li>
      </ul>
    </section>
  )
}

interface DayCellProps {
  date: LocalDate
  cal: BlockCalendar
  day: BlockCalendar['days'][number] | undefined
  focused: boolean
  onPick: () => void
}

function DayCell({ date, cal, day, focused, onPick }: DayCellProps) {
  const { t } = useT('blocks')
  const state = day?.state ?? 'outside'
  const mark = day && day.state !== 'none' ? STATE_MARK[day.state] : ''
  const classes = ['day', state, date === cal.today ? 'today' : '', day && day.week % 2 === 0 ? 'even-week' : ''].filter(Boolean).join(' ')
  return (
    <td
      role="gridcell"
      className={classes}
      tabIndex={focused ? 0 : -1}
      data-date={date}
      data-state={state}
      aria-label={dayLabel(date, day, cal.today)}
      aria-current={date === cal.today ? 'date' : undefined}
      title={day ? dayStateText(day) : t('notInBlock')}
      onClick={onPick}
    >
      <span className="day-number" aria-hidden="true">
        {Number(date.slice(8))}
      </span>
      <span className="day-mark" aria-hidden="true">
        {mark}
        {day && day.done > 1 ? <sup>{day.done}</sup> : day && day.state === 'planned' && day.planned > 1 ? <sup>{day.planned}</sup> : null}
      </span>
    </td>
  )
}
