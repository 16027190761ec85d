import { describe, expect, it } from 'vitest'
import { blankRep, emptyForm, formFromSession, repsFromPlan, type SessionFormState, toInput, withDistanceUnit } from '../../src/renderer/src/features/log/sessionForm'
import { formFromReading } from '../../src/renderer/src/features/log/watchForm'
import {
  convertRepDistanceText,
  convertTreadmillText,
  convertTyped,
  M_PER_MILE,
  M_PER_YARD,
  paceSeconds,
  readRepDistance,
  readTreadmill,
  repDistanceInUnit,
  repDistanceText,
  repDistanceToMeters,
  speedInUnit,
  totalDistanceInUnit,
  treadmillText,
  treadmillToKmh
} from '../../src/shared/units'
import type { RepeatGroup } from '../../src/shared/training'

const TODAY = '2026-11-20'

describe('the exact factors', () => {
  it('a yard is 0.9144 m and a mile 1760 yards, 1609.344 m', () => {
    expect(M_PER_YARD).toBe(0.9144)
    expect(M_PER_MILE).toBe(1609.344)
    expect(M_PER_YARD * 1760).toBeCloseTo(M_PER_MILE, 9)
    expect(repDistanceInUnit(0.9144 * 100, 'mi')).toBeCloseTo(100, 9)
    expect(totalDistanceInUnit(1609.344 * 3, 'mi')).toBeCloseTo(3, 9)
    expect(totalDistanceInUnit(5000, 'km')).toBe(5)
  })
  it('a mile in 6 minutes is 10 mph, a 6:00 /mi pace, and 16.09 km/h', () => {
    const mps = M_PER_MILE / 360
    expect(speedInUnit(mps, 'mi')).toBeCloseTo(10, 9)
    expect(paceSeconds(mps, 'mi')).toBeCloseTo(360, 9)
    expect(speedInUnit(mps, 'km')).toBeCloseTo(16.09344, 9)
    expect(paceSeconds(mps, 'km')).toBeCloseTo(1000 / mps, 9)
  })
})

describe('rep distances typed in m or yd', () => {
  it('read with or without their unit, a decimal comma taken', () => {
    expect(readRepDistance('150', 'km')).toBe(150)
    expect(readRepDistance('150 m', 'km')).toBe(150)
    expect(readRepDistance('164yd', 'mi')).toBe(149.96)
    expect(readRepDistance('109,4 yds', 'mi')).toBe(100.04)
    expect(readRepDistance('', 'mi')).toBeNull()
    expect(readRepDistance('yd', 'mi')).toBe('bad')
    expect(readRepDistance('164 yd', 'km')).toBe('bad')
    expect(readRepDistance('far', 'km')).toBe('bad')
  })
  it('show back as typed: every distance to 0.1 yd from 0.1 to 2000 yd', () => {
    for (let i = 1; i <= 20_000; i++) {
      const yd = i / 10
      expect(repDistanceText(repDistanceToMeters(yd, 'mi'), 'mi')).toBe(String(yd))
    }
  })
  it('convert between the units, to 0.1 yd', () => {
    expect(convertRepDistanceText('150', 'km', 'mi')).toBe('164')
    expect(convertRepDistanceText('164', 'mi', 'km')).toBe('149.96')
    expect(convertRepDistanceText('18.7', 'km', 'mi')).toBe('20.5')
  })
  it('leave text that is no distance as typed', () => {
    expect(convertRepDistanceText('far', 'km', 'mi')).toBe('far')
    expect(convertRepDistanceText('', 'km', 'mi')).toBe('')
  })
})

describe('treadmill speeds typed in km/h or mph', () => {
  it('read with or without their unit, stored in km/h to 0.1', () => {
    expect(readTreadmill('12', 'km')).toBe(12)
    expect(readTreadmill('12 km/h', 'km')).toBe(12)
    expect(readTreadmill('12kmh', 'km')).toBe(12)
    expect(readTreadmill('8 mph', 'mi')).toBe(12.9)
    expect(readTreadmill('7,5', 'mi')).toBe(12.1)
    expect(readTreadmill('8 mph', 'km')).toBe('bad')
  })
  it('show back as typed: every speed to 0.1 mph from 0.6 to 24.8 mph', () => {
    for (let i = 6; i <= 248; i++) expect(treadmillText(treadmillToKmh(i / 10, 'mi'), 'mi')).toBe(String(i / 10))
  })
  it('convert between the units, text that is no speed kept', () => {
    expect(convertTreadmillText('12', 'km', 'mi')).toBe('7.5')
    expect(convertTreadmillText('fast', 'km', 'mi')).toBe('fast')
  })
})

describe('a field converted by a switch of unit', () => {
  it('goes back to exactly what was typed, also where the conversion alone would drift', () => {
    // 12 km/h is 7.5 mph, and 7.5 mph is 12.1 km/h: the switch back restores the 12 typed.
    const there = convertTyped('12', undefined, 'km', 'mi', convertTreadmillText)
    expect(there).toEqual({ text: '7.5', typed: { unit: 'km', text: '12', shown: '7.5' } })
    expect(convertTyped(there.text, there.typed, 'mi', 'km', convertTreadmillText)).toEqual({ text: '12', typed: undefined })
  })
  it('converts what was typed after the switch, forgetting the text before it', () => {
    const there = convertTyped('12', undefined, 'km', 'mi', convertTreadmillText)
    expect(convertTyped('8', there.typed, 'mi', 'km', convertTreadmillText)).toEqual({ text: '12.9', typed: { unit: 'mi', text: '8', shown: '12.9' } })
  })
  it('remembers nothing for text it leaves as it is', () => {
    expect(convertTyped('', undefined, 'km', 'mi', convertTreadmillText)).toEqual({ text: '', typed: undefined })
  })
})

describe('the session form in km or mi', () => {
  const form = (patch: Partial<SessionFormState>, reps: Partial<ReturnType<typeof blankRep>>[]): SessionFormState => ({
    ...emptyForm(),
    date: TODAY,
    ...patch,
    reps: reps.map((r) => ({ ...blankRep(), work: '0:20', ...r }))
  })

  it('reads a distance in yd and a treadmill speed in mph as metres and km/h', () => {
    const r = toInput(form({ distanceUnit: 'mi' }, [{ distance: '164', speed: '8' }]), TODAY)
    expect(r.ok && r.input.reps[0]).toMatchObject({ distanceMeters: 149.96, treadmillKmh: 12.9 })
    const km = toInput(form({}, [{ distance: '150', speed: '12' }]), TODAY)
    expect(km.ok && km.input.reps[0]).toMatchObject({ distanceMeters: 150, treadmillKmh: 12 })
  })

  it('words a treadmill speed out of bounds in mph, and text that is no number as before', () => {
    const errors = (f: SessionFormState) => {
      const r = toInput(f, TODAY)
      return r.ok ? {} : r.errors
    }
    expect(errors(form({ distanceUnit: 'mi' }, [{ speed: '25' }]))).toEqual({ 'reps.0.treadmillKmh': 'The treadmill speed must be 0.6 to 24.8 mph.' })
    expect(errors(form({ distanceUnit: 'mi' }, [{ speed: '24.8' }]))).toEqual({})
    expect(errors(form({ distanceUnit: 'mi' }, [{ speed: '0.5' }]))).toEqual({ 'reps.0.treadmillKmh': 'The treadmill speed must be 0.6 to 24.8 mph.' })
    expect(errors(form({ distanceUnit: 'mi' }, [{ distance: '150 m' }]))).toEqual({ 'reps.0.distanceMeters': 'Distance must be a number.' })
  })

  it('converts what is typed when the runner switches km and mi, and back without drift', () => {
    const d = form({}, [{ distance: '150', speed: '12' }, { distance: 'far', speed: '' }, { distance: '100' }])
    const mi = withDistanceUnit(d, 'mi')
    expect(mi.distanceUnit).toBe('mi')
    expect(mi.reps.map((r) => [r.distance, r.speed])).toEqual([
      ['164', '7.5'],
      ['far', ''],
      ['109.4', '']
    ])
    const back = withDistanceUnit(mi, 'km')
    expect(back.reps.map((r) => [r.distance, r.speed])).toEqual([
      ['150', '12'],
      ['far', ''],
      ['100', '']
    ])
    // What is typed after a switch is converted from the new text.
    const edited = { ...mi, reps: mi.reps.map((r, i) => (i === 0 ? { ...r, speed: '8' } : r)) }
    expect(withDistanceUnit(edited, 'km').reps.map((r) => [r.distance, r.speed])[0]).toEqual(['150', '12.9'])
    expect(withDistanceUnit(d, 'km')).toBe(d)
  })

  it('switches to mi and back without drift, every distance to 0.1 m up to 2000 m and every speed to 0.1 km/h', () => {
    const reps = Array.from({ length: 20_000 }, (_, i) => ({ distance: String((i + 1) / 10), speed: i < 400 ? String((i + 1) / 10) : '' }))
    const d = form({}, reps)
    const back = withDistanceUnit(withDistanceUnit(withDistanceUnit(withDistanceUnit(d, 'mi'), 'km'), 'mi'), 'km')
    expect(back.reps.map((r) => [r.distance, r.speed])).toEqual(reps.map((r) => [r.distance, r.speed]))
    // And the other way: typed in yd and mph, through km and back.
    const yd = form({ distanceUnit: 'mi' }, reps)
    expect(withDistanceUnit(withDistanceUnit(yd, 'km'), 'mi').reps.map((r) => [r.distance, r.speed])).toEqual(reps.map((r) => [r.distance, r.speed]))
  })

  it('shows a saved session, a plan and a watch reading in the runner’s unit', () => {
    const plan: RepeatGroup[] = [
      { count: 2, workSeconds: null, workMeters: 150, intensity: 'max', intensityPct: null, hill: false, inclinePct: null, recoverySeconds: 120, recoveryMode: 'walk', loadKg: null, loadKind: null, treadmillKmh: null },
      { count: 1, workSeconds: 60, workMeters: null, intensity: null, intensityPct: null, hill: false, inclinePct: null, recoverySeconds: 60, recoveryMode: 'walk', loadKg: null, loadKind: null, treadmillKmh: 16.1 }
    ]
    expect(repsFromPlan(plan, 'kg', 'mi').map((r) => [r.distance, r.speed])).toEqual([
      ['164', ''],
      ['164', ''],
      ['', '10']
    ])
    const reps = repsFromPlan(plan, 'kg', 'km')
    expect(reps.map((r) => [r.distance, r.speed])[2]).toEqual(['', '16.1'])
    const typed = repsFromPlan(plan, 'kg', 'mi').map((r) => ({ ...r, work: r.work || '0:20' }))
    const checked = toInput({ ...emptyForm('kg', 'mi'), date: TODAY, reps: typed }, TODAY)
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors))
    const session = {
      id: 1,
      uuid: '00000000-0000-4000-8000-000000000001',
      date: TODAY,
      startTime: null,
      protocolId: null,
      protocolName: null,
      plan: null,
      plannedReps: 3,
      warmupSeconds: 600,
      cooldownSeconds: 300,
      rpe: null,
      couldNotRecover: false,
      notes: '',
      createdAt: 'x',
      updatedAt: 'x',
      sourceFileName: null,
      sourceDevice: null,
      sourceFormat: null,
      sourceSha256: null,
      reps: checked.input.reps.map((r, i) => ({ ...r, id: i + 1, position: i + 1 }))
    }
    // Typed in yd and mph, saved in metres and km/h, shown back as typed.
    expect(formFromSession(session, 'kg', 'mi').reps.map((r) => [r.distance, r.speed])).toEqual([
      ['164', ''],
      ['164', ''],
      ['', '10']
    ])
    expect(formFromSession(session, 'kg', 'km').reps.map((r) => [r.distance, r.speed])[0]).toEqual(['149.96', ''])
    const reading = {
      kind: 'activity' as const,
      date: TODAY,
      startTime: '07:00',
      sport: 'running',
      running: true,
      device: null,
      warmupSeconds: 600,
      cooldownSeconds: 300,
      detectedBy: 'laps' as const,
      match: { protocolId: null, reason: { key: 'x', params: {} } },
      reps: [{ workSeconds: 20, distanceMeters: 150.04, recoverySeconds: 120, recoveryMode: 'walk' as const, hill: false, inclinePct: null, heartRateMax: null, heartRateAvg: null }]
    }
    const filled = formFromReading({ sha256: 'a'.repeat(64), fileName: 'run.fit' }, reading as never, null, 'kg', null, 'mi')
    expect(filled.distanceUnit).toBe('mi')
    expect(filled.reps[0]?.distance).toBe('164')
  })
})
