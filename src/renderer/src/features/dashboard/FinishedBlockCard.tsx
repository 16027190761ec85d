import { useId } from 'react'
import { type FinishedBlock, workMinutes } from '../../../../shared/metrics/blockSummary'
import { formatNotation } from '../../../../shared/notation'
import { navigate } from '../../router'
import { BlockMeta } from '../../components/BlockMeta'
import { formatDate, useT } from '../../i18n'
import { adviceText } from '../../components/adviceText'
import { Tagged } from './Tagged'
import { protocolNameOf } from '../../i18n/builtins'
import '../../components/CurrentBlockCard.css'

interface Props {
  finished: FinishedBlock
  /** Hides the card until another block finishes. */
  onDismiss(): void
  busy: boolean
}

/** The end of a block: what it came to, and the way on to the next one. */
export function FinishedBlockCard({ finished, onDismiss, busy }: Props) {
  const { t } = useT('dashboard')
  const id = useId()
  const { summary: s, upcoming } = finished
  const b = s.block
  const plan = s.plan
    ? t('planChange', {
        changes: s.plan.texts.length === 0 ? t('samePlan') : s.plan.texts.map(adviceText).join(t('advice:joinComma')),
        protocol: protocolNameOf(b.protocolUuid, b.protocolName) ?? t('theBlocksProtocol')
      })
    : 'none'
  return (
    <section className="card block-card finished-card" aria-labelledby={`${id}-name`} data-testid="finished-block">
      <header className="card-head">
        <div>
          <p className="eyebrow">{t('blockFinishedEyebrow')}</p>
          <h2 id={`${id}-name`}>{t('blockFinishedTitle', { name: b.name })}</h2>
        </div>
        <button type="button" onClick={onDismiss} disabled={busy} aria-label={t('dismissSummary', { name: b.name })}>
          {t('dismiss')}
        </button>
      </header>
      <BlockMeta block={b} endDate={s.endDate} />
      <p className="finished-summary" data-testid="finished-summary">
        {t('finishedSummary', { done: s.sessionsDone, planned: s.sessionsPlanned, minutes: workMinutes(s.workSeconds), plan })}
      </p>
      {s.plan && s.plan.changes.length > 0 && (
        <p className="finished-plan muted" data-testid="finished-plan">
          <Tagged
            text={t('finishedPlan', {
              fromPlan: formatNotation(s.plan.from),
              fromDate: formatDate(s.plan.fromDate),
              toPlan: formatNotation(s.plan.to),
              toDate: formatDate(s.plan.toDate)
            })}
            tags={{ from: (c) => <code>{c}</code>, to: (c) => <code>{c}</code> }}
          />
        </p>
      )}
      {upcoming ? (
        <p className="muted" data-testid="finished-upcoming">
          {t('upcoming', { name: upcoming.name, date: formatDate(upcoming.startDate) })}
        </p>
      ) : (
        <p className="next-actions">
          <button type="button" className="primary" onClick={() => navigate({ name: 'blocks', after: b.id })}>
            {t('planNext')}
          </button>
        </p>
      )}
    </section>
  )
}
