/**
 * Electron's security checklist for sessions and web contents, as plain functions over the objects they
 * harden, so tests can hand in stand-ins and check every handler refuses.
 */
import type { Session, WebContents } from 'electron'
import { CONTENT_SECURITY_POLICY } from './security'

/** Links the app may open in the user's browser; everything else is refused. */
export const EXTERNAL_ALLOWLIST: readonly RegExp[] = [/^https:\/\/github\.com\/[\w.-]+\/sprintlog(\/|$)/]

export function isAllowedExternal(url: string): boolean {
  return EXTERNAL_ALLOWLIST.some((re) => re.test(url))
}

type HardenableSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'> & {
  webRequest: Pick<Session['webRequest'], 'onHeadersReceived'>
}

/** Denies every permission (camera, notifications, …) and adds the CSP to every response. */
export function hardenSession(ses: HardenableSession): void {
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.setDevicePermissionHandler(() => false)
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } })
  })
}

type HardenableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>

/** No navigation away from the app, no redirects, no webviews, no new windows (allow-listed links open in the browser). */
export function hardenContents(contents: HardenableContents, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url)) openExternal(url)
    return { action: 'deny' }
  })
}
