import { useCallback, useId, useState } from 'react'
import { todayLocal } from '../../../../shared/dates'
import type { BlockProgress } from '../../../../shared/metrics/block'
import { api } from '../../api'
import { BlockVolumeChart } from '../../charts/BlockVolumeChart'
import { type BlockVolumePoint, blockVolumeChartData } from '../../charts/blockVolumeData'
import { DataTable } from '../../charts/DataTable'
import { ChartPanel } from './ChartPanel'
import { useLoad } from '../../api/useLoad'
import { plural } from '../../components/blockText'
import { blockWeekDefinition } from '../../charts/weekDefinitions'
import { durationWithUnits } from '../../../../shared/duration'

interface Props {
  blocks: BlockProgress[] | null
  /** The block shown first: the current one, else the latest. */
  defaultBlockId: number | null
}

/**
 * Weeks 1…N of a chosen block: work time beside the planned work, reps, sessions of the block's protocol done vs
 * planned, and the other sessions apart. Whether the other sessions count in the weekly volume is a choice kept
 * while the screen is open (local state, not saved).
 */
export function BlockVolumeSection({ blocks, defaultBlockId }: Props) {
  const id = useId()
  const [picked, setPicked] = useState<number | null>(null)
  const [withOther, setWithOther] = useState(false)
  const blockId = picked ?? defaultBlockId
  const load = useCallback(() => api.stats.blockVolume({ blockId: blockId ?? 0 }), [blockId])
  const volume = useLoad(blockId === null ? null : load)
  const today = todayLocal()
  const data = volume.state === 'ok' ? blockVolumeChartData(volume.value, today, withOther) : null
  const name = volume.state === 'ok' ? volume.value.block.name : ''
  const block = volume.state === 'ok' ? volume.value.block : null
  const planned = volume.state === 'ok' ? volume.value.planned : null

  const selector =
    blocks && blocks.length > 0 ? (
      <span className="picker">
        <label htmlFor={`${id}-b`}>Block</label>
        <select id={`${id}-b`} value={blockId ?? ''} onChange={(e) => setPicked(Number(e.target.value))}>
          {blocks.map((p) => (
            <option key={p.block.id} value={p.block.id}>
              {p.block.name} ({p.block.startDate} – {p.endDate})
            </option>
          ))}
        </select>
      </span>
    ) : null

  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <header className="card-head">
        <h2 id={`${id}-h`} className="nowrap">
          Block volume
        </h2>
        {data && (
          <span className="muted" data-testid="block-volume-total">
            {data.totals.sessions} of {data.totals.planned} sessions
            {data.totals.otherSessions > 0 && <span data-testid="block-volume-other"> (+{plural(data.totals.otherSessions, 'other session')})</span>} ·{' '}
            {data.totals.workMin} min work
            {data.totals.plannedWorkMin !== null && <span data-testid="block-volume-planned"> of {data.totals.plannedWorkMin} planned</span>} ·{' '}
            {data.totals.reps} reps
          </span>
        )}
      </header>
      {block && (
        <p className="week-definition" data-testid="block-week-definition">
          {blockWeekDefinition(block.startDate)}
        </p>
      )}
      <ChartPanel
        title={name ? `Weekly volume of ${name}` : 'Weekly volume'}
        note={
          <>
            Per week of the block: work time (every rep, an abandoned one’s part run included) and completed reps
            {block?.protocolId != null ? ` of the ${block.protocolName ?? 'block’s protocol'} sessions` : ''}
            {withOther ? ', other sessions included' : ''}; below, sessions done against the plan
            {block?.protocolId != null ? ' (other sessions after a +)' : ''}.{' '}
            {planned === null
              ? 'No planned work: the block has no protocol.'
              : planned.weekSeconds === null
                ? 'No planned work time: the protocol gives its reps as distances.'
                : `Planned work: ${block?.sessionsPerWeek ?? 0} sessions × ${durationWithUnits(planned.seconds)} of the protocol’s own plan a week${
                    planned.distanceReps > 0 ? ` (${plural(planned.distanceReps, 'rep')} given as a distance left out)` : ''
                  }.`}
          </>
        }
        controls={
          <>
            {selector}
            {block?.protocolId != null && (
              <label className="inline-check">
                <input type="checkbox" checked={withOther} onChange={(e) => setWithOther(e.target.checked)} data-testid="block-volume-with-other" />
                Count other sessions in the volume
              </label>
            )}
          </>
        }
        loading={blocks === null || (blockId !== null && volume.state === 'loading')}
        empty={
          blocks && blocks.length === 0 ? (
            <>
              No training blocks yet. <a href="#/blocks">Plan a block</a> — for example 10 weeks × 3 sessions — to see its weekly volume here.
            </>
          ) : volume.state === 'error' ? (
            <span className="error">{volume.message}</span>
          ) : undefined
        }
        testId="block-volume"
        chart={() =>
          data && (
            <>
              <BlockVolumeChart data={data} blockName={name} />
              {!data.hasSessions && <p className="hint">No sessions logged in this block yet.</p>}
            </>
          )
        }
        table={() =>
          data && (
            <DataTable<BlockVolumePoint>
              caption={`Weekly volume of ${name}`}
              rows={data.points}
              rowKey={(p) => p.week}
              columns={[
                { label: 'Week', value: (p) => p.week },
                { label: 'Dates', value: (p) => `${p.from} – ${p.to}` },
                { label: 'Sessions', num: true, value: (p) => `${p.sessions} of ${p.planned}` },
                { label: 'Other sessions', num: true, value: (p) => p.otherSessions },
                { label: data.includesOther ? 'Work time, all (min)' : 'Work time (min)', num: true, value: (p) => p.workMin.toFixed(1) },
                { label: 'Planned work (min)', num: true, value: (p) => (p.plannedMin === null ? '–' : p.plannedMin.toFixed(1)) },
                { label: data.includesOther ? 'Reps, all' : 'Reps', num: true, value: (p) => p.reps }
              ]}
            />
          )
        }
      />
    </section>
  )
}
