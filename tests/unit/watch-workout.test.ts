/** The FIT workout encoder, read back with Garmin's own decoder: the file's integrity and every step. */
import { Decoder, Stream } from '@garmin/fitsdk'
import { describe, expect, it } from 'vitest'
import { BUILT_IN_PROTOCOLS } from '../../src/main/db/migrations/002-training'
import { cutUtf8, encodeWorkout, STEP_NAME_CHARS, type WorkoutInput } from '../../src/main/services/watch/workout'
import { workoutFileName } from '../../src/main/services/workouts'
import type { RepeatGroup } from '../../src/shared/training'
import { group } from '../helpers/training'

/** A built-in protocol's one repeat group, as the database seeds it. */
function builtIn(name: string): { name: string; plan: RepeatGroup[] } {
  const p = BUILT_IN_PROTOCOLS.find((b) => b.name === name)
  if (!p) throw new Error(`no built-in protocol ${name}`)
  return { name: p.name, plan: [group({ ...p.group, workMeters: null, intensityPct: null, inclinePct: null })] }
}

interface Step {
  messageIndex: number
  wktStepName?: string
  durationType: string
  durationValue?: number
  targetType?: string
  targetValue?: number
  intensity?: string
  notes?: string
}

/** Decodes a workout file with the SDK, after its integrity check (header, size and CRC). */
function read(bytes: Uint8Array) {
  expect(Decoder.isFIT(Stream.fromByteArray(bytes))).toBe(true)
  expect(new Decoder(Stream.fromByteArray(bytes)).checkIntegrity()).toBe(true)
  const { messages, errors } = new Decoder(Stream.fromByteArray(bytes)).read({ expandSubFields: false })
  expect(errors).toEqual([])
  const fileIds = messages.fileIdMesgs ?? []
  const workouts = messages.workoutMesgs ?? []
  expect(fileIds).toHaveLength(1)
  expect(workouts).toHaveLength(1)
  const steps = (messages.workoutStepMesgs ?? []) as unknown as Step[]
  expect(workouts[0]?.numValidSteps).toBe(steps.length)
  expect(steps.map((s) => s.messageIndex)).toEqual(steps.map((_, i) => i))
  for (const s of steps) if (s.wktStepName !== undefined) expect(s.wktStepName.length).toBeLessThanOrEqual(STEP_NAME_CHARS)
  return { fileId: fileIds[0], workout: workouts[0], steps }
}

/** The parts of each step this test states, in a line each: name, duration, intensity; repeats: back to step, times. */
function describeSteps(steps: Step[]): string[] {
  return steps.map((s) => {
    if (s.durationType === 'repeatUntilStepsCmplt') return `repeat from ${s.durationValue} × ${s.targetValue}`
    const amount = s.durationType === 'time' ? `${(s.durationValue ?? 0) / 1000} s` : s.durationType === 'distance' ? `${(s.durationValue ?? 0) / 100} m` : 'open'
    expect(s.targetType, s.wktStepName).toBe('open')
    return `${s.wktStepName} | ${s.durationType} ${amount} | ${s.intensity}${s.notes ? ` | ${s.notes}` : ''}`
  })
}

const encode = (over: Partial<WorkoutInput> & Pick<WorkoutInput, 'name' | 'plan'>) => read(encodeWorkout({ warmupSeconds: 600, cooldownSeconds: 300, ...over }, new Date('2027-03-01T07:00:00Z')))

describe('encodeWorkout', () => {
  it('Sprint 6×20 s: warm-up, sprint and walk repeated 6 times, cool-down; a running workout file', () => {
    const { fileId, workout, steps } = encode(builtIn('Sprint 6×20 s'))
    expect(fileId).toMatchObject({ type: 'workout', manufacturer: 'development', timeCreated: new Date('2027-03-01T07:00:00Z') })
    expect(workout).toMatchObject({ wktName: 'Sprint 6×20 s', sport: 'running', numValidSteps: 5, wktDescription: '6x20s @max / 2m walk' })
    expect(describeSteps(steps)).toEqual([
      'Warm up 10m | time 600 s | warmup | Walk at a normal pace',
      'Sprint 20s | time 20 s | active | All out',
      'Walk 2m | time 120 s | recovery',
      'repeat from 1 × 6',
      'Cool down 5m | time 300 s | cooldown | Walk at a normal pace'
    ])
    // The SDK's own reading of the repeat step: back to step 1, 6 times.
    const expanded = new Decoder(Stream.fromByteArray(encodeWorkout({ ...builtIn('Sprint 6×20 s'), warmupSeconds: 600, cooldownSeconds: 300 }))).read().messages
    expect(expanded.workoutStepMesgs?.[3]).toMatchObject({ durationStep: 1, repeatSteps: 6 })
    expect(expanded.workoutStepMesgs?.[1]).toMatchObject({ durationTime: 20 })
  })

  it('HIIT 4×4: 4 min hard and 3 min jog, 4 times', () => {
    const { steps } = encode(builtIn('HIIT 4×4'))
    expect(describeSteps(steps)).toEqual([
      'Warm up 10m | time 600 s | warmup | Walk at a normal pace',
      'Hard 4m | time 240 s | active | Near maximum effort',
      'Jog 3m | time 180 s | recovery',
      'repeat from 1 × 4',
      'Cool down 5m | time 300 s | cooldown | Walk at a normal pace'
    ])
  })

  it('hill sprints: the untimed walk back down is an open step ended with the lap button', () => {
    const { steps } = encode(builtIn('Hill sprint 4×30 s'))
    expect(describeSteps(steps)).toEqual([
      'Warm up 10m | time 600 s | warmup | Walk at a normal pace',
      'Hill 30s | time 30 s | active | All out, Uphill',
      'Walk down | open open | recovery | Press lap when back at the bottom',
      'repeat from 1 × 4',
      'Cool down 5m | time 300 s | cooldown | Walk at a normal pace'
    ])
    expect(steps[2]?.durationValue).toBeUndefined()
  })

  it('two groups: each repeat goes back to its own group’s first step; standing is rest', () => {
    const { workout, steps } = encode({
      name: 'Ladder',
      warmupSeconds: 480,
      cooldownSeconds: 420,
      plan: [group({ count: 3, workSeconds: 30, recoverySeconds: 60 }), group({ count: 4, workSeconds: 15, intensity: 'near-max', recoverySeconds: 90, recoveryMode: 'stand' })]
    })
    expect(workout).toMatchObject({ numValidSteps: 8, wktDescription: '3x30s @max / 1m walk + 4x15s @near-max / 1m30s stand' })
    expect(describeSteps(steps)).toEqual([
      'Warm up 8m | time 480 s | warmup | Walk at a normal pace',
      'Sprint 30s | time 30 s | active | All out',
      'Walk 1m | time 60 s | recovery',
      'repeat from 1 × 3',
      'Hard 15s | time 15 s | active | Near maximum effort',
      'Stand 1m30s | time 90 s | rest',
      'repeat from 4 × 4',
      'Cool down 7m | time 420 s | cooldown | Walk at a normal pace'
    ])
  })

  it('distance work is a distance step; a load goes into the notes', () => {
    const { steps } = encode({
      name: 'Vest 200s',
      plan: [group({ count: 5, workSeconds: null, workMeters: 200, intensity: 'moderate', recoverySeconds: 90, recoveryMode: 'jog', loadKg: 10, loadKind: 'vest' }), group({ count: 2, workSeconds: null, workMeters: 1500, intensity: 'custom', intensityPct: 80, recoverySeconds: 180 })]
    })
    expect(describeSteps(steps)).toEqual([
      'Warm up 10m | time 600 s | warmup | Walk at a normal pace',
      'Run 200m | distance 200 m | active | Moderate effort, Vest 10 kg',
      'Jog 1m30s | time 90 s | recovery',
      'repeat from 1 × 5',
      'Run 1.5km | distance 1500 m | active | At 80% effort',
      'Walk 3m | time 180 s | recovery',
      'repeat from 4 × 2',
      'Cool down 5m | time 300 s | cooldown | Walk at a normal pace'
    ])
  })

  it('treadmill speed and incline go into the notes; no warm-up, no recovery and a single rep add no step', () => {
    const { steps } = encode({
      name: 'Treadmill',
      warmupSeconds: 0,
      cooldownSeconds: 0,
      plan: [group({ count: 1, workSeconds: 90, intensity: 'near-max', inclinePct: 5, treadmillKmh: 14.5, recoverySeconds: 0 }), group({ count: 3, workSeconds: 20, recoverySeconds: 75, recoveryMode: 'walk-down', hill: true })]
    })
    expect(describeSteps(steps)).toEqual([
      'Hard 1m30s | time 90 s | active | Near maximum effort, Treadmill 14.5 km/h, Incline 5%',
      'Hill 20s | time 20 s | active | All out, Uphill',
      'Walk down 1m15s | time 75 s | recovery',
      'repeat from 1 × 3'
    ])
  })

  it('keeps the protocol’s name as typed, in any script, cut within the field’s bytes', () => {
    expect(encode({ name: '冲刺 6×20 秒', plan: builtIn('Sprint 6×20 s').plan }).workout?.wktName).toBe('冲刺 6×20 秒')
    const long = '跑'.repeat(120)
    const name = encode({ name: long, plan: builtIn('Sprint 6×20 s').plan }).workout?.wktName ?? ''
    expect(long.startsWith(name)).toBe(true)
    expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(200)
    expect(cutUtf8('ab冲刺', 4)).toBe('ab')
    expect(cutUtf8('ab冲刺', 5)).toBe('ab冲')
  })
})

describe('workoutFileName', () => {
  it('keeps the name as typed, safe on every system', () => {
    expect(workoutFileName({ name: 'Sprint 6×20 s' })).toBe('Sprint 6×20 s.fit')
    expect(workoutFileName({ name: '冲刺训练' })).toBe('冲刺训练.fit')
    expect(workoutFileName({ name: 'Hills: 4/30 "hard"?' })).toBe('Hills- 4-30 -hard-.fit')
    expect(workoutFileName({ name: '../../etc/passwd' })).toBe('etc-passwd.fit')
    expect(workoutFileName({ name: ' ...' })).toBe('workout.fit')
    expect(workoutFileName({ name: 'CON' })).toBe('workout-CON.fit')
    expect(workoutFileName({ name: 'x'.repeat(120) })).toBe(`${'x'.repeat(100)}.fit`)
  })
})
