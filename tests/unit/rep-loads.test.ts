import { describe, expect, it } from 'vitest'
import { blankRep, emptyForm, formFromSession, repsFromPlan, type SessionFormState, toInput, withLoadUnit } from '../../src/renderer/src/features/log/sessionForm'
import { draftInUnit, draftToGroup, EMPTY_GROUP, groupToDraft } from '../../src/renderer/src/features/protocols/plan'
import { isLoaded, loadedBests, loadedDropOff, maxLoadKg, sameLoad, sessionSpeeds, speedDropOff } from '../../src/shared/metrics/reps'
import { formatNotation, parseNotation } from '../../src/shared/notation'
import { rep as repSchema, repeatGroup } from '../../src/shared/schemas'
import { formatLoad, KG_PER_LB, loadInUnit, loadToKg, readLoadText } from '../../src/shared/units'
import { group, rep } from '../helpers/training'

const vest = { loadKg: 10, loadKind: 'vest' as const }
const sled = { loadKg: 20, loadKind: 'sled' as const }

describe('the rep and repeat-group schemas', () => {
  const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
    r.success ? [] : (r.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`)

  it('take a load with its kind, and a treadmill speed', () => {
    expect(repSchema.parse({ ...rep(), ...vest, treadmillKmh: 12 })).toMatchObject({ loadKg: 10, loadKind: 'vest', treadmillKmh: 12 })
    expect(repSchema.parse({ ...rep(), loadKg: 300, loadKind: 'sled', treadmillKmh: 40 })).toMatchObject({ loadKg: 300 })
    // An older record without the keys reads as unloaded and off the treadmill.
    const { loadKg: _a, loadKind: _b, treadmillKmh: _c, ...old } = rep()
    expect(repSchema.parse(old)).toMatchObject({ loadKg: null, loadKind: null, treadmillKmh: null })
  })

  it('refuse a load without its kind, a kind without a load, and loads or speeds out of range, in plain words', () => {
    expect(messages(repSchema.safeParse({ ...rep(), loadKg: 10 }))).toEqual(['loadKind: Say what carries the load: vest, sled or other.'])
    expect(messages(repSchema.safeParse({ ...rep(), loadKind: 'vest' }))).toEqual(['loadKind: A load kind goes with a load: give the load, or leave the kind empty.'])
    expect(messages(repSchema.safeParse({ ...rep(), loadKg: 0, loadKind: 'vest' }))).toEqual(['loadKg: A load is more than 0 kg.'])
    expect(messages(repSchema.safeParse({ ...rep(), loadKg: 301, loadKind: 'sled' }))).toEqual(['loadKg: A load is at most 300 kg.'])
    expect(messages(repSchema.safeParse({ ...rep(), loadKg: 10, loadKind: 'rucksack' }))).toEqual(['loadKind: Load kind must be one of vest, sled, other.'])
    expect(messages(repSchema.safeParse({ ...rep(), treadmillKmh: 0.5 }))).toEqual(['treadmillKmh: A treadmill speed is at least 1 km/h.'])
    expect(messages(repSchema.safeParse({ ...rep(), treadmillKmh: 41 }))).toEqual(['treadmillKmh: A treadmill speed is at most 40 km/h.'])
  })

  it('refuse the same in a repeat group, and a treadmill speed with a distance', () => {
    expect(repeatGroup.parse(group({ ...vest, treadmillKmh: 12 }))).toMatchObject({ ...vest, treadmillKmh: 12 })
    expect(messages(repeatGroup.safeParse(group({ loadKg: 10 })))).toEqual(['loadKind: Say what carries the load: vest, sled or other.'])
    expect(messages(repeatGroup.safeParse(group({ loadKind: 'sled' })))).toEqual(['loadKind: A load kind goes with a load: give the load, or leave the kind empty.'])
    expect(messages(repeatGroup.safeParse(group({ workSeconds: null, workMeters: 400, treadmillKmh: 12 })))).toEqual([
      'treadmillKmh: A treadmill speed goes with timed work (the distance follows from the speed): give the work as a duration.'
    ])
  })

  it('hold every group the notation reads', () => {
    for (const text of ['4x30s @max hill +10kg vest / walk-down', '5x1m @12kmh incline 6% / 1m walk', '6x20s +22lb sled / 2m walk']) {
      const r = parseNotation(text)
      if (!r.ok) throw new Error(r.error.message)
      for (const g of r.groups) expect(repeatGroup.parse(g)).toEqual(g)
    }
  })
})

describe('loads in the runner’s unit', () => {
  it('are stored in kg to 0.01 and shown in kg to 0.01 or in lb to 0.1, reading back as typed', () => {
    expect(loadToKg(22, 'lb')).toBe(9.98)
    expect(loadToKg(10.004, 'kg')).toBe(10)
    for (const lb of [5, 10, 22, 44.5, 100, 661]) expect(loadInUnit(loadToKg(lb, 'lb'), 'lb')).toBe(lb)
    expect(loadInUnit(20, 'lb')).toBe(44.1)
    expect(loadInUnit(9.98, 'kg')).toBe(9.98)
    expect(formatLoad(10, 'vest', 'kg')).toBe('+10 kg vest')
    expect(formatLoad(20 * KG_PER_LB, 'sled', 'lb')).toBe('+20 lb sled')
  })

  it('read what a person types', () => {
    expect(readLoadText('', 'kg')).toEqual({ ok: true, kg: null })
    expect(readLoadText(' 12,5 ', 'kg')).toEqual({ ok: true, kg: 12.5 })
    expect(readLoadText('22 lb', 'lb')).toEqual({ ok: true, kg: 9.98 })
    expect(readLoadText('ten', 'kg')).toEqual({ ok: false, message: '“ten” is not a load in kg: write a number, such as 10.', key: 'notALoad', params: { text: 'ten', unit: 'kg' } })
    expect(readLoadText('-5', 'lb')).toMatchObject({ ok: false })
  })
})

describe('loaded reps in the metrics', () => {
  const flat = (m: number, over = {}) => rep({ distanceMeters: m, ...over })

  it('a loaded rep never sets an unloaded best, nor counts in the unloaded drop-off', () => {
    const reps = [flat(140), flat(170, vest), flat(130), flat(120, vest)]
    const s = sessionSpeeds(reps)
    expect(s.flat).toEqual({ best: { speed: 7, workSeconds: 20, distanceMeters: 140 }, reps: 2, buckets: 1 })
    expect(speedDropOff(reps)).toEqual({ firstSpeed: 7, lastSpeed: 6.5, dropOffPct: expect.closeTo(100 / 14, 9) })
    // Only loaded reps: no unloaded figures at all.
    expect(sessionSpeeds([flat(170, vest)]).flat).toEqual({ best: null, reps: 0, buckets: 0 })
    expect(speedDropOff([flat(170, vest), flat(160, vest)])).toBeNull()
  })

  it('the loaded drop-off compares the reps with the first loaded rep’s load; the heaviest load is that of a completed rep', () => {
    const reps = [flat(150), flat(160, vest), flat(100, sled), flat(140, vest), flat(90, sled), flat(200, { ...sled, loadKg: 40, completed: false })]
    expect(loadedDropOff(reps)).toEqual({ firstSpeed: 8, lastSpeed: 7, dropOffPct: 12.5 })
    expect(loadedDropOff([flat(160, vest), flat(100, sled)])).toBeNull()
    expect(maxLoadKg(reps)).toBe(20)
    expect(maxLoadKg([flat(150)])).toBeNull()
    expect(isLoaded(flat(1, vest))).toBe(true)
    expect(sameLoad(vest, { loadKg: 10, loadKind: 'other' })).toBe(false)
    expect(sameLoad(rep(), rep())).toBe(true)
  })

  it('loaded bests are kept per terrain, rep length, load and kind', () => {
    const a = [flat(160, vest), flat(150, vest), rep({ workSeconds: 30, distanceMeters: 200, ...vest }), flat(100, sled), flat(300, { ...vest, completed: false })]
    const b = [flat(165, vest), rep({ workSeconds: 30, distanceMeters: 120, hill: true, ...vest }), rep({ workSeconds: 45, distanceMeters: 150, hill: true, ...vest }), flat(170)]
    expect(loadedBests([a, b]).map((x) => [x.terrain, x.bucketSeconds, x.loadKg, x.loadKind, x.speed, x.reps, x.index])).toEqual([
      ['flat', 20, 10, 'vest', 8.25, 3, 1],
      ['flat', 30, 10, 'vest', 200 / 30, 1, 0],
      ['flat', 20, 20, 'sled', 5, 1, 0],
      ['hill', 30, 10, 'vest', 4, 2, 1]
    ])
  })
})

describe('the session form', () => {
  const TODAY = '2026-11-20'
  const form = (patch: Partial<SessionFormState>, r: Partial<ReturnType<typeof blankRep>>): SessionFormState => ({
    ...emptyForm(),
    date: TODAY,
    ...patch,
    reps: [{ ...blankRep(), work: '0:20', ...r }]
  })

  it('reads a load in the runner’s unit as kilograms, and a treadmill speed', () => {
    const r = toInput(form({ loadUnit: 'lb' }, { load: '22', loadKind: 'vest', speed: '12,5' }), TODAY)
    expect(r.ok && r.input.reps[0]).toMatchObject({ loadKg: 9.98, loadKind: 'vest', treadmillKmh: 12.5 })
    const kg = toInput(form({}, { load: '10', loadKind: 'sled' }), TODAY)
    expect(kg.ok && kg.input.reps[0]).toMatchObject({ loadKg: 10, loadKind: 'sled', treadmillKmh: null })
  })

  it('refuses a load without its kind, a kind without a load, and text that is no load, at the rep’s field', () => {
    const errors = (f: SessionFormState) => {
      const r = toInput(f, TODAY)
      return r.ok ? {} : r.errors
    }
    expect(errors(form({}, { load: '10' }))).toEqual({ 'reps.0.loadKind': 'Say what carries the load: vest, sled or other.' })
    expect(errors(form({}, { loadKind: 'vest' }))).toEqual({ 'reps.0.loadKind': 'A load kind goes with a load: give the load, or leave the kind empty.' })
    expect(errors(form({}, { load: 'heavy', loadKind: 'vest' }))).toMatchObject({ 'reps.0.loadKg': '“heavy” is not a load in kg: write a number, such as 10.' })
    expect(errors(form({}, { speed: '50' }))).toEqual({ 'reps.0.treadmillKmh': 'A treadmill speed is at most 40 km/h.' })
  })

  it('converts the typed loads when the runner switches kg and lb, leaving text that is no load as typed', () => {
    const d = { ...emptyForm('lb'), reps: [{ ...blankRep(), load: '22' }, { ...blankRep(), load: 'abc' }, blankRep()] }
    const kg = withLoadUnit(d, 'kg')
    expect(kg.loadUnit).toBe('kg')
    expect(kg.reps.map((r) => r.load)).toEqual(['9.98', 'abc', ''])
    expect(withLoadUnit(kg, 'lb').reps.map((r) => r.load)).toEqual(['22', 'abc', ''])
    expect(withLoadUnit(d, 'lb')).toBe(d)
  })

  it('shows a saved load, and a plan’s, in the runner’s unit', () => {
    const session = {
      id: 1,
      uuid: '00000000-0000-4000-8000-000000000001',
      date: TODAY,
      startTime: null,
      protocolId: null,
      protocolName: null,
      plan: null,
      plannedReps: 1,
      warmupSeconds: 600,
      cooldownSeconds: 300,
      rpe: null,
      couldNotRecover: false,
      notes: '',
      createdAt: 'x',
      updatedAt: 'x',
      reps: [rep({ loadKg: 9.98, loadKind: 'vest', treadmillKmh: 12 })]
    }
    expect(formFromSession(session, 'lb').reps[0]).toMatchObject({ load: '22', loadKind: 'vest', speed: '12' })
    expect(formFromSession(session).reps[0]).toMatchObject({ load: '9.98' })
    expect(repsFromPlan([group({ count: 2, ...sled })], 'lb').map((r) => [r.load, r.loadKind])).toEqual([
      ['44.1', 'sled'],
      ['44.1', 'sled']
    ])
  })
})

describe('the protocol form’s structured fields', () => {
  const base = { ...EMPTY_GROUP, count: '4', work: '30s', recovery: '2m' }

  it('write a load typed in lb and a treadmill speed into the notation', () => {
    const r = draftToGroup({ ...base, load: '22', loadKind: 'vest', loadUnit: 'lb', speed: '12' })
    expect(r.ok && formatNotation([r.group])).toBe('4x30s @12kmh +9.98kg vest / 2m walk')
    if (r.ok) expect(groupToDraft(r.group, 'lb')).toMatchObject({ load: '22', loadKind: 'vest', speed: '12' })
  })

  it('convert the typed load when the runner switches kg and lb', () => {
    expect(draftInUnit({ ...base, load: '10' }, 'lb')).toMatchObject({ load: '22', loadUnit: 'lb' })
    expect(draftInUnit({ ...base, load: 'x' }, 'lb')).toMatchObject({ load: 'x', loadUnit: 'lb' })
  })

  it('refuse a load without its kind, a kind without a load, and a speed with a distance', () => {
    expect(draftToGroup({ ...base, load: '10' })).toEqual({ ok: false, errors: { load: 'Say what carries the load: vest, sled or other.' } })
    expect(draftToGroup({ ...base, loadKind: 'sled' })).toEqual({ ok: false, errors: { load: 'Enter the load in kg, or set “carried by” to none.' } })
    expect(draftToGroup({ ...base, load: '400', loadKind: 'sled' })).toEqual({ ok: false, errors: { load: 'A load is more than 0 and at most 300 kg.' } })
    expect(draftToGroup({ ...base, workKind: 'distance', work: '400', speed: '12' })).toEqual({
      ok: false,
      errors: { speed: 'A treadmill speed goes with timed work: measure the work as time.' }
    })
    expect(draftToGroup({ ...base, speed: '41' })).toEqual({ ok: false, errors: { speed: 'The treadmill speed must be 1 to 40 km/h.' } })
  })
})
