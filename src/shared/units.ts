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
