/**
 * The timer's progress, kept in localStorage as it goes: the session's set-up and its events (pure data, epoch
 * milliseconds), and when it was last seen running. A closed window or a crash loses nothing: the next start of
 * the timer or of Log session finds it, read as paused from the moment it was last seen.
 */
import { z } from 'zod'
import { planSchema } from '../../../../shared/records'
import { buildPhases, interrupted, replay, sessionRun, type SessionRun, type TimerEvent, type TimerState } from '../../../../shared/timer'
import type { RepeatGroup } from '../../../../shared/training'

const KEY = 'sprintlog.timer'
const MUTED_KEY = 'sprintlog.timer.muted'

export interface TimerSetup {
  protocolId: number | null
  protocolName: string | null
  plan: RepeatGroup[]
  warmupSeconds: number
  cooldownSeconds: number
}

export interface SavedTimer {
  version: 1
  setup: TimerSetup
  events: TimerEvent[]
  /** When the timer was last seen running (epoch ms). */
  seenAt: number
}

const at = z.number().finite()
const eventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.enum(['start', 'pause', 'resume', 'endPhase', 'abandon', 'stop']), at }),
  z.object({ type: z.literal('addRecovery'), at, seconds: z.number().finite() })
])
const savedSchema = z.object({
  version: z.literal(1),
  setup: z.object({
    protocolId: z.number().int().positive().nullable(),
    protocolName: z.string().nullable(),
    plan: planSchema,
    warmupSeconds: z.number().int().min(0).max(7200),
    cooldownSeconds: z.number().int().min(0).max(7200)
  }),
  events: z.array(eventSchema),
  seenAt: at
})

/** The saved session, or null when there is none (or what is stored cannot be read: it is then dropped). */
export function loadTimer(): SavedTimer | null {
  let text: string | null = null
  try {
    text = localStorage.getItem(KEY)
  } catch {
    return null
  }
  if (text === null) return null
  try {
    const parsed = savedSchema.safeParse(JSON.parse(text))
    if (parsed.success) return parsed.data as SavedTimer
  } catch {
    // not JSON: dropped below
  }
  clearTimer()
  return null
}

export function saveTimer(saved: SavedTimer): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(saved))
  } catch {
    // Storage full or refused: the timer runs on, unsaved.
  }
}

export function clearTimer(): void {
  try {
    localStorage.removeItem(KEY)
  } catch {
    // nothing to clear
  }
}

/** A new session for the timer, not started yet (it replaces any saved one). */
export function newTimer(setup: TimerSetup): SavedTimer {
  const saved: SavedTimer = { version: 1, setup, events: [], seenAt: Date.now() }
  saveTimer(saved)
  return saved
}

export const phasesOf = (saved: SavedTimer) => buildPhases(saved.setup.plan, saved.setup.warmupSeconds, saved.setup.cooldownSeconds)

/** The saved session's state, read as paused from when it was last seen if it was running. */
export function restore(saved: SavedTimer): { saved: SavedTimer; state: TimerState } {
  const phases = phasesOf(saved)
  const events = interrupted(phases, saved.events, saved.seenAt)
  const next = { ...saved, events }
  return { saved: next, state: replay(phases, events, saved.seenAt) }
}

/** Where a saved session stands: not started, under way (paused) or over (done or stopped), with what was run. */
export function standing(saved: SavedTimer): { status: TimerState['status']; run: SessionRun; state: TimerState } {
  const { state } = restore(saved)
  return { status: state.status, run: sessionRun(state), state }
}

/** Sets up a new session on the timer and opens it. */
export function openTimer(setup: TimerSetup): void {
  newTimer(setup)
  window.location.hash = '/timer'
}

export function loadMuted(): boolean {
  try {
    return localStorage.getItem(MUTED_KEY) === '1'
  } catch {
    return false
  }
}

export function saveMuted(muted: boolean): void {
  try {
    localStorage.setItem(MUTED_KEY, muted ? '1' : '0')
  } catch {
    // not kept
  }
}
