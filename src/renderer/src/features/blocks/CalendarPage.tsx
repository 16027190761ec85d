import { type FormEvent, useCallback, useId, useMemo, useState } from 'react'
import type { BlockCalendar } from '../../../../shared/contract'
import { todayLocal } from '../../../../shared/dates'
import { isoWeekday, plannedCounts, WEEKDAYS, type Weekday } from '../../../../shared/metrics/calendar'
import { api, isWebMode } from '../../api'
import { useLoad } from '../../api/useLoad'
import { ErrorText } from '../../components/ErrorText'
import { useToast } from '../../components/Toast'
import { useSettings } from '../../settings'
import { download } from '../data/upload'
import { useT } from '../../i18n'
import { rich } from '../../i18n/rich'
import { protocolNameOf } from '../../i18n/builtins'
import { dayList, WEEKDAY_NAMES } from './calendarText'
import { MonthView } from './MonthView'
import { BlockMeta } from '../../components/BlockMeta'
import './calendar.css'
import { wordError } from '../../../../shared/i18n/message'

/** The calendar of one training block: its month view, the runner's usual training days, and the .ics export. */
export function CalendarPage({ blockId }: { blockId: number }) {
  // The browser's own date, so the days' states follow the runner's clock and time zone.
  const { t } = useT('blocks')
  const [today] = useState(todayLocal)
  const load = useLoad(useCallback(() => api.calendar.ofBlock({ blockId, today }), [blockId, today]))

  if (load.state === 'loading') {
    return (
      <div className="page calendar-page">
        <p className="empty">{t('loading')}</p>
      </div>
    )
  }
  if (load.state === 'error') {
    return (
      <div className="page calendar-page">
        <section className="card">
          <h2>{t('calendarTitle')}</h2>
          <ErrorText>{load.message}</ErrorText>
          <a className="button" href="#/blocks">
            {t('backToBlocks')}
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
  const { t } = useT('blocks')
  const id = useId()
  const b = cal.block
  const totals = cal.totals
  return (
    <section className="card calendar-block" aria-labelledby={`${id}-name`}>
      <header className="card-head">
        <div>
          <p className="eyebrow">{t('calendarTitle')}</p>
          <h2 id={`${id}-name`}>{b.name}</h2>
        </div>
        <a href="#/blocks">{t('allBlocksLink')}</a>
      </header>
      <BlockMeta block={{ ...b, protocolName: protocolNameOf(b.protocolUuid, b.protocolName) }} endDate={cal.endDate} />
      <p className="calendar-totals" data-testid="calendar-totals">
        <span>{rich(t, 'totalDone', { count: <strong>{totals.done}</strong> })}</span>
        <span>{rich(t, 'totalMissed', { count: <strong>{totals.missed}</strong> })}</span>
        <span>{rich(t, 'totalAhead', { count: <strong>{totals.upcoming}</strong> })}</span>
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
  const { t } = useT('blocks')
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
    if (!r.ok) return setError(r.error.issues?.[0]?.message ?? wordError(r.error))
    toast.show(r.value.trainingDays.length > 0 ? t('toastDaysSaved', { days: dayList(r.value.trainingDays) }) : t('toastNoDays'))
    onSaved()
  }

  const perWeek = b.sessionsPerWeek
  return (
    <form className="card training-days" aria-labelledby={`${id}-h`} onSubmit={(e) => void save(e)}>
      <h2 id={`${id}-h`}>{t('trainingDays')}</h2>
      <fieldset className="day-picker">
        <legend>{t('usualDays')}</legend>
        {WEEKDAYS.map((d) => (
          <label key={d} className={days.includes(d) ? 'day-toggle on' : 'day-toggle'}>
            <input type="checkbox" checked={days.includes(d)} onChange={() => toggle(d)} aria-label={WEEKDAY_NAMES[d].long} />
            <span aria-hidden="true">{WEEKDAY_NAMES[d].short}</span>
          </label>
        ))}
      </fieldset>
      <p className="hint" aria-live="polite" data-testid="planned-days">
        {days.length === 0
          ? t('daysNone', { perWeek, weekday: WEEKDAY_NAMES[start].long, days: dayList(plan) })
          : days.length === perWeek
            ? t('daysExact', { days: dayList(plan) })
            : t('daysSome', { chosen: days.length, perWeek, days: dayList(plan), twice: perWeek > 7 ? 'yes' : 'no' })}{' '}
        {t('daysEveryBlock')}
      </p>
      <div className="fields">
        <div className="field">
          <label htmlFor={`${id}-time`}>{t('startTime')}</label>
          <input id={`${id}-time`} type="time" value={time} onChange={(e) => setTime(e.target.value)} aria-describedby={`${id}-time-hint`} />
        </div>
        <p id={`${id}-time-hint`} className="hint time-hint">
          {t('startTimeHint')}
        </p>
      </div>
      <ErrorText>{error}</ErrorText>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || !loaded || !changed}>
          {t('saveDays')}
        </button>
      </div>
    </form>
  )
}

function ExportCard({ cal }: { cal: BlockCalendar }) {
  const { t } = useT('blocks')
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
    const count = r.value.events
    if (r.value.downloadUrl) {
      download(r.value.downloadUrl, r.value.fileName)
      setDone(t('downloaded', { file: r.value.fileName, count }))
    } else {
      setDone(t('savedTo', { path: r.value.path ?? r.value.fileName, count }))
    }
  }

  return (
    <section className="card calendar-export" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('exportHeading')}</h2>
      <p className="hint">{t('exportHint', { count: ahead })}</p>
      <div className="form-actions">
        <button type="button" className="primary" onClick={() => void run()} disabled={busy || ahead === 0}>
          {isWebMode ? t('exportWeb') : t('exportDesktop')}
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
