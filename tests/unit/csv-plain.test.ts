import { describe, expect, it } from 'vitest'
import { HEADERS, plainRepReader, readHeader, readRep, REP_COLUMNS, type HeaderInfo } from '../../src/shared/csv'
import { REP_FIELDS } from '../../src/shared/records'
import { rng } from '../../src/main/tools/synthetic'

/**
 * The import's quick reader of rep cells against the general reader (`readRep`, the field schemas): on random rows
 * it may leave a row to the general reader, but a row it takes must be one the general reader accepts, with the
 * same values.
 */

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T

function headerOf(names: readonly string[]): HeaderInfo {
  const h = readHeader(names)
  if (!h.ok) throw new Error(h.message)
  return h.header
}

/** Cells near and beyond each field's bounds, in plain and in odd forms. */
function cellFor(r: () => number, key: string, oddRate: number): string {
  const f = (REP_FIELDS as Record<string, (typeof REP_FIELDS)[keyof typeof REP_FIELDS]>)[key]
  if (!f) throw new Error(key)
  const odd = ['', ' ', 'x', '-', '+1', ' 5', '5 ', '0x10', '1e400', '-0', '.5', '5.', '1,5', '1e2', 'NaN', 'Infinity', 'TRUE', 'yes', '1', '0', "'=1", '"', '中']
  if (r() < oddRate) return pick(r, odd)
  switch (f.type) {
    case 'number':
    case 'integer': {
      if (f.nullable && r() < 0.3) return ''
      const lo = f.min ?? f.above ?? 0
      const hi = f.max ?? 1000
      const edges = [lo, hi, lo - 1, hi + 1, lo - 0.05, hi + 0.05, f.above ?? lo, (lo + hi) / 2, Math.round((lo + hi) / 3), lo + 0.5]
      const within = lo + r() * (hi - lo)
      const n = r() < oddRate * 2 ? pick(r, edges) : f.type === 'integer' ? Math.round(within) : within
      const forms = [String(n), n.toExponential(), n.toFixed(1), String(Math.round(n))]
      return pick(r, forms)
    }
    case 'enum':
      return r() >= oddRate ? pick(r, f.values ?? []) : pick(r, ['MAX', 'walk down', ' max', 'max '])
    case 'boolean':
      return r() >= oddRate ? pick(r, ['true', 'false']) : pick(r, ['True', 'no', 'FALSE'])
    default:
      return ''
  }
}

describe('the quick rep reader', () => {
  const header = headerOf(HEADERS.reps)
  const quick = plainRepReader(header)
  const width = HEADERS.reps.length

  function row(r: () => number): string[] {
    const cells = new Array<string>(width).fill('')
    // Half the rows as an export writes them, half with odd cells here and there.
    const oddRate = r() < 0.5 ? 0 : 0.15
    for (const c of REP_COLUMNS) if (!c.derived) cells[header.index[c.name] as number] = cellFor(r, c.key, oddRate)
    return cells
  }

  it('takes only rows the general reader accepts, with the same values', () => {
    const seed = Math.floor(Math.random() * 2 ** 31)
    const r = rng(seed)
    let taken = 0
    let accepted = 0
    for (let i = 0; i < 20_000; i++) {
      const cells = row(r)
      const fast = quick(cells)
      for (const decimalComma of [false, true]) {
        const general = readRep(header, cells, { decimalComma })
        if (fast !== null) {
          expect(general.ok, `seed ${seed}, row ${cells.join(',')}`).toBe(true)
          if (general.ok) expect(fast, `seed ${seed}, row ${cells.join(',')}`).toEqual(general.value)
        }
      }
      if (fast !== null) taken++
      if (readRep(header, cells, { decimalComma: false }).ok) accepted++
    }
    // Not a vacuous check: the random rows hold both kinds, and the quick reader takes most well-written ones.
    expect(accepted).toBeGreaterThan(1000)
    expect(taken).toBeGreaterThan(accepted * 0.5)
  })

  it('takes the rows Sprintlog writes', () => {
    const cells = new Array<string>(width).fill('')
    const set = (name: string, v: string) => (cells[header.index[name] as number] = v)
    set('rep_number', '3')
    set('rep_work_seconds', '20')
    set('rep_distance_m', '')
    set('rep_intensity', 'custom')
    set('rep_intensity_pct', '85.5')
    set('rep_rpe', '9')
    set('rep_recovery_seconds', '')
    set('rep_recovery_mode', 'walk-down')
    set('rep_incline_pct', '-2.5')
    set('rep_hill', 'true')
    set('rep_completed', 'false')
    set('rep_heart_rate_bpm', '181')
    const fast = quick(cells)
    expect(fast).toEqual({
      position: 3,
      rep: {
        workSeconds: 20,
        distanceMeters: null,
        intensity: 'custom',
        intensityPct: 85.5,
        rpe: 9,
        recoverySeconds: null,
        recoveryMode: 'walk-down',
        inclinePct: -2.5,
        hill: true,
        completed: false,
        heartRate: 181,
        loadKg: null,
        loadKind: null,
        treadmillKmh: null
      }
    })
    // A load with its kind, and a treadmill speed…
    set('rep_load_kg', '12.5')
    set('rep_load_lb', '27.56')
    set('rep_load_kind', 'vest')
    set('rep_treadmill_kmh', '12')
    expect(quick(cells)?.rep).toMatchObject({ loadKg: 12.5, loadKind: 'vest', treadmillKmh: 12 })
    // …but a load without its kind, or a kind without a load, is the general reader's to word.
    for (const [kg, kind] of [
      ['12.5', ''],
      ['', 'sled']
    ] as const) {
      set('rep_load_kg', kg)
      set('rep_load_kind', kind)
      expect(quick(cells), `${kg} ${kind}`).toBeNull()
      const general = readRep(header, cells, { decimalComma: false })
      expect(general.ok).toBe(false)
      if (!general.ok) expect(JSON.stringify(general)).toMatch(kg ? /Say what carries the load/ : /A load kind goes with a load/)
    }
    set('rep_load_kg', '')
    set('rep_load_kind', '')
    // …and leaves to the general reader what it must word: a custom intensity without its percentage.
    set('rep_intensity_pct', '')
    expect(quick(cells)).toBeNull()
    expect(readRep(header, cells, { decimalComma: false }).ok).toBe(false)
  })

  it('leaves every row to the general reader when a rep field has no column', () => {
    const without: HeaderInfo = { ...header, read: { ...header.read, rep: header.read.rep.filter((c) => c.column.key !== 'heartRate') } }
    const cells = new Array<string>(width).fill('')
    for (const c of REP_COLUMNS) if (!c.derived) cells[header.index[c.name] as number] = c.type === 'enum' ? (c.field.values?.[0] ?? '') : c.type === 'boolean' ? 'true' : String(c.field.max)
    expect(quick(cells)).not.toBeNull()
    expect(plainRepReader(without)(cells)).toBeNull()
  })
})
