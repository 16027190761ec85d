import { useEffect, useState } from 'react'
import type { Result } from '../../../../shared/result'

export type Loaded<T> = { state: 'loading' } | { state: 'ok'; value: T; stale: boolean } | { state: 'error'; message: string }

/**
 * Calls `load` whenever it changes (wrap it in useCallback with its inputs) and keeps the last answer on
 * screen while the next one is on its way, so switching a range does not flash an empty card.
 */
export function useResult<T>(load: (() => Promise<Result<T>>) | null): Loaded<T> {
  const [state, setState] = useState<{ load: unknown; result: Result<T> } | null>(null)
  useEffect(() => {
    if (!load) return
    let live = true
    void load().then((result) => {
      if (live) setState({ load, result })
    })
    return () => {
      live = false
    }
  }, [load])
  if (!state) return { state: 'loading' }
  if (!state.result.ok) return { state: 'error', message: state.result.error.message }
  return { state: 'ok', value: state.result.value, stale: state.load !== load }
}
