import { describe, expect, it } from 'vitest'
import type { Field, Fields } from '../../src/shared/fields'
import * as records from '../../src/shared/records'

/**
 * Every refusal a field table's schema can give is worded by the app — naming the field, and for a bound the bound
 * itself — never zod's English default ("Invalid input: expected number, received string", "Too big: expected
 * number to be <=100000").
 */

const TABLES = Object.entries(records).filter(([name]) => name.endsWith('_FIELDS')) as [string, Fields][]

/** The wording zod gives when a schema sets none. */
const ZOD_DEFAULT = /\bexpected\b|\breceived\b|^Invalid (input|option|string|element|key|value|union)|^Too (big|small)|^Unrecognized key|^Number must|^String must|^Array must/

/** Values a field must refuse, from what its definition says; each with the bound it breaks, if any. */
function badValues(f: Field): { value: unknown; bound?: number }[] {
  const out: { value: unknown; bound?: number }[] = [{ value: {} }, { value: [] }]
  if (!f.nullable) out.push({ value: null })
  if (f.type !== 'text' && f.type !== 'uuid' && f.type !== 'date' && f.type !== 'time' && f.type !== 'datetime' && f.type !== 'enum') out.push({ value: 'x' })
  if (f.type !== 'number' && f.type !== 'integer' && f.type !== 'id') out.push({ value: 7 })
  if (f.type !== 'boolean') out.push({ value: true })
  if (f.type === 'number' || f.type === 'integer' || f.type === 'id') {
    out.push({ value: Number.NaN }, { value: Number.POSITIVE_INFINITY }, { value: '12' })
    if (f.min !== null) out.push({ value: f.min - 0.5, bound: f.min }, { value: f.min - 1000, bound: f.min })
    if (f.above !== null) out.push({ value: f.above, bound: f.above }, { value: f.above - 1, bound: f.above })
    if (f.max !== null) out.push({ value: f.max + 0.5, bound: f.max }, { value: f.max + 1000, bound: f.max })
    if (f.type !== 'number') out.push({ value: (f.min ?? 1) + 0.5 })
  }
  if (f.maxLength !== null) out.push({ value: 'a'.repeat(f.maxLength + 1), bound: f.maxLength })
  if (f.values !== null) out.push({ value: 'not-a-value' }, { value: f.values[0]?.toUpperCase() === f.values[0] ? 'x' : f.values[0]?.toUpperCase() })
  if (f.type === 'uuid') out.push({ value: 'not-a-uuid' }, { value: '7E57D004-2B97-0E7A-B45F-5387367791CD' })
  if (f.type === 'date') out.push({ value: '2026-02-30' }, { value: '20.11.2026' })
  if (f.type === 'time') out.push({ value: '24:00' }, { value: '7:30' })
  if (f.type === 'datetime') out.push({ value: '2026-11-20 07:30' })
  if (f.type === 'json') {
    const group = { count: 6, workSeconds: 20, workMeters: null, intensity: 'max', intensityPct: null, hill: false, inclinePct: null, recoverySeconds: 120, recoveryMode: 'walk' }
    out.push({ value: [] }, { value: Array.from({ length: 11 }, () => group) }, { value: [{ ...group, count: 0 }] }, { value: [{ ...group, extra: 1 }] }, { value: [{ ...group, workMeters: 100 }] })
  }
  return out
}

/** The bound as a person reads it in a message: `100000`, `10,000` or `−10`. */
const boundTexts = (n: number) => [String(n), n.toLocaleString('en'), String(n).replace('-', '−')]

describe('field messages', () => {
  it('finds the field tables', () => {
    expect(TABLES.map(([name]) => name)).toEqual(['REP_FIELDS', 'REPEAT_GROUP_FIELDS', 'SESSION_FIELDS', 'WEIGHT_FIELDS', 'BLOCK_FIELDS', 'PROTOCOL_FIELDS'])
  })

  for (const [table, fields] of TABLES) {
    for (const [key, f] of Object.entries(fields)) {
      it(`${table}.${key}: every refusal is in the app's words, and a bound's names the bound`, () => {
        let refusals = 0
        for (const { value, bound } of badValues(f)) {
          const r = f.schema.safeParse(value)
          if (r.success) continue
          refusals++
          for (const issue of r.error.issues) {
            const where = `${table}.${key} given ${typeof value === 'string' && value.length > 40 ? `${value.length} characters` : JSON.stringify(value)}`
            expect(issue.message, where).not.toMatch(ZOD_DEFAULT)
            expect(issue.message, where).toMatch(/^[A-Z0-9−].*\.$/)
            if (bound !== undefined && (issue.code === 'too_big' || issue.code === 'too_small')) {
              expect(boundTexts(bound).some((t) => issue.message.includes(t)), `${where}: “${issue.message}” does not say ${bound}`).toBe(true)
            }
          }
        }
        expect(refusals, `${table}.${key} refused nothing`).toBeGreaterThan(0)
      })
    }
  }

  it('a bound the runner meets reads as plain words', () => {
    expect(records.REP_FIELDS.distanceMeters.schema.safeParse(150_000).error?.issues[0]?.message).toBe('Distance must be at most 100000 m.')
    expect(records.REP_FIELDS.heartRate.schema.safeParse(171.5).error?.issues[0]?.message).toBe('Heart rate must be a whole number.')
    expect(records.REP_FIELDS.intensityPct.schema.safeParse(120).error?.issues[0]?.message).toBe('Intensity is at most 100 %.')
    expect(records.PROTOCOL_FIELDS.groups.schema.safeParse(Array.from({ length: 11 }, () => ({}))).error?.issues.some((i) => i.message === 'A protocol has at most 10 repeat groups.')).toBe(true)
  })
})
