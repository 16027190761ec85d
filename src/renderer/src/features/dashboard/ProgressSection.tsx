import { useCallback, useId, useState } from 'react'
import { todayLocal } from '../../../../shared/dates'
import { durationClock } from '../../../../shared/duration'
import type { Protocol } from '../../../../shared/training'
import { api } from '../../api'
import { DataTable } from '../../charts/DataTable'
import { type BestRow, type ProgressChartPoint, protocolProgressChartData, sprintBestRows } from '../../charts/progressData'
import { DropOffChart, ProtocolProgressChart } from '../../charts/ProtocolProgressChart'
import { rangeInput, type RangeState } from '../../charts/range'
import { ProtocolOptions } from '../../components/ProtocolOptions'
import { ChartPanel } from './ChartPanel'
import { RangePicker } from './RangePicker'
import { errorOf, useLoad } from '../../api/useLoad'
import { useSettings } from '../../settings'

interface Props {
  protocols: Protocol[] | null
  defaultProtocolId: number | null
}

const speed = (v: number | null) => (v === null ? '–' : `${v.toFixed(2)} m/s`)
const pct = (v: number | null) => (v === null ? '–' : `${v.toFixed(1)} %`)

/** For one protocol over time: reps, rest per rep, RPE, speed drop-off; and its sprint bests. */
export function ProgressSection({ protocols, defaultProtocolId }: Props) {
  const id = useId()
  const unit = useSettings().settings.weightUnit
  const [picked, setPicked] = useState<number | null>(null)
  const protocolId = picked ?? defaultProtocolId ?? protocols?.[0]?.id ?? null
  const [range, setRange] = useState<RangeState>({ preset: 'all', from: '', to: '' })
  const input = rangeInput(range, todayLocal())
  const from = input.ok ? input.from : undefined
  const to = input.ok ? input.to : undefined
  const loadProgress = useCallback(
    () => api.stats.protocolProgress({ protocolId: protocolId ?? 0, ...(from ? { from } : {}), ...(to ? { to } : {}) }),
    [protocolId, from, to]
  )
  const loadBests = useCallback(() => api.stats.sprintBests({ protocolId: protocolId ?? 0 }), [protocolId])
  const progress = useLoad(input.ok && protocolId !== null ? loadProgress : null)
  const bests = useLoad(protocolId === null ? null : loadBests)
  const data = progress.state === 'ok' ? protocolProgressChartData(progress.value, unit) : null
  const name = progress.state === 'ok' ? progress.value.protocolName : ''
  const rows = bests.state === 'ok' ? sprintBestRows(bests.value, unit) : null

  const selector = protocols && protocols.length > 0 && (
    <span className="picker">
      <label htmlFor={`${id}-p`}>Protocol</label>
      <select id={`${id}-p`} value={protocolId ?? ''} onChange={(e) => setPicked(Number(e.target.value))}>
        <ProtocolOptions protocols={protocols} />
      </select>
    </span>
  )
  const none = data && data.points.length === 0

  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <header className="card-head wrap">
        <h2 id={`${id}-h`}>Protocol progression</h2>
        <div className="head-controls">
          {selector}
          <RangePicker label="Progression range" presets={['12w', '6m', '1y', 'all']} value={range} onChange={setRange} error={input.ok ? null : input.error} />
        </div>
      </header>
      <ChartPanel
        title={name ? `${name}: reps, rest and effort` : 'Reps, rest and effort'}
        testId="progression"
        note="Per session: completed reps, session RPE, and rest per rep (the mean recovery of the reps that had one)."
        loading={protocols === null || progress.state === 'loading'}
        error={errorOf(progress)}
        empty={
          none ? (
            <>
              No sessions of this protocol in the range. <a href="#/log">Log one</a>.
            </>
          ) : undefined
        }
        chart={() =>
          data && (
            <>
              <ProtocolProgressChart data={data} protocolName={name} />
              {data.sessionsPerPoint > 1 && <p className="hint">Long history: each point is the mean of {data.sessionsPerPoint} sessions.</p>}
            </>
          )
        }
        table={() =>
          data && (
            <DataTable<ProgressChartPoint>
              caption={`Progression of ${name}`}
              rows={data.points}
              rowKey={(p) => `${p.date}-${p.sessionId}`}
              columns={[
                { label: 'Date', value: (p) => p.date },
                { label: 'Reps done', num: true, value: (p) => `${p.reps} of ${p.planned}` },
                { label: 'Rest per rep', num: true, value: (p) => (p.rest === null ? '–' : durationClock(p.rest)) },
                { label: 'Session RPE', num: true, value: (p) => p.rpe ?? '–' },
                ...(data.hasLoad ? [{ label: `Heaviest load (${unit})`, num: true, value: (p: ProgressChartPoint) => p.load ?? '–' }] : [])
              ]}
            />
          )
        }
      />
      {data && !none && (
        <ChartPanel
          title="Speed drop-off"
          testId="drop-off"
          note={`Per session: how much slower the last completed rep with a distance was than the first (speed = distance ÷ work time), over unloaded reps${
            data.hasLoadedSpeeds ? '; loaded reps apart, comparing only reps with the same load' : ''
          }.`}
          empty={data.hasSpeeds ? undefined : 'Log the distance of each rep (two or more in a session) to see how much you slow down from first to last.'}
          chart={() => <DropOffChart data={data} />}
          table={() => (
            <DataTable<ProgressChartPoint>
              caption="Speed drop-off"
              rows={data.points.filter((p) => p.dropOff !== null || p.loadedDropOff !== null)}
              rowKey={(p) => `${p.date}-${p.sessionId}`}
              columns={[
                { label: 'Date', value: (p) => p.date },
                { label: 'First rep', num: true, value: (p) => speed(p.firstSpeed) },
                { label: 'Last rep', num: true, value: (p) => speed(p.lastSpeed) },
                { label: 'Drop-off', num: true, value: (p) => pct(p.dropOff) },
                ...(data.hasLoadedSpeeds
                  ? [
                      { label: 'Loaded first', num: true, value: (p: ProgressChartPoint) => speed(p.loadedFirstSpeed) },
                      { label: 'Loaded last', num: true, value: (p: ProgressChartPoint) => speed(p.loadedLastSpeed) },
                      { label: 'Loaded drop-off', num: true, value: (p: ProgressChartPoint) => pct(p.loadedDropOff) }
                    ]
                  : [])
              ]}
            />
          )}
        />
      )}
      <section className="chart-panel" aria-labelledby={`${id}-b`} data-testid="sprint-bests">
        <header className="panel-head">
          <h3 id={`${id}-b`}>Sprint bests{name ? ` — ${name}` : ''}</h3>
        </header>
        <p className="panel-note">
          All time, completed reps with a distance: the fastest flat rep of each length, and the fastest hill rep. A loaded rep (vest, sled) never sets an
          unloaded best: loaded reps have bests of their own, per load.
        </p>
        {rows === null ? (
          <p className="empty">{bests.state === 'error' ? bests.message : 'Loading…'}</p>
        ) : rows.length === 0 ? (
          <p className="empty">No reps with a distance yet: add the distance of your sprints when you log them to see your best speeds.</p>
        ) : (
          <DataTable<BestRow>
            caption="Sprint bests"
            rows={rows}
            rowKey={(r) => `${r.kind}-${r.bucketSeconds}-${r.loadKg ?? 0}-${r.loadKind ?? ''}`}
            columns={[
              { label: 'Rep', value: (r) => r.label },
              // The load column appears once any rep carried a load.
              ...(rows.some((r) => r.loadKg !== null) ? [{ label: 'Load', value: (r: BestRow) => r.load }] : []),
              { label: 'Best speed', num: true, value: (r) => `${r.speed.toFixed(2)} m/s` },
              { label: 'km/h', num: true, value: (r) => r.kmh.toFixed(1) },
              { label: 'Distance', num: true, value: (r) => `${r.distanceMeters} m in ${r.workSeconds} s` },
              { label: 'Date', value: (r) => <a href={`#/session/${r.sessionId}`}>{r.date}</a> },
              { label: 'Reps compared', num: true, value: (r) => r.reps }
            ]}
          />
        )}
      </section>
    </section>
  )
}
