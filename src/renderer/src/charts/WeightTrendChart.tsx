import { CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis, ZAxis } from 'recharts'
import type { WeightUnit } from '../../../shared/units'
import { AXIS, fullDate, TIME_AXIS, timeTickFormat } from './chartStyle'
import type { WeightChartPoint } from './weightChartData'

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
  const tick = timeTickFormat(spanDays)
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
          <XAxis {...TIME_AXIS} tickFormatter={tick} {...AXIS} minTickGap={24} />
          <YAxis domain={[yTicks[0] ?? 'auto', yTicks[yTicks.length - 1] ?? 'auto']} ticks={yTicks} unit={` ${unit}`} width={72} {...AXIS} />
          <ZAxis range={[points.length > 200 ? 12 : 36, points.length > 200 ? 12 : 36]} />
          <Tooltip
            labelFormatter={(t) => fullDate(Number(t))}
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
