/**
 * The body-weight form's check: the form reads the typed text (the person's unit, a decimal comma), the
 * shared `weightFields` schema, the one the back end and the import use, judges the values. Errors are keyed
 * by the schema's paths (`date`, `kg`, `note`); a weight out of bounds is worded in the person's unit.
 */
import { todayLocal } from '../../../../shared/dates'
import { WEIGHT_FIELDS } from '../../../../shared/records'
import type { AppError } from '../../../../shared/result'
import { weightFields } from '../../../../shared/schemas'
import { kgToUnit, readWeightText, round1, type WeightUnit } from '../../../../shared/units'
import { addIssues, errorsFromResult, type PathIssue, topFieldOf } from '../../components/fieldErrors'
import { formatNumber } from '../../i18n/format'
import { tr } from '../../i18n/instance'
import { wordError } from '../../../../shared/i18n/message'

export interface WeightDraft {
  date: string
  kg: number
  note: string
}

export type WeightField = 'date' | 'kg' | 'note'
export type WeightErrors = Partial<Record<WeightField | 'form', string>>

/** The fields in the order they appear, for focusing the first bad one. */
export const WEIGHT_FIELDS_IN_ORDER: readonly WeightField[] = ['date', 'kg', 'note']

/** What was typed into the form or into a row being edited. */
export interface WeightValues {
  date: string
  weight: string
  note: string
}

/** The schema's bounds of a body weight, in `unit`: `A body weight must be between 44.1 and 881.8 lb.` */
export function weightRangeMessage(unit: WeightUnit): string {
  const { min, max } = WEIGHT_FIELDS.kg
  const at = (kg: number | null) => round1(kgToUnit(kg ?? 0, unit))
  return tr('weight:errRange', { min: formatNumber(at(min), 1), max: formatNumber(at(max), 1), unit })
}

/** A body weight in the runner's unit, one decimal, in the language's digits: `72.4 kg`. */
export function weightText(kg: number, unit: WeightUnit): string {
  return tr('weight:weightValue', { weight: formatNumber(round1(kgToUnit(kg, unit)), 1, 1), unit })
}

/**
 * The entry to save, or what is wrong, keyed by field. Text that cannot be read gets the form's own message;
 * every value that can be read is judged by the shared schema.
 */
export function validateWeightForm(
  values: WeightValues,
  unit: WeightUnit,
  today = todayLocal()
): { ok: true; draft: WeightDraft } | { ok: false; errors: WeightErrors } {
  const errors: WeightErrors = {}
  if (values.date.trim() === '') errors.date = tr('weight:errNoDate')
  const weight = readWeightText(values.weight, unit)
  if (!weight.ok) errors.kg = wordError(weight)
  const parsed = weightFields.safeParse({ date: values.date, kg: weight.ok ? weight.kg : WEIGHT_FIELDS.kg.min, note: values.note.trim() })
  if (!parsed.success) {
    // The schema states a bound in kilograms; the person reads it in their own unit.
    const issues: PathIssue[] = parsed.error.issues.map((i) =>
      i.path[0] === 'kg' && (i.code === 'too_small' || i.code === 'too_big') ? { path: i.path, message: weightRangeMessage(unit) } : i
    )
    addIssues(errors, issues)
  }
  // Not a bound of the record (the back end and the import take any real date): the form guards against a mistyped year.
  if (!errors.date && values.date > today) errors.date = tr('weight:errFutureDate')
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors }
  return { ok: true, draft: parsed.data }
}

/** A back-end error at the form's fields; its message for the whole form when no field is named. */
export function weightErrorsFromResult(error: AppError): WeightErrors {
  return errorsFromResult(error, topFieldOf(WEIGHT_FIELDS_IN_ORDER))
}
