/** Recharts styling shared by the dashboard charts: theme colours come from CSS variables (light and dark). */
import { formatDate } from '../i18n/format'

export const AXIS = {
  stroke: 'var(--muted)',
  tick: { fill: 'var(--muted)', fontSize: 12 }
} as const

export const TOOLTIP = {
  contentStyle: { background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)', borderRadius: 6 },
  labelStyle: { color: 'var(--text)', fontWeight: 600 },
  itemStyle: { color: 'var(--text)' },
  cursor: { fill: 'var(--grid)', fillOpacity: 0.5 }
} as const

export const LEGEND = { wrapperStyle: { color: 'var(--muted)', fontSize: 13 } } as const

/** A horizontal axis of days, as epoch milliseconds in each point's `t`, spanning the data. */
export const TIME_AXIS = { dataKey: 't', type: 'number', scale: 'time', domain: ['dataMin', 'dataMax'] } as const

export const MARGIN = { top: 12, right: 8, bottom: 4, left: 0 } as const

/** A rotated title beside a vertical axis, instead of a unit on every tick. */
export const axisTitle = (value: string, side: 'left' | 'right' = 'left') => ({
  value,
  angle: side === 'left' ? -90 : 90,
  position: side === 'left' ? ('insideLeft' as const) : ('insideRight' as const),
  fill: 'var(--muted)',
  fontSize: 12,
  style: { textAnchor: 'middle' as const }
})

/** Dots on a line only while they can be told apart. */
export const dotsFor = (points: number): false | { r: number } => (points <= 60 ? { r: 3 } : false)

/** The calendar date of a time axis value (UTC midnight of the day, as the chart data builds it). */
const dayOf = (t: number): string => new Date(t).toISOString().slice(0, 10)

/** Tick labels for a time axis, in the runner's language: days for spans under ~10 months, months and years beyond. */
export function timeTickFormat(spanDays: number): (t: number) => string {
  const style = spanDays > 300 ? 'month' : 'day'
  return (t) => formatDate(dayOf(t), style)
}

/** A time axis value as a full date: `22 Nov 2026`, `2026年11月22日`. */
export const fullDate = (t: number): string => formatDate(dayOf(t))
