import { browserDay, expect, test } from './fixtures'

/** The date fields show the lists' form, read what a runner types in either language and step with the keys. */

test.beforeEach(async ({ page }) => {
  await page.getByRole('link', { name: 'Data & backups' }).click()
})

test('reads the forms a runner types, shows them as the lists do, and steps with the keys', async ({ page }) => {
  const from = page.getByRole('textbox', { name: 'From (optional)' })
  await expect(from).toHaveAttribute('data-value', '')
  for (const typed of ['2026-11-22', '22 Nov 2026', '2026年11月22日', '22/11/2026', '2026/11/22', '22.11.2026']) {
    await from.fill(typed)
    await from.press('Tab')
    await expect(from, typed).toHaveValue('22 Nov 2026')
    await expect(from).toHaveAttribute('data-value', '2026-11-22')
    await from.fill('')
    await from.press('Tab')
    await expect(from).toHaveAttribute('data-value', '')
  }

  await from.fill('30 Jan 2026')
  await from.press('Tab')
  await expect(from).toHaveAttribute('data-value', '2026-01-30')
  await from.press('ArrowUp')
  await expect(from).toHaveValue('31 Jan 2026')
  await from.press('ArrowUp')
  await expect(from).toHaveAttribute('data-value', '2026-02-01')
  await from.press('ArrowDown')
  await expect(from).toHaveAttribute('data-value', '2026-01-31')
  await from.press('PageUp')
  await expect(from).toHaveAttribute('data-value', '2026-02-28')
  await from.press('PageDown')
  await from.press('PageDown')
  await expect(from).toHaveAttribute('data-value', '2025-12-28')
  await expect(from).toHaveValue('28 Dec 2025')
})

test('an unreadable date says how to write it and keeps the date it had', async ({ page }) => {
  const from = page.getByRole('textbox', { name: 'From (optional)' })
  await from.fill('2026-11-22')
  await from.press('Tab')
  await from.fill('the 22nd of Nov')
  await from.press('Tab')
  await expect(page.getByRole('alert').filter({ hasText: 'Write the date like 22 Nov 2026.' })).toBeVisible()
  await expect(from).toHaveAttribute('aria-invalid', 'true')
  await expect(from).toHaveAccessibleDescription('Write the date like 22 Nov 2026.')
  await expect(from).toHaveAttribute('data-value', '2026-11-22')
  await from.fill('23/11/2026')
  await from.press('Tab')
  await expect(page.getByText('Write the date like 22 Nov 2026.')).toHaveCount(0)
  await expect(from).toHaveAttribute('data-value', '2026-11-23')
})

test('the calendar button opens the browser’s picker for the field', async ({ page }) => {
  const pick = page.getByRole('button', { name: 'Choose a date' }).first()
  await expect(pick).toBeVisible()
  // The hidden native input lends its picker; what it is set to shows in the text field.
  const native = page.locator('.date-field').first().locator('input[type="date"]')
  await expect(native).toHaveAttribute('aria-hidden', 'true')
  await pick.click()
  await native.fill(browserDay(-3))
  const from = page.getByRole('textbox', { name: 'From (optional)' })
  await expect(from).toHaveAttribute('data-value', browserDay(-3))
})

test('in Chinese the field shows and reads the Chinese form, and its button and problem are Chinese', async ({ page }) => {
  await page.getByRole('radiogroup', { name: 'Language' }).getByRole('radio', { name: '中文' }).click()
  const pick = page.getByRole('button', { name: '选择日期' }).first()
  await expect(pick).toBeVisible()
  const from = page.locator('.date-field').first().locator('input[type="text"]')
  await from.fill('22 Nov 2026')
  await from.press('Tab')
  await expect(from).toHaveValue('2026年11月22日')
  await from.fill('2026年11月23日')
  await from.press('Enter')
  await expect(from).toHaveAttribute('data-value', '2026-11-23')
  // Enter also sends the form: the export runs (the field is disabled meanwhile) and ends.
  await expect(page.getByRole('status').filter({ hasText: '已导出' })).toBeVisible()
  await expect(from).toBeEnabled()
  await from.fill('明天')
  await from.press('Tab')
  await expect(page.getByRole('alert').filter({ hasText: '请按 2026年11月22日 的格式填写日期。' })).toBeVisible()
  await expect(from).toHaveAttribute('data-value', '2026-11-23')
})

test('the distance unit switch sits beside kg/lb and is saved', async ({ page, app }) => {
  const units = page.getByRole('radiogroup', { name: 'Distance unit' })
  await expect(units.getByRole('radio', { name: 'km' })).toHaveAttribute('aria-checked', 'true')
  await units.getByRole('radio', { name: 'mi' }).click()
  await expect(units.getByRole('radio', { name: 'mi' })).toHaveAttribute('aria-checked', 'true')
  await expect.poll(async () => (await app.call<{ distanceUnit: string }>('settings/get', {})).distanceUnit).toBe('mi')
  await page.reload()
  await expect(page.getByRole('radiogroup', { name: 'Distance unit' }).getByRole('radio', { name: 'mi' })).toHaveAttribute('aria-checked', 'true')
})
