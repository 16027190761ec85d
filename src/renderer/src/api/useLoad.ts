import { useCallback, useEffect, useState } from 'react'
import type { AppError, Result } from '../../../shared/result'
import { wordError } from '../../../shared/i18n/message'

/** What a screen has of something it loads: nothing yet, the answer (perhaps stale), or the error. */
export type Loaded<T> =
  | { state: 'loading' }
  | {
      state: 'ok'
      value: T
      /** True while the answer for newer inputs (or a reload) is on its way; `value` is the previous answer. */
      stale: boolean
    }
  | { state: 'error'; message: string; error: AppError }

export type Load<T> = Loaded<T> & {
  /** Asks again with the same inputs (after a write); the current answer stays on screen until the new one arrives. */
  reload: () => void
}

/**
 * The one way a screen loads data: calls `load` whenever it changes (wrap it in useCallback with its
 * inputs) and on `reload()`, and keeps the last answer on screen while the next one is on its way, so
 * changing a filter or saving a record does not flash an empty card. `null` loads nothing (yet).
 * An answer that arrives after newer inputs were asked for is dropped.
 */
export function useLoad<T>(load: (() => Promise<Result<T>>) | null): Load<T> {
  const [version, setVersion] = useState(0)
  const [answer, setAnswer] = useState<{ load: unknown; version: number; result: Result<T> } | null>(null)
  useEffect(() => {
    if (!load) return
    let live = true
    void load().then((result) => {
      if (live) setAnswer({ load, version, result })
    })
    return () => {
      live = false
    }
  }, [load, version])
  const reload = useCallback(() => setVersion((v) => v + 1), [])
  if (!answer) return { state: 'loading', reload }
  if (!answer.result.ok) return { state: 'error', message: wordError(answer.result.error), error: answer.result.error, reload }
  return { state: 'ok', value: answer.result.value, stale: answer.load !== load || answer.version !== version, reload }
}

/** One reload for two loads, for a write that changes both; as stable as their own reloads. */
export function useReloadBoth(first: Pick<Load<unknown>, 'reload'>, second: Pick<Load<unknown>, 'reload'>): () => void {
  const { reload: reloadFirst } = first
  const { reload: reloadSecond } = second
  return useCallback(() => {
    reloadFirst()
    reloadSecond()
  }, [reloadFirst, reloadSecond])
}

/** The error's message when the load failed, else null. */
export function errorOf(loaded: Loaded<unknown>): string | null {
  return loaded.state === 'error' ? loaded.message : null
}

/** The value when there is one (stale or not), else `fallback`. */
export function valueOr<T, F>(loaded: Loaded<T>, fallback: F): T | F {
  return loaded.state === 'ok' ? loaded.value : fallback
}
