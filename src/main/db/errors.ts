import type { DatabaseFailure } from '../../shared/domain'
import { english, type Msg, type Params, worded } from '../../shared/i18n/message'

export type OpenFailure = DatabaseFailure

/** The database file cannot be used. It has not been modified. */
export class DatabaseOpenError extends Error {
  constructor(
    readonly kind: OpenFailure,
    readonly msg: Msg,
    readonly path: string
  ) {
    super(english(msg))
    this.name = 'DatabaseOpenError'
  }

  /** What the recovery screen is told: the kind of failure and its message. */
  status(): { ok: false; kind: OpenFailure; message: string; key: string; params?: Params } {
    return { ok: false, kind: this.kind, ...worded(this.msg) }
  }
}

/** SQLite's (or the system's) error code of `e`, or ''. */
export function errorCode(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : ''
}

/** The resource problems a person can act on, by SQLite's or the system's error code. */
export type ResourceProblem = 'disk_full' | 'read_only' | 'locked'

export function resourceProblem(e: unknown): ResourceProblem | null {
  const code = errorCode(e)
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'disk_full'
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return 'read_only'
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || code === 'EBUSY') return 'locked'
  return null
}

/** Damage SQLite found in the file itself. */
export function isDamage(e: unknown): boolean {
  const code = errorCode(e)
  return code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB' || code === 'corrupt'
}

/** The plain words for a resource problem with the file at `path` (a path, or a message naming the file). */
export function resourceMessage(problem: ResourceProblem, path: string | Msg): Msg {
  switch (problem) {
    case 'disk_full':
      return { key: 'diskFull' }
    case 'read_only':
      return { key: 'readOnly', params: { path } }
    case 'locked':
      return { key: 'locked', params: { path } }
  }
}

/** One line for the terminal and the log: what failed and SQLite's or the system's words for why, no stack trace. */
export function oneLine(what: string, e: unknown): string {
  const code = errorCode(e)
  const message = e instanceof Error ? e.message : String(e)
  return `${what}: ${code ? `${code}: ` : ''}${message.split('\n')[0] ?? ''}`
}
