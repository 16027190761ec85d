import { flushSync } from 'react-dom'
import { createRoot } from 'react-dom/client'
import { Bar, ComposedChart, Line, XAxis, YAxis } from 'recharts'
import { requestChartTurn } from './chartTurns'
import { AXIS, MARGIN, TIME_AXIS } from './chartStyle'

const DAY_MS = 86_400_000
/** A few days of made-up figures, for the parts every chart has: a time axis, a value axis, bars and a line. */
const POINTS = Array.from({ length: 8 }, (_, i) => ({ t: Date.UTC(2024, 0, 1) + i * DAY_MS, a: (i * 7) % 5, b: i % 3 }))

let done = false

/**
 * Draws one small chart, once, into an element that is never on the page, in the first chart turn: the first
 * time recharts' code runs costs more than any later time (it is compiled, its caches filled), and this way that
 * first time falls while the first screen waits for its answers, not in the task of its first chart. Nothing of
 * it is seen or read: the element is dropped straight after. Only the parts every chart has: a fuller chart
 * (grid, tooltip, legend) costs more here than it saves later.
 */
export function warmUpCharts(): void {
  if (done) return
  done = true
  requestChartTurn(() => {
    const host = document.createElement('div')
    const root = createRoot(host)
    flushSync(() =>
      root.render(
        <ComposedChart width={320} height={160} data={POINTS} margin={MARGIN}>
          <XAxis {...TIME_AXIS} minTickGap={28} {...AXIS} />
          <YAxis width={48} {...AXIS} />
          <Bar dataKey="a" isAnimationActive={false} />
          <Line dataKey="b" dot={false} isAnimationActive={false} />
        </ComposedChart>
      )
    )
    root.unmount()
  })
}
