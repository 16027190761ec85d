/**
 * A timer session as it is saved: its set-up and its events (pure data, epoch milliseconds), and when it was last
 * seen running; read back, a session that was running reads as paused from that moment (a closed window, a crash).
 */
import { z } from 'zod'
import { planSchema } from '../../../../shared/records'
import { buildPhases, interrupted, replay, sessionRun, type SessionRun, type TimerEvent, type TimerState } from '../../../../shared/timer'
import type { RepeatGroup } from '../../../../shared/training'

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
export const savedSchema = z.object({
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

