import type { Block, Rep, RepeatGroup } from '../../src/shared/training'

/** A timed repeat group with the given overrides. */
export function group(over: Partial<RepeatGroup> = {}): RepeatGroup {
  return {
    count: 6,
    workSeconds: 20,
    workMeters: null,
    intensity: 'max',
    intensityPct: null,
    hill: false,
    inclinePct: null,
    recoverySeconds: 120,
    recoveryMode: 'walk',
    loadKg: null,
    loadKind: null,
    treadmillKmh: null,
    ...over
  }
}

/** A completed rep with the given overrides. */
export function rep(over: Partial<Rep> = {}): Rep {
  return {
    workSeconds: 20,
    distanceMeters: null,
    intensity: 'max',
    intensityPct: null,
    rpe: null,
    recoverySeconds: 120,
    recoveryMode: 'walk',
    inclinePct: null,
    hill: false,
    completed: true,
    heartRate: null,
    loadKg: null,
    loadKind: null,
    treadmillKmh: null,
    ...over
  }
}

/** The reps of `count` × 20 s with 2 min walks, the last without recovery (the cool-down follows). */
export function sprintReps(count = 6, over: Partial<Rep> = {}): Rep[] {
  return Array.from({ length: count }, (_, i) => rep({ recoverySeconds: i === count - 1 ? 0 : 120, ...over }))
}

let nextBlockId = 1
/** A block record as the repositories return it (HIIT 4×4 from 2026-05-04, 10 weeks × 3 by default), each with its own id. */
export function blockRecord(over: Partial<Block> = {}): Block {
  const id = nextBlockId++
  return {
    id,
    uuid: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
    name: `Block ${id}`,
    startDate: '2026-05-04',
    protocolUuid: null,
    weeks: 10,
    sessionsPerWeek: 3,
    protocolId: 7,
    protocolName: 'HIIT 4×4',
    createdAt: '2026-05-01T00:00:00.000Z',
    updatedAt: '2026-05-01T00:00:00.000Z',
    ...over
  }
}
