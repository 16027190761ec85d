import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react'
import { durationClock } from '../../../../shared/duration'
import {
  advance,
  apply,
  type Cue,
  type Phase,
  RECOVERY_STEP_SECONDS,
  type TimerEvent,
  type TimerState,
  type TimerView,
  viewAt
} from '../../../../shared/timer'
import { navigate } from '../../router'
import { useSettings } from '../../settings'
import type { DistanceUnit } from '../../../../shared/units'
import { CuePlayer, epochClock, ScreenAwake } from './cues'
import { cueSpeech, phaseLabel, phaseName } from './cueText'
import { useT } from '../../i18n'
import { withLinks } from './withLinks'
import { loadMuted, loadTimer, restore, type SavedTimer, saveMuted, saveTimer } from './timerStore'
import './timer.css'


/** The big clock: time left, rounded up to the second (a countdown shows 0:01 until the change); an untimed phase counts up. */
function clockText(v: TimerView, first: Phase | undefined): string {
  if (v.status === 'ready') return first?.plannedMs != null ? durationClock(first.plannedMs / 1000) : '0:00'
  if (v.remainingMs !== null) return durationClock(Math.ceil(v.remainingMs / 1000 - 1e-9))
  return durationClock(Math.floor(v.phaseMs / 1000))
}

interface LoggedCue {
  key: string
  kind: Cue['kind']
  /** Ms from the start of the session. */
  atMs: number
  late: boolean
  text: string
}

const cueWords = (c: Cue, phases: readonly Phase[], unit: DistanceUnit) => cueSpeech(c, phases, unit) ?? String(c.count ?? '')

/** The full-window interval timer of the saved session (timerStore): it renders the state machine and plays its cues. */
export function TimerPage() {
  const [initial] = useState(() => {
    const s = loadTimer()
    return s ? restore(s) : null
  })
  const { t } = useT('timer')
  if (!initial) {
    return (
      <div className="timer timer-empty" data-testid="timer">
        <h1>{t('emptyHeading')}</h1>
        <p>
          {withLinks(t('emptyHint', { log: '{log}', dashboard: '{dashboard}' }), {
            log: <a href="#/log">{t('emptyLinkLog')}</a>,
            dashboard: <a href="#/dashboard">{t('emptyLinkDashboard')}</a>
          })}
        </p>
      </div>
    )
  }
  return <TimerRun initial={initial} />
}

function TimerRun({ initial }: { initial: { saved: SavedTimer; state: TimerState } }) {
  const { t } = useT('timer')
  const id = useId()
  const clock = useMemo(epochClock, [])
  const saved = useRef(initial.saved)
  const state = useRef(initial.state)
  const player = useRef<CuePlayer | null>(null)
  const awake = useRef<ScreenAwake | null>(null)
  const lastKey = useRef('')
  const [view, setView] = useState(() => viewAt(initial.state, clock()))
  const [log, setLog] = useState<LoggedCue[]>([])
  const [muted, setMuted] = useState(loadMuted)
  const [asking, setAsking] = useState(false)
  const phases = initial.state.phases
  const reps = view.reps
  // A distance rep is called and shown in metres or yards, as the km / mi switch says.
  const distanceUnit = useSettings().settings.distanceUnit

  useEffect(() => {
    player.current = new CuePlayer(loadMuted())
    awake.current = new ScreenAwake()
    // A session found running (the window was closed) is saved as paused from when it was last seen.
    saveTimer(saved.current)
    // Leaving the timer (another screen, the window closing) notes when it was last seen running.
    const seen = () => {
      if (state.current.status === 'running') saveTimer({ ...saved.current, seenAt: clock() })
    }
    window.addEventListener('pagehide', seen)
    return () => {
      seen()
      window.removeEventListener('pagehide', seen)
      player.current?.close()
      awake.current?.dispose()
    }
  }, [clock])

  const count = useRef<HTMLParagraphElement>(null)
  const show = useCallback((now: number) => {
    const v = viewAt(state.current, now)
    // The exact time left, stamped at every look (not only at redraws), for whoever reads the page (the tests).
    const el = count.current
    if (el) {
      const first = state.current.phases[0]
      el.dataset.remainingMs = String(v.status === 'ready' ? (first?.plannedMs ?? '') : (v.remainingMs ?? ''))
      el.dataset.phaseMs = String(v.phaseMs)
    }
    // Redraw when what is shown changes, to the 100 ms.
    const key = `${v.status}|${v.index}|${Math.ceil((v.remainingMs ?? -1) / 100)}|${Math.floor(v.phaseMs / 100)}|${Math.floor(v.elapsedMs / 100)}|${v.abandoned.length}`
    if (key === lastKey.current) return
    lastKey.current = key
    setView(v)
  }, [])

  useEffect(() => show(clock()), [clock, show])

  const heard = useCallback((cues: Cue[]) => {
    if (cues.length === 0) return
    const phases = state.current.phases
    for (const c of cues) player.current?.play(c, cueSpeech(c, phases, distanceUnit))
    const start = state.current.startedAt ?? 0
    setLog((l) => [...l, ...cues.map((c) => ({ key: c.key, kind: c.kind, atMs: Math.round(c.at - start), late: c.late, text: cueWords(c, phases, distanceUnit) }))])
  }, [distanceUnit])

  const over = view.status === 'done' || view.status === 'stopped'
  useEffect(() => {
    // The log form opens filled with what was run (LogPage reads the saved session).
    if (over) navigate({ name: 'log' })
  }, [over])

  const persist = useCallback((now: number, events?: TimerEvent[]) => {
    saved.current = { ...saved.current, events: events ?? saved.current.events, seenAt: now }
    saveTimer(saved.current)
  }, [])

  const tick = useCallback(() => {
    const now = clock()
    const before = state.current
    const r = advance(before, now)
    state.current = r.state
    heard(r.cues)
    // Saved at each change of phase (the end included: seen at or after it, the session reads as done) and each second.
    if (r.state.index !== before.index || r.state.status !== before.status || (r.state.status === 'running' && now - saved.current.seenAt >= 1000)) persist(now)
    show(now)
  }, [clock, heard, persist, show])

  const send = useCallback(
    (e: Omit<TimerEvent, 'at'> & { seconds?: number }) => {
      player.current?.unlock()
      const now = clock()
      const event = { ...e, at: now } as TimerEvent
      const r = apply(state.current, event)
      if (r.state === state.current) return
      state.current = r.state
      persist(now, [...saved.current.events, event])
      heard(r.cues)
      show(now)
    },
    [clock, heard, persist, show]
  )

  // Time is read from the clock at each redraw; the frames and the interval (which runs on in a background tab,
  // throttled) only say when to look.
  const running = view.status === 'running'
  useEffect(() => {
    if (!running) return
    let frame = requestAnimationFrame(function loop() {
      tick()
      frame = requestAnimationFrame(loop)
    })
    const interval = window.setInterval(tick, 250)
    return () => {
      cancelAnimationFrame(frame)
      window.clearInterval(interval)
    }
  }, [running, tick])

  useEffect(() => {
    awake.current?.set(view.status === 'running' || view.status === 'paused')
  }, [view.status])

  const toggle = useCallback(() => {
    const s = state.current.status
    send({ type: s === 'ready' ? 'start' : s === 'running' ? 'pause' : 'resume' })
  }, [send])

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return
      if (asking) {
        if (e.key === 'Escape') {
          e.preventDefault()
          setAsking(false)
        }
        return
      }
      const k = e.key
      if (k === ' ' || k === 'Spacebar') {
        // A focused button would take Space as a click as well: the timer takes it once.
        e.preventDefault()
        toggle()
      } else if (k === 'n' || k === 'N') send({ type: 'endPhase' })
      else if (k === 'a' || k === 'A') send({ type: 'abandon' })
      else if (k === '+' || k === '=') send({ type: 'addRecovery', seconds: RECOVERY_STEP_SECONDS })
      else if (k === '-' || k === '_') send({ type: 'addRecovery', seconds: -RECOVERY_STEP_SECONDS })
      else if (k === 'Escape') {
        e.preventDefault()
        if (state.current.status !== 'ready') setAsking(true)
        else navigate({ name: 'log' })
      } else return
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [asking, send, toggle])

  function switchSound() {
    const next = !muted
    setMuted(next)
    saveMuted(next)
    if (player.current) player.current.muted = next
    player.current?.unlock()
  }

  const phase = view.status === 'ready' ? phases[0] : view.phase
  const next = view.status === 'ready' ? phases[1] : view.next
  const kind = phase?.kind ?? 'cooldown'
  const untimed = view.status !== 'ready' && phase !== null && phase !== undefined && phase.plannedMs === null
  const inRecovery = phase?.kind === 'recovery' && phase.plannedMs !== null && !over
  const abandonedNow = phase?.rep != null && view.abandoned.includes(phase.rep)
  const weight = (p: Phase) => (p.plannedMs ?? 90_000) / 1000

  return (
    <div className={`timer phase-${kind}${view.paused ? ' paused' : ''}`} data-testid="timer" data-status={view.status} data-phase-index={view.index}>
      <header className="timer-top">
        <h1 className="timer-title">{saved.current.setup.protocolName ?? t('untitled')}</h1>
        <span className="timer-elapsed">
          {t('elapsed')} <b data-testid="timer-elapsed">{durationClock(Math.floor(view.elapsedMs / 1000))}</b>
        </span>
        <button type="button" className="timer-mute" aria-pressed={muted} onClick={switchSound}>
          {muted ? t('soundOff') : t('soundOn')}
        </button>
        <button type="button" onClick={() => (view.status === 'ready' ? navigate({ name: 'log' }) : setAsking(true))}>
          {view.status === 'ready' ? t('back') : t('stopMenu')}
        </button>
      </header>

      <section className="timer-main" aria-label={t('timerRegion')}>
        {over ? (
          <p className="timer-phase">{view.status === 'done' ? t('sessionDone') : t('stopped')}</p>
        ) : (
          <>
            <p className="timer-phase" data-testid="timer-phase">
              {phase ? phaseLabel(phase.kind) : ''}
              {view.paused && <span className="timer-paused">{t('paused')}</span>}
            </p>
            <p className="timer-rep" data-testid="timer-rep">
              {phase?.rep != null ? t('repOf', { rep: phase.rep, reps }) : view.status === 'ready' ? t('repCount', { count: reps }) : '\u00a0'}
              {abandonedNow && <span className="timer-abandoned">{t('abandoned')}</span>}
            </p>
            <p className="timer-count" data-testid="timer-countdown" ref={count} data-untimed={untimed || undefined}>
              {clockText(view, phases[0])}
            </p>
            {untimed && (
              <p className="timer-hint">{phase?.kind === 'recovery' ? t('hintWalkDown') : t('hintDistance')}</p>
            )}
            <p className="timer-next" data-testid="timer-next">
              {next ? t('next', { phase: phaseName(next, reps, distanceUnit) }) : view.status === 'ready' ? '' : t('nextEnd')}
            </p>
          </>
        )}
        <button type="button" className="timer-big primary" onClick={toggle} disabled={over} data-testid="timer-toggle">
          {view.status === 'ready' ? t('start') : view.paused ? t('resume') : t('pause')}
        </button>
        <div className="timer-actions">
          <button type="button" onClick={() => send({ type: 'endPhase' })} disabled={view.status === 'ready' || over}>
            {t('endPhase')} <kbd>N</kbd>
          </button>
          <button type="button" onClick={() => send({ type: 'abandon' })} disabled={!phase || phase.rep === null || view.status === 'ready' || over}>
            {t('abandonRep')} <kbd>A</kbd>
          </button>
          <button type="button" onClick={() => send({ type: 'addRecovery', seconds: -RECOVERY_STEP_SECONDS })} disabled={!inRecovery || view.status === 'ready'}>
            {t('lessRecovery')} <kbd>-</kbd>
          </button>
          <button type="button" onClick={() => send({ type: 'addRecovery', seconds: RECOVERY_STEP_SECONDS })} disabled={!inRecovery || view.status === 'ready'}>
            {t('moreRecovery')} <kbd>+</kbd>
          </button>
        </div>
      </section>

      <ol className="timer-strip" aria-label={t('phases')}>
        {phases.map((p, i) => (
          <li
            key={i}
            style={{ flexGrow: weight(p) }}
            className={`strip-${p.kind}${i < view.index || over ? ' done' : ''}${i === view.index && !over ? ' current' : ''}`}
            title={phaseName(p, reps, distanceUnit)}
            aria-current={i === view.index && !over ? 'step' : undefined}
          >
            <span className="sr-only">{phaseName(p, reps, distanceUnit)}</span>
          </li>
        ))}
      </ol>
      <p className="timer-keys muted">
        <kbd>{t('keySpace')}</kbd> {t('keySpaceDoes')} · <kbd>N</kbd> {t('keyNDoes')} · <kbd>A</kbd> {t('keyADoes')} · <kbd>+</kbd>/<kbd>−</kbd> {t('keyPlusMinusDoes')} ·{' '}
        <kbd>Esc</kbd> {t('keyEscDoes')}
      </p>

      <ol className="sr-only" data-testid="cue-log" aria-hidden="true">
        {log.map((c) => (
          <li key={c.key} data-kind={c.kind} data-at={c.atMs} data-late={c.late ? 'true' : undefined}>
            {c.text}
          </li>
        ))}
      </ol>

      {asking && (
        <div className="timer-dialog-backdrop">
          <div className="timer-dialog card" role="dialog" aria-modal="true" aria-labelledby={`${id}-stop`}>
            <h2 id={`${id}-stop`}>{t('stopHeading')}</h2>
            <p>{t('stopText')}</p>
            <div className="timer-dialog-actions">
              <button type="button" autoFocus onClick={() => setAsking(false)}>
                {t('keepGoing')}
              </button>
              <button
                type="button"
                className="danger"
                onClick={() => {
                  setAsking(false)
                  send({ type: 'stop' })
                }}
              >
                {t('stopAndLog')}
              </button>
            </div>
          </div>
        </div>
      )}
    </div>
  )
}
