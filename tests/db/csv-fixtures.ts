/** Helpers for the CSV tests: a varied history entered through the router, and export/import as plain functions. */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Backend } from '../../src/main/backend'
import type { Db } from '../../src/main/db/connection'
import { openReader } from '../../src/main/db/reader'
import { exportRepo } from '../../src/main/db/repos/export'
import { importRepo } from '../../src/main/db/repos/import'
import { exportFiles } from '../../src/main/services/csv/export'
import { commitImport, type ImportPlan, readImport } from '../../src/main/services/csv/import'
import { type CsvKind, exportFileName } from '../../src/shared/csv'
import type { Protocol } from '../../src/shared/training'
import { clientFor } from '../helpers/client'
import { group, rep, sprintReps } from '../helpers/training'

export const NASTY_NOTES = [
  '=HYPERLINK("http://evil.example","click")',
  '+1 more rep',
  '-5 % incline felt hard',
  '@coach please check',
  '\tstarts with a tab',
  'line one\nline two\r\nline three',
  'quotes "inside" and, commas; semicolons',
  "'=already quoted",
  "'plain quote",
  'Ünïcödé – “curly” ✓ 🏃',
  ''
]

/** A history with a bit of everything: built-in and user protocols, free-form sessions, odd notes, weights. */
export async function seedHistory(b: Backend): Promise<void> {
  const client = clientFor(b.router)
  const protocols = await client.protocols.list()
  const sprint = protocols.find((p) => p.name === 'Sprint 6×20 s') as Protocol
  const hill = protocols.find((p) => p.name === 'Hill sprint 4×30 s') as Protocol
  const mine = await client.protocols.create({
    name: 'Treadmill 8×15 s =fast',
    groups: [group({ count: 8, workSeconds: 15, intensity: 'custom', intensityPct: 90, inclinePct: 5, recoverySeconds: 45, recoveryMode: 'stand' })]
  })
  let day = 1
  const date = () => `2026-03-${String(day++).padStart(2, '0')}`
  for (const [i, notes] of NASTY_NOTES.entries()) {
    await client.sessions.create({ date: date(), startTime: i % 2 ? '07:30' : null, protocolId: sprint.id, plan: sprint.groups, rpe: 7.5, notes, reps: sprintReps(6) })
  }
  await client.sessions.create({
    date: date(),
    protocolId: hill.id,
    plan: hill.groups,
    rpe: 9,
    couldNotRecover: true,
    reps: Array.from({ length: 4 }, (_, i) => rep({ workSeconds: 30.25, hill: true, inclinePct: -2.5, recoverySeconds: null, recoveryMode: 'walk-down', completed: i < 3, heartRate: 170 + i }))
  })
  await client.sessions.create({
    date: date(),
    protocolId: mine.id,
    plan: [group({ count: 2, workSeconds: 15.5, intensity: 'custom', intensityPct: 90, inclinePct: 5, recoverySeconds: 45, recoveryMode: 'stand' })],
    rpe: null,
    notes: 'x'.repeat(10_000),
    reps: [rep({ workSeconds: 15.5, distanceMeters: 101.3, intensity: 'custom', intensityPct: 90, rpe: 8.5, inclinePct: 5 }), rep({ workSeconds: 0.1 + 0.2, distanceMeters: 1e-3 })]
  })
  await client.sessions.create({ date: date(), warmupSeconds: 0, cooldownSeconds: 7200, notes: 'free-form long run', reps: [rep({ workSeconds: 3600, intensity: 'moderate', recoverySeconds: 0, distanceMeters: 10_000 })] })
  for (const [i, note] of ['', '=1+1', 'after travel, "jet-lagged"', '-0.5 kg'].entries()) {
    await client.weights.add({ date: `2026-03-0${i + 1}`, kg: [72.4, 71.95, 400, 20][i] as number, note })
  }
}

/** Exports the given kinds with the real export functions; returns each file's bytes. */
export async function exportKinds(dbPath: string, dir: string, kinds: readonly CsvKind[] = ['sessions', 'reps', 'weights']): Promise<Record<CsvKind, Buffer>> {
  const reader = openReader(dbPath)
  try {
    const targets = kinds.map((kind) => ({ kind, path: join(dir, exportFileName('export', kind)) }))
    await exportFiles(exportRepo(reader), targets, {})
    return Object.fromEntries(targets.map((t) => [t.kind, readFileSync(t.path)])) as Record<CsvKind, Buffer>
  } finally {
    reader.close()
  }
}

/** Writes each text to a file and reads them as one import; nothing is written to the database. */
export async function preview(db: Db, dir: string, files: Record<string, string | Buffer>): Promise<ImportPlan> {
  const sources = Object.entries(files).map(([name, body]) => {
    const path = join(dir, name)
    writeFileSync(path, body)
    return { name, path }
  })
  return readImport(sources, importRepo(db))
}

export function commit(db: Db, plan: ImportPlan) {
  return commitImport(db, importRepo(db), plan)
}

export function counts(db: Db) {
  return db
    .prepare(
      `SELECT (SELECT count(*) FROM sessions) AS sessions, (SELECT count(*) FROM reps) AS reps,
              (SELECT count(*) FROM body_weights) AS weights, (SELECT count(*) FROM protocols) AS protocols`
    )
    .get() as { sessions: number; reps: number; weights: number; protocols: number }
}
