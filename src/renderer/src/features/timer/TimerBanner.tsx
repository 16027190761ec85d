import type { SessionRun } from '../../../../shared/timer'
import { navigate } from '../../router'
import { clearTimer, restore, type SavedTimer, saveTimer } from './timerStore'
import { formatTimeOfDay, useT } from '../../i18n'

export type TimerOffer = { kind: 'filled' | 'unfinished'; saved: SavedTimer; run: SessionRun }

const timeOf = (epoch: number | null) => (epoch === null ? '' : formatTimeOfDay(epoch))

/**
 * On Log session: the form filled from the timer (give the RPE and notes, then save), or a timer session left
 * unfinished (the window closed, a crash), to resume or to log as far as it went.
 */
export function TimerBanner({ offer, onChange }: { offer: TimerOffer; onChange: () => void }) {
  const { t } = useT('timer')
  const { saved, run } = offer
  const name = saved.setup.protocolName ?? t('aSession')
  const started = timeOf(run.startedAt)
  const discard = () => {
    clearTimer()
    onChange()
  }
  if (offer.kind === 'filled') {
    const abandoned = run.reps.filter((r) => !r.completed).length
    return (
      <section className="card timer-banner" aria-label={t('bannerFilledRegion')} data-testid="timer-banner">
        <p>
          <strong>{t('bannerFilledTitle')}</strong>{' '}
          {t('bannerFilledText', { name, started, reps: run.reps.length, abandoned, finished: run.finished ? 'yes' : 'no' })}
        </p>
        <p>
          <button type="button" className="link" onClick={discard}>
            {t('discardTimerSession')}
          </button>
        </p>
      </section>
    )
  }
  const logIt = () => {
    // Logged as it stood when last seen: paused from then, and stopped there.
    const { saved: s, state } = restore(saved)
    saveTimer({ ...s, events: [...s.events, { type: 'stop', at: Math.max(s.seenAt, state.now) }] })
    onChange()
  }
  return (
    <section className="card timer-banner" aria-label={t('bannerUnfinishedRegion')} data-testid="timer-banner">
      <p>
        <strong>{t('bannerUnfinishedTitle')}</strong>{' '}
        {t('bannerUnfinishedText', { name, started, begun: run.reps.length, total: saved.setup.plan.reduce((n, g) => n + g.count, 0) })}
      </p>
      <p className="timer-banner-actions">
        <button type="button" className="primary" onClick={() => navigate({ name: 'timer' })}>
          {t('resumeTimer')}
        </button>
        <button type="button" onClick={logIt}>
          {t('logAsFar')}
        </button>
        <button type="button" className="link" onClick={discard}>
          {t('discardIt')}
        </button>
      </p>
    </section>
  )
}
