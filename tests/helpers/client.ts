/**
 * A typed test client built from the contract: `client.sessions.create({...})` checks its input type against the
 * channel's schema, resolves with the channel's output type, and throws a `CallError` (code, message, issues) when
 * the back end refuses. `client.raw` is the same api answering with the plain Result, for tests that check errors.
 */
import { type Api, buildApi } from '../../src/shared/api'
import type { AppError, ErrorCode, FieldIssue, Result } from '../../src/shared/result'

/** Anything that answers a channel call with a Result: the router, or a transport over HTTP or IPC. */
export interface Caller {
  call(channel: string, input: unknown): Promise<Result<unknown>>
}

type Unwrapped<F> = F extends (...args: infer A) => Promise<Result<infer T>> ? (...args: A) => Promise<T> : never

export type Client = { [D in keyof Api]: { [V in keyof Api[D]]: Unwrapped<Api[D][V]> } } & {
  /** The same calls, answering with the Result itself (errors included) instead of throwing. */
  raw: Api
}

/** A refusal from the back end, with the error's code, message and field issues. */
export class CallError extends Error {
  readonly code: ErrorCode
  readonly issues: FieldIssue[] | undefined
  constructor(
    readonly channel: string,
    error: AppError
  ) {
    const issues = error.issues?.length ? ` ${error.issues.map((i) => `${i.path || '(input)'}: ${i.message}`).join('; ')}` : ''
    super(`${channel} failed with ${error.code}: ${error.message}${issues}`)
    this.name = 'CallError'
    this.code = error.code
    this.issues = error.issues
  }
}

export function clientFor(caller: Caller): Client {
  const raw = buildApi((channel, input) => caller.call(channel, input))
  const client: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {}
  for (const [domain, verbs] of Object.entries(raw as unknown as Record<string, Record<string, (input?: unknown) => Promise<Result<unknown>>>>)) {
    client[domain] = {}
    for (const [verb, fn] of Object.entries(verbs)) {
      client[domain][verb] = async (input?: unknown) => {
        const r = await fn(input)
        if (!r.ok) throw new CallError(`${domain}/${verb}`, r.error)
        return r.value
      }
    }
  }
  return Object.assign(client as unknown as Omit<Client, 'raw'>, { raw }) as Client
}

/**
 * Asks again (every `everyMs`) until `done` holds for the answer, and fails with `what` and the last answer once
 * `timeoutMs` has passed, instead of hanging until the test's own timeout.
 */
export async function until<T>(ask: () => Promise<T>, done: (v: T) => boolean, what: string, { timeoutMs = 10_000, everyMs = 10 } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const v = await ask()
    if (done(v)) return v
    if (Date.now() > deadline) throw new Error(`${what}: not done after ${timeoutMs} ms; last answer ${JSON.stringify(v)}`)
    await new Promise((r) => setTimeout(r, everyMs))
  }
}
