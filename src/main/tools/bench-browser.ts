/**
 * The renderer's figures for `npm run bench`: web mode on a data set, Chromium opens the app in a fresh
 * context each time (no cache, no storage) and the page measures, from the start of navigation:
 * - the first chart's SVG in the page;
 * - the longest long task (a `PerformanceObserver` for 'longtask', installed before the app's code runs) until
 *   the dashboard has settled (every chart panel done loading, then 500 ms without a change to the page);
 * - switching to every screen by its tab: from the click to its content (no "Loading…", nothing busy);
 * - the body weight page: its SVG elements.
 * Skipped, with the reason, when there is no Chromium or no Playwright.
 */
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Router } from '../ipc/router'
import { startWebServer } from '../web/server'

interface Pageish {
  addInitScript(script: { content: string }): Promise<void>
  goto(url: string): Promise<unknown>
  waitForSelector(selector: string, o: { timeout: number }): Promise<unknown>
  evaluate<T>(expression: string): Promise<T>
  close(): Promise<void>
}

interface Browserish {
  newContext(): Promise<{ newPage(): Promise<Pageish>; close(): Promise<void> }>
  close(): Promise<void>
}

export interface BrowserFigures {
  /** Navigation → first chart, per fresh context. */
  firstChartMs: number[]
  /** The longest long task while the dashboard settles, per fresh context (0: none). */
  longestTaskMs: number[]
  /** Long tasks over 100 ms, per fresh context. */
  longTasksOver100: number[]
  /** Navigation → dashboard settled, per fresh context. */
  settledMs: number[]
  /** Per screen, click → content, per fresh context. */
  switchMs: Record<string, number[]>
  /** SVG elements on the body weight page (last context). */
  weightSvgElements: number
}

/** Installed before the app's code: the first chart's moment, every long task, and the time of the last change to the page. */
const INIT = `
  window.__bench = { firstChart: null, longTasks: [], lastChange: 0 }
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__bench.longTasks.push(e.duration) }).observe({ type: 'longtask', buffered: true })
  new MutationObserver(() => {
    window.__bench.lastChange = performance.now()
    if (window.__bench.firstChart === null && document.querySelector('.recharts-surface')) window.__bench.firstChart = performance.now()
  }).observe(document, { childList: true, subtree: true, attributes: true, characterData: true })
`

/** The screen's content is in: the tab is current, the main area changed, nothing says "Loading…" and nothing is busy. */
const CONTENT_READY = `(name) => {
  const tab = document.querySelector('nav a[href="#/' + name + '"]')
  const main = document.querySelector('main')
  // The screen is main's first child after its (hidden) h1, which stays from screen to screen.
  const screen = main && main.querySelector(':scope > :not(h1)')
  if (!tab || tab.getAttribute('aria-current') !== 'page' || !screen || screen === window.__before) return false
  if (main.querySelector('[aria-busy="true"]')) return false
  for (const p of main.querySelectorAll('p.empty')) if (/^Loading/.test(p.textContent || '')) return false
  return main.children.length > 0
}`

/**
 * An expression for the page: a promise that resolves once `condition` holds, checked at every frame, or
 * rejects after `timeoutMs`. Evaluated as the page's own script (not compiled from a string in it, which the
 * Content-Security-Policy forbids: so no `waitForFunction` with a string).
 */
function untilInPage(condition: string, timeoutMs: number): string {
  return `new Promise((resolve, reject) => {
    const start = performance.now()
    const check = () => {
      if (${condition}) resolve(true)
      else if (performance.now() - start > ${timeoutMs}) reject(new Error('timed out waiting for: ' + ${JSON.stringify(condition)}))
      else { requestAnimationFrame(check); }
    }
    check()
  })`
}

const SCREENS = ['log', 'history', 'blocks', 'protocols', 'weight', 'data', 'dashboard'] as const

export async function browserFigures(router: Router, runs: number): Promise<BrowserFigures | { skipped: string }> {
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
  const f: BrowserFigures = { firstChartMs: [], longestTaskMs: [], longTasksOver100: [], settledMs: [], switchMs: {}, weightSvgElements: 0 }
  try {
    for (let i = 0; i < runs + 1; i++) {
      const context = await browser.newContext()
      const page = await context.newPage()
      await page.addInitScript({ content: INIT })
      await page.goto(`${server.url}#/dashboard&token=${server.token}`)
      await page.waitForSelector('.recharts-surface', { timeout: 30_000 })
      // Settled: no chart panel busy or loading, and 500 ms since the page last changed.
      await page.evaluate(untilInPage(`!document.querySelector('[aria-busy="true"]') && window.__bench.lastChange > 0 && performance.now() - window.__bench.lastChange > 500`, 60_000))
      const b = await page.evaluate<{ firstChart: number; longTasks: number[]; lastChange: number }>('window.__bench')
      const switches: Record<string, number> = {}
      for (const name of SCREENS) {
        // The click and the wait in one evaluation, the wait checked at every frame: click → content.
        switches[name] = await page.evaluate<number>(`(() => {
          window.__before = document.querySelector('main > :not(h1)') ?? null
          const t0 = performance.now()
          document.querySelector('nav a[href="#/${name}"]').click()
          return ${untilInPage(`(${CONTENT_READY})('${name}')`, 30_000)}.then(() => performance.now() - t0)
        })()`)
        if (name === 'weight') {
          await page.waitForSelector('.recharts-surface', { timeout: 30_000 })
          f.weightSvgElements = await page.evaluate<number>(`document.querySelectorAll('main svg, main svg *').length`)
        }
      }
      // The first context warms the server's statements and the disk cache; it is not counted.
      if (i > 0) {
        f.firstChartMs.push(b.firstChart)
        f.longestTaskMs.push(b.longTasks.length ? Math.max(...b.longTasks) : 0)
        f.longTasksOver100.push(b.longTasks.filter((d) => d > 100).length)
        f.settledMs.push(b.lastChange)
        for (const [name, ms] of Object.entries(switches)) (f.switchMs[name] ??= []).push(ms)
      }
      await page.close()
      await context.close()
    }
  } finally {
    await browser.close()
    await server.close()
  }
  return f
}
