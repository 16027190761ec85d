import type { Page } from '@playwright/test'
import { browserDay, expect, test, type WebApp } from './fixtures'

/**
 * Every screen fits a 720 px window without sideways scrolling (DESIGN §2), with content in it: a training block
 * with a long name, a Sprint 6×20 s session with eight reps that use every column (distance, a custom intensity
 * with its percentage, RPE, incline, heart rate, an abandoned rep, a hill rep), and a few days of body weight.
 */

const WIDTH = 720

test.use({ viewport: { width: WIDTH, height: 900 } })

/** Seeds the history through the real API and returns the session's id. */
async function seed(app: WebApp): Promise<number> {
  const { call } = app
  const protocols = await call<{ id: number; name: string; groups: unknown[] }[]>('protocols/list', {})
  const sprint = protocols.find((p) => p.name === 'Sprint 6×20 s')
  if (!sprint) throw new Error('no Sprint 6×20 s')
  await call('blocks/create', { name: 'Spring hypertrophy block for the quadriceps', startDate: browserDay(-20), weeks: 10, sessionsPerWeek: 3, protocolId: sprint.id })
  const reps = Array.from({ length: 8 }, (_, i) => ({
    workSeconds: 20.5,
    distanceMeters: 150 - 3 * i,
    intensity: i === 2 ? 'custom' : 'max',
    intensityPct: i === 2 ? 92.5 : null,
    rpe: 8,
    recoverySeconds: i === 7 ? 0 : 125,
    recoveryMode: i === 5 ? 'walk-down' : 'walk',
    hill: i === 5,
    inclinePct: i === 4 ? 6 : null,
    completed: i !== 6,
    heartRate: 172
  }))
  const session = await call<{ id: number }>('sessions/create', {
    date: browserDay(-1),
    protocolId: sprint.id,
    plan: sprint.groups,
    warmupSeconds: 600,
    cooldownSeconds: 300,
    rpe: 8,
    notes: 'Windy on the back straight; the last two reps into a headwind, the seventh abandoned',
    reps
  })
  for (let i = 0; i < 5; i++) await call('weights/add', { date: browserDay(-i), kg: 80 + i * 0.2, note: i === 0 ? 'after breakfast, before the session' : undefined })
  return session.id
}

async function open(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    ;(globalThis as unknown as { location: { hash: string } }).location.hash = h
  }, hash)
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const width = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth)
  expect(width, 'the page scrolls sideways').toBeLessThanOrEqual(WIDTH)
}

const SCREENS: { name: string; show(page: Page, sessionId: number): Promise<void> }[] = [
  {
    name: 'Progress (dashboard)',
    async show(page) {
      // The dashboard was loaded before the seeding: load it again.
      await page.reload()
      await expect(page.getByTestId('current-block')).toContainText('Spring hypertrophy block')
      await expect(page.getByRole('heading', { name: 'Protocol progression' })).toBeVisible()
    }
  },
  {
    name: 'Log session, a protocol chosen',
    async show(page) {
      await open(page, '#/log')
      await page.getByLabel('Protocol', { exact: true }).selectOption({ label: 'Sprint 6×20 s' })
      await expect(page.locator('tr[data-rep]')).toHaveCount(6)
      await expect(page.getByRole('region', { name: 'Progression advice' })).toBeVisible()
    }
  },
  {
    name: 'Interval timer, running',
    async show(page) {
      await open(page, '#/log')
      await page.getByLabel('Protocol', { exact: true }).selectOption({ label: 'Sprint 6×20 s' })
      await page.getByRole('button', { name: 'Start timer' }).click()
      await page.getByTestId('timer-toggle').click()
      await expect(page.getByTestId('timer')).toHaveAttribute('data-status', 'running')
      await expect(page.getByTestId('timer-phase')).toHaveText('WARM-UP')
      await page.keyboard.press('Escape')
      await expect(page.getByRole('dialog', { name: 'Stop the session?' })).toBeVisible()
    }
  },
  {
    name: 'Log session, a logged session with every column in use',
    async show(page, sessionId) {
      await open(page, `#/session/${sessionId}`)
      await expect(page.getByRole('heading', { name: 'Edit session' })).toBeVisible()
      await expect(page.locator('tr[data-rep]')).toHaveCount(8)
      await expect(page.getByLabel('Rep 3 intensity percent')).toHaveValue('92.5')
    }
  },
  {
    name: 'History',
    async show(page) {
      await open(page, '#/history')
      await expect(page.locator('tr[data-session-id]')).toHaveCount(1)
    }
  },
  {
    name: 'Blocks, the form open',
    async show(page) {
      await open(page, '#/blocks')
      await expect(page.locator('tr[data-block-id]')).toHaveCount(1)
      await page.getByRole('button', { name: 'New block' }).click()
      await expect(page.getByRole('form', { name: /training block/ })).toBeVisible()
    }
  },
  {
    name: 'Block calendar',
    async show(page) {
      await open(page, '#/blocks')
      await page.getByRole('link', { name: 'Spring hypertrophy block for the quadriceps' }).click()
      await expect(page.getByRole('grid')).toBeVisible()
      await expect(page.getByRole('form', { name: 'Your training days' })).toBeVisible()
    }
  },
  {
    name: 'Protocols, the form open',
    async show(page) {
      await open(page, '#/protocols')
      await page.getByRole('button', { name: 'New protocol' }).click()
      await expect(page.getByRole('form', { name: 'New protocol' })).toBeVisible()
    }
  },
  {
    name: 'Body weight',
    async show(page) {
      await open(page, '#/weight')
      await expect(page.getByText('after breakfast, before the session')).toBeVisible()
    }
  },
  {
    name: 'Data & backups',
    async show(page) {
      await open(page, '#/data')
      await expect(page.getByRole('heading', { name: 'Backups', exact: true })).toBeVisible()
    }
  }
]

for (const screen of SCREENS) {
  test(`${screen.name} fits a ${WIDTH} px window`, async ({ page, app }) => {
    const sessionId = await seed(app)
    await screen.show(page, sessionId)
    await expectNoSidewaysScroll(page)
  })
}
