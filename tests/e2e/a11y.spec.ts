import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { LANGUAGES, type Language } from '../../src/shared/i18n/languages'
import { expect, startWebApp, test, type WebApp } from './fixtures'
import { anyLanguage as L } from './i18n-text'
import { LONG_BLOCK, seedWide } from './seed'

/**
 * An accessibility audit of every screen (axe-core, WCAG 2.1 A and AA): in light and dark, with a full history and
 * with none, with the charts drawn and with each "Show as table" open. Any violation of impact serious or critical
 * fails, and so does a screen without exactly one h1. The failure lists every problem of the walk at once: the
 * screen, the rule, the element and, for colour contrast, the colours and the ratio found against the one needed.
 */

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']
// The walk runs in every language (LANGUAGES, set by the `language` setting); it names controls by their English
// text or its translation (i18n-text.ts), so it finds them whichever screens are translated yet.
const SCHEMES = ['light', 'dark'] as const
type Scheme = (typeof SCHEMES)[number]

test.describe.configure({ timeout: 240_000 })

interface ContrastData {
  fgColor?: string
  bgColor?: string
  contrastRatio?: number
  expectedContrastRatio?: string
  fontSize?: string
  fontWeight?: string
}

/** The serious and critical violations on the page as it is now, one line each, and a missing or second h1. */
async function audit(page: Page, where: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze()
  const problems: string[] = []
  for (const v of result.violations) {
    if (v.impact !== 'serious' && v.impact !== 'critical') continue
    for (const node of v.nodes) {
      const data = [...node.any, ...node.all, ...node.none].map((c) => c.data as ContrastData | null).find((d) => d && d.contrastRatio !== undefined)
      const contrast = data
        ? ` — ${data.fgColor} on ${data.bgColor}: ${data.contrastRatio}:1, needs ${data.expectedContrastRatio} (${data.fontSize} ${data.fontWeight})`
        : ''
      problems.push(`${where}: ${v.id} (${v.impact}) at ${node.target.join(' ')}${contrast}\n    ${node.failureSummary?.replace(/\n/g, ' ') ?? v.help}`)
    }
  }
  const h1 = await page.locator('h1').count()
  if (h1 !== 1) problems.push(`${where}: ${h1} h1 elements, expected exactly one`)
  return problems
}

/** Audits the screen, then opens each of its "Show as table" switches and audits it again. */
async function auditWithTables(page: Page, where: string): Promise<string[]> {
  const problems = await audit(page, where)
  const toggles = page.getByRole('button', { name: L('Show as table') })
  const n = await toggles.count()
  if (n === 0) return problems
  // Each click turns its button into "Show as chart", so the first remaining one is the next.
  for (let i = 0; i < n; i++) await toggles.first().click()
  await expect(page.getByRole('button', { name: L('Show as chart') })).toHaveCount(n)
  return [...problems, ...(await audit(page, `${where}, as tables`))]
}

async function open(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    ;(globalThis as unknown as { location: { hash: string } }).location.hash = h
  }, hash)
}

/** The screens, each shown as a runner would reach it; `full` says whether the history was seeded. */
interface Walk {
  /** Whether the history was seeded. */
  full: boolean
  /** The built-in Sprint 6×20 s (its name is translated, its id is not). */
  sprintId: number
}

const SCREENS: { name: string; needsData?: true; show(page: Page, walk: Walk): Promise<void> }[] = [
  {
    name: 'Progress',
    async show(page, { full }) {
      await open(page, '#/dashboard')
      await page.reload()
      if (full) {
        await expect(page.getByTestId('current-block')).toContainText(LONG_BLOCK)
        await expect(page.locator('.recharts-surface').first()).toBeVisible()
      } else await expect(page.getByRole('heading', { name: L('Protocol progression') })).toBeVisible()
    }
  },
  {
    name: 'Log session',
    async show(page, { sprintId }) {
      await open(page, '#/log')
      await page.getByLabel(L('Protocol')).selectOption(String(sprintId))
      await expect(page.locator('tr[data-rep]')).toHaveCount(6)
    }
  },
  {
    name: 'History',
    async show(page, { full }) {
      await open(page, '#/history')
      if (full) await expect(page.locator('tr[data-session-id]')).toHaveCount(5)
      else await expect(page.getByRole('link', { name: L('Log your first one.') })).toBeVisible()
    }
  },
  {
    name: 'A session opened from the history',
    needsData: true,
    async show(page) {
      await open(page, '#/history')
      await page.locator('tr[data-session-id]').first().getByRole('link').first().click()
      await expect(page.getByRole('heading', { name: L('Edit session') })).toBeVisible()
      await expect(page.locator('tr[data-rep]')).toHaveCount(8)
    }
  },
  {
    name: 'Blocks, the form open',
    async show(page, { full }) {
      await open(page, '#/blocks')
      if (full) await expect(page.locator('tr[data-block-id]')).toHaveCount(2)
      await page.getByRole('button', { name: L('New block') }).click()
      await expect(page.locator('form.block-form')).toBeVisible()
    }
  },
  {
    name: 'A block’s calendar',
    needsData: true,
    async show(page) {
      await open(page, '#/blocks')
      await page.getByRole('link', { name: LONG_BLOCK }).click()
      await expect(page.getByRole('grid')).toBeVisible()
    }
  },
  {
    name: 'Protocols, the form open',
    async show(page) {
      await open(page, '#/protocols')
      await page.getByRole('button', { name: L('New protocol') }).click()
      await expect(page.getByRole('form', { name: L('New protocol') })).toBeVisible()
    }
  },
  {
    name: 'Body weight',
    async show(page, { full }) {
      await open(page, '#/weight')
      if (full) await expect(page.getByText('after breakfast, before the session')).toBeVisible()
      else await expect(page.getByRole('form', { name: L('Add body weight') })).toBeVisible()
    }
  },
  {
    name: 'Data & backups',
    async show(page) {
      await open(page, '#/data')
      await expect(page.getByRole('heading', { name: L('Backups') })).toBeVisible()
      await expect(page.locator('tr[data-backup]').first()).toBeVisible()
    }
  },
  {
    name: 'Interval timer',
    async show(page, { sprintId }) {
      await open(page, '#/log')
      await page.getByLabel(L('Protocol')).selectOption(String(sprintId))
      await page.getByRole('button', { name: L('Start timer') }).click()
      await expect(page.getByTestId('timer')).toHaveAttribute('data-status', 'ready')
    }
  },
  {
    name: 'Interval timer, running, asked to stop',
    async show(page) {
      // Straight on from the timer above.
      await page.getByTestId('timer-toggle').click()
      await expect(page.getByTestId('timer')).toHaveAttribute('data-status', 'running')
      await page.keyboard.press('Escape')
      await expect(page.getByRole('dialog', { name: L('Stop the session?') })).toBeVisible()
    }
  }
]

/**
 * With a full history the theme is set by the setting, against the system's (emulated) scheme, so the setting is
 * what decides; with none it is left to the system (the default), which the emulated scheme then decides.
 */
async function walk(page: Page, app: WebApp, language: Language, scheme: Scheme, full: boolean): Promise<void> {
  if (full) await seedWide(app)
  await app.call('settings/update', { language })
  const other: Scheme = scheme === 'light' ? 'dark' : 'light'
  await page.emulateMedia({ colorScheme: full ? other : scheme })
  if (full) await app.call('settings/update', { theme: scheme })
  const problems: string[] = []
  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('lang', language)
  const protocols = await app.call<{ id: number; builtIn: boolean; groups: { count: number; workSeconds: number | null }[] }[]>('protocols/list', {})
  const sprint = protocols.find((p) => p.builtIn && p.groups.length === 1 && p.groups[0]?.count === 6 && p.groups[0].workSeconds === 20)
  if (!sprint) throw new Error('no built-in 6×20 s protocol')
  for (const screen of SCREENS) {
    if (screen.needsData && !full) continue
    await screen.show(page, { full, sprintId: sprint.id })
    await expect(page.locator('html')).toHaveAttribute('data-theme', full ? scheme : 'system')
    problems.push(...(await auditWithTables(page, `${screen.name} (${language}, ${scheme}, ${full ? 'with data' : 'empty'})`)))
  }
  expect(problems, `accessibility problems:\n${problems.join('\n')}`).toEqual([])
}

for (const language of LANGUAGES) {
  for (const scheme of SCHEMES) {
    for (const full of [true, false]) {
      test(`every screen passes the accessibility audit (${language}, ${scheme}, ${full ? 'with data' : 'empty'})`, async ({ page, app }) => {
        await walk(page, app, language, scheme, full)
      })
    }

    test(`the recovery screen passes the accessibility audit (${language}, ${scheme})`, async ({ page }) => {
      const dir = mkdtempSync(join(tmpdir(), 'sprintlog-e2e-a11y-'))
      try {
        writeFileSync(join(dir, 'sprintlog.db'), '')
        const run = await startWebApp(dir)
        await page.emulateMedia({ colorScheme: scheme })
        await page.goto(run.app.url)
        await expect(page.getByRole('heading', { name: L('Sprintlog can’t open your data') })).toBeVisible()
        await page.getByRole('button', { name: L('Start a new, empty database…') }).click()
        await expect(page.getByRole('group', { name: L('Start a new database') })).toBeVisible()
        const problems = await audit(page, `Recovery (${language}, ${scheme})`)
        expect(problems, `accessibility problems:\n${problems.join('\n')}`).toEqual([])
        await page.goto('about:blank')
        await run.stop()
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    })
  }
}
