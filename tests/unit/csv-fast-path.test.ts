import { describe, expect, it } from 'vitest'
import { type Cells, HEADERS, plainRepCells, quickRep, quickSessionHead, readHeader, repCells, repInput, sessionHeadInput, sessionHeadSchema } from '../../src/shared/csv'
import { rep as repSchema } from '../../src/shared/schemas'

/**
 * The import's fast paths (`quickRep`, `quickSessionHead`) against the zod schemas they stand in for: on every value
 * near the edge of every range, alone and in random combinations, a fast path accepts exactly what the schema
 * accepts and gives exactly the schema's value (same fields, same order), so the schema's word is never changed.
 */

/** Values around each bound, plus wrong types. */
const around = (...bounds: number[]) => [
  ...bounds.flatMap((b) => [b - 1, b - 0.001, b - Number.EPSILON * Math.max(1, Math.abs(b)), b, b + Number.EPSILON * Math.max(1, Math.abs(b)), b + 0.001, b + 1]),
  0,
  -0,
  0.5,
  1e9,
  -1e9,
  '1',
  true
]
const numbers = (...bounds: number[]) => [...around(...bounds), null]

const REP_VALUES: Record<string, readonly unknown[]> = {
  rep_work_seconds: [...around(0.1, 7200), null],
  rep_distance_m: numbers(0, 100_000),
  rep_intensity: ['max', 'near-max', 'moderate', 'custom', 'MAX', '', 'fast', null, 1],
  rep_intensity_pct: numbers(1, 100),
  rep_rpe: numbers(0, 10),
  rep_recovery_seconds: numbers(0, 7200),
  rep_recovery_mode: ['walk', 'jog', 'stand', 'walk-down', 'run', '', null],
  rep_incline_pct: numbers(-10, 40),
  rep_hill: [true, false, null, 'true', 1],
  rep_completed: [true, false, null, 'false', 0],
  rep_heart_rate_bpm: [...numbers(30, 250), 150.5]
}
const REP_VALID: Cells = {
  rep_work_seconds: 20,
  rep_distance_m: 150,
  rep_intensity: 'custom',
  rep_intensity_pct: 90,
  rep_rpe: 8,
  rep_recovery_seconds: 120,
  rep_recovery_mode: 'walk',
  rep_incline_pct: -2.5,
  rep_hill: false,
  rep_completed: true,
  rep_heart_rate_bpm: 170
}

const HEAD_VALUES: Record<string, readonly unknown[]> = {
  start_time: ['07:30', '00:00', '23:59', '24:00', '7:30', '07:60', '07:30:00', '', null, 730],
  warmup_seconds: [...numbers(0, 7200), 599.5],
  cooldown_seconds: [...numbers(0, 7200), 299.5],
  rpe: numbers(0, 10),
  could_not_recover: [true, false, null, 'true'],
  notes: ['', 'felt strong', 'x'.repeat(10_000), 'x'.repeat(10_001), null, 5]
}
const HEAD_VALID: Cells = { start_time: '07:30', warmup_seconds: 600, cooldown_seconds: 300, rpe: 7.5, could_not_recover: false, notes: 'windy' }

/**
 * Cells the schema fills with a default when they are empty (null): the import never gets there with them, since
 * an empty required cell is already an error, so the fast paths leave those to the schema.
 */
const DEFAULTED = ['warmup_seconds', 'cooldown_seconds', 'could_not_recover', 'notes']

function agree(quick: (v: Cells) => unknown, schema: { safeParse(x: unknown): { success: boolean; data?: unknown } }, input: (v: Cells) => unknown, v: Cells) {
  const fast = quick(v)
  const slow = schema.safeParse(input(v))
  const label = JSON.stringify(v)
  // Accepts only what the schema accepts, and gives the schema's value, field order included…
  if (fast !== null) {
    expect(slow.success, label).toBe(true)
    expect(JSON.stringify(fast), label).toBe(JSON.stringify(slow.data))
  }
  // …and everything it accepts (but for defaults of empty cells).
  else if (!DEFAULTED.some((k) => v[k] === null)) expect(slow.success, label).toBe(false)
}

function check(quick: (v: Cells) => unknown, schema: Parameters<typeof agree>[1], input: (v: Cells) => unknown, values: Record<string, readonly unknown[]>, valid: Cells) {
  let accepted = 0
  // Each field on its own, the others valid.
  for (const [key, list] of Object.entries(values)) {
    for (const x of list) {
      const v = { ...valid, [key]: x } as Cells
      agree(quick, schema, input, v)
      if (quick(v) !== null) accepted++
    }
  }
  // Random combinations, so that the checks that relate fields (a custom intensity needs a percentage) meet.
  let seed = 3
  const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647
  for (let i = 0; i < 20_000; i++) {
    const v: Cells = {}
    for (const [key, list] of Object.entries(values)) v[key] = (rnd() < 0.6 ? valid[key] : list[Math.floor(rnd() * list.length)]) as Cells[string]
    agree(quick, schema, input, v)
    if (quick(v) !== null) accepted++
  }
  return accepted
}

describe('import fast paths', () => {
  it('quickRep accepts exactly what the rep schema accepts, with the same value', () => {
    expect(check(quickRep, repSchema, repInput, REP_VALUES, REP_VALID)).toBeGreaterThan(1000)
    expect(quickRep({ ...REP_VALID, rep_intensity: 'custom', rep_intensity_pct: null })).toBeNull()
    expect(quickRep({ ...REP_VALID, rep_intensity: 'max', rep_intensity_pct: null })).not.toBeNull()
  })

  it('quickSessionHead accepts exactly what the session schema accepts, with the same value', () => {
    expect(check(quickSessionHead, sessionHeadSchema, sessionHeadInput, HEAD_VALUES, HEAD_VALID)).toBeGreaterThan(1000)
  })

  it('plainRepCells reads exactly what the general cell reader reads, wherever it reads a row at all', () => {
    const h = readHeader([...HEADERS.reps])
    if (!h.ok) throw new Error(h.message)
    const header = h.header
    const first = header.index.rep_number as number
    const numbers = ['', '0', '1', '7', '007', '20', '100', '101', '-3', '-0', '+3', '2.5', '2.', '.5', '2.50', '1e3', ' 20', '20 ', '2,5', '1.0', 'x', '-', '.', '-.5', '-.', '1234567890123456', '123456789012345', '٣']
    const pools: string[][] = [
      numbers, // rep_number
      numbers, // rep_work_seconds
      numbers, // rep_distance_m
      ['max', 'near-max', 'moderate', 'custom', 'MAX', ' max', 'max ', "'max", "'=max", '', 'fast'],
      numbers,
      numbers,
      numbers,
      ['walk', 'jog', 'stand', 'walk-down', 'Walk', ' jog', '', 'run'],
      numbers,
      ['true', 'false', 'TRUE', 'yes', '1', '0', ' true', '', 'x'],
      ['true', 'false', 'False', 'no', '', 'x'],
      numbers
    ]
    const valid = ['3', '20', '150', 'max', '', '8', '120', 'walk', '', 'false', 'true', '']
    let seed = 11
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647
    let read = 0
    for (let i = 0; i < 30_000; i++) {
      const row: string[] = new Array<string>(HEADERS.reps.length).fill('x')
      for (let k = 0; k < 12; k++) {
        const pool = pools[k] as string[]
        row[first + k] = rnd() < 0.7 ? (valid[k] as string) : (pool[Math.floor(rnd() * pool.length)] as string)
      }
      const plain = plainRepCells(header, row)
      if (plain === null) continue
      read++
      for (const decimalComma of [false, true]) {
        const general = repCells(header, row, { decimalComma })
        const label = JSON.stringify(row.slice(first))
        expect(general.issues, label).toEqual([])
        expect(Object.keys(plain), label).toEqual(Object.keys(general.cells))
        for (const key of Object.keys(plain)) expect(Object.is(plain[key], general.cells[key]), `${label} ${key}`).toBe(true)
      }
    }
    expect(read).toBeGreaterThan(3000)
  })
})
