import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

/** The browser's own today (its time zone is the one the screen uses), shifted by `days`. */
/** A date as the screens write it in English: `22 Nov 2026`. */
const shown = (date: string) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`))

async function browserDay(page: Page, days = 0): Promise<string> {
  return page.evaluate((shift) => {
    const d = new Date()
    d.setDate(d.getDate() + shift)
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
  }, days)
}

/** Logs a one-rep session on `date` (of the protocol named, else free-form) straight through the back end, as the Log screen would. */
async function logSession(page: Page, date: string, protocol: string | null = null): Promise<void> {
  const result = await page.evaluate(
    async ({ day, name }) => {
      const { sessionStorage } = globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }
      const post = async (channel: string, body: unknown) => {
        const res = await fetch(`/api/${channel}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Sprintlog-Token': sessionStorage.getItem('sprintlog.token') ?? '' },
          body: JSON.stringify(body)
        })
        return (await res.json()) as { ok: boolean; value?: unknown }
      }
      const protocols = (await post('protocols/list', {})).value as { id: number; name: string }[]
      const protocolId = name === null ? null : (protocols.find((p) => p.name === name)?.id ?? -1)
      return post('sessions/create', { date: day, protocolId, reps: [{ workSeconds: 240, intensity: 'near-max', recoverySeconds: 180, recoveryMode: 'jog' }] })
    },
    { day: date, name: protocol }
  )
  expect(result.ok).toBe(true)
}

const blockForm = (page: Page) => page.getByRole('form', { name: /training block/ })
const card = (page: Page) => page.getByTestId('current-block')

/** Fills the form (opening it from the list if needed) and presses Enter in the name field. */
async function createBlock(page: Page, o: { name: string; start?: string; weeks?: string; perWeek?: string; protocol?: string }) {
  if ((await blockForm(page).count()) === 0) await page.getByRole('button', { name: 'New block' }).click()
  const form = blockForm(page)
  if (o.start) await form.getByLabel('Start date').fill(o.start)
  if (o.weeks) await form.getByLabel('Weeks').fill(o.weeks)
  if (o.perWeek) await form.getByLabel('Sessions per week').fill(o.perWeek)
  if (o.protocol) await form.getByLabel('Protocol').selectOption({ label: o.protocol })
  await form.getByLabel('Name').fill(o.name)
  await form.getByLabel('Name').press('Enter')
}

test.beforeEach(async ({ page }) => {
  await page.getByRole('link', { name: 'Blocks' }).click()
})

test('empty state explains blocks; create the HIIT study block and watch the counters move', async ({ page, app }) => {
  const today = await browserDay(page)
  await expect(page.getByRole('heading', { name: 'No current training block' })).toBeVisible()
  await expect(page.getByText('for example the 10 weeks × 3 sessions of the HIIT 4×4 study')).toBeVisible()
  await expect(page.getByText('No blocks yet.')).toBeVisible()

  // The empty state's button opens the form with the defaults and the name field focused.
  await page.getByRole('button', { name: 'Create a block' }).click()
  const form = blockForm(page)
  await expect(form.getByLabel('Name')).toBeFocused()
  await expect(form.getByLabel('Start date')).toHaveAttribute('data-value', today)
  await expect(form.getByLabel('Weeks')).toHaveValue('10')
  await expect(form.getByLabel('Sessions per week')).toHaveValue('3')
  await expect(form.getByLabel('Protocol')).toHaveValue('')
  await expect(form.getByTestId('block-end')).toHaveText(shown(await browserDay(page, 69)))
  await expect(form.getByText('30 sessions planned')).toBeVisible()
  // The end date follows the length as it is typed.
  await form.getByLabel('Weeks').fill('2')
  await expect(form.getByTestId('block-end')).toHaveText(shown(await browserDay(page, 13)))
  await form.getByLabel('Weeks').fill('10')

  await createBlock(page, { name: 'HIIT study', protocol: 'HIIT 4×4' })
  await expect(form).toHaveCount(0)
  await expect(card(page).getByRole('heading', { name: 'HIIT study' })).toBeVisible()
  await expect(card(page).getByTestId('block-week')).toHaveText('Week 1 of 10')
  await expect(card(page)).toContainText('HIIT 4×4')
  await expect(card(page)).toContainText(`${shown(today)} – ${shown(await browserDay(page, 69))}`)
  const week = card(page).getByRole('progressbar', { name: 'This week' })
  const total = card(page).getByRole('progressbar', { name: 'Whole block' })
  await expect(week).toHaveAttribute('aria-valuenow', '0')
  await expect(week).toHaveAttribute('aria-valuemax', '3')
  await expect(week).toHaveAttribute('aria-valuetext', '0 of 3 sessions')
  await expect(total).toHaveAttribute('aria-valuemax', '30')
  await expect(card(page)).toContainText('0 of 3 sessions')
  await expect(card(page)).toContainText('0 of 30 sessions')
  const row = page.locator('tbody tr').first()
  await expect(row).toContainText('HIIT study')
  await expect(row).toContainText('Active')
  await expect(row).toContainText('0 of 30')

  expect(app.query('SELECT name, start_date, weeks, sessions_per_week FROM blocks')).toEqual([
    { name: 'HIIT study', start_date: today, weeks: 10, sessions_per_week: 3 }
  ])
  expect(app.query('SELECT p.name FROM blocks b JOIN protocols p ON p.id = b.protocol_id')).toEqual([{ name: 'HIIT 4×4' }])

  // A HIIT 4×4 session logged today counts this week and in total; one from before the block does not; a
  // free-form one inside the block is shown apart.
  await logSession(page, today, 'HIIT 4×4')
  await logSession(page, await browserDay(page, -3), 'HIIT 4×4')
  await logSession(page, today)
  await page.reload()
  await expect(week).toHaveAttribute('aria-valuenow', '1')
  await expect(card(page)).toContainText('1 of 3 sessions')
  await expect(card(page)).toContainText('1 of 30 sessions')
  await expect(card(page).getByTestId('block-other-sessions')).toHaveText(['+1 other session', '+1 other session'])
  await expect(row).toContainText('1 of 30')
  await expect(row).toContainText('+1 other session')

  await page.screenshot({ path: test.info().outputPath('blocks.png'), fullPage: true })
})

test('a block that started 8 days ago is in week 2, and editing the start moves the week', async ({ page, app }) => {
  const start = await browserDay(page, -8)
  await createBlock(page, { name: 'Spring sprints', start, perWeek: '2', protocol: 'Sprint 6×20 s' })
  await expect(card(page).getByTestId('block-week')).toHaveText('Week 2 of 10')
  await expect(card(page)).toContainText('0 of 2 sessions')
  await expect(card(page)).toContainText('0 of 20 sessions')

  await logSession(page, await browserDay(page, -1), 'Sprint 6×20 s') // week 2 (days 7–13 of the block)
  await logSession(page, await browserDay(page, -2), 'Sprint 6×20 s') // week 1 (day 6)
  await page.reload()
  await expect(card(page)).toContainText('1 of 2 sessions')
  await expect(card(page)).toContainText('2 of 20 sessions')

  // Edit: start 15 days ago → week 3; Escape first to check it cancels without saving.
  await page.getByRole('button', { name: 'Edit block Spring sprints' }).click()
  const form = page.getByRole('form', { name: 'Edit training block' })
  await expect(form.getByLabel('Name')).toHaveValue('Spring sprints')
  await expect(form.getByLabel('Protocol')).toHaveValue(/\d+/)
  await form.getByLabel('Start date').fill(await browserDay(page, -15))
  await form.getByLabel('Start date').press('Escape')
  await expect(form).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Edit block Spring sprints' })).toBeFocused()
  await expect(card(page).getByTestId('block-week')).toHaveText('Week 2 of 10')

  await page.keyboard.press('Enter') // the focused Edit button
  await form.getByLabel('Start date').fill(await browserDay(page, -15))
  await form.getByLabel('Protocol').selectOption({ label: 'Any' })
  await form.getByLabel('Protocol').press('Enter')
  await expect(form).toHaveCount(0)
  await expect(card(page).getByTestId('block-week')).toHaveText('Week 3 of 10')
  await expect(card(page)).toContainText('Any protocol')
  expect(app.query('SELECT start_date, protocol_id FROM blocks')).toEqual([{ start_date: await browserDay(page, -15), protocol_id: null }])
})

test('an overlapping block is refused next to the start date and nothing is written', async ({ page, app }) => {
  await createBlock(page, { name: 'HIIT study', protocol: 'HIIT 4×4' })
  await expect(card(page).getByTestId('block-week')).toHaveText('Week 1 of 10')

  const start = await browserDay(page, 14)
  await createBlock(page, { name: 'Overlap', start })
  const form = blockForm(page)
  const startDate = form.getByLabel('Start date')
  await expect(form.getByRole('alert')).toContainText('overlaps “HIIT study”')
  await expect(form.getByRole('alert')).toContainText('Blocks may not overlap.')
  await expect(startDate).toHaveAttribute('aria-invalid', 'true')
  await expect(startDate).toBeFocused()
  await expect(startDate).toHaveAccessibleDescription(/overlaps “HIIT study”/)
  expect(app.query('SELECT name FROM blocks')).toEqual([{ name: 'HIIT study' }])

  // Moved after the first block's end it is accepted and listed as upcoming.
  await startDate.fill(await browserDay(page, 70))
  await startDate.press('Enter')
  await expect(form).toHaveCount(0)
  await expect(page.locator('tbody tr')).toHaveCount(2)
  await expect(page.locator('tbody tr').first()).toContainText('Upcoming')
  await expect(page.locator('tbody tr').first()).toContainText('Starts in 70 days')
  expect(app.query('SELECT name FROM blocks ORDER BY start_date')).toEqual([{ name: 'HIIT study' }, { name: 'Overlap' }])
})

test('bad values show an error next to the field and write nothing', async ({ page, app }) => {
  await page.getByRole('button', { name: 'New block' }).click()
  const form = blockForm(page)
  const name = form.getByLabel('Name')
  const weeks = form.getByLabel('Weeks')

  await form.getByRole('button', { name: 'Create block' }).click()
  await expect(form.getByRole('alert')).toHaveText('Give the block a name.')
  await expect(name).toHaveAttribute('aria-invalid', 'true')
  await expect(name).toBeFocused()

  await name.fill('   ')
  await name.press('Enter')
  await expect(form.getByRole('alert')).toHaveText('Give the block a name.')

  await name.fill('Winter base')
  await weeks.fill('0')
  await expect(form.getByTestId('block-end')).toHaveText('–')
  await weeks.press('Enter')
  await expect(form.getByRole('alert')).toHaveText('A block lasts at least 1 week.')
  await expect(weeks).toHaveAttribute('aria-invalid', 'true')
  await expect(name).not.toHaveAttribute('aria-invalid')

  await weeks.fill('60')
  await weeks.press('Enter')
  await expect(form.getByRole('alert')).toHaveText('A block lasts at most 52 weeks.')

  await weeks.fill('8')
  await form.getByLabel('Sessions per week').fill('')
  await weeks.press('Enter')
  await expect(form.getByRole('alert')).toHaveText('Enter the number of sessions.')

  await form.getByLabel('Start date').fill('')
  await weeks.press('Enter')
  await expect(form.getByRole('alert')).toHaveCount(2)
  await expect(form.getByRole('alert').first()).toHaveText('Enter a start date.')

  expect(app.query('SELECT count(*) AS n FROM blocks')).toEqual([{ n: 0 }])
  await page.screenshot({ path: test.info().outputPath('blocks-errors.png'), fullPage: true })

  await form.getByLabel('Sessions per week').press('Escape')
  await expect(form).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'New block' })).toBeFocused()
  expect(app.query('SELECT count(*) AS n FROM blocks')).toEqual([{ n: 0 }])
})

test('delete a block, then undo', async ({ page, app }) => {
  await createBlock(page, { name: 'HIIT study', protocol: 'HIIT 4×4' })
  await expect(card(page).getByTestId('block-week')).toHaveText('Week 1 of 10')

  await page.getByRole('button', { name: 'Delete block HIIT study' }).click()
  await expect(page.getByRole('heading', { name: 'No current training block' })).toBeVisible()
  await expect(page.getByText('No blocks yet.')).toBeVisible()
  expect(app.query('SELECT count(*) AS n FROM blocks WHERE deleted_at IS NULL')).toEqual([{ n: 0 }])

  await page.getByRole('status').filter({ hasText: 'Deleted block “HIIT study”.' }).getByRole('button', { name: 'Undo' }).click()
  await expect(card(page).getByRole('heading', { name: 'HIIT study' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Delete block HIIT study' })).toBeVisible()
  expect(app.query('SELECT name, deleted_at FROM blocks')).toEqual([{ name: 'HIIT study', deleted_at: null }])
})

test('the keyboard alone is enough to create a block', async ({ page, app }) => {
  await page.getByRole('button', { name: 'Create a block' }).focus()
  await page.keyboard.press('Enter')
  await expect(blockForm(page).getByLabel('Name')).toBeFocused()
  await page.keyboard.type('Keyboard block')
  await page.keyboard.press('Tab') // protocol
  await expect(blockForm(page).getByLabel('Protocol')).toBeFocused()
  await page.keyboard.press('ArrowDown') // the first protocol after "Any"
  await page.keyboard.press('Enter')
  await expect(blockForm(page)).toHaveCount(0)
  await expect(card(page).getByTestId('block-week')).toHaveText('Week 1 of 10')
  expect(app.query('SELECT name, weeks, sessions_per_week, protocol_id IS NOT NULL AS has_protocol FROM blocks')).toEqual([
    { name: 'Keyboard block', weeks: 10, sessions_per_week: 3, has_protocol: 1 }
  ])
})
