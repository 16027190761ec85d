import { useDeferredValue, useEffect, useId } from 'react'
import { todayLocal } from '../../../../shared/dates'
import { durationClock } from '../../../../shared/duration'
import { estimatedText } from '../../components/estimateText'
import type { SessionMetrics } from '../../../../shared/metrics/session'
import { formatNotation } from '../../../../shared/notation'
import type { Protocol } from '../../../../shared/training'
import { ErrorText } from '../../components/ErrorText'
import { DateInputField } from '../../components/DateField'
import { Field, InputField } from '../../components/Field'
import { ProtocolOptions } from '../../components/ProtocolOptions'
import { navigate } from '../../router'
import { AdviceCard } from '../../components/AdviceCard'
import { openTimer } from '../timer/timerStore'
import { RepsTable } from './RepsTable'
import type { SessionFormState } from './sessionForm'
import { type SessionFormModel, useSessionForm } from './useSessionForm'
import { formatDate, formatDistance, formatNumber, useT } from '../../i18n'
import { useSettings } from '../../settings'
import { protocolDescription, protocolName, protocolNameById } from '../../i18n/builtins'
import { rich } from '../../i18n/rich'

function Summary({ m }: { m: SessionMetrics | null }) {
  const { t } = useT('log')
  const distanceUnit = useSettings().settings.distanceUnit
  return (
    <dl className="stats session-summary" aria-label={t('summary')}>
      <div>
        <dt>{t('sumReps')}</dt>
        <dd data-testid="sum-reps">{m ? t('repsOfPlanned', { done: m.repsDone, planned: m.plannedReps }) : '–'}</dd>
      </div>
      <div>
        <dt>{t('sumWork')}</dt>
        <dd data-testid="sum-work">{m ? durationClock(m.workSeconds) : '–'}</dd>
      </div>
      <div>
        <dt>{t('sumDistance')}</dt>
        <dd data-testid="sum-distance">{m && m.distanceMeters > 0 ? formatDistance(m.distanceMeters, distanceUnit) : '–'}</dd>
      </div>
      <div>
        <dt>{t('sumDuration')}</dt>
        <dd data-testid="sum-duration">
          {m ? durationClock(m.durationSeconds) : '–'}
          {m && m.estimatedSeconds > 0 && (
            <span className="estimate" data-testid="sum-estimated">
              {estimatedText(m.estimatedSeconds)}
            </span>
          )}
        </dd>
      </div>
      <div>
        <dt>{t('sumLoad')}</dt>
        <dd data-testid="sum-load">{m?.load != null ? formatNumber(Math.round(m.load)) : '–'}</dd>
      </div>
    </dl>
  )
}

/** Wiring for one field of the form: its id, its path in the errors, and its error. */
function useFieldOf(m: SessionFormModel) {
  const id = useId()
  return (name: string, path: string) => ({ id: `${id}-${name}`, error: m.errors[path], path })
}

function SavedCard({ m, protocols }: { m: SessionFormModel; protocols: Protocol[] }) {
  const { t } = useT('log')
  const saved = m.saved
  if (!saved) return null
  const { date } = saved.session
  const savedName = protocolNameById(protocols, saved.session.protocolId, saved.session.protocolName)
  return (
    <section className="card saved" aria-label={t('loggedRegion')}>
      <header className="card-head">
        <h2>{savedName === null ? t('loggedFreeForm', { date: formatDate(date) }) : t('loggedProtocol', { name: savedName, date: formatDate(date) })}</h2>
        <button type="button" className="icon" aria-label={t('close')} onClick={m.dismissSaved}>
          ×
        </button>
      </header>
      <Summary m={saved.metrics} />
      {saved.advice && <AdviceCard advice={saved.advice} heading={t('adviceNext')} />}
      <p>
        <a href="#/history">{t('seeInHistory')}</a>
      </p>
    </section>
  )
}

/**
 * The session's date, with "today" one key away: the Today button beside it, or T typed in the date itself. After
 * a save the date stays where it was, so a backlog of sessions is logged day after day without retyping it.
 */
function DateField({ m, id, error, path }: { m: SessionFormModel; id: string; error: string | undefined; path: string }) {
  const { t } = useT('log')
  const today = todayLocal()
  const hint = `${id}-hint`
  return (
    <DateInputField
      id={id}
      label={t('date')}
      error={error}
      value={m.form.date}
      max={today}
      onChange={(v) => m.set('date', v)}
      onKeyDown={(e) => {
        // T is today while the field shows its date (or nothing); inside a date being typed it is a letter (Oct).
        const el = e.currentTarget
        const untouched = el.value === '' || el.value === formatDate(m.form.date) || (el.selectionStart === 0 && el.selectionEnd === el.value.length)
        if ((e.key === 't' || e.key === 'T') && untouched && !e.altKey && !e.ctrlKey && !e.metaKey) {
          e.preventDefault()
          m.set('date', todayLocal())
        }
      }}
      data-path={path}
      describedBy={hint}
      after={
        <span className="date-today">
          <button type="button" className="link" onClick={() => m.set('date', todayLocal())} disabled={m.form.date === today}>
            {t('today')}
          </button>
          <span id={hint} className="muted">
            {' '}
            {t('orPressT')}
          </span>
        </span>
      }
    />
  )
}

/** Date, start time and protocol, with the plan and the progression advice for it. */
function WhenAndWhat({ m, protocols }: { m: SessionFormModel; protocols: Protocol[] }) {
  const { t } = useT('log')
  const f = useFieldOf(m)
  const { form } = m
  const choices = protocols.filter((p) => !p.archived || p.id === form.protocolId)
  const date = f('date', 'date')
  const time = f('time', 'startTime')
  const protocol = f('protocol', 'protocolId')
  return (
    <section className="card">
      <h2>{m.editing ? t('editHeading') : t('logHeading')}</h2>
      <div className="fields">
        <DateField m={m} id={date.id} error={date.error} path={date.path} />
        <InputField
          id={time.id}
          label={t('startTime')}
          error={time.error}
          className="narrow"
          type="time"
          value={form.startTime}
          onChange={(e) => m.set('startTime', e.target.value)}
          data-path={time.path}
        />
        <Field id={protocol.id} label={t('protocol')} error={protocol.error} className="grow">
          {(p) => (
            <select
              {...p}
              value={form.protocolId === null ? '' : String(form.protocolId)}
              onChange={(e) => m.chooseProtocol(e.target.value)}
              data-path={protocol.path}
              autoFocus={!m.editing}
            >
              <option value="">{t('freeFormOption')}</option>
              <ProtocolOptions protocols={choices} />
            </select>
          )}
        </Field>
      </div>
      {form.plan && (
        <p className="plan-line">
          {t('planLabel')} <code data-testid="plan">{formatNotation(form.plan)}</code>
          {m.protocol && m.protocol.description && <span className="muted">{t('planDescription', { description: protocolDescription(m.protocol) })}</span>}
        </p>
      )}
      <PlanSource m={m} />
      {!m.editing && <StartTimer m={m} />}
      {!m.editing && m.advice && (
        <AdviceCard
          advice={m.advice}
          onApply={m.planSource?.isCarried || m.applied ? m.applyAdvice : undefined}
          applied={m.applied}
          heading={
            m.planSource?.carried && !m.planSource.isCarried && !m.applied
              ? t('adviceLastPlan', { plan: formatNotation(m.planSource.carried.plan) })
              : m.protocol
                ? t('adviceProtocol', { name: protocolName(m.protocol) })
                : t('adviceThisProtocol')
          }
        />
      )}
    </section>
  )
}

/** Minutes typed in the form as whole seconds for the timer; what cannot be read is the usual length. */
function secondsOf(text: string, usual: number): number {
  const v = Number(text.trim().replace(',', '.'))
  return text.trim() !== '' && Number.isFinite(v) && v >= 0 && v <= 120 ? Math.round(v * 60) : usual
}

/** Runs the plan on the interval timer, with the warm-up and cool-down of the form. */
function StartTimer({ m }: { m: SessionFormModel }) {
  const { t } = useT('log')
  const { form } = m
  const plan = form.plan
  return (
    <p className="start-timer">
      <button
        type="button"
        disabled={!plan}
        title={plan ? undefined : t('timerNeedsProtocolTitle')}
        onClick={() =>
          plan &&
          openTimer({
            protocolId: form.protocolId,
            protocolName: m.protocol ? protocolName(m.protocol) : null,
            plan,
            warmupSeconds: secondsOf(form.warmupMin, 600),
            cooldownSeconds: secondsOf(form.cooldownMin, 300)
          })
        }
      >
        {t('startTimer')}
      </button>{' '}
      <span className="muted">{plan ? t('startTimerHint') : t('timerNeedsProtocol')}</span>
    </p>
  )
}

/** Where the plan comes from (the last session's plan carried forward, the advice, or the protocol), with the way back. */
function PlanSource({ m }: { m: SessionFormModel }) {
  const { t } = useT('log')
  const src = m.planSource
  if (!src) return null
  const carried = src.carried
  if (src.isProtocolPlan) {
    if (!carried) return null
    return (
      <p className="plan-source" data-testid="plan-source">
        <button type="button" className="link" onClick={() => m.switchPlan(carried.plan)}>
          {t('useLastPlan', { plan: formatNotation(carried.plan) })}
        </button>
      </p>
    )
  }
  const what = carried && src.isCarried ? t('carriedFrom', { date: formatDate(carried.from) }) : m.applied ? t('adviceApplied') : t('changedFromProtocol')
  return (
    <p className="plan-source" data-testid="plan-source">
      <span className="muted">{what}</span>{' '}
      <button type="button" className="link" onClick={() => m.switchPlan(src.protocolPlan)}>
        {rich(t, 'resetToProtocol', { plan: <span translate="no">{formatNotation(src.protocolPlan)}</span> })}
      </button>
    </p>
  )
}

/** A text field of the form bound to one of its keys. */
function useTextField(m: SessionFormModel) {
  const f = useFieldOf(m)
  return (name: string, path: string, label: string, key: 'warmupMin' | 'cooldownMin' | 'rpe' | 'notes', extra: { placeholder?: string; inputMode?: 'decimal' }, className?: string) => {
    const x = f(name, path)
    return <InputField id={x.id} label={label} error={x.error} className={className} {...extra} value={m.form[key]} onChange={(e) => m.set(key, e.target.value)} data-path={x.path} />
  }
}

/**
 * How hard it was, warm-up and cool-down: before the reps, so that a keyboard user logging a session as planned
 * reaches the session RPE in a few key presses from the date.
 */
function HowItWent({ m }: { m: SessionFormModel }) {
  const { t } = useT('log')
  const text = useTextField(m)
  const id = useId()
  return (
    <section className="card" aria-labelledby={`${id}-how`}>
      <h2 id={`${id}-how`}>{t('howHeading')}</h2>
      <div className="fields">
        {text('rpe', 'rpe', t('sessionRpe'), 'rpe', { inputMode: 'decimal', placeholder: t('rpePlaceholder') }, 'narrow')}
        {text('warmup', 'warmupSeconds', t('warmupMin'), 'warmupMin', { inputMode: 'decimal' }, 'narrow')}
        {text('cooldown', 'cooldownSeconds', t('cooldownMin'), 'cooldownMin', { inputMode: 'decimal' }, 'narrow')}
        <div className="field check">
          <label>
            <input type="checkbox" checked={m.form.couldNotRecover} onChange={(e) => m.set('couldNotRecover', e.target.checked)} /> {t('couldNotRecover')}
          </label>
        </div>
      </div>
    </section>
  )
}

/** Notes, then the summary and the buttons. */
function AfterTheReps({ m }: { m: SessionFormModel }) {
  const { t } = useT('log')
  const text = useTextField(m)
  const { errors } = m
  return (
    <section className="card">
      <div className="fields">
        {text('notes', 'notes', t('notes'), 'notes', { placeholder: t('notesPlaceholder') }, 'grow wide')}
      </div>
      <div className="submit-bar">
        <Summary m={m.metrics} />
        <div className="submit-actions">
          {m.editing && (
            <>
              <button type="button" className="danger" onClick={() => void m.remove()}>
                {t('delete')}
              </button>
              <button type="button" onClick={() => navigate({ name: 'history' })}>
                {t('cancel')}
              </button>
            </>
          )}
          <button type="submit" className="primary" disabled={m.busy}>
            {m.editing ? t('saveChanges') : m.asPlanned ? t('logAsPlanned') : t('saveSession')}
          </button>
        </div>
      </div>
      <ErrorText>{errors.form}</ErrorText>
      {Object.keys(errors).length > 0 && !errors.form && (
        <p className="error" role="alert">
          {t('nothingSaved')}
        </p>
      )}
    </section>
  )
}

interface Props {
  sessionId: number | undefined
  protocols: Protocol[]
  initial: SessionFormState
  /** Filled from the timer: the session RPE, the one thing left to give, has the focus. */
  fromTimer?: boolean
  onCreated?: () => void
}

/** The session form, section by section; the state lives in useSessionForm. */
export function SessionFormView({ sessionId, protocols, initial, fromTimer = false, onCreated }: Props) {
  const { t } = useT('log')
  const id = useId()
  const m = useSessionForm({ initial, protocols, sessionId, onCreated })
  // The reps' table is below the first screenful: it is drawn in a second pass just after the rest (a deferred
  // render), so that the top of the form shows without waiting for its rows.
  const withReps = useDeferredValue(true, false)
  useEffect(() => {
    if (fromTimer) document.querySelector<HTMLElement>('[data-path="rpe"]')?.focus()
  }, [fromTimer])
  return (
    <>
      <SavedCard m={m} protocols={protocols} />
      <form className="log-form" onSubmit={m.submit} noValidate aria-label={m.editing ? t('editHeading') : t('logForm')}>
        <WhenAndWhat m={m} protocols={protocols} />
        <HowItWent m={m} />
        <section className="card" aria-labelledby={`${id}-reps`}>
          <header className="card-head">
            <h2 id={`${id}-reps`}>{t('repsHeading')}</h2>
            <span className="muted">{t('repsHint')}</span>
          </header>
          {withReps && (
            <RepsTable reps={m.form.reps} errors={m.errors} loadUnit={m.form.loadUnit} distanceUnit={m.form.distanceUnit} onChange={(reps) => m.set('reps', reps)} />
          )}
          <ErrorText id={`${id}-reps-error`}>{m.errors.reps}</ErrorText>
        </section>
        <AfterTheReps m={m} />
      </form>
    </>
  )
}
