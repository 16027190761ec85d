/**
 * The log form filled from a watch file's reading: date and start time, warm-up and cool-down, and one rep per work
 * interval found (work, distance, heart rate, hill or incline, the recovery after it). A rep's heart-rate field is
 * its heart rate at the end of the rep, so it takes the rep's maximum (the peak a hard rep ends on); the average of
 * each rep goes into the notes. Pure: unit-tested in tests/unit/watch-form.test.ts.
 */
import { durationFieldText } from '../../../../shared/duration'
import type { Protocol } from '../../../../shared/training'
import { type DistanceUnit, repDistanceText, type WeightUnit } from '../../../../shared/units'
import type { WatchActivityReading, WatchFile } from '../../../../shared/watch'
import { emptyForm, newKey, type RepFormState, type SessionFormState } from './sessionForm'

/** The file a form was filled from, named again when it is saved. */
export interface FormSource {
  sha256: string
  fileName: string
  /** The runner confirmed importing an activity that is not a run. */
  notRunning: boolean
}

const minutesText = (seconds: number) => String(Math.round(seconds / 6) / 10)
const tenth = (n: number) => Math.round(n * 10) / 10

/**
 * The form for an activity, logged as `protocolId` (its plan and intensity) or free-form (null). `avgNote` words the
 * notes' line of average heart rates from the list (`160, 165, 171`); null leaves the notes empty.
 */
export function formFromReading(
  file: Pick<WatchFile, 'sha256' | 'fileName'>,
  reading: WatchActivityReading,
  protocol: Protocol | null,
  loadUnit: WeightUnit,
  avgNote: ((list: string) => string) | null,
  distanceUnit: DistanceUnit = 'km'
): SessionFormState {
  const intensity = protocol?.groups[0]?.intensity ?? 'max'
  const last = reading.reps.length - 1
  const reps: RepFormState[] = reading.reps.map((r, i) => {
    const untimedWalkDown = r.recoveryMode === 'walk-down' && r.recoverySeconds === null
    return {
      key: newKey(),
      work: durationFieldText(tenth(r.workSeconds)),
      distance: r.distanceMeters === null ? '' : repDistanceText(tenth(r.distanceMeters), distanceUnit),
      intensity,
      intensityPct: '',
      rpe: '',
      recovery: untimedWalkDown ? '' : r.recoverySeconds === null ? (i === last ? '0' : '') : durationFieldText(Math.round(r.recoverySeconds)),
      recoveryMode: r.recoveryMode,
      hill: r.hill,
      incline: r.inclinePct === null ? '' : String(Math.round(r.inclinePct)),
      completed: true,
      heartRate: r.heartRateMax === null ? '' : String(Math.round(r.heartRateMax)),
      load: '',
      loadKind: '',
      speed: ''
    }
  })
  const averages = reading.reps.map((r) => (r.heartRateAvg === null ? null : Math.round(r.heartRateAvg)))
  const notes = avgNote && averages.some((a) => a !== null) ? avgNote(averages.map((a) => (a === null ? '–' : String(a))).join(', ')) : ''
  const base = emptyForm(loadUnit, distanceUnit)
  return {
    ...base,
    date: reading.date,
    startTime: reading.startTime,
    protocolId: protocol?.id ?? null,
    plan: protocol?.groups ?? null,
    warmupMin: minutesText(reading.warmupSeconds),
    cooldownMin: minutesText(reading.cooldownSeconds),
    notes,
    reps: reps.length > 0 ? reps : base.reps,
    source: { sha256: file.sha256, fileName: file.fileName, notRunning: !reading.running }
  }
}
