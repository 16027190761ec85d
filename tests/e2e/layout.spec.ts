import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { LONG_BLOCK, LONG_PROTOCOL, seedWide } from './seed'

/**
 * Every screen fits a 720 px window without sideways scrolling (DESIGN §2), with wide content in it (seed.ts): a
 * training block and a protocol with long names, a Sprint 6×20 s session with eight reps that use every column
 * (distance, a custom intensity with its percentage, RPE, incline, heart rate, a load, an abandoned rep, a hill
 * rep), sessions of the long-named protocol, and a few days of body weight. Nothing may stick out on the right
 * either (an element clipped by the window would not scroll the page but would still be cut off).
 */

const WIDTH = 720

test.use({ viewport: { width: WIDTH, height: 900 } })

async function open(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    ;(globalThis as unknown as { location: { hash: string } }).location.hash = h
  }, hash)
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth, outside } = await page.evaluate(() => {
    interface El {
      tagName: string
      id: string
      className: unknown
      textContent: string | null
      parentElement: El | null
      getBoundingClientRect(): { right: number; width: number; height: number }
    }
    const g = globalThis as unknown as {
      innerWidth: number
      document: { documentElement: { scrollWidth: number }; querySelectorAll(s: string): El[] }
      getComputedStyle(e: El): { visibility: string; overflowX: string; clip: string; position: string }
    }
    /** How far right an element can be seen: its box, cut by every ancestor that clips or scrolls its content. */
    const visibleRight = (el: El): number => {
      let right = el.getBoundingClientRect().right
      for (let a = el.parentElement; a; a = a.parentElement) {
        const st = g.getComputedStyle(a)
        if (st.overflowX !== 'visible' || (st.clip !== 'auto' && st.position === 'absolute')) right = Math.min(right, a.getBoundingClientRect().right)
      }
      return right
    }
    const sticking: string[] = []
    for (const el of g.document.querySelectorAll('body *')) {
      const box = el.getBoundingClientRect()
      if (box.width === 0 || box.height === 0 || g.getComputedStyle(el).visibility === 'hidden') continue
      const right = visibleRight(el)
      if (right > g.innerWidth + 0.5) {
        const cls = typeof el.className === 'string' && el.className ? `.${el.className.split(' ').join('.')}` : ''
        sticking.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls} (right edge at ${Math.round(right)} px): ${(el.textContent ?? '').trim().slice(0, 40)}`)
      }
    }
    return { scrollWidth: g.document.documentElement.scrollWidth, innerWidth: g.innerWidth, outside: sticking.slice(0, 25) }
  })
  expect(innerWidth).toBe(WIDTH)
  expect(outside, 'elements beyond the right edge of the window (the first 25)').toEqual([])
  expect(scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(innerWidth)
}

const SCREENS: { name: string; show(page: Page, sessionId: number): Promise<void> }[] = [
  {
    name: 'Progress (dashboard)',
    async show(page) {
      // The dashboard was loaded before the seeding: load it again.
      await page.reload()
      await expect(page.getByTestId('current-block')).toContainText(LONG_BLOCK)
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
      await expect(page.locator('tr[data-session-id]')).toHaveCount(5)
      await expect(page.locator('tr[data-session-id]', { hasText: LONG_PROTOCOL })).toHaveCount(1)
      await expect(page.getByRole('row')).toHaveCount(6)
      await expect(page.getByRole('button', { name: /^Delete session of/ }).first()).toBeInViewport({ ratio: 1 })
    }
  },
  {
    name: 'Blocks, the list with its sessions done and Delete',
    async show(page) {
      await open(page, '#/blocks')
      await expect(page.locator('tr[data-block-id]')).toHaveCount(2)
      // Each block a card at this width, a table row still for screen readers.
      await expect(page.getByRole('row')).toHaveCount(3)
      await expect(page.getByRole('columnheader', { name: 'Sessions' })).toHaveCount(1)
      await expect(page.locator('tr[data-block-id]').first().getByText('4 of 30')).toBeInViewport({ ratio: 1 })
      await expect(page.getByRole('button', { name: `Delete block ${LONG_BLOCK}` })).toBeInViewport({ ratio: 1 })
    }
  },
  {
    name: 'Blocks, the form open',
    async show(page) {
      await open(page, '#/blocks')
      await expect(page.locator('tr[data-block-id]')).toHaveCount(2)
      await page.getByRole('button', { name: 'New block' }).click()
      await expect(page.getByRole('form', { name: /training block/ })).toBeVisible()
    }
  },
  {
    name: 'Block calendar',
    async show(page) {
      await open(page, '#/blocks')
      await page.getByRole('link', { name: LONG_BLOCK }).click()
      await expect(page.getByRole('grid')).toBeVisible()
      await expect(page.getByRole('form', { name: 'Your training days' })).toBeVisible()
    }
  },
  {
    name: 'Protocols, the list with a long name',
    async show(page) {
      await open(page, '#/protocols')
      await expect(page.getByRole('heading', { name: LONG_PROTOCOL })).toBeVisible()
    }
  },
  {
    name: 'Log session, the long-named protocol chosen',
    async show(page) {
      await open(page, '#/log')
      await page.getByLabel('Protocol', { exact: true }).selectOption({ label: LONG_PROTOCOL })
      await expect(page.locator('tr[data-rep]')).toHaveCount(6)
    }
  },
  {
    name: 'Progress, every chart as a table',
    async show(page) {
      await page.reload()
      await expect(page.getByTestId('current-block')).toContainText(LONG_BLOCK)
      const toggles = page.getByRole('button', { name: 'Show as table' })
      await expect(toggles.first()).toBeVisible()
      const n = await toggles.count()
      for (let i = 0; i < n; i++) await toggles.first().click()
      await expect(page.getByRole('button', { name: 'Show as chart' })).toHaveCount(n)
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
    const sessionId = await seedWide(app)
    await screen.show(page, sessionId)
    await expectNoSidewaysScroll(page)
  })
}
