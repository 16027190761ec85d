import { describe, expect, it } from 'vitest'
import { blankRep, emptyForm, type SessionFormState, toInput } from '../../src/renderer/src/features/log/sessionForm'
import { sessionFields } from '../../src/shared/schemas'

const TODAY = '2026-11-20'

function form(patch: Partial<SessionFormState> = {}, rep: Partial<ReturnType<typeof blankRep>> = {}): SessionFormState {
  return { ...emptyForm(), date: TODAY, reps: [{ ...blankRep(), work: '0:20', ...rep }], ...patch }
}

const errorsOf = (f: SessionFormState) => {
  const r = toInput(f, TODAY)
  return r.ok ? {} : r.errors
}

describe('the session form', () => {
  it('reads typed text (times, decimal commas) into the input the back end takes', () => {
    const r = toInput(form({ warmupMin: '7,5', rpe: '8' }, { work: '1:30', distance: '400,5', recovery: '2:00', heartRate: '172' }), TODAY)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(sessionFields.parse(r.input)).toEqual(r.input)
    expect(r.input).toMatchObject({ warmupSeconds: 450, rpe: 8 })
    expect(r.input.reps[0]).toMatchObject({ workSeconds: 90, distanceMeters: 400.5, recoverySeconds: 120, heartRate: 172 })
  })

  it('accepts what the shared schema accepts, up to its bounds', () => {
    expect(errorsOf(form({}, { distance: '0.5' }))).toEqual({}) // the schema takes any distance above 0
    expect(errorsOf(form({ warmupMin: '120', cooldownMin: '120' }))).toEqual({}) // 7200 s
    expect(errorsOf(form({}, { work: '120:00', recovery: '120:00' }))).toEqual({})
  })

  it('refuses what the schema refuses, with the schema’s messages at the same paths', () => {
    const bad = form({ warmupMin: '121', rpe: '12' }, { work: '0', distance: '0', heartRate: '300', intensity: 'custom' })
    const parsed = sessionFields.safeParse({ ...toLoose(bad) })
    expect(parsed.success).toBe(false)
    const errors = errorsOf(bad)
    for (const issue of parsed.error?.issues ?? []) expect(errors[issue.path.join('.')]).toBe(issue.message)
    expect(Object.keys(errors).sort()).toEqual(
      ['reps.0.distanceMeters', 'reps.0.heartRate', 'reps.0.intensityPct', 'reps.0.workSeconds', 'rpe', 'warmupSeconds'].sort()
    )
  })

  it('keeps its own message where the text cannot be read at all', () => {
    const errors = errorsOf(form({ warmupMin: 'ten', rpe: 'hard' }, { work: 'fast', recovery: 'long', distance: '4OO', heartRate: '72.5' }))
    expect(errors).toEqual({
      warmupSeconds: 'Warm-up is a number of minutes, such as 10 or 7.5.',
      rpe: 'Session RPE is a number from 0 to 10.',
      'reps.0.workSeconds': 'Write the time as seconds (20) or minutes:seconds (4:00).',
      'reps.0.recoverySeconds': 'Write the time as seconds (90) or minutes:seconds (2:00).',
      'reps.0.distanceMeters': 'Distance must be a number.',
      'reps.0.heartRate': 'Heart rate is a whole number.'
    })
  })

  it('asks for a forgotten work or recovery time, and for a real, past date', () => {
    expect(errorsOf(form({}, { work: '', recovery: '' }))).toEqual({
      'reps.0.workSeconds': 'Enter the work time.',
      'reps.0.recoverySeconds': 'Enter the recovery time (0 if none).'
    })
    expect(errorsOf(form({}, { recovery: '', recoveryMode: 'walk-down' }))).toEqual({})
    expect(errorsOf(form({ date: '2099-01-01' }))).toEqual({ date: 'The date is in the future.' })
    expect(Object.keys(errorsOf(form({ date: '' })))).toEqual(['date'])
    expect(errorsOf(form({ reps: [] }))).toEqual({ reps: sessionFields.shape.reps.safeParse([]).error?.issues[0]?.message })
  })
})

/** The form's values as numbers, the way the schema sees them (only for the fields the bad form sets). */
function toLoose(f: SessionFormState) {
  const r = f.reps[0]!
  return {
    date: f.date,
    warmupSeconds: Number(f.warmupMin) * 60,
    cooldownSeconds: Number(f.cooldownMin) * 60,
    rpe: Number(f.rpe),
    reps: [
      {
        workSeconds: Number(r.work),
        distanceMeters: Number(r.distance),
        intensity: r.intensity,
        recoverySeconds: 120,
        recoveryMode: r.recoveryMode,
        heartRate: Number(r.heartRate)
      }
    ]
  }
}
