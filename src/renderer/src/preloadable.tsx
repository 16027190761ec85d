import { type ComponentType, lazy } from 'react'

/** A screen loaded on first use, that can also be loaded ahead of time (after the first screen has painted). */
export interface Preloadable<P extends object> {
  (props: P): React.JSX.Element
  preload(): void
}

/**
 * A code-split screen. Until its code is here it renders through `React.lazy` (and the nearest Suspense
 * fallback); once loaded — by a first visit or by `preload()` — it renders the component itself, so switching to
 * it never waits for Suspense's reveal (React holds a fallback for a few hundred milliseconds).
 */
export function preloadable<P extends object>(load: () => Promise<ComponentType<P>>): Preloadable<P> {
  let loaded: ComponentType<P> | null = null
  let pending: Promise<ComponentType<P>> | null = null
  const fetch = () =>
    (pending ??= load().then(
      (c) => (loaded = c),
      (e: unknown) => {
        pending = null
        throw e
      }
    ))
  const Lazy = lazy(() => fetch().then((c) => ({ default: c })))
  const Screen = (props: P) => {
    const Loaded = loaded
    return Loaded ? <Loaded {...props} /> : <Lazy {...props} />
  }
  Screen.preload = () => void fetch().catch(() => {})
  return Screen
}
