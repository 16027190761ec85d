import { useEffect, useState } from 'react'

/** The screens of the app, addressed by the URL fragment (`#/history`), so Back and Forward work. */
export type Route =
  | { name: 'dashboard' }
  | { name: 'log' }
  | { name: 'session'; id: number }
  | { name: 'history' }
  /** `after`: open the form for the block that follows this (finished) one, prefilled from it. */
  | { name: 'blocks'; after?: number }
  /** The month view of one training block. */
  | { name: 'calendar'; id: number }
  | { name: 'protocols' }
  | { name: 'weight' }
  | { name: 'data' }
  /** The interval timer of the session set up from Log session or the next-session card (full window). */
  | { name: 'timer' }

export const DEFAULT_ROUTE: Route = { name: 'dashboard' }

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '')
  const [head, arg, arg2] = path.split('/')
  switch (head) {
    case 'blocks': {
      const after = Number(arg2)
      return arg === 'next' && Number.isInteger(after) && after > 0 ? { name: 'blocks', after } : { name: 'blocks' }
    }
    case 'dashboard':
    case 'log':
    case 'history':
    case 'protocols':
    case 'weight':
    case 'data':
    case 'timer':
      return { name: head }
    case 'session':
    case 'calendar': {
      const id = Number(arg)
      return Number.isInteger(id) && id > 0 ? { name: head, id } : DEFAULT_ROUTE
    }
    default:
      return DEFAULT_ROUTE
  }
}

export function href(route: Route): string {
  if (route.name === 'session' || route.name === 'calendar') return `#/${route.name}/${route.id}`
  if (route.name === 'blocks' && route.after !== undefined) return `#/blocks/next/${route.after}`
  return `#/${route.name}`
}

export function navigate(route: Route): void {
  window.location.hash = href(route).slice(1)
}

/** The current route; `onOpen` (a stable function) is told of every route opened after the first, before it is drawn. */
export function useRoute(onOpen?: (route: Route) => void): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash))
  useEffect(() => {
    const onChange = () => {
      const next = parseRoute(window.location.hash)
      onOpen?.(next)
      setRoute(next)
    }
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [onOpen])
  return route
}
