import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

/** The page's background and text colours as the browser draws them. */
const colours = (page: Page) =>
  page.evaluate(() => {
    const doc = (globalThis as unknown as { document: { body: unknown; documentElement: unknown } }).document
    const style = (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string; color: string } }).getComputedStyle
    return { background: style(doc.documentElement).backgroundColor, text: style(doc.body).color }
  })

const LIGHT = { background: 'rgb(245, 246, 248)', text: 'rgb(27, 31, 36)' }
const DARK = { background: 'rgb(17, 20, 24)', text: 'rgb(231, 234, 238)' }

test('the theme switch changes the colours, the charts’ too, and is remembered after a reload', async ({ page, app }) => {
  await page.emulateMedia({ colorScheme: 'light' })
  const themes = page.getByRole('radiogroup', { name: 'Theme' })
  // At first the theme follows the system's.
  await expect(themes.getByRole('radio', { name: 'System' })).toHaveAttribute('aria-checked', 'true')
  await expect.poll(() => colours(page)).toEqual(LIGHT)
  await page.emulateMedia({ colorScheme: 'dark' })
  await expect.poll(() => colours(page)).toEqual(DARK)

  // Light, whatever the system says.
  await themes.getByRole('radio', { name: 'Light' }).click()
  await expect(themes.getByRole('radio', { name: 'Light' })).toHaveAttribute('aria-checked', 'true')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  await expect.poll(() => colours(page)).toEqual(LIGHT)
  expect(app.query(`SELECT value FROM settings WHERE key = 'theme'`)).toEqual([{ value: '"light"' }])

  // Dark, with the system light: the page and a chart's axis text follow the setting.
  await app.call('weights/add', { date: '2026-11-01', kg: 80 })
  await app.call('weights/add', { date: '2026-11-03', kg: 79.6 })
  await page.emulateMedia({ colorScheme: 'light' })
  await themes.getByRole('radio', { name: 'Dark' }).click()
  await expect.poll(() => colours(page)).toEqual(DARK)
  await page.reload()
  await expect(page.getByRole('radiogroup', { name: 'Theme' }).getByRole('radio', { name: 'Dark' })).toHaveAttribute('aria-checked', 'true')
  await expect.poll(() => colours(page)).toEqual(DARK)
  const tick = page.locator('.recharts-cartesian-axis-tick-value').first()
  await expect(tick).toBeVisible()
  // --muted of the dark theme (#98a3b1).
  await expect(tick).toHaveCSS('fill', 'rgb(152, 163, 177)')

  // Back to the system's.
  await page.getByRole('radiogroup', { name: 'Theme' }).getByRole('radio', { name: 'System' }).click()
  await expect.poll(() => colours(page)).toEqual(LIGHT)
  await expect(tick).toHaveCSS('fill', 'rgb(95, 107, 122)')
})
