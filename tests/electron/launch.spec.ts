import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'
import Database from 'better-sqlite3'
import { CHANNELS } from '../../src/shared/channels'
import { ensureElectronSqlite, findElectron } from '../../scripts/electron-setup.mjs'

/** Skips with the reason shown in the run's output, not only in the report. */
function skipUnless(ok: boolean, reason: string): void {
  if (!ok) console.log(`skipped: ${reason}`)
  test.skip(!ok, reason)
}

test('the desktop app opens its window on a real database and stays sandboxed', async () => {
  const exe = findElectron()
  skipUnless(exe.ok, `Electron binary not available: ${exe.ok ? '' : exe.reason} The end-to-end tests in web mode cover the UI.`)
  const sqlite = ensureElectronSqlite()
  skipUnless(sqlite.ok, `better-sqlite3 for Electron not available: ${sqlite.ok ? '' : sqlite.reason}`)
  if (!exe.ok || !sqlite.ok) return

  const dir = mkdtempSync(join(tmpdir(), 'sprintlog-electron-'))
  const dbPath = join(dir, 'sprintlog.db')
  const app = await electron.launch({
    executablePath: exe.path,
    // The texts below are the English ones: the app follows the system's language at first start.
    args: [join(process.cwd(), 'out', 'main', 'index.js'), '--db', dbPath, '--lang=en-US'],
    env: { ...process.env, SPRINTLOG_NATIVE_BINDING: sqlite.path }
  })
  try {
    const page = await app.firstWindow()
    await expect(page).toHaveTitle('Sprintlog')
    // Sandboxed renderer: no Node, only the named api.
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined')
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined')
    // Every domain of the contract, each verb a function.
    const domains = [...new Set(CHANNELS.map((c) => c.split('/')[0]))].sort()
    expect(await page.evaluate(() => Object.keys((globalThis as unknown as { api: object }).api).sort())).toEqual(domains)
    const exposed = await page.evaluate(() =>
      Object.entries((globalThis as unknown as { api: Record<string, Record<string, unknown>> }).api).flatMap(([d, verbs]) =>
        Object.entries(verbs).map(([v, fn]) => `${d}/${v}:${typeof fn}`)
      )
    )
    expect(exposed.sort()).toEqual(CHANNELS.map((c) => `${c}:function`).sort())
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)

    // The first screen is the progress dashboard.
    await expect(page.getByRole('link', { name: 'Progress' })).toHaveAttribute('aria-current', 'page')
    await expect(page.getByTestId('next-session')).toContainText('Nothing planned yet')

    await page.getByRole('link', { name: 'Body weight' }).click()
    const form = page.getByRole('form', { name: 'Add body weight' })
    await form.getByLabel('Date').fill('2026-11-20')
    await form.getByLabel(/^Weight/).fill('72.4')
    await form.getByLabel(/^Weight/).press('Enter')
    await expect(page.locator('tbody tr').first()).toContainText('72.4 kg')
  } finally {
    await app.close()
  }
  const db = new Database(dbPath, { readonly: true })
  expect(db.prepare('SELECT date, kg FROM body_weights').all()).toEqual([{ date: '2026-11-20', kg: 72.4 }])
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
  db.close()
  rmSync(dir, { recursive: true, force: true })
})
