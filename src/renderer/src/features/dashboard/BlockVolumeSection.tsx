import { useCallback, useId, useState } from 'react'
import { todayLocal } from '../../../../shared/dates'
import type { BlockProgress } from '../../../../shared/metrics/block'
import { api } from '../../api'
import { BlockVolumeChart } from '../../charts/BlockVolumeChart'
import { type BlockVolumePoint, blockVolumeChartData } from '../../charts/blockVolumeData'
import { DataTable } from '../../charts/DataTable'
import { ChartPanel } from './ChartPanel'
import { useLoad } from '../../api/useLoad'

interface Props {
  blocks: BlockProgress[] | null
  /** The block shown first: the current one, else the latest. */
  defaultBlockId: number | null
}

/** Weeks 1…N of a chosen block: work time, reps, sessions done vs planned. */
export function BlockVolumeSection({ blocks, defaultBlockId }: Props) {
  const id = useId()
  const [picked, setPicked] = useState<number | null>(null)
  const blockId = picked ?? defaultBlockId
  const load = useCallback(() => api.stats.blockVolume({ blockId: blockId ?? 0 }), [blockId])
  const volume = useLoad(blockId === null ? null : load)
  const today = todayLocal()
  const data = volume.state === 'ok' ? blockVolumeChartData(volume.value, today) : null
  const name = volume.state === 'ok' ? volume.value.block.name : ''

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
        <h2 id={`${id}-h`}>Block volume</h2>
        {data && (
          <span className="muted" data-testid="block-volume-total">
            {data.totals.sessions} of {data.totals.planned} sessions · {data.totals.workMin} min work · {data.totals.reps} reps
          </span>
        )}
      </header>
      <ChartPanel
        title={name ? `Weekly volume of ${name}` : 'Weekly volume'}
        note="Per week of the block (weeks counted from its start date): work time at intensity and completed reps; below, sessions done against the plan."
        controls={selector}
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
                { label: 'Work time (min)', num: true, value: (p) => p.workMin.toFixed(1) },
                { label: 'Reps', num: true, value: (p) => p.reps }
              ]}
            />
          )
        }
      />
    </section>
  )
}
