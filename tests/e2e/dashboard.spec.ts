import type { Locator, Page } from '@playwright/test'
import { browserDay, expect, test, type WebApp } from './fixtures'

/** A date as the lists and the block form write it in English. */
const shown = (date: string) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`))

/**
 * The progress dashboard against a known history, seeded through the real API: a 10-week block of
 * Sprint 6×20 s that started 66 days ago (so today is in its week 10), three sessions a week on the
 * block's days 0, 2 and 4, with gaps (week 4 has one session, week 7 none, week 10 two so far), and five
 * days of body weight. Every session is 6 × 20 s with 2:00 walks, 10 + 5 min warm-up and cool-down
 * (27:00), RPE 8, so its load is 8 × 27 = 216 AU; its reps cover 150, 147, … 135 m (7.50 → 6.75 m/s,
 * a 10 % drop-off), except one session whose first rep covers 164 m (8.20 m/s, the best).
 */

interface Seeded {
  today: string
  blockStart: string
  /** Session dates, oldest first. */
  dates: string[]
  /** The date of the session with the 164 m rep. */
  bestDate: string
}

const SESSION_LOAD = 216

async function seed(app: WebApp): Promise<Seeded> {
  const { call } = app
  const protocols = await call<{ id: number; name: string; groups: unknown[] }[]>('protocols/list', {})
  const sprint = protocols.find((p) => p.name === 'Sprint 6×20 s')
  if (!sprint) throw new Error('no Sprint 6×20 s')
  await call('blocks/create', { name: 'Spring block', startDate: browserDay(-100), weeks: 2, sessionsPerWeek: 3 })
  await call('blocks/create', { name: 'Dashboard block', startDate: browserDay(-66), weeks: 10, sessionsPerWeek: 3, protocolId: sprint.id })
  const dates: string[] = []
  let bestDate = ''
  for (let w = 0; w < 10; w++) {
    for (const offset of [0, 2, 4]) {
      const shift = -66 + w * 7 + offset
      if (shift > 0 || w === 6 || (w === 3 && offset > 0)) continue
      const date = browserDay(shift)
      const best = w === 1 && offset === 2
      if (best) bestDate = date
      const reps = Array.from({ length: 6 }, (_, i) => ({
        workSeconds: 20,
        distanceMeters: best && i === 0 ? 164 : 150 - 3 * i,
        intensity: 'max',
        recoverySeconds: i === 5 ? 0 : 120,
        recoveryMode: 'walk'
      }))
      await call('sessions/create', { date, protocolId: sprint.id, plan: sprint.groups, warmupSeconds: 600, cooldownSeconds: 300, rpe: 8, reps })
      dates.push(date)
    }
  }
  for (const [shift, kg] of [
    [-4, 80],
    [-3, 80.4],
    [-2, 79.8],
    [-1, 80.2],
    [0, 80]
  ] as const) {
    await call('weights/add', { date: browserDay(shift), kg })
  }
  return { today: browserDay(0), blockStart: browserDay(-66), dates, bestDate }
}

// Independent date arithmetic for the expectations: days since 1970 by UTC, immune to time zones.
const dayNo = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000
const dateOf = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10)
const mondayOf = (d: string) => dateOf(dayNo(d) - ((dayNo(d) + 3) % 7))

/** Expected weekly loads (Monday → load) from the first session's week to today's, and the spike flags by the documented rule. */
function expectedWeeks(s: Seeded) {
  const weeks: { monday: string; sessions: number; load: number; spike: boolean }[] = []
  const first = s.dates[0] as string
  for (let n = dayNo(mondayOf(first)); n <= dayNo(s.today); n += 7) {
    const sessions = s.dates.filter((d) => mondayOf(d) === dateOf(n)).length
    weeks.push({ monday: dateOf(n), sessions, load: sessions * SESSION_LOAD, spike: false })
  }
  weeks.forEach((w, i) => {
    if (i < 4) return
    const baseline = weeks.slice(i - 4, i).reduce((a, x) => a + x.load, 0) / 4
    w.spike = w.load >= 300 && w.load > 1.5 * baseline
  })
  return weeks
}

/** Expected fitness / fatigue / form today, by the formula, from the first session (from 0). */
function expectedFitness(s: Seeded) {
  let fitness = 0
  let fatigue = 0
  for (let n = dayNo(s.dates[0] as string); n <= dayNo(s.today); n++) {
    const load = s.dates.filter((d) => dayNo(d) === n).length * SESSION_LOAD
    fitness += (load - fitness) * (1 - Math.exp(-1 / 42))
    fatigue += (load - fatigue) * (1 - Math.exp(-1 / 7))
  }
  return { fitness, fatigue, form: fitness - fatigue }
}

const panel = (page: Page, id: string) => page.getByTestId(id)

async function showTable(p: Locator): Promise<Locator> {
  await p.getByRole('button', { name: 'Show as table' }).click()
  return p.getByRole('table')
}

async function rowsOf(table: Locator): Promise<string[][]> {
  return table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => Array.from((tr as unknown as { cells: ArrayLike<{ textContent: string | null }> }).cells, (c) => (c.textContent ?? '').trim()))
  )
}

test('with no data, every part of the dashboard says what to do', async ({ page }) => {
  await expect(page.getByRole('link', { name: 'Progress' })).toHaveAttribute('aria-current', 'page')
  await expect(page.getByTestId('next-session')).toContainText('Nothing planned yet')
  await expect(page.getByText('No training blocks yet.')).toBeVisible()
  await expect(panel(page, 'weekly-load')).toContainText('No sessions in this range.')
  await expect(panel(page, 'fitness')).toContainText('No sessions yet')
  await expect(panel(page, 'weight-trend')).toContainText('No weights in this range.')
  await expect(panel(page, 'progression')).toContainText('No sessions of this protocol in the range.')
  await expect(panel(page, 'sprint-bests')).toContainText('No reps with a distance yet')
  // Nothing to draw: no chart in the page (the chart drawn off the page as the app starts, warmUp.tsx, included).
  await expect(page.locator('.recharts-surface')).toHaveCount(0)
  await page.locator('main').screenshot({ path: test.info().outputPath('dashboard-empty.png') })
})

test('a known 10-week history: the charts show the numbers of the seeded sessions', async ({ page, app }) => {
  const s = await seed(app)
  expect(s.dates).toHaveLength(24)
  await page.reload()

  // The current block and the next session.
  await expect(page.getByTestId('current-block')).toContainText('Dashboard block')
  await expect(page.getByTestId('block-week')).toHaveText('Week 10 of 10')
  const next = page.getByTestId('next-session')
  await expect(next.getByRole('heading', { name: 'Sprint 6×20 s' })).toBeVisible()
  await expect(next.getByRole('region', { name: 'Progression advice' })).toBeVisible()
  await expect(next.getByRole('link', { name: 'Log this session' })).toHaveAttribute('href', '#/log')

  // Screenshots of every chart, as drawn.
  for (const id of ['block-volume', 'weekly-load', 'fitness', 'weight-trend', 'progression', 'drop-off', 'sprint-bests']) {
    const p = panel(page, id)
    await p.scrollIntoViewIfNeeded()
    if (id !== 'sprint-bests') await expect(p.locator('.recharts-surface').first()).toBeVisible()
    await p.screenshot({ path: test.info().outputPath(`${id}.png`), animations: 'disabled' })
  }

  // Block volume: weeks 1…10, 2:00 of work and 6 reps per session.
  const volume = panel(page, 'block-volume')
  await expect(volume.getByRole('img', { name: /Sessions per week of Dashboard block: 24 of 30 planned sessions done/ })).toBeVisible()
  // Planned: 3 sessions × 6 × 20 s = 6 min a week, 60 min over the 10 weeks.
  await expect(page.getByTestId('block-volume-total')).toHaveText('24 of 30 sessions · 48 min work of 60 planned · 144 reps')
  const perWeek = [3, 3, 3, 1, 3, 3, 0, 3, 3, 2]
  const volumeTable = await showTable(volume)
  await expect(volumeTable).toHaveAccessibleName('Weekly volume of Dashboard block')
  expect((await rowsOf(volumeTable)).map((r) => [r[0], r[2], r[3], r[4], r[5], r[6]])).toEqual(
    perWeek.map((n, i) => [String(i + 1), `${n} of 3`, '0', (n * 2).toFixed(1), '6.0', String(n * 6)])
  )
  expect((await rowsOf(volumeTable))[0]?.[1]).toBe(`${shown(s.blockStart)} – ${shown(dateOf(dayNo(s.blockStart) + 6))}`)
  // Any block can be chosen: the earlier, empty one.
  await volume.getByLabel('Block').selectOption({ label: `Spring block (${shown(dateOf(dayNo(s.today) - 100))} – ${shown(dateOf(dayNo(s.today) - 87))})` })
  await expect(volume.getByRole('table', { name: 'Weekly volume of Spring block' })).toBeVisible()
  expect((await rowsOf(volume.getByRole('table'))).map((r) => [r[2], r[5]])).toEqual([
    ['0 of 3', '–'],
    ['0 of 3', '–']
  ])

  // Training load over all history: Monday–Sunday weeks, spikes by the rule, fitness by the formula.
  await page.getByRole('radiogroup', { name: 'Training load range' }).getByRole('radio', { name: 'All' }).click()
  await expect(page.getByTestId('load-sessions')).toHaveText('24')
  const weeks = expectedWeeks(s)
  const loadTable = await showTable(panel(page, 'weekly-load'))
  await expect(loadTable).toHaveAccessibleName('Weekly load')
  await expect(loadTable.locator('tbody tr')).toHaveCount(weeks.length)
  expect((await rowsOf(loadTable)).map((r) => [r[0]?.split(' – ')[0], r[1], r[2], r[4]])).toEqual(
    weeks.map((w) => [shown(w.monday), String(w.sessions), String(w.load), w.spike ? 'Spike' : ''])
  )
  const f = expectedFitness(s)
  await expect(page.getByTestId('fitness-now')).toHaveText(f.fitness.toFixed(1))
  await expect(page.getByTestId('fatigue-now')).toHaveText(f.fatigue.toFixed(1))
  await expect(page.getByTestId('form-now')).toHaveText(`${f.form > 0 ? '+' : ''}${f.form.toFixed(1)}`)
  const fitnessTable = await showTable(panel(page, 'fitness'))
  const fitnessRows = await rowsOf(fitnessTable)
  expect(fitnessRows).toHaveLength(dayNo(s.today) - dayNo(s.dates[0] as string) + 1)
  expect(fitnessRows[fitnessRows.length - 1]).toEqual([shown(s.today), '0', f.fitness.toFixed(1), f.fatigue.toFixed(1), f.form.toFixed(1)])
  expect(fitnessRows[0]).toEqual([shown(s.dates[0] as string), '216', (216 * (1 - Math.exp(-1 / 42))).toFixed(1), (216 * (1 - Math.exp(-1 / 7))).toFixed(1), '-23.7'])

  // Body weight: the trend closes 10 % of the gap a day: 80 → 80.04 → 80.016 → 80.0344 → 80.031; protein 1.4–2.0 g/kg.
  await expect(page.getByTestId('dash-trend-weight')).toHaveText('80.0 kg')
  await expect(page.getByTestId('dash-protein')).toHaveText('112–160 g')
  const weightTable = await showTable(panel(page, 'weight-trend'))
  expect((await rowsOf(weightTable)).map((r) => r[1])).toEqual(['80.0', '80.4', '79.8', '80.2', '80.0'])

  // Protocol progression (the block's protocol by default): every session 6 of 6 reps, 2:00 rest, RPE 8.
  const progress = panel(page, 'progression')
  await expect(page.getByLabel('Protocol', { exact: true })).toHaveValue(/\d+/)
  const progressTable = await showTable(progress)
  const progressRows = await rowsOf(progressTable)
  expect(progressRows.map((r) => r[0])).toEqual(s.dates.map(shown))
  expect(new Set(progressRows.map((r) => r.slice(1).join(' | ')))).toEqual(new Set(['6 of 6 | 2:00 | 8']))
  const dropTable = await showTable(panel(page, 'drop-off'))
  const dropRows = await rowsOf(dropTable)
  expect(dropRows).toHaveLength(24)
  expect(dropRows.find((r) => r[0] === shown(s.dates[0] as string))).toEqual([shown(s.dates[0] as string), '27.0 km/h · 2:13 /km', '24.3 km/h · 2:28 /km', '10.0 %'])
  // 164 m → 135 m: 8.20 → 6.75 m/s, 17.7 % slower.
  expect(dropRows.find((r) => r[0] === shown(s.bestDate))).toEqual([shown(s.bestDate), '29.5 km/h · 2:02 /km', '24.3 km/h · 2:28 /km', '17.7 %'])
  const bests = panel(page, 'sprint-bests').getByRole('table', { name: 'Sprint bests' })
  await expect.poll(() => rowsOf(bests)).toEqual([['20 s', '29.5 km/h', '2:02 /km', '164 m in 20 s', shown(s.bestDate), '144']])

  // Back to the chart.
  await progress.getByRole('button', { name: 'Show as chart' }).click()
  await expect(progress.getByRole('img', { name: /Progression of Sprint 6×20 s: 24 sessions; last 6 reps, rest 2:00, RPE 8/ })).toBeVisible()
})

test('a block of one protocol: other sessions shown apart, counted in the volume on request; planned volume beside the work', async ({ page, app }) => {
  const { call } = app
  const protocols = await call<{ id: number; name: string; groups: unknown[] }[]>('protocols/list', {})
  const sprint = protocols.find((p) => p.name === 'Sprint 6×20 s')
  const hill = protocols.find((p) => p.name === 'Hill sprint 4×30 s')
  if (!sprint || !hill) throw new Error('no built-in protocols')
  const start = browserDay(-8)
  await call('blocks/create', { name: 'Sprint block', startDate: start, weeks: 2, sessionsPerWeek: 3, protocolId: sprint.id })
  const sprintReps = Array.from({ length: 6 }, (_, i) => ({ workSeconds: 20, intensity: 'max', recoverySeconds: i === 5 ? 0 : 120, recoveryMode: 'walk' }))
  for (const shift of [-8, -6, -1]) await call('sessions/create', { date: browserDay(shift), protocolId: sprint.id, plan: sprint.groups, rpe: 8, reps: sprintReps })
  // Week 1: a hill session (4 × 30 s); week 2, today: a free-form 60 s run.
  const hillReps = Array.from({ length: 4 }, () => ({ workSeconds: 30, intensity: 'max', hill: true, recoverySeconds: null, recoveryMode: 'walk-down' }))
  await call('sessions/create', { date: browserDay(-5), protocolId: hill.id, plan: hill.groups, rpe: 9, reps: hillReps })
  await call('sessions/create', { date: browserDay(0), rpe: 5, reps: [{ workSeconds: 60, intensity: 'moderate', recoverySeconds: 0, recoveryMode: 'walk' }] })
  await page.reload()

  const card = page.getByTestId('current-block')
  await expect(card.getByRole('progressbar', { name: 'This week' })).toHaveAttribute('aria-valuetext', '1 of 3 sessions')
  await expect(card.getByRole('progressbar', { name: 'Whole block' })).toHaveAttribute('aria-valuetext', '3 of 6 sessions')
  await expect(card.getByTestId('block-other-sessions')).toHaveText(['+1 other session', '+2 other sessions'])

  // Which weeks each chart counts in, where both appear.
  const weekday = new Date(`${start}T00:00:00Z`).toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'UTC' })
  const lastDay = new Date(`${dateOf(dayNo(start) + 6)}T00:00:00Z`).toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'UTC' })
  await expect(page.getByTestId('block-week-definition')).toHaveText(`Weeks of the block, from its start date (${weekday} to ${lastDay}).`)
  await expect(page.getByTestId('load-week-definition')).toHaveText('Calendar weeks, Monday to Sunday.')

  // The block's sessions against the plan, the others after a +; planned 3 × 2:00 = 6 min a week.
  const volume = panel(page, 'block-volume')
  await expect(page.getByTestId('block-volume-total')).toHaveText('3 of 6 sessions (+2 other sessions) · 6 min work of 12 planned · 18 reps')
  await expect(volume.getByRole('img', { name: /3 of 6 planned sessions done, and 2 other sessions/ })).toBeVisible()
  await expect(volume.getByRole('img', { name: /6 minutes of 12 planned and 18 reps/ })).toBeVisible()
  await expect(volume.locator('.recharts-label-list')).toContainText('2/3\u00a0+1')
  const table = await showTable(volume)
  expect((await rowsOf(table)).map((r) => [r[0], r[2], r[3], r[4], r[5], r[6]])).toEqual([
    ['1', '2 of 3', '1', '4.0', '6.0', '12'],
    ['2', '1 of 3', '1', '2.0', '6.0', '6']
  ])
  // Counted in on request: the hill session's 2:00 and 4 reps, the free-form 1:00 and 1 rep; sessions done stay.
  await volume.getByLabel('Count other sessions in the volume').check()
  expect((await rowsOf(volume.getByRole('table'))).map((r) => [r[0], r[2], r[3], r[4], r[5], r[6]])).toEqual([
    ['1', '2 of 3', '1', '6.0', '6.0', '16'],
    ['2', '1 of 3', '1', '3.0', '6.0', '7']
  ])
  await expect(page.getByTestId('block-volume-total')).toHaveText('3 of 6 sessions (+2 other sessions) · 9 min work of 12 planned · 23 reps')
  await expect(volume.getByRole('columnheader', { name: 'Work time, all (min)' })).toBeVisible()
})

test('dark theme: the charts stay readable', async ({ page, app }) => {
  await seed(app)
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.reload()
  await expect(panel(page, 'block-volume').locator('.recharts-surface').first()).toBeVisible()
  await expect(panel(page, 'progression').locator('.recharts-surface').first()).toBeVisible()
  const bg = await page.evaluate(() => {
    const g = globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string }; document: { documentElement: unknown } }
    return g.getComputedStyle(g.document.documentElement).backgroundColor
  })
  expect(bg).toBe('rgb(17, 20, 24)')
  await page.locator('main').screenshot({ path: test.info().outputPath('dashboard-dark.png') })
})

test('the day after a block ends: its summary, "Plan the next block" prefilled from it, and its protocol for the next session', async ({ page, app }) => {
  // A 2-week block of HIIT 4×4 that ended yesterday (days −14 … −1): four sessions of it, the last two progressed to
  // 5 sets with 2m30s of rest; a Sprint 6×20 s session inside it and another today, neither counted in the block.
  const { call } = app
  const protocols = await call<{ id: number; name: string; groups: Record<string, unknown>[] }[]>('protocols/list', {})
  const hiit = protocols.find((p) => p.name === 'HIIT 4×4')
  const sprint = protocols.find((p) => p.name === 'Sprint 6×20 s')
  if (!hiit?.groups[0] || !sprint) throw new Error('no built-in protocols')
  const block = await call<{ id: number }>('blocks/create', { name: 'Spring HIIT', startDate: browserDay(-14), weeks: 2, sessionsPerWeek: 3, protocolId: hiit.id })
  const progressed = [{ ...hiit.groups[0], count: 5, recoverySeconds: 150 }]
  const fourMinutes = (n: number, rest: number) =>
    Array.from({ length: n }, (_, i) => ({ workSeconds: 240, intensity: 'near-max', recoverySeconds: i === n - 1 ? 0 : rest, recoveryMode: 'jog' }))
  for (const [shift, plan, sets, rest] of [
    [-14, hiit.groups, 4, 180],
    [-11, hiit.groups, 4, 180],
    [-7, progressed, 5, 150],
    [-3, progressed, 5, 150]
  ] as const) {
    await call('sessions/create', { date: browserDay(shift), protocolId: hiit.id, plan, rpe: 8, reps: fourMinutes(sets, rest) })
  }
  const sprintReps = Array.from({ length: 6 }, () => ({ workSeconds: 20, intensity: 'max', recoverySeconds: 120, recoveryMode: 'walk' }))
  for (const shift of [-5, 0]) await call('sessions/create', { date: browserDay(shift), protocolId: sprint.id, plan: sprint.groups, rpe: 9, reps: sprintReps })
  await page.reload()

  // 4 of 2 × 3 sessions; 2 × 16 min + 2 × 20 min = 72 min of work; 4 → 5 sets, 3m → 2m30s of rest.
  const card = page.getByTestId('finished-block')
  await expect(card.getByRole('heading', { name: 'Block “Spring HIIT” finished' })).toBeVisible()
  await expect(card.getByTestId('finished-summary')).toHaveText('Finished: 4 of 6 sessions, 72 min of work, +1 set, rest 3m → 2m30s on HIIT 4×4.')
  await expect(card.getByTestId('finished-plan')).toContainText(`4x4m @near-max / 3m jog (${shown(browserDay(-14))}) → 5x4m @near-max / 2m30s jog (${shown(browserDay(-3))})`)
  await expect(page.getByTestId('current-block')).toHaveCount(0)

  // The next session is the last block's protocol, though the last session was a sprint; so is the Log screen's.
  const next = page.getByTestId('next-session')
  await expect(next.getByRole('heading', { name: 'HIIT 4×4' })).toBeVisible()
  await expect(next.getByTestId('next-why')).toHaveText('The protocol of your last block, “Spring HIIT”.')
  await expect(next.getByTestId('next-start')).toContainText('5x4m @near-max / 2m30s jog')
  // The protocol progression chart opens on it too.
  const progression = page.getByRole('region', { name: 'Protocol progression' })
  await expect(progression.getByLabel('Protocol', { exact: true }).locator('option:checked')).toHaveText('HIIT 4×4')
  await expect(panel(page, 'progression')).toContainText('HIIT 4×4: reps, rest and effort')
  await page.locator('main').screenshot({ path: test.info().outputPath('dashboard-finished-block.png') })
  await next.getByRole('link', { name: 'Log this session' }).click()
  await expect(page.getByLabel('Protocol', { exact: true }).locator('option:checked')).toHaveText('HIIT 4×4')
  await expect(page.getByTestId('plan')).toHaveText('5x4m @near-max / 2m30s jog')

  // "Plan the next block": the same weeks, sessions a week and protocol, from the day after the end (today).
  await page.getByRole('navigation').getByRole('link', { name: 'Progress' }).click()
  await card.getByRole('button', { name: 'Plan the next block' }).click()
  await expect(page).toHaveURL(new RegExp(`#/blocks/next/${block.id}$`))
  const form = page.getByRole('form', { name: 'New training block' })
  await expect(form.getByRole('heading', { name: 'Plan the next block' })).toBeVisible()
  await expect(form.getByLabel('Start date')).toHaveAttribute('data-value', browserDay(0))
  await expect(form.getByLabel('Weeks')).toHaveValue('2')
  await expect(form.getByLabel('Sessions per week')).toHaveValue('3')
  await expect(form.getByLabel('Protocol').locator('option:checked')).toHaveText('HIIT 4×4')
  await expect(form.getByTestId('block-end')).toHaveText(shown(browserDay(13)))
  const note = form.getByTestId('block-prefill')
  await expect(note).toContainText(`Follows “Spring HIIT”: 2 weeks × 3 a week of HIIT 4×4, from ${shown(browserDay(0))}, the day after it ended.`)
  await expect(note).toContainText(`The sessions of HIIT 4×4 start from the plan of ${shown(browserDay(-3))}: 5x4m @near-max / 2m30s jog`)
  await expect(form.getByLabel('Name')).toBeFocused()
  await page.keyboard.type('Summer HIIT')
  await page.keyboard.press('Enter')
  await expect(page.getByText('Created block “Summer HIIT”.')).toBeVisible()
  await expect(page).toHaveURL(/#\/blocks$/)
  expect(app.query('SELECT name, start_date, weeks, sessions_per_week, protocol_id FROM blocks ORDER BY start_date')).toEqual([
    { name: 'Spring HIIT', start_date: browserDay(-14), weeks: 2, sessions_per_week: 3, protocol_id: hiit.id },
    { name: 'Summer HIIT', start_date: browserDay(0), weeks: 2, sessions_per_week: 3, protocol_id: hiit.id }
  ])

  // The new block has started: the summary gives way to it, and the next session is its protocol.
  await page.getByRole('navigation').getByRole('link', { name: 'Progress' }).click()
  await expect(page.getByTestId('current-block')).toContainText('Summer HIIT')
  await expect(page.getByTestId('finished-block')).toHaveCount(0)
  await expect(next.getByTestId('next-why')).toHaveText('The protocol of the current block, “Summer HIIT”.')
})

test('a block that ended days ago: the next one would start today; Dismiss hides the summary (Undo brings it back) and it stays hidden after a reload', async ({ page, app }) => {
  await app.call('blocks/create', { name: 'Short block', startDate: browserDay(-10), weeks: 1, sessionsPerWeek: 2 })
  await page.reload()
  const card = page.getByTestId('finished-block')
  await expect(card.getByTestId('finished-summary')).toHaveText('Finished: 0 of 2 sessions, 0 min of work.')
  // It ended 4 days ago: the day after is past and today is free, so the next block would start today, as the form says.
  await card.getByRole('button', { name: 'Plan the next block' }).click()
  const form = page.getByRole('form', { name: 'New training block' })
  await expect(form.getByLabel('Start date')).toHaveAttribute('data-value', browserDay(0))
  await expect(form.getByTestId('block-prefill')).toHaveText(
    `Follows “Short block”: 1 week × 2 a week of any protocol, from today, ${shown(browserDay(0))}: the day after it ended, ${shown(browserDay(-3))}, is past.`
  )
  await expect(form.getByLabel('Protocol').locator('option:checked')).toHaveText('Any')
  await page.keyboard.press('Escape')
  await expect(form).toHaveCount(0)
  await expect(page).toHaveURL(/#\/blocks$/)

  await page.getByRole('navigation').getByRole('link', { name: 'Progress' }).click()
  // Dismiss, undo, dismiss again.
  const dismiss = card.getByRole('button', { name: 'Dismiss the summary of block “Short block”' })
  await dismiss.click()
  await expect(card).toHaveCount(0)
  await expect(page.getByRole('heading', { name: 'No current training block' })).toBeVisible()
  await page.getByRole('status').filter({ hasText: 'Dismissed the summary of block “Short block”.' }).getByRole('button', { name: 'Undo' }).click()
  await expect(page.getByText('The summary of block “Short block” is back.')).toBeVisible()
  await expect(card.getByTestId('finished-summary')).toBeVisible()
  await dismiss.click()
  await expect(card).toHaveCount(0)
  await page.reload()
  await expect(page.getByTestId('next-session')).toBeVisible()
  await expect(page.getByTestId('finished-block')).toHaveCount(0)
  expect(app.query(`SELECT value FROM settings WHERE key = 'dismissedBlockSummary'`)).toHaveLength(1)
})

test('weighted sessions: loaded reps have bests and a drop-off of their own, per load, in the runner’s unit', async ({ page, app }) => {
  const protocols = await app.call<{ id: number; name: string; groups: unknown[] }[]>('protocols/list', {})
  const sprint = protocols.find((p) => p.name === 'Sprint 6×20 s')
  if (!sprint) throw new Error('no Sprint 6×20 s')
  /** 6 × 20 s from `first` metres down by `step`, with the load given. */
  const log = (shift: number, first: number, step: number, load: Record<string, unknown> = {}) =>
    app.call('sessions/create', {
      date: browserDay(shift),
      protocolId: sprint.id,
      plan: sprint.groups,
      rpe: 8,
      reps: Array.from({ length: 6 }, (_, i) => ({ workSeconds: 20, distanceMeters: first - step * i, intensity: 'max', recoverySeconds: i === 5 ? 0 : 120, recoveryMode: 'walk', ...load }))
    })
  await log(-6, 150, 3) // unloaded: 7.50 → 6.75 m/s
  await log(-5, 170, 5, { loadKg: 10, loadKind: 'vest' }) // faster than any unloaded rep, but loaded: 8.50 → 7.25 m/s
  await log(-4, 148, 3)
  await log(-3, 100, 2, { loadKg: 20, loadKind: 'sled' }) // 5.00 → 4.50 m/s
  await page.reload()

  const bests = panel(page, 'sprint-bests').getByRole('table', { name: 'Sprint bests' })
  const first = shown(browserDay(-6))
  await expect(bests.getByRole('row')).toHaveCount(4)
  await expect.poll(() => rowsOf(bests)).toEqual([
    ['20 s', 'unloaded', '27.0 km/h', '2:13 /km', '150 m in 20 s', first, '12'],
    ['20 s', '+10 kg vest', '30.6 km/h', '1:58 /km', '170 m in 20 s', shown(browserDay(-5)), '6'],
    ['20 s', '+20 kg sled', '18.0 km/h', '3:20 /km', '100 m in 20 s', shown(browserDay(-3)), '6']
  ])
  const drop = await rowsOf(await showTable(panel(page, 'drop-off')))
  expect(drop).toEqual([
    [first, '27.0 km/h · 2:13 /km', '24.3 km/h · 2:28 /km', '10.0 %', '–', '–', '–'],
    [shown(browserDay(-5)), '–', '–', '–', '30.6 km/h · 1:58 /km', '26.1 km/h · 2:18 /km', '14.7 %'],
    [shown(browserDay(-4)), '26.6 km/h · 2:15 /km', '23.9 km/h · 2:30 /km', '10.1 %', '–', '–', '–'],
    [shown(browserDay(-3)), '–', '–', '–', '18.0 km/h · 3:20 /km', '16.2 km/h · 3:42 /km', '10.0 %']
  ])
  // In pounds: the loads and the progression's heaviest load.
  await page.getByRole('radio', { name: 'lb' }).click()
  await expect(bests.getByRole('row').nth(2)).toContainText('+22 lb vest')
  expect((await rowsOf(bests)).map((r) => r[1])).toEqual(['unloaded', '+22 lb vest', '+44.1 lb sled'])
  const progress = await rowsOf(await showTable(panel(page, 'progression')))
  expect(progress.map((r) => r[r.length - 1])).toEqual(['–', '22', '–', '44.1'])
})

test('in Chinese: the block card, the next session with its advice, the charts and their tables', async ({ page, app }) => {
  const protocols = await app.call<{ id: number; name: string; groups: unknown[] }[]>('protocols/list', {})
  const sprint = protocols.find((p) => p.name === 'Sprint 6×20 s')
  if (!sprint) throw new Error('no Sprint 6×20 s')
  await app.call('blocks/create', { name: 'Sprint block', startDate: browserDay(-8), weeks: 2, sessionsPerWeek: 3, protocolId: sprint.id })
  const reps = Array.from({ length: 6 }, (_, i) => ({ workSeconds: 20, intensity: 'max', recoverySeconds: i === 5 ? 0 : 120, recoveryMode: 'walk' }))
  for (const shift of [-8, -6, -1]) await app.call('sessions/create', { date: browserDay(shift), protocolId: sprint.id, plan: sprint.groups, rpe: 8, reps })
  await page.reload()
  await page.getByRole('radiogroup', { name: 'Language' }).getByRole('radio', { name: '中文' }).click()

  const card = page.getByTestId('current-block')
  await expect(card).toContainText('当前训练周期')
  await expect(card.getByTestId('block-week')).toHaveText('第 2 周，共 2 周')
  await expect(card.getByRole('progressbar', { name: '本周' })).toHaveAttribute('aria-valuetext', '计划 3 次训练，已完成 1 次')

  // Two sessions on target: the advice, worded in Chinese from the rule's codes.
  const next = page.getByTestId('next-session')
  await expect(next).toContainText('下次训练')
  await expect(next.getByTestId('next-why')).toHaveText('当前训练周期“Sprint block”的训练方案。')
  const advice = next.getByRole('region', { name: '进阶建议' })
  await expect(advice).toContainText('加大难度')
  await expect(advice).toContainText('缩短恢复时间：2m → 1m45s 步行。')
  await advice.getByText('原因').click()
  await expect(advice).toContainText('最近 2 次训练都按计划完成')

  for (const name of ['周期训练量', '训练负荷', '体重', '训练方案进展']) await expect(page.getByRole('heading', { name, exact: true })).toBeVisible()
  await expect(page.getByTestId('load-week-definition')).toHaveText('按日历周计算，周一至周日。')
  await page.getByRole('radiogroup', { name: '训练负荷范围' }).getByRole('radio', { name: '全部' }).click()
  const load = panel(page, 'weekly-load')
  await load.getByRole('button', { name: '以表格显示' }).click()
  await expect(load.getByRole('columnheader', { name: '负荷（AU）' })).toBeVisible()
  await expect(load.getByRole('table', { name: '每周负荷' })).toBeVisible()
  const volume = panel(page, 'block-volume')
  await volume.getByRole('button', { name: '以表格显示' }).click()
  const firstRow = (await rowsOf(volume.getByRole('table', { name: 'Sprint block 的每周训练量' })))[0]
  expect(firstRow?.[1]).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 – \d{4}年\d{1,2}月\d{1,2}日$/)
  expect(firstRow?.[2]).toBe('2 / 3')
})
