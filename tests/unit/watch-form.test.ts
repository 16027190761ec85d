import { describe, expect, it } from 'vitest'
import { formFromReading } from '../../src/renderer/src/features/log/watchForm'
import { toInput } from '../../src/renderer/src/features/log/sessionForm'
import type { WatchActivityReading, WatchRep } from '../../src/shared/watch'
import { builtIns } from '../helpers/watchFiles'

const rep = (over: Partial<WatchRep> = {}): WatchRep => ({
  workSeconds: 20.04,
  distanceMeters: 150.06,
  heartRateMax: 171.4,
  heartRateAvg: 158.6,
  hill: false,
  inclinePct: null,
  recoverySeconds: 119.6,
  recoveryMode: 'walk',
  startOffsetSeconds: 600,
  ...over
})

const reading = (reps: WatchRep[], over: Partial<WatchActivityReading> = {}): WatchActivityReading => ({
  kind: 'activity',
  format: 'fit',
  sport: 'running',
  running: true,
  device: 'Garmin Forerunner 965',
  startedAt: '2026-11-20T06:30:00.000Z',
  date: '2026-11-20',
  startTime: '07:30',
  warmupSeconds: 612,
  cooldownSeconds: 300,
  reps,
  detectedBy: 'intensity_laps',
  match: { protocolId: 5, reason: { key: 'matchReason', params: {} } },
  ...over
})

const file = { sha256: 'a'.repeat(64), fileName: 'intervals.fit' }
const sprint = builtIns.find((p) => p.name === 'Sprint 6×20 s') ?? null
const hill = builtIns.find((p) => p.name === 'Hill sprint 4×30 s') ?? null

describe('the log form filled from a watch file', () => {
  it('takes the date, time, warm-up, cool-down and each rep; the rep’s heart rate is its maximum, the averages go in the notes', () => {
    const last = rep({ recoverySeconds: null })
    const f = formFromReading(file, reading([rep(), rep({ heartRateAvg: null }), last]), sprint, 'kg', (list) => `avg ${list}`)
    expect(f).toMatchObject({ date: '2026-11-20', startTime: '07:30', warmupMin: '10.2', cooldownMin: '5', protocolId: sprint?.id, plan: sprint?.groups, notes: 'avg 159, –, 159' })
    expect(f.reps.map((r) => [r.work, r.distance, r.heartRate, r.recovery, r.recoveryMode, r.intensity])).toEqual([
      ['20', '150.1', '171', '2:00', 'walk', 'max'],
      ['20', '150.1', '171', '2:00', 'walk', 'max'],
      ['20', '150.1', '171', '0', 'walk', 'max']
    ])
    expect(f.source).toEqual({ sha256: file.sha256, fileName: 'intervals.fit', notRunning: false })
    // The form's input names the file, so the save attaches it.
    const checked = toInput(f, '2026-12-04')
    expect(checked.ok).toBe(true)
    if (checked.ok) expect(checked.input).toMatchObject({ sourceSha256: file.sha256, date: '2026-11-20', warmupSeconds: 612 })
    if (checked.ok) expect(checked.input).not.toHaveProperty('sourceNotRunning')
  })

  it('keeps a hill rep’s incline and an untimed walk back down', () => {
    const f = formFromReading(file, reading([rep({ hill: true, inclinePct: 8.4, recoverySeconds: null, recoveryMode: 'walk-down' })]), hill, 'kg', null)
    expect(f.reps[0]).toMatchObject({ hill: true, incline: '8', recovery: '', recoveryMode: 'walk-down' })
    expect(f.notes).toBe('')
  })

  it('a confirmed non-running activity is free-form and says so when it is saved', () => {
    const f = formFromReading(file, reading([rep()], { sport: 'cycling', running: false }), null, 'kg', null)
    expect(f).toMatchObject({ protocolId: null, plan: null, source: { notRunning: true } })
    const checked = toInput(f, '2026-12-04')
    if (checked.ok) expect(checked.input).toMatchObject({ sourceNotRunning: true })
    else throw new Error(JSON.stringify(checked.errors))
  })

  it('no reps found: one empty rep to fill in by hand', () => {
    const f = formFromReading(file, reading([]), null, 'kg', null)
    expect(f.reps).toHaveLength(1)
    expect(f.reps[0]?.work).toBe('')
  })
})
