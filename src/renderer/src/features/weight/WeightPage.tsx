import { useCallback, useMemo, useState } from 'react'
import { addLocalDays, todayLocal } from '../../../../shared/dates'
import type { WeightEntry } from '../../../../shared/domain'
import { proteinTarget } from '../../../../shared/metrics/nutrition'
import { api } from '../../api'
import { useLoad, useReloadBoth, valueOr } from '../../api/useLoad'
import { WeightTrendChart } from '../../charts/WeightTrendChart'
import { weightChartData } from '../../charts/weightChartData'
import { useToast, useUndoable } from '../../components/Toast'
import { useSettings } from '../../settings'
import { ErrorText } from '../../components/ErrorText'
import { WeightForm } from './WeightForm'
import { type WeightDraft, type WeightErrors, weightErrorsFromResult, weightText } from './weightFormState'
import { formatDate, formatNumber, useT } from '../../i18n'
import { WeightList } from './WeightList'

const PAGE = 20
const RANGES = [
  { key: '90d', label: 'range90d', days: 90 },
  { key: '1y', label: 'range1y', days: 365 },
  { key: 'all', label: 'rangeAll', days: null }
] as const
type RangeKey = (typeof RANGES)[number]['key']

export function WeightPage() {
  const { t } = useT('weight')
  const { settings } = useSettings()
  const unit = settings.weightUnit
  const toast = useToast()
  const undoable = useUndoable()
  const [shown, setShown] = useState(PAGE)
  const [range, setRange] = useState<RangeKey>('1y')
  const loadEntries = useCallback(() => api.weights.list({ limit: shown, offset: 0 }), [shown])
  const loadDaily = useCallback(() => {
    const days = RANGES.find((r) => r.key === range)?.days ?? null
    return api.weights.daily(days === null ? {} : { from: addLocalDays(todayLocal(), -days) })
  }, [range])
  const page = useLoad(loadEntries)
  const dailyLoad = useLoad(loadDaily)
  const refresh = useReloadBoth(page, dailyLoad)
  const entries = page.state === 'ok' ? page.value.items : []
  const total = page.state === 'ok' ? page.value.total : 0
  const loadError = page.state === 'error' ? page.message : null
  const daily = valueOr(dailyLoad, null)

  async function add(draft: WeightDraft): Promise<WeightErrors | null> {
    const r = await api.weights.add(draft)
    if (!r.ok) return weightErrorsFromResult(r.error)
    toast.show(t('toastAdded', { weight: weightText(r.value.kg, unit), date: formatDate(r.value.date) }))
    refresh()
    return null
  }

  async function update(id: number, draft: WeightDraft): Promise<WeightErrors | null> {
    const r = await api.weights.update({ id, ...draft })
    if (!r.ok) return weightErrorsFromResult(r.error)
    toast.show(t('toastSaved', { weight: weightText(r.value.kg, unit), date: formatDate(r.value.date) }))
    refresh()
    return null
  }

  async function remove(entry: WeightEntry): Promise<void> {
    const what = { weight: weightText(entry.kg, unit), date: formatDate(entry.date) }
    await undoable({
      run: () => api.weights.delete({ id: entry.id }),
      done: t('toastDeleted', what),
      undo: () => api.weights.restore({ id: entry.id }),
      undone: t('toastRestored', what),
      after: refresh
    })
  }

  // Built once per answer: the entries' answer, or typing in the form, does not draw the chart again.
  const chart = useMemo(() => daily && weightChartData(daily, unit), [daily, unit])
  const protein = chart?.latestTrendKg != null ? proteinTarget(chart.latestTrendKg) : null

  return (
    <div className="page weight-page">
      <WeightForm unit={unit} onSubmit={add} />

      <section className="card" aria-labelledby="trend-heading">
        <header className="card-head">
          <h2 id="trend-heading">{t('trendHeading')}</h2>
          <div className="segmented" role="radiogroup" aria-label={t('chartRange')}>
            {RANGES.map((r) => (
              <button
                key={r.key}
                type="button"
                role="radio"
                aria-checked={range === r.key}
                className={range === r.key ? 'on' : ''}
                onClick={() => setRange(r.key)}
              >
                {t(r.label)}
              </button>
            ))}
          </div>
        </header>
        {chart && chart.points.length > 0 ? (
          <>
            <dl className="stats">
              <div>
                <dt>{t('trendWeight')}</dt>
                <dd data-testid="trend-weight">{chart.latestTrendKg != null ? weightText(chart.latestTrendKg, unit) : '–'}</dd>
              </div>
              {protein && (
                <div>
                  <dt>{t('proteinTarget')}</dt>
                  <dd data-testid="protein-target">{t('proteinRange', { min: formatNumber(protein.minG), max: formatNumber(protein.maxG) })}</dd>
                </div>
              )}
              <div>
                <dt>{t('daysWeighed')}</dt>
                <dd>{formatNumber(daily?.days ?? 0)}</dd>
              </div>
            </dl>
            <WeightTrendChart points={chart.points} yTicks={chart.yTicks} unit={unit} />
            {chart.downsampled && <p className="hint">{t('downsampled')}</p>}
          </>
        ) : (
          <p className="empty">
            {daily === null ? t('common:loading') : total === 0 ? t('noWeights') : t('noWeightsInRange')}
          </p>
        )}
      </section>

      <section className="card" aria-labelledby="entries-heading">
        <header className="card-head">
          <h2 id="entries-heading">{t('entriesHeading')}</h2>
          <span className="muted">{t('entryCount', { count: total })}</span>
        </header>
        <ErrorText>{loadError}</ErrorText>
        {total === 0 && !loadError ? (
          <p className="empty">{t('nothingLogged')}</p>
        ) : (
          <WeightList entries={entries} unit={unit} onUpdate={update} onDelete={remove} />
        )}
        {entries.length < total && (
          <button type="button" className="more" onClick={() => setShown((n) => n + PAGE)}>
            {t('showMore', { count: Math.min(PAGE, total - entries.length) })}
          </button>
        )}
      </section>
    </div>
  )
}
