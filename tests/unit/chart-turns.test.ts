import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

/** Frames asked for and not yet run; `paint()` runs them, then the tasks they queued. */
let frames: (() => void)[] = []
const paint = () => {
  const now = frames
  frames = []
  for (const f of now) f()
  vi.advanceTimersByTime(0)
}

async function turns() {
  vi.resetModules()
  return (await import('../../src/renderer/src/charts/chartTurns')).requestChartTurn
}

/** Fake timers, and animation frames queued in `frames` for the test to run. */
function withFakeFrames(): void {
  beforeEach(() => {
    vi.useFakeTimers()
    frames = []
    vi.stubGlobal('requestAnimationFrame', (f: () => void) => frames.push(f))
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })
}

describe('charts take turns to draw', () => {
  withFakeFrames()

  it('one chart after each paint, in the order they asked, none before the first paint', async () => {
    const requestChartTurn = await turns()
    const drawn: string[] = []
    for (const name of ['load', 'fitness', 'weight']) requestChartTurn(() => drawn.push(name))
    expect(drawn).toEqual([])
    paint()
    expect(drawn).toEqual(['load'])
    paint()
    expect(drawn).toEqual(['load', 'fitness'])
    paint()
    paint()
    expect(drawn).toEqual(['load', 'fitness', 'weight'])
  })

  it('a chart asked for later waits for the ones before it', async () => {
    const requestChartTurn = await turns()
    const drawn: string[] = []
    requestChartTurn(() => drawn.push('first'))
    requestChartTurn(() => drawn.push('second'))
    paint()
    requestChartTurn(() => drawn.push('third'))
    paint()
    expect(drawn).toEqual(['first', 'second'])
    paint()
    expect(drawn).toEqual(['first', 'second', 'third'])
  })

  it('a chart that goes away before its turn gives its place up', async () => {
    const requestChartTurn = await turns()
    const drawn: string[] = []
    requestChartTurn(() => drawn.push('first'))
    const giveUp = requestChartTurn(() => drawn.push('gone'))
    requestChartTurn(() => drawn.push('last'))
    giveUp()
    paint()
    paint()
    paint()
    expect(drawn).toEqual(['first', 'last'])
  })

  it('without frames (a hidden window) the turns still come, 100 ms apart', async () => {
    const requestChartTurn = await turns()
    const drawn: string[] = []
    requestChartTurn(() => drawn.push('a'))
    requestChartTurn(() => drawn.push('b'))
    vi.advanceTimersByTime(99)
    expect(drawn).toEqual([])
    vi.advanceTimersByTime(1)
    expect(drawn).toEqual(['a'])
    vi.advanceTimersByTime(100)
    expect(drawn).toEqual(['a', 'b'])
  })
})

describe('charts wait for a screen’s answers', () => {
  withFakeFrames()

  async function module() {
    vi.resetModules()
    return await import('../../src/renderer/src/charts/chartTurns')
  }

  it('no chart draws while the answers are on their way; they draw one per paint once the answers are in', async () => {
    const { holdChartTurns, requestChartTurn } = await module()
    let answer: (v: unknown) => void = () => {}
    holdChartTurns(new Promise((resolve) => (answer = resolve)))
    const drawn: string[] = []
    requestChartTurn(() => drawn.push('load'))
    requestChartTurn(() => drawn.push('weight'))
    paint()
    paint()
    expect(drawn).toEqual([])
    answer(null)
    await vi.advanceTimersByTimeAsync(0)
    paint()
    expect(drawn).toEqual(['load'])
    paint()
    expect(drawn).toEqual(['load', 'weight'])
  })

  it('answers that never come hold the charts a second at most', async () => {
    const { holdChartTurns, requestChartTurn } = await module()
    holdChartTurns(new Promise(() => {}))
    const drawn: string[] = []
    requestChartTurn(() => drawn.push('load'))
    await vi.advanceTimersByTimeAsync(999)
    paint()
    expect(drawn).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    paint()
    expect(drawn).toEqual(['load'])
  })

  it('a later hold replaces an earlier one', async () => {
    const { holdChartTurns, requestChartTurn } = await module()
    let first: (v: unknown) => void = () => {}
    let second: (v: unknown) => void = () => {}
    holdChartTurns(new Promise((resolve) => (first = resolve)))
    holdChartTurns(new Promise((resolve) => (second = resolve)))
    const drawn: string[] = []
    requestChartTurn(() => drawn.push('load'))
    first(null)
    await vi.advanceTimersByTimeAsync(0)
    paint()
    expect(drawn).toEqual([])
    second(null)
    await vi.advanceTimersByTimeAsync(0)
    paint()
    expect(drawn).toEqual(['load'])
  })
})
