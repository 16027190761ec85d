/**
 * Synthetic training histories for benchmarks: realistic sessions (built-in protocols, the odd abandoned
 * rep, RPE, notes) and daily weights, written through the app's session writer in one transaction.
 */
import { addLocalDays } from '../../shared/dates'
import type { Protocol, Rep, RepeatGroup } from '../../shared/training'
import type { Db } from '../db/connection'
import { needsEarlierWalkDown } from '../../shared/metrics/session'
import { protocolsRepo } from '../db/repos/protocols'
import type { SessionDraft } from '../db/repos/sessions'
import { sessionWriter, walkDownEstimates } from '../db/repos/sessionWriter'
import { weightsRepo } from '../db/repos/weights'

/** A small deterministic random generator, so every run measures the same data. */
export function rng(seed = 42): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface SyntheticOptions {
  /** The first day of the history. */
  start: string
  sessions: number
  /** Sessions per day (1 for a daily history; more to pack 100,000 sessions into a plausible span). */
  perDay: number
  /** Reps per session, or null to follow each protocol's plan. */
  repsPerSession: number | null
  /** Days of daily weights from `start`. */
  weightDays: number
  seed?: number
  /** The number in the first session's UUID (to add to a history written before). */
  firstUuid?: number
}

function repsFor(plan: readonly RepeatGroup[], count: number | null, random: () => number): Rep[] {
  const g = plan[0] as RepeatGroup
  const n = count ?? g.count
  // A plan's untimed walk-downs are timed in one session of four, so that later sessions' estimates have a source.
  const walkDown = g.recoveryMode === 'walk-down' && g.recoverySeconds === null && random() < 0.25 ? 60 + Math.floor(random() * 60) : null
  return Array.from({ length: n }, (_, i) => {
    const last = i === n - 1
    const abandoned = last && random() < 0.08
    return {
      workSeconds: abandoned ? Math.round((g.workSeconds ?? 30) / 2) : (g.workSeconds ?? 30),
      distanceMeters: g.hill || random() < 0.3 ? Math.round(100 + random() * 80) : null,
      intensity: g.intensity ?? 'max',
      intensityPct: null,
      rpe: random() < 0.3 ? 6 + Math.floor(random() * 5) : null,
      recoverySeconds: last ? (g.recoverySeconds === null && walkDown === null ? null : 0) : (walkDown ?? g.recoverySeconds),
      recoveryMode: g.recoveryMode,
      inclinePct: null,
      hill: g.hill,
      completed: !abandoned,
      heartRate: random() < 0.2 ? 150 + Math.floor(random() * 40) : null,
      loadKg: null,
      loadKind: null,
      treadmillKmh: null
    }
  })
}

/** The sessions of a synthetic history, in the order they are written (dates ascending). */
export function* syntheticSessions(protocols: readonly Protocol[], o: SyntheticOptions, random: () => number): Generator<{ uuid: string; draft: SessionDraft }> {
  for (let i = 0; i < o.sessions; i++) {
    const p = protocols[i % protocols.length]
    if (!p) throw new Error('no protocols')
    const reps = repsFor(p.groups, o.repsPerSession, random)
    yield {
      uuid: `00000000-0000-4000-8000-${String((o.firstUuid ?? 0) + i).padStart(12, '0')}`,
      draft: {
        date: addLocalDays(o.start, Math.floor(i / o.perDay)),
        startTime: '07:00',
        protocolId: p.id,
        plan: p.groups,
        warmupSeconds: 600,
        cooldownSeconds: 300,
        rpe: 5 + Math.floor(random() * 5),
        couldNotRecover: random() < 0.05,
        notes: random() < 0.1 ? 'windy, "wet" grass; felt strong' : '',
        reps
      }
    }
  }
}

/**
 * Writes the history in one transaction, through the app's session writer (sessionWriter.ts: the derived columns
 * computed by the shared metric functions, reps many sessions to a statement, as the import writes them) and the
 * walk-down estimate's lookup of the earlier session, as a save does. Sessions come in date order, after any
 * already there, so no later session's estimate can change and none is carried forward; the sessions are not
 * read back. A test holds the result to saving the same sessions one by one through the repository.
 * Returns how many sessions, reps and weights it wrote.
 */
export function generateHistory(db: Db, o: SyntheticOptions): { sessions: number; reps: number; weights: number } {
  const random = rng(o.seed)
  const protocols = protocolsRepo(db).list(false)
  const writer = sessionWriter(db)
  const walkDowns = walkDownEstimates(db)
  const weights = weightsRepo(db)
  const now = new Date().toISOString()
  let reps = 0
  db.transaction(() => {
    for (const { uuid, draft } of syntheticSessions(protocols, o, random)) {
      const { reps: sessionReps, ...fields } = draft
      reps += sessionReps.length
      const earlier = needsEarlierWalkDown(sessionReps) ? walkDowns.earlier(draft.protocolId, draft.date, null) : null
      writer.add({ ...fields, uuid, createdAt: now, updatedAt: now }, sessionReps, earlier)
    }
    writer.flush()
    let kg = 78
    for (let d = 0; d < o.weightDays; d++) {
      kg += (random() - 0.5) * 0.4
      weights.insert({ uuid: `10000000-0000-4000-8000-${String(d).padStart(12, '0')}`, date: addLocalDays(o.start, d), kg: Math.round(kg * 10) / 10, note: '' })
    }
  })()
  return { sessions: o.sessions, reps, weights: o.weightDays }
}
