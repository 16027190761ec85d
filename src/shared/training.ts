/** The training model: protocols (templates), sessions with their reps, and training blocks. SI units. */
import type { LocalDate } from './dates'

export const INTENSITIES = ['max', 'near-max', 'moderate', 'custom'] as const
export type Intensity = (typeof INTENSITIES)[number]

export const RECOVERY_MODES = ['walk', 'jog', 'stand', 'walk-down'] as const
export type RecoveryMode = (typeof RECOVERY_MODES)[number]

export const TERRAINS = ['flat', 'hill', 'treadmill'] as const
export type Terrain = (typeof TERRAINS)[number]

/**
 * One repeat group of a protocol: `count` × (work, then recovery). Work is a duration or a distance.
 * Written in the compact notation as, for example, `6x20s @max / 2m walk`.
 */
export interface RepeatGroup {
  count: number
  /** Planned work per rep in seconds (null when the rep is a distance). */
  workSeconds: number | null
  /** Planned work per rep in metres (null when the rep is timed). */
  workMeters: number | null
  /** Unspecified when the notation leaves it out. */
  intensity: Intensity | null
  /** Percent of maximum effort, for `custom` intensity only. */
  intensityPct: number | null
  /** Uphill reps. */
  hill: boolean
  /** Treadmill incline in percent, if any. */
  inclinePct: number | null
  /** Recovery after each rep in seconds; null for an untimed walk back down the hill. */
  recoverySeconds: number | null
  recoveryMode: RecoveryMode
}

export interface Protocol {
  id: number
  uuid: string
  name: string
  description: string
  /** Where the protocol comes from (a study, a coach), shown beside it. */
  sourceNote: string
  terrain: Terrain
  groups: RepeatGroup[]
  builtIn: boolean
  archived: boolean
  createdAt: string
  updatedAt: string
}

/** One work interval and the recovery after it, as it was actually run. */
export interface Rep {
  workSeconds: number
  distanceMeters: number | null
  intensity: Intensity
  intensityPct: number | null
  /** Rating of perceived exertion for this rep, 0–10 (CR-10). */
  rpe: number | null
  recoverySeconds: number | null
  recoveryMode: RecoveryMode
  inclinePct: number | null
  hill: boolean
  /** False when the rep was abandoned. */
  completed: boolean
  heartRate: number | null
}

export interface Session {
  id: number
  uuid: string
  date: LocalDate
  /** Local start time `HH:MM`, optional. */
  startTime: string | null
  protocolId: number | null
  /** The protocol's name (null for a free-form session). */
  protocolName: string | null
  /** The plan the reps were prefilled from (after any progression adjustment); null for a free-form session. */
  plan: RepeatGroup[] | null
  /** How many reps the plan had when the session was logged. */
  plannedReps: number
  warmupSeconds: number
  cooldownSeconds: number
  /** Session RPE, 0–10 (CR-10), asked about 30 minutes after the session. */
  rpe: number | null
  /** The runner could not catch their breath between reps. */
  couldNotRecover: boolean
  notes: string
  reps: Rep[]
  createdAt: string
  updatedAt: string
}

/** A protocol as it is entered and edited (the rest is the database's). */
export type ProtocolDraft = Pick<Protocol, 'name' | 'description' | 'sourceNote' | 'terrain' | 'groups'>

export interface Block {
  id: number
  uuid: string
  name: string
  startDate: LocalDate
  weeks: number
  sessionsPerWeek: number
  protocolId: number | null
  protocolName: string | null
  createdAt: string
  updatedAt: string
}

/** A training block as it is entered and edited. */
export type BlockDraft = Pick<Block, 'name' | 'startDate' | 'weeks' | 'sessionsPerWeek' | 'protocolId'>
