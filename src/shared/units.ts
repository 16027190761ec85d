/** Unit conversion for display. Everything is stored in SI units (kilograms, metres, seconds). */
import { type Worded, worded } from './i18n/message'

export type WeightUnit = 'kg' | 'lb'
export const WEIGHT_UNITS: readonly WeightUnit[] = ['kg', 'lb']

/** The international avoirdupois pound, exactly. */
export const KG_PER_LB = 0.45359237

/** The body weights Sprintlog accepts, in kilograms; anything outside is a typing mistake. */
export const MIN_BODY_KG = 20
export const MAX_BODY_KG = 400

export function kgToUnit(kg: number, unit: WeightUnit): number {
  return unit === 'kg' ? kg : kg / KG_PER_LB
}

export function unitToKg(value: number, unit: WeightUnit): number {
  return unit === 'kg' ? value : value * KG_PER_LB
}

/** Rounds to one decimal, the precision of a bathroom scale. */
export function round1(n: number): number {
  return Math.round(n * 10) / 10
}

export function formatWeight(kg: number, unit: WeightUnit): string {
  return `${round1(kgToUnit(kg, unit)).toFixed(1)} ${unit}`
}

export type ReadWeight = { ok: true; kg: number } | ({ ok: false } & Worded)

/**
 * Reads a weight typed by a person in their display unit, as kilograms. Accepts a decimal point or a decimal
 * comma. The result is rounded to 0.01 kg (ten grams), well below a scale's precision. Whether the weight is
 * one a person can have is the body-weight schema's to judge (records.ts).
 */
export function readWeightText(text: string, unit: WeightUnit): ReadWeight {
  const t = text.trim().replace(',', '.')
  if (t === '') return { ok: false, ...worded({ key: 'enterWeight' }) }
  if (!/^\d+(\.\d+)?$/.test(t)) return { ok: false, ...worded({ key: 'notANumber', params: { text: text.trim() } }) }
  return { ok: true, kg: Math.round(unitToKg(Number(t), unit) * 100) / 100 }
}

// ---------------------------------------------------------------------------------------------------------------
// External loads (a weight vest, a sled): stored in kilograms, shown and typed in the runner's unit.

/** A load typed in the runner's unit, as kilograms to 0.01 kg (ten grams; a load typed in lb shows back the same). */
export function loadToKg(value: number, unit: WeightUnit): number {
  return Math.round(unitToKg(value, unit) * 100) / 100
}

/** A load in the runner's unit, for display and editing: kg to 0.01, lb to 0.1. */
export function loadInUnit(kg: number, unit: WeightUnit): number {
  return unit === 'kg' ? Math.round(kg * 100) / 100 : round1(kg / KG_PER_LB)
}

/** `+10 kg vest`, `+22 lb sled`: a rep's load in the runner's unit, with what carries it. */
export function formatLoad(kg: number, kind: string, unit: WeightUnit): string {
  return `+${loadInUnit(kg, unit)} ${unit} ${kind}`
}

export type ReadLoad = { ok: true; kg: number | null } | ({ ok: false } & Worded)

/** Reads a load typed in the runner's unit (a decimal point or comma); an empty field is no load. */
export function readLoadText(text: string, unit: WeightUnit): ReadLoad {
  const t = text.trim().replace(',', '.').replace(new RegExp(`\\s*${unit}$`, 'i'), '')
  if (t === '') return { ok: true, kg: null }
  if (!/^\d+(\.\d+)?$/.test(t)) return { ok: false, ...worded({ key: 'notALoad', params: { text: text.trim(), unit } }) }
  return { ok: true, kg: loadToKg(Number(t), unit) }
}

// ---------------------------------------------------------------------------------------------------------------
// Distances and speeds: stored in metres and metres per second, shown in the runner's unit. Metric shows a rep's
// distance in metres and totals in kilometres; imperial, as a US track runner counts, a rep's distance in yards
// (a 150 m sprint is 164 yd) and totals in miles.

export type DistanceUnit = 'km' | 'mi'
export const DISTANCE_UNITS: readonly DistanceUnit[] = ['km', 'mi']

/** The international mile and yard, exactly. */
export const M_PER_MILE = 1609.344
export const M_PER_YARD = 0.9144

/** A rep's distance in the runner's short unit: metres, or yards. */
export function repDistanceInUnit(m: number, unit: DistanceUnit): number {
  return unit === 'km' ? m : m / M_PER_YARD
}

/**
 * A rep's distance typed in the runner's short unit (m or yd), as metres; yards to 0.01 m, so that a distance
 * typed to 0.1 yd shows back as typed (0.1 m would turn 31 yd into 30.9 yd).
 */
export function repDistanceToMeters(value: number, unit: DistanceUnit): number {
  return unit === 'km' ? value : Math.round(value * M_PER_YARD * 100) / 100
}

/** A total distance in the runner's long unit: kilometres, or miles. */
export function totalDistanceInUnit(m: number, unit: DistanceUnit): number {
  return unit === 'km' ? m / 1000 : m / M_PER_MILE
}

/** Seconds per kilometre or per mile at `mps` metres per second; null when not moving. */
export function paceSeconds(mps: number, unit: DistanceUnit): number | null {
  if (!(mps > 0) || !Number.isFinite(mps)) return null
  return (unit === 'km' ? 1000 : M_PER_MILE) / mps
}

/** km/h or mph from metres per second. */
export function speedInUnit(mps: number, unit: DistanceUnit): number {
  return unit === 'km' ? mps * 3.6 : (mps * 3600) / M_PER_MILE
}

/** A treadmill speed typed in km/h or mph, as km/h to 0.1 (the stored unit of a treadmill's speed). */
export function treadmillToKmh(value: number, unit: DistanceUnit): number {
  return unit === 'km' ? value : Math.round(((value * M_PER_MILE) / 1000) * 10) / 10
}

/** A treadmill speed stored in km/h, in km/h or mph to 0.1. */
export function treadmillInUnit(kmh: number, unit: DistanceUnit): number {
  return unit === 'km' ? kmh : Math.round(((kmh * 1000) / M_PER_MILE) * 10) / 10
}

/** The short unit of a rep's distance (`m`, `yd`) and the unit of a treadmill's speed (`km/h`, `mph`), as typed. */
export const REP_DISTANCE_UNIT: Record<DistanceUnit, string> = { km: 'm', mi: 'yd' }
export const TREADMILL_UNIT: Record<DistanceUnit, string> = { km: 'km/h', mi: 'mph' }

/** A rep's stored distance as the form's text: metres as stored, yards to 0.1 yd. */
export function repDistanceText(m: number, unit: DistanceUnit): string {
  return unit === 'km' ? String(m) : String(Math.round(repDistanceInUnit(m, unit) * 10) / 10)
}

/** A treadmill's stored speed (km/h) as the form's text, in km/h or mph to 0.1. */
export function treadmillText(kmh: number, unit: DistanceUnit): string {
  return String(treadmillInUnit(kmh, unit))
}

/** A number read from a field: null when the field is empty, 'bad' when it is not a number. */
export type ReadNumber = number | null | 'bad'

/** A number typed with a decimal point or comma, optionally followed by `suffix` (`164 yd`, `8 mph`, `12kmh`). */
function readWithSuffix(text: string, suffixes: readonly string[]): ReadNumber {
  let t = text.trim().replace(',', '.')
  for (const s of suffixes) {
    if (t.toLowerCase().endsWith(s)) {
      t = t.slice(0, t.length - s.length).trimEnd()
      break
    }
  }
  if (t === '') return text.trim() === '' ? null : 'bad'
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : 'bad'
}

/** A rep's distance typed in m or yd (the unit may follow the number), as metres. */
export function readRepDistance(text: string, unit: DistanceUnit): ReadNumber {
  const v = readWithSuffix(text, unit === 'km' ? ['m'] : ['yd', 'yds'])
  return typeof v === 'number' ? repDistanceToMeters(v, unit) : v
}

/** A treadmill speed typed in km/h or mph (the unit may follow the number), as km/h. */
export function readTreadmill(text: string, unit: DistanceUnit): ReadNumber {
  const v = readWithSuffix(text, unit === 'km' ? ['km/h', 'kmh', 'kph'] : ['mph'])
  return typeof v === 'number' ? treadmillToKmh(v, unit) : v
}

/**
 * What a field showed before a switch of unit converted it: the text as typed, its unit, and the text the switch put
 * in its place. Switching back restores the typed text as long as the field still shows the converted one, so
 * switching units and back never drifts (12 km/h is 7.5 mph, which is 12.1 km/h).
 */
export interface TypedText<U extends string> {
  unit: U
  text: string
  shown: string
}

/**
 * A field's text in unit `to` instead of `from`: `convert` turns text in one unit into text in another (leaving text
 * it cannot read as it is). Gives the new text and what to remember for the way back (undefined when there is none).
 */
export function convertTyped<U extends string>(
  text: string,
  typed: TypedText<U> | undefined,
  from: U,
  to: U,
  convert: (text: string, from: U, to: U) => string
): { text: string; typed: TypedText<U> | undefined } {
  const source = typed && typed.shown === text ? typed : { unit: from, text }
  if (source.unit === to) return { text: source.text, typed: undefined }
  const shown = convert(source.text, source.unit, to)
  // Text left as it is (empty, or no number) needs no way back; a number that reads the same in both units does.
  return shown === source.text && convert(shown, to, source.unit) === source.text ? { text: shown, typed: undefined } : { text: shown, typed: { unit: source.unit, text: source.text, shown } }
}

/** A rep distance's text typed in one unit, in another; text that is no distance stays as typed. */
export function convertRepDistanceText(text: string, from: DistanceUnit, to: DistanceUnit): string {
  const m = readRepDistance(text, from)
  return typeof m === 'number' ? repDistanceText(m, to) : text
}

/** A treadmill speed's text typed in one unit, in another; text that is no speed stays as typed. */
export function convertTreadmillText(text: string, from: DistanceUnit, to: DistanceUnit): string {
  const kmh = readTreadmill(text, from)
  return typeof kmh === 'number' ? treadmillText(kmh, to) : text
}
