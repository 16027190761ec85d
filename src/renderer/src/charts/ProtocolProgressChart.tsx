import { memo } from 'react'
import { ChartFrame } from './ChartFrame'
import { ChartGrid } from './ChartGrid'
import { ChartLegend } from './ChartLegend'
import { ComposedChart, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts'
import { durationClock } from '../../../shared/duration'
import { formatNumber, formatSpeed, useT } from '../i18n'
import type { DistanceUnit } from '../../../shared/units'
import { AXIS, axisTitle, dotsFor, fullDate, MARGIN, TIME_AXIS, timeTickFormat, TOOLTIP } from './chartStyle'
import type { ProgressChartData, ProgressChartPoint } from './progressData'

interface Props {
  data: ProgressChartData
  protocolName: string
}

const spanOf = (data: ProgressChartData) => {
  const first = data.points[0]
  const last = data.points[data.points.length - 1]
  return first && last ? (last.t - first.t) / 86_400_000 : 0
}

/** Per session of a protocol: completed reps and session RPE (left axis), rest per rep (right axis, m:ss). */
export const ProtocolProgressChart = memo(function ProtocolProgressChart({ data, protocolName }: Props) {
  const { t } = useT('charts')
  const { points } = data
  const restName = t('restPerRep')
  const tick = timeTickFormat(spanOf(data))
  const dots = dotsFor(points.length)
  const last = points[points.length - 1]
  const countTop = data.countTicks[data.countTicks.length - 1] ?? 10
  const restTop = data.restTicks[data.restTicks.length - 1] ?? 60
  return (
    <div
      className="chart"
      role="img"
      aria-label={t('progressAria', {
        name: protocolName,
        count: points.length,
        merged: data.sessionsPerPoint > 1 ? 'yes' : 'no',
        last: last
          ? t('progressAriaLast', {
              reps: formatNumber(last.reps, 1),
              rest: last.rest === null ? t('none') : durationClock(last.rest),
              rpe: last.rpe === null ? t('notRecorded') : formatNumber(last.rpe, 1)
            })
          : ''
      })}
    >
      <ChartFrame height={260}>
        <ComposedChart data={points} margin={MARGIN}>
          <ChartGrid />
          <XAxis {...TIME_AXIS} padding={{ left: 12, right: 12 }} tickFormatter={tick} minTickGap={28} {...AXIS} />
          <YAxis
            yAxisId="n"
            width={64}
            domain={[0, countTop]}
            ticks={data.countTicks}
            {...AXIS}
            label={axisTitle(data.hasLoad ? t('axisRepsRpeLoad', { unit: data.loadUnit }) : t('axisRepsRpe'))}
          />
          <YAxis
            yAxisId="rest"
            orientation="right"
            width={56}
            tickFormatter={(s: number) => durationClock(s)}
            domain={[0, restTop]}
            ticks={data.restTicks}
            {...AXIS}
            label={axisTitle(t('axisRest'), 'right')}
          />
          <Tooltip
            {...TOOLTIP}
            cursor={{ stroke: 'var(--muted)' }}
            labelFormatter={(t) => fullDate(Number(t))}
            formatter={(value, name) => [name === restName ? durationClock(Number(value)) : formatNumber(Number(value), 2), name]}
          />
          <ChartLegend />
          <Line yAxisId="n" dataKey="reps" name={t('repsCompleted')} type="linear" stroke="var(--accent)" strokeWidth={2.5} dot={dots} isAnimationActive={false} />
          {data.hasRpe && (
            <Line yAxisId="n" dataKey="rpe" name={t('sessionRpe')} type="linear" stroke="var(--accent-2)" strokeWidth={2} dot={dots} connectNulls isAnimationActive={false} />
          )}
          {data.hasLoad && (
            <Line
              yAxisId="n"
              dataKey="load"
              name={t('heaviestLoad', { unit: data.loadUnit })}
              type="linear"
              stroke="var(--text)"
              strokeWidth={2}
              strokeDasharray="2 3"
              dot={dots}
              connectNulls
              isAnimationActive={false}
            />
          )}
          {data.hasRest && (
            <Line
              yAxisId="rest"
              dataKey="rest"
              name={restName}
              type="stepAfter"
              stroke="var(--ok)"
              strokeWidth={2}
              strokeDasharray="6 3"
              dot={false}
              connectNulls
              isAnimationActive={false}
            />
          )}
        </ComposedChart>
      </ChartFrame>
    </div>
  )
})

/** Speed drop-off per session, first to last rep with a distance (positive: slower at the end); the tooltip names both speeds in km/h or mph. */
export const DropOffChart = memo(function DropOffChart({ data, distanceUnit }: { data: ProgressChartData; distanceUnit: DistanceUnit }) {
  const { t } = useT('charts')
  const points = data.points.filter((p) => p.dropOff !== null || p.loadedDropOff !== null)
  const tick = timeTickFormat(spanOf(data))
  const unloaded = points.filter((p) => p.dropOff !== null)
  const mean = unloaded.reduce((s, p) => s + (p.dropOff ?? 0), 0) / Math.max(1, unloaded.length)
  return (
    <div
      className="chart chart-short"
      role="img"
      aria-label={t('dropAria', { count: points.length, mean: formatNumber(mean, 1, 1), loaded: data.hasLoadedSpeeds ? 'yes' : 'no' })}
    >
      <ChartFrame height={200}>
        {/* The right margin matches the progression chart's rest axis, so the two date axes line up. */}
        <ComposedChart data={points} margin={{ ...MARGIN, right: MARGIN.right + 56 }}>
          <ChartGrid />
          <XAxis {...TIME_AXIS} padding={{ left: 12, right: 12 }} tickFormatter={tick} minTickGap={28} {...AXIS} />
          <YAxis width={64} unit=" %" allowDecimals={false} {...AXIS} label={axisTitle(t('axisDropOff'))} />
          <Tooltip
            {...TOOLTIP}
            cursor={{ stroke: 'var(--muted)' }}
            labelFormatter={(t) => fullDate(Number(t))}
            formatter={(value, name, item) => {
              const pct = t('valuePct', { value: formatNumber(Number(value), 1, 1) })
              const p = (item as { payload?: ProgressChartPoint }).payload
              const [first, last] = item.dataKey === 'loadedDropOff' ? [p?.loadedFirstSpeed, p?.loadedLastSpeed] : [p?.firstSpeed, p?.lastSpeed]
              return [first != null && last != null ? t('dropTooltip', { pct, first: formatSpeed(first, distanceUnit), last: formatSpeed(last, distanceUnit) }) : pct, name]
            }}
          />
          <ReferenceLine y={0} stroke="var(--muted)" />
          {data.hasLoadedSpeeds && <ChartLegend />}
          <Line dataKey="dropOff" name={data.hasLoadedSpeeds ? t('unloadedReps') : t('dropOffLine')} stroke="var(--accent)" strokeWidth={2} dot={dotsFor(points.length)} connectNulls isAnimationActive={false} />
          {data.hasLoadedSpeeds && (
            <Line
              dataKey="loadedDropOff"
              name={t('loadedReps')}
              stroke="var(--accent-2)"
              strokeWidth={2}
              strokeDasharray="6 3"
              dot={dotsFor(points.length)}
              connectNulls
              isAnimationActive={false}
            />
          )}
        </ComposedChart>
      </ChartFrame>
    </div>
  )
})
