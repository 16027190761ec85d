/** The shape every call across the bridge returns: a value, or an error a person can act on. */
import { type Msg, type Params, worded } from './i18n/message'

export type ErrorCode =
  | 'invalid_input' // the input failed the channel's schema; `issues` names the fields
  | 'unknown_channel' // no such channel in the contract
  | 'not_found' // the record the input names does not exist (or was deleted)
  | 'conflict' // the write would break a rule (for example an overlapping block)
  | 'forbidden' // the caller is not the app's own window (or lacks the web-mode token)
  | 'unavailable' // the database is not open (damaged, too new, or being restored)
  | 'disk_full' // the disk is full: nothing was saved
  | 'read_only' // the database file (or its folder) cannot be written to
  | 'busy' // another program holds the database's lock
  | 'internal' // a bug: the message is generic, details are in the log

export interface FieldIssue {
  /** Dotted path of the offending field, for example `reps.2.workSeconds`; empty for the whole input. */
  path: string
  /** The English wording (logs, tests, the CLI); the renderer words `key` with `params` in the runner's language. */
  message: string
  key: string
  params?: Params
}

export interface AppError {
  code: ErrorCode
  /** The English wording (logs, tests, the CLI); the renderer words `key` with `params` in the runner's language. */
  message: string
  key: string
  params?: Params
  issues?: FieldIssue[]
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (code: ErrorCode, m: Msg | string, issues?: FieldIssue[]): Result<never> => ({
  ok: false,
  error: issues && issues.length > 0 ? { code, ...worded(m), issues } : { code, ...worded(m) }
})

/** A field's issue: its dotted path and its message. */
export const fieldIssue = (path: string, m: Msg | string): FieldIssue => ({ path, ...worded(m) })

/** An error raised by a handler or repository that maps to a result code. */
export class DomainError extends Error {
  constructor(
    readonly code: Exclude<ErrorCode, 'internal' | 'unknown_channel'>,
    readonly msg: Msg | string,
    readonly issues?: FieldIssue[]
  ) {
    super(worded(msg).message)
    this.name = 'DomainError'
  }
}
