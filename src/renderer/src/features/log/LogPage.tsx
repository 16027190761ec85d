import { useCallback, useState } from 'react'
import { todayLocal } from '../../../../shared/dates'
import { ok, type Result } from '../../../../shared/result'
import type { Protocol } from '../../../../shared/training'
import { api } from '../../api'
import { ask, askAndLeave } from '../../api/early'
import { LAST_SESSION_INPUT, PROTOCOLS_INPUT, rememberChoice } from '../../api/inputs'
import { logChoice } from './logLoads'
import { useLoad } from '../../api/useLoad'
import { useSettings } from '../../settings'
import type { DistanceUnit, WeightUnit } from '../../../../shared/units'
import { SessionFormView } from './SessionFormView'
import { emptyForm, formFromSession, repsFromPlan, type SessionFormState } from './sessionForm'
import { formFromRun } from '../timer/runForm'
import { TimerBanner, type TimerOffer } from '../timer/TimerBanner'
import { clearTimer, loadTimer, standing } from '../timer/timerStore'
import { useWatchImport, WatchImport } from './WatchImport'
import { SessionSource } from './SourceLine'
import './log.css'
import { useT } from '../../i18n'

/** What the form starts from: the protocols to choose from, and the session to edit or the new one's defaults. */
interface Start {
  protocols: Protocol[]
  initial: SessionFormState
  /** A session of the timer to log (the form is filled from it) or to resume. */
  timer: TimerOffer | null
}

/** The units the form opens in: the runner's weight unit and distance unit. */
interface Units {
  weight: WeightUnit
  distance: DistanceUnit
}

/** The timer's saved session, if any: finished, it fills the form; under way, it is offered to resume or log. */
function timerOffer(unit: Units): { offer: TimerOffer; initial: SessionFormState | null } | null {
  const saved = loadTimer()
  if (!saved || saved.events.length === 0) return null
  const s = standing(saved)
  if (s.status === 'ready') return null
  if (s.status === 'done' || s.status === 'stopped') return { offer: { kind: 'filled', saved, run: s.run }, initial: formFromRun(saved.setup, s.run, unit.weight, unit.distance) }
  return { offer: { kind: 'unfinished', saved, run: s.run }, initial: null }
}

/**
 * The protocols, and the session to edit or the new session's start, asked for together (and taken from what was
 * asked for as the screen opened: logLoads.ts).
 */
async function loadStart(sessionId: number | undefined, unit: Units): Promise<Result<Start>> {
  if (sessionId !== undefined) {
    const [list, session] = await Promise.all([ask(api.protocols.list, PROTOCOLS_INPUT), ask(api.sessions.get, { id: sessionId })])
    if (!list.ok) return list
    return session.ok ? ok({ protocols: list.value, initial: formFromSession(session.value, unit.weight, unit.distance), timer: null }) : session
  }
  const timer = timerOffer(unit)
  if (timer?.initial) {
    const list = await ask(api.protocols.list, PROTOCOLS_INPUT)
    return list.ok ? ok({ protocols: list.value, initial: timer.initial, timer: timer.offer }) : list
  }
  // Start from the protocol the runner is most likely doing (`logChoice`).
  const today = todayLocal()
  const [list, blocks, last] = await Promise.all([ask(api.protocols.list, PROTOCOLS_INPUT), ask(api.blocks.list, { today }), ask(api.sessions.list, LAST_SESSION_INPUT)])
  if (!list.ok) return list
  const protocols = list.value
  const p = logChoice(protocols, blocks, last, today)
  rememberChoice(p?.id ?? null)
  const initial = emptyForm(unit.weight, unit.distance)
  if (!p) return ok({ protocols, initial, timer: timer?.offer ?? null })
  // Progression carries forward: the plan of the last session of that protocol, else the protocol's own. The
  // form shows the same advice (useSessionForm): it takes this answer rather than asking again.
  const next = await askAndLeave(api.advice.forProtocol, { protocolId: p.id, today })
  const plan = next.ok ? next.value.start : p.groups
  return ok({ protocols, initial: { ...initial, protocolId: p.id, plan, reps: repsFromPlan(plan, unit.weight, unit.distance) }, timer: timer?.offer ?? null })
}

interface Props {
  /** Edit this session; log a new one when absent. */
  sessionId?: number
}

/** The Log screen: a new session, or an existing one to edit. */
export function LogPage({ sessionId }: Props) {
  const { t } = useT('log')
  // Loads, distances and speeds are typed in the runner's units: the form waits for the settings; a later change of
  // unit converts the form's values in place (useSessionForm) rather than starting the form again.
  const { settings, loaded } = useSettings()
  const [unit, setUnit] = useState<Units | null>(null)
  if (loaded && unit === null) setUnit({ weight: settings.weightUnit, distance: settings.distanceUnit })
  const load = useCallback(() => loadStart(sessionId, unit ?? { weight: 'kg', distance: 'km' }), [sessionId, unit])
  const start = useLoad(unit !== null ? load : null)
  // A new round of the form when the timer's session was logged, discarded or stopped here.
  const [round, setRound] = useState(0)
  // Once the session filled from the timer is saved, the timer's copy is gone and so is its banner.
  const [logged, setLogged] = useState(false)
  const again = () => {
    setRound((r) => r + 1)
    setLogged(false)
    start.reload()
  }
  const watch = useWatchImport(start.state === 'ok' ? start.value.protocols : [], unit?.weight ?? 'kg', unit?.distance ?? 'km')
  const timer = start.state === 'ok' && !start.stale && !logged ? start.value.timer : null
  const timerLogged = () => {
    clearTimer()
    setLogged(true)
  }
  return (
    <div className="page log-page">
      {start.state === 'error' && (
        <p className="banner error" role="alert">
          {start.message}
        </p>
      )}
      {timer && <TimerBanner offer={timer} onChange={again} />}
      {sessionId === undefined && start.state === 'ok' && <WatchImport model={watch} />}
      {sessionId !== undefined && <SessionSource sessionId={sessionId} />}
      {start.state === 'ok' && !start.stale ? (
        <SessionFormView
          key={`${sessionId ?? 'new'}:${round}:${watch.round}`}
          sessionId={sessionId}
          protocols={start.value.protocols}
          initial={watch.form ?? start.value.initial}
          fromTimer={timer?.kind === 'filled' && !watch.form}
          onCreated={watch.form ? watch.onSaved : timer?.kind === 'filled' ? timerLogged : undefined}
        />
      ) : (
        start.state !== 'error' && <p className="empty">{t('common:loading')}</p>
      )}
    </div>
  )
}
