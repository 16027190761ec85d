import { CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis, ZAxis } from 'recharts'
import type { WeightUnit } from '../../../shared/units'
import type { WeightChartPoint } from './weightChartData'

const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' })
const yearFormat = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' })
const fullFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' })

interface Props {
  points: WeightChartPoint[]
  yTicks: number[]
  unit: WeightUnit
}

/** Daily mean weights as dots and the smoothed trend as a line. */
export function WeightTrendChart({ points, yTicks, unit }: Props) {
  const first = points[0]
  const last = points[points.length - 1]
  const spanDays = first && last ? (last.t - first.t) / 86_400_000 : 0
  const tickFormat = spanDays > 300 ? yearFormat : dayFormat
  return (
    <div
      className="chart"
      role="img"
      aria-label={
        last ? `Body weight chart: ${points.length} days, latest trend ${last.trend.toFixed(1)} ${unit}` : 'Body weight chart: no data'
      }
      data-points={points.length}
    >
      <ResponsiveContainer width="100%" height={280}>
        <ComposedChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={['dataMin', 'dataMax']}
            tickFormatter={(t: number) => tickFormat.format(t)}
            stroke="var(--muted)"
            tick={{ fill: 'var(--muted)', fontSize: 12 }}
            minTickGap={24}
          />
          <YAxis
            domain={[yTicks[0] ?? 'auto', yTicks[yTicks.length - 1] ?? 'auto']}
            ticks={yTicks}
            unit={` ${unit}`}
            width={72}
            stroke="var(--muted)"
            tick={{ fill: 'var(--muted)', fontSize: 12 }}
          />
          <ZAxis range={[points.length > 200 ? 12 : 36, points.length > 200 ? 12 : 36]} />
          <Tooltip
            labelFormatter={(t) => fullFormat.format(Number(t))}
            formatter={(value, name) => [`${Number(value).toFixed(1)} ${unit}`, name]}
            contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)' }}
          />
          <Legend wrapperStyle={{ color: 'var(--muted)' }} />
          <Scatter name="Daily mean" dataKey="weight" fill="var(--accent-2)" isAnimationActive={false} />
          <Line
            name="Trend"
            type="monotone"
            dataKey="trend"
            stroke="var(--accent)"
            strokeWidth={2.5}
            dot={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  )
}
