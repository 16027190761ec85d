import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { isoWeekday } from '../../src/shared/metrics/calendar'
import { readIcs } from '../helpers/ics'
import { browserDay, expect, test, type WebApp } from './fixtures'

/** Dates as the calendar writes them in English (the tests run in English). */
const english = (o: Intl.DateTimeFormatOptions) => (date: string) => new Intl.DateTimeFormat('en-GB', { ...o, timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`))
const longDay = english({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
const shortDay = english({ weekday: 'short', day: 'numeric', month: 'short' })
const monthTitle = (month: string) => english({ month: 'long', year: 'numeric' })(`${month}-01`)
const weekdayLong = english({ weekday: 'long' })

/**
 * A 3-week HIIT block that started a week ago (so today is the first day of its week 2), with HIIT sessions 6 and
 * 3 days ago and a sprint session (another protocol, which does not count) 7 days ago.
 */
async function seed(app: WebApp): Promise<void> {
  const protocols = await app.call<{ id: number; name: string; groups: unknown[] }[]>('protocols/list', {})
  const hiit = protocols.find((p) => p.name === 'HIIT 4×4')
  const sprint = protocols.find((p) => p.name === 'Sprint 6×20 s')
  if (!hiit || !sprint) throw new Error('built-in protocols missing')
  await app.call('blocks/create', { name: 'HIIT, winter', startDate: browserDay(-7), weeks: 3, sessionsPerWeek: 3, protocolId: hiit.id })
  const rep = { workSeconds: 240, intensity: 'near-max', recoverySeconds: 180, recoveryMode: 'jog' }
  for (const shift of [-6, -3]) await app.call('sessions/create', { date: browserDay(shift), protocolId: hiit.id, plan: hiit.groups, reps: [rep] })
  await app.call('sessions/create', { date: browserDay(-7), protocolId: sprint.id, plan: sprint.groups, reps: [{ ...rep, workSeconds: 20, intensity: 'max', recoverySeconds: 120, recoveryMode: 'walk' }] })
}

const grid = (page: Page) => page.getByRole('grid')

/** Shows the month of `date` with the month buttons, as a person would. */
async function showMonth(page: Page, date: string): Promise<void> {
  for (let i = 0; i < 3; i++) {
    const shown = await grid(page).getAttribute('data-month')
    if (shown === date.slice(0, 7)) return
    await page.getByRole('button', { name: shown !== null && shown > date.slice(0, 7) ? /^Previous month/ : /^Next month/ }).click()
    await expect(page.getByRole('heading', { name: monthTitle(date.slice(0, 7)) })).toBeVisible()
  }
}

/** The day cell of `date` (after showing its month), found by its whole accessible name. */
async function expectDay(page: Page, shift: number, state: string): Promise<void> {
  const date = browserDay(shift)
  await showMonth(page, date)
  const today = shift === 0 ? ', today' : ''
  await expect(grid(page).getByRole('gridcell', { name: `${longDay(date)}${today}: ${state}`, exact: true })).toBeVisible()
}

const weekdayName = (shift: number) => weekdayLong(browserDay(shift))

test('the block calendar: done, missed and planned days, the usual training days, and the .ics export', async ({ page, app }) => {
  await seed(app)
  // From the dashboard's current-block card.
  await page.reload()
  await page.getByTestId('current-block').getByRole('link', { name: 'Open the block’s calendar' }).click()
  // The dashboard names the block too: wait for the calendar screen itself.
  await expect(page).toHaveURL(/#\/calendar\/\d+$/)
  await expect(page.getByText('Block calendar', { exact: true })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'HIIT, winter', exact: true })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Blocks', exact: true })).toHaveAttribute('aria-current', 'page')

  // No usual days yet: the even spread from the block's first day (days 0, 2, 4 of each block week).
  await expect(page.getByTestId('planned-days')).toContainText(`spread evenly from the block’s first day (a ${weekdayName(-7)})`)
  await expectDay(page, -7, `made up on ${shortDay(browserDay(-6))}`)
  await expectDay(page, -6, `done, 1 session; not a planned day; makes up for ${shortDay(browserDay(-7))}`)
  await expectDay(page, -5, 'missed')
  await expectDay(page, -3, 'done, 1 session')
  await expectDay(page, 0, 'planned session')
  await expect(page.getByTestId('calendar-totals')).toHaveText('2 done1 missed6 planned ahead')

  // Set the usual days to the block's days 1, 3 and 5 and a start time, in the UI.
  const days = page.getByRole('form', { name: 'Your training days' })
  for (const shift of [-6, -4, -2]) await days.getByRole('checkbox', { name: weekdayName(shift) }).check()
  await expect(page.getByTestId('planned-days')).toContainText('This block plans')
  await days.getByLabel('Usual start time (optional)').fill('07:30')
  await days.getByRole('button', { name: 'Save days' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Saved your training days' })).toBeVisible()
  expect(app.query<{ value: string }>(`SELECT value FROM settings WHERE key = 'sessionTime'`)).toEqual([{ value: '"07:30"' }])

  // Week 1 now plans days −6, −4, −2: −6 done, −4 made up by the session on −3, −2 missed; the sprint session on −7
  // is another protocol's, so that day is a rest day.
  await expectDay(page, -7, 'rest day')
  await expectDay(page, -6, 'done, 1 session')
  await expectDay(page, -2, 'missed')
  await expectDay(page, 1, 'planned session')
  await expectDay(page, 0, 'rest day')
  await expect(page.getByTestId('calendar-totals')).toHaveText('2 done1 missed6 planned ahead')
  // The legend names every mark.
  const legend = page.getByRole('list', { name: 'Legend' })
  for (const label of ['Done', 'Planned', 'Missed', 'Made up', 'Today']) await expect(legend.getByText(label, { exact: true })).toBeVisible()

  // The keyboard: today has the focus stop; arrows move by days (across months), Home to the week's Monday.
  await showMonth(page, browserDay(0))
  const todayCell = grid(page).locator(`[data-date="${browserDay(0)}"]`)
  await expect(todayCell).toHaveAttribute('tabindex', '0')
  await todayCell.focus()
  await page.keyboard.press('ArrowRight')
  await expect(grid(page).locator(`[data-date="${browserDay(1)}"]`)).toBeFocused()
  for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowLeft')
  await expect(grid(page).locator(`[data-date="${browserDay(-7)}"]`)).toBeFocused()
  await expect(page.getByRole('heading', { name: monthTitle(browserDay(-7).slice(0, 7)) })).toBeVisible()
  await page.keyboard.press('ArrowUp')
  await expect(grid(page).locator(`[data-date="${browserDay(-14)}"]`)).toBeFocused()
  await page.keyboard.press('End')
  await expect(grid(page).locator(`[data-date="${browserDay(-14 + 7 - isoWeekday(browserDay(-14)))}"]`)).toBeFocused()

  // Export: a download of the 6 planned sessions ahead, timed at 07:30.
  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export .ics' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe('sprintlog-hiit-winter.ics')
  await expect(page.getByRole('status').filter({ hasText: 'Downloaded sprintlog-hiit-winter.ics with 6 planned sessions.' })).toBeVisible()
  const ics = readIcs(readFileSync(await download.path()))
  const compact = (shift: number) => browserDay(shift).replace(/-/g, '')
  expect(ics.events.map((e) => e.get('DTSTART'))).toEqual([1, 3, 5, 8, 10, 12].map((s) => `${compact(s)}T073000`))
  expect(ics.events.every((e) => e.get('DURATION') === 'PT45M')).toBe(true)
  expect(ics.events[0]?.get('SUMMARY')).toBe('HIIT 4×4: 4x4m @near-max / 3m jog')
  expect(ics.events[0]?.get('DESCRIPTION')).toContain('Week 2 of 3 of the training block “HIIT, winter”')
  expect(ics.calendarValue('X-WR-CALNAME')).toBe('Sprintlog: HIIT, winter')
})

test('the calendar is reached from the Blocks list and says plainly when a block has nothing ahead', async ({ page, app }) => {
  const protocols = await app.call<{ id: number; name: string }[]>('protocols/list', {})
  await app.call('blocks/create', { name: 'Autumn', startDate: browserDay(-30), weeks: 2, sessionsPerWeek: 2, protocolId: protocols[0]?.id ?? null })
  await page.getByRole('link', { name: 'Blocks', exact: true }).click()
  await page.getByRole('link', { name: 'Autumn' }).click()
  await expect(page.getByRole('heading', { name: 'Autumn' })).toBeVisible()
  await expect(page.getByTestId('calendar-totals')).toHaveText('0 done4 missed0 planned ahead')
  await expect(page.getByRole('button', { name: 'Export .ics' })).toBeDisabled()
  // Opens on the block's last month, which its last day is in.
  await expect(page.getByRole('heading', { name: monthTitle(browserDay(-17).slice(0, 7)) })).toBeVisible()
  await expect(grid(page).locator(`[data-date="${browserDay(-17)}"]`)).toHaveAttribute('tabindex', '0')
})
