import { browserDay, type WebApp } from './fixtures'

/** The long names the screens must fit at 720 px. */
export const LONG_BLOCK = 'Spring hypertrophy block for the quadriceps'
export const LONG_PROTOCOL = 'Long hill and flat sprint session for the spring season, 6×20 s with walk-back'

/**
 * A full history through the real API, with wide content: a training block with a long name, a protocol with a
 * long name, Sprint 6×20 s sessions (the last with eight reps that use every column: distance, a custom intensity
 * with its percentage, RPE, incline, heart rate, an abandoned rep, a hill rep, a load), sessions of the long-named
 * protocol, and a few days of body weight. Returns the id of the session with every column in use.
 */
export async function seedWide(app: WebApp): Promise<number> {
  const { call } = app
  const protocols = await call<{ id: number; name: string; groups: unknown[] }[]>('protocols/list', {})
  const sprint = protocols.find((p) => p.name === 'Sprint 6×20 s')
  if (!sprint) throw new Error('no Sprint 6×20 s')
  const long = await call<{ id: number; groups: unknown[] }>('protocols/create', { name: LONG_PROTOCOL, description: 'Six hard reps, walked back down.', groups: sprint.groups })
  await call('blocks/create', { name: 'Winter base block on the hill behind the sports ground', startDate: browserDay(-120), weeks: 6, sessionsPerWeek: 2, protocolId: long.id })
  await call('blocks/create', { name: LONG_BLOCK, startDate: browserDay(-20), weeks: 10, sessionsPerWeek: 3, protocolId: sprint.id })
  const reps = Array.from({ length: 8 }, (_, i) => ({
    workSeconds: 20.5,
    distanceMeters: 150 - 3 * i,
    intensity: i === 2 ? 'custom' : 'max',
    intensityPct: i === 2 ? 92.5 : null,
    rpe: 8,
    recoverySeconds: i === 7 ? 0 : 125,
    recoveryMode: i === 5 ? 'walk-down' : 'walk',
    hill: i === 5,
    inclinePct: i === 4 ? 6 : null,
    completed: i !== 6,
    heartRate: 172,
    loadKg: i === 3 ? 12.5 : null,
    loadKind: i === 3 ? 'vest' : null
  }))
  const simple = (n: number) => Array.from({ length: n }, () => ({ workSeconds: 20, distanceMeters: 140, intensity: 'max', rpe: 7, recoverySeconds: 120, recoveryMode: 'walk', completed: true }))
  for (const [day, n] of [
    [-15, 5],
    [-10, 6],
    [-5, 6]
  ] as const) {
    await call('sessions/create', { date: browserDay(day), protocolId: sprint.id, plan: sprint.groups, rpe: 7, reps: simple(n) })
  }
  await call('sessions/create', { date: browserDay(-3), protocolId: long.id, plan: long.groups, rpe: 8, notes: 'Long name, long note.', reps: simple(6) })
  const session = await call<{ id: number }>('sessions/create', {
    date: browserDay(-1),
    protocolId: sprint.id,
    plan: sprint.groups,
    warmupSeconds: 600,
    cooldownSeconds: 300,
    rpe: 8,
    notes: 'Windy on the back straight; the last two reps into a headwind, the seventh abandoned',
    reps
  })
  for (let i = 0; i < 5; i++) await call('weights/add', { date: browserDay(-i), kg: 80 + i * 0.2, note: i === 0 ? 'after breakfast, before the session' : undefined })
  return session.id
}
