import { memo, useCallback, useId, useMemo, useState } from 'react'
import { todayLocal } from '../../../../shared/dates'
import { durationClock } from '../../../../shared/duration'
import type { Protocol } from '../../../../shared/training'
import { api } from '../../api'
import { ask } from '../../api/early'
import { DataTable } from '../../charts/DataTable'
import { type BestRow, type ProgressChartPoint, protocolProgressChartData, sprintBestRows } from '../../charts/progressData'
import { DropOffChart, ProtocolProgressChart } from '../../charts/ProtocolProgressChart'
import { rangeInput, type RangeState } from '../../charts/range'
import { ProtocolOptions } from '../../components/ProtocolOptions'
import { ChartPanel } from './ChartPanel'
import { RangePicker } from './RangePicker'
import { errorOf, useLoad } from '../../api/useLoad'
import { useSettings } from '../../settings'
import { formatDate, formatDistance, formatNumber, formatPace, formatSpeed, formatSpeedPace, paceUnitName, speedUnitName, tr, useT } from '../../i18n'
import type { DistanceUnit } from '../../../../shared/units'
import { Linked } from './Tagged'
import { protocolNameById } from '../../i18n/builtins'
import { PROGRESS_RANGE, rangeDates } from './dashboardLoads'

interface Props {
  protocols: Protocol[] | null
  defaultProtocolId: number | null
}

/** A rep's speed in km/h or mph, with its pace per km or mile. */
const speedPace = (v: number | null, unit: DistanceUnit) => (v === null ? '–' : formatSpeedPace(v, unit))
const pct = (v: number | null) => (v === null ? '–' : tr('dashboard:pct', { value: formatNumber(v, 1, 1) }))

/** For one protocol over time: reps, rest per rep, RPE, speed drop-off; and its sprint bests. */
export const ProgressSection = memo(function ProgressSection({ protocols, defaultProtocolId }: Props) {
  const { t } = useT('dashboard')
  const id = useId()
  const unit = useSettings().settings.weightUnit
  const distanceUnit = useSettings().settings.distanceUnit
  const [picked, setPicked] = useState<number | null>(null)
  const protocolId = picked ?? defaultProtocolId ?? protocols?.[0]?.id ?? null
  const [range, setRange] = useState<RangeState>(PROGRESS_RANGE)
  const input = rangeInput(range, todayLocal())
  const { from, to } = rangeDates(input)
  const loadProgress = useCallback(
    () => ask(api.stats.protocolProgress, { protocolId: protocolId ?? 0, ...(from ? { from } : {}), ...(to ? { to } : {}) }),
    [protocolId, from, to]
  )
  const loadBests = useCallback(() => ask(api.stats.sprintBests, { protocolId: protocolId ?? 0 }), [protocolId])
  const progress = useLoad(input.ok && protocolId !== null ? loadProgress : null)
  const bests = useLoad(protocolId === null ? null : loadBests)
  // Built once per answer, so the sprint bests' answer does not draw the charts again.
  const progressValue = progress.state === 'ok' ? progress.value : null
  const bestsValue = bests.state === 'ok' ? bests.value : null
  const data = useMemo(() => progressValue && protocolProgressChartData(progressValue, unit), [progressValue, unit])
  const name = progress.state === 'ok' ? (protocolNameById(protocols, protocolId, progress.value.protocolName) ?? '') : ''
  const rows = useMemo(() => bestsValue && sprintBestRows(bestsValue, unit), [bestsValue, unit])

  const selector = protocols && protocols.length > 0 && (
    <span className="picker">
      <label htmlFor={`${id}-p`}>{t('protocol')}</label>
      <select id={`${id}-p`} value={protocolId ?? ''} onChange={(e) => setPicked(Number(e.target.value))}>
        <ProtocolOptions protocols={protocols} />
      </select>
    </span>
  )
  const none = data && data.points.length === 0

  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <header className="card-head wrap">
        <h2 id={`${id}-h`}>{t('protocolProgression')}</h2>
        <div className="head-controls">
          {selector}
          <RangePicker label={t('progressionRange')} presets={['12w', '6m', '1y', 'all']} value={range} onChange={setRange} error={input.ok ? null : input.error} />
        </div>
      </header>
      <ChartPanel
        title={name ? t('repsRestEffortOf', { name }) : t('repsRestEffort')}
        testId="progression"
        note={t('progressNote')}
        loading={protocols === null || progress.state === 'loading'}
        error={errorOf(progress)}
        empty={
          none ? (
            <Linked text={t('noSessionsOfProtocol')} href="#/log" />
          ) : undefined
        }
        chart={() =>
          data && (
            <>
              <ProtocolProgressChart data={data} protocolName={name} />
              {data.sessionsPerPoint > 1 && <p className="hint">{t('longHistory', { count: data.sessionsPerPoint })}</p>}
            </>
          )
        }
        table={() =>
          data && (
            <DataTable<ProgressChartPoint>
              caption={t('progressionOf', { name })}
              rows={data.points}
              rowKey={(p) => `${p.date}-${p.sessionId}`}
              columns={[
                { label: t('colDate'), value: (p) => formatDate(p.date) },
                { label: t('colRepsDone'), num: true, value: (p) => t('ofPlanned', { done: formatNumber(p.reps, 1), planned: formatNumber(p.planned, 1) }) },
                { label: t('colRestPerRep'), num: true, value: (p) => (p.rest === null ? '–' : durationClock(p.rest)) },
                { label: t('colSessionRpe'), num: true, value: (p) => (p.rpe === null ? '–' : formatNumber(p.rpe, 1)) },
                ...(data.hasLoad
                  ? [{ label: t('colHeaviestLoad', { unit }), num: true, value: (p: ProgressChartPoint) => (p.load === null ? '–' : formatNumber(p.load, 2)) }]
                  : [])
              ]}
            />
          )
        }
      />
      {data && !none && (
        <ChartPanel
          title={t('speedDropOff')}
          testId="drop-off"
          note={t('dropNote', { loaded: data.hasLoadedSpeeds ? 'yes' : 'no' })}
          empty={data.hasSpeeds ? undefined : t('dropEmpty')}
          chart={() => <DropOffChart data={data} distanceUnit={distanceUnit} />}
          table={() => (
            <DataTable<ProgressChartPoint>
              caption={t('speedDropOff')}
              rows={data.points.filter((p) => p.dropOff !== null || p.loadedDropOff !== null)}
              rowKey={(p) => `${p.date}-${p.sessionId}`}
              columns={[
                { label: t('colDate'), value: (p) => formatDate(p.date) },
                { label: t('colFirstRep'), num: true, value: (p) => speedPace(p.firstSpeed, distanceUnit) },
                { label: t('colLastRep'), num: true, value: (p) => speedPace(p.lastSpeed, distanceUnit) },
                { label: t('colDropOff'), num: true, value: (p) => pct(p.dropOff) },
                ...(data.hasLoadedSpeeds
                  ? [
                      { label: t('colLoadedFirst'), num: true, value: (p: ProgressChartPoint) => speedPace(p.loadedFirstSpeed, distanceUnit) },
                      { label: t('colLoadedLast'), num: true, value: (p: ProgressChartPoint) => speedPace(p.loadedLastSpeed, distanceUnit) },
                      { label: t('colLoadedDropOff'), num: true, value: (p: ProgressChartPoint) => pct(p.loadedDropOff) }
                    ]
                  : [])
              ]}
            />
          )}
        />
      )}
      <section className="chart-panel" aria-labelledby={`${id}-b`} data-testid="sprint-bests">
        <header className="panel-head">
          <h3 id={`${id}-b`}>{name ? t('sprintBestsOf', { name }) : t('sprintBests')}</h3>
        </header>
        <p className="panel-note">{t('bestsNote')}</p>
        {rows === null ? (
          <p className="empty">{bests.state === 'error' ? bests.message : t('loading')}</p>
        ) : rows.length === 0 ? (
          <p className="empty">{t('noBests')}</p>
        ) : (
          <DataTable<BestRow>
            caption={t('sprintBests')}
            rows={rows}
            rowKey={(r) => `${r.kind}-${r.bucketSeconds}-${r.loadKg ?? 0}-${r.loadKind ?? ''}`}
            columns={[
              { label: t('colRep'), value: (r) => r.label },
              // The load column appears once any rep carried a load.
              ...(rows.some((r) => r.loadKg !== null) ? [{ label: t('colLoadKind'), value: (r: BestRow) => r.load }] : []),
              // km/h or mph with the pace per km or mile, and the distance in m or yd, as the km / mi switch says.
              { label: t('colBestSpeedIn', { unit: speedUnitName(distanceUnit) }), num: true, value: (r) => formatSpeed(r.speed, distanceUnit) },
              { label: t('colPaceIn', { unit: paceUnitName(distanceUnit) }), num: true, value: (r) => formatPace(r.speed, distanceUnit) },
              {
                label: t('colDistance'),
                num: true,
                value: (r) => tr('units:distanceInTime', { distance: formatDistance(r.distanceMeters, distanceUnit), seconds: formatNumber(r.workSeconds, 1) })
              },
              { label: t('colDate'), value: (r) => <a href={`#/session/${r.sessionId}`}>{formatDate(r.date)}</a> },
              { label: t('colRepsCompared'), num: true, value: (r) => r.reps }
            ]}
          />
        )}
      </section>
    </section>
  )
})
