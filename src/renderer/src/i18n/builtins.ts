/**
 * The built-in protocols in the runner's language. Their rows (and the CSV files) keep the English they were
 * seeded with; the screens show them from the `builtins` namespace, found by their fixed UUIDs. A runner's own
 * protocols show as typed. Every screen that shows a protocol's name uses `protocolName`.
 */
import { tr } from './instance'

/** Each built-in protocol's UUID (migration 002) and the stem of its messages in `builtins`. */
export const BUILT_IN_KEYS: Readonly<Record<string, string>> = {
  '6b1f0c3e-0d5a-4b8e-9a51-000000000001': 'hiit4x4',
  '6b1f0c3e-0d5a-4b8e-9a51-000000000002': 'sprint6x20',
  '6b1f0c3e-0d5a-4b8e-9a51-000000000003': 'sprint5x30',
  '6b1f0c3e-0d5a-4b8e-9a51-000000000004': 'sprint4x45',
  '6b1f0c3e-0d5a-4b8e-9a51-000000000005': 'hill4x30'
}

/** Something that names a protocol: a protocol, or a record carrying its UUID and name. */
export interface NamedProtocol {
  uuid?: string | null | undefined
  name: string
}

type BuiltInText = 'Name' | 'Description' | 'SourceNote'

function builtInText(uuid: string | null | undefined, part: BuiltInText, fallback: string): string {
  const key = uuid ? BUILT_IN_KEYS[uuid] : undefined
  return key ? tr(`builtins:${key}${part}`) : fallback
}

/** A protocol's name as the runner reads it: a built-in one's in the runner's language, one's own as typed. */
export const protocolName = (p: NamedProtocol): string => builtInText(p.uuid, 'Name', p.name)

/** A protocol's description, likewise. */
export const protocolDescription = (p: { uuid?: string | null; description: string }): string => builtInText(p.uuid, 'Description', p.description)

/** A protocol's source note, likewise. */
export const protocolSourceNote = (p: { uuid?: string | null; sourceNote: string }): string => builtInText(p.uuid, 'SourceNote', p.sourceNote)

/** A protocol name given as a UUID and a name apart (sessions, blocks and charts carry them so); null stays null. */
export function protocolNameOf(uuid: string | null | undefined, name: string | null | undefined): string | null {
  return name == null ? null : protocolName({ uuid, name })
}

/**
 * A protocol name carried by a record that has only the protocol's id (a session, a chart's series): the
 * protocol's name from `protocols` when it is there, else the name the record carries; null for none.
 */
export function protocolNameById(
  protocols: readonly (NamedProtocol & { id: number })[] | null | undefined,
  id: number | null | undefined,
  name: string | null | undefined
): string | null {
  const p = id == null ? undefined : protocols?.find((x) => x.id === id)
  return p ? protocolName(p) : (name ?? null)
}
