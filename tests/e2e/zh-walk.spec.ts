/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { HEADERS } from '../../src/shared/csv'
import { intervals, makeFit } from '../helpers/watchFiles'
import { browserDay, expect, test, type WebApp } from './fixtures'
import { anyLanguage } from './i18n-text'

/**
 * Every screen in Chinese shows no English: a walk over every screen with a populated history, reading every
 * visible text, every accessible name and title, every option and placeholder, and failing on any Latin-only
 * word outside the units and names below. The compact plan notation (`6x20s @max / 2m walk`) is ASCII by design
 * and is marked `translate="no"`, as are file paths, and CSV column names are the same in every language; the runner's own texts are typed in Chinese here. Besides the
 * screens themselves, the walk reads what appears on them: a form's errors, a watch file's found reps, an import
 * preview with a row in error, a duplicated protocol's toast and a deleted session's toast with its Undo.
 */

const ALLOWED = new Set(
  [
    // units
    'kg', 'lb', 'km', 'mi', 'm', 's', 'min', 'h', 'bpm', 'mph', 'au', 'x',
    // names and abbreviations a Chinese runner reads as they are
    'sprintlog', 'rpe', 'srpe', 'hiit', 'fit', 'csv', 'tcx', 'gpx', 'ics', 'json', 'utf', 'gzip', 'sqlite', 'uuid', 'garmin', 'connect',
    'coros', 'polar', 'suunto', 'apple', 'forerunner', 'icalendar', 'google', 'outlook', 'english', 'ok', 'vo', 'kb', 'mb', 'gb',
    // keys named in keyboard help
    'ctrl', 'esc', 'enter', 'space', 'tab', 'page', 'up', 'down', 'n', 'a', 't', 'z',
    // the plan notation's own words (ASCII by design, also inside a sentence: `6x20s @max / 2m walk`)
    'max', 'near', 'moderate', 'walk', 'jog', 'stand', 'hill', 'incline', 'vest', 'sled', 'other', 'kmh'
  ].map((w) => w.toLowerCase())
)

/** The CSV files' column names, which stay as they are in every language. */
const COLUMN_NAMES = new RegExp(`\\b(${[...new Set(Object.values(HEADERS).flat())].join('|')})\\b`, 'g')

async function seed(app: WebApp): Promise<{ sessionId: number; blockId: number }> {
  const { call } = app
  const protocols = await call<{ id: number; name: string; groups: unknown[] }[]>('protocols/list', {})
  const sprint = protocols.find((p) => p.name === 'Sprint 6×20 s')
  if (!sprint) throw new Error('no Sprint 6×20 s')
  const block = await call<{ id: number }>('blocks/create', { name: '春季股四头肌训练周期', startDate: browserDay(-20), weeks: 10, sessionsPerWeek: 3, protocolId: sprint.id })
  let sessionId = 0
  for (let day = 20; day >= 1; day -= 2) {
    const reps = Array.from({ length: 6 }, (_, i) => ({
      workSeconds: 20,
      distanceMeters: 150 - i - (day % 3),
      intensity: 'max',
      rpe: 8,
      recoverySeconds: i === 5 ? 0 : 120,
      recoveryMode: 'walk',
      completed: !(day === 1 && i === 5),
      heartRate: 170 + i
    }))
    const s = await call<{ id: number }>('sessions/create', { date: browserDay(-day), protocolId: sprint.id, plan: sprint.groups, warmupSeconds: 600, cooldownSeconds: 300, rpe: 8, notes: '顺风，状态不错', reps })
    sessionId = s.id
  }
  for (let i = 0; i < 20; i++) await call('weights/add', { date: browserDay(-i), kg: 80 - i * 0.1, note: i === 0 ? '早饭后' : undefined })
  return { sessionId, blockId: block.id }
}

/** The Latin-only words the page shows to a reader or a screen reader, with where each was seen. */
async function englishOn(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const out: string[] = []
    const skip = (el: Element | null) => !!el?.closest('[translate="no"], code, kbd, script, style, noscript')
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement
      if (!el || skip(el) || !n.textContent?.trim()) continue
      const visible = el.closest('option, svg') !== null || el.checkVisibility({ visibilityProperty: true })
      if (visible) out.push(`${el.tagName.toLowerCase()}: ${n.textContent.trim()}`)
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt], [aria-description], [aria-roledescription]')) {
      if (skip(el)) continue
      for (const a of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'aria-roledescription']) {
        const v = el.getAttribute(a)
        if (v?.trim()) out.push(`${el.tagName.toLowerCase()}[${a}]: ${v.trim()}`)
      }
    }
    out.push(`title: ${document.title}`)
    return out
  })
  const found: string[] = []
  for (const t of texts) {
    const text = t.slice(t.indexOf(': ') + 2)
    // CSV column names are the same in every language (`weight_kg`).
    const words = text.replace(COLUMN_NAMES, ' ').match(/[A-Za-z][A-Za-z'’]*/g) ?? []
    const bad = words.filter((w) => !ALLOWED.has(w.toLowerCase()))
    if (bad.length > 0) found.push(`${t}   ← ${[...new Set(bad)].join(', ')}`)
  }
  return [...new Set(found)]
}

async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    location.hash = h
  }, hash)
}

/** A sprint session recorded yesterday morning, as a watch writes it. */
const fitFile = (): Buffer =>
  Buffer.from(
    makeFit({
      segments: intervals({ warmup: 600, count: 6, work: 20, workSpeed: 7.5, rest: 120, restSpeed: 1.2, cooldown: 300 }),
      laps: 'intensity',
      start: new Date(`${browserDay(-1)}T06:30:00Z`)
    })
  )

/** A body-weight file of two rows, the second with a weight that is not a number. */
function weightsCsv(dir: string): string {
  const file = join(dir, '体重.csv')
  const at = '2026-03-01T08:00:00.000Z'
  const rows = [
    ['8f0c1a52-3c1e-4b7a-9d2e-000000000001', '2026-03-01', '72.4', '', '早饭前', at, at],
    ['8f0c1a52-3c1e-4b7a-9d2e-000000000002', '2026-03-02', '七十二', '', '', at, at]
  ]
  writeFileSync(file, [HEADERS.weights.join(','), ...rows.map((r) => r.join(','))].join('\r\n') + '\r\n')
  return file
}

test.use({ locale: 'zh-CN' })

test('no English is left on any screen in Chinese', async ({ page, app }) => {
  test.setTimeout(120_000)
  const { sessionId, blockId } = await seed(app)
  const dir = mkdtempSync(join(tmpdir(), 'sprintlog-zh-'))
  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
  const screens: { hash: string; ready: string; then?: (page: Page) => Promise<void> }[] = [
    { hash: '#/', ready: '[data-testid="current-block"]' },
    { hash: '#/log', ready: 'form' },
    { hash: `#/session/${sessionId}`, ready: 'tr[data-rep]' },
    { hash: '#/history', ready: 'tr[data-session-id]' },
    { hash: '#/blocks', ready: 'tr[data-block-id]' },
    { hash: `#/calendar/${blockId}`, ready: '[role="grid"]' },
    { hash: '#/protocols', ready: 'main h1' },
    { hash: '#/weight', ready: 'main h1' },
    { hash: '#/data', ready: 'main h1' },
    { hash: '#/timer', ready: '[data-testid="timer"]' },
    {
      // A form's errors: a work time that is not a time, and an RPE beyond its bounds.
      hash: '#/log',
      ready: 'form',
      then: async (p) => {
        await p.getByLabel(anyLanguage('Protocol'), { exact: true }).selectOption({ index: 1 })
        await p.locator('input[aria-label$="训练时间"]').nth(2).fill('快')
        await p.getByRole('button', { name: anyLanguage('Save session') }).click()
        await expect(p.locator('[aria-invalid="true"]').first()).toBeVisible()
      }
    },
    {
      // A watch file's found reps, waiting to be checked and saved.
      hash: '#/log',
      ready: 'form',
      then: async (p) => {
        await p.locator('.watch-import input[type="file"]').setInputFiles({ name: '间歇跑.fit', mimeType: 'application/octet-stream', buffer: fitFile() })
        await expect(p.locator('.watch-import').getByText(/间歇跑\.fit/).first()).toBeVisible()
      }
    },
    {
      // An import preview with a row in error.
      hash: '#/data',
      ready: 'main h1',
      then: async (p) => {
        await p.getByLabel(anyLanguage('CSV files to import')).setInputFiles(weightsCsv(dir))
        await expect(p.getByRole('region', { name: anyLanguage('Import preview') })).toBeVisible()
        await expect(p.getByRole('region', { name: anyLanguage('Import preview') }).locator('tr.status-error')).toHaveCount(1)
      }
    },
    {
      // A duplicated built-in protocol: its toast, and the copy named in Chinese.
      hash: '#/protocols',
      ready: 'main h1',
      then: async (p) => {
        await p.getByRole('button', { name: /^复制 / }).first().click()
        await expect(p.getByRole('status').filter({ hasText: '副本' })).toBeVisible()
      }
    },
    {
      // A deleted session's toast with its Undo.
      hash: '#/history',
      ready: 'tr[data-session-id]',
      then: async (p) => {
        await p.locator('tr[data-session-id] button.danger').first().click()
        await expect(p.getByRole('status').filter({ hasText: '已删除' })).toBeVisible()
      }
    }
  ]
  const report: string[] = []
  for (const s of screens) {
    await go(page, s.hash)
    await expect(page.locator(s.ready).first()).toBeVisible()
    await expect(page.getByText('加载中…')).toHaveCount(0)
    // Every chart's table too, and every closed detail.
    for (const b of await page.locator('button[aria-expanded="false"]').all()) if (await b.isVisible()) await b.click()
    for (const d of await page.locator('details:not([open]) > summary').all()) if (await d.isVisible()) await d.click()
    await s.then?.(page)
    for (const line of await englishOn(page)) report.push(`${s.hash}  ${line}`)
  }
  rmSync(dir, { recursive: true, force: true })
  expect(report, 'English text on Chinese screens').toEqual([])
})
