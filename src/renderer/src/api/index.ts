/** The renderer's only door to the back end: Electron's preload api when present, HTTP in web mode. */
import { type Api, buildApi, type Transport } from '../../../shared/api'
import { fail, type Result } from '../../../shared/result'

const TOKEN_KEY = 'sprintlog.token'

/** Web mode: the launch URL carries the access token in its fragment; keep it for this tab and tidy the address bar. */
function takeToken(): string {
  // `#token=…`, or a screen and the token: `#/history&token=…`.
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash)
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]))
    const rest = window.location.hash.replace(match[0], '').replace(/^#?&?/, '')
    history.replaceState(null, '', window.location.pathname + window.location.search + (rest ? `#${rest}` : ''))
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? ''
}

function httpTransport(): Transport {
  const token = takeToken()
  return async (channel, input) => {
    try {
      const res = await fetch(`/api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Sprintlog-Token': token },
        body: input === undefined ? '' : JSON.stringify(input)
      })
      return (await res.json()) as Result<unknown>
    } catch {
      return fail('unavailable', { key: 'backEndSilent' })
    }
  }
}

/** Fired when the back end answers that the database cannot be used (for example damage found just now). */
export const UNAVAILABLE_EVENT = 'sprintlog:unavailable'

/** Every call, and a look at its answer: when the database has become unusable, the app shows the recovery screen. */
function watched(inner: Api): Api {
  const out: Record<string, Record<string, (input?: unknown) => Promise<Result<unknown>>>> = {}
  for (const [domain, verbs] of Object.entries(inner as unknown as Record<string, Record<string, (input?: unknown) => Promise<Result<unknown>>>>)) {
    out[domain] = {}
    for (const [verb, call] of Object.entries(verbs)) {
      out[domain][verb] = async (input?: unknown) => {
        const r = await call(input)
        if (!r.ok && r.error.code === 'unavailable' && `${domain}/${verb}` !== 'app/info') window.dispatchEvent(new Event(UNAVAILABLE_EVENT))
        return r
      }
    }
  }
  return out as unknown as Api
}

export const api: Api = watched(window.api ?? buildApi(httpTransport()))
export const isWebMode = window.api === undefined
