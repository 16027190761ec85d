import { useCallback, useId, useState } from 'react'
import { todayLocal } from '../../../../shared/dates'
import { api } from '../../api'
import { DataTable } from '../../charts/DataTable'
import { FitnessChart } from '../../charts/FitnessChart'
import { type FitnessPoint, fitnessChartData, type LoadPoint, weeklyLoadChartData } from '../../charts/loadData'
import { rangeInput, type RangeState } from '../../charts/range'
import { WeeklyLoadChart } from '../../charts/WeeklyLoadChart'
import { ChartPanel } from './ChartPanel'
import { RangePicker } from './RangePicker'
import { errorOf, useLoad } from '../../api/useLoad'
import { CALENDAR_WEEKS } from '../../charts/weekDefinitions'

const fmt1 = (n: number) => n.toFixed(1)

/** Weekly sRPE load with spikes marked, and fitness / fatigue / form, over a chosen range. */
export function LoadSection() {
  const id = useId()
  const [range, setRange] = useState<RangeState>({ preset: '12w', from: '', to: '' })
  const today = todayLocal()
  const input = rangeInput(range, today)
  const from = input.ok ? input.from : undefined
  const to = input.ok ? input.to : undefined
  const loadWeeks = useCallback(() => api.stats.weeklyLoad({ ...(from ? { from } : {}), ...(to ? { to } : {}) }), [from, to])
  const loadFitness = useCallback(() => api.stats.fitness({ ...(from ? { from } : {}), ...(to ? { to } : {}) }), [from, to])
  const weekly = useLoad(input.ok ? loadWeeks : null)
  const fitness = useLoad(input.ok ? loadFitness : null)
  const load = weekly.state === 'ok' ? weeklyLoadChartData(weekly.value) : null
  const fit = fitness.state === 'ok' ? fitnessChartData(fitness.value) : null
  const rule = weekly.state === 'ok' ? weekly.value.rule : null
  const latest = fit?.latest ?? null

  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <header className="card-head wrap">
        <h2 id={`${id}-h`}>Training load</h2>
        <RangePicker label="Training load range" presets={['4w', '12w', '6m', '1y', 'all']} value={range} onChange={setRange} error={input.ok ? null : input.error} />
      </header>
      <p className="week-definition" data-testid="load-week-definition">
        {CALENDAR_WEEKS}
      </p>
      {latest && (
        <dl className="stats" aria-label="Fitness today">
          <div>
            <dt>Fitness</dt>
            <dd data-testid="fitness-now">{fmt1(latest.fitness)}</dd>
          </div>
          <div>
            <dt>Fatigue</dt>
            <dd data-testid="fatigue-now">{fmt1(latest.fatigue)}</dd>
          </div>
          <div>
            <dt>Form</dt>
            <dd data-testid="form-now" className={latest.form < 0 ? 'negative' : undefined}>
              {latest.form > 0 ? '+' : ''}
              {fmt1(latest.form)}
            </dd>
          </div>
          <div>
            <dt>Sessions in range</dt>
            <dd data-testid="load-sessions">{load?.sessions ?? 0}</dd>
          </div>
        </dl>
      )}
      <ChartPanel
        title="Weekly load"
        testId="weekly-load"
        note={
          rule ? (
            <>
              Session load (sRPE) = session RPE × duration in minutes (an untimed walk-down counted as its estimate), summed Monday to
              Sunday.{' '}
              <span className="swatch" style={{ background: 'var(--danger)' }} /> A spike is a week above {rule.ratio} × the mean of the{' '}
              {rule.baselineWeeks} weeks before it and at least {rule.minLoad} AU (judged once {rule.baselineWeeks} weeks of history exist).
            </>
          ) : undefined
        }
        loading={weekly.state === 'loading'}
        error={errorOf(weekly)}
        empty={
          load && load.sessions === 0 ? (
            <>
              No sessions in this range. <a href="#/log">Log a session</a> with its RPE to see its load.
            </>
          ) : undefined
        }
        chart={() =>
          load && (
            <>
              <WeeklyLoadChart data={load} />
              {load.unrated > 0 && (
                <p className="hint">
                  {load.unrated} {load.unrated === 1 ? 'session has' : 'sessions have'} no RPE and so no load; rate sessions about 30 minutes
                  after them.
                </p>
              )}
              {load.weeksPerPoint > 1 && <p className="hint">Long range: each bar is the mean of {load.weeksPerPoint} weeks.</p>}
            </>
          )
        }
        table={() =>
          load && (
            <DataTable<LoadPoint>
              caption="Weekly load"
              rows={load.points}
              rowKey={(p) => p.weekStart}
              columns={[
                { label: 'Week', value: (p) => `${p.weekStart} – ${p.weekEnd}` },
                { label: 'Sessions', num: true, value: (p) => p.sessions },
                { label: 'Load (AU)', num: true, value: (p) => p.load },
                { label: '4-week mean (AU)', num: true, value: (p) => p.baseline ?? '–' },
                { label: 'Spike', value: (p) => (p.spike ? 'Spike' : '') }
              ]}
            />
          )
        }
      />
      <ChartPanel
        title="Fitness, fatigue and form"
        testId="fitness"
        note="From daily load since your first session: fitness is the 42-day and fatigue the 7-day exponentially weighted load; form = fitness − fatigue (negative: tired, positive: fresh)."
        loading={fitness.state === 'loading'}
        error={errorOf(fitness)}
        empty={fit && fit.points.length === 0 ? 'No sessions yet: fitness and fatigue start with your first logged session.' : undefined}
        chart={() =>
          fit && (
            <>
              <FitnessChart data={fit} />
              {fit.daysPerPoint > 1 && <p className="hint">Long range: each point is the mean of {fit.daysPerPoint} days.</p>}
            </>
          )
        }
        table={() =>
          fit && (
            <DataTable<FitnessPoint>
              caption="Fitness, fatigue and form"
              rows={fit.points}
              rowKey={(p) => p.date}
              columns={[
                { label: 'Date', value: (p) => p.date },
                { label: 'Load (AU)', num: true, value: (p) => p.load },
                { label: 'Fitness', num: true, value: (p) => fmt1(p.fitness) },
                { label: 'Fatigue', num: true, value: (p) => fmt1(p.fatigue) },
                { label: 'Form', num: true, value: (p) => fmt1(p.form) }
              ]}
            />
          )
        }
      />
    </section>
  )
}
