import { describe, expect, it } from 'vitest'
import {
  advance,
  apply,
  buildPhases,
  type Cue,
  initialState,
  interrupted,
  LATE_MS,
  replay,
  sessionRun,
  spokenDuration,
  type TimerEvent,
  type TimerState,
  viewAt
} from '../../src/shared/timer'
import { group as timedGroup } from '../helpers/training'
import type { RepeatGroup } from '../../src/shared/training'

/** A group with nothing set but what the test gives (one rep, no work or recovery time). */
const group = (patch: Partial<RepeatGroup>): RepeatGroup => timedGroup({ count: 1, workSeconds: null, recoverySeconds: null, ...patch })

const SPRINT = [group({ count: 6, workSeconds: 20, recoverySeconds: 120, recoveryMode: 'walk' })]
const HIIT = [group({ count: 4, workSeconds: 240, intensity: 'near-max', recoverySeconds: 180, recoveryMode: 'jog' })]
const HILL = [group({ count: 4, workSeconds: 30, hill: true, recoverySeconds: null, recoveryMode: 'walk-down' })]

const S = 1000
/** A session clock that does not start at 0, like an epoch-aligned performance.now(). */
const T0 = 1_790_000_000_000

/** Drives a machine: events and ticks, collecting every cue reported. */
class Run {
  state: TimerState
  cues: Cue[] = []
  constructor(plan: RepeatGroup[], warmup: number, cooldown: number) {
    this.state = initialState(buildPhases(plan, warmup, cooldown))
  }
  send(e: TimerEvent) {
    const r = apply(this.state, e)
    this.state = r.state
    this.cues.push(...r.cues)
    return r.cues
  }
  tick(t: number) {
    const r = advance(this.state, t)
    this.state = r.state
    this.cues.push(...r.cues)
    return r.cues
  }
  /** Ticks every `step` ms up to `until` (inclusive). */
  tickEvery(step: number, from: number, until: number) {
    for (let t = from; t <= until; t += step) this.tick(t)
  }
  view(t: number) {
    return viewAt(this.state, t)
  }
}

/** The cues as `[seconds from T0, kind, count or text]`, times to the ms. */
const table = (cues: Cue[]) => cues.map((c) => [(c.at - T0) / S, c.kind, c.count ?? c.text])

/** The cues a timed phase from `start` to `end` (seconds from T0) should give: its start cue, then 3-2-1. */
function expectedPhase(start: number, end: number, kind: string, text: string) {
  return [[start, kind, text], [end - 3, 'count', 3], [end - 2, 'count', 2], [end - 1, 'count', 1]]
}

describe('the phases of a plan', () => {
  it('are the warm-up, each rep’s work and recovery, and the cool-down; the last rep has no recovery', () => {
    const phases = buildPhases(SPRINT, 600, 300)
    expect(phases.map((p) => `${p.kind}${p.rep ?? ''}:${p.plannedMs === null ? '?' : p.plannedMs / S}`)).toEqual([
      'warmup:600',
      'work1:20',
      'recovery1:120',
      'work2:20',
      'recovery2:120',
      'work3:20',
      'recovery3:120',
      'work4:20',
      'recovery4:120',
      'work5:20',
      'recovery5:120',
      'work6:20',
      'cooldown:300'
    ])
  })

  it('keep an untimed walk-down after every hill rep, the last included; leave out a warm-up or cool-down of 0', () => {
    const phases = buildPhases(HILL, 0, 0)
    expect(phases.map((p) => `${p.kind}${p.rep}:${p.plannedMs === null ? '?' : p.plannedMs / S}`)).toEqual([
      'work1:30',
      'recovery1:?',
      'work2:30',
      'recovery2:?',
      'work3:30',
      'recovery3:?',
      'work4:30',
      'recovery4:?'
    ])
  })

  it('make a rep given as a distance untimed, and its cue names the distance', () => {
    const r = new Run([group({ count: 2, workMeters: 200, recoverySeconds: 90 })], 0, 0)
    r.send({ type: 'start', at: T0 })
    expect(r.view(T0 + 50 * S)).toMatchObject({ remainingMs: null, phaseMs: 50 * S, phase: { kind: 'work', rep: 1 } })
    expect(r.cues.map((c) => c.text)).toEqual(['Rep 1 of 2, 200 metres — go'])
  })
})

describe('a whole Sprint 6×20 s, ticked every 100 ms', () => {
  const r = new Run(SPRINT, 600, 300)
  r.send({ type: 'start', at: T0 })
  r.tickEvery(100, T0, T0 + 1700 * S)

  it('gives every cue once, at its time to the ms, none late', () => {
    const expected: unknown[] = [...expectedPhase(0, 600, 'warmup', 'Warm-up, 10 minutes')]
    let t = 600
    for (let rep = 1; rep <= 6; rep++) {
      expected.push(...expectedPhase(t, t + 20, 'work', `Rep ${rep} of 6 — go`))
      t += 20
      if (rep < 6) {
        expected.push(...expectedPhase(t, t + 120, 'recovery', 'Recover, 2 minutes'))
        t += 120
      }
    }
    expected.push(...expectedPhase(t, t + 300, 'cooldown', 'Cool-down, 5 minutes'))
    expected.push([t + 300, 'done', 'Session done'])
    expect(t + 300).toBe(1620)
    expect(table(r.cues)).toEqual(expected)
    expect(r.cues.every((c) => !c.late)).toBe(true)
    expect(new Set(r.cues.map((c) => c.key)).size).toBe(r.cues.length)
  })

  it('logs the session as planned', () => {
    expect(sessionRun(r.state)).toEqual({
      startedAt: T0,
      warmupSeconds: 600,
      cooldownSeconds: 300,
      finished: true,
      reps: [1, 2, 3, 4, 5, 6].map((rep) => ({ rep, workSeconds: 20, completed: true, endedEarly: false, recoverySeconds: rep < 6 ? 120 : 0, walkDown: false }))
    })
    expect(r.view(T0 + 1700 * S)).toMatchObject({ status: 'done', phase: null, elapsedMs: 1620 * S })
  })
})

describe('the countdown is read from the timestamps', () => {
  it('shows the time left and the rep to the ms at any moment, whatever the ticks were', () => {
    const r = new Run(SPRINT, 600, 300)
    r.send({ type: 'start', at: T0 })
    r.tick(T0 + 610_050)
    expect(r.view(T0 + 610_050)).toMatchObject({ phase: { kind: 'work', rep: 1 }, remainingMs: 9950, elapsedMs: 610_050, next: { kind: 'recovery', rep: 1 }, reps: 6 })
    // 20 s of work ends at 620 s exactly: 100 ms before, still work; at it, the recovery.
    r.tick(T0 + 619_900)
    expect(r.view(T0 + 619_900)).toMatchObject({ phase: { kind: 'work' }, remainingMs: 100 })
    r.tick(T0 + 620_000)
    expect(r.view(T0 + 620_000)).toMatchObject({ phase: { kind: 'recovery', rep: 1 }, remainingMs: 120_000 })
  })

  it('a late tick (a throttled tab) neither drifts nor skips: the cues of the gap come once, in order, marked late', () => {
    const fine = new Run(SPRINT, 600, 300)
    const late = new Run(SPRINT, 600, 300)
    fine.send({ type: 'start', at: T0 })
    late.send({ type: 'start', at: T0 })
    fine.tickEvery(100, T0, T0 + 890 * S)
    late.tick(T0 + 590 * S)
    // One tick 300 s late: reps 1 to 3 and two recoveries went by unseen.
    const gap = late.tick(T0 + 890 * S)
    expect(late.view(T0 + 890 * S)).toEqual(fine.view(T0 + 890 * S))
    expect(late.state.runs).toEqual(fine.state.runs)
    expect(table(late.cues)).toEqual(table(fine.cues))
    expect(gap.map((c) => (c.at - T0) / S)).toEqual([597, 598, 599, 600, 617, 618, 619, 620, 737, 738, 739, 740, 757, 758, 759, 760, 877, 878, 879, 880])
    expect(gap.every((c) => c.late)).toBe(true)
    // Once reported, never again.
    expect(late.tick(T0 + 890 * S)).toEqual([])
    // A cue reported up to LATE_MS after it was due is not late.
    const edge = late.tick(T0 + 897 * S + LATE_MS)
    expect(edge).toEqual([expect.objectContaining({ count: 3, late: false }), expect.objectContaining({ count: 2, late: false })])
    expect(late.tick(T0 + 899 * S + LATE_MS + 1)).toEqual([expect.objectContaining({ count: 1, late: true }), expect.objectContaining({ kind: 'recovery', late: false })])
  })

  it('never runs backwards: an earlier time is read as the latest one seen', () => {
    const r = new Run(SPRINT, 600, 300)
    r.send({ type: 'start', at: T0 })
    r.tick(T0 + 10 * S)
    r.tick(T0 + 5 * S)
    expect(r.state.now).toBe(T0 + 10 * S)
    r.send({ type: 'pause', at: T0 + 3 * S })
    expect(r.state.pausedAt).toBe(T0 + 10 * S)
  })
})

describe('a HIIT 4×4 with pauses, an early end, + and − recovery, an abandoned rep', () => {
  const at = (s: number) => T0 + s * S
  const r = new Run(HIIT, 600, 300)
  const step = (from: number, to: number) => r.tickEvery(100, at(from), at(to))
  r.send({ type: 'start', at: at(0) })
  step(0, 100)
  r.send({ type: 'pause', at: at(100) }) // warm-up paused 30 s
  step(100, 130)
  r.send({ type: 'resume', at: at(130) }) // warm-up now ends at 630
  step(130, 690)
  r.send({ type: 'pause', at: at(690) }) // rep 1 paused 20 s at 60 s
  step(690, 710)
  r.send({ type: 'resume', at: at(710) }) // rep 1 ends at 890
  step(710, 900)
  r.send({ type: 'pause', at: at(900) }) // recovery 1 paused 10 s
  r.send({ type: 'resume', at: at(910) }) // recovery 1 ends at 1080: 190 s of rest
  step(910, 1280)
  r.send({ type: 'endPhase', at: at(1280) }) // rep 2 ended early after 200 s
  step(1280, 1290)
  r.send({ type: 'addRecovery', at: at(1290), seconds: 15 }) // recovery 2: 195 s, ends at 1475
  step(1290, 1575)
  r.send({ type: 'abandon', at: at(1575) }) // rep 3 abandoned after 100 s
  step(1575, 1580)
  r.send({ type: 'addRecovery', at: at(1580), seconds: -15 }) // recovery 3: 165 s, ends at 1740
  step(1580, 2100)
  r.send({ type: 'endPhase', at: at(2100) }) // cool-down ended after 120 s (rep 4 ran 1740–1980)
  step(2100, 2200)

  it('starts and counts down each phase where its clock says, pauses and changes included', () => {
    expect(table(r.cues)).toEqual([
      ...expectedPhase(0, 630, 'warmup', 'Warm-up, 10 minutes'),
      ...expectedPhase(630, 890, 'work', 'Rep 1 of 4 — go'),
      ...expectedPhase(890, 1080, 'recovery', 'Recover, 3 minutes'),
      [1080, 'work', 'Rep 2 of 4 — go'],
      [1280, 'recovery', 'Recover, 3 minutes'],
      [1472, 'count', 3],
      [1473, 'count', 2],
      [1474, 'count', 1],
      [1475, 'work', 'Rep 3 of 4 — go'],
      [1575, 'recovery', 'Recover, 3 minutes'],
      [1737, 'count', 3],
      [1738, 'count', 2],
      [1739, 'count', 1],
      ...expectedPhase(1740, 1980, 'work', 'Rep 4 of 4 — go'),
      [1980, 'cooldown', 'Cool-down, 5 minutes'],
      [2100, 'done', 'Session done']
    ])
  })

  it('logs what was run: the pause in a rep not counted, a paused recovery counted whole, the early end, the abandoned rep', () => {
    expect(sessionRun(r.state)).toEqual({
      startedAt: T0,
      warmupSeconds: 600,
      cooldownSeconds: 120,
      finished: true,
      reps: [
        { rep: 1, workSeconds: 240, completed: true, endedEarly: false, recoverySeconds: 190, walkDown: false },
        { rep: 2, workSeconds: 200, completed: true, endedEarly: true, recoverySeconds: 195, walkDown: false },
        { rep: 3, workSeconds: 100, completed: false, endedEarly: true, recoverySeconds: 165, walkDown: false },
        { rep: 4, workSeconds: 240, completed: true, endedEarly: false, recoverySeconds: 0, walkDown: false }
      ]
    })
    // The elapsed time is the session as logged: 600 + 240 + 190 + 200 + 195 + 100 + 165 + 240 + 120.
    expect(r.view(at(2200)).elapsedMs).toBe(2050 * S)
  })

  it('is the same state when the events are replayed without ticks', () => {
    const events: TimerEvent[] = [
      { type: 'start', at: at(0) },
      { type: 'pause', at: at(100) },
      { type: 'resume', at: at(130) },
      { type: 'pause', at: at(690) },
      { type: 'resume', at: at(710) },
      { type: 'pause', at: at(900) },
      { type: 'resume', at: at(910) },
      { type: 'endPhase', at: at(1280) },
      { type: 'addRecovery', at: at(1290), seconds: 15 },
      { type: 'abandon', at: at(1575) },
      { type: 'addRecovery', at: at(1580), seconds: -15 },
      { type: 'endPhase', at: at(2100) }
    ]
    expect(sessionRun(replay(r.state.phases, events, at(2200)))).toEqual(sessionRun(r.state))
  })
})

describe('pauses', () => {
  it('freeze the countdown; no cue falls due while paused', () => {
    const r = new Run(SPRINT, 600, 300)
    r.send({ type: 'start', at: T0 })
    r.send({ type: 'pause', at: T0 + 596 * S })
    r.tickEvery(100, T0 + 596 * S, T0 + 700 * S)
    expect(r.view(T0 + 700 * S)).toMatchObject({ paused: true, remainingMs: 4000, phase: { kind: 'warmup' }, elapsedMs: 596 * S })
    expect(r.cues.filter((c) => c.kind === 'count')).toEqual([])
    r.send({ type: 'resume', at: T0 + 700 * S })
    r.tickEvery(100, T0 + 700 * S, T0 + 705 * S)
    expect(table(r.cues.slice(1))).toEqual([
      [701, 'count', 3],
      [702, 'count', 2],
      [703, 'count', 1],
      [704, 'work', 'Rep 1 of 6 — go']
    ])
  })

  it('N while paused ends the phase and runs the next; a second pause or resume changes nothing', () => {
    const r = new Run(SPRINT, 600, 300)
    r.send({ type: 'start', at: T0 })
    r.send({ type: 'pause', at: T0 + 100 * S })
    r.send({ type: 'pause', at: T0 + 110 * S })
    r.send({ type: 'endPhase', at: T0 + 120 * S })
    expect(r.view(T0 + 125 * S)).toMatchObject({ status: 'running', phase: { kind: 'work', rep: 1 }, remainingMs: 15_000 })
    r.send({ type: 'resume', at: T0 + 126 * S })
    expect(sessionRun(r.state).warmupSeconds).toBe(100)
  })
})

describe('recovery changes', () => {
  it('taking more than is left ends the recovery now; + and − outside a timed recovery change nothing', () => {
    const r = new Run(SPRINT, 0, 0)
    r.send({ type: 'start', at: T0 })
    r.send({ type: 'addRecovery', at: T0 + 5 * S, seconds: 15 }) // in work: nothing
    expect(r.view(T0 + 5 * S).lengthMs).toBe(20_000)
    r.tick(T0 + 20 * S)
    r.send({ type: 'addRecovery', at: T0 + 130 * S, seconds: -15 }) // 10 s left: ends now
    expect(r.view(T0 + 130 * S)).toMatchObject({ phase: { kind: 'work', rep: 2 }, remainingMs: 20_000 })
    expect(sessionRun(r.state).reps[0]).toMatchObject({ recoverySeconds: 110 })
  })

  it('+15 s after the countdown began moves the countdown; its counts sound again at the new end', () => {
    const r = new Run(SPRINT, 0, 0)
    r.send({ type: 'start', at: T0 })
    r.tickEvery(100, T0, T0 + 138_500) // recovery 1 runs 20–140 s: counts 3 and 2 have sounded
    r.send({ type: 'addRecovery', at: T0 + 138_500, seconds: 15 })
    r.tickEvery(100, T0 + 138_500, T0 + 156 * S)
    expect(table(r.cues.filter((c) => c.phase === 1))).toEqual([
      [20, 'recovery', 'Recover, 2 minutes'],
      [137, 'count', 3],
      [138, 'count', 2],
      [152, 'count', 3],
      [153, 'count', 2],
      [154, 'count', 1]
    ])
    expect(r.view(T0 + 156 * S).phase).toMatchObject({ kind: 'work', rep: 2 })
  })

  it('while paused, − with nothing left ends the recovery and the next phase waits, paused', () => {
    const r = new Run(SPRINT, 0, 0)
    r.send({ type: 'start', at: T0 })
    r.send({ type: 'pause', at: T0 + 130 * S })
    r.send({ type: 'addRecovery', at: T0 + 150 * S, seconds: -15 })
    expect(r.view(T0 + 160 * S)).toMatchObject({ paused: true, phase: { kind: 'work', rep: 2 }, remainingMs: 20_000 })
    // 110 s of its clock plus the 20 s paused.
    expect(sessionRun(r.state).reps[0]).toMatchObject({ recoverySeconds: 130 })
  })
})

describe('abandoning and stopping', () => {
  it('A in a recovery marks its rep abandoned and the recovery runs on', () => {
    const r = new Run(SPRINT, 0, 0)
    r.send({ type: 'start', at: T0 })
    r.send({ type: 'abandon', at: T0 + 30 * S })
    expect(r.view(T0 + 30 * S)).toMatchObject({ phase: { kind: 'recovery', rep: 1 }, remainingMs: 110_000 })
    r.tick(T0 + 140 * S)
    expect(sessionRun(r.state).reps[0]).toMatchObject({ workSeconds: 20, completed: false, endedEarly: false, recoverySeconds: 120 })
  })

  it('stop during a rep records it abandoned with the time run, and nothing after it', () => {
    const r = new Run(SPRINT, 600, 300)
    r.send({ type: 'start', at: T0 })
    r.send({ type: 'stop', at: T0 + 752_340 }) // rep 2 began at 740 s
    expect(r.view(T0 + 753 * S)).toMatchObject({ status: 'stopped', phase: null })
    expect(sessionRun(r.state)).toEqual({
      startedAt: T0,
      warmupSeconds: 600,
      cooldownSeconds: 0,
      finished: false,
      reps: [
        { rep: 1, workSeconds: 20, completed: true, endedEarly: false, recoverySeconds: 120, walkDown: false },
        { rep: 2, workSeconds: 12.3, completed: false, endedEarly: true, recoverySeconds: 0, walkDown: false }
      ]
    })
    // Events after the stop change nothing.
    const after = apply(r.state, { type: 'endPhase', at: T0 + 800 * S })
    expect(after.state).toBe(r.state)
    expect(after.cues).toEqual([])
  })

  it('a start is taken once; before it, no other event is taken', () => {
    const r = new Run(SPRINT, 600, 300)
    const ready = r.state
    for (const type of ['pause', 'resume', 'endPhase', 'abandon', 'stop'] as const) expect(apply(ready, { type, at: T0 }).state).toBe(ready)
    expect(apply(ready, { type: 'addRecovery', at: T0, seconds: 15 }).state).toBe(ready)
    r.send({ type: 'start', at: T0 })
    r.send({ type: 'start', at: T0 + 50 * S })
    expect(r.state.startedAt).toBe(T0)
  })
})

describe('a hill session with untimed walk-downs', () => {
  it('waits in each walk-down for a key and records how long it took', () => {
    const r = new Run(HILL, 60, 60)
    r.send({ type: 'start', at: T0 })
    let t = 60
    const walks = [95.4, 101, 88.25, 620]
    for (const w of walks) {
      t += 30
      r.tickEvery(100, T0 + t * S, T0 + (t + w - 0.1) * S)
      // The walk-down does not end by itself: it is still on just before the key, counting up.
      expect(r.view(T0 + (t + w - 0.1) * S)).toMatchObject({ phase: { kind: 'recovery', recoveryMode: 'walk-down' }, remainingMs: null })
      r.send({ type: 'endPhase', at: T0 + (t + w) * S })
      t += w
    }
    r.tickEvery(100, T0 + t * S, T0 + (t + 61) * S)
    const run = sessionRun(r.state)
    expect(run.reps.map((x) => [x.workSeconds, x.recoverySeconds, x.walkDown])).toEqual([
      [30, 95.4, true],
      [30, 101, true],
      [30, 88.3, true],
      [30, 620, true]
    ])
    expect(run).toMatchObject({ warmupSeconds: 60, cooldownSeconds: 60, finished: true })
    expect(r.cues.filter((c) => c.kind === 'recovery').map((c) => c.text)).toEqual(['Walk back down', 'Walk back down', 'Walk back down', 'Walk back down'])
    // No countdown before the end of an untimed walk-down.
    expect(r.cues.filter((c) => c.kind === 'count').every((c) => r.state.phases[c.phase]!.plannedMs !== null)).toBe(true)
  })
})

describe('an interrupted session', () => {
  it('is read as paused from when it was last seen, and resumes where it was', () => {
    const phases = buildPhases(SPRINT, 600, 300)
    const events: TimerEvent[] = [{ type: 'start', at: T0 }]
    const resumed = interrupted(phases, events, T0 + 615 * S)
    expect(resumed).toEqual([...events, { type: 'pause', at: T0 + 615 * S }])
    // The window was closed an hour; the runner resumes.
    const s = replay(phases, [...resumed, { type: 'resume', at: T0 + 4215 * S }], T0 + 4220 * S)
    expect(viewAt(s, T0 + 4220 * S)).toMatchObject({ phase: { kind: 'recovery', rep: 1 }, remainingMs: 120_000 })
    expect(sessionRun(s).reps[0]).toMatchObject({ workSeconds: 20 })
    // A paused or finished session is left as it was.
    expect(interrupted(phases, resumed, T0 + 9999 * S)).toEqual(resumed)
  })
})

describe('spoken durations', () => {
  it('say minutes and seconds', () => {
    expect([120_000, 30_000, 90_000, 60_000, 1000, 240_000].map(spokenDuration)).toEqual(['2 minutes', '30 seconds', '1 minute 30 seconds', '1 minute', '1 second', '4 minutes'])
  })
})
