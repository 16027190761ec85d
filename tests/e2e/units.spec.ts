import type { Locator, Page } from '@playwright/test'
import { expect, test, browserDay } from './fixtures'

/**
 * Distances and speeds in the runner's unit. A session of Sprint 6×20 s typed in mi mode: rep 1 covers 164 yd
 * (149.96 m, 7.498 m/s), rep 2 150 yd (137.16 m, 6.858 m/s), rep 3 runs on a treadmill at 8 mph (12.9 km/h). The
 * database holds metres and km/h; every screen shows them in yd, mi, mph and min/mi, and after the switch to km in
 * m, km/h and min/km.
 */

/** Today in the browser's time zone, as the screens have it. */
const today = () => browserDay()
const listed = (d: string) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${d}T12:00:00Z`))

async function rowsOf(table: Locator): Promise<string[][]> {
  return table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => Array.from((tr as unknown as { cells: ArrayLike<{ textContent: string | null }> }).cells, (c) => (c.textContent ?? '').trim()))
  )
}

async function headingsOf(table: Locator): Promise<string[]> {
  return table.locator('thead th').evaluateAll((ths) => ths.map((th) => (th.textContent ?? '').trim()))
}

const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name }).click()
const distanceUnit = (page: Page, name: 'km' | 'mi') => page.getByRole('radiogroup', { name: 'Distance unit' }).getByRole('radio', { name }).click()

test('in miles: a rep typed in yards and a treadmill speed in mph are stored in metres and km/h, and every screen shows the runner’s unit', async ({ page, app }) => {
  await distanceUnit(page, 'mi')
  await nav(page, 'Log session')
  await page.getByLabel('Protocol', { exact: true }).selectOption({ label: 'Sprint 6×20 s' })
  await expect(page.getByText('Distance (yd)').first()).toBeVisible()
  await expect(page.getByText('Speed (mph)').first()).toBeVisible()
  await page.getByLabel('Rep 1 distance', { exact: true }).fill('164')
  await page.getByLabel('Rep 2 distance', { exact: true }).fill('150 yd')
  await page.getByLabel('Rep 3 treadmill speed', { exact: true }).fill('8')

  // Switching to km mid-edit converts what was typed; switching back shows exactly what was typed.
  await distanceUnit(page, 'km')
  await expect(page.getByText('Distance (m)').first()).toBeVisible()
  await expect(page.getByLabel('Rep 1 distance', { exact: true })).toHaveValue('149.96')
  await expect(page.getByLabel('Rep 2 distance', { exact: true })).toHaveValue('137.16')
  await expect(page.getByLabel('Rep 3 treadmill speed', { exact: true })).toHaveValue('12.9')
  await distanceUnit(page, 'mi')
  await expect(page.getByLabel('Rep 1 distance', { exact: true })).toHaveValue('164')
  await expect(page.getByLabel('Rep 2 distance', { exact: true })).toHaveValue('150 yd')
  await expect(page.getByLabel('Rep 3 treadmill speed', { exact: true })).toHaveValue('8')
  // 164 + 150 = 314 yd (287.12 m).
  await expect(page.getByTestId('sum-distance').first()).toHaveText('314 yd')

  // A treadmill speed beyond the field's bounds is refused in mph, and nothing is saved.
  await page.getByLabel('Rep 4 treadmill speed', { exact: true }).fill('30')
  await page.getByRole('button', { name: 'Save session' }).click()
  await expect(page.getByText('Rep 4: The treadmill speed must be 0.6 to 24.8 mph.')).toBeVisible()
  expect(app.query('SELECT id FROM sessions')).toEqual([])
  await page.getByLabel('Rep 4 treadmill speed', { exact: true }).fill('')

  await page.getByRole('button', { name: 'Save session' }).click()
  await expect(page.getByRole('region', { name: 'Session logged' })).toBeVisible()
  expect(app.query('SELECT position, distance_meters, treadmill_kmh FROM reps ORDER BY position').slice(0, 4)).toEqual([
    { position: 1, distance_meters: 149.96, treadmill_kmh: null },
    { position: 2, distance_meters: 137.16, treadmill_kmh: null },
    { position: 3, distance_meters: null, treadmill_kmh: 12.9 },
    { position: 4, distance_meters: null, treadmill_kmh: null }
  ])
  expect(app.query('SELECT distance_meters FROM sessions')).toEqual([{ distance_meters: 287.12 }])

  // History: the session's distance in yards; the form opened from it shows back what was typed.
  await nav(page, 'History')
  const row = page.locator('tr[data-session-id]').first()
  await expect(row.getByTestId('history-distance')).toHaveText('314 yd')
  await row.getByRole('link', { name: listed(today()), exact: true }).click()
  await expect(page.getByLabel('Rep 1 distance', { exact: true })).toHaveValue('164')
  await expect(page.getByLabel('Rep 2 distance', { exact: true })).toHaveValue('150')
  await expect(page.getByLabel('Rep 3 treadmill speed', { exact: true })).toHaveValue('8')

  // The dashboard: speeds in mph with their pace per mile, distances in yards.
  // First rep 7.50 m/s = 16.8 mph, 1609.344 m ÷ 7.50 m/s = 3:35 per mile; last 6.86 m/s = 15.3 mph, 3:55 /mi;
  // 137.16 ÷ 149.96 is 8.5 % slower.
  await nav(page, 'Progress')
  const drop = page.getByTestId('drop-off')
  await drop.getByRole('button', { name: 'Show as table' }).click()
  await expect.poll(() => rowsOf(drop.getByRole('table'))).toEqual([[listed(today()), '16.8 mph · 3:35 /mi', '15.3 mph · 3:55 /mi', '8.5 %']])
  const bests = page.getByTestId('sprint-bests').getByRole('table', { name: 'Sprint bests' })
  await expect.poll(() => headingsOf(bests)).toEqual(['Rep', 'Best speed (mph)', 'Pace (min/mi)', 'Distance', 'Date', 'Reps compared'])
  await expect.poll(() => rowsOf(bests)).toEqual([['20 s', '16.8 mph', '3:35 /mi', '164 yd in 20 s', listed(today()), '2']])

  // Switched to km: metres, km/h and min/km. 7.50 m/s = 27.0 km/h, 2:13 /km; 6.86 m/s = 24.7 km/h, 2:26 /km.
  await distanceUnit(page, 'km')
  await expect.poll(() => rowsOf(drop.getByRole('table'))).toEqual([[listed(today()), '27.0 km/h · 2:13 /km', '24.7 km/h · 2:26 /km', '8.5 %']])
  await expect(bests.locator('thead')).toContainText('Best speed (km/h)')
  await expect.poll(() => headingsOf(bests)).toEqual(['Rep', 'Best speed (km/h)', 'Pace (min/km)', 'Distance', 'Date', 'Reps compared'])
  await expect.poll(() => rowsOf(bests)).toEqual([['20 s', '27.0 km/h', '2:13 /km', '150 m in 20 s', listed(today()), '2']])
  await nav(page, 'History')
  await expect(page.locator('tr[data-session-id]').first().getByTestId('history-distance')).toHaveText('287.1 m')
  await page.locator('tr[data-session-id]').first().getByRole('link', { name: listed(today()), exact: true }).click()
  await expect(page.getByLabel('Rep 1 distance', { exact: true })).toHaveValue('149.96')
  await expect(page.getByLabel('Rep 3 treadmill speed', { exact: true })).toHaveValue('12.9')
  // The database is as it was: showing in another unit writes nothing.
  expect(app.query('SELECT distance_meters, treadmill_kmh FROM reps WHERE position <= 3 ORDER BY position')).toEqual([
    { distance_meters: 149.96, treadmill_kmh: null },
    { distance_meters: 137.16, treadmill_kmh: null },
    { distance_meters: null, treadmill_kmh: 12.9 }
  ])
})

test('in Chinese and miles: the units in Chinese words', async ({ page }) => {
  await page.getByRole('radiogroup', { name: 'Language' }).getByRole('radio', { name: '中文' }).click()
  await page.getByRole('radiogroup', { name: '距离单位' }).getByRole('radio', { name: 'mi' }).click()
  await page.getByRole('navigation').getByRole('link', { name: '记录训练' }).click()
  await expect(page.getByText('距离（码）').first()).toBeVisible()
  await expect(page.getByText('速度（英里/小时）').first()).toBeVisible()
})
