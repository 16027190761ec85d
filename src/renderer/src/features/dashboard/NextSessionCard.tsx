import { useCallback, useId } from 'react'
import { todayLocal } from '../../../../shared/dates'
import type { ProtocolSource } from '../../../../shared/metrics/defaultProtocol'
import type { NextSessionAdvice } from '../../../../shared/metrics/progression'
import { formatNotation } from '../../../../shared/notation'
import { api } from '../../api'
import { ask } from '../../api/early'
import { AdviceCard } from '../../components/AdviceCard'
import { useLoad } from '../../api/useLoad'
import { ErrorText } from '../../components/ErrorText'
import { openTimer } from '../timer/timerStore'
import { formatDate, tr, useT } from '../../i18n'
import { WorkoutDownloadButton } from '../workouts/WorkoutDownloadButton'

export interface Focus {
  protocolId: number
  protocolName: string
  /** Why this protocol (`defaultProtocol`): a block's, or the last session's. */
  source: ProtocolSource
  /** The name of the block that chose it; null when the last session did. */
  blockName: string | null
}

/** Why the card shows this protocol. */
function why(f: Focus): string {
  switch (f.source) {
    case 'current-block':
      return tr('dashboard:whyCurrentBlock', { name: f.blockName ?? '' })
    case 'last-block':
      return tr('dashboard:whyLastBlock', { name: f.blockName ?? '' })
    case 'next-block':
      return tr('dashboard:whyNextBlock', { name: f.blockName ?? '' })
    case 'last-session':
      return tr('dashboard:whyLastSession')
  }
}

/** The next session: the protocol to run, its plan after the progression rule, and a link to log it. */
export function NextSessionCard({ focus, loading }: { focus: Focus | null; loading: boolean }) {
  const { t } = useT('dashboard')
  const id = useId()
  const load = useCallback(() => ask(api.advice.forProtocol, { protocolId: focus?.protocolId ?? 0, today: todayLocal() }), [focus?.protocolId])
  const advice = useLoad<NextSessionAdvice>(focus ? load : null)
  return (
    <section className="card next-card" aria-labelledby={`${id}-h`} data-testid="next-session">
      <p className="eyebrow">{t('nextSession')}</p>
      {loading ? (
        <p className="muted">{t('loading')}</p>
      ) : !focus ? (
        <>
          <h2 id={`${id}-h`}>{t('nothingPlanned')}</h2>
          <p className="muted">{t('nothingPlannedText')}</p>
          <p className="next-actions">
            <a className="button primary" href="#/log">
              {t('logASession')}
            </a>
            <a className="button" href="#/blocks">
              {t('planABlock')}
            </a>
          </p>
        </>
      ) : (
        <>
          <h2 id={`${id}-h`}>{focus.protocolName}</h2>
          <p className="muted next-why" data-testid="next-why">
            {why(focus)}
          </p>
          {advice.state === 'ok' && (
            <>
              {advice.value.startFrom !== null && (
                <p className="next-plan muted" data-testid="next-start">
                  {t('lastPlan', { date: formatDate(advice.value.startFrom) })} <code>{formatNotation(advice.value.start)}</code>
                </p>
              )}
              <p className="next-plan">
                {t('suggestedPlan')} <code data-testid="next-plan">{formatNotation(advice.value.plan)}</code>
              </p>
              <AdviceCard advice={advice.value} />
            </>
          )}
          {advice.state === 'error' && <ErrorText>{advice.message}</ErrorText>}
          <p className="next-actions">
            <a className="button primary" href="#/log">
              {t('logThis')}
            </a>
            {advice.state === 'ok' && (
              <button
                type="button"
                onClick={() =>
                  // The plan the log form opens with: the last session's, carried forward (else the protocol's).
                  openTimer({ protocolId: focus.protocolId, protocolName: focus.protocolName, plan: advice.value.start, warmupSeconds: 600, cooldownSeconds: 300 })
                }
              >
                {t('startTimer')}
              </button>
            )}
            {advice.state === 'ok' && <WorkoutDownloadButton protocolId={focus.protocolId} />}
          </p>
        </>
      )}
    </section>
  )
}
