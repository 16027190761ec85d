import { type CSSProperties, useContext } from 'react'
import { Legend } from 'recharts'
import { LEGEND } from './chartStyle'
import { LegendBox } from './legendBox'
import { LegendContent } from './LegendContent'

/**
 * A chart's legend, drawn under the chart's box (ChartFrame's) instead of inside it: a legend inside the chart
 * is measured once drawn, and the whole chart is drawn a second time to make room for it.
 */
export function ChartLegend({ wrapperStyle = LEGEND.wrapperStyle }: { wrapperStyle?: CSSProperties }) {
  const box = useContext(LegendBox)
  return box ? <Legend wrapperStyle={wrapperStyle} content={LegendContent} portal={box} /> : null
}
