/**
 * The one entry point to the back end. Every transport (Electron IPC, the web-mode HTTP server, tests)
 * hands a channel name and an untrusted input to `call`, which parses the input with the contract's
 * schema before any handler runs and always answers with a result object.
 */
import type { z } from 'zod'
import { type Channel, isChannel } from '../../shared/channels'
import { contract, type OutputOf, type ParsedInputOf } from '../../shared/contract'
import { DomainError, fail, type FieldIssue, ok, type Result } from '../../shared/result'

export type Handler<C extends Channel> = (input: ParsedInputOf<C>) => OutputOf<C> | Promise<OutputOf<C>>
export type Handlers = { [C in Channel]: Handler<C> }

export interface Router {
  call(channel: unknown, input: unknown): Promise<Result<unknown>>
}

export type Logger = (message: string, error?: unknown) => void

export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))
}

export function createRouter(handlers: Handlers, log: Logger = (m, e) => console.error(m, e)): Router {
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
      try {
        const handler = handlers[channel] as (input: unknown) => unknown
        return ok(await handler(parsed.data))
      } catch (e) {
        if (e instanceof DomainError) return fail(e.code, e.message, e.issues)
        const code = (e as { code?: unknown }).code
        if (typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')) {
          log(`Channel ${channel} hit a damaged database`, e)
          return fail('unavailable', 'The database file is damaged, so this could not be done; nothing was changed. Restore a backup under Data → Backups.')
        }
        log(`Channel ${channel} failed`, e)
        return fail('internal', `Something went wrong in ${channel}; nothing was changed. The details are in the log.`)
      }
    }
  }
}
