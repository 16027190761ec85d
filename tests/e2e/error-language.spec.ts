import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, startWebApp, test } from './fixtures'

/** The back end's errors arrive as keys with parameters and are worded in the runner's language. */

test.describe('a Chinese browser', () => {
  test.use({ locale: 'zh-CN' })

  test('the database failure of the recovery screen is worded in Chinese', async ({ page }) => {
    const dir = mkdtempSync(join(tmpdir(), 'sprintlog-e2e-empty-'))
    try {
      writeFileSync(join(dir, 'sprintlog.db'), '')
      const run = await startWebApp(dir)
      try {
        await page.goto(run.app.url)
        await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
        await expect(page.getByText('数据库文件是空的（0 字节）：其中应有的数据不在里面。文件未被改动。请恢复一个备份，或在原处新建一个空数据库。')).toBeVisible()
        await expect(page.getByText('The database file is empty (0 bytes)')).toHaveCount(0)
      } finally {
        await run.stop()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

test('the same failure in English for an English browser', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'sprintlog-e2e-empty-'))
  try {
    writeFileSync(join(dir, 'sprintlog.db'), '')
    const run = await startWebApp(dir)
    try {
      await page.goto(run.app.url)
      await expect(page.getByText('The database file is empty (0 bytes): the data it should hold is not in it.')).toBeVisible()
    } finally {
      await run.stop()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
