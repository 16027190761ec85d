/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Page } from '@playwright/test'
import { browserDay, expect, test, type WebApp } from './fixtures'

/**
 * Every screen in Chinese shows no English: a walk over every screen with a populated history, reading every
 * visible text, every accessible name and title, every option and placeholder, and failing on any Latin-only
 * word outside the units and names below. The compact plan notation (`6x20s @max / 2m walk`) is ASCII by design
 * and is marked `translate="no"`, as are file paths; the runner's own texts are typed in Chinese here.
 */

const ALLOWED = new Set(
  [
    // units
    'kg', 'lb', 'km', 'mi', 'm', 's', 'min', 'h', 'bpm', 'mph', 'au', 'x',
    // names and abbreviations a Chinese runner reads as they are
    'sprintlog', 'rpe', 'srpe', 'hiit', 'fit', 'csv', 'tcx', 'gpx', 'ics', 'json', 'utf', 'gzip', 'sqlite', 'uuid', 'garmin', 'connect',
    'coros', 'polar', 'suunto', 'apple', 'icalendar', 'google', 'outlook', 'english', 'ok', 'vo', 'kb', 'mb', 'gb',
    // keys named in keyboard help
    'ctrl', 'esc', 'enter', 'space', 'tab', 'page', 'up', 'down', 'n', 'a', 't', 'z',
    // the plan notation's own words (ASCII by design, also inside a sentence: `6x20s @max / 2m walk`)
    'max', 'near', 'moderate', 'walk', 'jog', 'stand', 'hill', 'incline', 'vest', 'sled', 'other', 'kmh'
  ].map((w) => w.toLowerCase())
)

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
    const words = text.match(/[A-Za-z][A-Za-z'’]*/g) ?? []
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

test.use({ locale: 'zh-CN' })

test('no English is left on any screen in Chinese', async ({ page, app }) => {
  test.setTimeout(120_000)
  const { sessionId, blockId } = await seed(app)
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
    { hash: '#/timer', ready: '[data-testid="timer"]' }
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
  expect(report, 'English text on Chinese screens').toEqual([])
})
