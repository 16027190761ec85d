import { useCallback } from 'react'
import { CartesianGrid, type CartesianGridProps, useXAxisTicks } from 'recharts'

type VerticalLines = NonNullable<CartesianGridProps['verticalCoordinatesGenerator']>

interface Props {
  /** Vertical lines at the horizontal axis's ticks (and at both ends of the plot). */
  vertical?: boolean
}

/**
 * The charts' background grid. Its vertical lines are drawn at the ticks the horizontal axis shows, read from
 * the chart: recharts' own grid works out ticks of its own for them, by measuring the text of every point's
 * label in the page (hundreds of measurements on a long history, asked for again on every draw, even with the
 * vertical lines off).
 */
export function ChartGrid({ vertical = true }: Props) {
  const ticks = useXAxisTicks()
  const lines = useCallback<VerticalLines>(
    ({ offset }) => {
      if (!vertical || !ticks) return []
      const xs = ticks.map((tick) => tick.coordinate)
      for (const edge of [offset.left, offset.left + offset.width]) if (!xs.includes(edge)) xs.push(edge)
      return xs
    },
    [vertical, ticks]
  )
  return <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" vertical={vertical} verticalCoordinatesGenerator={lines} />
}
