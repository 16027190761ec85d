/** Unit conversion for display. Everything is stored in SI units (kilograms, metres, seconds). */

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

export type ReadWeight = { ok: true; kg: number } | { ok: false; message: string }

/**
 * Reads a weight typed by a person in their display unit, as kilograms. Accepts a decimal point or a decimal
 * comma. The result is rounded to 0.01 kg (ten grams), well below a scale's precision. Whether the weight is
 * one a person can have is the body-weight schema's to judge (records.ts).
 */
export function readWeightText(text: string, unit: WeightUnit): ReadWeight {
  const t = text.trim().replace(',', '.')
  if (t === '') return { ok: false, message: 'Enter a weight.' }
  if (!/^\d+(\.\d+)?$/.test(t)) return { ok: false, message: `“${text.trim()}” is not a number.` }
  return { ok: true, kg: Math.round(unitToKg(Number(t), unit) * 100) / 100 }
}
