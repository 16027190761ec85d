/**
 * The one entry point to the back end. Every transport (Electron IPC, the web-mode HTTP server, tests)
 * hands a channel name and an untrusted input to `call`, which parses the input with the contract's
 * schema before any handler runs and always answers with a result object.
 */
import type { z } from 'zod'
import { type Channel, isChannel } from '../../shared/channels'
import { contract, type OutputOf, type ParsedInputOf } from '../../shared/contract'
import { type Msg, issueMsg } from '../../shared/i18n/message'
import { DomainError, fail, type FieldIssue, fieldIssue, ok, type Result } from '../../shared/result'
import { errorCode, isDamage, oneLine, resourceMessage, resourceProblem } from '../db/errors'

export type Handler<C extends Channel> = (input: ParsedInputOf<C>) => OutputOf<C> | Promise<OutputOf<C>>
export type Handlers = { [C in Channel]: Handler<C> }

export interface Router {
  call(channel: unknown, input: unknown): Promise<Result<unknown>>
}

export type Logger = (message: string, error?: unknown) => void

export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => fieldIssue(i.path.map(String).join('.'), issueMsg(i)))
}

/** How long a request keeps trying while another program holds the database's lock, between tries that do not block. */
export const LOCK_PATIENCE_MS = 3000

export interface RouterOptions {
  /** The database file, named in messages about it. */
  dbPath?: string
  /**
   * Why the database's lock is held, when the back end itself holds it elsewhere (an import written in a worker
   * thread): a request that gave up waiting for the lock says so, instead of naming another program.
   */
  lockedBy?: () => Msg | null
  /** Called when a handler hit damage in the database file (SQLITE_CORRUPT and the like). */
  onDamage?: (e: unknown) => void
  /** The clock and the wait between tries (tests drive them). */
  now?: () => number
  sleep?: (ms: number) => Promise<void>
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** The one line the terminal gets for a failure: the message, and the cause in one line (a stack trace only for a bug). */
export const consoleLogger: Logger = (m, e) => {
  if (e === undefined) console.error(m)
  else if (errorCode(e) !== '' || e instanceof DomainError) console.error(oneLine(m, e))
  else console.error(m, e)
}

/** True for a promise or any other thenable a handler may answer with. */
const isThenable = (v: unknown): v is PromiseLike<unknown> => v !== null && (typeof v === 'object' || typeof v === 'function') && typeof (v as { then?: unknown }).then === 'function'

/** The refusal of an input its channel's schema did not accept, with every field issue. */
function refusal(channel: Channel, error: z.ZodError): Result<never> {
  const issues = zodIssues(error)
  const first = issues[0]
  const reason: Msg = first ? { key: first.key, ...(first.params ? { params: first.params } : {}) } : { key: 'text', params: { text: '' } }
  const m: Msg = !first ? { key: 'invalidInputBare', params: { channel } } : first.path ? { key: 'invalidInputAt', params: { channel, path: first.path, reason } } : { key: 'invalidInput', params: { channel, reason } }
  return fail('invalid_input', m, issues)
}

export function createRouter(handlers: Handlers, log: Logger = consoleLogger, opts: RouterOptions = {}): Router {
  const now = opts.now ?? Date.now
  const sleep = opts.sleep ?? pause
  const file: string | Msg = opts.dbPath ?? { key: 'theDatabaseFile' }

  /** What a failed try answers, or null when another program holds the lock and there is patience left to try again. */
  const failure = (channel: Channel, e: unknown, started: number): Result<never> | null => {
    if (e instanceof DomainError) return fail(e.code, e.msg, e.issues)
    if (isDamage(e)) {
      log(oneLine(`Channel ${channel} hit a damaged database`, e))
      opts.onDamage?.(e)
      return fail('unavailable', { key: 'damaged' })
    }
    const problem = resourceProblem(e)
    // Another program holds the lock: try again a little later, without holding up other requests meanwhile.
    // Every handler's writes are one transaction, rolled back when it throws, so trying again is safe.
    if (problem === 'locked' && now() - started < LOCK_PATIENCE_MS) return null
    if (problem) {
      log(oneLine(`Channel ${channel} failed`, e))
      const why = problem === 'locked' ? opts.lockedBy?.() : null
      return fail(problem === 'disk_full' ? 'disk_full' : problem === 'read_only' ? 'read_only' : 'busy', why ?? resourceMessage(problem, file))
    }
    log(`Channel ${channel} failed`, e)
    return fail('internal', { key: 'internal', params: { channel } })
  }

  /** The tries after the first failed on the lock: waits growing from 20 ms to 250 ms, until LOCK_PATIENCE_MS. */
  const retry = async (channel: Channel, handler: (input: unknown) => unknown, input: unknown, started: number): Promise<Result<unknown>> => {
    for (let wait = 20; ; wait = Math.min(wait * 2, 250)) {
      await sleep(wait)
      try {
        return ok(await handler(input))
      } catch (e) {
        const answer = failure(channel, e, started)
        if (answer) return answer
      }
    }
  }

  return {
    call(channel, input) {
      if (!isChannel(channel)) return Promise.resolve(fail('unknown_channel', { key: 'unknownChannel', params: { channel: String(channel) } }))
      const parsed = contract[channel].input.safeParse(input)
      if (!parsed.success) return Promise.resolve(refusal(channel, parsed.error))
      const handler = handlers[channel] as (input: unknown) => unknown
      const started = now()
      let value: unknown
      try {
        value = handler(parsed.data)
      } catch (e) {
        return Promise.resolve(failure(channel, e, started) ?? retry(channel, handler, parsed.data, started))
      }
      // Most handlers answer at once (better-sqlite3 is synchronous): no further promise, no await.
      if (!isThenable(value)) return Promise.resolve(ok(value))
      return Promise.resolve(value).then(ok, (e: unknown) => failure(channel, e, started) ?? retry(channel, handler, parsed.data, started))
    }
  }
}
