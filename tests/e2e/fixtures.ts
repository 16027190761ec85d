import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'
import Database from 'better-sqlite3'
import { addLocalDays } from '../../src/shared/dates'

const WEB_ENTRY = join(process.cwd(), 'out', 'main', 'web.js')

export interface WebApp {
  /** The launch address, token included. */
  url: string
  dbPath: string
  /** Runs a read-only query against the real database file. */
  query<T = Record<string, unknown>>(sql: string, ...params: unknown[]): T[]
  /** Calls a channel of the app's HTTP API with this launch's token, as the page would: to seed data. */
  call<T = unknown>(channel: string, input: unknown): Promise<T>
}

/** The browsers' time zone (playwright.config.ts): the screens' "today" is this zone's. */
const BROWSER_ZONE = 'Europe/Berlin'

/** The browser's today shifted by `shift` days, as `YYYY-MM-DD`. */
/** The annotation of a test that expects the back end to answer 503 (a damaged database). */
export const UNAVAILABLE_EXPECTED = 'expects 503'

export function browserDay(shift = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: BROWSER_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date())
  return addLocalDays(today, shift)
}

/**
 * Starts `node out/main/web.js` exactly as a user would: on a fresh database in a new temporary folder, or
 * on the database in `dir` (which then outlives the server, for tests that restart it).
 */
export async function startWebApp(dir?: string): Promise<{ app: WebApp; stop(): Promise<void> }> {
  if (!existsSync(WEB_ENTRY)) throw new Error('The app is not built: run `npm run build` (npm test does it for you).')
  const ownDir = dir === undefined
  dir ??= mkdtempSync(join(tmpdir(), 'sprintlog-e2e-'))
  const dbPath = join(dir, 'sprintlog.db')
  const child: ChildProcess = spawn(process.execPath, [WEB_ENTRY, '--db', dbPath, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web mode did not start:\n${output}`)), 15_000)
    const onData = (b: Buffer) => {
      output += b.toString()
      const m = /running at (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(output)
      if (m?.[1]) {
        clearTimeout(timer)
        resolve(m[1])
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => reject(new Error(`web mode exited with ${code}:\n${output}`)))
  })
  const app: WebApp = {
    url,
    dbPath,
    query(sql, ...params) {
      const db = new Database(dbPath, { readonly: true, fileMustExist: true })
      try {
        return db.prepare(sql).all(...params) as never
      } finally {
        db.close()
      }
    },
    async call<T>(channel: string, input: unknown): Promise<T> {
      const { origin, hash } = new URL(url)
      const token = new URLSearchParams(hash.slice(1)).get('token') ?? ''
      const res = await fetch(`${origin}/api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Sprintlog-Token': token },
        body: JSON.stringify(input)
      })
      const r = (await res.json()) as { ok: true; value: T } | { ok: false; error: { message: string } }
      if (!r.ok) throw new Error(`${channel}: ${r.error.message}`)
      return r.value
    }
  }
  return {
    app,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        await exited
      }
      if (ownDir) rmSync(dir, { recursive: true, force: true })
    }
  }
}

export const test = base.extend<{ app: WebApp }>({
  // Automatic: every test starts on a fresh app, even one that never touches `app` itself.
  app: [
    async ({ page }, use, testInfo) => {
    const { app, stop } = await startWebApp()
    const errors: string[] = []
    // A test that damages the database annotates itself: its 503 answers are what it checks.
    const refused = testInfo.annotations.some((a) => a.type === UNAVAILABLE_EXPECTED) ? /status of (4\d\d|503)/ : /status of 4\d\d/
    page.on('pageerror', (e) => errors.push(String(e)))
    page.on('console', (m) => {
      // A refusal from the back end (4xx, e.g. a validation error the screen then shows) is part of normal use;
      // anything else logged as an error (network failures, 5xx, exceptions) fails the test.
      if (m.type() === 'error' && !(m.text().startsWith('Failed to load resource: the server responded with a') && refused.test(m.text()))) errors.push(m.text())
    })
    await page.goto(app.url)
    await use(app)
    // Leave the app before stopping its server, so requests still in flight are not reported as errors.
    const logged = [...errors]
    await page.goto('about:blank')
    await stop()
    expect(logged, 'the page logged errors').toEqual([])
  },
    { auto: true }
  ]
})

export { expect }

export async function addWeight(page: Page, weight: string, date?: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Add body weight' })
  if (date) await form.getByLabel('Date').fill(date)
  await form.getByLabel(/^Weight/).fill(weight)
  await form.getByLabel(/^Weight/).press('Enter')
  // The field empties once the entry is saved, as a person would see before typing the next one.
  await expect(form.getByLabel(/^Weight/)).toHaveValue('')
}
