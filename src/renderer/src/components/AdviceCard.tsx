import type { Advice } from '../../../shared/metrics/progression'
import './AdviceCard.css'

const TITLES: Record<Advice['kind'], string> = {
  none: 'No advice yet',
  ease: 'Make it easier',
  hold: 'Keep the plan',
  progress: 'Make it harder'
}

interface Props {
  advice: Advice
  /** Shown when the advice changes the plan and the caller can apply it. */
  onApply?: (() => void) | undefined
  applied?: boolean
  heading?: string
}

/** The progression rule's suggestion for the next session, with its reasons. */
export function AdviceCard({ advice, onApply, applied, heading }: Props) {
  return (
    <section className={`advice advice-${advice.kind}`} aria-label="Progression advice" data-kind={advice.kind}>
      <div className="advice-head">
        <span className="advice-badge">{TITLES[advice.kind]}</span>
        {heading && <span className="muted">{heading}</span>}
      </div>
      <p className="advice-summary">{advice.summary}</p>
      {advice.changes.length > 0 && (
        <ul className="advice-changes">
          {advice.changes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      )}
      <details>
        <summary>Why</summary>
        <ul>
          {advice.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      </details>
      {onApply && advice.changes.length > 0 && (
        <button type="button" className="primary" onClick={onApply} disabled={applied}>
          {applied ? 'Applied to this session' : 'Apply to this session'}
        </button>
      )}
    </section>
  )
}
