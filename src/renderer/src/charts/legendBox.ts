import { createContext } from 'react'

/** The element under a chart that its legend is drawn into (see ChartLegend), given by the chart's ChartFrame. */
export const LegendBox = createContext<HTMLElement | null>(null)
