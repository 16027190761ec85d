/**
 * The interval timer as a pure state machine: the phases of a session (warm-up, each rep's work and recovery,
 * cool-down) and timestamped events in; the state at any moment, the cues due and, at the end, the session as run
 * out. Nothing here reads a clock: every call says what time it is (milliseconds, any monotonic origin: the view
 * passes an epoch-aligned `performance.now()`). Remaining time is always computed from the timestamps, never by
 * counting ticks, so a late tick (a throttled background tab, a busy machine) neither drifts nor skips.
 *
 * Rules:
 * - a timed phase ends exactly when its clock reaches its length; the next one starts at that instant (not at the
 *   tick that noticed it);
 * - an untimed phase (a walk back down the hill, a rep given as a distance) runs until `endPhase`;
 * - a pause stops the clock of the phase. Work, warm-up and cool-down record the time their clock ran; a recovery
 *   records all the time from its start to its end, pauses included (the runner was resting throughout);
 * - `abandon` in a rep's work ends it there, marked not completed with the time run; in its recovery it marks that
 *   rep abandoned and the recovery runs on;
 * - `addRecovery` adds or takes seconds of the current timed recovery; taking more than is left ends it now;
 * - `stop` ends the session: the phase under way is recorded as far as it ran (work cut short counts as abandoned).
 *
 * Cues: a count at 3, 2 and 1 s before the end of each timed phase, and a cue at the start of each phase (and at
 * the end of the session). Each cue is reported once, by the first call at or after its due time, with that due
 * time. A cue reported more than `LATE_MS` after it was due is marked `late`: after a gap (a throttled tab) every
 * cue of the gap is still reported once, in order, and the view logs them but sounds only the ones not late, so a
 * burst of stale beeps never plays.
 */
import type { RecoveryMode, RepeatGroup } from './training'

export type PhaseKind = 'warmup' | 'work' | 'recovery' | 'cooldown'

export interface Phase {
  kind: PhaseKind
  /** The rep (from 1) a work or recovery phase belongs to; null for warm-up and cool-down. */
  rep: number | null
  /** The planned length in ms; null for an untimed phase, which waits for `endPhase`. */
  plannedMs: number | null
  /** The recovery's mode (a recovery phase only). */
  recoveryMode: RecoveryMode | null
  /** The planned distance of a rep given as a distance (a work phase only). */
  meters: number | null
}

/** A cue is late when reported more than this after it was due. */
export const LATE_MS = 1000
/** The countdown before each change of a timed phase: seconds before its end. */
export const COUNTDOWN = [3, 2, 1] as const
/** What `+` and `-` add to or take from the current recovery. */
export const RECOVERY_STEP_SECONDS = 15

export type TimerEvent =
  | { type: 'start'; at: number }
  | { type: 'pause'; at: number }
  | { type: 'resume'; at: number }
  | { type: 'endPhase'; at: number }
  | { type: 'abandon'; at: number }
  | { type: 'addRecovery'; at: number; seconds: number }
  | { type: 'stop'; at: number }

export type CueKind = 'count' | 'warmup' | 'work' | 'recovery' | 'cooldown' | 'done'

export interface Cue {
  /** Unique within a session: the phase index and what it is. */
  key: string
  kind: CueKind
  /** When it was due (the clock of the events). */
  at: number
  /** The phase it belongs to (for `done`, the number of phases). */
  phase: number
  /** 3, 2 or 1 for a count. */
  count: number | null
  /** What to say, or null for a count (beeps only). */
  text: string | null
  /** Reported more than LATE_MS after it was due. */
  late: boolean
}

export interface PhaseRun {
  index: number
  /** Time its clock ran, pauses excluded. */
  activeMs: number
  /** From its start to its end, pauses included. */
  wallMs: number
  ended: 'time' | 'early' | 'abandoned' | 'stopped'
}

export type TimerStatus = 'ready' | 'running' | 'paused' | 'done' | 'stopped'

export interface TimerState {
  phases: Phase[]
  status: TimerStatus
  startedAt: number | null
  /** The current phase (phases.length once done). */
  index: number
  phaseStart: number
  /** Pause time inside the current phase, of the pauses that ended. */
  phasePausedMs: number
  pausedAt: number | null
  /** Seconds added to or taken from the current recovery, in ms. */
  adjustMs: number
  runs: PhaseRun[]
  /** Reps marked abandoned. */
  abandoned: number[]
  /** Keys of the cues of the current phase already reported. */
  cued: string[]
  endedAt: number | null
  /** The latest time seen: an earlier time is read as this one (the clock never runs backwards). */
  now: number
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`

/** A length said out loud: `2 minutes`, `30 seconds`, `1 minute 30 seconds`. */
export function spokenDuration(ms: number): string {
  const s = Math.round(ms / 1000)
  const m = Math.floor(s / 60)
  const rest = s % 60
  if (m === 0) return plural(rest, 'second')
  return rest === 0 ? plural(m, 'minute') : `${plural(m, 'minute')} ${plural(rest, 'second')}`
}

/**
 * The phases of a plan: the warm-up, each rep's work and the recovery after it, the cool-down. The last rep has
 * no recovery (the cool-down follows it), except an untimed walk back down the hill, which is timed as run. A
 * warm-up or cool-down of 0 s is left out.
 */
export function buildPhases(plan: readonly RepeatGroup[], warmupSeconds: number, cooldownSeconds: number): Phase[] {
  const phases: Phase[] = []
  const total = plan.reduce((n, g) => n + g.count, 0)
  if (warmupSeconds > 0) phases.push({ kind: 'warmup', rep: null, plannedMs: warmupSeconds * 1000, recoveryMode: null, meters: null })
  let rep = 0
  for (const g of plan) {
    for (let i = 0; i < g.count; i++) {
      rep++
      phases.push({ kind: 'work', rep, plannedMs: g.workSeconds === null ? null : g.workSeconds * 1000, recoveryMode: null, meters: g.workMeters })
      const untimed = g.recoverySeconds === null
      if (rep < total ? untimed || g.recoverySeconds! > 0 : untimed) {
        phases.push({ kind: 'recovery', rep, plannedMs: untimed ? null : g.recoverySeconds! * 1000, recoveryMode: g.recoveryMode, meters: null })
      }
    }
  }
  if (cooldownSeconds > 0) phases.push({ kind: 'cooldown', rep: null, plannedMs: cooldownSeconds * 1000, recoveryMode: null, meters: null })
  return phases
}

export const repCount = (phases: readonly Phase[]): number => phases.reduce((n, p) => (p.kind === 'work' ? n + 1 : n), 0)

export function initialState(phases: Phase[]): TimerState {
  return { phases, status: 'ready', startedAt: null, index: 0, phaseStart: 0, phasePausedMs: 0, pausedAt: null, adjustMs: 0, runs: [], abandoned: [], cued: [], endedAt: null, now: -Infinity }
}

/** The length of the current phase now (planned ± the seconds added), or null when untimed. */
function lengthOf(s: TimerState): number | null {
  const p = s.phases[s.index]
  return p && p.plannedMs !== null ? Math.max(0, p.plannedMs + s.adjustMs) : null
}

function activeAt(s: TimerState, t: number): number {
  return t - s.phaseStart - s.phasePausedMs - (s.pausedAt !== null ? t - s.pausedAt : 0)
}

/** When the current (running) timed phase ends. */
function endOf(s: TimerState): number | null {
  const len = lengthOf(s)
  return len === null ? null : s.phaseStart + s.phasePausedMs + len
}

function startText(s: TimerState, p: Phase): string {
  const n = repCount(s.phases)
  switch (p.kind) {
    case 'warmup':
      return `Warm-up, ${spokenDuration(p.plannedMs ?? 0)}`
    case 'cooldown':
      return `Cool-down, ${spokenDuration(p.plannedMs ?? 0)}`
    case 'work':
      return `Rep ${p.rep} of ${n}${p.plannedMs === null && p.meters !== null ? `, ${p.meters} metres` : ''} — go`
    case 'recovery':
      return p.plannedMs === null ? 'Walk back down' : `Recover, ${spokenDuration(p.plannedMs)}`
  }
}

type Draft = { s: TimerState; cues: Cue[]; t: number }

function emit(d: Draft, cue: Omit<Cue, 'late'>) {
  if (d.s.cued.includes(cue.key)) return
  d.s.cued.push(cue.key)
  d.cues.push({ ...cue, late: d.t - cue.at > LATE_MS })
}

function enter(d: Draft, index: number, at: number) {
  const s = d.s
  s.index = index
  s.phaseStart = at
  s.phasePausedMs = 0
  s.adjustMs = 0
  s.cued = []
  const p = s.phases[index]
  if (!p) {
    s.status = 'done'
    s.endedAt = at
    s.pausedAt = null
    emit(d, { key: `${index}:done`, kind: 'done', at, phase: index, count: null, text: 'Session done' })
    return
  }
  emit(d, { key: `${index}:start`, kind: p.kind, at, phase: index, count: null, text: startText(s, p) })
}

function close(d: Draft, at: number, ended: PhaseRun['ended']) {
  const s = d.s
  const wallMs = at - s.phaseStart
  s.runs.push({ index: s.index, activeMs: activeAt(s, at), wallMs, ended })
  if (s.pausedAt !== null) {
    s.pausedAt = null
  }
}

/** Runs the clock to `t`: ends the timed phases whose end has come, each at its own end, and reports the cues due. */
function runTo(d: Draft, t: number) {
  const s = d.s
  while (s.status === 'running') {
    const end = endOf(s)
    if (end === null) return
    for (const n of COUNTDOWN) {
      const at = end - n * 1000
      if (at > s.phaseStart + s.phasePausedMs && at <= t) emit(d, { key: `${s.index}:count:${n}`, kind: 'count', at, phase: s.index, count: n, text: null })
    }
    if (end > t) return
    close(d, end, 'time')
    enter(d, s.index + 1, end)
  }
}

function resumeAt(s: TimerState, t: number) {
  if (s.status !== 'paused' || s.pausedAt === null) return
  s.phasePausedMs += t - s.pausedAt
  s.pausedAt = null
  s.status = 'running'
}

function copy(s: TimerState): TimerState {
  return { ...s, runs: [...s.runs], abandoned: [...s.abandoned], cued: [...s.cued] }
}

/** The state at `t` and the cues that came due since the last call (a tick). */
export function advance(state: TimerState, t: number): { state: TimerState; cues: Cue[] } {
  const d: Draft = { s: copy(state), cues: [], t: Math.max(t, state.now) }
  d.s.now = d.t
  runTo(d, d.t)
  return { state: d.s, cues: d.cues }
}

/** Applies one event (the clock first runs to its time) and reports the cues that came due. */
export function apply(state: TimerState, e: TimerEvent): { state: TimerState; cues: Cue[] } {
  // Before the start and after the end, only a start (before) is taken: anything else leaves the state as it is.
  if (state.status === 'done' || state.status === 'stopped' || (state.status === 'ready' && e.type !== 'start')) return { state, cues: [] }
  const t = Math.max(e.at, state.now)
  const d: Draft = { s: copy(state), cues: [], t }
  const s = d.s
  s.now = t
  if (e.type === 'start') {
    if (s.status !== 'ready') return { state, cues: [] }
    s.status = 'running'
    s.startedAt = t
    enter(d, 0, t)
    return { state: s, cues: d.cues }
  }
  runTo(d, t)
  const live = s.status === 'running' || s.status === 'paused'
  if (!live) return { state: s, cues: d.cues }
  const p = s.phases[s.index]!
  switch (e.type) {
    case 'pause':
      if (s.status === 'running') {
        s.status = 'paused'
        s.pausedAt = t
      }
      break
    case 'resume':
      resumeAt(s, t)
      break
    case 'endPhase':
      resumeAt(s, t)
      close(d, t, 'early')
      enter(d, s.index + 1, t)
      break
    case 'abandon':
      if (p.kind === 'work') {
        resumeAt(s, t)
        if (p.rep !== null && !s.abandoned.includes(p.rep)) s.abandoned.push(p.rep)
        close(d, t, 'abandoned')
        enter(d, s.index + 1, t)
      } else if (p.kind === 'recovery' && p.rep !== null && !s.abandoned.includes(p.rep)) {
        s.abandoned.push(p.rep)
      }
      break
    case 'addRecovery': {
      const len = lengthOf(s)
      if (p.kind !== 'recovery' || len === null) break
      const active = activeAt(s, t)
      // Taking more than is left ends the recovery now.
      s.adjustMs = Math.max(p.plannedMs! + s.adjustMs + e.seconds * 1000, active) - p.plannedMs!
      // The countdown moves with the end: its counts not yet due sound again at their new times.
      const end = s.phaseStart + s.phasePausedMs + (s.pausedAt !== null ? t - s.pausedAt : 0) + lengthOf(s)!
      s.cued = s.cued.filter((k) => !k.startsWith(`${s.index}:count:`) || end - Number(k.split(':')[2]) * 1000 <= t)
      if (s.status === 'running') runTo(d, t)
      else if (active >= lengthOf(s)!) {
        // Paused with nothing left: the recovery ends now.
        resumeAt(s, t)
        close(d, t, 'time')
        enter(d, s.index + 1, t)
        s.status = 'paused'
        s.pausedAt = t
      }
      break
    }
    case 'stop':
      close(d, t, 'stopped')
      if (p.kind === 'work' && p.rep !== null && !s.abandoned.includes(p.rep)) s.abandoned.push(p.rep)
      s.status = 'stopped'
      s.endedAt = t
      s.index = s.index + 1
      s.cued = []
      break
  }
  return { state: s, cues: d.cues }
}

/** Replays events from the start (cues dropped), then runs the clock to `now` when given. */
export function replay(phases: Phase[], events: readonly TimerEvent[], now?: number): TimerState {
  let s = initialState(phases)
  for (const e of events) s = apply(s, e).state
  return now === undefined ? s : advance(s, now).state
}

/**
 * The events of a session interrupted (the window closed, a crash) when it was last seen at `seenAt`: a running
 * timer is read as paused from then on, so that the time it was away counts as a pause.
 */
export function interrupted(phases: Phase[], events: readonly TimerEvent[], seenAt: number): TimerEvent[] {
  const s = replay(phases, events, seenAt)
  return s.status === 'running' ? [...events, { type: 'pause', at: Math.max(seenAt, s.now) }] : [...events]
}

/** What a phase records: a recovery all its time, pauses included; the others the time their clock ran. */
const recorded = (p: Phase, r: { activeMs: number; wallMs: number }) => (p.kind === 'recovery' ? r.wallMs : r.activeMs)

export interface TimerView {
  status: TimerStatus
  index: number
  phase: Phase | null
  next: Phase | null
  reps: number
  /** Ms left in the current timed phase; null when untimed (or over). */
  remainingMs: number | null
  /** The length of the current timed phase now (planned ± added). */
  lengthMs: number | null
  /** How long the current phase has run (its clock). */
  phaseMs: number
  /** The session so far, counted as it is logged (see `recorded`). */
  elapsedMs: number
  paused: boolean
  abandoned: readonly number[]
}

/** What the screen shows at `t` (run `advance` to `t` first). */
export function viewAt(s: TimerState, t: number): TimerView {
  const phase = s.phases[s.index] ?? null
  const live = s.status === 'running' || s.status === 'paused'
  const done = s.runs.reduce((ms, r) => ms + recorded(s.phases[r.index]!, r), 0)
  const phaseMs = live ? activeAt(s, t) : 0
  const len = live ? lengthOf(s) : null
  const elapsedMs = done + (live && phase ? recorded(phase, { activeMs: phaseMs, wallMs: t - s.phaseStart }) : 0)
  return {
    status: s.status,
    index: s.index,
    phase: live ? phase : null,
    next: live ? (s.phases[s.index + 1] ?? null) : null,
    reps: repCount(s.phases),
    remainingMs: len === null ? null : Math.max(0, len - phaseMs),
    lengthMs: len,
    phaseMs,
    elapsedMs,
    paused: s.status === 'paused',
    abandoned: s.abandoned
  }
}

export interface RepRun {
  rep: number
  /** Work as run, in seconds to the 0.1 s (at least 0.1). */
  workSeconds: number
  completed: boolean
  /** Ended before its planned time (by `endPhase`, `abandon` or `stop`). */
  endedEarly: boolean
  /** Recovery as run, to the 0.1 s; 0 when it has none or never began. */
  recoverySeconds: number
  /** The recovery was an untimed walk-down, timed as run. */
  walkDown: boolean
}

export interface SessionRun {
  startedAt: number | null
  /** Warm-up and cool-down as run, whole seconds (0 when not run). */
  warmupSeconds: number
  cooldownSeconds: number
  /** The reps whose work began, in order. */
  reps: RepRun[]
  /** Every phase ran (not stopped early). */
  finished: boolean
}

const tenths = (ms: number) => Math.round(ms / 100) / 10

/** The session as it was run, for the log form. */
export function sessionRun(s: TimerState): SessionRun {
  let warmupSeconds = 0
  let cooldownSeconds = 0
  const reps = new Map<number, RepRun>()
  for (const r of s.runs) {
    const p = s.phases[r.index]!
    const ms = recorded(p, r)
    if (p.kind === 'warmup') warmupSeconds = Math.round(ms / 1000)
    else if (p.kind === 'cooldown') cooldownSeconds = Math.round(ms / 1000)
    else if (p.kind === 'work' && p.rep !== null) {
      reps.set(p.rep, {
        rep: p.rep,
        workSeconds: Math.max(0.1, tenths(ms)),
        completed: !s.abandoned.includes(p.rep),
        endedEarly: r.ended !== 'time',
        recoverySeconds: 0,
        walkDown: false
      })
    } else if (p.kind === 'recovery' && p.rep !== null) {
      const rep = reps.get(p.rep)
      if (rep) {
        rep.recoverySeconds = tenths(ms)
        rep.walkDown = p.plannedMs === null
      }
    }
  }
  // An abandon pressed in a recovery marks its rep after the work was recorded.
  for (const rep of reps.values()) rep.completed = !s.abandoned.includes(rep.rep)
  return { startedAt: s.startedAt, warmupSeconds, cooldownSeconds, reps: [...reps.values()], finished: s.status === 'done' }
}
