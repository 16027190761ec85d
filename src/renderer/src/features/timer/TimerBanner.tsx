import type { SessionRun } from '../../../../shared/timer'
import { navigate } from '../../router'
import { clearTimer, restore, type SavedTimer, saveTimer } from './timerStore'

export type TimerOffer = { kind: 'filled' | 'unfinished'; saved: SavedTimer; run: SessionRun }

const timeOf = (epoch: number | null) => (epoch === null ? '' : new Date(epoch).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }))

/**
 * On Log session: the form filled from the timer (give the RPE and notes, then save), or a timer session left
 * unfinished (the window closed, a crash), to resume or to log as far as it went.
 */
export function TimerBanner({ offer, onChange }: { offer: TimerOffer; onChange: () => void }) {
  const { saved, run } = offer
  const name = saved.setup.protocolName ?? 'A session'
  const started = timeOf(run.startedAt)
  const discard = () => {
    clearTimer()
    onChange()
  }
  if (offer.kind === 'filled') {
    const abandoned = run.reps.filter((r) => !r.completed).length
    return (
      <section className="card timer-banner" aria-label="From the timer" data-testid="timer-banner">
        <p>
          <strong>Filled from the timer</strong> ({name}, started {started}): {run.reps.length} {run.reps.length === 1 ? 'rep' : 'reps'} with their work and
          recovery as run{abandoned > 0 ? `, ${abandoned} abandoned` : ''}{run.finished ? '' : ', stopped early'}. Give the session RPE and notes, then
          save.
        </p>
        <p>
          <button type="button" className="link" onClick={discard}>
            Discard the timer’s session
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
    <section className="card timer-banner" aria-label="Unfinished timer session" data-testid="timer-banner">
      <p>
        <strong>The timer has an unfinished session</strong> ({name}, started {started}, {run.reps.length} of{' '}
        {saved.setup.plan.reduce((n, g) => n + g.count, 0)} reps begun).
      </p>
      <p className="timer-banner-actions">
        <button type="button" className="primary" onClick={() => navigate({ name: 'timer' })}>
          Resume the timer
        </button>
        <button type="button" onClick={logIt}>
          Log it as far as it went
        </button>
        <button type="button" className="link" onClick={discard}>
          Discard it
        </button>
      </p>
    </section>
  )
}
