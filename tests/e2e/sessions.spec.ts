import { browserDay, expect, test, type WebApp } from './fixtures'
import type { Page } from '@playwright/test'

/** Today in the browser's time zone, as the screens have it. */
const today = () => browserDay()

/** A date as the lists show it in English: `22 Nov 2026`. */
const listed = (d: string) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${d}T12:00:00Z`))

test.beforeEach(async ({ page }) => {
  await page.getByRole('navigation').getByRole('link', { name: 'Log session' }).click()
})

async function pickProtocol(page: Page, name: string) {
  await page.getByLabel('Protocol', { exact: true }).selectOption({ label: name })
}

const sessions = (app: WebApp) =>
  app.query<{ id: number; date: string; protocol: string | null; planned_reps: number; rpe: number | null; warmup_seconds: number; cooldown_seconds: number }>(
    `SELECT s.id, s.date, p.name AS protocol, s.planned_reps, s.rpe, s.warmup_seconds, s.cooldown_seconds
     FROM sessions s LEFT JOIN protocols p ON p.id = s.protocol_id WHERE s.deleted_at IS NULL ORDER BY s.id`
  )

const BUILT_INS: [string, string, string, string][] = [
  // name, plan, reps done / planned, work time
  ['HIIT 4×4', '4x4m @near-max / 3m jog', '4 / 4', '16:00'],
  ['Sprint 6×20 s', '6x20s @max / 2m walk', '6 / 6', '2:00'],
  ['Sprint 5×30 s', '5x30s @max / 4m walk', '5 / 5', '2:30'],
  ['Sprint 4×45 s', '4x45s @moderate / 5m walk', '4 / 4', '3:00'],
  ['Hill sprint 4×30 s', '4x30s @max hill / walk-down', '4 / 4', '2:00']
]

for (const [name, plan, reps, work] of BUILT_INS) {
  test(`log “${name}” as planned in one action`, async ({ page, app }) => {
    await pickProtocol(page, name)
    await expect(page.getByTestId('plan')).toHaveText(plan)
    await expect(page.getByTestId('sum-reps')).toHaveText(reps)
    await expect(page.getByTestId('sum-work')).toHaveText(work)
    await page.getByRole('button', { name: 'Log as planned' }).click()
    await expect(page.getByRole('region', { name: 'Session logged' })).toContainText(`Logged ${name} on ${listed(today())}`)
    const rows = sessions(app)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ date: today(), protocol: name, planned_reps: Number(reps.split(' / ')[1]), warmup_seconds: 600, cooldown_seconds: 300 })
  })
}

test('a Sprint 6×20 s session: figures agree with a hand calculation in the form and in the history', async ({ page, app }) => {
  await pickProtocol(page, 'Sprint 6×20 s')
  await page.getByLabel('Session RPE (0–10)').fill('8')
  // 6 × 20 s work; 5 × 2:00 walks (none after the last rep); 10 + 5 min warm-up and cool-down
  // duration = 120 + 600 + 900 = 1620 s = 27:00; load = 8 × 27 = 216
  await expect(page.getByTestId('sum-work')).toHaveText('2:00')
  await expect(page.getByTestId('sum-duration')).toHaveText('27:00')
  await expect(page.getByTestId('sum-load')).toHaveText('216')
  await page.getByRole('button', { name: 'Log as planned' }).click()
  await expect(page.getByRole('region', { name: 'Session logged' })).toBeVisible()

  await page.getByRole('navigation').getByRole('link', { name: 'History' }).click()
  const row = page.locator('tr[data-session-id]').first()
  await expect(row.locator('td')).toHaveText([listed(today()), 'Sprint 6×20 s', '6/6', '2:00', '–', '27:00', '216', '8', /Edit\s*Delete/])
  expect(sessions(app)[0]).toMatchObject({ rpe: 8 })
})

test('HIIT 4×4 with the last rep abandoned, then edited from the history', async ({ page, app }) => {
  await pickProtocol(page, 'HIIT 4×4')
  await page.getByLabel('Rep 4 work', { exact: true }).fill('2:00')
  await page.getByLabel('Rep 4 done', { exact: true }).uncheck()
  await page.getByLabel('Session RPE (0–10)').fill('9')
  await page.getByLabel('Could not recover between reps').check()
  // work = 3 × 4:00 + the 2:00 run of the abandoned rep = 14:00; duration = 10 + 5 min + 3 × (4:00 + 3:00) + 2:00 = 38:00;
  // load = 9 × 38 = 342
  await expect(page.getByTestId('sum-reps')).toHaveText('3 / 4')
  await expect(page.getByTestId('sum-work')).toHaveText('14:00')
  await expect(page.getByTestId('sum-duration')).toHaveText('38:00')
  await expect(page.getByTestId('sum-load')).toHaveText('342')
  await page.getByRole('button', { name: 'Save session' }).click()
  await expect(page.getByRole('region', { name: 'Session logged' })).toBeVisible()
  // The rule: could not recover → more rest for next time.
  await expect(page.getByRole('region', { name: 'Session logged' }).getByRole('region', { name: 'Progression advice' })).toHaveAttribute('data-kind', 'ease')
  expect(app.query('SELECT completed, work_seconds FROM reps ORDER BY position')).toEqual([
    { completed: 1, work_seconds: 240 },
    { completed: 1, work_seconds: 240 },
    { completed: 1, work_seconds: 240 },
    { completed: 0, work_seconds: 120 }
  ])

  await page.getByRole('navigation').getByRole('link', { name: 'History' }).click()
  await page.getByRole('link', { name: `Edit session of ${listed(today())}` }).click()
  await expect(page.getByRole('form', { name: 'Edit session' })).toBeVisible()
  await expect(page.getByLabel('Rep 4 done', { exact: true })).not.toBeChecked()
  await page.getByLabel('Rep 2 RPE', { exact: true }).fill('8')
  await page.getByLabel('Notes').fill('strong wind on the back straight')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.locator('tr[data-session-id]').first()).toContainText('strong wind on the back straight')
  expect(app.query('SELECT rpe FROM reps WHERE position = 2')).toEqual([{ rpe: 8 }])
  expect(app.query('SELECT count(*) AS n FROM reps')).toEqual([{ n: 4 }])
})

test('hill sprints: untimed walk-downs are estimated, shown as such, and follow the last timed one', async ({ page }) => {
  await pickProtocol(page, 'Hill sprint 4×30 s')
  const form = page.getByRole('form', { name: 'Log session' })
  await page.getByLabel('Session RPE (0–10)').fill('9')
  // No timed walk-down yet: 4 × 90 s. 10 + 5 min + 4 × 30 s + 6:00 = 23:00; load 9 × 23 = 207.
  await expect(form.getByTestId('sum-work')).toHaveText('2:00')
  await expect(form.getByTestId('sum-duration')).toHaveText(/^23:00/)
  await expect(form.getByTestId('sum-estimated')).toHaveText('≈ 6:00 estimated walk-down')
  await expect(form.getByTestId('sum-load')).toHaveText('207')
  await page.getByRole('button', { name: 'Log as planned' }).click()
  const logged = page.getByRole('region', { name: 'Session logged' })
  await expect(logged.getByTestId('sum-estimated')).toHaveText('≈ 6:00 estimated walk-down')

  // The next one: the first two walk-downs timed (1:30, 1:10), the last two counted as their mean, 1:20.
  await page.getByLabel('Rep 1 recovery', { exact: true }).fill('1:30')
  await page.getByLabel('Rep 2 recovery', { exact: true }).fill('1:10')
  await page.getByLabel('Session RPE (0–10)').fill('9')
  // 15:00 + 2:00 + 1:30 + 1:10 + 2 × 1:20 = 22:20 → 9 × 22.333 = 201
  await expect(form.getByTestId('sum-duration')).toHaveText(/^22:20/)
  await expect(form.getByTestId('sum-estimated')).toHaveText('≈ 2:40 estimated walk-down')
  await expect(form.getByTestId('sum-load')).toHaveText('201')
  await page.getByRole('button', { name: 'Save session' }).click()
  // The logged card of this second session (the first one's card said 6:00); the form is then reset for the next.
  await expect(logged.getByTestId('sum-estimated')).toHaveText('≈ 2:40 estimated walk-down')

  // A third, all untimed: the last timed walk-down before it, 1:10, for each: 15:00 + 2:00 + 4:40 = 21:40.
  await page.getByLabel('Session RPE (0–10)').fill('9')
  await expect(form.getByTestId('sum-duration')).toHaveText(/^21:40/)
  await expect(form.getByTestId('sum-estimated')).toHaveText('≈ 4:40 estimated walk-down')
  // A walk-down typed as 0 is timed: nothing estimated for it.
  for (const i of [1, 2, 3, 4]) await page.getByLabel(`Rep ${i} recovery`, { exact: true }).fill('0')
  await expect(form.getByTestId('sum-duration')).toHaveText('17:00')
  await expect(form.getByTestId('sum-estimated')).toHaveCount(0)
  for (const i of [1, 2, 3, 4]) await page.getByLabel(`Rep ${i} recovery`, { exact: true }).fill('')
  await page.getByRole('button', { name: /Log as planned|Save session/ }).click()
  await expect(logged.getByTestId('sum-estimated')).toHaveText('≈ 4:40 estimated walk-down')

  await page.getByRole('navigation').getByRole('link', { name: 'History' }).click()
  const rows = page.locator('tr[data-session-id]')
  await expect(rows).toHaveCount(3)
  await expect(rows.getByTestId('history-estimated')).toHaveText([', includes ≈ 4:40 estimated walk-down', ', includes ≈ 2:40 estimated walk-down', ', includes ≈ 6:00 estimated walk-down'])
  // 9 × 21:40 = 195; an estimated duration and its load read ≈, and a note under the table says why.
  await expect(rows.first().locator('td').nth(5)).toContainText('≈ 21:40')
  await expect(page.getByText(/^≈ Duration and load include an estimated walk back down the hill\./)).toBeVisible()
  await expect(rows.first().locator('td').nth(6)).toHaveText('≈ 195')
})

test('delete from the history and undo', async ({ page, app }) => {
  await pickProtocol(page, 'Sprint 5×30 s')
  await page.getByRole('button', { name: 'Log as planned' }).click()
  await expect(page.getByRole('region', { name: 'Session logged' })).toBeVisible()
  await page.getByRole('navigation').getByRole('link', { name: 'History' }).click()
  await expect(page.getByTestId('history-total')).toHaveText('1 session')
  await page.getByRole('button', { name: `Delete session of ${listed(today())}` }).click()
  await expect(page.getByText('No sessions yet.')).toBeVisible()
  expect(sessions(app)).toHaveLength(0)
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(page.getByTestId('history-total')).toHaveText('1 session')
  expect(sessions(app)).toHaveLength(1)
})

test('bad values are shown next to their fields and nothing is saved', async ({ page, app }) => {
  await pickProtocol(page, 'Sprint 6×20 s')
  await page.getByLabel('Rep 3 work', { exact: true }).fill('fast')
  await page.getByLabel('Rep 5 recovery', { exact: true }).fill('')
  await page.getByLabel('Session RPE (0–10)').fill('12')
  await page.getByLabel('Warm-up (min)').fill('-5')
  await page.getByRole('button', { name: 'Save session' }).click()
  await expect(page.getByText('Rep 3: Write the time as seconds (20) or minutes:seconds (4:00).')).toBeVisible()
  await expect(page.getByText('Rep 5: Enter the recovery time (0 if none).')).toBeVisible()
  // Values that can be read are judged by the shared schema, with its messages, at the field.
  await expect(page.getByLabel('Session RPE (0–10)')).toHaveAccessibleDescription('RPE is at most 10.')
  await expect(page.getByLabel('Warm-up (min)')).toHaveAccessibleDescription('Warm-up must be at least 0 s.')
  await expect(page.getByLabel('Rep 3 work', { exact: true })).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByText('Nothing was saved')).toBeVisible()
  await page.getByLabel('Date').fill('2099-01-01')
  await page.getByRole('button', { name: 'Save session' }).click()
  await expect(page.getByText('The date is in the future.')).toBeVisible()
  expect(app.query('SELECT (SELECT count(*) FROM sessions) + (SELECT count(*) FROM reps) AS n')).toEqual([{ n: 0 }])
})

test('a free-form session, typed with the keyboard only', async ({ page, app }) => {
  // The protocol field has the focus when the screen opens; free-form is the default.
  await expect(page.getByLabel('Protocol', { exact: true })).toBeFocused()
  await page.getByLabel('Rep 1 work', { exact: true }).focus()
  await page.keyboard.type('10:00')
  await page.keyboard.press('Tab')
  await page.keyboard.type('2400')
  await page.getByLabel('Rep 1 recovery', { exact: true }).focus()
  await page.keyboard.press('Control+a')
  await page.keyboard.type('0')
  await page.getByLabel('Notes').focus()
  await page.keyboard.type('tempo run')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('region', { name: 'Session logged' })).toContainText('Logged free-form session')
  expect(app.query('SELECT work_seconds, distance_meters, recovery_seconds FROM reps')).toEqual([{ work_seconds: 600, distance_meters: 2400, recovery_seconds: 0 }])
})

test('progression carries forward: apply the advice on HIIT 4×4, save, and the next session opens 5 sets; reset returns to 4', async ({ page, app }) => {
  // Two sessions of HIIT 4×4 that went to plan, already progressed to the 2m rest floor (half the 4m of work).
  const { call } = app
  const protocols = await call<{ id: number; name: string; groups: Record<string, unknown>[] }[]>('protocols/list', {})
  const hiit = protocols.find((p) => p.name === 'HIIT 4×4')
  if (!hiit?.groups[0]) throw new Error('no HIIT 4×4')
  const plan = [{ ...hiit.groups[0], recoverySeconds: 120 }]
  const reps = Array.from({ length: 4 }, (_, i) => ({ workSeconds: 240, intensity: 'near-max', recoverySeconds: i === 3 ? 0 : 120, recoveryMode: 'jog' }))
  for (const shift of [-3, -1]) await call('sessions/create', { date: browserDay(shift), protocolId: hiit.id, plan, rpe: 7, reps })
  await page.reload()
  await page.getByRole('navigation').getByRole('link', { name: 'Log session' }).click()

  // The form starts from the last session's plan, and the advice on it: add a set.
  await expect(page.getByLabel('Protocol', { exact: true }).locator('option:checked')).toHaveText('HIIT 4×4')
  await expect(page.getByTestId('plan')).toHaveText('4x4m @near-max / 2m jog')
  await expect(page.getByTestId('plan-source')).toContainText('Carried forward from your session of')
  const advice = page.getByRole('form', { name: 'Log session' }).getByRole('region', { name: 'Progression advice' })
  await expect(advice).toHaveAttribute('data-kind', 'progress')
  await expect(advice).toContainText('Add a set: 4 → 5.')
  await advice.getByRole('button', { name: 'Apply to this session' }).click()
  await expect(page.getByTestId('plan')).toHaveText('5x4m @near-max / 2m jog')
  await expect(page.getByTestId('sum-reps')).toHaveText('5 / 5')
  await page.getByLabel('Session RPE (0–10)').fill('7')
  // "Log as planned" logs what the card suggested.
  await page.getByRole('button', { name: 'Log as planned' }).click()
  await expect(page.getByRole('region', { name: 'Session logged' })).toContainText(`Logged HIIT 4×4 on ${listed(today())}`)
  expect(app.query('SELECT planned_reps, (SELECT count(*) FROM reps r WHERE r.session_id = s.id) AS reps FROM sessions s WHERE date = ?', today())).toEqual([
    { planned_reps: 5, reps: 5 }
  ])
  await expect(page.getByTestId('plan')).toHaveText('5x4m @near-max / 2m jog')

  // The dashboard's next session builds on 5 sets, and "Log this session" opens them.
  await page.getByRole('navigation').getByRole('link', { name: 'Progress' }).click()
  const next = page.getByTestId('next-session')
  await expect(next.getByTestId('next-start')).toContainText('5x4m @near-max / 2m jog')
  await expect(next.getByTestId('next-plan')).toHaveText('6x4m @near-max / 2m jog')
  await next.getByRole('link', { name: 'Log this session' }).click()
  await expect(page.getByTestId('plan')).toHaveText('5x4m @near-max / 2m jog')
  await expect(page.getByTestId('sum-reps')).toHaveText('5 / 5')
  await expect(page.getByLabel('Rep 5 work', { exact: true })).toHaveValue('4:00')
  await expect(advice).toContainText('Add a set: 5 → 6.')

  // Reset to the protocol's own plan: 4 sets with 3m of rest; and back to the last plan.
  await page.getByRole('button', { name: /Reset to the protocol’s plan/ }).click()
  await expect(page.getByTestId('plan')).toHaveText('4x4m @near-max / 3m jog')
  await expect(page.getByTestId('sum-reps')).toHaveText('4 / 4')
  await expect(page.getByLabel('Rep 5 work', { exact: true })).toHaveCount(0)
  await page.getByRole('button', { name: /Use the last plan/ }).click()
  await expect(page.getByTestId('plan')).toHaveText('5x4m @near-max / 2m jog')
})

test('a backlog: the date stays after saving, T brings back today, and the session RPE is a few key presses from the date', async ({ page, app }) => {
  await pickProtocol(page, 'Sprint 6×20 s')
  const date = page.getByLabel('Date', { exact: true })
  await date.fill(browserDay(-6))

  // From the date, the keyboard reaches the session RPE before the reps table.
  await date.focus()
  let presses = 0
  const rpe = page.getByLabel('Session RPE (0–10)')
  while ((await page.locator('[data-path="rpe"]:focus').count()) === 0 && presses < 12) {
    await page.keyboard.press('Tab')
    presses++
    await expect(page.locator('table.reps :focus')).toHaveCount(0)
  }
  await expect(rpe).toBeFocused()
  await page.keyboard.type('8')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('region', { name: 'Session logged' })).toContainText(`Logged Sprint 6×20 s on ${listed(browserDay(-6))}`)

  // The next session of the backlog starts on the same day; the runner moves it on, saves again.
  await expect(date).toHaveAttribute('data-value', browserDay(-6))
  await date.fill(browserDay(-4))
  await page.getByRole('button', { name: 'Log as planned' }).click()
  await expect(page.getByRole('region', { name: 'Session logged' })).toContainText(`on ${listed(browserDay(-4))}`)
  await expect(date).toHaveAttribute('data-value', browserDay(-4))
  expect(app.query<{ date: string; rpe: number | null }>('SELECT date, rpe FROM sessions ORDER BY id')).toEqual([
    { date: browserDay(-6), rpe: 8 },
    { date: browserDay(-4), rpe: null }
  ])

  // Today is one key away: T in the date field, or the Today button.
  await date.focus()
  await page.keyboard.press('t')
  await expect(date).toHaveAttribute('data-value', browserDay(0))
  await expect(page.getByRole('button', { name: 'Today' })).toBeDisabled()
  await date.fill(browserDay(-1))
  await date.press('Tab')
  await page.getByRole('button', { name: 'Today' }).click()
  await expect(date).toHaveAttribute('data-value', browserDay(0))
})

test('a weighted session typed in pounds: refused without what carries the load, stored in kg, shown in the history in the runner’s unit', async ({ page, app }) => {
  await page.getByRole('radio', { name: 'lb' }).click()
  await pickProtocol(page, 'Sprint 6×20 s')
  await expect(page.getByText('Load (lb)').first()).toBeVisible()
  await page.getByLabel('Rep 1 load', { exact: true }).fill('22')
  await page.getByLabel('Rep 1 distance', { exact: true }).fill('140')
  // The kg/lb switch converts what was typed, and keeps the rest of the form.
  await page.getByRole('radio', { name: 'kg' }).click()
  await expect(page.getByLabel('Rep 1 load', { exact: true })).toHaveValue('9.98')
  await expect(page.getByText('Load (kg)').first()).toBeVisible()
  await page.getByRole('radio', { name: 'lb' }).click()
  await expect(page.getByLabel('Rep 1 load', { exact: true })).toHaveValue('22')
  await expect(page.getByLabel('Rep 1 distance', { exact: true })).toHaveValue('140')
  await page.getByRole('button', { name: 'Save session' }).click()
  await expect(page.getByText('Rep 1: Say what carries the load: vest, sled or other.')).toBeVisible()
  expect(sessions(app)).toHaveLength(0)

  await page.getByLabel('Rep 1 load carried by', { exact: true }).selectOption('vest')
  await page.getByLabel('Rep 2 load', { exact: true }).fill('22')
  await page.getByLabel('Rep 2 load carried by', { exact: true }).selectOption('vest')
  await page.getByLabel('Rep 3 treadmill speed', { exact: true }).fill('12,5')
  await page.getByRole('button', { name: 'Save session' }).click()
  await expect(page.getByRole('region', { name: 'Session logged' })).toBeVisible()
  // 22 lb = 9.979 kg, stored to 0.01 kg; the session's heaviest load and the loaded reps' figures beside it.
  expect(app.query('SELECT position, load_kg, load_kind, treadmill_kmh FROM reps ORDER BY position')).toEqual([
    { position: 1, load_kg: 9.98, load_kind: 'vest', treadmill_kmh: null },
    { position: 2, load_kg: 9.98, load_kind: 'vest', treadmill_kmh: null },
    { position: 3, load_kg: null, load_kind: null, treadmill_kmh: 12.5 },
    ...[4, 5, 6].map((position) => ({ position, load_kg: null, load_kind: null, treadmill_kmh: null }))
  ])
  expect(app.query('SELECT max_load_kg, flat_speed_reps FROM sessions')).toEqual([{ max_load_kg: 9.98, flat_speed_reps: 0 }])

  await page.getByRole('navigation').getByRole('link', { name: 'History' }).click()
  const row = page.locator('tr[data-session-id]').first()
  await expect(row.getByTestId('session-loads')).toHaveText('2 × +22 lb vest')
  await page.getByRole('radio', { name: 'kg' }).click()
  await expect(row.getByTestId('session-loads')).toHaveText('2 × +9.98 kg vest')
  // The form shows the stored load back in the runner's unit.
  await row.getByRole('link', { name: listed(today()), exact: true }).click()
  await expect(page.getByLabel('Rep 1 load', { exact: true })).toHaveValue('9.98')
  await expect(page.getByLabel('Rep 1 load carried by', { exact: true })).toHaveValue('vest')
  await expect(page.getByLabel('Rep 3 treadmill speed', { exact: true })).toHaveValue('12.5')
})

test('in Chinese: the log form, its messages and the history speak Chinese', async ({ page, app }) => {
  await page.getByRole('radiogroup', { name: 'Language' }).getByRole('radio', { name: '中文' }).click()
  await expect(page.getByRole('heading', { name: '记录一次训练' })).toBeVisible()
  await page.getByLabel('训练方案', { exact: true }).selectOption({ label: '冲刺 6×20 秒' })
  await expect(page.getByRole('heading', { name: '训练感受' })).toBeVisible()
  await expect(page.getByRole('columnheader', { name: '训练（秒/分:秒）' })).toBeAttached()
  await page.getByLabel('训练课 RPE（0–10）').fill('8')
  await page.getByLabel('第 2 次 训练时间').fill('abc')
  await page.getByRole('button', { name: '保存训练' }).click()
  await expect(page.getByText('第 2 次：时间请写成秒数（20）或 分:秒（4:00）。')).toBeVisible()
  await expect(page.getByText('未保存任何内容：请改正标红的字段。')).toBeVisible()
  await page.getByLabel('第 2 次 训练时间').fill('20')
  await expect(page.getByLabel('第 2 次 恢复方式').locator('option:checked')).toHaveText('步行')
  await page.getByRole('button', { name: '按计划记录' }).click()
  const zhDate = new Intl.DateTimeFormat('zh-CN', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${today()}T12:00:00Z`))
  expect(zhDate).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/)
  await expect(page.getByRole('region', { name: '训练已记录' })).toContainText(`已记录 ${zhDate} 的训练：冲刺 6×20 秒`)
  expect(sessions(app)).toHaveLength(1)

  await page.getByRole('navigation', { name: '栏目' }).getByRole('link', { name: '历史' }).click()
  await expect(page.getByTestId('history-total')).toHaveText('1 次训练')
  await expect(page.getByRole('columnheader', { name: '完成次数' })).toBeVisible()
  const row = page.locator('tr[data-session-id]').first()
  await expect(row.getByRole('link', { name: zhDate, exact: true })).toBeVisible()
  await expect(row.locator('td').nth(2)).toHaveText('6/6')
  // A built-in protocol is named in the runner's language, in the table and in the filter.
  await expect(row.locator('td').nth(1)).toContainText('冲刺 6×20 秒')
  await expect(page.getByLabel('训练方案').locator('option', { hasText: '坡道冲刺 4×30 秒' })).toHaveCount(1)
  await page.getByLabel('训练方案').selectOption('none')
  await expect(page.getByText('没有符合这些筛选条件的训练。')).toBeVisible()
})
