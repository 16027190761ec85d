import { useCallback, useId, useState } from 'react'
import { todayLocal } from '../../../../shared/dates'
import { proteinTarget } from '../../../../shared/metrics/nutrition'
import { formatWeight } from '../../../../shared/units'
import { api } from '../../api'
import { DataTable } from '../../charts/DataTable'
import { rangeInput, type RangeState } from '../../charts/range'
import { type WeightChartPoint, weightChartData } from '../../charts/weightChartData'
import { WeightTrendChart } from '../../charts/WeightTrendChart'
import { useSettings } from '../../settings'
import { ChartPanel } from './ChartPanel'
import { RangePicker } from './RangePicker'
import { errorOf, useLoad } from '../../api/useLoad'

/** Daily mean weights with the smoothed trend, the trend weight and the protein target it implies. */
export function WeightSection() {
  const id = useId()
  const unit = useSettings().settings.weightUnit
  const [range, setRange] = useState<RangeState>({ preset: '3m', from: '', to: '' })
  const input = rangeInput(range, todayLocal())
  const from = input.ok ? input.from : undefined
  const to = input.ok ? input.to : undefined
  const load = useCallback(() => api.weights.daily({ ...(from ? { from } : {}), ...(to ? { to } : {}) }), [from, to])
  const daily = useLoad(input.ok ? load : null)
  const chart = daily.state === 'ok' ? weightChartData(daily.value, unit) : null
  const protein = chart?.latestTrendKg != null ? proteinTarget(chart.latestTrendKg) : null

  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <header className="card-head wrap">
        <h2 id={`${id}-h`}>Body weight</h2>
        <RangePicker label="Body weight range" presets={['3m', '6m', '1y', 'all']} value={range} onChange={setRange} error={input.ok ? null : input.error} />
      </header>
      <div className="weight-layout">
        <ChartPanel
          title="Weight trend"
          testId="weight-trend"
          note="Dots: the day's mean weight. Line: the smoothed trend (each day closes 10 % of the gap)."
          loading={daily.state === 'loading'}
          error={errorOf(daily)}
          empty={
            chart && chart.points.length === 0 ? (
              <>
                No weights in this range. <a href="#/weight">Add your weight</a> to see the trend.
              </>
            ) : undefined
          }
          chart={() =>
            chart && (
              <>
                <WeightTrendChart points={chart.points} yTicks={chart.yTicks} unit={unit} />
                {chart.downsampled && <p className="hint">Long range: nearby days are averaged so the chart stays quick.</p>}
              </>
            )
          }
          table={() =>
            chart && (
              <DataTable<WeightChartPoint>
                caption="Body weight"
                rows={chart.points}
                rowKey={(p) => p.date}
                columns={[
                  { label: 'Date', value: (p) => p.date },
                  { label: `Daily mean (${unit})`, num: true, value: (p) => p.weight.toFixed(1) },
                  { label: `Trend (${unit})`, num: true, value: (p) => p.trend.toFixed(1) }
                ]}
              />
            )
          }
        />
        <dl className="side-stats" aria-label="Weight and protein">
          <div>
            <dt>Trend weight</dt>
            <dd data-testid="dash-trend-weight">{chart?.latestTrendKg != null ? formatWeight(chart.latestTrendKg, unit) : '–'}</dd>
          </div>
          <div>
            <dt>Daily protein target</dt>
            <dd data-testid="dash-protein">{protein ? `${protein.minG}–${protein.maxG} g` : '–'}</dd>
            <dd className="hint">1.4–2.0 g per kg of trend weight</dd>
          </div>
        </dl>
      </div>
    </section>
  )
}
