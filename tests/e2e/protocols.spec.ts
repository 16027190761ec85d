import type { Page } from '@playwright/test'
import { PROTOCOL_FIELDS } from '../../src/shared/records'
import { expect, test } from './fixtures'

test.beforeEach(async ({ page }) => {
  await page.getByRole('link', { name: 'Protocols' }).click()
  await expect(page.getByRole('heading', { name: 'Built in' })).toBeVisible()
})

const BUILT_INS: [string, string][] = [
  ['HIIT 4×4', '4x4m @near-max / 3m jog'],
  ['Sprint 6×20 s', '6x20s @max / 2m walk'],
  ['Sprint 5×30 s', '5x30s @max / 4m walk'],
  ['Sprint 4×45 s', '4x45s @moderate / 5m walk'],
  ['Hill sprint 4×30 s', '4x30s @max hill / walk-down']
]

const builtInList = (page: Page) => page.getByRole('list', { name: 'Built in' })
const ownList = (page: Page) => page.getByRole('list', { name: 'Your protocols' })
const item = (page: Page, name: string) => page.getByRole('listitem', { name, exact: true })

interface Row {
  name: string
  groups_json: string
}
const ownRows = (app: { query<T>(sql: string): T[] }) =>
  app.query<Row>('SELECT name, groups_json FROM protocols WHERE built_in = 0 ORDER BY id').map((r) => ({ name: r.name, groups: JSON.parse(r.groups_json) }))

test('the five built-in protocols are listed first with their notation, and cannot be edited', async ({ page }) => {
  const items = builtInList(page).getByRole('listitem')
  await expect(items).toHaveCount(5)
  for (const [name, notation] of BUILT_INS) {
    const it = item(page, name)
    await expect(it.locator('code')).toHaveText(notation)
    await expect(it.getByText('Built in', { exact: true })).toBeVisible()
    await expect(it.getByRole('button', { name: `Duplicate ${name}` })).toBeVisible()
    await expect(it.getByRole('button', { name: /^Edit/ })).toHaveCount(0)
    await expect(it.getByRole('button', { name: /^Archive/ })).toHaveCount(0)
  }
  await expect(item(page, 'Hill sprint 4×30 s')).toContainText('Hill')
  await expect(item(page, 'Sprint 6×20 s')).toContainText('Six 20-second sprints at maximum intensity')
  await expect(page.getByText('Built-in protocols can’t be edited. To change one, duplicate it and edit the copy.')).toBeVisible()
  await expect(page.getByText('No protocols of your own yet.')).toBeVisible()
  await page.screenshot({ path: test.info().outputPath('protocols.png'), fullPage: true })
})

test('duplicate a built-in, then edit the copy through the notation', async ({ page, app }) => {
  await page.getByRole('button', { name: 'Duplicate Sprint 6×20 s' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Duplicated “Sprint 6×20 s” as “Sprint 6×20 s (copy)”.' })).toBeVisible()
  const copy = item(page, 'Sprint 6×20 s (copy)')
  await expect(ownList(page).getByRole('listitem')).toHaveCount(1)
  await expect(copy.locator('code')).toHaveText('6x20s @max / 2m walk')
  // The copy's Edit button has focus, so the keyboard goes straight on.
  await expect(copy.getByRole('button', { name: 'Edit Sprint 6×20 s (copy)' })).toBeFocused()
  await page.keyboard.press('Enter')

  const form = page.getByRole('form', { name: 'Edit “Sprint 6×20 s (copy)”' })
  await expect(form.getByLabel('Name')).toBeFocused()
  await form.getByLabel('Name').fill('Sprint 8×20 s')
  const notation = form.getByLabel('Plan (notation)')
  await notation.fill('8x20s @max / 1m30s walk')
  // The structured fields follow the notation.
  await expect(form.getByLabel('Reps')).toHaveValue('8')
  await expect(form.getByLabel('Recovery', { exact: true })).toHaveValue('1m30s')
  await expect(form.getByText('8 reps · 2m40s of work.')).toBeVisible()
  await notation.press('Enter')

  await expect(form).toHaveCount(0)
  const saved = item(page, 'Sprint 8×20 s')
  await expect(saved.locator('code')).toHaveText('8x20s @max / 1m30s walk')
  await expect(saved.getByRole('button', { name: 'Edit Sprint 8×20 s' })).toBeFocused()
  expect(ownRows(app)).toEqual([
    {
      name: 'Sprint 8×20 s',
      groups: [
        {
          count: 8,
          workSeconds: 20,
          workMeters: null,
          intensity: 'max',
          intensityPct: null,
          hill: false,
          inclinePct: null,
          recoverySeconds: 90,
          recoveryMode: 'walk',
          loadKg: null,
          loadKind: null,
          treadmillKmh: null
        }
      ]
    }
  ])
})

test('a bad notation is pointed at, and nothing is saved', async ({ page, app }) => {
  await page.getByRole('button', { name: 'Duplicate Sprint 6×20 s' }).click()
  await item(page, 'Sprint 6×20 s (copy)').getByRole('button', { name: /^Edit/ }).click()
  const form = page.getByRole('form', { name: /^Edit/ })
  const notation = form.getByLabel('Plan (notation)')
  await notation.fill('6x20q @max / 2m walk')

  const alert = form.getByRole('alert')
  await expect(alert).toContainText('“20q” is not a duration or distance (try 20s, 4m, 1m30s, 400mtr).')
  await expect(alert.locator('mark')).toHaveText('20q')
  await expect(alert.locator('code')).toHaveText('6x20q @max / 2m walk')
  await expect(notation).toHaveAttribute('aria-invalid', 'true')
  await page.screenshot({ path: test.info().outputPath('protocols-error.png'), fullPage: true })

  await notation.press('Enter')
  await form.getByRole('button', { name: 'Save' }).click()
  await expect(form).toBeVisible()
  await expect(notation).toBeFocused()

  // A missing recovery points at the end of the text.
  await notation.fill('6x20s @max')
  await expect(alert).toContainText('Add the recovery after “/”')
  await expect(alert.locator('mark')).toHaveCount(1)

  expect(ownRows(app)).toEqual([{ name: 'Sprint 6×20 s (copy)', groups: [expect.objectContaining({ count: 6, workSeconds: 20 })] }])

  // Escape closes the form without saving.
  await notation.press('Escape')
  await expect(form).toHaveCount(0)
  await expect(item(page, 'Sprint 6×20 s (copy)').locator('code')).toHaveText('6x20s @max / 2m walk')
})

test('the structured fields rewrite the notation', async ({ page, app }) => {
  await page.getByRole('button', { name: 'Duplicate Hill sprint 4×30 s' }).click()
  await item(page, 'Hill sprint 4×30 s (copy)').getByRole('button', { name: /^Edit/ }).click()
  const form = page.getByRole('form', { name: /^Edit/ })
  const notation = form.getByLabel('Plan (notation)')
  await expect(notation).toHaveValue('4x30s @max hill / walk-down')
  await expect(form.getByLabel('Hill')).toBeChecked()

  await form.getByLabel('Reps').fill('6')
  await expect(notation).toHaveValue('6x30s @max hill / walk-down')
  await form.getByLabel('Work (time)').fill('1:15')
  await expect(notation).toHaveValue('6x1m15s @max hill / walk-down')
  await form.getByLabel('Intensity').selectOption('custom')
  // A custom intensity needs its percentage before the notation can say it.
  await form.getByLabel('% of max').fill('90')
  await expect(notation).toHaveValue('6x1m15s @90% hill / walk-down')
  await form.getByLabel('Hill').uncheck()
  await form.getByLabel('Incline %').fill('8')
  await form.getByLabel('Recover by').selectOption('stand')
  await expect(form.getByLabel('Recovery', { exact: true })).toHaveAttribute('aria-invalid', 'true')
  await expect(form.getByText('Enter how long to recover')).toBeVisible()
  await form.getByLabel('Recovery', { exact: true }).fill('2m')
  await expect(notation).toHaveValue('6x1m15s @90% incline 8% / 2m stand')

  // A bad count is shown at the count; the notation keeps the last good plan and Save is refused.
  await form.getByLabel('Reps').fill('99')
  await expect(form.getByRole('alert')).toHaveText('The number of reps must be 1 to 50.')
  await form.screenshot({ path: test.info().outputPath('protocols-structured.png') })
  await form.getByLabel('Reps').press('Enter')
  await expect(form.getByLabel('Reps')).toBeFocused()
  expect(ownRows(app)[0]?.groups[0]).toMatchObject({ count: 4, workSeconds: 30 })

  await form.getByLabel('Reps').fill('5')
  await expect(notation).toHaveValue('5x1m15s @90% incline 8% / 2m stand')
  // Distance work.
  await form.getByLabel('Work measured as').selectOption('distance')
  await expect(form.getByLabel('Work (metres)')).toBeFocused()
  await page.keyboard.type('150')
  await expect(notation).toHaveValue('5x150mtr @90% incline 8% / 2m stand')
  await form.getByLabel('Terrain').selectOption('treadmill')
  await form.getByRole('button', { name: 'Save' }).click()

  await expect(item(page, 'Hill sprint 4×30 s (copy)').locator('code')).toHaveText('5x150mtr @90% incline 8% / 2m stand')
  await expect(item(page, 'Hill sprint 4×30 s (copy)')).toContainText('Treadmill')
  expect(ownRows(app)[0]?.groups).toEqual([
    {
      count: 5,
      workSeconds: null,
      workMeters: 150,
      intensity: 'custom',
      intensityPct: 90,
      hill: false,
      inclinePct: 8,
      recoverySeconds: 120,
      recoveryMode: 'stand',
      loadKg: null,
      loadKind: null,
      treadmillKmh: null
    }
  ])
  expect(app.query('SELECT terrain FROM protocols WHERE built_in = 0')).toEqual([{ terrain: 'treadmill' }])
})

test('several groups are edited in the notation only', async ({ page }) => {
  await page.getByRole('button', { name: 'New protocol' }).click()
  const form = page.getByRole('form', { name: 'New protocol' })
  await form.getByLabel('Plan (notation)').fill('6x20s @max / 2m walk + 4x30s hill / walk-down')
  await expect(form.getByText('This plan has several repeat groups: edit them in the notation above.')).toBeVisible()
  await expect(form.getByLabel('Reps')).toHaveCount(0)
  await form.getByLabel('Plan (notation)').fill('6x20s @max / 2m walk')
  await expect(form.getByLabel('Reps')).toHaveValue('6')
})

test('archive, then undo; show archived and unarchive', async ({ page, app }) => {
  await page.getByRole('button', { name: 'Duplicate Sprint 5×30 s' }).click()
  const copy = item(page, 'Sprint 5×30 s (copy)')
  await expect(copy).toBeVisible()

  await copy.getByRole('button', { name: 'Archive Sprint 5×30 s (copy)' }).click()
  await expect(copy).toHaveCount(0)
  await expect(page.getByText('No protocols of your own yet.')).toBeVisible()
  expect(app.query('SELECT archived FROM protocols WHERE built_in = 0')).toEqual([{ archived: 1 }])
  await page.getByRole('status').filter({ hasText: 'Archived “Sprint 5×30 s (copy)”.' }).getByRole('button', { name: 'Undo' }).click()
  await expect(copy).toBeVisible()
  expect(app.query('SELECT archived FROM protocols WHERE built_in = 0')).toEqual([{ archived: 0 }])

  await copy.getByRole('button', { name: /^Archive/ }).click()
  await expect(copy).toHaveCount(0)
  await page.getByLabel('Show archived').check()
  await expect(copy).toBeVisible()
  await expect(copy.getByText('Archived', { exact: true })).toBeVisible()
  await copy.getByRole('button', { name: 'Unarchive Sprint 5×30 s (copy)' }).click()
  await expect(copy.getByText('Archived', { exact: true })).toHaveCount(0)
  expect(app.query('SELECT archived FROM protocols WHERE built_in = 0')).toEqual([{ archived: 0 }])
})

test('create a protocol from scratch with the keyboard alone', async ({ page, app }) => {
  await page.getByRole('button', { name: 'New protocol' }).focus()
  await page.keyboard.press('Enter')
  const form = page.getByRole('form', { name: 'New protocol' })
  const name = form.getByLabel('Name')
  await expect(name).toBeFocused()

  // Saving an empty form: each missing part is named at its field, and the first one gets focus.
  await page.keyboard.press('Enter')
  await expect(name).toBeFocused()
  await expect(name).toHaveAttribute('aria-invalid', 'true')
  await expect(form.getByRole('alert')).toHaveText(['Give the protocol a name.', /Enter a protocol/])
  await page.keyboard.type('Track 10×100 m')
  await page.keyboard.press('Enter')
  await expect(form.getByLabel('Plan (notation)')).toBeFocused()
  await expect(form.getByRole('alert')).toHaveText([/Enter a protocol/])

  await page.keyboard.type('10x100mtr @near-max / 90s jog')
  await expect(form.getByRole('alert')).toHaveCount(0)
  await expect(form.getByLabel('Work (metres)')).toHaveValue('100')
  await expect(form.getByLabel('Recovery', { exact: true })).toHaveValue('1m30s')
  expect(ownRows(app)).toEqual([])

  await form.getByLabel('Terrain').selectOption('flat')
  await form.getByLabel('Description').fill('Strides on the track.')
  await form.getByLabel('Source note').fill('Coach Lee')
  await page.screenshot({ path: test.info().outputPath('protocols-form.png'), fullPage: true })
  await form.getByLabel('Source note').press('Enter')

  await expect(form).toHaveCount(0)
  await expect(page.getByRole('status').filter({ hasText: 'Created “Track 10×100 m”.' })).toBeVisible()
  const created = item(page, 'Track 10×100 m')
  await expect(created.locator('code')).toHaveText('10x100mtr @near-max / 1m30s jog')
  await expect(created).toContainText('Strides on the track.')
  await expect(created).toContainText('Coach Lee')
  expect(app.query('SELECT name, description, source_note, terrain FROM protocols WHERE built_in = 0')).toEqual([
    { name: 'Track 10×100 m', description: 'Strides on the track.', source_note: 'Coach Lee', terrain: 'flat' }
  ])
  expect(ownRows(app)[0]?.groups).toEqual([
    {
      count: 10,
      workSeconds: null,
      workMeters: 100,
      intensity: 'near-max',
      intensityPct: null,
      hill: false,
      inclinePct: null,
      recoverySeconds: 90,
      recoveryMode: 'jog',
      loadKg: null,
      loadKind: null,
      treadmillKmh: null
    }
  ])

  // Cancel discards a new form.
  await page.getByRole('button', { name: 'New protocol' }).click()
  await page.getByRole('form', { name: 'New protocol' }).getByLabel('Name').fill('Never saved')
  await page.getByRole('form', { name: 'New protocol' }).getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByRole('form', { name: 'New protocol' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'New protocol' })).toBeFocused()
  expect(app.query('SELECT count(*) AS n FROM protocols WHERE built_in = 0')).toEqual([{ n: 1 }])
})

test('dark mode', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.getByRole('button', { name: 'Duplicate Sprint 6×20 s' }).click()
  await item(page, 'Sprint 6×20 s (copy)').getByRole('button', { name: /^Edit/ }).click()
  await page.getByLabel('Plan (notation)').fill('6x20s @max / 2m wlak')
  await expect(page.locator('mark')).toHaveText('wlak')
  await page.screenshot({ path: test.info().outputPath('protocols-dark.png'), fullPage: true })
})

test('errors from the back end are shown at the fields, and nothing is saved', async ({ page, app }) => {
  // Stand in for a rule only the back end knows, answered the way the back end answers.
  await page.route('**/api/protocols/create', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({
        ok: false,
        error: {
          code: 'invalid_input',
          message: 'Check the highlighted fields.',
          issues: [
            { path: 'name', message: 'That name is taken.' },
            { path: 'groups.0.recoverySeconds', message: 'Recovery must be at most 3600 s.' }
          ]
        }
      })
    })
  )
  await page.getByRole('button', { name: 'New protocol' }).click()
  const form = page.getByRole('form', { name: 'New protocol' })
  await form.getByLabel('Name').fill('Mine')
  await form.getByLabel('Plan (notation)').fill('6x20s @max / 2m walk')
  await form.getByLabel('Plan (notation)').press('Enter')
  await expect(form.getByRole('alert')).toHaveText(['That name is taken.', 'Recovery must be at most 3600 s.'])
  await expect(form.getByLabel('Name')).toBeFocused()
  await expect(form.getByLabel('Plan (notation)')).toHaveAttribute('aria-invalid', 'true')
  expect(ownRows(app)).toEqual([])

  // Typing again clears the field's error.
  await form.getByLabel('Name').fill('Mine 2')
  await expect(form.getByRole('alert')).toHaveText(['Recovery must be at most 3600 s.'])
})

test('the form holds a protocol to the shared schema’s bounds before anything is sent', async ({ page, app }) => {
  let sent = 0
  await page.route('**/api/protocols/create', (route) => {
    sent++
    return route.continue()
  })
  await page.getByRole('button', { name: 'New protocol' }).click()
  const form = page.getByRole('form', { name: 'New protocol' })
  const name = form.getByLabel('Name')
  const description = form.getByLabel('Description')
  await name.fill('n'.repeat(PROTOCOL_FIELDS.name.maxLength! + 1))
  await form.getByLabel('Plan (notation)').fill('6x20s @max / 2m walk')
  await description.fill('d'.repeat(PROTOCOL_FIELDS.description.maxLength! + 1))
  await form.getByRole('button', { name: 'Save' }).click()
  await expect(form.getByRole('alert')).toHaveText(['A name can be at most 120 characters.', 'A description can be at most 2,000 characters.'])
  await expect(name).toBeFocused()
  await expect(description).toHaveAttribute('aria-invalid', 'true')
  expect(sent).toBe(0)

  await name.fill('n'.repeat(PROTOCOL_FIELDS.name.maxLength!))
  await description.fill('d'.repeat(PROTOCOL_FIELDS.description.maxLength!))
  await form.getByRole('button', { name: 'Save' }).click()
  await expect(form).toHaveCount(0)
  expect(sent).toBe(1)
  expect(ownRows(app).map((r) => r.name.length)).toEqual([PROTOCOL_FIELDS.name.maxLength])
})

test('a failed load says so, and Try again reloads', async ({ page }) => {
  let answerWithError = true
  await page.route('**/api/protocols/list', async (route) => {
    if (!answerWithError) return route.continue()
    return route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ ok: false, error: { code: 'unavailable', message: 'The database is not open.' } })
    })
  })
  await page.getByLabel('Show archived').check()
  await expect(page.getByRole('alert')).toHaveText(/Could not load the protocols: The database is not open\./)
  answerWithError = false
  await page.getByRole('button', { name: 'Try again' }).click()
  await expect(page.getByRole('alert')).toHaveCount(0)
  await expect(builtInList(page).getByRole('listitem')).toHaveCount(5)
})

test('a weighted protocol: the notation points at a load without its unit, and the structured fields show and edit the load', async ({ page, app }) => {
  await page.getByRole('button', { name: 'New protocol' }).click()
  const form = page.getByRole('form', { name: 'New protocol' })
  await form.getByLabel('Name').fill('Vest hills')
  const notation = form.getByLabel('Plan (notation)')
  await notation.fill('4x30s @max hill +10 vest / walk-down')
  await expect(form.getByText('Give the load a unit: +10kg vest (or lb).')).toBeVisible()
  await notation.fill('4x30s @max hill +10kg vest / walk-down')
  await expect(form.getByRole('textbox', { name: 'Load (kg)' })).toHaveValue('10')
  await expect(form.getByLabel('Load carried by')).toHaveValue('vest')
  await form.getByRole('textbox', { name: 'Load (kg)' }).fill('12.5')
  await form.getByLabel('Load carried by').selectOption('other')
  await expect(notation).toHaveValue('4x30s @max hill +12.5kg other / walk-down')
  // A kind without a load is refused at the load, and the notation keeps the last good plan.
  await form.getByRole('textbox', { name: 'Load (kg)' }).fill('')
  await expect(form.getByText('Enter the load in kg, or set “carried by” to none.')).toBeVisible()
  await expect(notation).toHaveValue('4x30s @max hill +12.5kg other / walk-down')
  await form.getByRole('textbox', { name: 'Load (kg)' }).fill('20')
  await form.getByRole('button', { name: 'Save' }).click()
  await expect(item(page, 'Vest hills').locator('code')).toHaveText('4x30s @max hill +20kg other / walk-down')
  expect(ownRows(app)[0]?.groups).toEqual([
    { count: 4, workSeconds: 30, workMeters: null, intensity: 'max', intensityPct: null, hill: true, inclinePct: null, recoverySeconds: null, recoveryMode: 'walk-down', loadKg: 20, loadKind: 'other', treadmillKmh: null }
  ])
})

test('in Chinese: the built-in protocols, the forms, the protocol selects, blocks, the calendar and the data screen', async ({ page, app }) => {
  await page.getByRole('radiogroup', { name: 'Language' }).getByRole('radio', { name: '中文' }).click()
  const nav = page.getByRole('navigation', { name: '栏目' })

  // Protocols: the built-ins by their Chinese names and descriptions, while the rows keep the English.
  await expect(page.getByRole('heading', { name: '训练方案', exact: true })).toBeVisible()
  const builtIns = page.getByRole('list', { name: '内置' })
  await expect(builtIns.getByRole('listitem', { name: '坡道冲刺 4×30 秒', exact: true })).toContainText('走下坡恢复后再开始下一次')
  await expect(builtIns.getByRole('listitem', { name: '冲刺 6×20 秒', exact: true }).locator('code')).toHaveText('6x20s @max / 2m walk')
  await expect(builtIns.getByRole('button', { name: '复制 HIIT 4×4' })).toBeVisible()
  await expect(page.getByText('还没有自己的训练方案。')).toBeVisible()
  expect(app.query<{ name: string }>('SELECT name FROM protocols WHERE built_in = 1 ORDER BY id').map((r) => r.name)).toContain('Hill sprint 4×30 s')
  await page.getByRole('button', { name: '新建训练方案' }).click()
  const form = page.getByRole('form', { name: '新建训练方案' })
  await form.getByLabel('计划（记法）').fill('6x20s @max / 2m walk')
  await expect(form.getByText('6 次 · 训练时间 2m。')).toBeVisible()
  await form.getByLabel('次数').fill('99')
  await expect(form.getByRole('alert')).toHaveText('次数必须在 1 到 50 之间。')
  await form.getByRole('button', { name: '取消' }).click()

  // Blocks: the form's protocol select lists the built-ins in Chinese.
  await nav.getByRole('link', { name: '训练周期' }).click()
  await expect(page.getByText('还没有训练周期。')).toBeVisible()
  await page.getByRole('button', { name: '新建训练周期' }).click()
  const blockForm = page.getByRole('form', { name: '新建训练周期' })
  await expect(blockForm.getByLabel('训练方案').getByRole('option', { name: '坡道冲刺 4×30 秒' })).toBeAttached()
  await blockForm.getByLabel('训练方案').selectOption({ label: '冲刺 6×20 秒' })
  await blockForm.getByLabel('名称').fill('冬季冲刺')
  await blockForm.getByLabel('名称').press('Enter')
  const row = page.locator('tbody tr').first()
  await expect(row).toContainText('冬季冲刺')
  await expect(row).toContainText('0 / 30')

  // The block's calendar.
  await row.getByRole('link', { name: '冬季冲刺' }).click()
  await expect(page.getByText('训练周期日历', { exact: true })).toBeVisible()
  await expect(page.getByRole('list', { name: '图例' }).getByText('计划中', { exact: true })).toBeVisible()
  await expect(page.getByRole('form', { name: '你的训练日' })).toBeVisible()
  await expect(page.getByRole('button', { name: '导出 .ics' })).toBeVisible()

  // Data & backups.
  await nav.getByRole('link', { name: '数据与备份' }).click()
  await expect(page.getByRole('heading', { name: '导出为 CSV' })).toBeVisible()
  await expect(page.getByRole('heading', { name: '从 CSV 导入' })).toBeVisible()
  await expect(page.getByRole('heading', { name: '备份', exact: true })).toBeVisible()
  await expect(page.getByRole('button', { name: '立即备份' })).toBeVisible()
})
