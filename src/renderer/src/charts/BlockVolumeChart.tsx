import { memo } from 'react'
import { ChartFrame } from './ChartFrame'
import { ChartGrid } from './ChartGrid'
import { ChartLegend } from './ChartLegend'
import {
  Bar,
  BarChart,
  Cell,
  ComposedChart,
  LabelList,
  Line,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis
} from 'recharts'
import { formatDate, formatNumber, useT } from '../i18n'
import type { BlockVolumeData, BlockVolumePoint } from './blockVolumeData'
import { AXIS, axisTitle, MARGIN, TOOLTIP } from './chartStyle'

interface Props {
  data: BlockVolumeData
  blockName: string
}

const LEFT = 64
const RIGHT = 48


/**
 * The block's weeks side by side: work time (bars) beside the planned work time (dashed line) and completed reps
 * (line) above; sessions of the block's protocol done per week against the plan (dashed line) below, with the
 * other sessions of the week after a `+`. Both share the week axis and its width.
 */
export const BlockVolumeChart = memo(function BlockVolumeChart({ data, blockName }: Props) {
  const { t } = useT('charts')
  const { points, planned, totals } = data
  const weekTitle = (label: unknown, payload: readonly { payload?: BlockVolumePoint }[] | undefined) => {
    const p = payload?.[0]?.payload
    return p ? t('weekTitle', { week: p.week, from: formatDate(p.from), to: formatDate(p.to) }) : String(label)
  }
  const weekTick = (week: number) => t('weekAxis', { week })
  const repsName = t('repsCompleted')
  const top = data.sessionTicks[data.sessionTicks.length - 1] ?? planned
  return (
    <div className="chart-stack">
      <div
        className="chart"
        role="img"
        aria-label={t('volumeAria', {
          name: blockName,
          workMin: formatNumber(totals.workMin, 1),
          planned: totals.plannedWorkMin === null ? 'none' : formatNumber(totals.plannedWorkMin, 1),
          reps: totals.reps
        })}
      >
        <ChartFrame height={250}>
          <ComposedChart data={points} margin={MARGIN}>
            <ChartGrid vertical={false} />
            <XAxis dataKey="week" tickFormatter={weekTick} {...AXIS} />
            <YAxis yAxisId="min" width={LEFT} allowDecimals={false} {...AXIS} label={axisTitle(t('axisWorkMin'))} />
            <YAxis
              yAxisId="reps"
              orientation="right"
              width={RIGHT}
              allowDecimals={false}
              {...AXIS}
              label={axisTitle(t('axisReps'), 'right')}
            />
            <Tooltip
              {...TOOLTIP}
              labelFormatter={weekTitle}
              formatter={(value, name) => [name === repsName ? formatNumber(Number(value)) : t('valueMin', { value: formatNumber(Number(value), 1) }), name]}
            />
            <ChartLegend />
            <Bar yAxisId="min" dataKey="workMin" name={t('workTime')} fill="var(--accent)" radius={[3, 3, 0, 0]} maxBarSize={48} isAnimationActive={false} />
            {totals.plannedWorkMin !== null && (
              <Line
                yAxisId="min"
                dataKey="plannedMin"
                name={t('plannedWork')}
                type="linear"
                stroke="var(--text)"
                strokeOpacity={0.6}
                strokeWidth={2}
                strokeDasharray="6 4"
                dot={false}
                activeDot={false}
                isAnimationActive={false}
              />
            )}
            <Line
              yAxisId="reps"
              dataKey="reps"
              name={repsName}
              type="linear"
              stroke="var(--accent-2)"
              strokeWidth={2.5}
              dot={{ r: 3.5, fill: 'var(--accent-2)' }}
              isAnimationActive={false}
            />
          </ComposedChart>
        </ChartFrame>
      </div>
      <div
        className="chart chart-short"
        role="img"
        aria-label={t('sessionsAria', { name: blockName, sessions: totals.sessions, planned: totals.planned, other: totals.otherSessions })}
      >
        <ChartFrame height={160}>
          <BarChart data={points} margin={{ ...MARGIN, top: 20, right: MARGIN.right + RIGHT }}>
            <ChartGrid vertical={false} />
            <XAxis dataKey="week" tickFormatter={weekTick} {...AXIS} />
            <YAxis
              width={LEFT}
              domain={[0, top]}
              ticks={data.sessionTicks}
              interval={0}
              allowDecimals={false}
              {...AXIS}
              label={axisTitle(t('axisSessions'))}
            />
            <Tooltip
              {...TOOLTIP}
              labelFormatter={weekTitle}
              formatter={(value, _name, item) => {
                const other = (item as { payload?: BlockVolumePoint }).payload?.otherSessions ?? 0
                return [t('sessionsValue', { done: Number(value), planned, other }), t('sessionsDone')]
              }}
            />
            <ReferenceLine
              y={planned}
              stroke="var(--text)"
              strokeOpacity={0.55}
              strokeDasharray="5 4"
              label={{ value: t('planLine'), position: 'right', fill: 'var(--muted)', fontSize: 12 }}
            />
            <Bar
              dataKey="sessions"
              name={t('sessionsDone')}
              radius={[3, 3, 0, 0]}
              maxBarSize={48}
              // A sliver for a past week without sessions, so its 0/3 label is drawn; nothing for weeks to come.
              minPointSize={(_v: unknown, i: number) => (points[i]?.future ? 0 : 2)}
              isAnimationActive={false}
            >
              {points.map((p) => (
                <Cell key={p.week} fill={p.met ? 'var(--ok)' : 'var(--accent-2)'} fillOpacity={p.met ? 0.85 : 0.75} />
              ))}
              <LabelList dataKey="doneLabel" position="top" fill="var(--text)" fontSize={12} />
            </Bar>
          </BarChart>
        </ChartFrame>
      </div>
      <p className="legend-note">
        <span className="swatch" style={{ background: 'var(--ok)' }} /> {t('legendMet')}
        <span className="swatch" style={{ background: 'color-mix(in srgb, var(--accent-2) 75%, transparent)' }} /> {t('legendFewer')}
        <span className="swatch dashed" /> {t('legendPlanned')}
        {totals.otherSessions > 0 && <span>{t('legendOther')}</span>}
      </p>
    </div>
  )
})
