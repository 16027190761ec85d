import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
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
      experimentalFeatures: false
    })
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
