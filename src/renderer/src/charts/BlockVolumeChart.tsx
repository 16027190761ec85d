import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ComposedChart,
  LabelList,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis
} from 'recharts'
import type { BlockVolumeData, BlockVolumePoint } from './blockVolumeData'
import { AXIS, axisTitle, LEGEND, MARGIN, TOOLTIP } from './chartStyle'

interface Props {
  data: BlockVolumeData
  blockName: string
}

const LEFT = 64
const RIGHT = 48

const weekTitle = (label: unknown, payload: readonly { payload?: BlockVolumePoint }[] | undefined) => {
  const p = payload?.[0]?.payload
  return p ? `Week ${p.week}: ${p.from} – ${p.to}` : String(label)
}

/**
 * The block's weeks side by side: work time (bars) beside the planned work time (dashed line) and completed reps
 * (line) above; sessions of the block's protocol done per week against the plan (dashed line) below, with the
 * other sessions of the week after a `+`. Both share the week axis and its width.
 */
export function BlockVolumeChart({ data, blockName }: Props) {
  const { points, planned, totals } = data
  const top = data.sessionTicks[data.sessionTicks.length - 1] ?? planned
  return (
    <div className="chart-stack">
      <div
        className="chart"
        role="img"
        aria-label={`Work time and reps per week of ${blockName}: ${totals.workMin} minutes${
          totals.plannedWorkMin !== null ? ` of ${totals.plannedWorkMin} planned` : ''
        } and ${totals.reps} reps in all`}
      >
        <ResponsiveContainer width="100%" height={250}>
          <ComposedChart data={points} margin={MARGIN}>
            <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" {...AXIS} />
            <YAxis yAxisId="min" width={LEFT} allowDecimals={false} {...AXIS} label={axisTitle('work (min)')} />
            <YAxis
              yAxisId="reps"
              orientation="right"
              width={RIGHT}
              allowDecimals={false}
              {...AXIS}
              label={axisTitle('reps', 'right')}
            />
            <Tooltip
              {...TOOLTIP}
              labelFormatter={weekTitle}
              formatter={(value, name) => [name === 'Reps completed' ? `${Number(value)}` : `${Number(value)} min`, name]}
            />
            <Legend {...LEGEND} />
            <Bar yAxisId="min" dataKey="workMin" name="Work time" fill="var(--accent)" radius={[3, 3, 0, 0]} maxBarSize={48} isAnimationActive={false} />
            {totals.plannedWorkMin !== null && (
              <Line
                yAxisId="min"
                dataKey="plannedMin"
                name="Planned work"
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
              name="Reps completed"
              type="linear"
              stroke="var(--accent-2)"
              strokeWidth={2.5}
              dot={{ r: 3.5, fill: 'var(--accent-2)' }}
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <div
        className="chart chart-short"
        role="img"
        aria-label={`Sessions per week of ${blockName}: ${totals.sessions} of ${totals.planned} planned sessions done${
          totals.otherSessions > 0 ? `, and ${totals.otherSessions} other ${totals.otherSessions === 1 ? 'session' : 'sessions'}` : ''
        }`}
      >
        <ResponsiveContainer width="100%" height={160}>
          <BarChart data={points} margin={{ ...MARGIN, top: 20, right: MARGIN.right + RIGHT }}>
            <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" {...AXIS} />
            <YAxis
              width={LEFT}
              domain={[0, top]}
              ticks={data.sessionTicks}
              interval={0}
              allowDecimals={false}
              {...AXIS}
              label={axisTitle('sessions')}
            />
            <Tooltip
              {...TOOLTIP}
              labelFormatter={weekTitle}
              formatter={(value, _name, item) => {
                const other = (item as { payload?: BlockVolumePoint }).payload?.otherSessions ?? 0
                return [`${Number(value)} of ${planned}${other > 0 ? ` (+${other} other)` : ''}`, 'Sessions done']
              }}
            />
            <ReferenceLine
              y={planned}
              stroke="var(--text)"
              strokeOpacity={0.55}
              strokeDasharray="5 4"
              label={{ value: 'plan', position: 'right', fill: 'var(--muted)', fontSize: 12 }}
            />
            <Bar
              dataKey="sessions"
              name="Sessions done"
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
        </ResponsiveContainer>
      </div>
      <p className="legend-note">
        <span className="swatch" style={{ background: 'var(--ok)' }} /> plan met
        <span className="swatch" style={{ background: 'color-mix(in srgb, var(--accent-2) 75%, transparent)' }} /> fewer sessions than planned
        <span className="swatch dashed" /> planned sessions a week
        {totals.otherSessions > 0 && <span>+N: other sessions in the week, not counted against the plan</span>}
      </p>
    </div>
  )
}
