/**
 * The session form's state: what a person typed, kept as text, and its conversion to the `sessions/create`
 * input with errors keyed by the same paths the back end uses (`reps.2.workSeconds`).
 */
import type { ParsedInputOf } from '../../../../shared/contract'
import { isLocalDate } from '../../../../shared/dates'
import { formatDuration } from '../../../../shared/notation'
import type { Intensity, RecoveryMode, RepeatGroup, Rep, Session } from '../../../../shared/training'

export interface RepDraft {
  key: number
  work: string
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
}

export interface SessionDraft {
  date: string
  startTime: string
  protocolId: number | null
  plan: RepeatGroup[] | null
  warmupMin: string
  cooldownMin: string
  rpe: string
  couldNotRecover: boolean
  notes: string
  reps: RepDraft[]
}

export type Errors = Record<string, string>

let nextKey = 1
export const newKey = () => nextKey++

/** Seconds as a person reads them in a form: `20`, `1:30`, `4:00`. */
export function clockText(seconds: number | null): string {
  if (seconds === null) return ''
  if (seconds < 60) return String(Math.round(seconds * 10) / 10)
  const m = Math.floor(seconds / 60)
  const s = Math.round((seconds - m * 60) * 10) / 10
  return `${m}:${String(s).padStart(2, '0')}`
}

/** Reads `20`, `13.4`, `1:30`, `4:00`, `20s`, `4m`, `1m30s` as seconds; null when it is none of those. */
export function parseClock(text: string): number | null {
  const t = text.trim().toLowerCase()
  let m: RegExpExecArray | null
  if ((m = /^(\d+(?:\.\d+)?)s?$/.exec(t))) return Number(m[1])
  if ((m = /^(\d+):([0-5]\d(?:\.\d+)?)$/.exec(t))) return Number(m[1]) * 60 + Number(m[2])
  if ((m = /^(\d+)m(?:in)?(?:(\d+)s)?$/.exec(t))) return Number(m[1]) * 60 + Number(m[2] ?? 0)
  return null
}

function numberOrNull(text: string): number | null | 'bad' {
  const t = text.trim().replace(',', '.')
  if (t === '') return null
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : 'bad'
}

/** The reps a plan prescribes. The last rep has no recovery: the cool-down follows it. */
export function repsFromPlan(plan: readonly RepeatGroup[]): RepDraft[] {
  const reps: RepDraft[] = []
  const total = plan.reduce((n, g) => n + g.count, 0)
  for (const g of plan) {
    for (let i = 0; i < g.count; i++) {
      const last = reps.length === total - 1
      reps.push({
        key: newKey(),
        work: clockText(g.workSeconds),
        distance: g.workMeters === null ? '' : String(g.workMeters),
        intensity: g.intensity ?? 'max',
        intensityPct: g.intensityPct === null ? '' : String(g.intensityPct),
        rpe: '',
        recovery: last ? (g.recoverySeconds === null ? '' : '0') : clockText(g.recoverySeconds),
        recoveryMode: g.recoveryMode,
        hill: g.hill,
        incline: g.inclinePct === null ? '' : String(g.inclinePct),
        completed: true,
        heartRate: ''
      })
    }
  }
  return reps
}

export function blankRep(from?: RepDraft): RepDraft {
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
        heartRate: ''
      }
}

export function draftFromSession(s: Session): SessionDraft {
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
      work: clockText(r.workSeconds),
      distance: r.distanceMeters === null ? '' : String(r.distanceMeters),
      intensity: r.intensity,
      intensityPct: r.intensityPct === null ? '' : String(r.intensityPct),
      rpe: r.rpe === null ? '' : String(r.rpe),
      recovery: clockText(r.recoverySeconds),
      recoveryMode: r.recoveryMode,
      hill: r.hill,
      incline: r.inclinePct === null ? '' : String(r.inclinePct),
      completed: r.completed,
      heartRate: r.heartRate === null ? '' : String(r.heartRate)
    }))
  }
}

export type SessionInput = ParsedInputOf<'sessions/create'>

/** Converts the form to the back end's input, or lists what is wrong, keyed by field path. */
export function toInput(d: SessionDraft, today: string): { ok: true; input: SessionInput; reps: Rep[] } | { ok: false; errors: Errors } {
  const errors: Errors = {}
  if (!isLocalDate(d.date)) errors.date = 'Enter a real date.'
  else if (d.date > today) errors.date = 'The date is in the future.'
  if (d.startTime !== '' && !/^([01]\d|2[0-3]):[0-5]\d$/.test(d.startTime)) errors.startTime = 'Enter a time such as 07:30.'
  const minutes = (text: string, path: string, label: string) => {
    const v = numberOrNull(text)
    if (v === null) return 0
    if (v === 'bad' || v < 0 || v > 120) {
      errors[path] = `${label} is a number of minutes from 0 to 120.`
      return 0
    }
    return Math.round(v * 60)
  }
  const warmupSeconds = minutes(d.warmupMin, 'warmupSeconds', 'Warm-up')
  const cooldownSeconds = minutes(d.cooldownMin, 'cooldownSeconds', 'Cool-down')
  const rpe = numberOrNull(d.rpe)
  if (rpe === 'bad' || (rpe !== null && (rpe < 0 || rpe > 10))) errors.rpe = 'Session RPE is a number from 0 to 10.'
  if (d.reps.length === 0) errors.reps = 'Add at least one rep.'

  const reps: Rep[] = d.reps.map((r, i) => {
    const at = (f: string) => `reps.${i}.${f}`
    const work = parseClock(r.work)
    if (r.work.trim() === '') errors[at('workSeconds')] = 'Enter the work time.'
    else if (work === null || work <= 0 || work > 7200) errors[at('workSeconds')] = 'Write the time as seconds (20) or minutes:seconds (4:00).'
    let recovery: number | null = null
    if (r.recovery.trim() === '') {
      if (r.recoveryMode !== 'walk-down') errors[at('recoverySeconds')] = 'Enter the recovery time (0 if none).'
    } else {
      recovery = parseClock(r.recovery)
      if (recovery === null || recovery > 7200) errors[at('recoverySeconds')] = 'Write the time as seconds (90) or minutes:seconds (2:00).'
    }
    const num = (text: string, f: string, lo: number, hi: number, label: string) => {
      const v = numberOrNull(text)
      if (v === 'bad' || (v !== null && (v < lo || v > hi))) {
        errors[at(f)] = `${label} must be a number from ${lo} to ${hi}.`
        return null
      }
      return v
    }
    const distance = num(r.distance, 'distanceMeters', 1, 100000, 'Distance')
    const repRpe = num(r.rpe, 'rpe', 0, 10, 'RPE')
    const incline = num(r.incline, 'inclinePct', -10, 40, 'Incline')
    const hr = num(r.heartRate, 'heartRate', 30, 250, 'Heart rate')
    if (hr !== null && !Number.isInteger(hr)) errors[at('heartRate')] = 'Heart rate is a whole number.'
    const pct = r.intensity === 'custom' ? num(r.intensityPct, 'intensityPct', 1, 100, 'Intensity %') : null
    if (r.intensity === 'custom' && pct === null && !errors[at('intensityPct')]) errors[at('intensityPct')] = 'Enter the intensity in %.'
    return {
      workSeconds: work ?? 0,
      distanceMeters: distance,
      intensity: r.intensity,
      intensityPct: pct,
      rpe: repRpe,
      recoverySeconds: recovery,
      recoveryMode: r.recoveryMode,
      inclinePct: incline,
      hill: r.hill,
      completed: r.completed,
      heartRate: hr
    }
  })
  if (d.notes.length > 10_000) errors.notes = 'Notes can be at most 10,000 characters.'
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return {
    ok: true,
    reps,
    input: {
      date: d.date,
      startTime: d.startTime === '' ? null : d.startTime,
      protocolId: d.protocolId,
      plan: d.plan,
      warmupSeconds,
      cooldownSeconds,
      rpe: rpe as number | null,
      couldNotRecover: d.couldNotRecover,
      notes: d.notes.trim(),
      reps
    }
  }
}

/** A short description of a plan for labels, e.g. `6 × 20s, 2m walk`. */
export function planLabel(plan: readonly RepeatGroup[]): string {
  return plan
    .map((g) => {
      const work = g.workSeconds !== null ? formatDuration(g.workSeconds) : `${g.workMeters} m`
      const rest = g.recoverySeconds !== null ? `${formatDuration(g.recoverySeconds)} ${g.recoveryMode}` : g.recoveryMode
      return `${g.count} × ${work}, ${rest}`
    })
    .join(' + ')
}
