import { useCallback, useState } from 'react'
import { addLocalDays, todayLocal } from '../../../../shared/dates'
import type { WeightEntry } from '../../../../shared/domain'
import { proteinTarget } from '../../../../shared/metrics/nutrition'
import { formatWeight } from '../../../../shared/units'
import { api } from '../../api'
import { useLoad, useReloadBoth, valueOr } from '../../api/useLoad'
import { WeightTrendChart } from '../../charts/WeightTrendChart'
import { weightChartData } from '../../charts/weightChartData'
import { useToast, useUndoable } from '../../components/Toast'
import { useSettings } from '../../settings'
import { ErrorText } from '../../components/ErrorText'
import { WeightForm } from './WeightForm'
import { type WeightDraft, type WeightErrors, weightErrorsFromResult } from './weightFormState'
import { WeightList } from './WeightList'

const PAGE = 20
const RANGES = [
  { key: '90d', label: '3 months', days: 90 },
  { key: '1y', label: '1 year', days: 365 },
  { key: 'all', label: 'All', days: null }
] as const
type RangeKey = (typeof RANGES)[number]['key']

export function WeightPage() {
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
    toast.show(`Added ${formatWeight(r.value.kg, unit)} on ${r.value.date}.`)
    refresh()
    return null
  }

  async function update(id: number, draft: WeightDraft): Promise<WeightErrors | null> {
    const r = await api.weights.update({ id, ...draft })
    if (!r.ok) return weightErrorsFromResult(r.error)
    toast.show(`Saved ${formatWeight(r.value.kg, unit)} on ${r.value.date}.`)
    refresh()
    return null
  }

  async function remove(entry: WeightEntry): Promise<void> {
    const what = `${formatWeight(entry.kg, unit)} on ${entry.date}`
    await undoable({
      run: () => api.weights.delete({ id: entry.id }),
      done: `Deleted ${what}.`,
      undo: () => api.weights.restore({ id: entry.id }),
      undone: `Restored ${what}.`,
      after: refresh
    })
  }

  const chart = daily ? weightChartData(daily, unit) : null
  const protein = chart?.latestTrendKg != null ? proteinTarget(chart.latestTrendKg) : null

  return (
    <div className="page weight-page">
      <WeightForm unit={unit} onSubmit={add} />

      <section className="card" aria-labelledby="trend-heading">
        <header className="card-head">
          <h2 id="trend-heading">Weight trend</h2>
          <div className="segmented" role="radiogroup" aria-label="Chart range">
            {RANGES.map((r) => (
              <button
                key={r.key}
                type="button"
                role="radio"
                aria-checked={range === r.key}
                className={range === r.key ? 'on' : ''}
                onClick={() => setRange(r.key)}
              >
                {r.label}
              </button>
            ))}
          </div>
        </header>
        {chart && chart.points.length > 0 ? (
          <>
            <dl className="stats">
              <div>
                <dt>Trend weight</dt>
                <dd data-testid="trend-weight">{chart.latestTrendKg != null ? formatWeight(chart.latestTrendKg, unit) : '–'}</dd>
              </div>
              {protein && (
                <div>
                  <dt>Daily protein target</dt>
                  <dd data-testid="protein-target">
                    {protein.minG}–{protein.maxG} g
                  </dd>
                </div>
              )}
              <div>
                <dt>Days weighed</dt>
                <dd>{daily?.days ?? 0}</dd>
              </div>
            </dl>
            <WeightTrendChart points={chart.points} yTicks={chart.yTicks} unit={unit} />
            {chart.downsampled && <p className="hint">Long range: nearby days are averaged so the chart stays quick.</p>}
          </>
        ) : (
          <p className="empty">
            {daily === null ? 'Loading…' : total === 0 ? 'No weights yet. Add your first one above and the trend appears here.' : 'No weights in this range.'}
          </p>
        )}
      </section>

      <section className="card" aria-labelledby="entries-heading">
        <header className="card-head">
          <h2 id="entries-heading">Entries</h2>
          <span className="muted">{total === 1 ? '1 entry' : `${total} entries`}</span>
        </header>
        <ErrorText>{loadError}</ErrorText>
        {total === 0 && !loadError ? (
          <p className="empty">Nothing logged yet.</p>
        ) : (
          <WeightList entries={entries} unit={unit} onUpdate={update} onDelete={remove} />
        )}
        {entries.length < total && (
          <button type="button" className="more" onClick={() => setShown((n) => n + PAGE)}>
            Show {Math.min(PAGE, total - entries.length)} more
          </button>
        )}
      </section>
    </div>
  )
}
