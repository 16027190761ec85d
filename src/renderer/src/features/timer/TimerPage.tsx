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
import { CuePlayer, epochClock, ScreenAwake } from './cues'
import { loadMuted, loadTimer, restore, type SavedTimer, saveMuted, saveTimer } from './timerStore'
import './timer.css'

const LABELS: Record<Phase['kind'], string> = { warmup: 'WARM-UP', work: 'WORK', recovery: 'RECOVER', cooldown: 'COOL-DOWN' }

/** A phase named for the "next" line and the strip: `RECOVER 2:00`, `WORK 20 s`, `walk back down`. */
function phaseName(p: Phase, reps: number): string {
  const len = p.plannedMs === null ? (p.kind === 'recovery' ? 'walk back down' : p.meters !== null ? `${p.meters} m` : 'untimed') : durationClock(p.plannedMs / 1000)
  return `${LABELS[p.kind]}${p.kind === 'work' ? ` ${p.rep} of ${reps}` : ''} · ${len}`
}

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

const cueWords = (c: Cue) => c.text ?? String(c.count ?? '')

/** The full-window interval timer of the saved session (timerStore): it renders the state machine and plays its cues. */
export function TimerPage() {
  const [initial] = useState(() => {
    const s = loadTimer()
    return s ? restore(s) : null
  })
  if (!initial) {
    return (
      <div className="timer timer-empty" data-testid="timer">
        <h1>No session on the timer</h1>
        <p>
          Start the timer from <a href="#/log">Log session</a> or from the next session on the <a href="#/dashboard">dashboard</a>.
        </p>
      </div>
    )
  }
  return <TimerRun initial={initial} />
}

function TimerRun({ initial }: { initial: { saved: SavedTimer; state: TimerState } }) {
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
    for (const c of cues) player.current?.play(c)
    const start = state.current.startedAt ?? 0
    setLog((l) => [...l, ...cues.map((c) => ({ key: c.key, kind: c.kind, atMs: Math.round(c.at - start), late: c.late, text: cueWords(c) }))])
  }, [])

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
        <h1 className="timer-title">{saved.current.setup.protocolName ?? 'Session'}</h1>
        <span className="timer-elapsed">
          Elapsed <b data-testid="timer-elapsed">{durationClock(Math.floor(view.elapsedMs / 1000))}</b>
        </span>
        <button type="button" className="timer-mute" aria-pressed={muted} onClick={switchSound}>
          {muted ? 'Sound off' : 'Sound on'}
        </button>
        <button type="button" onClick={() => (view.status === 'ready' ? navigate({ name: 'log' }) : setAsking(true))}>
          {view.status === 'ready' ? 'Back' : 'Stop…'}
        </button>
      </header>

      <section className="timer-main" aria-label="Timer">
        {over ? (
          <p className="timer-phase">{view.status === 'done' ? 'SESSION DONE' : 'STOPPED'}</p>
        ) : (
          <>
            <p className="timer-phase" data-testid="timer-phase">
              {phase ? LABELS[phase.kind] : ''}
              {view.paused && <span className="timer-paused"> · PAUSED</span>}
            </p>
            <p className="timer-rep" data-testid="timer-rep">
              {phase?.rep != null ? `Rep ${phase.rep} of ${reps}` : view.status === 'ready' ? `${reps} reps` : '\u00a0'}
              {abandonedNow && <span className="timer-abandoned"> · abandoned</span>}
            </p>
            <p className="timer-count" data-testid="timer-countdown" ref={count} data-untimed={untimed || undefined}>
              {clockText(view, phases[0])}
            </p>
            {untimed && (
              <p className="timer-hint">{phase?.kind === 'recovery' ? 'Walk back down; press N at the bottom.' : 'Press N when the distance is run.'}</p>
            )}
            <p className="timer-next" data-testid="timer-next">
              {next ? `Next: ${phaseName(next, reps)}` : view.status === 'ready' ? '' : 'Next: the end'}
            </p>
          </>
        )}
        <button type="button" className="timer-big primary" onClick={toggle} disabled={over} data-testid="timer-toggle">
          {view.status === 'ready' ? 'Start' : view.paused ? 'Resume' : 'Pause'}
        </button>
        <div className="timer-actions">
          <button type="button" onClick={() => send({ type: 'endPhase' })} disabled={view.status === 'ready' || over}>
            End phase <kbd>N</kbd>
          </button>
          <button type="button" onClick={() => send({ type: 'abandon' })} disabled={!phase || phase.rep === null || view.status === 'ready' || over}>
            Abandon rep <kbd>A</kbd>
          </button>
          <button type="button" onClick={() => send({ type: 'addRecovery', seconds: -RECOVERY_STEP_SECONDS })} disabled={!inRecovery || view.status === 'ready'}>
            −15 s <kbd>-</kbd>
          </button>
          <button type="button" onClick={() => send({ type: 'addRecovery', seconds: RECOVERY_STEP_SECONDS })} disabled={!inRecovery || view.status === 'ready'}>
            +15 s <kbd>+</kbd>
          </button>
        </div>
      </section>

      <ol className="timer-strip" aria-label="Phases">
        {phases.map((p, i) => (
          <li
            key={i}
            style={{ flexGrow: weight(p) }}
            className={`strip-${p.kind}${i < view.index || over ? ' done' : ''}${i === view.index && !over ? ' current' : ''}`}
            title={phaseName(p, reps)}
            aria-current={i === view.index && !over ? 'step' : undefined}
          >
            <span className="sr-only">{phaseName(p, reps)}</span>
          </li>
        ))}
      </ol>
      <p className="timer-keys muted">
        <kbd>Space</kbd> pause or resume · <kbd>N</kbd> end the phase · <kbd>A</kbd> abandon the rep · <kbd>+</kbd>/<kbd>−</kbd> 15 s of recovery · <kbd>Esc</kbd>{' '}
        stop
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
            <h2 id={`${id}-stop`}>Stop the session?</h2>
            <p>What you have run so far opens in the log form.</p>
            <div className="timer-dialog-actions">
              <button type="button" autoFocus onClick={() => setAsking(false)}>
                Keep going
              </button>
              <button
                type="button"
                className="danger"
                onClick={() => {
                  setAsking(false)
                  send({ type: 'stop' })
                }}
              >
                Stop and log
              </button>
            </div>
          </div>
        </div>
      )}
    </div>
  )
}
