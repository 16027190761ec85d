/**
 * Charts take turns to draw: one chart per task, each after the page has painted, so a screen with several
 * charts never holds the page in one long task (a recharts chart costs tens of milliseconds to draw), and a
 * screen shows its headings, figures and the charts' empty boxes before the first chart draws. Turns are given
 * in the order they are asked for.
 */

type Turn = () => void

const waiting: Turn[] = []
let scheduled = false
/** While a screen's answers are on their way, no chart draws: its answers are drawn first (see `holdChartTurns`). */
let held: Promise<unknown> | null = null

/** The longest a hold keeps the charts waiting. */
const HOLD_MAX_MS = 1000

/** Calls `done` once, after the next paint (a frame, then a task), or after 100 ms when no frame comes (a hidden window). */
function afterPaint(done: () => void): void {
  let called = false
  const once = () => {
    if (called) return
    called = true
    done()
  }
  const raf = globalThis.requestAnimationFrame as ((cb: () => void) => number) | undefined
  raf?.(() => setTimeout(once, 0))
  setTimeout(once, 100)
}

function schedule(): void {
  if (scheduled || held || waiting.length === 0) return
  scheduled = true
  afterPaint(() => {
    scheduled = false
    waiting.shift()?.()
    schedule()
  })
}

/**
 * Keeps the charts from drawing until `answers` are in (or a second has gone by): a screen that opens draws its
 * figures, tables and cards as its answers come in, and its charts after them, one per task, rather than answers
 * waiting behind a chart's task. A later hold replaces an earlier one.
 */
export function holdChartTurns(answers: Promise<unknown>): void {
  const hold = Promise.race([answers.catch(() => undefined), new Promise<void>((resolve) => setTimeout(resolve, HOLD_MAX_MS))])
  held = hold
  void hold.then(() => {
    if (held !== hold) return
    held = null
    schedule()
  })
}

/**
 * Asks for a turn to draw a chart: `turn` is called when it comes, after the next paint and after the turns
 * asked for before it, one per paint. `turn` should draw at once (with `flushSync`), so that its chart is all
 * the work of that task. Returns a function that gives the place up (a chart that goes away before its turn).
 */
export function requestChartTurn(turn: Turn): () => void {
  waiting.push(turn)
  schedule()
  return () => {
    const i = waiting.indexOf(turn)
    if (i >= 0) waiting.splice(i, 1)
  }
}
