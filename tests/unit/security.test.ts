import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { hardenContents, hardenSession, isAllowedExternal } from '../../src/main/hardening'
import { CONTENT_SECURITY_POLICY, META_CSP } from '../../src/main/security'
import { windowOptions } from '../../src/main/window'
import { CHANNELS } from '../../src/shared/channels'

const root = process.cwd()

describe('the window', () => {
  it('follows Electron’s security checklist', () => {
    const prefs = windowOptions('/app/preload.cjs').webPreferences
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick'
    })
  })

  it('cannot be made narrower than the 720 px every screen is laid out for (tests/e2e/layout.spec.ts)', () => {
    expect(windowOptions('/app/preload.cjs').minWidth).toBe(720)
  })
})

describe('the content security policy', () => {
  it('allows only the app’s own scripts, with no inline or eval', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'")
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/)
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'")
  })

  it('is the same policy the page carries in its meta tag', () => {
    const html = readFileSync(join(root, 'src/renderer/index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    expect(meta).toBe(META_CSP)
  })
})

describe('the built preload', () => {
  const file = join(root, 'out/preload/index.cjs')
  it('is one CommonJS file that requires nothing but electron and exposes one function per channel', () => {
    expect(existsSync(file), 'out/preload/index.cjs is missing: run `npm run build` (npm test does it first)').toBe(true)
    const code = readFileSync(file, 'utf8')
    const requires = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1])
    expect(requires).toEqual(['electron'])
    expect(code).not.toMatch(/^\s*import\s/m)
    expect(code).toContain('exposeInMainWorld("api"')
    expect(code).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*\)/)
    for (const c of CHANNELS) expect(code).toContain(`"${c}"`)
  })
})

describe('the session', () => {
  it('denies every permission request and check, and sends the CSP with every response', () => {
    const h: Record<string, (...args: never[]) => unknown> = {}
    hardenSession({
      setPermissionRequestHandler: (f: never) => void (h.request = f),
      setPermissionCheckHandler: (f: never) => void (h.check = f),
      setDevicePermissionHandler: (f: never) => void (h.device = f),
      webRequest: { onHeadersReceived: (f: never) => void (h.headers = f) }
    } as never)
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | undefined
      ;(h.request as (wc: unknown, p: string, cb: (g: boolean) => void) => void)({}, permission, (g) => (granted = g))
      expect(granted, permission).toBe(false)
      expect((h.check as (wc: unknown, p: string) => boolean)({}, permission)).toBe(false)
    }
    expect((h.device as () => boolean)()).toBe(false)
    let headers: Record<string, string[]> = {}
    ;(h.headers as (d: unknown, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void)(
      { responseHeaders: { 'Content-Type': ['text/html'] } },
      (r) => (headers = r.responseHeaders)
    )
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] })
  })
})

describe('web contents', () => {
  function harden() {
    const on: Record<string, (e: { preventDefault(): void }) => void> = {}
    let open: ((d: { url: string }) => { action: string }) | undefined
    const opened: string[] = []
    hardenContents(
      { on: (name: string, f: never) => void (on[name] = f), setWindowOpenHandler: (f: never) => void (open = f) } as never,
      (url) => opened.push(url)
    )
    return { on, open: (url: string) => (open as (d: { url: string }) => { action: string })({ url }), opened }
  }

  it('prevents navigation, redirects and webviews', () => {
    const { on } = harden()
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      let prevented = false
      on[event]?.({ preventDefault: () => (prevented = true) })
      expect(prevented, event).toBe(true)
    }
  })

  it('denies every new window, opening only allow-listed links in the browser', () => {
    const { open, opened } = harden()
    expect(open('https://evil.example/')).toEqual({ action: 'deny' })
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' })
    expect(open('https://github.com/someone/sprintlog/issues')).toEqual({ action: 'deny' })
    expect(opened).toEqual(['https://github.com/someone/sprintlog/issues'])
    expect(isAllowedExternal('https://github.com.evil.example/sprintlog')).toBe(false)
    expect(isAllowedExternal('http://github.com/someone/sprintlog')).toBe(false)
  })
})

describe('the preload’s exposed surface', () => {
  it('is one named function per channel, grouped by domain, and nothing else', async () => {
    const { buildApi } = await import('../../src/shared/api')
    const calls: [string, unknown][] = []
    const api = buildApi(async (channel, input) => {
      calls.push([channel, input])
      return { ok: true, value: null }
    }) as unknown as Record<string, Record<string, (i?: unknown) => Promise<unknown>>>
    const exposed = Object.entries(api).flatMap(([d, fns]) => Object.keys(fns).map((v) => `${d}/${v}`))
    expect(exposed.sort()).toEqual([...CHANNELS].sort())
    for (const fns of Object.values(api)) for (const f of Object.values(fns)) expect(typeof f).toBe('function')
    await api.weights?.add?.({ date: '2026-11-20', kg: 72 })
    expect(calls).toEqual([['weights/add', { date: '2026-11-20', kg: 72 }]])
  })
})
