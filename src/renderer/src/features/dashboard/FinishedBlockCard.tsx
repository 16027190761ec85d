import { useId } from 'react'
import { blockSummaryText, type FinishedBlock } from '../../../../shared/metrics/blockSummary'
import { formatNotation } from '../../../../shared/notation'
import { navigate } from '../../router'
import { BlockMeta } from '../../components/BlockMeta'
import '../../components/CurrentBlockCard.css'

interface Props {
  finished: FinishedBlock
  /** Hides the card until another block finishes. */
  onDismiss(): void
  busy: boolean
}

/** The end of a block: what it came to, and the way on to the next one. */
export function FinishedBlockCard({ finished, onDismiss, busy }: Props) {
  const id = useId()
  const { summary: s, upcoming } = finished
  const b = s.block
  return (
    <section className="card block-card finished-card" aria-labelledby={`${id}-name`} data-testid="finished-block">
      <header className="card-head">
        <div>
          <p className="eyebrow">Block finished</p>
          <h2 id={`${id}-name`}>Block “{b.name}” finished</h2>
        </div>
        <button type="button" onClick={onDismiss} disabled={busy} aria-label={`Dismiss the summary of block “${b.name}”`}>
          Dismiss
        </button>
      </header>
      <BlockMeta block={b} endDate={s.endDate} />
      <p className="finished-summary" data-testid="finished-summary">
        Finished: {blockSummaryText(s)}.
      </p>
      {s.plan && s.plan.changes.length > 0 && (
        <p className="finished-plan muted" data-testid="finished-plan">
          Plan <code>{formatNotation(s.plan.from)}</code> ({s.plan.fromDate}) → <code>{formatNotation(s.plan.to)}</code> ({s.plan.toDate})
        </p>
      )}
      {upcoming ? (
        <p className="muted" data-testid="finished-upcoming">
          The next block, “{upcoming.name}”, starts on {upcoming.startDate}.
        </p>
      ) : (
        <p className="next-actions">
          <button type="button" className="primary" onClick={() => navigate({ name: 'blocks', after: b.id })}>
            Plan the next block
          </button>
        </p>
      )}
    </section>
  )
}
