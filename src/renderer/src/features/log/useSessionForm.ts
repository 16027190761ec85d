import { type FormEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { todayLocal } from '../../../../shared/dates'
import type { Advice, NextSessionAdvice } from '../../../../shared/metrics/progression'
import { needsEarlierWalkDown, sessionMetrics, type SessionMetrics } from '../../../../shared/metrics/session'
import type { Protocol, RepeatGroup, Session } from '../../../../shared/training'
import { api } from '../../api'
import { ask } from '../../api/early'
import { useLoad } from '../../api/useLoad'
import { errorsFromResult } from '../../components/fieldErrors'
import { useToast, useUndoable } from '../../components/Toast'
import { navigate } from '../../router'
import { useSettings } from '../../settings'
import { formatDate, tr } from '../../i18n'
import { blankRep, emptyForm, type Errors, repsFromPlan, type RepFormState, type SessionFormState, toInput, withDistanceUnit, withLoadUnit } from './sessionForm'

/** The reps as typed, without their keys and what a unit switch remembers of them. */
const strip = (reps: RepFormState[]) => JSON.stringify(reps.map(({ key: _key, distanceTyped: _d, speedTyped: _s, ...rest }) => rest))
const samePlan = (a: readonly RepeatGroup[] | null, b: readonly RepeatGroup[] | null) => JSON.stringify(a) === JSON.stringify(b)
/** The reps are still exactly what the plan prefilled: nothing typed yet that a new plan would throw away. */
const untouched = (d: SessionFormState) => d.plan !== null && strip(d.reps) === strip(repsFromPlan(d.plan, d.loadUnit, d.distanceUnit))

/** What the "session logged" card shows. */
export interface Saved {
  session: Session
  metrics: SessionMetrics
  advice: Advice | null
}

/** The walk-down estimate's second source of a saved session, exactly as the back end took it (metrics/session.ts). */
async function savedWalkDown(s: Session): Promise<number | null> {
  if (!needsEarlierWalkDown(s.reps)) return null
  const r = await api.sessions.walkDownBefore({ protocolId: s.protocolId, date: s.date, sessionId: s.id })
  return r.ok ? r.value.seconds : null
}

async function adviceFor(protocolId: number | null): Promise<Advice | null> {
  if (protocolId === null) return null
  const r = await api.advice.forProtocol({ protocolId, today: todayLocal() })
  return r.ok ? r.value : null
}

/**
 * The session form: what is typed (`form`), what is wrong with it, and what follows from it (the checked
 * input, the live metrics, whether the reps are as planned), with the actions that change it.
 */
export function useSessionForm({
  initial,
  protocols,
  sessionId,
  onCreated
}: {
  initial: SessionFormState
  protocols: Protocol[]
  sessionId: number | undefined
  /** Called once a new session is saved (the timer's session it was filled from is then logged). */
  onCreated?: () => void
}) {
  const toast = useToast()
  const undoable = useUndoable()
  const editing = sessionId !== undefined
  const [form, setForm] = useState<SessionFormState>(initial)
  const [errors, setErrors] = useState<Errors>({})
  const [applied, setApplied] = useState(false)
  const [busy, setBusy] = useState(false)
  const [saved, setSaved] = useState<Saved | null>(null)

  // The kg/lb switch changes the unit the loads are shown and typed in, keeping what was typed.
  // The km/mi switch likewise changes distances (m or yd) and treadmill speeds (km/h or mph).
  const { weightUnit, distanceUnit } = useSettings().settings
  if (form.loadUnit !== weightUnit) setForm((d) => withLoadUnit(d, weightUnit))
  if (form.distanceUnit !== distanceUnit) setForm((d) => withDistanceUnit(d, distanceUnit))

  const protocolId = form.protocolId
  const loadAdvice = useCallback(() => ask(api.advice.forProtocol, { protocolId: protocolId ?? 0, today: todayLocal() }), [protocolId])
  const adviceLoad = useLoad<NextSessionAdvice>(!editing && protocolId !== null ? loadAdvice : null)
  const advice = adviceLoad.state === 'ok' && protocolId !== null ? adviceLoad.value : null
  const fresh = adviceLoad.state === 'ok' && !adviceLoad.stale ? adviceLoad.value : null

  // A newly chosen protocol starts from its carried plan (the last saved session's) once the advice brings it,
  // unless the runner has already typed into the reps. The form's first protocol arrives with it (LogPage).
  const seeded = useRef<number | null>(initial.protocolId)
  useEffect(() => {
    if (editing || !fresh || protocolId === null || seeded.current === protocolId) return
    seeded.current = protocolId
    setForm((d) =>
      d.protocolId === protocolId && untouched(d) && !samePlan(d.plan, fresh.start) ? { ...d, plan: fresh.start, reps: repsFromPlan(fresh.start, d.loadUnit, d.distanceUnit) } : d
    )
  }, [editing, fresh, protocolId])

  const set = <K extends keyof SessionFormState>(key: K, value: SessionFormState[K]) => setForm((d) => ({ ...d, [key]: value }))

  function chooseProtocol(value: string) {
    const protocol = protocols.find((p) => String(p.id) === value) ?? null
    seeded.current = null
    setApplied(false)
    setErrors({})
    setForm((d) =>
      protocol
        ? { ...d, protocolId: protocol.id, plan: protocol.groups, reps: repsFromPlan(protocol.groups, d.loadUnit, d.distanceUnit) }
        : { ...d, protocolId: null, plan: null, reps: d.reps.length > 0 ? d.reps : [blankRep()] }
    )
  }

  function applyAdvice() {
    if (!advice) return
    setForm((d) => ({ ...d, plan: advice.plan, reps: repsFromPlan(advice.plan, d.loadUnit, d.distanceUnit) }))
    setApplied(true)
  }

  /** Back to the protocol's own plan, or on to the plan carried forward from the last session. */
  function switchPlan(plan: RepeatGroup[]) {
    setForm((d) => ({ ...d, plan, reps: repsFromPlan(plan, d.loadUnit, d.distanceUnit) }))
    setApplied(false)
    setErrors({})
  }

  const checked = useMemo(() => toInput(form, todayLocal()), [form])
  const plannedReps = form.plan ? form.plan.reduce((n, g) => n + g.count, 0) : form.reps.length
  // An untimed walk-down without a timed one in the session is estimated from the earlier sessions of the protocol.
  const walkDownDate = checked.ok && needsEarlierWalkDown(checked.reps) ? checked.input.date : null
  const loadWalkDown = useCallback(
    () => api.sessions.walkDownBefore({ protocolId, date: walkDownDate ?? todayLocal(), ...(sessionId !== undefined ? { sessionId } : {}) }),
    [protocolId, walkDownDate, sessionId]
  )
  const walkDown = useLoad(walkDownDate !== null ? loadWalkDown : null)
  const earlierWalkDown = walkDown.state === 'ok' ? walkDown.value.seconds : null
  const metrics = checked.ok ? sessionMetrics({ ...checked.input, plannedReps, reps: checked.reps }, earlierWalkDown) : null
  const asPlanned = form.plan !== null && strip(form.reps) === strip(repsFromPlan(form.plan, form.loadUnit, form.distanceUnit))
  const protocol = protocols.find((p) => p.id === form.protocolId) ?? null
  /** Where the plan came from, for the plan line and its reset control (null for a free-form session or when editing). */
  const planSource = editing || !protocol || !form.plan ? null : {
    protocolPlan: protocol.groups,
    isProtocolPlan: samePlan(form.plan, protocol.groups),
    /** The plan carried forward from the last session, when it differs from the protocol's. */
    carried: fresh && fresh.startFrom !== null && !samePlan(fresh.start, protocol.groups) ? { plan: fresh.start, from: fresh.startFrom } : null,
    isCarried: fresh !== null && samePlan(form.plan, fresh.start)
  }

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (!checked.ok) {
      setErrors(checked.errors)
      const first = Object.keys(checked.errors)[0]
      if (first) document.querySelector<HTMLElement>(`[data-path="${first}"]`)?.focus()
      return
    }
    setBusy(true)
    const r = editing ? await api.sessions.update({ id: sessionId, ...checked.input }) : await api.sessions.create(checked.input)
    setBusy(false)
    if (!r.ok) {
      setErrors(errorsFromResult(r.error))
      return
    }
    setErrors({})
    if (editing) {
      toast.show(tr('log:toastSaved', { date: formatDate(r.value.date) }))
      navigate({ name: 'history' })
      return
    }
    onCreated?.()
    setSaved({ session: r.value, metrics: sessionMetrics(r.value, await savedWalkDown(r.value)), advice: await adviceFor(r.value.protocolId) })
    // The next session starts where this one ended: its plan carries forward (reset to the protocol's plan is one
    // click), and its date stays where the runner put it, so a backlog is logged without retyping it (today is one key).
    const nextPlan = protocol ? (r.value.plan ?? protocol.groups) : null
    setForm((d) => ({ ...emptyForm(d.loadUnit, d.distanceUnit), date: d.date, protocolId: d.protocolId, plan: nextPlan, reps: nextPlan ? repsFromPlan(nextPlan, d.loadUnit, d.distanceUnit) : [blankRep()] }))
    setApplied(false)
    adviceLoad.reload()
    walkDown.reload()
  }

  async function remove() {
    if (sessionId === undefined) return
    const removed = await undoable({
      run: () => api.sessions.delete({ id: sessionId }),
      done: tr('log:toastDeleted', { date: formatDate(form.date) }),
      undo: () => api.sessions.restore({ id: sessionId }),
      undone: (s) => tr('log:toastRestored', { date: formatDate(s.date) })
    })
    if (removed) navigate({ name: 'history' })
  }

  return {
    editing,
    form,
    set,
    errors,
    advice,
    applied,
    busy,
    saved,
    dismissSaved: () => setSaved(null),
    metrics,
    asPlanned,
    protocol,
    chooseProtocol,
    applyAdvice,
    planSource,
    switchPlan,
    submit,
    remove
  }
}

export type SessionFormModel = ReturnType<typeof useSessionForm>
