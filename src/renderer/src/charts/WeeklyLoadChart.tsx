import { memo } from 'react'
import { ChartFrame } from './ChartFrame'
import { ChartGrid } from './ChartGrid'
import { ChartLegend } from './ChartLegend'
import { Bar, Cell, ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts'
import { formatNumber, useT } from '../i18n'
import { AXIS, axisTitle, fullDate, MARGIN, timeTickFormat, TOOLTIP } from './chartStyle'
import type { LoadChartData, LoadPoint } from './loadData'
import { utcDay } from './weightChartData'

interface Props {
  data: LoadChartData
}

/** Weekly sRPE load as bars, spikes in the warning colour, and the 4-week baseline the spike rule compares with. */
export const WeeklyLoadChart = memo(function WeeklyLoadChart({ data }: Props) {
  const { t } = useT('charts')
  const { points } = data
  const first = points[0]
  const last = points[points.length - 1]
  const span = first && last ? (last.t - first.t) / 86_400_000 : 0
  const tick = timeTickFormat(span)
  const byStart = new Map(points.map((p) => [p.weekStart, p]))
  return (
    <div
      className="chart"
      role="img"
      aria-label={t('loadAria', { count: points.length, merged: data.weeksPerPoint > 1 ? 'yes' : 'no', max: formatNumber(data.maxLoad), spikes: data.spikes })}
    >
      <ChartFrame height={260}>
        <ComposedChart data={points} margin={MARGIN} barCategoryGap={points.length > 120 ? 0 : '15%'}>
          <ChartGrid vertical={false} />
          <XAxis dataKey="weekStart" tickFormatter={(d: string) => tick(utcDay(d))} minTickGap={28} {...AXIS} />
          <YAxis
            width={64}
            domain={[0, data.yTicks[data.yTicks.length - 1] ?? 'auto']}
            ticks={data.yTicks}
            {...AXIS}
            label={axisTitle(t('axisLoad'))}
          />
          <Tooltip
            {...TOOLTIP}
            labelFormatter={(d) => {
              const p = byStart.get(String(d)) as LoadPoint | undefined
              if (!p) return String(d)
              const head =
                data.weeksPerPoint > 1 ? t('weekOfDateMerged', { date: fullDate(p.t), more: data.weeksPerPoint - 1 }) : t('weekOfDate', { date: fullDate(p.t) })
              return p.spike ? t('withSpike', { head }) : head
            }}
            formatter={(value, name) => [value === null ? '–' : t('valueAu', { value: formatNumber(Number(value)) }), name]}
          />
          <ChartLegend />
          <Bar dataKey="load" name={t('weeklyLoad')} fill="var(--accent-2)" isAnimationActive={false} maxBarSize={40}>
            {points.map((p) => (
              <Cell key={p.weekStart} fill={p.spike ? 'var(--danger)' : 'var(--accent-2)'} />
            ))}
          </Bar>
          <Line
            dataKey="baseline"
            name={t('baseline')}
            type="stepAfter"
            stroke="var(--text)"
            strokeOpacity={0.6}
            strokeDasharray="5 4"
            strokeWidth={1.5}
            dot={false}
            connectNulls={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ChartFrame>
    </div>
  )
})
