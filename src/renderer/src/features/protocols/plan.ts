/** The structured fields of one repeat group, as typed, and the conversions to and from a `RepeatGroup`. */
import { durationNotation } from '../../../../shared/duration'
import { formatNotation, parseNotation } from '../../../../shared/notation'
import { REPEAT_GROUP_FIELDS } from '../../../../shared/records'
import type { Intensity, LoadKind, RecoveryMode, RepeatGroup } from '../../../../shared/training'
import { loadInUnit, readLoadText, type WeightUnit } from '../../../../shared/units'
import { formatNumber } from '../../i18n/format'
import { tr } from '../../i18n/instance'
import { wordError } from '../../../../shared/i18n/message'

export type WorkKind = 'time' | 'distance'
export type IntensityChoice = Intensity | 'none'

/** What the person typed into the structured fields: strings, so half-typed input survives. */
export interface GroupDraft {
  count: string
  workKind: WorkKind
  work: string
  intensity: IntensityChoice
  intensityPct: string
  hill: boolean
  incline: string
  recovery: string
  recoveryMode: RecoveryMode
  /** The external load, in `loadUnit` (the runner's weight unit); empty for none. */
  load: string
  loadKind: LoadKind | ''
  loadUnit: WeightUnit
  /** Treadmill speed in km/h; empty for none. */
  speed: string
}

export type GroupField = 'count' | 'work' | 'intensityPct' | 'incline' | 'load' | 'speed' | 'recovery'
export type GroupErrors = Partial<Record<GroupField, string>>

/** The order the structured fields appear in, for focusing the first bad one. */
export const GROUP_FIELDS: readonly GroupField[] = ['count', 'work', 'intensityPct', 'incline', 'load', 'speed', 'recovery']

export const EMPTY_GROUP: GroupDraft = {
  count: '',
  workKind: 'time',
  work: '',
  intensity: 'none',
  intensityPct: '',
  hill: false,
  incline: '',
  recovery: '',
  recoveryMode: 'walk',
  load: '',
  loadKind: '',
  loadUnit: 'kg',
  speed: ''
}

/** The draft with its load shown in another unit (a load that does not read stays as typed). */
export function draftInUnit(d: GroupDraft, loadUnit: WeightUnit): GroupDraft {
  if (d.loadUnit === loadUnit) return d
  const r = readLoadText(d.load, d.loadUnit)
  return { ...d, loadUnit, load: r.ok && r.kg !== null ? String(loadInUnit(r.kg, loadUnit)) : d.load }
}

/**
 * The bounds of a repeat group's fields, from its field table. A valid draft must also be one the notation can
 * write, so an incline starts at 0 % and a timed recovery at 1 s (the notation has no sign and no `0s`).
 */
const range = (f: { min: number | null; max: number | null }, min = f.min ?? 0) => ({ min, max: f.max ?? Number.MAX_SAFE_INTEGER })
const COUNT = range(REPEAT_GROUP_FIELDS.count)
const WORK_SECONDS = range(REPEAT_GROUP_FIELDS.workSeconds)
const WORK_METERS = range(REPEAT_GROUP_FIELDS.workMeters)
const PCT = range(REPEAT_GROUP_FIELDS.intensityPct)
const INCLINE = range(REPEAT_GROUP_FIELDS.inclinePct, 0)
const RECOVERY = range(REPEAT_GROUP_FIELDS.recoverySeconds, 1)
const KMH = range(REPEAT_GROUP_FIELDS.treadmillKmh)
const LOAD_MAX_KG = REPEAT_GROUP_FIELDS.loadKg.max ?? 300
const inRange = (n: number, r: { min: number; max: number }) => n >= r.min && n <= r.max

export function groupToDraft(g: RepeatGroup, loadUnit: WeightUnit = 'kg'): GroupDraft {
  const distance = g.workSeconds === null && g.workMeters !== null
  return {
    count: String(g.count),
    workKind: distance ? 'distance' : 'time',
    work: distance ? String(g.workMeters) : durationNotation(g.workSeconds ?? 0),
    intensity: g.intensity ?? 'none',
    intensityPct: g.intensityPct === null ? '' : String(g.intensityPct),
    hill: g.hill,
    incline: g.hill || g.inclinePct === null ? '' : String(g.inclinePct),
    recovery: g.recoverySeconds === null ? '' : durationNotation(g.recoverySeconds),
    recoveryMode: g.recoveryMode,
    load: g.loadKg == null ? '' : String(loadInUnit(g.loadKg, loadUnit)),
    loadKind: g.loadKind ?? '',
    loadUnit,
    speed: g.treadmillKmh == null ? '' : String(g.treadmillKmh)
  }
}

/** Seconds from `20`, `20s`, `20 sec`, `4m`, `4 min`, `1m30s`, `1:30`; null when it is none of these. */
export function parseDurationText(text: string): number | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, '')
  let m = /^(\d+)(?:s|sec|secs)?$/.exec(t)
  if (m) return Number(m[1])
  m = /^(\d+)(?:m|min|mins)$/.exec(t)
  if (m) return Number(m[1]) * 60
  m = /^(\d+)(?:m|min)(\d+)(?:s|sec)?$/.exec(t) ?? /^(\d+):(\d\d)$/.exec(t)
  if (m && Number(m[2]) < 60) return Number(m[1]) * 60 + Number(m[2])
  return null
}

function parseNumber(text: string): number | null {
  const t = text.trim().replace(',', '.')
  if (!/^\d+(?:\.\d+)?$/.test(t)) return null
  return Number(t)
}

/** Checks the structured fields; a valid draft becomes one repeat group that the notation can write exactly. */
export function draftToGroup(d: GroupDraft): { ok: true; group: RepeatGroup } | { ok: false; errors: GroupErrors } {
  const errors: GroupErrors = {}

  const count = parseNumber(d.count)
  if (d.count.trim() === '') errors.count = tr('protocols:errCountEmpty')
  else if (count === null || !Number.isInteger(count)) errors.count = tr('protocols:errNotWhole', { text: d.count.trim() })
  else if (!inRange(count, COUNT)) errors.count = tr('protocols:errCountRange', COUNT)

  let workSeconds: number | null = null
  let workMeters: number | null = null
  if (d.workKind === 'time') {
    workSeconds = parseDurationText(d.work)
    if (d.work.trim() === '') errors.work = tr('protocols:errWorkTimeEmpty')
    else if (workSeconds === null) errors.work = tr('protocols:errWorkTimeBad', { text: d.work.trim() })
    else if (!inRange(workSeconds, WORK_SECONDS)) errors.work = tr('protocols:errWorkTimeRange', { min: durationNotation(WORK_SECONDS.min), max: durationNotation(WORK_SECONDS.max) })
  } else {
    workMeters = parseNumber(d.work.replace(/\s*m(?:tr)?$/i, ''))
    if (d.work.trim() === '') errors.work = tr('protocols:errWorkMetersEmpty')
    else if (workMeters === null || !Number.isInteger(workMeters)) errors.work = tr('protocols:errWorkMetersBad', { text: d.work.trim() })
    else if (!inRange(workMeters, WORK_METERS)) errors.work = tr('protocols:errWorkMetersRange', { min: formatNumber(WORK_METERS.min), max: formatNumber(WORK_METERS.max) })
  }

  let intensityPct: number | null = null
  if (d.intensity === 'custom') {
    intensityPct = parseNumber(d.intensityPct.replace(/%$/, ''))
    if (d.intensityPct.trim() === '') errors.intensityPct = tr('protocols:errPctEmpty')
    else if (intensityPct === null) errors.intensityPct = tr('protocols:errNotPct', { text: d.intensityPct.trim() })
    else if (!inRange(intensityPct, PCT)) errors.intensityPct = tr('protocols:errPctRange', PCT)
  }

  let inclinePct: number | null = null
  if (!d.hill && d.incline.trim() !== '') {
    inclinePct = parseNumber(d.incline.replace(/%$/, ''))
    if (inclinePct === null) errors.incline = tr('protocols:errNotPct', { text: d.incline.trim() })
    else if (!inRange(inclinePct, INCLINE)) errors.incline = tr('protocols:errInclineRange', INCLINE)
  }

  let loadKg: number | null = null
  const load = readLoadText(d.load, d.loadUnit)
  if (!load.ok) errors.load = wordError(load)
  else if (load.kg !== null && (load.kg <= 0 || load.kg > LOAD_MAX_KG)) errors.load = tr('protocols:errLoadRange', { max: formatNumber(loadInUnit(LOAD_MAX_KG, d.loadUnit), 1), unit: d.loadUnit })
  else if (load.kg !== null && d.loadKind === '') errors.load = tr('protocols:errLoadKindMissing')
  else if (load.kg === null && d.loadKind !== '') errors.load = tr('protocols:errLoadMissing', { unit: d.loadUnit })
  else loadKg = load.kg

  let treadmillKmh: number | null = null
  if (d.speed.trim() !== '') {
    treadmillKmh = parseNumber(d.speed.replace(/\s*km\/?h$/i, ''))
    if (treadmillKmh === null) errors.speed = tr('protocols:errSpeedBad', { text: d.speed.trim() })
    else if (!inRange(treadmillKmh, KMH)) errors.speed = tr('protocols:errSpeedRange', KMH)
    else if (d.workKind === 'distance') errors.speed = tr('protocols:errSpeedNeedsTime')
  }

  let recoverySeconds: number | null = null
  if (d.recovery.trim() === '') {
    if (d.recoveryMode !== 'walk-down') errors.recovery = tr('protocols:errRecoveryEmpty')
  } else {
    recoverySeconds = parseDurationText(d.recovery)
    if (recoverySeconds === null) errors.recovery = tr('protocols:errRecoveryBad', { text: d.recovery.trim() })
    else if (!inRange(recoverySeconds, RECOVERY)) errors.recovery = tr('protocols:errRecoveryRange', { min: durationNotation(RECOVERY.min), max: durationNotation(RECOVERY.max) })
  }

  if (Object.keys(errors).length > 0 || count === null) return { ok: false, errors }
  const group: RepeatGroup = {
    count,
    workSeconds,
    workMeters,
    intensity: d.intensity === 'none' ? null : d.intensity,
    intensityPct,
    hill: d.hill,
    inclinePct,
    recoverySeconds,
    recoveryMode: d.recoveryMode,
    loadKg,
    loadKind: loadKg === null || d.loadKind === '' ? null : d.loadKind,
    treadmillKmh
  }
  // The notation is the plan's canonical form: make sure it can say exactly this.
  const back = parseNotation(formatNotation([group]))
  if (!back.ok) return { ok: false, errors: { work: wordError(back.error) } }
  return { ok: true, group }
}
