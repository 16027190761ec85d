import { Bar, CartesianGrid, Cell, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { AXIS, axisTitle, fullDate, LEGEND, MARGIN, timeTickFormat, TOOLTIP } from './chartStyle'
import type { LoadChartData, LoadPoint } from './loadData'
import { utcDay } from './weightChartData'

interface Props {
  data: LoadChartData
}

/** Weekly sRPE load as bars, spikes in the warning colour, and the 4-week baseline the spike rule compares with. */
export function WeeklyLoadChart({ data }: Props) {
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
      aria-label={`Weekly load chart: ${points.length} ${data.weeksPerPoint > 1 ? 'points' : 'weeks'}, heaviest ${data.maxLoad} AU, ${data.spikes} load ${data.spikes === 1 ? 'spike' : 'spikes'}`}
    >
      <ResponsiveContainer width="100%" height={260}>
        <ComposedChart data={points} margin={MARGIN} barCategoryGap={points.length > 120 ? 0 : '15%'}>
          <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="weekStart" tickFormatter={(d: string) => tick(utcDay(d))} minTickGap={28} {...AXIS} />
          <YAxis
            width={64}
            domain={[0, data.yTicks[data.yTicks.length - 1] ?? 'auto']}
            ticks={data.yTicks}
            {...AXIS}
            label={axisTitle('load (AU)')}
          />
          <Tooltip
            {...TOOLTIP}
            labelFormatter={(d) => {
              const p = byStart.get(String(d)) as LoadPoint | undefined
              if (!p) return String(d)
              const head = `Week of ${fullDate(p.t)}${data.weeksPerPoint > 1 ? ` (+${data.weeksPerPoint - 1} weeks, mean)` : ''}`
              return p.spike ? `${head} — load spike` : head
            }}
            formatter={(value, name) => [value === null ? '–' : `${Number(value)} AU`, name]}
          />
          <Legend {...LEGEND} />
          <Bar dataKey="load" name="Weekly load" fill="var(--accent-2)" isAnimationActive={false} maxBarSize={40}>
            {points.map((p) => (
              <Cell key={p.weekStart} fill={p.spike ? 'var(--danger)' : 'var(--accent-2)'} />
            ))}
          </Bar>
          <Line
            dataKey="baseline"
            name="Mean of the 4 weeks before"
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
      </ResponsiveContainer>
    </div>
  )
}
