import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { addWeight, expect, startWebApp, test, UNAVAILABLE_EXPECTED } from './fixtures'

test('back up now, restore a backup after confirming, and undo the restore', async ({ page, app }) => {
  await page.getByRole('link', { name: 'Body weight' }).click()
  await addWeight(page, '72.0', '2026-11-01')
  await expect(page.getByText('1 entry')).toBeVisible()
  await page.getByRole('link', { name: 'Data & backups' }).click()
  const card = page.getByRole('region', { name: 'Backups' })
  // The daily backup is taken when the app starts.
  await expect(card.locator('tr[data-backup]')).toHaveCount(1)
  await expect(card.locator('tr[data-backup]').first()).toContainText('Daily')

  await card.getByRole('button', { name: 'Back up now' }).click()
  await expect(page.getByText(/Backed up 0 sessions and 1 weights/)).toBeVisible()
  await expect(card.locator('tr[data-backup]')).toHaveCount(2)
  const manual = card.locator('tr[data-backup]', { hasText: 'Made by you' })
  await expect(manual.locator('td').nth(4)).toHaveText('1')

  await page.getByRole('link', { name: 'Body weight' }).click()
  await addWeight(page, '71.5', '2026-11-02')
  await expect(page.getByText('2 entries')).toBeVisible()
  expect(app.query('SELECT count(*) AS n FROM body_weights')).toEqual([{ n: 2 }])

  await page.getByRole('link', { name: 'Data & backups' }).click()
  await card.locator('tr[data-backup]', { hasText: 'Made by you' }).getByRole('button', { name: /^Restore the backup/ }).click()
  await expect(card.getByText('Your current data is saved as a backup first')).toBeVisible()
  await card.getByRole('button', { name: 'Restore', exact: true }).click()
  await expect(page.getByText(/^Restored the backup of/)).toBeVisible()
  expect(app.query('SELECT date, kg FROM body_weights WHERE deleted_at IS NULL')).toEqual([{ date: '2026-11-01', kg: 72 }])
  await expect(card.locator('tr[data-backup]', { hasText: 'Before a restore' })).toHaveCount(1)

  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(page.getByText('Undone: your data is back as it was.')).toBeVisible()
  expect(app.query('SELECT count(*) AS n FROM body_weights WHERE deleted_at IS NULL')).toEqual([{ n: 2 }])
  await page.screenshot({ path: test.info().outputPath('backups.png'), fullPage: true })
})

test('a damaged database opens in recovery mode, untouched, and the latest good backup brings the data back', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'sprintlog-e2e-recovery-'))
  try {
    // A first run writes data and takes its daily backup.
    const first = await startWebApp(dir)
    await page.goto(first.app.url)
    await page.getByRole('link', { name: 'Body weight' }).click()
    await addWeight(page, '72.4', '2026-11-01')
    await expect(page.getByText('1 entry')).toBeVisible()
    await page.getByRole('link', { name: 'Data & backups' }).click()
    await page.getByRole('region', { name: 'Backups' }).getByRole('button', { name: 'Back up now' }).click()
    await expect(page.getByText(/Backed up 0 sessions and 1 weights/)).toBeVisible()
    await page.goto('about:blank')
    await first.stop()

    // The file is damaged (its schema page overwritten) while the app is closed.
    const dbPath = join(dir, 'sprintlog.db')
    const fd = openSync(dbPath, 'r+')
    writeSync(fd, Buffer.alloc(2000, 0xab), 0, 2000, 100)
    closeSync(fd)

    const second = await startWebApp(dir)
    await page.goto(second.app.url)
    await expect(page.getByRole('heading', { name: 'Sprintlog can’t open your data' })).toBeVisible()
    await expect(page.getByText('The file is damaged.')).toBeVisible()
    await expect(page.getByText('Nothing has been changed or deleted.')).toBeVisible()
    await page.screenshot({ path: test.info().outputPath('recovery.png'), fullPage: true })

    const latest = page.locator('tr[data-backup]', { hasText: 'latest good' })
    await latest.getByRole('button', { name: /^Restore the backup/ }).click()
    await page.getByRole('button', { name: 'Restore', exact: true }).click()
    await expect(page.getByText(/was kept, unchanged, as .*sprintlog\.unopened-/)).toBeVisible()
    await page.getByRole('button', { name: 'Open Sprintlog' }).click()
    await page.getByRole('link', { name: 'Body weight' }).click()
    await expect(page.locator('tbody tr').first()).toContainText('72.4 kg')
    expect(readdirSync(dir).some((n) => n.startsWith('sprintlog.unopened-'))).toBe(true)
    await page.goto('about:blank')
    await second.stop()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('an empty database file opens the recovery screen; a new database starts there only after confirming', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'sprintlog-e2e-empty-'))
  try {
    const dbPath = join(dir, 'sprintlog.db')
    writeFileSync(dbPath, '')
    const run = await startWebApp(dir)
    await page.goto(run.app.url)
    await expect(page.getByRole('heading', { name: 'Sprintlog can’t open your data' })).toBeVisible()
    await expect(page.getByText('The file is empty.')).toBeVisible()
    await page.getByRole('button', { name: 'Start a new, empty database…' }).click()
    const ask = page.getByRole('group', { name: 'Start a new database' })
    await expect(ask).toContainText(dbPath)
    await ask.getByRole('button', { name: 'Cancel' }).click()
    expect(statSync(dbPath).size).toBe(0)
    await page.getByRole('button', { name: 'Start a new, empty database…' }).click()
    await page.getByRole('button', { name: 'Start the new database' }).click()
    await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible()
    await page.getByRole('link', { name: 'Body weight' }).click()
    await addWeight(page, '70.0', '2026-11-01')
    await expect(page.getByText('1 entry')).toBeVisible()
    expect(run.app.query('SELECT kg FROM body_weights')).toEqual([{ kg: 70 }])
    await page.goto('about:blank')
    await run.stop()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('damage found while the app runs: the next request shows the recovery screen, and nothing more is written', { annotation: { type: UNAVAILABLE_EXPECTED } }, async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'sprintlog-e2e-damage-'))
  try {
    const run = await startWebApp(dir)
    await page.goto(run.app.url)
    await page.getByRole('link', { name: 'Body weight' }).click()
    await addWeight(page, '72.4', '2026-11-01')
    await expect(page.getByText('1 entry')).toBeVisible()
    // Damage the body-weight table's page under the running app (its journal written into the file first).
    const db = new Database(run.app.dbPath)
    db.pragma('wal_checkpoint(TRUNCATE)')
    const pageSize = db.pragma('page_size', { simple: true }) as number
    const root = (db.prepare(`SELECT rootpage FROM sqlite_schema WHERE name = 'body_weights'`).get() as { rootpage: number }).rootpage
    db.close()
    const fd = openSync(run.app.dbPath, 'r+')
    writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, (root - 1) * pageSize)
    closeSync(fd)
    const damaged = readFileSync(run.app.dbPath)

    // The dashboard reads the body weights: that read finds the damage.
    await page.getByRole('link', { name: 'Progress' }).click()
    await expect(page.getByRole('heading', { name: 'Sprintlog can’t open your data' })).toBeVisible()
    await expect(page.getByText('The file is damaged.')).toBeVisible()
    expect(readFileSync(run.app.dbPath).equals(damaged)).toBe(true)
    await page.goto('about:blank')
    await run.stop()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
