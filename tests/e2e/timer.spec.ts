import type { Page } from '@playwright/test'
import { browserDay, expect, test, type WebApp } from './fixtures'

/**
 * The interval timer driven through its screen with Playwright's clock: the clock is paused once the timer is set
 * up, so every event (a click, a key) happens at a known time, and `runFor` advances it exactly. Each phase
 * boundary is checked 100 ms before and 100 ms after (read from the countdown and the phase shown), each cue's time
 * to the ms from the page's cue log, and the logged session (read back from the database) against the events sent.
 */

const S = 1000

/** The timer's clock: ms since Start was pressed. */
class Drive {
  t = 0
  constructor(private readonly page: Page) {}
  /** Advances the clock to `t` ms after the start, firing every frame and interval on the way. */
  async to(t: number) {
    if (t > this.t) await this.page.clock.runFor(t - this.t)
    this.t = Math.max(this.t, t)
  }
  /** Jumps to `t`, firing due timers at most once: a throttled background tab. */
  async jump(t: number) {
    await this.page.clock.fastForward(t - this.t)
    this.t = t
  }
  /** Goes quickly to 4 s before `t` (nothing is due there), then runs to `t`. */
  async near(t: number) {
    if (t - 4 * S > this.t + 1000) await this.to(this.t + 1000)
    if (t - 4 * S > this.t) await this.jump(t - 4 * S)
    await this.to(t)
  }
  async key(k: string, at: number) {
    await this.near(at)
    await this.page.keyboard.press(k)
  }
}

async function shown(page: Page, phase: string, rep: string | null, remainingMs: number | null) {
  await expect(page.getByTestId('timer-phase')).toHaveText(phase)
  if (rep !== null) await expect(page.getByTestId('timer-rep')).toHaveText(rep)
  if (remainingMs === null) return
  const left = Number(await page.getByTestId('timer-countdown').getAttribute('data-remaining-ms'))
  // The last look was at most one frame (17 ms) before now.
  expect(left, `${phase} ${rep ?? ''}: time left`).toBeGreaterThanOrEqual(remainingMs)
  expect(left, `${phase} ${rep ?? ''}: time left`).toBeLessThanOrEqual(remainingMs + 17)
}

/** A phase boundary at `at` ms: `before` shown 100 ms before it, `after` (with `afterMs` left of it) 100 ms after. */
async function boundary(d: Drive, page: Page, at: number, before: [string, string | null], after: [string, string | null, number | null]) {
  await d.near(at - 100)
  await shown(page, before[0], before[1], 100)
  await d.to(at + 100)
  await shown(page, after[0], after[1], after[2] === null ? null : after[2] - 100)
}

type Seen = [number, string, string, boolean]

async function cueLog(page: Page): Promise<Seen[]> {
  return page
    .getByTestId('cue-log')
    .locator('li')
    .evaluateAll((lis) =>
      (lis as unknown as { getAttribute(n: string): string | null; textContent: string | null }[]).map(
        (li): Seen => [Number(li.getAttribute('data-at')), li.getAttribute('data-kind') ?? '', li.textContent ?? '', li.getAttribute('data-late') === 'true']
      )
    )
}

/** The cues a timed phase gives: its start, then 3-2-1 before its end (when it ends by time). */
function phaseCues(start: number, end: number | null, kind: string, text: string, late = false): Seen[] {
  const cues: Seen[] = [[start * S, kind, text, false]]
  if (end !== null) for (const n of [3, 2, 1]) cues.push([(end - n) * S, 'count', String(n), late])
  return cues
}

/** Opens the timer for a protocol from Log session, with a 1-minute warm-up and cool-down, and stops the clock. */
async function setUp(page: Page, app: WebApp, protocol: string): Promise<Drive> {
  await page.clock.install()
  await page.goto(app.url)
  await page.getByRole('navigation').getByRole('link', { name: 'Log session' }).click()
  await page.getByLabel('Protocol', { exact: true }).selectOption({ label: protocol })
  await page.getByLabel('Warm-up (min)').fill('1')
  await page.getByLabel('Cool-down (min)').fill('1')
  await page.getByRole('button', { name: 'Start timer' }).click()
  await expect(page.getByTestId('timer')).toHaveAttribute('data-status', 'ready')
  await expect(page.getByTestId('timer-phase')).toHaveText('WARM-UP')
  await expect(page.getByTestId('timer-rep')).toHaveText(/^\d reps$/)
  const now = await page.evaluate(() => Date.now())
  await page.clock.pauseAt(now + 1000)
  await page.getByTestId('timer-toggle').click()
  await expect(page.getByTestId('timer')).toHaveAttribute('data-status', 'running')
  return new Drive(page)
}

type RepRow = { position: number; work_seconds: number; recovery_seconds: number | null; completed: number }

function logged(app: WebApp) {
  const sessions = app.query<{ id: number; warmup_seconds: number; cooldown_seconds: number; rpe: number; notes: string; start_time: string | null }>(
    'SELECT id, warmup_seconds, cooldown_seconds, rpe, notes, start_time FROM sessions WHERE deleted_at IS NULL'
  )
  expect(sessions).toHaveLength(1)
  const reps = app.query<RepRow>('SELECT position, work_seconds, recovery_seconds, completed FROM reps WHERE session_id = ? ORDER BY position', sessions[0]!.id)
  return { session: sessions[0]!, reps: reps.map((r) => [r.work_seconds, r.recovery_seconds, r.completed === 1]) }
}

/** The form opened by the timer: only the RPE and notes are given, then it is saved. */
async function logIt(page: Page, rpe: string, notes: string) {
  await expect(page.getByTestId('timer-banner')).toContainText('Filled from the timer')
  await expect(page.getByLabel('Session RPE (0–10)')).toBeFocused()
  await page.getByLabel('Session RPE (0–10)').fill(rpe)
  await page.getByLabel('Notes').fill(notes)
  await page.getByRole('button', { name: /^(Log as planned|Save session)$/ }).click()
  await expect(page.getByRole('region', { name: 'Session logged' })).toBeVisible()
  await expect(page.getByTestId('timer-banner')).toHaveCount(0)
}

test('a whole Sprint 6×20 s on the timer, with a pause and a recovery ended early, is logged as run', async ({ page, app }) => {
  test.setTimeout(120_000)
  const d = await setUp(page, app, 'Sprint 6×20 s')
  await shown(page, 'WARM-UP', null, 60_000)
  await expect(page.getByTestId('timer-next')).toHaveText('Next: WORK 1 of 6 · 0:20')

  // Warm-up 0–60 s, rep 1 60–80 s, its recovery from 80 s: paused 100–115 s, so it ends at 215 s (135 s of rest).
  await boundary(d, page, 60 * S, ['WARM-UP', null], ['WORK', 'Rep 1 of 6', 20_000])
  await boundary(d, page, 80 * S, ['WORK', 'Rep 1 of 6'], ['RECOVER', 'Rep 1 of 6', 120_000])
  await d.key('Space', 100 * S)
  await expect(page.getByTestId('timer-phase')).toHaveText('RECOVER · PAUSED')
  await d.to(110 * S)
  await shown(page, 'RECOVER · PAUSED', 'Rep 1 of 6', 100_000)
  await d.key('Space', 115 * S)
  await boundary(d, page, 215 * S, ['RECOVER', 'Rep 1 of 6'], ['WORK', 'Rep 2 of 6', 20_000])
  await boundary(d, page, 235 * S, ['WORK', 'Rep 2 of 6'], ['RECOVER', 'Rep 2 of 6', 120_000])
  // Recovery 2 ended early at 300 s (65 s); reps 3–6 then run as planned.
  await d.key('n', 300 * S)
  await d.to(300 * S + 100)
  await shown(page, 'WORK', 'Rep 3 of 6', 19_900)
  let t = 300
  for (let rep = 3; rep <= 6; rep++) {
    await boundary(d, page, (t + 20) * S, ['WORK', `Rep ${rep} of 6`], rep < 6 ? ['RECOVER', `Rep ${rep} of 6`, 120_000] : ['COOL-DOWN', null, 60_000])
    t += 20
    if (rep < 6) {
      await boundary(d, page, (t + 120) * S, ['RECOVER', `Rep ${rep} of 6`], ['WORK', `Rep ${rep + 1} of 6`, 20_000])
      t += 120
    }
  }
  expect(t).toBe(740)
  await d.near(799 * S)
  await expect(page.getByTestId('timer-elapsed')).toHaveText('13:19')

  const expected: Seen[] = [
    ...phaseCues(0, 60, 'warmup', 'Warm-up, 1 minute'),
    ...phaseCues(60, 80, 'work', 'Rep 1 of 6 — go'),
    ...phaseCues(80, 215, 'recovery', 'Recover, 2 minutes'),
    ...phaseCues(215, 235, 'work', 'Rep 2 of 6 — go'),
    ...phaseCues(235, null, 'recovery', 'Recover, 2 minutes')
  ]
  t = 300
  for (let rep = 3; rep <= 6; rep++) {
    expected.push(...phaseCues(t, t + 20, 'work', `Rep ${rep} of 6 — go`))
    t += 20
    if (rep < 6) {
      expected.push(...phaseCues(t, t + 120, 'recovery', 'Recover, 2 minutes'))
      t += 120
    }
  }
  expected.push(...phaseCues(740, 800, 'cooldown', 'Cool-down, 1 minute'))
  expect(await cueLog(page)).toEqual(expected)

  // The end opens the log form, filled with what was run.
  await d.to(800 * S + 100)
  await expect(page.getByLabel('Warm-up (min)')).toHaveValue('1')
  await expect(page.getByLabel('Rep 1 recovery', { exact: true })).toHaveValue('2:15')
  await expect(page.getByLabel('Rep 2 recovery', { exact: true })).toHaveValue('1:05')
  await logIt(page, '9', 'track, calm')
  const { session, reps } = logged(app)
  expect(session).toMatchObject({ warmup_seconds: 60, cooldown_seconds: 60, rpe: 9, notes: 'track, calm' })
  expect(reps).toEqual([
    [20, 135, true],
    [20, 65, true],
    [20, 120, true],
    [20, 120, true],
    [20, 120, true],
    [20, 0, true]
  ])
})

test('a HIIT 4×4 with pauses, ± 15 s, an early end, an abandoned rep and a throttled tab is logged as run', async ({ page, app }) => {
  test.setTimeout(120_000)
  const d = await setUp(page, app, 'HIIT 4×4')
  // Warm-up paused 30–40 s: it ends at 70 s.
  await d.key('Space', 30 * S)
  await d.key('Space', 40 * S)
  await boundary(d, page, 70 * S, ['WARM-UP', null], ['WORK', 'Rep 1 of 4', 240_000])
  await boundary(d, page, 310 * S, ['WORK', 'Rep 1 of 4'], ['RECOVER', 'Rep 1 of 4', 180_000])
  // +15 s at 400 s: recovery 1 ends at 505 s (195 s).
  await d.key('+', 400 * S)
  await d.to(400 * S + 100)
  await shown(page, 'RECOVER', 'Rep 1 of 4', 104_900)
  await boundary(d, page, 505 * S, ['RECOVER', 'Rep 1 of 4'], ['WORK', 'Rep 2 of 4', 240_000])
  // Rep 2 ended early at 705 s (200 s); −15 s at 800 s: recovery 2 ends at 870 s (165 s).
  await d.key('n', 705 * S)
  await d.to(705 * S + 100)
  await shown(page, 'RECOVER', 'Rep 2 of 4', 179_900)
  await d.key('-', 800 * S)
  await boundary(d, page, 870 * S, ['RECOVER', 'Rep 2 of 4'], ['WORK', 'Rep 3 of 4', 240_000])
  // Rep 3 paused 900–920 s, abandoned at 1000 s: 110 s of work; its recovery runs 1000–1180 s.
  await d.key('Space', 900 * S)
  await d.key('Space', 920 * S)
  await d.key('a', 1000 * S)
  await d.to(1000 * S + 100)
  await shown(page, 'RECOVER', 'Rep 3 of 4 · abandoned', 179_900)
  // The tab is throttled from 1010 s to 1190 s: one late look finds rep 4 ten seconds in, on time.
  await d.to(1010 * S)
  await d.jump(1190 * S)
  await shown(page, 'WORK', 'Rep 4 of 4', 230_000)
  await boundary(d, page, 1420 * S, ['WORK', 'Rep 4 of 4'], ['COOL-DOWN', null, 60_000])
  await d.near(1479 * S)

  expect(await cueLog(page)).toEqual([
    ...phaseCues(0, 70, 'warmup', 'Warm-up, 1 minute'),
    ...phaseCues(70, 310, 'work', 'Rep 1 of 4 — go'),
    ...phaseCues(310, 505, 'recovery', 'Recover, 3 minutes'),
    ...phaseCues(505, null, 'work', 'Rep 2 of 4 — go'),
    ...phaseCues(705, 870, 'recovery', 'Recover, 3 minutes'),
    ...phaseCues(870, null, 'work', 'Rep 3 of 4 — go'),
    // The cues of the throttled gap are logged once, late, and were not sounded.
    ...phaseCues(1000, 1180, 'recovery', 'Recover, 3 minutes', true),
    [1180 * S, 'work', 'Rep 4 of 4 — go', true],
    [1417 * S, 'count', '3', false],
    [1418 * S, 'count', '2', false],
    [1419 * S, 'count', '1', false],
    ...phaseCues(1420, 1480, 'cooldown', 'Cool-down, 1 minute')
  ])

  await d.to(1480 * S + 100)
  await expect(page.getByLabel('Rep 3 done')).not.toBeChecked()
  await expect(page.getByLabel('Rep 3 work')).toHaveValue('1:50')
  await logIt(page, '8', 'treadmill')
  const { session, reps } = logged(app)
  expect(session).toMatchObject({ warmup_seconds: 60, cooldown_seconds: 60, rpe: 8 })
  expect(reps).toEqual([
    [240, 195, true],
    [200, 165, true],
    [110, 180, false],
    [240, 0, true]
  ])
})

test('a timer session left for Log session is offered to resume; Escape asks before stopping, and the stop is logged', async ({ page, app }) => {
  test.setTimeout(60_000)
  const d = await setUp(page, app, 'Sprint 6×20 s')
  await boundary(d, page, 60 * S, ['WARM-UP', null], ['WORK', 'Rep 1 of 6', 20_000])
  // Leaving the timer at 70 s (a closed window keeps the same record): Log session offers the unfinished session.
  await d.to(70 * S)
  await page.evaluate(() => {
    ;(globalThis as unknown as { location: { hash: string } }).location.hash = '#/log'
  })
  await expect(page.getByTestId('timer-banner')).toContainText('The timer has an unfinished session')
  await d.to(100 * S)
  await page.getByRole('button', { name: 'Resume the timer' }).click()
  // Read as paused from when it was last seen (70 s): 10 s of rep 1 left.
  await shown(page, 'WORK · PAUSED', 'Rep 1 of 6', 10_000)
  await d.to(110 * S)
  await page.keyboard.press('Space')
  await boundary(d, page, 120 * S, ['WORK', 'Rep 1 of 6'], ['RECOVER', 'Rep 1 of 6', 120_000])
  await d.to(130 * S)
  await page.keyboard.press('Escape')
  const dialog = page.getByRole('dialog', { name: 'Stop the session?' })
  await expect(dialog).toBeVisible()
  await dialog.getByRole('button', { name: 'Keep going' }).click()
  await expect(dialog).toHaveCount(0)
  await d.to(150 * S)
  await shown(page, 'RECOVER', 'Rep 1 of 6', 90_000)
  await page.keyboard.press('Escape')
  await dialog.getByRole('button', { name: 'Stop and log' }).click()
  await expect(page.getByTestId('timer-banner')).toContainText('stopped early')
  await expect(page.locator('tr[data-rep]')).toHaveCount(1)
  await logIt(page, '6', 'stopped: a cramp')
  const { session, reps } = logged(app)
  expect(session).toMatchObject({ warmup_seconds: 60, cooldown_seconds: 0, rpe: 6 })
  // The 40 s away (70–110 s) were a pause of rep 1: 20 s of work; 30 s of recovery when stopped.
  expect(reps).toEqual([[20, 30, true]])
})

test('the next-session card starts the timer on its plan, with a 10-minute warm-up', async ({ page, app }) => {
  const protocols = await app.call<{ id: number; name: string }[]>('protocols/list', {})
  const hiit = protocols.find((p) => p.name === 'HIIT 4×4')!
  await app.call('blocks/create', { name: 'Winter block', startDate: browserDay(-3), weeks: 10, sessionsPerWeek: 3, protocolId: hiit.id })
  await page.reload()
  const card = page.getByTestId('next-session')
  await expect(card.getByTestId('next-plan')).toHaveText('4x4m @near-max / 3m jog')
  await card.getByRole('button', { name: 'Start timer' }).click()
  await expect(page.getByTestId('timer')).toHaveAttribute('data-status', 'ready')
  await expect(page.getByText('HIIT 4×4', { exact: true })).toBeVisible()
  await expect(page.getByTestId('timer-phase')).toHaveText('WARM-UP')
  await expect(page.getByTestId('timer-countdown')).toHaveText('10:00')
  await expect(page.getByTestId('timer-rep')).toHaveText('4 reps')
  await expect(page.getByRole('listitem').filter({ hasText: /^WORK/ })).toHaveCount(4)
  // Escape before the start goes back without asking.
  await page.keyboard.press('Escape')
  await expect(page.getByRole('heading', { name: 'Log a session' })).toBeVisible()
})

test('in Chinese: the timer shows and speaks its cues in Chinese, with the utterance in zh-CN', async ({ page }) => {
  // A recording voice: what would be spoken, and in which language.
  await page.addInitScript(() => {
    const w = globalThis as unknown as { spoken: [string, string][] }
    w.spoken = []
    class Utterance {
      lang = ''
      voice: unknown = null
      constructor(readonly text: string) {}
    }
    Object.defineProperty(globalThis, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true })
    Object.defineProperty(globalThis, 'speechSynthesis', {
      configurable: true,
      value: { getVoices: () => [{ lang: 'zh-CN' }, { lang: 'en-GB' }], cancel() {}, speak: (u: Utterance) => w.spoken.push([u.text, u.lang]) }
    })
  })
  await page.reload()
  await page.getByRole('radiogroup', { name: 'Language' }).getByRole('radio', { name: '中文' }).click()
  await page.getByRole('navigation', { name: '栏目' }).getByRole('link', { name: '记录训练' }).click()
  await page.getByLabel('训练方案', { exact: true }).selectOption({ label: '冲刺 6×20 秒' })
  await page.getByLabel('热身（分钟）').fill('1')
  await page.getByRole('button', { name: '开始计时' }).click()
  await expect(page.getByTestId('timer-phase')).toHaveText('热身')
  await expect(page.getByTestId('timer-rep')).toHaveText('共 6 次')
  await expect(page.getByTestId('timer-next')).toHaveText('下一步：训练 第 1/6 次 · 0:20')
  await expect(page.getByRole('button', { name: '开始' })).toBeVisible()
  await page.getByTestId('timer-toggle').click()
  await expect(page.getByTestId('cue-log').locator('li')).toHaveText(['热身，1 分钟'])
  await expect.poll(() => page.evaluate(() => (globalThis as unknown as { spoken: [string, string][] }).spoken)).toEqual([['热身，1 分钟', 'zh-CN']])
  await page.keyboard.press('n')
  await expect(page.getByTestId('timer-phase')).toHaveText('训练')
  await expect(page.getByTestId('timer-rep')).toHaveText('第 1 次，共 6 次')
  await expect.poll(() => page.evaluate(() => (globalThis as unknown as { spoken: [string, string][] }).spoken.at(-1))).toEqual(['第 1 次，共 6 次，开始', 'zh-CN'])
  await page.keyboard.press('Escape')
  const dialog = page.getByRole('dialog', { name: '停止这次训练？' })
  await expect(dialog.getByRole('button', { name: '停止并记录' })).toBeVisible()
  await dialog.getByRole('button', { name: '停止并记录' }).click()
  await expect(page.getByTestId('timer-banner')).toContainText('已按计时器填写')
  await expect(page.getByTestId('timer-banner')).toContainText('提前停止')
})
