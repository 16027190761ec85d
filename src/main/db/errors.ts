import type { DatabaseFailure } from '../../shared/domain'

export type OpenFailure = DatabaseFailure

/** The database file cannot be used. It has not been modified. */
export class DatabaseOpenError extends Error {
  constructor(
    readonly kind: OpenFailure,
    message: string,
    readonly path: string
  ) {
    super(message)
    this.name = 'DatabaseOpenError'
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

/** The plain words for a resource problem with the file at `path`. */
export function resourceMessage(problem: ResourceProblem, path: string): string {
  switch (problem) {
    case 'disk_full':
      return 'The disk is full: Sprintlog saved nothing. Free some space and try again.'
    case 'read_only':
      return `Sprintlog cannot write to ${path}: it is read-only. Make the file and its folder writable (or start Sprintlog on another file with --db), then try again.`
    case 'locked':
      return `${path} is in use by another program, so Sprintlog saved nothing. Close that program (or let it finish) and try again.`
  }
}

/** One line for the terminal and the log: what failed and SQLite's or the system's words for why, no stack trace. */
export function oneLine(what: string, e: unknown): string {
  const code = errorCode(e)
  const message = e instanceof Error ? e.message : String(e)
  return `${what}: ${code ? `${code}: ` : ''}${message.split('\n')[0] ?? ''}`
}
