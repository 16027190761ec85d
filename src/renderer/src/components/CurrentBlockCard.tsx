import { useId } from 'react'
import type { BlockProgress } from '../../../shared/metrics/block'
import { href } from '../router'
import { plural, weekLabel } from './blockText'
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
  const id = useId()
  const b = p.block
  return (
    <section className={`card block-card block-${p.status}`} aria-labelledby={`${id}-name`} data-testid="current-block">
      <header className="card-head">
        <div>
          <p className="eyebrow">{p.status === 'upcoming' ? 'Next block' : p.status === 'finished' ? 'Last block' : 'Current block'}</p>
          <h2 id={`${id}-name`}>{b.name}</h2>
        </div>
        <span className={`block-status ${p.status}`} data-testid="block-week">
          {weekLabel(p)}
        </span>
      </header>
      <BlockMeta block={b} endDate={p.endDate} />
      <WeekStrip progress={p} />
      <div className="meters">
        {p.status === 'active' && <Meter label="This week" done={p.sessionsThisWeek} planned={p.plannedThisWeek} other={p.otherThisWeek} />}
        <Meter label="Whole block" done={p.sessionsTotal} planned={p.plannedTotal} other={p.otherTotal} />
      </div>
      {b.protocolId !== null && p.otherTotal > 0 && (
        <p className="muted block-other-note">Sessions done count {b.protocolName ?? 'the block’s protocol'} sessions; other sessions in the block are shown apart.</p>
      )}
      <p className="block-links">
        <a href={href({ name: 'calendar', id: b.id })}>Open the block’s calendar</a>
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
  const id = useId()
  const pct = planned > 0 ? Math.min(100, (done / planned) * 100) : 0
  const text = `${done} of ${planned}`
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
        aria-valuetext={`${text} sessions`}
      >
        <div className="meter-fill" style={{ width: `${pct}%` }} />
      </div>
      <span className="meter-value">
        {text} <span className="muted">{planned === 1 ? 'session' : 'sessions'}</span>
        {other > 0 && (
          <span className="meter-other" data-testid="block-other-sessions">
            +{plural(other, 'other session')}
          </span>
        )}
      </span>
    </div>
  )
}

function NoBlock({ onCreate }: { onCreate?: (() => void) | undefined }) {
  const id = useId()
  return (
    <section className="card block-card block-none" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>No current training block</h2>
      <p className="muted">
        A training block is a planned period of training with a set number of sessions a week — for example the 10 weeks × 3
        sessions of the HIIT 4×4 study. Sprintlog counts the sessions you log inside it, so you can see week by week whether you
        are on track.
      </p>
      {onCreate ? (
        <button type="button" className="primary" onClick={onCreate}>
          Create a block
        </button>
      ) : (
        <a className="button primary" href="#/blocks">
          Plan a block
        </a>
      )}
    </section>
  )
}
