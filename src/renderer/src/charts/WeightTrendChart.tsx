import { memo } from 'react'
import { ChartFrame } from './ChartFrame'
import { ChartGrid } from './ChartGrid'
import { ChartLegend } from './ChartLegend'
import { ComposedChart, Line, Scatter, Tooltip, XAxis, YAxis, ZAxis } from 'recharts'
import type { WeightUnit } from '../../../shared/units'
import { formatNumber, useT } from '../i18n'
import { AXIS, fullDate, TIME_AXIS, timeTickFormat } from './chartStyle'
import type { WeightChartPoint } from './weightChartData'

interface Props {
  points: WeightChartPoint[]
  yTicks: number[]
  unit: WeightUnit
}

/** Daily mean weights as dots and the smoothed trend as a line. */
export const WeightTrendChart = memo(function WeightTrendChart({ points, yTicks, unit }: Props) {
  const { t } = useT('charts')
  const first = points[0]
  const last = points[points.length - 1]
  const spanDays = first && last ? (last.t - first.t) / 86_400_000 : 0
  const tick = timeTickFormat(spanDays)
  return (
    <div
      className="chart"
      role="img"
      aria-label={
        last ? t('weightAria', { count: points.length, trend: formatNumber(last.trend, 1, 1), unit }) : t('weightAriaEmpty')
      }
      data-points={points.length}
    >
      <ChartFrame height={280}>
        <ComposedChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <ChartGrid />
          <XAxis {...TIME_AXIS} tickFormatter={tick} {...AXIS} minTickGap={24} />
          <YAxis domain={[yTicks[0] ?? 'auto', yTicks[yTicks.length - 1] ?? 'auto']} ticks={yTicks} unit={` ${unit}`} width={72} {...AXIS} />
          <ZAxis range={[points.length > 200 ? 12 : 36, points.length > 200 ? 12 : 36]} />
          <Tooltip
            labelFormatter={(t) => fullDate(Number(t))}
            formatter={(value, name) => [t('valueUnit', { value: formatNumber(Number(value), 1, 1), unit }), name]}
            contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)' }}
          />
          <ChartLegend wrapperStyle={{ color: 'var(--muted)' }} />
          <Scatter name={t('dailyMean')} dataKey="weight" fill="var(--accent-2)" isAnimationActive={false} />
          <Line
            name={t('trend')}
            type="monotone"
            dataKey="trend"
            stroke="var(--accent)"
            strokeWidth={2.5}
            dot={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ChartFrame>
    </div>
  )
})
