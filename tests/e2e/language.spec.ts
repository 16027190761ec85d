import { expect, test } from './fixtures'

/** The language: the browser's at first start, then the runner's choice, saved in the settings. */

test('switches to Chinese and back, and remembers the choice after a reload', async ({ page, app }) => {
  const nav = page.getByRole('navigation', { name: 'Sections' })
  await expect(nav.getByRole('link', { name: 'Log session' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')

  await page.getByRole('radiogroup', { name: 'Language' }).getByRole('radio', { name: '中文' }).click()
  const zhNav = page.getByRole('navigation', { name: '栏目' })
  await expect(zhNav.getByRole('link', { name: '记录训练' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
  await expect(page.getByRole('radiogroup', { name: '语言' }).getByRole('radio', { name: '中文' })).toHaveAttribute('aria-checked', 'true')
  expect((await app.call<{ language: string | null }>('settings/get', {})).language).toBe('zh-CN')

  await page.reload()
  await expect(zhNav.getByRole('link', { name: '记录训练' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')

  await page.getByRole('radiogroup', { name: '语言' }).getByRole('radio', { name: 'English' }).click()
  await expect(nav.getByRole('link', { name: 'Log session' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
})

test.describe('a Chinese browser', () => {
  test.use({ locale: 'zh-CN' })

  test('speaks Chinese at first start, before any choice is saved', async ({ page, app }) => {
    await expect(page.getByRole('navigation', { name: '栏目' }).getByRole('link', { name: '训练方案' })).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
    expect((await app.call<{ language: string | null }>('settings/get', {})).language).toBeNull()
  })
})
