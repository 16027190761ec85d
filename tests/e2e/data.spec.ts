import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Download, Page } from '@playwright/test'
import { parse } from 'csv-parse/sync'
import { HEADERS } from '../../src/shared/csv'
import type { Protocol, RepeatGroup } from '../../src/shared/training'
import { addWeight, browserDay, expect, startWebApp, test, type WebApp } from './fixtures'

let dir: string
test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sprintlog-e2e-csv-'))
})
test.afterEach(() => rmSync(dir, { recursive: true, force: true }))

const go = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name }).click()

async function rowsOf(download: Download): Promise<Record<string, string>[]> {
  const path = join(dir, download.suggestedFilename())
  await download.saveAs(path)
  const bytes = readFileSync(path)
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  expect(bytes.toString('utf8')).toContain('\r\n')
  return parse(bytes, { bom: true, columns: true }) as Record<string, string>[]
}

test('export body weight: the downloaded file holds what was entered', async ({ page, app }) => {
  await go(page, 'Body weight')
  await addWeight(page, '72.4', '2026-11-18')
  await expect.poll(() => app.query('SELECT id FROM body_weights').length).toBe(1)
  await addWeight(page, '71,9', '2026-11-19')
  await expect.poll(() => app.query('SELECT id FROM body_weights').length).toBe(2)

  await go(page, 'Data & backups')
  await page.getByRole('radio', { name: /Body weight/ }).check()
  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^sprintlog-\d{4}-\d{2}-\d{2}-body-weight\.csv$/)
  const rows = await rowsOf(download)
  expect(Object.keys(rows[0] ?? {})).toEqual([...HEADERS.weights])
  expect(rows.map((r) => [r.date, r.weight_kg, r.weight_lb])).toEqual([
    ['2026-11-18', '72.4', '159.61'],
    ['2026-11-19', '71.9', '158.51']
  ])
  await expect(page.getByRole('main').getByRole('status')).toContainText('Exported 2 rows')
})

test('export everything: five files, the reps file carries each session', async ({ page }) => {
  await go(page, 'Log session')
  await page.getByLabel('Protocol', { exact: true }).selectOption({ label: 'Sprint 6×20 s' })
  await page.getByRole('button', { name: 'Log as planned' }).click()
  await expect(page.getByRole('region', { name: 'Session logged' })).toBeVisible()

  await go(page, 'Data & backups')
  await expect(page.getByRole('radio', { name: /Everything/ })).toBeChecked()
  await page.getByRole('button', { name: 'Export' }).click()
  const links = page.getByRole('main').getByRole('status').getByRole('link')
  await expect(links).toHaveCount(5)
  const files: Record<string, Record<string, string>[]> = {}
  for (const name of ['protocols', 'blocks', 'sessions', 'reps', 'body-weight']) {
    const downloading = page.waitForEvent('download')
    await links.filter({ hasText: `-${name}.csv` }).click()
    files[name] = await rowsOf(await downloading)
  }
  expect(files.sessions).toHaveLength(1)
  expect(files.sessions?.[0]).toMatchObject({ protocol_name: 'Sprint 6×20 s', plan: '6x20s @max / 2m walk', planned_reps: '6', reps_done: '6', work_seconds: '120' })
  expect(files.reps?.map((r) => [r.rep_number, r.rep_work_seconds, r.rep_intensity, r.session_uuid])).toEqual(
    Array.from({ length: 6 }, (_, i) => [String(i + 1), '20', 'max', files.sessions?.[0]?.session_uuid])
  )
  // Only built-in protocols and no blocks: the two files hold their headers alone.
  expect(files.protocols).toEqual([])
  expect(files.blocks).toEqual([])
  expect(files['body-weight']).toEqual([])
})

const hillGroup: RepeatGroup = {
  count: 6,
  workSeconds: 15,
  workMeters: null,
  intensity: 'max',
  intensityPct: null,
  hill: true,
  inclinePct: null,
  recoverySeconds: null,
  recoveryMode: 'walk-down',
  loadKg: null,
  loadKind: null,
  treadmillKmh: null
}

/** The runner's records as a comparison sees them: by UUID, without row ids. */
function history(app: WebApp) {
  return {
    protocols: app.query('SELECT uuid, name, description, terrain, groups_json, archived, created_at, updated_at FROM protocols WHERE built_in = 0 ORDER BY uuid'),
    blocks: app.query('SELECT b.uuid, b.name, b.start_date, b.weeks, b.sessions_per_week, p.uuid AS protocol, b.created_at FROM blocks b LEFT JOIN protocols p ON p.id = b.protocol_id ORDER BY b.uuid'),
    sessions: app.query('SELECT s.uuid, s.date, s.plan_json, s.rpe, s.work_seconds, s.load, p.uuid AS protocol, s.created_at FROM sessions s LEFT JOIN protocols p ON p.id = s.protocol_id ORDER BY s.uuid'),
    reps: app.query('SELECT s.uuid, r.position, r.work_seconds, r.hill, r.recovery_mode FROM reps r JOIN sessions s ON s.id = r.session_id ORDER BY s.uuid, r.position'),
    weights: app.query('SELECT uuid, date, kg, note FROM body_weights ORDER BY uuid')
  }
}

test('export everything and import it into a fresh database: the same protocols, blocks, sessions and weights', async ({ page, app }) => {
  const hill = await app.call<Protocol>('protocols/create', { name: 'Hill 6×15 s', terrain: 'hill', groups: [hillGroup] })
  await app.call<Protocol>('protocols/create', { name: 'Never used', description: 'Kept for later, "maybe".', groups: [{ ...hillGroup, hill: false, recoverySeconds: 75, recoveryMode: 'stand' }] })
  const old = await app.call<Protocol>('protocols/create', { name: 'Old favourite', groups: [{ ...hillGroup, count: 3 }] })
  await app.call('protocols/archive', { id: old.id, archived: true })
  await app.call('blocks/create', { name: 'Hill block', startDate: browserDay(-10), weeks: 6, sessionsPerWeek: 2, protocolId: hill.id })
  const reps = Array.from({ length: 6 }, () => ({ workSeconds: 15, intensity: 'max', hill: true, recoverySeconds: null, recoveryMode: 'walk-down' }))
  await app.call('sessions/create', { date: browserDay(-3), protocolId: hill.id, plan: hill.groups, rpe: 8, notes: 'steep, windy', reps })
  await app.call('weights/add', { date: browserDay(-3), kg: 74.2, note: '' })

  await page.reload()
  await go(page, 'Data & backups')
  await page.getByRole('button', { name: 'Export' }).click()
  const links = page.getByRole('main').getByRole('status').getByRole('link')
  await expect(links).toHaveCount(5)
  const paths: string[] = []
  for (let i = 0; i < 5; i++) {
    const downloading = page.waitForEvent('download')
    await links.nth(i).click()
    const download = await downloading
    const path = join(dir, download.suggestedFilename())
    await download.saveAs(path)
    paths.push(path)
  }
  expect(paths.map((p) => p.replace(/^.*sprintlog-\d{4}-\d{2}-\d{2}-/, ''))).toEqual(['protocols.csv', 'blocks.csv', 'sessions.csv', 'reps.csv', 'body-weight.csv'])

  const fresh = await startWebApp()
  try {
    await page.goto(fresh.app.url)
    await go(page, 'Data & backups')
    // Chosen in another order than they are applied in: the import applies protocols, blocks, sessions, weights.
    await page.getByLabel('CSV files to import').setInputFiles([...paths].reverse())
    const preview = page.getByRole('region', { name: 'Import preview' })
    await expect(preview.getByTestId('import-add')).toHaveText('3 protocols, 1 training block, 1 session (6 reps) and 1 body weight')
    await expect(preview.getByTestId('import-errors')).toHaveText('0')
    await expect(preview.getByText('Protocols to recreate')).toHaveCount(0)
    await preview.getByRole('button', { name: 'Import 6 records' }).click()
    await expect(page.getByRole('main').getByRole('status')).toHaveText('Imported 3 protocols, 1 training block, 1 session (6 reps) and 1 body weight.')
    expect(history(fresh.app)).toEqual(history(app))

    // The rebuilt history on its screens: the block with its protocol and the session counted in it.
    await go(page, 'Blocks')
    const row = page.getByRole('row', { name: /Hill block/ })
    await expect(row).toContainText('Hill 6×15 s')
    await expect(row).toContainText('1 of 12')
    await go(page, 'Protocols')
    await expect(page.getByRole('main')).toContainText('Never used')
  } finally {
    await page.goto('about:blank')
    await fresh.stop()
  }
})

const T = '2026-03-01T08:00:00.000Z'
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
const weightsFile = (rows: string[][]) => [HEADERS.weights.join(','), ...rows.map((r) => r.join(','))].join('\r\n') + '\r\n'

test('import with a preview: nothing changes until confirmed, and a second import adds nothing', async ({ page, app }) => {
  const file = join(dir, 'weights.csv')
  writeFileSync(file, weightsFile([
    [uuid(1), '2026-03-01', '72.4', '', '"fasted, early"', T, T],
    [uuid(2), '2026-03-02', '72.1', '', "'=not a formula", T, T]
  ]))
  await go(page, 'Data & backups')
  await page.getByLabel('CSV files to import').setInputFiles(file)
  const preview = page.getByRole('region', { name: 'Import preview' })
  await expect(preview.getByTestId('import-add')).toHaveText('2 body weights')
  await expect(preview.getByTestId('import-errors')).toHaveText('0')
  expect(app.query('SELECT * FROM body_weights')).toEqual([])

  await preview.getByRole('button', { name: 'Import 2 records' }).click()
  await expect(page.getByRole('main').getByRole('status')).toHaveText('Imported 2 body weights.')
  expect(app.query('SELECT uuid, date, kg, note, created_at FROM body_weights ORDER BY id')).toEqual([
    { uuid: uuid(1), date: '2026-03-01', kg: 72.4, note: 'fasted, early', created_at: T },
    { uuid: uuid(2), date: '2026-03-02', kg: 72.1, note: '=not a formula', created_at: T }
  ])

  await page.getByLabel('CSV files to import').setInputFiles(file)
  await expect(preview.getByTestId('import-present')).toHaveText('2 body weights')
  await expect(preview.getByTestId('import-add')).toHaveText('nothing')
  await expect(preview.getByRole('button', { name: 'Import' })).toBeDisabled()
  await preview.getByRole('button', { name: 'Cancel' }).click()
  expect(app.query('SELECT count(*) AS n FROM body_weights')).toEqual([{ n: 2 }])
})

test('a file with bad rows is shown with line-numbered errors and cannot be imported', async ({ page, app }) => {
  const file = join(dir, 'bad.csv')
  writeFileSync(file, weightsFile([
    [uuid(1), '2026-03-01', '72.4', '', '', T, T],
    [uuid(2), '2026-02-30', '72.1', '', '', T, T],
    [uuid(3), '2026-03-03', '-72', '', '', T, T]
  ]))
  await go(page, 'Data & backups')
  await page.getByLabel('CSV files to import').setInputFiles(file)
  const preview = page.getByRole('region', { name: 'Import preview' })
  await expect(preview.getByTestId('import-errors')).toHaveText('2')
  const errors = preview.getByRole('table', { name: /problems/ })
  await expect(errors.getByRole('row').nth(1)).toContainText(/bad\.csv\s*3\s*date.*real calendar date/)
  await expect(errors.getByRole('row').nth(2)).toContainText(/bad\.csv\s*4\s*weight_kg.*at least 20 kg/)
  await expect(preview.getByRole('button', { name: 'Import' })).toBeDisabled()
  expect(app.query('SELECT count(*) AS n FROM body_weights')).toEqual([{ n: 0 }])
})

test('importing a reps file just exported finds its session already here', async ({ page, app }) => {
  await go(page, 'Log session')
  await page.getByLabel('Protocol', { exact: true }).selectOption({ label: 'Hill sprint 4×30 s' })
  await page.getByRole('button', { name: 'Log as planned' }).click()
  await expect(page.getByRole('region', { name: 'Session logged' })).toBeVisible()
  await go(page, 'Data & backups')
  await page.getByRole('radio', { name: /Reps/ }).check()
  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export' }).click()
  const download = await downloading
  const path = join(dir, 'reps.csv')
  await download.saveAs(path)

  await page.getByLabel('CSV files to import').setInputFiles(path)
  const preview = page.getByRole('region', { name: 'Import preview' })
  await expect(preview.getByTestId('import-present')).toHaveText('1 session (4 reps)')
  await expect(preview.getByRole('button', { name: 'Import' })).toBeDisabled()
  expect(app.query('SELECT count(*) AS n FROM sessions')).toEqual([{ n: 1 }])
})

test('records that differ or were deleted here: the runner chooses, and only the chosen change', async ({ page, app }) => {
  const file = join(dir, 'weights.csv')
  writeFileSync(file, weightsFile([
    [uuid(1), '2026-03-01', '72.4', '', '', T, T],
    [uuid(2), '2026-03-02', '72.1', '', 'travel', T, T],
    [uuid(3), '2026-03-03', '71.8', '', '', T, T]
  ]))
  await go(page, 'Data & backups')
  await page.getByLabel('CSV files to import').setInputFiles(file)
  const preview = page.getByRole('region', { name: 'Import preview' })
  await preview.getByRole('button', { name: 'Import 3 records' }).click()
  await expect(page.getByRole('main').getByRole('status')).toHaveText('Imported 3 body weights.')
  // Changed here after the file was made: the first two weights.
  const idOf = (n: number) => (app.query<{ id: number }>('SELECT id FROM body_weights WHERE uuid = ?', uuid(n))[0] as { id: number }).id
  await app.call('weights/update', { id: idOf(1), date: '2026-03-01', kg: 73, note: 'scale B' })
  await app.call('weights/delete', { id: idOf(2) })
  await app.call('weights/update', { id: idOf(3), date: '2026-03-03', kg: 70, note: '' })

  await page.getByLabel('CSV files to import').setInputFiles(file)
  const differs = preview.getByRole('region', { name: 'Differs from the database (2)' })
  await expect(differs.getByRole('listitem')).toHaveCount(2)
  await expect(differs.getByRole('listitem').first()).toContainText('1 Mar 2026 Body weight 72.4 kg')
  await expect(differs.getByRole('listitem').first()).toContainText('Differs in weight_kg, note')
  const first = differs.getByRole('radiogroup', { name: 'Body weight of 1 Mar 2026: which version to keep' })
  await expect(first.getByRole('radio', { name: 'Keep mine' })).toBeChecked()
  const deleted = preview.getByRole('region', { name: 'Deleted here (1)' })
  await expect(deleted.getByRole('checkbox', { name: 'Restore the body weight of 2 Mar 2026 from the file' })).not.toBeChecked()
  await expect(preview.getByRole('button', { name: 'Import' })).toBeDisabled()

  // All of them from the file, then the third back to Sprintlog's; and the deleted one restored.
  await differs.getByRole('checkbox', { name: 'Take the file’s for all 2 of them' }).check()
  await expect(first.getByRole('radio', { name: 'Take the file’s' })).toBeChecked()
  await differs.getByRole('radiogroup', { name: 'Body weight of 3 Mar 2026: which version to keep' }).getByRole('radio', { name: 'Keep mine' }).check()
  await deleted.getByRole('checkbox', { name: 'Restore the body weight of 2 Mar 2026 from the file' }).check()
  await preview.getByRole('button', { name: 'Import 2 records' }).click()
  await expect(page.getByRole('main').getByRole('status')).toHaveText('Took the file’s version of 1 body weight; restored 1 body weight from the file.')
  expect(app.query('SELECT uuid, kg, note, deleted_at IS NULL AS live FROM body_weights ORDER BY uuid')).toEqual([
    { uuid: uuid(1), kg: 72.4, note: '', live: 1 },
    { uuid: uuid(2), kg: 72.1, note: 'travel', live: 1 },
    { uuid: uuid(3), kg: 70, note: '', live: 1 }
  ])
})
