import type { Result } from '../../../shared/result'

/** One of the api's calls (`api.stats.weeklyLoad`…). */
type Call<I, T> = (input: I) => Promise<Result<T>>

/**
 * Answers asked for ahead of the component that shows them: a screen's loads start as the screen opens, before
 * it is drawn (the back end works on them while the page draws), and a load that needs another's answer starts as
 * soon as that answer is in rather than once it has been drawn. The component's own load then takes the answer on
 * its way (`ask`) instead of asking again. Each answer is taken once, and only while the screen it was asked for
 * is open and for a few seconds: a later load asks the back end afresh.
 */
const onTheirWay = new Map<Call<never, unknown>, Map<string, Promise<Result<unknown>>>>()

/** How long an answer asked for ahead waits for its component before it is dropped. */
const KEEP_MS = 3000

const keyOf = (input: unknown) => JSON.stringify(input ?? null)

/** Starts `call(input)` now, for the component that will ask for the same call and input; returns its answer too. */
export function askEarly<I, T>(call: Call<I, T>, input: I): Promise<Result<T>> {
  return leave(call, input, call(input))
}

/**
 * `ask`, and the answer is left on its way for the next component that asks for the same: for a load whose
 * answer a component of the same screen asks for again as it appears.
 */
export function askAndLeave<I, T>(call: Call<I, T>, input: I): Promise<Result<T>> {
  return leave(call, input, ask(call, input))
}

function leave<I, T>(call: Call<I, T>, input: I, answer: Promise<Result<T>>): Promise<Result<T>> {
  const byInput = onTheirWay.get(call as Call<never, unknown>) ?? new Map<string, Promise<Result<unknown>>>()
  onTheirWay.set(call as Call<never, unknown>, byInput)
  const key = keyOf(input)
  byInput.set(key, answer)
  setTimeout(() => {
    if (byInput.get(key) === answer) byInput.delete(key)
  }, KEEP_MS)
  return answer
}

/** `call(input)`: the answer asked for ahead when there is one on its way (taken, so asked for once), else a new call. */
export function ask<I, T>(call: Call<I, T>, input: I): Promise<Result<T>> {
  const byInput = onTheirWay.get(call as Call<never, unknown>)
  const key = keyOf(input)
  const early = byInput?.get(key) as Promise<Result<T>> | undefined
  if (!early) return call(input)
  byInput?.delete(key)
  return early
}

/** Drops every answer asked for ahead (another screen opens: what is shown from now on is asked for anew). */
export function dropEarly(): void {
  onTheirWay.clear()
}
