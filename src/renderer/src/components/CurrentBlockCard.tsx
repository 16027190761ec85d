import { useId } from 'react'
import type { BlockProgress } from '../../../shared/metrics/block'
import { href } from '../router'
import { useT } from '../i18n'
import { protocolNameOf } from '../i18n/builtins'
import { weekLabel } from './blockText'
import { BlockMeta } from './BlockMeta'
import './CurrentBlockCard.css'

interface Props {
  /** The block to show: null when there is none. */
  progress: BlockProgress | null
  /** Opens the create form; without it the empty state links to the Blocks screen instead. */
  onCreate?: () => void
}

/** A compact card with the current training block: where you are in it and how many sessions are done. */
export function CurrentBlockCard({ progress, onCreate }: Props) {
  return progress ? <BlockSummary progress={progress} /> : <NoBlock onCreate={onCreate} />
}

function BlockSummary({ progress: p }: { progress: BlockProgress }) {
  const { t } = useT('components')
  const id = useId()
  const b = p.block
  return (
    <section className={`card block-card block-${p.status}`} aria-labelledby={`${id}-name`} data-testid="current-block">
      <header className="card-head">
        <div>
          <p className="eyebrow">{t(p.status === 'upcoming' ? 'eyebrowNext' : p.status === 'finished' ? 'eyebrowLast' : 'eyebrowCurrent')}</p>
          <h2 id={`${id}-name`}>{b.name}</h2>
        </div>
        <span className={`block-status ${p.status}`} data-testid="block-week">
          {weekLabel(p)}
        </span>
      </header>
      <BlockMeta block={b} endDate={p.endDate} />
      <WeekStrip progress={p} />
      <div className="meters">
        {p.status === 'active' && <Meter label={t('meterThisWeek')} done={p.sessionsThisWeek} planned={p.plannedThisWeek} other={p.otherThisWeek} />}
        <Meter label={t('meterWholeBlock')} done={p.sessionsTotal} planned={p.plannedTotal} other={p.otherTotal} />
      </div>
      {b.protocolId !== null && p.otherTotal > 0 && (
        <p className="muted block-other-note">{t('otherNote', { protocol: protocolNameOf(b.protocolUuid, b.protocolName) ?? t('theBlocksProtocol') })}</p>
      )}
      <p className="block-links">
        <a href={href({ name: 'calendar', id: b.id })}>{t('openCalendar')}</a>
      </p>
    </section>
  )
}

/** One segment per week: done weeks filled, the current one marked. Decorative; the text says the same. */
function WeekStrip({ progress: p }: { progress: BlockProgress }) {
  const current = p.status === 'finished' ? p.block.weeks + 1 : p.status === 'upcoming' ? 0 : (p.week ?? 0)
  return (
    <div className="week-strip" aria-hidden="true">
      {Array.from({ length: p.block.weeks }, (_, i) => (
        <span key={i} className={i + 1 < current ? 'past' : i + 1 === current ? 'now' : ''} />
      ))}
    </div>
  )
}

function Meter({ label, done, planned, other }: { label: string; done: number; planned: number; other: number }) {
  const { t } = useT('components')
  const id = useId()
  const pct = planned > 0 ? Math.min(100, (done / planned) * 100) : 0
  const text = t('meterOf', { done, planned })
  return (
    <div className={done >= planned && planned > 0 ? 'meter-row complete' : 'meter-row'}>
      <span className="meter-label" id={`${id}-label`}>
        {label}
      </span>
      <div
        className="meter"
        role="progressbar"
        aria-labelledby={`${id}-label`}
        aria-valuemin={0}
        aria-valuemax={planned}
        aria-valuenow={Math.min(done, planned)}
        aria-valuetext={t('meterValueText', { done, planned })}
      >
        <div className="meter-fill" style={{ width: `${pct}%` }} />
      </div>
      <span className="meter-value">
        {text} <span className="muted">{t('meterSessions', { planned })}</span>
        {other > 0 && (
          <span className="meter-other" data-testid="block-other-sessions">
            {t('otherSessions', { count: other })}
          </span>
        )}
      </span>
    </div>
  )
}

function NoBlock({ onCreate }: { onCreate?: (() => void) | undefined }) {
  const { t } = useT('components')
  const id = useId()
  return (
    <section className="card block-card block-none" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('noBlockTitle')}</h2>
      <p className="muted">{t('noBlockText')}</p>
      {onCreate ? (
        <button type="button" className="primary" onClick={onCreate}>
          {t('createBlock')}
        </button>
      ) : (
        <a className="button primary" href="#/blocks">
          {t('planBlock')}
        </a>
      )}
    </section>
  )
}
