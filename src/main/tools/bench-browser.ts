/**
 * The renderer's figure for `npm run bench`: web mode on a data set, Chromium opens the dashboard, and the
 * time from navigation to the first chart's SVG in the page is measured (median of several fresh pages).
 * Skipped, with the reason, when there is no Chromium or no Playwright.
 */
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Router } from '../ipc/router'
import { startWebServer } from '../web/server'

interface Browserish {
  newPage(): Promise<{
    addInitScript(script: { content: string }): Promise<void>
    goto(url: string): Promise<unknown>
    waitForSelector(selector: string, o: { timeout: number }): Promise<unknown>
    evaluate<T>(expression: string): Promise<T>
    close(): Promise<void>
  }>
  close(): Promise<void>
}

export async function firstChartMs(router: Router, runs: number): Promise<{ ms: number[] } | { skipped: string }> {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (!existsSync(chromium)) return { skipped: `no Chromium at ${chromium}` }
  let launch: (o: object) => Promise<Browserish>
  try {
    const req = createRequire(join(process.cwd(), 'package.json'))
    const pw = req('playwright-core') as { chromium: { launch(o: object): Promise<Browserish> } }
    launch = (o) => pw.chromium.launch(o)
  } catch {
    return { skipped: 'playwright-core is not installed' }
  }
  const staticDir = fileURLToPath(new URL('../renderer', import.meta.url))
  const server = await startWebServer({ router, staticDir })
  const browser = await launch({
    executablePath: chromium,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
  })
  const ms: number[] = []
  try {
    for (let i = 0; i < runs + 1; i++) {
      const page = await browser.newPage()
      // Notes the moment the first chart's SVG enters the page, measured from the start of navigation.
      await page.addInitScript({
        content: `new MutationObserver((_, observer) => {
          if (document.querySelector('.recharts-surface')) { window.firstChart = performance.now(); observer.disconnect() }
        }).observe(document, { childList: true, subtree: true })`
      })
      await page.goto(`${server.url}#/dashboard&token=${server.token}`)
      await page.waitForSelector('.recharts-surface', { timeout: 30_000 })
      const t = await page.evaluate<number>('window.firstChart')
      // The first page warms the server's statements and the browser's cache; it is not counted.
      if (i > 0) ms.push(t)
      await page.close()
    }
  } finally {
    await browser.close()
    await server.close()
  }
  return { ms }
}
