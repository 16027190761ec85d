import { browserDay, expect, test } from './fixtures'
import { intervals, makeFit, makeTcx, makeWeightFit } from '../helpers/watchFiles'

/** A 6 × 20 s sprint session recorded yesterday at 07:30 in the browser's zone (Europe/Berlin), with laps marked by the watch. */
function sprintFile(): Buffer {
  const day = browserDay(-1)
  return Buffer.from(
    makeFit({
      segments: intervals({ warmup: 600, count: 6, work: 20, workSpeed: 7.5, rest: 120, restSpeed: 1.2, cooldown: 300 }),
      laps: 'intensity',
      // 07:30 in Berlin is 06:30 UTC in winter and 05:30 UTC in summer.
      start: new Date(new Date(`${day}T07:30:00Z`).getTime() - berlinOffsetMinutes(day) * 60_000)
    })
  )
}

function berlinOffsetMinutes(day: string): number {
  const at = new Date(`${day}T12:00:00Z`)
  const local = new Date(at.toLocaleString('en-US', { timeZone: 'Europe/Berlin' }))
  const utc = new Date(at.toLocaleString('en-US', { timeZone: 'UTC' }))
  return Math.round((local.getTime() - utc.getTime()) / 60_000)
}

test('a FIT file fills the log form, is saved with its session, shows as its source, and is found logged the second time', async ({ page, app }) => {
  const day = browserDay(-1)
  const file = { name: 'intervals.fit', mimeType: 'application/octet-stream', buffer: sprintFile() }
  await page.getByRole('navigation').getByRole('link', { name: 'Log session' }).click()
  const input = page.getByLabel(/watch file/)
  await input.setInputFiles(file)

  await expect(page.getByText('Found 6 reps in intervals.fit (laps marked by the watch).')).toBeVisible()
  await expect(page.getByTestId('watch-match')).toHaveText(/Picked Sprint 6×20 s: 6 reps of about 20/)
  const form = page.getByRole('form', { name: 'Log session' })
  await expect(form.getByLabel('Date', { exact: true })).toHaveAttribute('data-value', day)
  await expect(form.getByLabel('Protocol', { exact: true }).locator('option:checked')).toHaveText('Sprint 6×20 s')
  for (let i = 1; i <= 6; i++) {
    const work = Number(await form.getByLabel(`Rep ${i} work`, { exact: true }).inputValue())
    expect(Math.abs(work - 20), `rep ${i} work ${work}`).toBeLessThanOrEqual(1.5)
    expect(Number(await form.getByLabel(`Rep ${i} distance`, { exact: true }).inputValue())).toBeGreaterThan(130)
  }
  await expect(form.getByLabel('Rep 7 work', { exact: true })).toHaveCount(0)
  await expect(form.getByLabel('Rep 1 recovery mode', { exact: true })).toHaveValue('walk')

  await form.getByRole('button', { name: /Save session|Log as planned/ }).click()
  await expect(page.getByRole('region', { name: 'Session logged' })).toBeVisible()
  const rows = app.query<{ id: number; file_name: string; size: number }>(`SELECT s.id, src.file_name, length(src.data) AS size FROM sessions s JOIN session_sources src ON src.session_id = s.id`)
  expect(rows).toEqual([{ id: expect.any(Number) as unknown, file_name: 'intervals.fit', size: file.buffer.length }])

  // The history shows the session's source.
  await page.getByRole('navigation').getByRole('link', { name: 'History' }).click()
  const row = page.locator(`tr[data-session-id="${rows[0]?.id}"]`)
  await expect(row.getByTestId('session-source')).toContainText('From intervals.fit')
  // Its page too.
  await row.locator(`a[href="#/session/${rows[0]?.id}"]`).first().click()
  await expect(page.getByTestId('session-source')).toContainText('intervals.fit')

  // The charts' data: the session is in the protocol's progression, 6 of 6 reps.
  await page.getByRole('navigation').getByRole('link', { name: 'Progress' }).click()
  const region = page.getByRole('region', { name: 'Protocol progression' })
  await region.getByLabel('Protocol', { exact: true }).selectOption({ label: 'Sprint 6×20 s' })
  const progress = page.getByTestId('progression')
  await progress.getByRole('button', { name: 'Show as table' }).click()
  await expect(progress.getByRole('table').locator('tbody tr')).toHaveCount(1)
  // Dates in the charts' tables as the language writes them (English: 3 Dec 2026).
  const shown = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`))
  await expect(progress.getByRole('table').locator('tbody tr').first()).toContainText(shown)
  await expect(progress.getByRole('table').locator('tbody tr').first()).toContainText('6 of 6')

  // The same file again: logged already, with a link to that session, and nothing added.
  await page.getByRole('navigation').getByRole('link', { name: 'Log session' }).click()
  await page.getByLabel(/watch file/).setInputFiles({ ...file, name: 'intervals (1).fit' })
  const logged = page.getByText(/intervals \(1\)\.fit is logged already/)
  await expect(logged).toBeVisible()
  await expect(page.getByRole('link', { name: 'Open that session' })).toHaveAttribute('href', `#/session/${rows[0]?.id}`)
  expect(app.query(`SELECT count(*) AS n FROM sessions`)).toEqual([{ n: 1 }])
})

test('files dropped on the window go to Log session: a bad one is named with its problem and changes nothing, a good one after it fills the form', async ({ page, app }) => {
  await expect(page.getByRole('link', { name: 'Progress' })).toHaveAttribute('aria-current', 'page')
  const fit = sprintFile()
  const broken = Buffer.from(fit.subarray(0, Math.floor(fit.length / 2)))
  // In the page: a DataTransfer holding the files, as a drag from the desktop gives it.
  const transfer = await page.evaluateHandle(
    ([bad, good]) => {
      const w = globalThis as unknown as { DataTransfer: new () => { items: { add(f: unknown): void } }; File: new (parts: unknown[], name: string, o: object) => unknown }
      const dt = new w.DataTransfer()
      dt.items.add(new w.File([new Uint8Array(bad as number[])], 'broken.fit', { type: 'application/octet-stream' }))
      dt.items.add(new w.File([new Uint8Array(good as number[])], 'sprints.fit', { type: 'application/octet-stream' }))
      return dt
    },
    [Array.from(broken), Array.from(fit)]
  )
  await page.locator('main').dispatchEvent('dragover', { dataTransfer: transfer })
  await page.locator('main').dispatchEvent('drop', { dataTransfer: transfer })
  // The drop opens Log session and reads the files there.
  await expect(page.getByRole('link', { name: 'Log session' })).toHaveAttribute('aria-current', 'page')
  const panel = page.getByTestId('watch-file')
  await expect(panel).toContainText('File 1 of 2')
  await expect(page.getByRole('alert')).toHaveText('broken.fit is incomplete: the file ends before its data does. Nothing was changed.')
  const form = page.getByRole('form', { name: 'Log session' })
  await expect(form.getByLabel('Date', { exact: true })).toHaveAttribute('data-value', browserDay())
  expect(app.query(`SELECT (SELECT count(*) FROM sessions) AS s, (SELECT count(*) FROM session_sources) AS f`)).toEqual([{ s: 0, f: 0 }])

  await panel.getByRole('button', { name: 'Next file' }).click()
  await expect(panel).toContainText('File 2 of 2')
  await expect(panel).toContainText('Found 6 reps in sprints.fit (laps marked by the watch).')
  await expect(page.getByTestId('watch-match')).toHaveText(/Picked Sprint 6×20 s/)
  await expect(form.getByLabel('Date', { exact: true })).toHaveAttribute('data-value', browserDay(-1))
})

test('several files are a queue: a smart scale’s entries are added once, a cycling activity asks before it is logged free-form', async ({ page, app }) => {
  const day = browserDay(-2)
  const scale = Buffer.from(
    makeWeightFit([
      { at: new Date(`${day}T06:02:00Z`), kg: 72.4 },
      { at: new Date(`${browserDay(-1)}T06:05:00Z`), kg: 72.1 },
      { at: new Date(`${browserDay(-1)}T18:30:00Z`), kg: 72.9 }
    ])
  )
  const ride = Buffer.from(
    makeTcx({ segments: intervals({ warmup: 300, count: 3, work: 30, workSpeed: 12, rest: 60, restSpeed: 6, cooldown: 300 }), laps: 'intensity', sport: 'cycling', start: new Date(`${day}T15:00:00Z`) })
  )
  await page.getByRole('navigation').getByRole('link', { name: 'Log session' }).click()
  await page.getByLabel(/watch file/).setInputFiles([
    { name: 'weight.fit', mimeType: 'application/octet-stream', buffer: scale },
    { name: 'ride.tcx', mimeType: 'application/xml', buffer: ride }
  ])
  const panel = page.getByTestId('watch-file')
  await expect(panel).toContainText('File 1 of 2')
  await expect(panel).toContainText('weight.fit holds 3 body-weight entries:')
  await expect(panel.getByRole('listitem')).toHaveCount(3)
  await panel.getByRole('button', { name: 'Add 3 body-weight entries' }).click()
  await expect(panel.getByRole('status')).toHaveText('Added 3 body-weight entries; skipped 0 already there.')
  expect(app.query(`SELECT date, kg FROM body_weights ORDER BY date, kg`)).toEqual([
    { date: day, kg: 72.4 },
    { date: browserDay(-1), kg: 72.1 },
    { date: browserDay(-1), kg: 72.9 }
  ])

  await panel.getByRole('button', { name: 'Next file' }).click()
  await expect(panel).toContainText('File 2 of 2')
  await expect(page.getByRole('alertdialog')).toHaveText(/This is a cycling activity\. Import it as a free-form session\?/)
  // Nothing is filled in before the runner says yes.
  const form = page.getByRole('form', { name: 'Log session' })
  await expect(form.getByLabel('Date', { exact: true })).toHaveAttribute('data-value', browserDay())
  await page.getByRole('button', { name: 'Import as free-form' }).click()
  await expect(form.getByLabel('Date', { exact: true })).toHaveAttribute('data-value', day)
  await expect(form.getByLabel('Protocol', { exact: true }).locator('option:checked')).toHaveText(/Free-form/)
  await form.getByRole('button', { name: /Save session|Log as planned/ }).click()
  await expect(page.getByRole('region', { name: 'Session logged' })).toBeVisible()
  expect(app.query(`SELECT s.protocol_id AS protocol, src.file_name AS file, src.sport FROM sessions s JOIN session_sources src ON src.session_id = s.id`)).toEqual([
    { protocol: null, file: 'ride.tcx', sport: 'cycling' }
  ])

  // The scale's file again: every entry is there already.
  await page.getByLabel(/watch file/).setInputFiles({ name: 'weight (1).fit', mimeType: 'application/octet-stream', buffer: scale })
  await panel.getByRole('button', { name: 'Add 3 body-weight entries' }).click()
  await expect(panel.getByRole('status')).toHaveText('Added 0 body-weight entries; skipped 3 already there.')
  expect(app.query(`SELECT count(*) AS n FROM body_weights`)).toEqual([{ n: 3 }])
})
