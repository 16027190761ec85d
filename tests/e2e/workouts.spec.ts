/** Download as watch workout (.fit): from the Protocols screen and the next-session card, read back with Garmin's SDK. */
import { readFileSync } from 'node:fs'
import { Decoder, Stream } from '@garmin/fitsdk'
import type { Page } from '@playwright/test'
import { browserDay, expect, test } from './fixtures'

interface Step {
  wktStepName?: string
  durationType: string
  durationValue?: number
  targetValue?: number
  intensity?: string
}

/** Clicks the button, takes the download and decodes it with the SDK (integrity checked). */
async function downloadWorkout(page: Page, button: ReturnType<Page['getByRole']>) {
  const downloading = page.waitForEvent('download')
  await button.click()
  const download = await downloading
  const bytes = new Uint8Array(readFileSync(await download.path()))
  expect(new Decoder(Stream.fromByteArray(bytes)).checkIntegrity()).toBe(true)
  const { messages, errors } = new Decoder(Stream.fromByteArray(bytes)).read({ expandSubFields: false })
  expect(errors).toEqual([])
  const steps = (messages.workoutStepMesgs ?? []) as unknown as Step[]
  const lines = steps.map((s) =>
    s.durationType === 'repeatUntilStepsCmplt'
      ? `repeat from ${s.durationValue} × ${s.targetValue}`
      : `${s.wktStepName} | ${s.durationType}${s.durationValue === undefined ? '' : ` ${s.durationValue}`} | ${s.intensity}`
  )
  return { fileName: download.suggestedFilename(), fileId: messages.fileIdMesgs?.[0], workout: messages.workoutMesgs?.[0], lines }
}

test('Protocols: each protocol downloads as a FIT workout, the walk back down the hill ended with the lap button', async ({ page }) => {
  await page.getByRole('link', { name: 'Protocols' }).click()
  const hill = page.getByRole('listitem', { name: 'Hill sprint 4×30 s', exact: true })
  const got = await downloadWorkout(page, hill.getByRole('button', { name: 'Download as watch workout (.fit): Hill sprint 4×30 s' }))
  expect(got.fileName).toBe('Hill sprint 4×30 s.fit')
  expect(got.fileId).toMatchObject({ type: 'workout' })
  expect(got.workout).toMatchObject({ wktName: 'Hill sprint 4×30 s', sport: 'running', numValidSteps: 5 })
  expect(got.lines).toEqual([
    'Warm up 10m | time 600000 | warmup',
    'Hill 30s | time 30000 | active',
    'Walk down | open | recovery',
    'repeat from 1 × 4',
    'Cool down 5m | time 300000 | cooldown'
  ])
  await expect(page.getByRole('status').filter({ hasText: 'Downloaded “Hill sprint 4×30 s.fit”: 4x30s @max hill / walk-down.' })).toBeVisible()
})

test('the next-session card downloads its suggested plan as progressed', async ({ page, app }) => {
  const protocols = await app.call<{ id: number; name: string; groups: unknown[] }[]>('protocols/list', {})
  const sprint = protocols.find((p) => p.name === 'Sprint 6×20 s')
  if (!sprint) throw new Error('no Sprint 6×20 s')
  const reps = Array.from({ length: 6 }, (_, i) => ({ workSeconds: 20, intensity: 'max', recoverySeconds: i === 5 ? 0 : 120, recoveryMode: 'walk', completed: true }))
  // Two sessions on target in a row: the next one is made harder.
  for (const shift of [-3, -1]) await app.call('sessions/create', { date: browserDay(shift), protocolId: sprint.id, plan: sprint.groups, rpe: 9, reps })
  await page.reload()

  const card = page.getByTestId('next-session')
  await expect(card.getByRole('heading', { name: 'Sprint 6×20 s' })).toBeVisible()
  const suggested = (await card.getByTestId('next-plan').textContent()) ?? ''
  expect(suggested).not.toBe('6x20s @max / 2m walk')
  const got = await downloadWorkout(page, card.getByRole('button', { name: 'Download as watch workout (.fit)' }))
  expect(got.fileName).toBe('Sprint 6×20 s.fit')
  // The file holds the plan the card shows.
  expect(got.workout).toMatchObject({ wktName: 'Sprint 6×20 s', wktDescription: suggested })
  const m = /^(\d+)x20s @max \/ (\d+)m(?:(\d+)s)? walk$/.exec(suggested)
  expect(m, suggested).not.toBeNull()
  const count = Number(m?.[1])
  const rest = Number(m?.[2]) * 60 + Number(m?.[3] ?? 0)
  expect(got.lines).toEqual([
    'Warm up 10m | time 600000 | warmup',
    'Sprint 20s | time 20000 | active',
    `${rest % 60 === 0 ? `Walk ${rest / 60}m` : `Walk ${Math.floor(rest / 60)}m${rest % 60}s`} | time ${rest * 1000} | recovery`,
    `repeat from 1 × ${count}`,
    'Cool down 5m | time 300000 | cooldown'
  ])
  await expect(page.getByRole('status').filter({ hasText: `Downloaded “Sprint 6×20 s.fit”: ${suggested}.` })).toBeVisible()
})
