import { memo, useCallback, useId, useMemo, useState } from 'react'
import { todayLocal } from '../../../../shared/dates'
import { api } from '../../api'
import { ask } from '../../api/early'
import { DataTable } from '../../charts/DataTable'
import { FitnessChart } from '../../charts/FitnessChart'
import { type FitnessPoint, fitnessChartData, type LoadPoint, weeklyLoadChartData } from '../../charts/loadData'
import { rangeInput, type RangeState } from '../../charts/range'
import { WeeklyLoadChart } from '../../charts/WeeklyLoadChart'
import { ChartPanel } from './ChartPanel'
import { RangePicker } from './RangePicker'
import { errorOf, useLoad } from '../../api/useLoad'
import { calendarWeeks } from '../../charts/weekDefinitions'
import { formatDate, formatNumber, useT } from '../../i18n'
import { Linked } from './Tagged'
import { LOAD_RANGE, rangeDates } from './dashboardLoads'

const fmt1 = (n: number) => formatNumber(n, 1, 1)

/** Weekly sRPE load with spikes marked, and fitness / fatigue / form, over a chosen range. */
export const LoadSection = memo(function LoadSection() {
  const { t } = useT('dashboard')
  const id = useId()
  const [range, setRange] = useState<RangeState>(LOAD_RANGE)
  const today = todayLocal()
  const input = rangeInput(range, today)
  const { from, to } = rangeDates(input)
  const loadWeeks = useCallback(() => ask(api.stats.weeklyLoad, { ...(from ? { from } : {}), ...(to ? { to } : {}) }), [from, to])
  const loadFitness = useCallback(() => ask(api.stats.fitness, { ...(from ? { from } : {}), ...(to ? { to } : {}) }), [from, to])
  const weekly = useLoad(input.ok ? loadWeeks : null)
  const fitness = useLoad(input.ok ? loadFitness : null)
  // Each chart's data is built once per answer, so an answer for the other chart does not draw this one again.
  const weeklyValue = weekly.state === 'ok' ? weekly.value : null
  const fitnessValue = fitness.state === 'ok' ? fitness.value : null
  const load = useMemo(() => weeklyValue && weeklyLoadChartData(weeklyValue), [weeklyValue])
  const fit = useMemo(() => fitnessValue && fitnessChartData(fitnessValue), [fitnessValue])
  const rule = weekly.state === 'ok' ? weekly.value.rule : null
  const latest = fit?.latest ?? null

  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <header className="card-head wrap">
        <h2 id={`${id}-h`}>{t('trainingLoad')}</h2>
        <RangePicker label={t('trainingLoadRange')} presets={['4w', '12w', '6m', '1y', 'all']} value={range} onChange={setRange} error={input.ok ? null : input.error} />
      </header>
      <p className="week-definition" data-testid="load-week-definition">
        {calendarWeeks()}
      </p>
      {latest && (
        <dl className="stats" aria-label={t('fitnessToday')}>
          <div>
            <dt>{t('fitness')}</dt>
            <dd data-testid="fitness-now">{fmt1(latest.fitness)}</dd>
          </div>
          <div>
            <dt>{t('fatigue')}</dt>
            <dd data-testid="fatigue-now">{fmt1(latest.fatigue)}</dd>
          </div>
          <div>
            <dt>{t('form')}</dt>
            <dd data-testid="form-now" className={latest.form < 0 ? 'negative' : undefined}>
              {latest.form > 0 ? '+' : ''}
              {fmt1(latest.form)}
            </dd>
          </div>
          <div>
            <dt>{t('sessionsInRange')}</dt>
            <dd data-testid="load-sessions">{load?.sessions ?? 0}</dd>
          </div>
        </dl>
      )}
      <ChartPanel
        title={t('weeklyLoad')}
        testId="weekly-load"
        note={
          rule ? (
            <>
              {t('loadNoteLoad')} <span className="swatch" style={{ background: 'var(--danger)' }} />{' '}
              {t('loadNoteSpike', { ratio: formatNumber(rule.ratio, 2), weeks: rule.baselineWeeks, min: formatNumber(rule.minLoad) })}
            </>
          ) : undefined
        }
        loading={weekly.state === 'loading'}
        error={errorOf(weekly)}
        empty={
          load && load.sessions === 0 ? (
            <Linked text={t('noSessionsInRange')} href="#/log" />
          ) : undefined
        }
        chart={() =>
          load && (
            <>
              <WeeklyLoadChart data={load} />
              {load.unrated > 0 && (
                <p className="hint">{t('unrated', { count: load.unrated })}</p>
              )}
              {load.weeksPerPoint > 1 && <p className="hint">{t('longRangeWeeks', { count: load.weeksPerPoint })}</p>}
            </>
          )
        }
        table={() =>
          load && (
            <DataTable<LoadPoint>
              caption={t('weeklyLoad')}
              rows={load.points}
              rowKey={(p) => p.weekStart}
              columns={[
                { label: t('colWeek'), value: (p) => t('dateRange', { from: formatDate(p.weekStart), to: formatDate(p.weekEnd) }) },
                { label: t('colSessions'), num: true, value: (p) => formatNumber(p.sessions, 1) },
                { label: t('colLoad'), num: true, value: (p) => formatNumber(p.load) },
                { label: t('colBaseline'), num: true, value: (p) => (p.baseline === null ? '–' : formatNumber(p.baseline)) },
                { label: t('colSpike'), value: (p) => (p.spike ? t('spike') : '') }
              ]}
            />
          )
        }
      />
      <ChartPanel
        title={t('fitnessTitle')}
        testId="fitness"
        note={t('fitnessNote')}
        loading={fitness.state === 'loading'}
        error={errorOf(fitness)}
        empty={fit && fit.points.length === 0 ? t('noSessionsYet') : undefined}
        chart={() =>
          fit && (
            <>
              <FitnessChart data={fit} />
              {fit.daysPerPoint > 1 && <p className="hint">{t('longRangeDays', { count: fit.daysPerPoint })}</p>}
            </>
          )
        }
        table={() =>
          fit && (
            <DataTable<FitnessPoint>
              caption={t('fitnessTitle')}
              rows={fit.points}
              rowKey={(p) => p.date}
              columns={[
                { label: t('colDate'), value: (p) => formatDate(p.date) },
                { label: t('colLoad'), num: true, value: (p) => formatNumber(p.load) },
                { label: t('colFitness'), num: true, value: (p) => fmt1(p.fitness) },
                { label: t('colFatigue'), num: true, value: (p) => fmt1(p.fatigue) },
                { label: t('colForm'), num: true, value: (p) => fmt1(p.form) }
              ]}
            />
          )
        }
      />
    </section>
  )
})
