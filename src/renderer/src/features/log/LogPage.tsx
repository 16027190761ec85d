import { useCallback, useState } from 'react'
import { todayLocal } from '../../../../shared/dates'
import { defaultProtocol } from '../../../../shared/metrics/defaultProtocol'
import { ok, type Result } from '../../../../shared/result'
import type { Protocol } from '../../../../shared/training'
import { api } from '../../api'
import { useLoad } from '../../api/useLoad'
import { useSettings } from '../../settings'
import type { WeightUnit } from '../../../../shared/units'
import { SessionFormView } from './SessionFormView'
import { emptyForm, formFromSession, repsFromPlan, type SessionFormState } from './sessionForm'
import './log.css'

/** What the form starts from: the protocols to choose from, and the session to edit or the new one's defaults. */
interface Start {
  protocols: Protocol[]
  initial: SessionFormState
}

async function loadStart(sessionId: number | undefined, unit: WeightUnit): Promise<Result<Start>> {
  const list = await api.protocols.list({ includeArchived: true })
  if (!list.ok) return list
  const protocols = list.value
  if (sessionId !== undefined) {
    const session = await api.sessions.get({ id: sessionId })
    return session.ok ? ok({ protocols, initial: formFromSession(session.value, unit) }) : session
  }
  // Start from the protocol the runner is most likely doing (`defaultProtocol`): the current block's, else the last
  // block's, else the next block's, else the last session's.
  const today = todayLocal()
  const [blocks, last] = await Promise.all([api.blocks.list({ today }), api.sessions.list({ limit: 1, offset: 0 })])
  const choice = defaultProtocol({
    blocks: blocks.ok ? blocks.value.map((b) => b.block) : [],
    today,
    lastSessionProtocolId: (last.ok && last.value.items[0]?.protocolId) || null,
    protocols
  })
  const p = protocols.find((x) => x.id === choice?.protocolId)
  const initial = emptyForm(unit)
  if (!p) return ok({ protocols, initial })
  // Progression carries forward: the plan of the last session of that protocol, else the protocol's own.
  const next = await api.advice.forProtocol({ protocolId: p.id, today })
  const plan = next.ok ? next.value.start : p.groups
  return ok({ protocols, initial: { ...initial, protocolId: p.id, plan, reps: repsFromPlan(plan, unit) } })
}

interface Props {
  /** Edit this session; log a new one when absent. */
  sessionId?: number
}

/** The Log screen: a new session, or an existing one to edit. */
export function LogPage({ sessionId }: Props) {
  // Loads are typed in the runner's unit: the form waits for the settings; a later change of unit converts the
  // form's loads in place (useSessionForm) rather than starting the form again.
  const { settings, loaded } = useSettings()
  const [unit, setUnit] = useState<WeightUnit | null>(null)
  if (loaded && unit === null) setUnit(settings.weightUnit)
  const load = useCallback(() => loadStart(sessionId, unit ?? 'kg'), [sessionId, unit])
  const start = useLoad(unit !== null ? load : null)
  return (
    <div className="page log-page">
      {start.state === 'error' && (
        <p className="banner error" role="alert">
          {start.message}
        </p>
      )}
      {start.state === 'ok' && !start.stale ? (
        <SessionFormView key={sessionId ?? 'new'} sessionId={sessionId} {...start.value} />
      ) : (
        start.state !== 'error' && <p className="empty">Loading…</p>
      )}
    </div>
  )
}
