/** The training model: protocols (templates), sessions with their reps, and training blocks. SI units. */
import type { z } from 'zod'
import type { KeysFrom, Values } from './fields'
import type { BLOCK_FIELDS, PROTOCOL_FIELDS, REP_FIELDS, repeatGroupSchema, SESSION_FIELDS } from './records'

export const INTENSITIES = ['max', 'near-max', 'moderate', 'custom'] as const
export type Intensity = (typeof INTENSITIES)[number]

export const RECOVERY_MODES = ['walk', 'jog', 'stand', 'walk-down'] as const
export type RecoveryMode = (typeof RECOVERY_MODES)[number]

/** What carries a rep's external load. */
export const LOAD_KINDS = ['vest', 'sled', 'other'] as const
export type LoadKind = (typeof LOAD_KINDS)[number]

export const TERRAINS = ['flat', 'hill', 'treadmill'] as const
export type Terrain = (typeof TERRAINS)[number]

/**
 * The records, as the field tables define them (records.ts): one definition per field, so these types follow
 * any field added there. Each picks the fields it carries, and the key lists are checked against the tables.
 */
type RepFields = Values<typeof REP_FIELDS>
type SessionFields = Values<typeof SESSION_FIELDS>

/**
 * One repeat group of a protocol: `count` × (work, then recovery). Work is a duration or a distance.
 * Written in the compact notation as, for example, `6x20s @max / 2m walk`.
 */
export type RepeatGroup = z.output<typeof repeatGroupSchema>

export type Protocol = Values<typeof PROTOCOL_FIELDS>

/** One work interval and the recovery after it, as it was actually run (its position is its place in `Session.reps`). */
export type Rep = Omit<RepFields, 'position'>

/** A session's own fields as the app shows and edits them (the stored metrics are in `SessionSummary`). */
export const SESSION_HEAD = [
  'id',
  'uuid',
  'date',
  'startTime',
  'protocolId',
  'protocolName',
  'plan',
  'plannedReps',
  'warmupSeconds',
  'cooldownSeconds',
  'rpe',
  'couldNotRecover',
  'notes',
  'createdAt',
  'updatedAt',
  'sourceFileName',
  'sourceDevice',
  'sourceFormat',
  'sourceSha256'
] as const satisfies readonly (keyof SessionFields)[]

export type Session = Pick<SessionFields, (typeof SESSION_HEAD)[number]> & { reps: Rep[] }

/** A protocol as it is entered and edited (the rest is the database's). */
export type ProtocolDraft = Pick<Protocol, KeysFrom<typeof PROTOCOL_FIELDS, 'input'>>

export type Block = Values<typeof BLOCK_FIELDS>

/** A training block as it is entered and edited. */
export type BlockDraft = Pick<Block, KeysFrom<typeof BLOCK_FIELDS, 'input'>>
