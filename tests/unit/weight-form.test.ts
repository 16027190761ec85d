import { describe, expect, it } from 'vitest'
import { validateWeightForm, weightErrorsFromResult, weightRangeMessage } from '../../src/renderer/src/features/weight/weightFormState'
import { WEIGHT_FIELDS } from '../../src/shared/records'
import { weightFields } from '../../src/shared/schemas'
import { KG_PER_LB } from '../../src/shared/units'

const TODAY = '2026-11-20'
const check = (weight: string, unit: 'kg' | 'lb' = 'kg', patch: { date?: string; note?: string } = {}) =>
  validateWeightForm({ date: TODAY, weight, note: '', ...patch }, unit, TODAY)
const errorsOf = (...args: Parameters<typeof check>) => {
  const r = check(...args)
  return r.ok ? {} : r.errors
}

const MIN = WEIGHT_FIELDS.kg.min ?? 0
const MAX = WEIGHT_FIELDS.kg.max ?? 0

describe('the body-weight form', () => {
  it('reads the typed weight in the person’s unit, with a decimal comma too, into what the schema takes', () => {
    const r = check('72,4', 'kg', { note: '  after breakfast ' })
    expect(r).toEqual({ ok: true, draft: { date: TODAY, kg: 72.4, note: 'after breakfast' } })
    if (r.ok) expect(weightFields.parse(r.draft)).toEqual(r.draft)
    expect(check('160', 'lb')).toEqual({ ok: true, draft: { date: TODAY, kg: 72.57, note: '' } })
  })

  it('takes the schema’s bounds, worded in the person’s unit', () => {
    expect(MIN).toBeGreaterThan(0)
    expect(check(String(MIN))).toMatchObject({ ok: true })
    expect(check(String(MAX))).toMatchObject({ ok: true })
    const kg = weightRangeMessage('kg')
    expect(kg).toBe(`A body weight must be between ${MIN} and ${MAX} kg.`)
    expect(kg).toBe('A body weight must be between 20 and 400 kg.')
    for (const typed of ['0', '700', '19.99', String(MIN - 0.01), String(MAX + 0.01)]) expect(errorsOf(typed)).toEqual({ kg })
    // In pounds: the same bounds, converted and rounded.
    expect(weightRangeMessage('lb')).toBe('A body weight must be between 44.1 and 881.8 lb.')
    expect(errorsOf('1000', 'lb')).toEqual({ kg: 'A body weight must be between 44.1 and 881.8 lb.' })
    expect(check(String(Math.ceil((MIN / KG_PER_LB) * 100) / 100), 'lb')).toMatchObject({ ok: true })
  })

  it('says what cannot be read, and guards the date', () => {
    expect(errorsOf('')).toEqual({ kg: 'Enter a weight.' })
    expect(errorsOf('seventy')).toEqual({ kg: '“seventy” is not a number.' })
    expect(errorsOf('72', 'kg', { date: '' })).toEqual({ date: 'Enter a date.' })
    expect(errorsOf('72', 'kg', { date: '2099-01-01' })).toEqual({ date: 'The date is in the future.' })
    // A date outside the calendar the schema takes is refused with the schema's message.
    const early = '1850-01-01'
    expect(errorsOf('72', 'kg', { date: early })).toEqual({ date: weightFields.shape.date.safeParse(early).error?.issues[0]?.message })
  })

  it('takes the schema’s note length', () => {
    const max = WEIGHT_FIELDS.note.maxLength ?? 0
    expect(check('72', 'kg', { note: 'n'.repeat(max) })).toMatchObject({ ok: true })
    expect(errorsOf('72', 'kg', { note: 'n'.repeat(max + 1) })).toEqual({ note: 'A note can be at most 10,000 characters.' })
  })

  it('puts the back end’s issues at the fields', () => {
    const issues = [
      { path: 'kg', message: 'A body weight must be at most 400 kg.', key: 'text' },
      { path: 'id', message: 'Expected a record id.', key: 'text' }
    ]
    expect(weightErrorsFromResult({ code: 'invalid_input', message: 'Check.', key: 'text', issues })).toEqual({ kg: 'A body weight must be at most 400 kg.' })
    expect(weightErrorsFromResult({ code: 'not_found', message: 'That entry was deleted.', key: 'text' })).toEqual({ form: 'That entry was deleted.' })
  })
})
