import { memo, useCallback, useId, useMemo, useState } from 'react'
import { todayLocal } from '../../../../shared/dates'
import { proteinTarget } from '../../../../shared/metrics/nutrition'
import { formatWeight } from '../../../../shared/units'
import { api } from '../../api'
import { ask } from '../../api/early'
import { DataTable } from '../../charts/DataTable'
import { rangeInput, type RangeState } from '../../charts/range'
import { type WeightChartPoint, weightChartData } from '../../charts/weightChartData'
import { WeightTrendChart } from '../../charts/WeightTrendChart'
import { useSettings } from '../../settings'
import { ChartPanel } from './ChartPanel'
import { RangePicker } from './RangePicker'
import { errorOf, useLoad } from '../../api/useLoad'
import { formatDate, formatNumber, useT } from '../../i18n'
import { Linked } from './Tagged'
import { rangeDates, WEIGHT_RANGE } from './dashboardLoads'

/** Daily mean weights with the smoothed trend, the trend weight and the protein target it implies. */
export const WeightSection = memo(function WeightSection() {
  const { t } = useT('dashboard')
  const id = useId()
  const unit = useSettings().settings.weightUnit
  const [range, setRange] = useState<RangeState>(WEIGHT_RANGE)
  const input = rangeInput(range, todayLocal())
  const { from, to } = rangeDates(input)
  const load = useCallback(() => ask(api.weights.daily, { ...(from ? { from } : {}), ...(to ? { to } : {}) }), [from, to])
  const daily = useLoad(input.ok ? load : null)
  const dailyValue = daily.state === 'ok' ? daily.value : null
  const chart = useMemo(() => dailyValue && weightChartData(dailyValue, unit), [dailyValue, unit])
  const protein = chart?.latestTrendKg != null ? proteinTarget(chart.latestTrendKg) : null

  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <header className="card-head wrap">
        <h2 id={`${id}-h`}>{t('bodyWeight')}</h2>
        <RangePicker label={t('bodyWeightRange')} presets={['3m', '6m', '1y', 'all']} value={range} onChange={setRange} error={input.ok ? null : input.error} />
      </header>
      <div className="weight-layout">
        <ChartPanel
          title={t('weightTrend')}
          testId="weight-trend"
          note={t('weightNote')}
          loading={daily.state === 'loading'}
          error={errorOf(daily)}
          empty={
            chart && chart.points.length === 0 ? (
              <Linked text={t('noWeights')} href="#/weight" />
            ) : undefined
          }
          chart={() =>
            chart && (
              <>
                <WeightTrendChart points={chart.points} yTicks={chart.yTicks} unit={unit} />
                {chart.downsampled && <p className="hint">{t('longRangeAveraged')}</p>}
              </>
            )
          }
          table={() =>
            chart && (
              <DataTable<WeightChartPoint>
                caption={t('bodyWeight')}
                rows={chart.points}
                rowKey={(p) => p.date}
                columns={[
                  { label: t('colDate'), value: (p) => formatDate(p.date) },
                  { label: t('colDailyMean', { unit }), num: true, value: (p) => formatNumber(p.weight, 1, 1) },
                  { label: t('colTrend', { unit }), num: true, value: (p) => formatNumber(p.trend, 1, 1) }
                ]}
              />
            )
          }
        />
        <dl className="side-stats" aria-label={t('weightAndProtein')}>
          <div>
            <dt>{t('trendWeight')}</dt>
            <dd data-testid="dash-trend-weight">{chart?.latestTrendKg != null ? formatWeight(chart.latestTrendKg, unit) : '–'}</dd>
          </div>
          <div>
            <dt>{t('proteinTarget')}</dt>
            <dd data-testid="dash-protein">{protein ? t('proteinRange', { min: formatNumber(protein.minG), max: formatNumber(protein.maxG) }) : '–'}</dd>
            <dd className="hint">{t('proteinHint')}</dd>
          </div>
        </dl>
      </div>
    </section>
  )
})
