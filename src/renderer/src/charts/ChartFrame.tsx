import { type ReactNode, useLayoutEffect, useRef, useState } from 'react'
import { flushSync } from 'react-dom'
import { ResponsiveContainer } from 'recharts'
import { requestChartTurn } from './chartTurns'
import { LegendBox } from './legendBox'

interface Props {
  height: number
  children: ReactNode
}

/**
 * A chart's box, the full width of its parent: `ResponsiveContainer` once the chart's turn has come (see
 * chartTurns.ts), an empty box of the same size until then, so a screen with several charts draws them one
 * task at a time and nothing moves as they come in. The box's width, measured at its turn, is the chart's first
 * size, so the chart draws at once instead of after a measuring pass of its own. Under the box, the element
 * the chart's legend is drawn into (ChartLegend).
 */
export function ChartFrame({ height, children }: Props) {
  const box = useRef<HTMLDivElement>(null)
  const [legend, setLegend] = useState<HTMLDivElement | null>(null)
  const [width, setWidth] = useState<number | null>(null)
  const waiting = width === null
  useLayoutEffect(() => {
    if (!waiting) return
    // Drawn within the turn's own task, not batched with the next chart's.
    return requestChartTurn(() => flushSync(() => setWidth(Math.round(box.current?.getBoundingClientRect().width ?? 0))))
  }, [waiting])
  return (
    <>
      {waiting ? (
        <div ref={box} className="chart-frame" style={{ height }} data-chart-pending="" />
      ) : (
        <ResponsiveContainer width="100%" height={height} initialDimension={{ width: width > 0 ? width : -1, height }}>
          <LegendBox.Provider value={legend}>{children}</LegendBox.Provider>
        </ResponsiveContainer>
      )}
      <div ref={setLegend} className="chart-legend-box" />
    </>
  )
}
