import type { Advice } from '../../../shared/metrics/progression'
import { useT } from '../i18n'
import { adviceText } from './adviceText'
import './AdviceCard.css'

const TITLES: Record<Advice['kind'], string> = {
  none: 'titleNone',
  ease: 'titleEase',
  hold: 'titleHold',
  progress: 'titleProgress'
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
  const { t } = useT('advice')
  return (
    <section className={`advice advice-${advice.kind}`} aria-label={t('region')} data-kind={advice.kind}>
      <div className="advice-head">
        <span className="advice-badge">{t(TITLES[advice.kind])}</span>
        {heading && <span className="muted">{heading}</span>}
      </div>
      <p className="advice-summary">{adviceText(advice.summary)}</p>
      {advice.changes.length > 0 && (
        <ul className="advice-changes">
          {advice.changes.map((c, i) => (
            <li key={i}>{adviceText(c)}</li>
          ))}
        </ul>
      )}
      <details>
        <summary>{t('why')}</summary>
        <ul>
          {advice.reasons.map((r, i) => (
            <li key={i}>{adviceText(r)}</li>
          ))}
        </ul>
      </details>
      {onApply && advice.changes.length > 0 && (
        <button type="button" className="primary" onClick={onApply} disabled={applied}>
          {applied ? t('applied') : t('apply')}
        </button>
      )}
    </section>
  )
}
