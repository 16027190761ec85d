import { describe, expect, it } from 'vitest'
import { formatNotation, parseNotation } from '../../src/shared/notation'
import type { RepeatGroup } from '../../src/shared/training'

function groups(text: string): RepeatGroup[] {
  const r = parseNotation(text)
  if (!r.ok) throw new Error(`${text}: ${r.error.message} [${r.error.start}, ${r.error.end})`)
  return r.groups
}

const base: RepeatGroup = {
  count: 6,
  workSeconds: 20,
  workMeters: null,
  intensity: null,
  intensityPct: null,
  hill: false,
  inclinePct: null,
  recoverySeconds: 120,
  recoveryMode: 'walk',
  loadKg: null,
  loadKind: null,
  treadmillKmh: null
}

const CANONICAL = [
  '6x20s @max / 2m walk',
  '4x4m @near-max / 3m jog',
  '4x30s hill / walk-down',
  '5x30s @85% incline 6% / 1m30s stand',
  '8x100mtr @max / 1m30s walk',
  '3x1.2km @moderate / 2m jog',
  '1x2km / 4m jog',
  '10x1250mtr @92.5% / 2m5s stand',
  '4x30s @max hill / 1m30s walk-down',
  '6x20s @max / 2m walk + 4x30s hill / walk-down',
  '2x45s incline 0% / 1m walk + 3x60m / 60m jog + 50x1s / 1s stand',
  '4x30s @max hill +10kg vest / walk-down',
  '5x1m @12kmh incline 6% / 1m walk',
  '5x1m @near-max 12.5kmh / 1m stand',
  '6x20s @max +25.5kg sled / 2m walk + 4x30s hill +10kg vest / walk-down',
  '3x100mtr +40kg sled / 3m walk + 6x20s @max / 2m walk'
]

describe('parseNotation', () => {
  it('reads the issue examples field by field', () => {
    expect(groups('6x20s @max / 2m walk')).toEqual([{ ...base, intensity: 'max' }])
    expect(groups('4x4m @near-max / 3m jog')).toEqual([
      { ...base, count: 4, workSeconds: 240, intensity: 'near-max', recoverySeconds: 180, recoveryMode: 'jog' }
    ])
    expect(groups('4x30s hill / walk-down')).toEqual([
      { ...base, count: 4, workSeconds: 30, hill: true, recoverySeconds: null, recoveryMode: 'walk-down' }
    ])
  })

  it('reads a custom intensity, an incline and a distance', () => {
    expect(groups('5x30s @85% incline 6% / 90s stand')).toEqual([
      { ...base, count: 5, workSeconds: 30, intensity: 'custom', intensityPct: 85, inclinePct: 6, recoverySeconds: 90, recoveryMode: 'stand' }
    ])
    expect(groups('8x100mtr @max / 1m30s walk')).toEqual([
      { ...base, count: 8, workSeconds: null, workMeters: 100, intensity: 'max', recoverySeconds: 90 }
    ])
    expect(groups('3x1.2km @moderate / 2m jog')).toEqual([
      { ...base, count: 3, workSeconds: null, workMeters: 1200, intensity: 'moderate', recoveryMode: 'jog' }
    ])
  })

  it('reads several groups joined with +', () => {
    const g = groups('6x20s @max / 2m walk + 4x30s hill / 90s walk-down')
    expect(g).toHaveLength(2)
    expect(g[1]).toEqual({ ...base, count: 4, workSeconds: 30, hill: true, recoverySeconds: 90, recoveryMode: 'walk-down' })
  })

  it('accepts any case, loose spaces, ×, m:ss and min', () => {
    const loose: [string, string][] = [
      ['6X20S @MAX / 2M WALK', '6x20s @max / 2m walk'],
      ['  6 x 20s@max/2m   walk  ', '6x20s @max / 2m walk'],
      ['6×20s @ max / 2m walk', '6x20s @max / 2m walk'],
      ['8x100MTR @Near-Max / 1:30 walk', '8x100mtr @near-max / 1m30s walk'],
      ['4x4min / 3min jog', '4x4m / 3m jog'],
      ['4x1:05 / 0:45 stand', '4x1m5s / 45s stand'],
      ['6x90s / 120s walk', '6x1m30s / 2m walk'],
      ['4x30S Hill / Walk-Down', '4x30s hill / walk-down'],
      // 90 s is written 1m30s, as durationNotation(90) is
      ['5x30s @85% INCLINE 6% / 90s stand', '5x30s @85% incline 6% / 1m30s stand'],
      ['3x2000mtr / 2m jog', '3x2km / 2m jog'],
      ['3x1.25km / 2m jog', '3x1250mtr / 2m jog'],
      ['6x20s/2m walk+4x30s hill/walk-down', '6x20s / 2m walk + 4x30s hill / walk-down'],
      ['06x20s / 2m walk', '6x20s / 2m walk']
    ]
    for (const [input, canonical] of loose) expect(formatNotation(groups(input)), input).toBe(canonical)
  })
})

describe('loads and treadmill speeds', () => {
  it('reads a load and its kind, and a treadmill speed', () => {
    expect(groups('4x30s @max hill +10kg vest / walk-down')).toEqual([
      { ...base, count: 4, workSeconds: 30, intensity: 'max', hill: true, recoverySeconds: null, recoveryMode: 'walk-down', loadKg: 10, loadKind: 'vest' }
    ])
    expect(groups('5x1m @12kmh incline 6% / 1m walk')).toEqual([
      { ...base, count: 5, workSeconds: 60, inclinePct: 6, recoverySeconds: 60, treadmillKmh: 12 }
    ])
    expect(groups('5x1m @moderate 10kmh / 1m walk')).toEqual([{ ...base, count: 5, workSeconds: 60, intensity: 'moderate', recoverySeconds: 60, treadmillKmh: 10 }])
  })

  it('takes a load before or after the terrain, in kg or lb, and a speed in kph or mph', () => {
    const loose: [string, string][] = [
      ['4x30s @max +10kg vest hill / walk-down', '4x30s @max hill +10kg vest / walk-down'],
      ['4x30s @max hill + 10 kg VEST / walk-down', '4x30s @max hill +10kg vest / walk-down'],
      ['6x20s +22lb vest / 2m walk', '6x20s +9.98kg vest / 2m walk'],
      ['6x20s +10lbs other / 2m walk', '6x20s +4.54kg other / 2m walk'],
      ['5x1m @12KPH / 1m walk', '5x1m @12kmh / 1m walk'],
      ['5x1m @8mph / 1m walk', '5x1m @12.9kmh / 1m walk'],
      ['6x20s +10kg vest/2m walk+4x30s hill/walk-down', '6x20s +10kg vest / 2m walk + 4x30s hill / walk-down']
    ]
    for (const [input, canonical] of loose) expect(formatNotation(groups(input)), input).toBe(canonical)
  })

  it('splits groups at a “+” after the recovery only', () => {
    const g = groups('6x20s @max +10kg vest / 2m walk + 4x30s hill / walk-down')
    expect(g.map((x) => [x.loadKg, x.loadKind, x.hill])).toEqual([
      [10, 'vest', false],
      [null, null, true]
    ])
  })
})

describe('round trip', () => {
  it('formats the issue examples back character for character', () => {
    for (const s of ['6x20s @max / 2m walk', '4x4m @near-max / 3m jog', '4x30s hill / walk-down']) expect(formatNotation(groups(s))).toBe(s)
  })

  it('formats every canonical string back to itself', () => {
    for (const s of CANONICAL) expect(formatNotation(groups(s)), s).toBe(s)
  })

  it('parses formatted structures back to the same structures', () => {
    const structures: RepeatGroup[][] = [
      [base],
      [{ ...base, intensity: 'max' }],
      [{ ...base, workSeconds: 125, recoverySeconds: 3600, recoveryMode: 'jog' }],
      [{ ...base, workSeconds: null, workMeters: 400, intensity: 'custom', intensityPct: 95 }],
      [{ ...base, workSeconds: null, workMeters: 1000 }],
      [{ ...base, workSeconds: null, workMeters: 50_000, count: 1 }],
      [{ ...base, workSeconds: null, workMeters: 1050 }],
      [{ ...base, hill: true, recoverySeconds: null, recoveryMode: 'walk-down' }],
      [{ ...base, inclinePct: 12.5, recoverySeconds: 45, recoveryMode: 'stand' }],
      [
        { ...base, count: 50, workSeconds: 1 },
        { ...base, count: 1, workSeconds: 3600, intensity: 'moderate', inclinePct: 0 }
      ],
      [{ ...base, loadKg: 0.5, loadKind: 'other', treadmillKmh: 40 }],
      [{ ...base, workSeconds: null, workMeters: 30, loadKg: 300, loadKind: 'sled' }],
      [{ ...base, intensity: 'custom', intensityPct: 90, hill: true, loadKg: 12.25, loadKind: 'vest', treadmillKmh: 1 }]
    ]
    for (const g of structures) {
      const text = formatNotation(g)
      expect(parseNotation(text), text).toEqual({ ok: true, groups: g })
    }
  })
})

describe('errors', () => {
  const cases: [string, string, number, number][] = [
    ['', 'Enter a protocol, e.g. “6x20s @max / 2m walk”.', 0, 0],
    ['   ', 'Enter a protocol', 0, 3],
    ['6x20q @max / 2m walk', '“20q” is not a duration or distance (try 20s, 4m, 1m30s, 400mtr).', 2, 5],
    ['6x1m75s / 2m walk', 'is not a duration or distance', 2, 7],
    ['6x100m / 2m walk', 'The work must be 1s to 60m.', 2, 6], // 'm' is minutes
    ['6x0s / 2m walk', 'The work must be 1s to 60m.', 2, 4],
    ['6x60km / 2m walk', 'The distance must be 1mtr to 50km.', 2, 6],
    ['0x20s / 2m walk', 'The number of reps must be 1 to 50, not 0.', 0, 1],
    ['51x20s / 2m walk', 'The number of reps must be 1 to 50', 0, 2],
    ['x20s / 2m walk', 'Start each group with the number of reps', 0, 4],
    ['6 20s / 2m walk', 'Put “x” between the number of reps and the work', 2, 5],
    ['6x / 2m walk', 'Add the work after “x”', 3, 4],
    ['6x20s @fast / 2m walk', '“fast” is not an intensity', 7, 11],
    ['6x20s @ / 2m walk', 'Add the intensity after “@”', 6, 7],
    ['6x20s @0% / 2m walk', 'The intensity must be 1% to 100%.', 7, 9],
    ['6x20s max / 2m walk', 'Write the intensity after “@”, e.g. “@max”.', 6, 9],
    ['4x30s hill @max / walk-down', 'Write the intensity right after the work', 11, 12],
    ['5x30s incline 45% / 90s stand', 'The incline must be 0% to 40%.', 14, 17],
    ['5x30s incline steep / 90s stand', '“steep” is not an incline', 14, 19],
    ['5x30s incline / 90s stand', 'Add the incline in percent', 6, 13],
    ['6x20s @max', 'Add the recovery after “/”, e.g. “/ 2m walk”.', 10, 10],
    ['6x20s @max 2m walk', 'Add “/” before the recovery', 11, 13],
    ['6x20s @max / ', 'Add the recovery after “/”', 13, 13],
    ['6x20s @max fast / 2m walk', '“fast” is not understood here', 11, 15],
    ['6x20s @max / 2m run', '“run” is not a way to recover: use walk, jog, stand or walk-down.', 16, 19],
    ['6x20s @max / 2m', 'Say how you recover', 15, 15],
    ['6x20s @max / walk', 'Recovery needs a duration, e.g. “2m walk”.', 13, 17],
    ['6x20s @max / jog', 'Recovery needs a duration, e.g. “2m jog”.', 13, 16],
    ['6x20s @max / sprint', '“sprint” is not a recovery', 13, 19],
    ['6x20s @max / 2q walk', '“2q” is not a duration', 13, 15],
    ['6x20s @max / 0s walk', 'The recovery must be 1s to 60m.', 13, 15],
    ['6x20s @max / 2m walk please  ', '“please” is not understood after the recovery', 21, 27],
    ['6x20s @max / 2m walk 4x30s / 1m walk', 'join groups with “+”', 21, 36],
    ['6x20s @max / 2m walk +', 'Add another group after “+”', 21, 22],
    ['6x20s @max / 2m walk +  + 4x30s hill / walk-down', 'Add another group after “+”', 21, 22],
    ['+ 6x20s @max / 2m walk', 'Start with a group before “+”.', 0, 1],
    ['6x20s @max / 2m walk + 4x30s hill', 'Add the recovery after “/”', 33, 33],
    ['6x20s @max / 2m walk + 4x30s hill + 3x1km / 2m jog', 'Add the recovery after “/”', 34, 34],
    // loads
    ['4x30s @max hill +10 vest / walk-down', 'Give the load a unit: +10kg vest', 17, 19],
    ['4x30s @max hill +10 sled / walk-down', 'Give the load a unit: +10kg sled', 17, 19],
    ['4x30s @max hill +10kg / walk-down', 'Say what carries the load: vest, sled or other (+10kg vest).', 16, 21],
    ['4x30s @max hill +10kg', 'Say what carries the load: vest, sled or other', 16, 21],
    ['4x30s @max hill +10kg rucksack / walk-down', '“rucksack” is not what carries a load: use vest, sled or other', 22, 30],
    ['4x30s @max hill + / walk-down', 'Add the load after “+”, e.g. “+10kg vest”.', 16, 17],
    ['4x30s @max hill +heavy vest / walk-down', '“heavy” is not a load', 17, 22],
    ['4x30s @max hill +0kg vest / walk-down', 'The load must be more than 0 kg and at most 300 kg.', 17, 20],
    ['4x30s @max hill +400kg sled / walk-down', 'The load must be more than 0 kg and at most 300 kg.', 17, 22],
    ['4x30s +10kg vest +5kg vest / walk-down', 'A rep carries one load', 17, 18],
    ['4x30s hill vest / walk-down', 'Write the load after “+”, e.g. “+10kg vest”.', 11, 15],
    ['4x30s +10kg vest + 6x20s / 2m walk', 'Add the recovery after “/”', 17, 17],
    // treadmill speeds
    ['5x400mtr @12kmh / 1m walk', 'A treadmill speed goes with timed work (the distance follows from the speed): write the work as a duration, e.g. “5x1m @12kmh”.', 10, 15],
    ['5x400mtr @max 12kmh / 1m walk', 'A treadmill speed goes with timed work', 14, 19],
    ['5x1m @45kmh / 1m walk', 'The treadmill speed must be 1 to 40 km/h.', 6, 11],
    ['5x1m @0.5kmh / 1m walk', 'The treadmill speed must be 1 to 40 km/h.', 6, 12],
    ['5x1m @30mph / 1m walk', 'The treadmill speed must be 1 to 40 km/h (48.3 km/h).', 6, 11],
    ['5x1m @12 / 1m walk', 'Give “12” a unit: a percentage of effort (12%) or a treadmill speed (12kmh).', 6, 8],
    ['5x1m 12kmh / 1m walk', 'Write the treadmill speed after “@”', 5, 10]
  ]

  it.each(cases)('%j', (text, fragment, start, end) => {
    const r = parseNotation(text)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.message).toContain(fragment)
    expect([r.error.start, r.error.end]).toEqual([start, end])
  })
})
