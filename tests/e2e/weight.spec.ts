import { addWeight, expect, test, browserDay } from './fixtures'

test.beforeEach(async ({ page }) => {
  await page.getByRole('link', { name: 'Body weight' }).click()
})

/** Today in the browser's time zone, as the screens have it. */
const today = () => browserDay()

/** A date as the lists show it in English: `22 Nov 2026`. */
const listed = (d: string) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${d}T12:00:00Z`))

test('a new user sees empty states, adds a weight with the keyboard and sees it listed and charted', async ({ page, app }) => {
  await expect(page.getByText('No weights yet. Add your first one above')).toBeVisible()
  await expect(page.getByText('Nothing logged yet.')).toBeVisible()
  await expect(page.getByLabel('Date')).toHaveAttribute('data-value', today())

  // The weight field has focus when the screen opens: type and press Enter.
  await page.keyboard.type('72.4')
  await page.keyboard.press('Enter')

  const row = page.locator('tbody tr').first()
  await expect(row).toContainText(listed(today()))
  await expect(row).toContainText('72.4 kg')
  await expect(page.getByText('1 entry')).toBeVisible()
  await expect(page.getByRole('img', { name: /Body weight chart: 1 days, latest trend 72\.4 kg/ })).toBeVisible()
  await expect(page.getByTestId('protein-target')).toHaveText('101–145 g')
  expect(app.query('SELECT date, kg, note FROM body_weights')).toEqual([{ date: today(), kg: 72.4, note: '' }])
})

test('bad input shows an error next to the field and saves nothing', async ({ page, app }) => {
  const form = page.getByRole('form', { name: 'Add body weight' })
  const weight = form.getByLabel(/^Weight/)

  await form.getByRole('button', { name: 'Add' }).click()
  await expect(form.getByRole('alert')).toHaveText('Enter a weight.')
  await expect(weight).toHaveAttribute('aria-invalid', 'true')

  const cases: [string, string][] = [
    ['seventy', '“seventy” is not a number.'],
    ['0', 'A body weight must be between 20 and 400 kg.'],
    ['700', 'A body weight must be between 20 and 400 kg.']
  ]
  for (const [typed, message] of cases) {
    await weight.fill(typed)
    await weight.press('Enter')
    await expect(form.getByRole('alert')).toHaveText(message)
  }

  await weight.fill('72')
  await form.getByLabel('Date').fill('2099-01-01')
  await weight.press('Enter')
  await expect(form.getByRole('alert')).toHaveText('The date is in the future.')

  await expect(page.getByText('Nothing logged yet.')).toBeVisible()
  expect(app.query('SELECT count(*) AS n FROM body_weights')).toEqual([{ n: 0 }])
})

test('edit an entry in place, with Enter to save and Escape to cancel', async ({ page, app }) => {
  await addWeight(page, '73.0', '2026-11-01')
  const row = page.locator('tbody tr').first()
  await expect(row).toContainText('73.0 kg')

  await row.getByRole('button', { name: /^Edit/ }).click()
  const editWeight = page.locator('tr.editing').getByLabel(/^Weight/)
  await editWeight.fill('71.8')
  await editWeight.press('Escape')
  await expect(row).toContainText('73.0 kg')

  await row.getByRole('button', { name: /^Edit/ }).click()
  await page.locator('tr.editing').getByLabel('Note').fill('after the hill session')
  await editWeight.fill('999')
  await editWeight.press('Enter')
  await expect(page.locator('tr.editing').getByRole('alert')).toHaveText('A body weight must be between 20 and 400 kg.')
  expect(app.query('SELECT kg FROM body_weights')).toEqual([{ kg: 73 }])

  await editWeight.fill('71.8')
  await editWeight.press('Enter')
  await expect(page.locator('tr.editing')).toHaveCount(0)
  await expect(row).toContainText('71.8 kg')
  await expect(row).toContainText('after the hill session')
  expect(app.query('SELECT date, kg, note FROM body_weights')).toEqual([{ date: '2026-11-01', kg: 71.8, note: 'after the hill session' }])
})

test('delete, then undo with the button and with Ctrl+Z', async ({ page, app }) => {
  await addWeight(page, '72.0', '2026-11-02')
  await addWeight(page, '73.0', '2026-11-01')
  await expect(page.getByText('2 entries')).toBeVisible()

  await page.getByRole('button', { name: 'Delete 2 Nov 2026 72.0 kg' }).click()
  await expect(page.getByText('1 entry')).toBeVisible()
  expect(app.query('SELECT count(*) AS n FROM body_weights WHERE deleted_at IS NULL')).toEqual([{ n: 1 }])
  await page.getByRole('status').filter({ hasText: 'Deleted 72.0 kg on 2 Nov 2026.' }).getByRole('button', { name: 'Undo' }).click()
  await expect(page.getByText('2 entries')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Delete 2 Nov 2026 72.0 kg' })).toBeVisible()

  await page.getByRole('button', { name: 'Delete 1 Nov 2026 73.0 kg' }).click()
  await expect(page.getByText('1 entry')).toBeVisible()
  await page.locator('body').click({ position: { x: 5, y: 300 } })
  await page.keyboard.press('Control+z')
  await expect(page.getByText('2 entries')).toBeVisible()
  expect(app.query('SELECT date, kg FROM body_weights WHERE deleted_at IS NULL ORDER BY date')).toEqual([
    { date: '2026-11-01', kg: 73 },
    { date: '2026-11-02', kg: 72 }
  ])
})

/** A promise and the function that resolves it. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {}
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}

test('the next entry typed while one is still saving is kept and saved too; a double press adds once', async ({ page, app }) => {
  // Hold the first save back, as a slow disk would, until the test has typed the next entry.
  const arrived = deferred()
  const release = deferred()
  let held = 0
  await page.route('**/api/weights/add', async (route) => {
    if (held++ === 0) {
      arrived.resolve()
      await release.promise
    }
    await route.continue()
  })
  const form = page.getByRole('form', { name: 'Add body weight' })
  const weight = form.getByLabel(/^Weight/)
  await form.getByLabel('Date').fill('2026-11-02')
  await weight.fill('72.0')
  await weight.press('Enter')
  await weight.press('Enter')
  await arrived.promise
  await form.getByLabel('Date').fill('2026-11-01')
  await weight.fill('73.0')
  // The first save is still held: nothing is listed yet, and the next entry stays as typed.
  await expect(page.getByText('1 entry')).toHaveCount(0)
  release.resolve()
  await expect(page.getByText('1 entry')).toBeVisible()
  await expect(weight).toHaveValue('73.0')
  await weight.press('Enter')
  await expect(page.getByText('2 entries')).toBeVisible()
  await expect(weight).toHaveValue('')
  expect(app.query('SELECT date, kg FROM body_weights ORDER BY date')).toEqual([
    { date: '2026-11-01', kg: 73 },
    { date: '2026-11-02', kg: 72 }
  ])
})

test('pounds: entered and shown in lb, stored in kg, and the chart follows', async ({ page, app }) => {
  await page.getByRole('radio', { name: 'lb' }).click()
  await expect(page.getByRole('form', { name: 'Add body weight' }).getByLabel('Weight (lb)')).toBeVisible()
  await addWeight(page, '160', '2026-11-03')
  await expect(page.locator('tbody tr').first()).toContainText('160.0 lb')
  expect(app.query('SELECT kg FROM body_weights')).toEqual([{ kg: 72.57 }])
  await expect(page.getByRole('img', { name: /latest trend 160\.0 lb/ })).toBeVisible()
  await page.reload()
  await expect(page.getByRole('radio', { name: 'lb' })).toHaveAttribute('aria-checked', 'true')
  await page.getByRole('radio', { name: 'kg' }).click()
  await expect(page.locator('tbody tr').first()).toContainText('72.6 kg')
})

test('the trend chart draws daily means and the smoothed trend', async ({ page }) => {
  const days = ['2026-11-01', '2026-11-02', '2026-11-02', '2026-11-04']
  const kgs = ['80', '70', '72', '71']
  for (let i = 0; i < days.length; i++) await addWeight(page, kgs[i] as string, days[i])
  // Daily means: 80, 71, 71. Trend: 80 → 79.1 (one day) → 79.1 + (1 − 0.9²)·(71 − 79.1) = 77.561
  const chart = page.getByRole('img', { name: /Body weight chart: 3 days, latest trend 77\.6 kg/ })
  await expect(chart).toBeVisible()
  await expect(page.getByTestId('trend-weight')).toHaveText('77.6 kg')
  await expect(chart.locator('.recharts-scatter-symbol')).toHaveCount(3)
  await expect(chart.locator('.recharts-line-curve')).toHaveCount(1)
  await page.getByRole('radio', { name: 'All' }).click()
  await expect(chart.locator('.recharts-scatter-symbol')).toHaveCount(3)
  await page.screenshot({ path: test.info().outputPath('weight-trend.png'), fullPage: true })
})

test('in Chinese: the body-weight screen, its list and its messages speak Chinese', async ({ page, app }) => {
  await page.getByRole('radiogroup', { name: 'Language' }).getByRole('radio', { name: '中文' }).click()
  const form = page.getByRole('form', { name: '添加体重' })
  await expect(form.getByRole('heading', { name: '添加今天的体重' })).toBeVisible()
  await expect(page.getByText('还没有体重记录。在上方添加第一条，趋势就会显示在这里。')).toBeVisible()
  await form.getByLabel('体重（kg）').fill('1000')
  await form.getByLabel('体重（kg）').press('Enter')
  await expect(form.getByRole('alert')).toHaveText('体重必须在 20 到 400 kg 之间。')
  await form.getByLabel('日期').fill('2026-11-02')
  await form.getByLabel('体重（kg）').fill('72,4')
  await form.getByLabel('体重（kg）').press('Enter')
  await expect(page.getByRole('status').filter({ hasText: '已添加 2026年11月2日 的体重 72.4 kg。' })).toBeVisible()
  const row = page.locator('tbody tr').first()
  await expect(row.locator('td').nth(0)).toHaveText('2026年11月2日')
  await expect(row.locator('td').nth(1)).toHaveText('72.4 kg')
  await expect(page.getByText('1 条记录')).toBeVisible()
  await expect(page.getByRole('heading', { name: '体重趋势' })).toBeVisible()
  await expect(page.getByTestId('protein-target')).toHaveText('101–145 克')
  await expect(page.getByRole('radiogroup', { name: '图表范围' }).getByRole('radio', { name: '全部' })).toBeVisible()
  expect(app.query('SELECT date, kg FROM body_weights')).toEqual([{ date: '2026-11-02', kg: 72.4 }])
})
