import { type FormEvent, useCallback, useId, useMemo, useState } from 'react'
import type { BlockCalendar } from '../../../../shared/contract'
import { todayLocal } from '../../../../shared/dates'
import { isoWeekday, plannedCounts, WEEKDAYS, type Weekday } from '../../../../shared/metrics/calendar'
import { api, isWebMode } from '../../api'
import { useLoad } from '../../api/useLoad'
import { plural } from '../../components/blockText'
import { ErrorText } from '../../components/ErrorText'
import { useToast } from '../../components/Toast'
import { useSettings } from '../../settings'
import { download } from '../data/upload'
import { dayList, WEEKDAY_NAMES } from './calendarText'
import { MonthView } from './MonthView'
import { BlockMeta } from '../../components/BlockMeta'
import './calendar.css'
import { wordError } from '../../../../shared/i18n/message'

/** The calendar of one training block: its month view, the runner's usual training days, and the .ics export. */
export function CalendarPage({ blockId }: { blockId: number }) {
  // The browser's own date, so the days' states follow the runner's clock and time zone.
  const [today] = useState(todayLocal)
  const load = useLoad(useCallback(() => api.calendar.ofBlock({ blockId, today }), [blockId, today]))

  if (load.state === 'loading') {
    return (
      <div className="page calendar-page">
        <p className="empty">Loading…</p>
      </div>
    )
  }
  if (load.state === 'error') {
    return (
      <div className="page calendar-page">
        <section className="card">
          <h2>Block calendar</h2>
          <ErrorText>{load.message}</ErrorText>
          <a className="button" href="#/blocks">
            Back to the blocks
          </a>
        </section>
      </div>
    )
  }
  const cal = load.value
  return (
    <div className="page calendar-page">
      <BlockHead cal={cal} />
      <MonthView key={cal.block.id} cal={cal} />
      <div className="calendar-side">
        <TrainingDays cal={cal} onSaved={load.reload} />
        <ExportCard cal={cal} />
      </div>
    </div>
  )
}

function BlockHead({ cal }: { cal: BlockCalendar }) {
  const id = useId()
  const b = cal.block
  const t = cal.totals
  return (
    <section className="card calendar-block" aria-labelledby={`${id}-name`}>
      <header className="card-head">
        <div>
          <p className="eyebrow">Block calendar</p>
          <h2 id={`${id}-name`}>{b.name}</h2>
        </div>
        <a href="#/blocks">All blocks</a>
      </header>
      <BlockMeta block={b} endDate={cal.endDate} />
      <p className="calendar-totals" data-testid="calendar-totals">
        <span>
          <strong>{t.done}</strong> done
        </span>
        <span>
          <strong>{t.missed}</strong> missed
        </span>
        <span>
          <strong>{t.upcoming}</strong> planned ahead
        </span>
      </p>
    </section>
  )
}

/** The days a block week plans, for the hint under the day picker. */
function plannedDays(perWeek: number, days: readonly Weekday[], startWeekday: Weekday): Weekday[] {
  const counts = plannedCounts(perWeek, days, startWeekday)
  return WEEKDAYS.filter((d) => (counts[(d - startWeekday + 7) % 7] ?? 0) > 0)
}

/** The form once the settings are in (they may arrive after the screen opened), starting from the saved values. */
function TrainingDays(props: { cal: BlockCalendar; onSaved: () => void }) {
  const { loaded } = useSettings()
  return loaded ? <TrainingDaysForm {...props} /> : null
}

function TrainingDaysForm({ cal, onSaved }: { cal: BlockCalendar; onSaved: () => void }) {
  const id = useId()
  const toast = useToast()
  const { settings, loaded, update } = useSettings()
  const [days, setDays] = useState<Weekday[]>(settings.trainingDays)
  const [time, setTime] = useState(settings.sessionTime ?? '')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const b = cal.block
  const start = isoWeekday(b.startDate)
  const plan = useMemo(() => plannedDays(b.sessionsPerWeek, days, start), [b.sessionsPerWeek, days, start])
  const changed = days.join() !== settings.trainingDays.join() || time !== (settings.sessionTime ?? '')

  const toggle = (d: Weekday) => setDays((now) => (now.includes(d) ? now.filter((x) => x !== d) : [...now, d].sort((a, c) => a - c)))

  async function save(e: FormEvent) {
    e.preventDefault()
    if (busy) return
    setBusy(true)
    setError(null)
    const r = await update({ trainingDays: days, sessionTime: time === '' ? null : time })
    setBusy(false)
    if (!r.ok) return setError(wordError(r.error.issues?.[0] ?? r.error))
    toast.show(r.value.trainingDays.length > 0 ? `Saved your training days: ${dayList(r.value.trainingDays)}.` : 'Saved: no usual training days; sessions are spread evenly.')
    onSaved()
  }

  const perWeek = b.sessionsPerWeek
  return (
    <form className="card training-days" aria-labelledby={`${id}-h`} onSubmit={(e) => void save(e)}>
      <h2 id={`${id}-h`}>Your training days</h2>
      <fieldset className="day-picker">
        <legend>Usual training days</legend>
        {WEEKDAYS.map((d) => (
          <label key={d} className={days.includes(d) ? 'day-toggle on' : 'day-toggle'}>
            <input type="checkbox" checked={days.includes(d)} onChange={() => toggle(d)} aria-label={WEEKDAY_NAMES[d].long} />
            <span aria-hidden="true">{WEEKDAY_NAMES[d].short}</span>
          </label>
        ))}
      </fieldset>
      <p className="hint" aria-live="polite" data-testid="planned-days">
        {days.length === 0
          ? `None chosen: the ${plural(perWeek, 'session')} a week are spread evenly from the block’s first day (a ${WEEKDAY_NAMES[start].long}): ${dayList(plan)}.`
          : days.length === perWeek
            ? `This block plans ${dayList(plan)}.`
            : `${plural(days.length, 'day')} chosen for ${plural(perWeek, 'session')} a week: this block plans ${dayList(plan)}${perWeek > 7 ? ', two sessions on some days' : ''}.`}{' '}
        The days apply to every block.
      </p>
      <div className="fields">
        <div className="field">
          <label htmlFor={`${id}-time`}>Usual start time (optional)</label>
          <input id={`${id}-time`} type="time" value={time} onChange={(e) => setTime(e.target.value)} aria-describedby={`${id}-time-hint`} />
        </div>
        <p id={`${id}-time-hint`} className="hint time-hint">
          With a time, the calendar file has timed events as long as the protocol’s plan; without, all-day events.
        </p>
      </div>
      <ErrorText>{error}</ErrorText>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || !loaded || !changed}>
          Save days
        </button>
      </div>
    </form>
  )
}

function ExportCard({ cal }: { cal: BlockCalendar }) {
  const id = useId()
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const ahead = cal.totals.upcoming

  async function run() {
    setBusy(true)
    setError(null)
    setDone(null)
    const r = await api.calendar.export({ blockId: cal.block.id, today: cal.today })
    setBusy(false)
    if (!r.ok) return setError(wordError(r.error))
    if (r.value === null) return // the save dialog was cancelled
    const what = plural(r.value.events, 'planned session')
    if (r.value.downloadUrl) {
      download(r.value.downloadUrl, r.value.fileName)
      setDone(`Downloaded ${r.value.fileName} with ${what}.`)
    } else {
      setDone(`Saved ${what} to ${r.value.path ?? r.value.fileName}.`)
    }
  }

  return (
    <section className="card calendar-export" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Add to your calendar</h2>
      <p className="hint">
        An iCalendar file (.ics) of the {plural(ahead, 'planned session')} from today to the end of the block, for Google Calendar, Outlook
        or Apple Calendar. Each session keeps its identity from one export to the next, so importing a newer file updates the events
        rather than doubling them.
      </p>
      <div className="form-actions">
        <button type="button" className="primary" onClick={() => void run()} disabled={busy || ahead === 0}>
          {isWebMode ? 'Export .ics' : 'Export .ics…'}
        </button>
      </div>
      {done && (
        <p role="status" className="export-done">
          {done}
        </p>
      )}
      <ErrorText>{error}</ErrorText>
    </section>
  )
}
