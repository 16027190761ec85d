/** The log form filled with a session as the timer ran it: only the session RPE and the notes are left to give. */
import { formatLocalDate } from '../../../../shared/dates'
import { durationFieldText } from '../../../../shared/duration'
import type { SessionRun } from '../../../../shared/timer'
import type { DistanceUnit, WeightUnit } from '../../../../shared/units'
import { emptyForm, repsFromPlan, type SessionFormState } from '../log/sessionForm'
import type { TimerSetup } from './savedTimer'

/** Minutes as the form's text, exact to the second (whole seconds, two decimals of a minute read back exactly). */
const minutesText = (seconds: number) => String(Number((seconds / 60).toFixed(2)))

const pad = (n: number) => String(n).padStart(2, '0')

export function formFromRun(setup: TimerSetup, run: SessionRun, loadUnit: WeightUnit, distanceUnit: DistanceUnit = 'km'): SessionFormState {
  const planned = repsFromPlan(setup.plan, loadUnit, distanceUnit)
  const reps = run.reps.map((r) => {
    const base = planned[r.rep - 1]!
    return {
      ...base,
      work: durationFieldText(r.workSeconds),
      recovery: durationFieldText(r.recoverySeconds),
      completed: r.completed,
      // The part of a distance rep that was run is not known: the runner types it.
      distance: r.completed ? base.distance : ''
    }
  })
  const start = run.startedAt === null ? null : new Date(run.startedAt)
  return {
    ...emptyForm(loadUnit, distanceUnit),
    ...(start ? { date: formatLocalDate(start), startTime: `${pad(start.getHours())}:${pad(start.getMinutes())}` } : {}),
    protocolId: setup.protocolId,
    plan: setup.plan,
    warmupMin: minutesText(run.warmupSeconds),
    cooldownMin: minutesText(run.cooldownSeconds),
    // No rep was run (stopped in the warm-up): the plan's reps stay, to edit.
    reps: reps.length > 0 ? reps : planned
  }
}
