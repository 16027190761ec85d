/**
 * The session form's state: what a person typed, kept as text, and its conversion to the `sessions/create`
 * input. The form reads the text (times such as `4:00`, decimal commas); the shared schema, the same one
 * the back end and the import use, judges the values. Errors are keyed by the paths the back end uses
 * (`reps.2.workSeconds`).
 */
import type { ParsedInputOf } from '../../../../shared/contract'
import { todayLocal } from '../../../../shared/dates'
import { durationFieldText } from '../../../../shared/duration'
import { REP_FIELDS } from '../../../../shared/records'
import { sessionFields } from '../../../../shared/schemas'
import { addIssues } from '../../components/fieldErrors'
import type { Intensity, LoadKind, RecoveryMode, RepeatGroup, Rep, Session } from '../../../../shared/training'
import {
  convertRepDistanceText,
  convertTreadmillText,
  convertTyped,
  type DistanceUnit,
  type ReadNumber,
  loadInUnit,
  readLoadText,
  readRepDistance,
  readTreadmill,
  repDistanceText,
  treadmillInUnit,
  treadmillText,
  treadmillToKmh,
  type TypedText,
  type WeightUnit
} from '../../../../shared/units'
import { tr } from '../../i18n/instance'
import { wordError } from '../../../../shared/i18n/message'
import type { FormSource } from './watchForm'

/** One rep's row of the form, as typed. */
export interface RepFormState {
  key: number
  work: string
  /** Distance in the form's `distanceUnit`: metres or yards. */
  distance: string
  intensity: Intensity
  intensityPct: string
  rpe: string
  recovery: string
  recoveryMode: RecoveryMode
  hill: boolean
  incline: string
  completed: boolean
  heartRate: string
  /** External load in the form's `loadUnit`; empty for none. */
  load: string
  loadKind: LoadKind | ''
  /** Treadmill speed in the form's `distanceUnit`: km/h or mph; empty off the treadmill. */
  speed: string
  /** What the distance and the speed were typed as before the runner switched km and mi (withDistanceUnit). */
  distanceTyped?: TypedText<DistanceUnit>
  speedTyped?: TypedText<DistanceUnit>
}

/** The whole session form, as typed. */
export interface SessionFormState {
  date: string
  startTime: string
  protocolId: number | null
  plan: RepeatGroup[] | null
  warmupMin: string
  cooldownMin: string
  rpe: string
  couldNotRecover: boolean
  notes: string
  reps: RepFormState[]
  /** The unit loads are typed and shown in: the runner's weight unit when the form opened. */
  loadUnit: WeightUnit
  /** The unit distances (m or yd) and treadmill speeds (km/h or mph) are typed and shown in: km or mi. */
  distanceUnit: DistanceUnit
  /** The watch file the form was filled from (watchForm.ts), attached when the new session is saved. */
  source?: FormSource | null
}

export type Errors = Record<string, string>

/** A treadmill's speed bounds, in km/h (the field table's). */
const KMH = { min: REP_FIELDS.treadmillKmh.min ?? 1, max: REP_FIELDS.treadmillKmh.max ?? 40 }
/** The same in mph to 0.1, each a speed the form takes (40 km/h is 24.9 mph, but 24.9 mph is 40.1 km/h). */
const MPH = { min: treadmillInUnit(KMH.min, 'mi'), max: treadmillInUnit(KMH.max, 'mi') }
while (treadmillToKmh(MPH.max, 'mi') > KMH.max) MPH.max = Math.round(MPH.max * 10 - 1) / 10

let nextKey = 1
export const newKey = () => nextKey++

/**
 * Reads `20`, `13.4`, `1:30`, `4:00`, `20s`, `4m`, `1m30s` as seconds, with a decimal point or comma (`13,4`,
 * `1:05,5`); null when it is none of those.
 */
export function parseClock(text: string): number | null {
  const t = text.trim().toLowerCase().replace(',', '.')
  let m: RegExpExecArray | null
  if ((m = /^(\d+(?:\.\d+)?)s?$/.exec(t))) return Number(m[1])
  if ((m = /^(\d+):([0-5]\d(?:\.\d+)?)$/.exec(t))) return Number(m[1]) * 60 + Number(m[2])
  if ((m = /^(\d+)m(?:in)?(?:(\d+)s)?$/.exec(t))) return Number(m[1]) * 60 + Number(m[2] ?? 0)
  return null
}

/** A number typed with a decimal point or comma; null when the field is empty, 'bad' when it is not a number. */
function numberOrNull(text: string): ReadNumber {
  const t = text.trim().replace(',', '.')
  if (t === '') return null
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : 'bad'
}

/** A new session's form: today, free-form, the usual warm-up and cool-down, one empty rep. */
export function emptyForm(loadUnit: WeightUnit = 'kg', distanceUnit: DistanceUnit = 'km'): SessionFormState {
  return {
    date: todayLocal(),
    startTime: '',
    protocolId: null,
    plan: null,
    warmupMin: '10',
    cooldownMin: '5',
    rpe: '',
    couldNotRecover: false,
    notes: '',
    reps: [blankRep()],
    loadUnit,
    distanceUnit
  }
}

/** The reps a plan prescribes. The last rep has no recovery: the cool-down follows it. */
export function repsFromPlan(plan: readonly RepeatGroup[], loadUnit: WeightUnit = 'kg', distanceUnit: DistanceUnit = 'km'): RepFormState[] {
  const reps: RepFormState[] = []
  const total = plan.reduce((n, g) => n + g.count, 0)
  for (const g of plan) {
    for (let i = 0; i < g.count; i++) {
      const last = reps.length === total - 1
      reps.push({
        key: newKey(),
        work: durationFieldText(g.workSeconds),
        distance: g.workMeters === null ? '' : repDistanceText(g.workMeters, distanceUnit),
        intensity: g.intensity ?? 'max',
        intensityPct: g.intensityPct === null ? '' : String(g.intensityPct),
        rpe: '',
        recovery: last ? (g.recoverySeconds === null ? '' : '0') : durationFieldText(g.recoverySeconds),
        recoveryMode: g.recoveryMode,
        hill: g.hill,
        incline: g.inclinePct === null ? '' : String(g.inclinePct),
        completed: true,
        heartRate: '',
        load: g.loadKg == null ? '' : String(loadInUnit(g.loadKg, loadUnit)),
        loadKind: g.loadKind ?? '',
        speed: g.treadmillKmh == null ? '' : treadmillText(g.treadmillKmh, distanceUnit)
      })
    }
  }
  return reps
}

/** The form with its loads shown in another unit: each load that reads converts, anything else stays as typed. */
export function withLoadUnit(d: SessionFormState, loadUnit: WeightUnit): SessionFormState {
  if (d.loadUnit === loadUnit) return d
  const convert = (text: string) => {
    const r = readLoadText(text, d.loadUnit)
    return r.ok && r.kg !== null ? String(loadInUnit(r.kg, loadUnit)) : text
  }
  return { ...d, loadUnit, reps: d.reps.map((r) => (r.load.trim() === '' ? r : { ...r, load: convert(r.load) })) }
}

/**
 * The form with its distances and treadmill speeds shown in another unit: each that reads converts, anything else
 * stays as typed. A field not edited since the last switch goes back to exactly what was typed (150 m → 164 yd → 150 m).
 */
export function withDistanceUnit(d: SessionFormState, distanceUnit: DistanceUnit): SessionFormState {
  if (d.distanceUnit === distanceUnit) return d
  const reps = d.reps.map((r) => {
    const distance = convertTyped(r.distance, r.distanceTyped, d.distanceUnit, distanceUnit, convertRepDistanceText)
    const speed = convertTyped(r.speed, r.speedTyped, d.distanceUnit, distanceUnit, convertTreadmillText)
    const { distanceTyped: _d, speedTyped: _s, ...rest } = r
    return {
      ...rest,
      distance: distance.text,
      speed: speed.text,
      ...(distance.typed ? { distanceTyped: distance.typed } : {}),
      ...(speed.typed ? { speedTyped: speed.typed } : {})
    }
  })
  return { ...d, distanceUnit, reps }
}

export function blankRep(from?: RepFormState): RepFormState {
  return from
    ? { ...from, key: newKey(), rpe: '', heartRate: '', completed: true }
    : {
        key: newKey(),
        work: '',
        distance: '',
        intensity: 'max',
        intensityPct: '',
        rpe: '',
        recovery: '2:00',
        recoveryMode: 'walk',
        hill: false,
        incline: '',
        completed: true,
        heartRate: '',
        load: '',
        loadKind: '',
        speed: ''
      }
}

export function formFromSession(s: Session, loadUnit: WeightUnit = 'kg', distanceUnit: DistanceUnit = 'km'): SessionFormState {
  return {
    date: s.date,
    startTime: s.startTime ?? '',
    protocolId: s.protocolId,
    plan: s.plan,
    warmupMin: String(s.warmupSeconds / 60),
    cooldownMin: String(s.cooldownSeconds / 60),
    rpe: s.rpe === null ? '' : String(s.rpe),
    couldNotRecover: s.couldNotRecover,
    notes: s.notes,
    reps: s.reps.map((r: Rep) => ({
      key: newKey(),
      work: durationFieldText(r.workSeconds),
      distance: r.distanceMeters === null ? '' : repDistanceText(r.distanceMeters, distanceUnit),
      intensity: r.intensity,
      intensityPct: r.intensityPct === null ? '' : String(r.intensityPct),
      rpe: r.rpe === null ? '' : String(r.rpe),
      recovery: durationFieldText(r.recoverySeconds),
      recoveryMode: r.recoveryMode,
      hill: r.hill,
      incline: r.inclinePct === null ? '' : String(r.inclinePct),
      completed: r.completed,
      heartRate: r.heartRate === null ? '' : String(r.heartRate),
      load: r.loadKg === null ? '' : String(loadInUnit(r.loadKg, loadUnit)),
      loadKind: r.loadKind ?? '',
      speed: r.treadmillKmh === null ? '' : treadmillText(r.treadmillKmh, distanceUnit)
    })),
    loadUnit,
    distanceUnit
  }
}

export type SessionInput = ParsedInputOf<'sessions/create'>

export type CheckedForm = { ok: true; input: SessionInput; reps: Rep[] } | { ok: false; errors: Errors }

/**
 * Converts the form to the back end's input, or lists what is wrong, keyed by field path. Text that
 * cannot be read gets the form's own "write it as…" message; every value that can be read is judged by
 * the shared `sessionFields` schema, with its messages.
 */
export function toInput(d: SessionFormState, today: string): CheckedForm {
  const errors: Errors = {}
  const minutes = (text: string, path: string, message: string) => {
    const v = numberOrNull(text)
    if (v === 'bad') {
      errors[path] = tr(message)
      return 0
    }
    return v === null ? 0 : Math.round(v * 60)
  }
  const warmupSeconds = minutes(d.warmupMin, 'warmupSeconds', 'log:errWarmupMinutes')
  const cooldownSeconds = minutes(d.cooldownMin, 'cooldownSeconds', 'log:errCooldownMinutes')
  const rpe = numberOrNull(d.rpe)
  if (rpe === 'bad') errors.rpe = tr('log:errSessionRpe')

  const reps = d.reps.map((r, i) => {
    const at = (f: string) => `reps.${i}.${f}`
    const work = parseClock(r.work)
    if (r.work.trim() === '') errors[at('workSeconds')] = tr('log:errWorkEmpty')
    else if (work === null) errors[at('workSeconds')] = tr('log:errWorkClock')
    let recovery: number | null = null
    if (r.recovery.trim() === '') {
      // An empty recovery is more often forgotten than meant: only a walk back down the hill may be untimed.
      if (r.recoveryMode !== 'walk-down') errors[at('recoverySeconds')] = tr('log:errRecoveryEmpty')
    } else {
      recovery = parseClock(r.recovery)
      if (recovery === null) errors[at('recoverySeconds')] = tr('log:errRecoveryClock')
    }
    const num = (text: string, f: string, message: string, read: (text: string) => ReadNumber = numberOrNull) => {
      const v = read(text)
      if (v !== 'bad') return v
      errors[at(f)] = tr(message)
      return null
    }
    const hr = r.heartRate.trim() === '' ? null : /^\d+$/.test(r.heartRate.trim()) ? Number(r.heartRate) : null
    if (r.heartRate.trim() !== '' && hr === null) errors[at('heartRate')] = tr('log:errHeartRate')
    const load = readLoadText(r.load, d.loadUnit)
    if (!load.ok) errors[at('loadKg')] = wordError(load)
    const treadmillKmh = num(r.speed, 'treadmillKmh', 'log:errSpeedNumber', (t) => readTreadmill(t, d.distanceUnit))
    // The schema's bounds are in km/h; a speed typed in mph is told them in mph.
    if (d.distanceUnit === 'mi' && treadmillKmh !== null && (treadmillKmh < KMH.min || treadmillKmh > KMH.max)) {
      errors[at('treadmillKmh')] = tr('log:errSpeedRangeMph', MPH)
    }
    return {
      workSeconds: work ?? 0,
      distanceMeters: num(r.distance, 'distanceMeters', 'log:errDistanceNumber', (t) => readRepDistance(t, d.distanceUnit)),
      intensity: r.intensity,
      intensityPct: r.intensity === 'custom' ? num(r.intensityPct, 'intensityPct', 'log:errIntensityNumber') : null,
      rpe: num(r.rpe, 'rpe', 'log:errRpeNumber'),
      recoverySeconds: recovery,
      recoveryMode: r.recoveryMode,
      inclinePct: num(r.incline, 'inclinePct', 'log:errInclineNumber'),
      hill: r.hill,
      completed: r.completed,
      heartRate: hr,
      loadKg: load.ok ? load.kg : null,
      loadKind: r.loadKind === '' ? null : r.loadKind,
      treadmillKmh
    }
  })

  const parsed = sessionFields.safeParse({
    date: d.date,
    startTime: d.startTime === '' ? null : d.startTime,
    protocolId: d.protocolId,
    plan: d.plan,
    warmupSeconds,
    cooldownSeconds,
    rpe: rpe === 'bad' ? null : rpe,
    couldNotRecover: d.couldNotRecover,
    notes: d.notes.trim(),
    reps
  })
  // A field whose text could not be read already says so; the stand-in value's complaint would mislead.
  if (!parsed.success) addIssues(errors, parsed.error.issues)
  // Not a bound of the record (the back end and the import take any real date): the form guards against a mistyped year.
  if (!errors.date && d.date > today) errors.date = tr('log:errFutureDate')
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors }
  const source = d.source ? { sourceSha256: d.source.sha256, ...(d.source.notRunning ? { sourceNotRunning: true as const } : {}) } : {}
  return { ok: true, input: { ...parsed.data, ...source }, reps: parsed.data.reps }
}
