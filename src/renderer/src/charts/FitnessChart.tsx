import { memo } from 'react'
import { ChartFrame } from './ChartFrame'
import { ChartGrid } from './ChartGrid'
import { ChartLegend } from './ChartLegend'
import { ComposedChart, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts'
import { formatDate, formatNumber, useT } from '../i18n'
import { AXIS, axisTitle, fullDate, MARGIN, TIME_AXIS, timeTickFormat, TOOLTIP } from './chartStyle'
import type { FitnessChartData } from './loadData'

interface Props {
  data: FitnessChartData
}

/** Fitness (42-day), fatigue (7-day) and form (fitness − fatigue) from daily sRPE load. */
export const FitnessChart = memo(function FitnessChart({ data }: Props) {
  const { t } = useT('charts')
  const { points, latest } = data
  const first = points[0]
  const last = points[points.length - 1]
  const span = first && last ? (last.t - first.t) / 86_400_000 : 0
  const tick = timeTickFormat(span)
  const line = { type: 'monotone' as const, dot: false as const, isAnimationActive: false, strokeWidth: 2.25 }
  return (
    <div
      className="chart"
      role="img"
      aria-label={
        latest
          ? t('fitnessAria', {
              date: formatDate(latest.date),
              fitness: formatNumber(latest.fitness, 1),
              fatigue: formatNumber(latest.fatigue, 1),
              form: formatNumber(latest.form, 1)
            })
          : t('fitnessAriaEmpty')
      }
    >
      <ChartFrame height={260}>
        <ComposedChart data={points} margin={MARGIN}>
          <ChartGrid />
          <XAxis {...TIME_AXIS} tickFormatter={tick} minTickGap={28} {...AXIS} />
          <YAxis
            width={64}
            domain={[data.yTicks[0] ?? 'auto', data.yTicks[data.yTicks.length - 1] ?? 'auto']}
            ticks={data.yTicks}
            {...AXIS}
            label={axisTitle(t('axisLoad'))}
          />
          <Tooltip
            {...TOOLTIP}
            cursor={{ stroke: 'var(--muted)' }}
            labelFormatter={(t) => fullDate(Number(t))}
            formatter={(value, name) => [t('valueAu', { value: formatNumber(Number(value), 1, 1) }), name]}
          />
          <ChartLegend />
          <ReferenceLine y={0} stroke="var(--muted)" />
          <Line {...line} dataKey="fitness" name={t('fitness42')} stroke="var(--accent-2)" />
          <Line {...line} dataKey="fatigue" name={t('fatigue7')} stroke="var(--accent)" />
          <Line {...line} dataKey="form" name={t('formLine')} stroke="var(--ok)" strokeDasharray="6 3" />
        </ComposedChart>
      </ChartFrame>
    </div>
  )
})
