import { addDays, format } from 'date-fns'
import { describe, expect, it } from 'vitest'
import { addLocalDays, daysBetween, isLocalDate, parseLocalDate } from '../../src/shared/dates'
import { formatWeight, KG_PER_LB, kgToUnit, readWeightText, unitToKg } from '../../src/shared/units'

describe('local dates', () => {
  it.each(['2026-02-30', '2026-13-01', '2026-1-1', '26-01-01', '2026-00-10', '', 'today', '2026-02-29', '1899-12-31', '2101-01-01'])(
    'rejects %j',
    (s) => expect(isLocalDate(s)).toBe(false)
  )
  it.each(['2024-02-29', '2026-11-22', '1900-01-01', '2100-12-31'])('accepts %s', (s) => expect(isLocalDate(s)).toBe(true))
  it('agrees with the calendar (date-fns) on every day of 1899–2101 and on impossible days', () => {
    for (let y = 1899; y <= 2101; y++) {
      for (let m = 0; m <= 13; m++) {
        for (let d = 0; d <= 32; d++) {
          const s = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
          const real = parseLocalDate(s) !== null && s >= '1900-01-01' && s <= '2100-12-31'
          if (isLocalDate(s) !== real) expect(isLocalDate(s), s).toBe(real)
        }
      }
    }
  })

  it('runs in a time zone with daylight saving (so the next test means something)', () => {
    expect(new Date(2026, 2, 28, 12).getTimezoneOffset()).not.toBe(new Date(2026, 2, 30, 12).getTimezoneOffset())
  })

  it('counts calendar days across daylight-saving changes and year ends', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2) // EU spring forward on 29 March
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2) // EU fall back on 25 October
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1)
    expect(addLocalDays('2026-12-30', 3)).toBe('2027-01-02')
    expect(addLocalDays('2024-03-01', -1)).toBe('2024-02-29')
  })

  it('adds and counts days exactly as the calendar (date-fns, in local time) does, across 1899–2101', () => {
    const base = parseLocalDate('1900-01-01') as Date
    for (let i = -400; i < 73_500; i += 5) {
      const a = format(addDays(base, i), 'yyyy-MM-dd')
      for (const k of [-800, -366, -1, 0, 1, 29, 365]) {
        const b = format(addDays(base, i + k), 'yyyy-MM-dd')
        if (addLocalDays(a, k) !== b) expect(addLocalDays(a, k), `${a} + ${k}`).toBe(b)
        if (daysBetween(a, b) !== k) expect(daysBetween(a, b), `${a} → ${b}`).toBe(k)
      }
    }
    expect(() => addLocalDays('2026-02-30', 1)).toThrow(/Not a calendar date/)
    expect(() => daysBetween('2026-1-1', '2026-01-02')).toThrow(/Not a calendar date/)
  })

  it('parses into local midnight', () => {
    const d = parseLocalDate('2026-11-22')
    expect(d?.getFullYear()).toBe(2026)
    expect(d?.getMonth()).toBe(10)
    expect(d?.getDate()).toBe(22)
    expect(d?.getHours()).toBe(0)
  })
})

describe('weight units', () => {
  it('converts with the exact pound', () => {
    expect(KG_PER_LB).toBe(0.45359237)
    expect(kgToUnit(68.2, 'lb')).toBeCloseTo(150.36, 2)
    expect(unitToKg(150, 'lb')).toBeCloseTo(68.04, 2)
    expect(kgToUnit(72.5, 'kg')).toBe(72.5)
    expect(formatWeight(72.46, 'kg')).toBe('72.5 kg')
    expect(formatWeight(68.0388555, 'lb')).toBe('150.0 lb')
  })

  it('reads typed weights in either unit, with a decimal comma too', () => {
    expect(readWeightText(' 72.4 ', 'kg')).toEqual({ ok: true, kg: 72.4 })
    expect(readWeightText('72,4', 'kg')).toEqual({ ok: true, kg: 72.4 })
    expect(readWeightText('160', 'lb')).toEqual({ ok: true, kg: 72.57 })
  })

  it.each([
    ['', 'Enter a weight.', 'enterWeight'],
    ['abc', '“abc” is not a number.', 'notANumber'],
    ['-70', '“-70” is not a number.', 'notANumber'],
    ['7e1', '“7e1” is not a number.', 'notANumber']
  ])('refuses %j with a clear message', (text, message, key) => {
    expect(readWeightText(text, 'kg')).toMatchObject({ ok: false, message, key })
  })

  // Whether a weight read is one a person can have is the schema's to say (tests/unit/weight-form.test.ts).
  it('reads any number, leaving the bounds to the schema', () => {
    expect(readWeightText('0', 'kg')).toEqual({ ok: true, kg: 0 })
    expect(readWeightText('1000', 'lb')).toEqual({ ok: true, kg: 453.59 })
  })
})
