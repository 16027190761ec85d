import { type FormEvent, useCallback, useEffect, useId, useMemo, useState } from 'react'
import { todayLocal } from '../../../../shared/dates'
import type { Advice } from '../../../../shared/metrics/progression'
import { clock, sessionMetrics, type SessionMetrics } from '../../../../shared/metrics/session'
import { formatNotation } from '../../../../shared/notation'
import type { Protocol, Session } from '../../../../shared/training'
import { api } from '../../api'
import { useToast, useUndoable } from '../../components/Toast'
import { navigate } from '../../router'
import { AdviceCard } from './AdviceCard'
import { blankRep, draftFromSession, type Errors, repsFromPlan, type RepDraft, type SessionDraft, toInput } from './draft'
import { RepsTable } from './RepsTable'
import './log.css'
import { ErrorText } from '../../components/ErrorText'

function emptyDraft(): SessionDraft {
  return {
    date: todayLocal(),
    startTime: '',
    protocolId: null,
    plan: null,
    warmupMin: '10',
    cooldownMin: '5',
    rpe: '',
    couldNotRecover: false,
    notes: '',
    reps: [blankRep()]
  }
}

const strip = (reps: RepDraft[]) => JSON.stringify(reps.map(({ key: _key, ...rest }) => rest))

function errorsOf(issues: { path: string; message: string }[] | undefined, fallback: string): Errors {
  const out: Errors = {}
  for (const i of issues ?? []) out[i.path || 'form'] ??= i.message
  if (Object.keys(out).length === 0) out.form = fallback
  return out
}

function Summary({ m }: { m: SessionMetrics | null }) {
  return (
    <dl className="stats session-summary" aria-label="Session summary">
      <div>
        <dt>Reps done</dt>
        <dd data-testid="sum-reps">{m ? `${m.repsDone} / ${m.repsPlanned}` : '–'}</dd>
      </div>
      <div>
        <dt>Work time</dt>
        <dd data-testid="sum-work">{m ? clock(m.workSeconds) : '–'}</dd>
      </div>
      <div>
        <dt>Duration</dt>
        <dd data-testid="sum-duration">{m ? clock(m.durationSeconds) : '–'}</dd>
      </div>
      <div>
        <dt>Load (sRPE)</dt>
        <dd data-testid="sum-load">{m?.load != null ? Math.round(m.load) : '–'}</dd>
      </div>
    </dl>
  )
}

interface Props {
  /** Edit this session; log a new one when absent. */
  sessionId?: number
}

export function LogPage({ sessionId }: Props) {
  const id = useId()
  const toast = useToast()
  const undoable = useUndoable()
  const editing = sessionId !== undefined
  const [protocols, setProtocols] = useState<Protocol[]>([])
  const [draft, setDraft] = useState<SessionDraft>(emptyDraft)
  const [errors, setErrors] = useState<Errors>({})
  const [advice, setAdvice] = useState<Advice | null>(null)
  const [applied, setApplied] = useState(false)
  const [busy, setBusy] = useState(false)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [saved, setSaved] = useState<{ session: Session; metrics: SessionMetrics; advice: Advice | null } | null>(null)

  useEffect(() => {
    let live = true
    void (async () => {
      const r = await api.protocols.list({ includeArchived: true })
      if (!live) return
      if (!r.ok) return setLoadError(r.error.message)
      setProtocols(r.value)
      if (sessionId !== undefined) return
      // Start from the protocol the runner is most likely doing: the current block's, else the last one used.
      const [block, last] = await Promise.all([api.blocks.current({ today: todayLocal() }), api.sessions.list({ limit: 1, offset: 0 })])
      const preferred = (block.ok && block.value?.block.protocolId) || (last.ok && last.value.items[0]?.protocolId) || null
      const p = r.value.find((x) => x.id === preferred && !x.archived)
      if (live && p) setDraft((d) => (d.protocolId === null && d.plan === null ? { ...d, protocolId: p.id, plan: p.groups, reps: repsFromPlan(p.groups) } : d))
    })()
    return () => {
      live = false
    }
  }, [sessionId])

  useEffect(() => {
    if (sessionId === undefined) return
    void api.sessions.get({ id: sessionId }).then((r) => (r.ok ? setDraft(draftFromSession(r.value)) : setLoadError(r.error.message)))
  }, [sessionId])

  const loadAdvice = useCallback(async (protocolId: number | null): Promise<Advice | null> => {
    if (protocolId === null) return null
    const r = await api.advice.forProtocol({ protocolId })
    return r.ok ? r.value : null
  }, [])

  useEffect(() => {
    if (editing) return
    let live = true
    void loadAdvice(draft.protocolId).then((a) => live && setAdvice(a))
    return () => {
      live = false
    }
  }, [draft.protocolId, editing, loadAdvice])

  const set = <K extends keyof SessionDraft>(key: K, value: SessionDraft[K]) => setDraft((d) => ({ ...d, [key]: value }))

  function chooseProtocol(value: string) {
    const protocol = protocols.find((p) => String(p.id) === value) ?? null
    setApplied(false)
    setErrors({})
    setDraft((d) =>
      protocol
        ? { ...d, protocolId: protocol.id, plan: protocol.groups, reps: repsFromPlan(protocol.groups) }
        : { ...d, protocolId: null, plan: null, reps: d.reps.length > 0 ? d.reps : [blankRep()] }
    )
  }

  function applyAdvice() {
    if (!advice) return
    setDraft((d) => ({ ...d, plan: advice.plan, reps: repsFromPlan(advice.plan) }))
    setApplied(true)
  }

  const checked = useMemo(() => toInput(draft, todayLocal()), [draft])
  const metrics = checked.ok ? sessionMetrics({ ...checked.input, plannedReps: draft.plan ? draft.plan.reduce((n, g) => n + g.count, 0) : draft.reps.length, reps: checked.reps }) : null
  const asPlanned = draft.plan !== null && strip(draft.reps) === strip(repsFromPlan(draft.plan))
  const protocol = protocols.find((p) => p.id === draft.protocolId) ?? null

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
      setErrors(errorsOf(r.error.issues, r.error.message))
      return
    }
    setErrors({})
    if (editing) {
      toast.show(`Saved the session of ${r.value.date}.`)
      navigate({ name: 'history' })
      return
    }
    const m = sessionMetrics(r.value)
    setSaved({ session: r.value, metrics: m, advice: await loadAdvice(r.value.protocolId) })
    setDraft((d) => ({ ...emptyDraft(), protocolId: d.protocolId, plan: protocol?.groups ?? null, reps: protocol ? repsFromPlan(protocol.groups) : [blankRep()] }))
    setApplied(false)
    setAdvice(await loadAdvice(r.value.protocolId))
  }

  async function remove() {
    if (sessionId === undefined) return
    const removed = await undoable({
      run: () => api.sessions.delete({ id: sessionId }),
      done: `Deleted the session of ${draft.date}.`,
      undo: () => api.sessions.restore({ id: sessionId }),
      undone: (s) => `Restored the session of ${s.date}.`
    })
    if (removed) navigate({ name: 'history' })
  }

  const field = (path: string) => ({
    'data-path': path,
    'aria-invalid': errors[path] ? true : undefined,
    'aria-describedby': errors[path] ? `${id}-${path}-error` : undefined
  })
  const errorText = (path: string) => <ErrorText id={`${id}-${path}-error`}>{errors[path]}</ErrorText>

  const choices = protocols.filter((p) => !p.archived || p.id === draft.protocolId)

  return (
    <div className="page log-page">
      {loadError && (
        <p className="banner error" role="alert">
          {loadError}
        </p>
      )}

      {saved && (
        <section className="card saved" aria-label="Session logged">
          <header className="card-head">
            <h2>
              Logged {saved.session.protocolName ?? 'free-form session'} on {saved.session.date}
            </h2>
            <button type="button" className="icon" aria-label="Close" onClick={() => setSaved(null)}>
              ×
            </button>
          </header>
          <Summary m={saved.metrics} />
          {saved.advice && <AdviceCard advice={saved.advice} heading="for your next session" />}
          <p>
            <a href="#/history">See it in the history</a>
          </p>
        </section>
      )}

      <form className="log-form" onSubmit={submit} noValidate aria-label={editing ? 'Edit session' : 'Log session'}>
        <section className="card">
          <h2>{editing ? 'Edit session' : 'Log a session'}</h2>
          <div className="fields">
            <div className="field">
              <label htmlFor={`${id}-date`}>Date</label>
              <input id={`${id}-date`} type="date" value={draft.date} max={todayLocal()} onChange={(e) => set('date', e.target.value)} {...field('date')} />
              {errorText('date')}
            </div>
            <div className="field narrow">
              <label htmlFor={`${id}-time`}>Start time (optional)</label>
              <input id={`${id}-time`} type="time" value={draft.startTime} onChange={(e) => set('startTime', e.target.value)} {...field('startTime')} />
              {errorText('startTime')}
            </div>
            <div className="field grow">
              <label htmlFor={`${id}-protocol`}>Protocol</label>
              <select
                id={`${id}-protocol`}
                value={draft.protocolId === null ? '' : String(draft.protocolId)}
                onChange={(e) => chooseProtocol(e.target.value)}
                {...field('protocolId')}
                autoFocus={!editing}
              >
                <option value="">Free-form (no protocol)</option>
                {choices.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                    {p.archived ? ' (archived)' : ''}
                  </option>
                ))}
              </select>
              {errorText('protocolId')}
            </div>
          </div>
          {draft.plan && (
            <p className="plan-line">
              Plan: <code data-testid="plan">{formatNotation(draft.plan)}</code>
              {protocol && protocol.description && <span className="muted"> — {protocol.description}</span>}
            </p>
          )}
          {!editing && advice && <AdviceCard advice={advice} onApply={applyAdvice} applied={applied} heading={`for ${protocol?.name ?? 'this protocol'}`} />}
        </section>

        <section className="card" aria-labelledby={`${id}-reps`}>
          <header className="card-head">
            <h2 id={`${id}-reps`}>Reps</h2>
            <span className="muted">Edit what differed from the plan. Untick “Done” for a rep you abandoned.</span>
          </header>
          <RepsTable reps={draft.reps} errors={errors} onChange={(reps) => set('reps', reps)} />
          {errorText('reps')}
        </section>

        <section className="card">
          <div className="fields">
            <div className="field narrow">
              <label htmlFor={`${id}-warmup`}>Warm-up (min)</label>
              <input id={`${id}-warmup`} inputMode="decimal" value={draft.warmupMin} onChange={(e) => set('warmupMin', e.target.value)} {...field('warmupSeconds')} />
              {errorText('warmupSeconds')}
            </div>
            <div className="field narrow">
              <label htmlFor={`${id}-cooldown`}>Cool-down (min)</label>
              <input id={`${id}-cooldown`} inputMode="decimal" value={draft.cooldownMin} onChange={(e) => set('cooldownMin', e.target.value)} {...field('cooldownSeconds')} />
              {errorText('cooldownSeconds')}
            </div>
            <div className="field narrow">
              <label htmlFor={`${id}-rpe`}>Session RPE (0–10)</label>
              <input id={`${id}-rpe`} inputMode="decimal" placeholder="e.g. 8" value={draft.rpe} onChange={(e) => set('rpe', e.target.value)} {...field('rpe')} />
              {errorText('rpe')}
            </div>
            <div className="field check">
              <label>
                <input type="checkbox" checked={draft.couldNotRecover} onChange={(e) => set('couldNotRecover', e.target.checked)} /> Could not recover
                between reps
              </label>
            </div>
            <div className="field grow">
              <label htmlFor={`${id}-notes`}>Notes</label>
              <input id={`${id}-notes`} value={draft.notes} placeholder="e.g. windy, wet grass" onChange={(e) => set('notes', e.target.value)} {...field('notes')} />
              {errorText('notes')}
            </div>
          </div>
          <div className="submit-bar">
            <Summary m={metrics} />
            <div className="submit-actions">
              {editing && (
                <>
                  <button type="button" className="danger" onClick={() => void remove()}>
                    Delete
                  </button>
                  <button type="button" onClick={() => navigate({ name: 'history' })}>
                    Cancel
                  </button>
                </>
              )}
              <button type="submit" className="primary" disabled={busy}>
                {editing ? 'Save changes' : asPlanned ? 'Log as planned' : 'Save session'}
              </button>
            </div>
          </div>
          {errorText('form')}
          {Object.keys(errors).length > 0 && !errors.form && (
            <p className="error" role="alert">
              Nothing was saved: correct the fields marked in red.
            </p>
          )}
        </section>
      </form>
    </div>
  )
}
