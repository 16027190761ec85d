/**
 * The built Electron bundles, without Electron: `out/main/index.js` runs under Node against a stand-in `electron`
 * module (tests/helpers/electron), and `out/preload/index.cjs` runs in a `vm` context with a stand-in
 * `contextBridge` and `ipcRenderer`. They check the wiring only those files do, which the router tests cannot see.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runInNewContext } from 'node:vm'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { windowOptions } from '../../src/main/window'
import { CHANNELS } from '../../src/shared/channels'
import type { Result } from '../../src/shared/result'
import { useTempDir } from '../helpers/tmp'

const OUT = join(process.cwd(), 'out')
const MAIN = join(OUT, 'main', 'index.js')
const PRELOAD = join(OUT, 'preload', 'index.cjs')
const DRIVER = join(process.cwd(), 'tests', 'helpers', 'electron', 'drive-main.mjs')
const tmp = useTempDir()

function requireBuilt(file: string): void {
  expect(existsSync(file), `${file} is missing: run \`npm run build\` first (npm test does it for you)`).toBe(true)
}

interface MainReport {
  outcome: { failed: boolean; timedOut?: boolean }
  errors: string[]
  channels: string[]
  windows: { options: unknown; loaded: { file?: string; url?: string }[] }[]
  add?: Result<{ id: number; date: string; kg: number }>
  list?: Result<{ items: { date: string; kg: number }[]; total: number }>
  info?: Result<{ databasePath: string; transport: string; database: { ok: boolean } }>
  foreign?: Result<unknown>
  subframe?: Result<unknown>
  noFrame?: Result<unknown>
  themeAtStart?: string
  themeSaved?: Result<{ theme: string }>
  themeAfter?: string
}

/** Runs the built main bundle in a child process with the electron stand-in; returns the driver's report. */
function runMain(args: string[], env: Record<string, string>): MainReport {
  const dir = tmp()
  const r = spawnSync(process.execPath, [DRIVER, ...args], {
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, STAND_IN_MAIN: MAIN, STAND_IN_USER_DATA: join(dir, 'user-data'), STAND_IN_DOCUMENTS: dir, ...env }
  })
  const last = r.stdout.trim().split('\n').at(-1) ?? ''
  expect(r.status, `the main bundle's driver failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`).toBe(0)
  return JSON.parse(last) as MainReport
}

describe('the built main bundle under a stand-in electron', () => {
  it('starts the runtime on SPRINTLOG_DB, answers every channel through the router, refuses foreign frames, opens the window', () => {
    requireBuilt(MAIN)
    const dbPath = join(tmp(), 'from-env.db')
    const report = runMain([], { SPRINTLOG_DB: dbPath })
    expect(report.errors).toEqual([])
    expect(report.outcome).toEqual({ failed: false })

    // One handler per channel of the contract, none other.
    expect([...report.channels].sort()).toEqual([...CHANNELS].sort())

    // Real answers through the router, on the resolved database.
    expect(report.add).toMatchObject({ ok: true, value: { date: '2026-11-20', kg: 72.4 } })
    expect(report.list).toMatchObject({ ok: true, value: { total: 1, items: [{ date: '2026-11-20', kg: 72.4 }] } })
    expect(report.info).toMatchObject({ ok: true, value: { databasePath: dbPath, transport: 'desktop', database: { ok: true } } })
    for (const refused of [report.foreign, report.subframe, report.noFrame]) expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } })

    // The native theme follows the theme setting: the saved one at start (the default, system), and each change.
    expect(report.themeAtStart).toBe('system')
    expect(report.themeSaved).toMatchObject({ ok: true, value: { theme: 'dark' } })
    expect(report.themeAfter).toBe('dark')

    // The window: windowOptions() with the preload and icon the bundle names, loading the built renderer.
    const preload = join(OUT, 'preload', 'index.cjs')
    expect(report.windows).toHaveLength(1)
    expect(report.windows[0]?.options).toEqual(JSON.parse(JSON.stringify(windowOptions(preload, join(process.cwd(), 'resources', 'icon.png')))))
    expect(report.windows[0]?.loaded).toEqual([{ file: join(OUT, 'renderer', 'index.html') }])
    expect(existsSync(preload), `the preload the window names is missing: ${preload}`).toBe(true)
    expect(existsSync(join(OUT, 'renderer', 'index.html')), 'the renderer the window loads is missing').toBe(true)

    // The write reached the file (and only the trusted one did).
    const db = new Database(dbPath, { readonly: true })
    try {
      expect(db.prepare('SELECT date, kg FROM body_weights').all()).toEqual([{ date: '2026-11-20', kg: 72.4 }])
    } finally {
      db.close()
    }
  })

  it('prefers --db over SPRINTLOG_DB', () => {
    requireBuilt(MAIN)
    const dir = tmp()
    const report = runMain(['--db', join(dir, 'from-flag.db')], { SPRINTLOG_DB: join(dir, 'from-env.db') })
    expect(report.info).toMatchObject({ ok: true, value: { databasePath: join(dir, 'from-flag.db') } })
    expect(existsSync(join(dir, 'from-flag.db'))).toBe(true)
    expect(existsSync(join(dir, 'from-env.db'))).toBe(false)
  })
})

/** Every `api.<domain>.<verb>` the renderer's sources call. */
function rendererCalls(): Set<string> {
  const root = join(process.cwd(), 'src', 'renderer', 'src')
  const calls = new Set<string>()
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name)
      if (e.isDirectory()) walk(p)
      else if (/\.tsx?$/.test(e.name)) for (const m of readFileSync(p, 'utf8').matchAll(/\bapi\.(\w+)\.(\w+)\b/g)) calls.add(`${m[1]}/${m[2]}`)
    }
  }
  walk(root)
  return calls
}

describe('the built preload bundle in a sandbox-like context', () => {
  it('exposes exactly the contract as named functions, each invoking its own channel', async () => {
    requireBuilt(PRELOAD)
    const exposed: Record<string, unknown> = {}
    const invoked: { channel: string; input: unknown }[] = []
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
      ipcRenderer: { invoke: async (channel: string, input: unknown) => (invoked.push({ channel, input }), { ok: true, value: channel }) }
    }
    const required: string[] = []
    const require = (name: string) => {
      required.push(name)
      if (name === 'electron') return electron
      throw new Error(`the preload requires ${name}; a sandboxed preload may require only electron`)
    }
    runInNewContext(readFileSync(PRELOAD, 'utf8'), { require, module: { exports: {} }, exports: {} }, { filename: PRELOAD })
    expect(required).toEqual(['electron'])
    expect(Object.keys(exposed)).toEqual(['api'])

    const api = exposed.api as Record<string, Record<string, unknown>>
    const functions = Object.entries(api).flatMap(([domain, verbs]) => Object.keys(verbs).map((verb) => `${domain}/${verb}`))
    // Nothing exposed that no channel names, and every channel exposed.
    expect([...functions].sort()).toEqual([...CHANNELS].sort())
    // Every function the renderer calls is exposed.
    const calls = rendererCalls()
    expect(calls.size, 'no api calls found in src/renderer/src').toBeGreaterThan(10)
    expect([...calls].filter((c) => !functions.includes(c))).toEqual([])

    for (const name of functions) {
      const [domain, verb] = name.split('/') as [string, string]
      const fn = api[domain]?.[verb]
      expect(typeof fn, name).toBe('function')
      const input = { probe: name }
      expect(await (fn as (i: unknown) => Promise<unknown>)(input)).toEqual({ ok: true, value: name })
      expect(invoked.at(-1)).toEqual({ channel: name, input })
    }
    expect(invoked).toHaveLength(CHANNELS.length)
  })
})
