import { memo, useCallback, useId, useMemo, useState } from 'react'
import { todayLocal } from '../../../../shared/dates'
import type { BlockProgress } from '../../../../shared/metrics/block'
import { api } from '../../api'
import { ask } from '../../api/early'
import { BlockVolumeChart } from '../../charts/BlockVolumeChart'
import { type BlockVolumePoint, blockVolumeChartData } from '../../charts/blockVolumeData'
import { DataTable } from '../../charts/DataTable'
import { ChartPanel } from './ChartPanel'
import { useLoad } from '../../api/useLoad'
import { blockWeekDefinition } from '../../charts/weekDefinitions'
import { durationText } from '../../charts/progressData'
import { formatDate, formatNumber, useT } from '../../i18n'
import { Linked } from './Tagged'
import { protocolNameOf } from '../../i18n/builtins'

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
export const BlockVolumeSection = memo(function BlockVolumeSection({ blocks, defaultBlockId }: Props) {
  const { t } = useT('dashboard')
  const id = useId()
  const [picked, setPicked] = useState<number | null>(null)
  const [withOther, setWithOther] = useState(false)
  const blockId = picked ?? defaultBlockId
  const load = useCallback(() => ask(api.stats.blockVolume, { blockId: blockId ?? 0 }), [blockId])
  const volume = useLoad(blockId === null ? null : load)
  const today = todayLocal()
  const volumeValue = volume.state === 'ok' ? volume.value : null
  const data = useMemo(() => volumeValue && blockVolumeChartData(volumeValue, today, withOther), [volumeValue, today, withOther])
  const name = volume.state === 'ok' ? volume.value.block.name : ''
  const block = volume.state === 'ok' ? volume.value.block : null
  const planned = volume.state === 'ok' ? volume.value.planned : null

  const selector =
    blocks && blocks.length > 0 ? (
      <span className="picker">
        <label htmlFor={`${id}-b`}>{t('block')}</label>
        <select id={`${id}-b`} value={blockId ?? ''} onChange={(e) => setPicked(Number(e.target.value))}>
          {blocks.map((p) => (
            <option key={p.block.id} value={p.block.id}>
              {t('blockOption', { name: p.block.name, from: formatDate(p.block.startDate), to: formatDate(p.endDate) })}
            </option>
          ))}
        </select>
      </span>
    ) : null

  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <header className="card-head">
        <h2 id={`${id}-h`} className="nowrap">
          {t('blockVolume')}
        </h2>
        {data && (
          <span className="muted" data-testid="block-volume-total">
            {t('volumeTotal', {
              sessions: data.totals.sessions,
              planned: data.totals.planned,
              other: data.totals.otherSessions,
              workMin: formatNumber(data.totals.workMin, 1),
              plannedWork: data.totals.plannedWorkMin === null ? 'none' : formatNumber(data.totals.plannedWorkMin, 1),
              reps: data.totals.reps
            })}
          </span>
        )}
      </header>
      {block && (
        <p className="week-definition" data-testid="block-week-definition">
          {blockWeekDefinition(block.startDate)}
        </p>
      )}
      <ChartPanel
        title={name ? t('weeklyVolumeOf', { name }) : t('weeklyVolume')}
        note={
          <>
            {t('volumeNote', {
              protocol: block?.protocolId != null ? (protocolNameOf(block.protocolUuid, block.protocolName) ?? t('theBlocksProtocol')) : 'none',
              withOther: withOther ? 'yes' : 'no'
            })}{' '}
            {planned === null
              ? t('noPlannedNoProtocol')
              : planned.weekSeconds === null
                ? t('noPlannedDistance')
                : t('plannedWork', { perWeek: block?.sessionsPerWeek ?? 0, duration: durationText(planned.seconds), distanceReps: planned.distanceReps })}
          </>
        }
        controls={
          <>
            {selector}
            {block?.protocolId != null && (
              <label className="inline-check">
                <input type="checkbox" checked={withOther} onChange={(e) => setWithOther(e.target.checked)} data-testid="block-volume-with-other" />
                {t('countOther')}
              </label>
            )}
          </>
        }
        loading={blocks === null || (blockId !== null && volume.state === 'loading')}
        empty={
          blocks && blocks.length === 0 ? (
            <Linked text={t('noBlocks')} href="#/blocks" />
          ) : volume.state === 'error' ? (
            <span className="error">{volume.message}</span>
          ) : undefined
        }
        testId="block-volume"
        chart={() =>
          data && (
            <>
              <BlockVolumeChart data={data} blockName={name} />
              {!data.hasSessions && <p className="hint">{t('noSessionsInBlock')}</p>}
            </>
          )
        }
        table={() =>
          data && (
            <DataTable<BlockVolumePoint>
              caption={t('weeklyVolumeOf', { name })}
              rows={data.points}
              rowKey={(p) => p.week}
              columns={[
                { label: t('colWeek'), value: (p) => p.week },
                { label: t('colDates'), value: (p) => t('dateRange', { from: formatDate(p.from), to: formatDate(p.to) }) },
                { label: t('colSessions'), num: true, value: (p) => t('ofPlanned', { done: p.sessions, planned: p.planned }) },
                { label: t('colOtherSessions'), num: true, value: (p) => p.otherSessions },
                { label: data.includesOther ? t('colWorkAll') : t('colWork'), num: true, value: (p) => formatNumber(p.workMin, 1, 1) },
                { label: t('colPlannedWork'), num: true, value: (p) => (p.plannedMin === null ? '–' : formatNumber(p.plannedMin, 1, 1)) },
                { label: data.includesOther ? t('colRepsAll') : t('colReps'), num: true, value: (p) => p.reps }
              ]}
            />
          )
        }
      />
    </section>
  )
})
