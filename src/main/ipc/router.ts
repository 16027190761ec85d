/**
 * The one entry point to the back end. Every transport (Electron IPC, the web-mode HTTP server, tests)
 * hands a channel name and an untrusted input to `call`, which parses the input with the contract's
 * schema before any handler runs and always answers with a result object.
 */
import type { z } from 'zod'
import { type Channel, isChannel } from '../../shared/channels'
import { contract, type OutputOf, type ParsedInputOf } from '../../shared/contract'
import { DomainError, fail, type FieldIssue, ok, type Result } from '../../shared/result'
import { errorCode, isDamage, oneLine, resourceMessage, resourceProblem } from '../db/errors'

export type Handler<C extends Channel> = (input: ParsedInputOf<C>) => OutputOf<C> | Promise<OutputOf<C>>
export type Handlers = { [C in Channel]: Handler<C> }

export interface Router {
  call(channel: unknown, input: unknown): Promise<Result<unknown>>
}

export type Logger = (message: string, error?: unknown) => void

export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))
}

/** How long a request keeps trying while another program holds the database's lock, between tries that do not block. */
export const LOCK_PATIENCE_MS = 3000

export interface RouterOptions {
  /** The database file, named in messages about it. */
  dbPath?: string
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

export function createRouter(handlers: Handlers, log: Logger = consoleLogger, opts: RouterOptions = {}): Router {
  const now = opts.now ?? Date.now
  const sleep = opts.sleep ?? pause
  const file = opts.dbPath ?? 'The database file'
  return {
    async call(channel, input) {
      if (!isChannel(channel)) return fail('unknown_channel', `There is no channel named “${String(channel)}”.`)
      const parsed = contract[channel].input.safeParse(input)
      if (!parsed.success) {
        const issues = zodIssues(parsed.error)
        const first = issues[0]
        const where = first && first.path ? `${first.path}: ` : ''
        return fail('invalid_input', `Invalid input for ${channel}. ${where}${first?.message ?? ''}`.trim(), issues)
      }
      const handler = handlers[channel] as (input: unknown) => unknown
      const started = now()
      for (let wait = 20; ; wait = Math.min(wait * 2, 250)) {
        try {
          return ok(await handler(parsed.data))
        } catch (e) {
          if (e instanceof DomainError) return fail(e.code, e.message, e.issues)
          if (isDamage(e)) {
            log(oneLine(`Channel ${channel} hit a damaged database`, e))
            opts.onDamage?.(e)
            return fail('unavailable', 'The database file is damaged, so this could not be done, and Sprintlog will not write to it any more; nothing was changed. Restore a backup.')
          }
          const problem = resourceProblem(e)
          // Another program holds the lock: try again a little later, without holding up other requests meanwhile.
          // Every handler's writes are one transaction, rolled back when it throws, so trying again is safe.
          if (problem === 'locked' && now() - started < LOCK_PATIENCE_MS) {
            await sleep(wait)
            continue
          }
          if (problem) {
            log(oneLine(`Channel ${channel} failed`, e))
            return fail(problem === 'disk_full' ? 'disk_full' : problem === 'read_only' ? 'read_only' : 'busy', resourceMessage(problem, file))
          }
          log(`Channel ${channel} failed`, e)
          return fail('internal', `Something went wrong in ${channel}; nothing was changed. The details are in the log.`)
        }
      }
    }
  }
}
