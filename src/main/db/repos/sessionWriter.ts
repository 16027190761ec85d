/**
 * The one way a session and its reps are written — saved from the form, imported from a CSV file — with the
 * column lists derived from the field tables (shared/records.ts) and the derived columns computed, by the shared
 * metric functions, in one place. Must run inside the caller's transaction.
 */
import type { Statement } from 'better-sqlite3'
import { type KeysFrom, keysOf, toSql, type Values } from '../../../shared/fields'
import { loadedDropOff, maxLoadKg, restPerRep, sessionSpeeds, speedDropOff } from '../../../shared/metrics/reps'
import { DEFAULT_WALK_DOWN_SECONDS, lastTimedWalkDown, sessionMetrics } from '../../../shared/metrics/session'
import { REP_FIELDS, SESSION_FIELDS } from '../../../shared/records'
import type { Rep, RepeatGroup } from '../../../shared/training'
import type { Db } from '../connection'

type SessionValues = Values<typeof SESSION_FIELDS>

/** The fields a session row stores that are not computed: what the form, the import or the app give. */
export type StoredSession = Pick<SessionValues, Exclude<KeysFrom<typeof SESSION_FIELDS, 'input' | 'system'>, 'id'>>
/** Everything a session row stores that is computed from its reps. */
export type DerivedColumns = Pick<SessionValues, KeysFrom<typeof SESSION_FIELDS, 'computed'>>

const STORED = keysOf(SESSION_FIELDS, 'input', 'system').filter((k): k is keyof StoredSession => k !== 'id')
const COMPUTED = keysOf(SESSION_FIELDS, 'computed')
/** What an update replaces: the row keeps its UUID and creation time. */
const REPLACED = STORED.filter((k) => k !== 'uuid' && k !== 'createdAt')
/** A rep row: its session, its position, then the fields the runner enters. */
const REP_INPUT = keysOf(REP_FIELDS, 'input')
const REP_INPUT_FIELDS = REP_INPUT.map((k) => [k, REP_FIELDS[k]] as const)

const column = (k: keyof typeof SESSION_FIELDS) => SESSION_FIELDS[k].sql as string

const INSERT = `INSERT INTO sessions (${[...STORED, ...COMPUTED].map(column).join(', ')})
  VALUES (${[...STORED, ...COMPUTED].map(() => '?').join(', ')}) ON CONFLICT (uuid) DO NOTHING`
const UPDATE = `UPDATE sessions SET ${[...REPLACED, ...COMPUTED].map((k) => `${column(k)} = ?`).join(', ')} WHERE id = ? AND deleted_at IS NULL`
const REP_COLUMNS = `session_id, ${REP_FIELDS.position.sql as string}, ${REP_INPUT.map((k) => REP_FIELDS[k].sql as string).join(', ')}`
const REP_ROW = `(?, ?, ${REP_INPUT.map(() => '?').join(', ')})`

/** Reps per insert statement, at least: about 100 rows per statement measured fastest. */
const REP_BATCH = 100

/** The plan's total reps, or the number of reps logged for a free-form session. */
export function plannedReps(d: { plan: readonly RepeatGroup[] | null; reps: readonly unknown[] }): number {
  return d.plan ? d.plan.reduce((n, g) => n + g.count, 0) : d.reps.length
}

/**
 * Everything a session row stores that is computed from its reps, by the shared metric functions: written on
 * every save and by the import, so that charts read one row per session. The one place these are computed.
 * `earlierWalkDown` is the last timed walk-down of the latest earlier session of its protocol (the walk-down
 * estimate's second source, `sessionMetrics`); `walkDownEstimates` finds it and keeps later sessions up to date.
 */
export function derivedColumns(
  d: Pick<StoredSession, 'plan' | 'warmupSeconds' | 'cooldownSeconds' | 'rpe'> & { reps: readonly Rep[] },
  earlierWalkDown: number | null = null
): DerivedColumns {
  const m = sessionMetrics({ warmupSeconds: d.warmupSeconds, cooldownSeconds: d.cooldownSeconds, rpe: d.rpe, plannedReps: plannedReps(d), reps: d.reps }, earlierWalkDown)
  const drop = speedDropOff(d.reps)
  const loadedDrop = loadedDropOff(d.reps)
  const { flat, hill } = sessionSpeeds(d.reps)
  return {
    plannedReps: m.plannedReps,
    workSeconds: m.workSeconds,
    repsDone: m.repsDone,
    distanceMeters: m.distanceMeters,
    durationSeconds: m.durationSeconds,
    estimatedSeconds: m.estimatedSeconds,
    load: m.load,
    restPerRep: restPerRep(d.reps),
    firstSpeed: drop?.firstSpeed ?? null,
    lastSpeed: drop?.lastSpeed ?? null,
    flatSpeedReps: flat.reps,
    flatBuckets: flat.buckets,
    flatBestSpeed: flat.best?.speed ?? null,
    flatBestWorkSeconds: flat.best?.workSeconds ?? null,
    flatBestDistance: flat.best?.distanceMeters ?? null,
    hillSpeedReps: hill.reps,
    hillBestSpeed: hill.best?.speed ?? null,
    hillBestWorkSeconds: hill.best?.workSeconds ?? null,
    hillBestDistance: hill.best?.distanceMeters ?? null,
    lastTimedWalkDown: lastTimedWalkDown(d.reps),
    maxLoadKg: maxLoadKg(d.reps),
    loadedFirstSpeed: loadedDrop?.firstSpeed ?? null,
    loadedLastSpeed: loadedDrop?.lastSpeed ?? null
  }
}

function values(s: Record<string, unknown>, keys: readonly (keyof typeof SESSION_FIELDS)[], out: unknown[]): void {
  for (const k of keys) out.push(toSql(SESSION_FIELDS[k], s[k]))
}

export type SessionWriter = ReturnType<typeof sessionWriter>

/**
 * Writes sessions with their reps. Reps are written many sessions at a time, in statements of at least REP_BATCH
 * rows (each row bound costs far less in a large statement); `flush()` writes the rest and must run before the
 * transaction ends.
 */
export function sessionWriter(db: Db) {
  const insert = db.prepare<unknown[], never>(INSERT)
  const update = db.prepare<unknown[], never>(UPDATE)
  const deleteReps = db.prepare<[number], never>(`DELETE FROM reps WHERE session_id = ?`)
  const repInserts = new Map<number, Statement<unknown[], never>>()
  const insertReps = (n: number) => {
    let st = repInserts.get(n)
    if (st === undefined) {
      st = db.prepare<unknown[], never>(`INSERT INTO reps (${REP_COLUMNS}) VALUES ${Array.from({ length: n }, () => REP_ROW).join(', ')}`)
      repInserts.set(n, st)
    }
    return st
  }
  const pending: unknown[] = []
  let rows = 0

  const flush = () => {
    if (rows === 0) return
    insertReps(rows).run(pending)
    pending.length = 0
    rows = 0
  }
  const addReps = (sessionId: number, reps: readonly Rep[]) => {
    for (let i = 0; i < reps.length; i++) {
      const r = reps[i] as Rep
      pending.push(sessionId, i + 1)
      for (const [k, f] of REP_INPUT_FIELDS) pending.push(toSql(f, r[k]))
    }
    rows += reps.length
    if (rows >= REP_BATCH) flush()
  }

  return {
    /** Adds a session and its reps; null (and nothing written) when a session with its UUID exists, deleted or not. */
    add(s: StoredSession, reps: readonly Rep[], earlierWalkDown: number | null = null): number | null {
      const row: unknown[] = []
      values(s, STORED, row)
      values(derivedColumns({ ...s, reps }, earlierWalkDown), COMPUTED, row)
      const info = insert.run(row)
      if (info.changes === 0) return null
      const id = Number(info.lastInsertRowid)
      addReps(id, reps)
      return id
    },
    /** Replaces a live session's fields and all its reps; false when there is no live session with that id. */
    replace(id: number, s: Omit<StoredSession, 'uuid' | 'createdAt'>, reps: readonly Rep[], earlierWalkDown: number | null = null): boolean {
      const row: unknown[] = []
      values(s, REPLACED, row)
      values(derivedColumns({ ...s, reps }, earlierWalkDown), COMPUTED, row)
      row.push(id)
      if (update.run(row).changes !== 1) return false
      flush()
      deleteReps.run(id)
      addReps(id, reps)
      return true
    },
    flush
  }
}

/** A session's place in the walk-down estimate: its protocol and date, and whether it is a source (a timed walk-down). */
export interface WalkDownPlace {
  protocolId: number | null
  date: string
  timed: boolean
}

const WALK_DOWN = `r.session_id = s.id AND r.recovery_mode = 'walk-down'`

/**
 * The walk-down estimate's second source — the last timed walk-down of the latest earlier live session of the same
 * protocol (free-form sessions as one group) — looked up for a save, and carried forward to the later sessions it
 * feeds when a session that is a source is added, changed, deleted or restored. Must run inside the caller's
 * transaction.
 */
/**
 * The last timed walk-down before (date, id) among a protocol's live sessions: one seek in sessions_timed_walk_down
 * (migration 006), where only the sessions that have a timed walk-down are indexed.
 */
export const EARLIER_WALK_DOWN_SQL = `SELECT s.last_timed_walk_down FROM sessions s
  WHERE s.deleted_at IS NULL AND s.last_timed_walk_down IS NOT NULL AND s.protocol_id IS ? AND (s.date < ? OR (s.date = ? AND s.id < ?))
  ORDER BY s.date DESC, s.id DESC LIMIT 1`

export function walkDownEstimates(db: Db) {
  const q = {
    earlier: db.prepare<[number | null, string, string, number], number>(EARLIER_WALK_DOWN_SQL).pluck(),
    place: db.prepare<[number], { protocolId: number | null; date: string; timed: number }>(
      `SELECT s.protocol_id AS protocolId, s.date, EXISTS (SELECT 1 FROM reps r WHERE ${WALK_DOWN} AND r.recovery_seconds > 0) AS timed
       FROM sessions s WHERE s.id = ?`
    ),
    later: db.prepare<[number | null, string], { id: number; date: string; untimed: number; lastTimed: number | null; estimated: number }>(
      `SELECT s.id, s.date, s.estimated_seconds AS estimated,
         (SELECT count(*) FROM reps r WHERE ${WALK_DOWN} AND r.recovery_seconds IS NULL) AS untimed,
         (SELECT r.recovery_seconds FROM reps r WHERE ${WALK_DOWN} AND r.recovery_seconds > 0 ORDER BY r.position DESC LIMIT 1) AS lastTimed
       FROM sessions s WHERE s.deleted_at IS NULL AND s.protocol_id IS ? AND s.date >= ? ORDER BY s.date, s.id`
    ),
    head: db.prepare<[number], { warmupSeconds: number; cooldownSeconds: number; rpe: number | null }>(
      `SELECT warmup_seconds AS warmupSeconds, cooldown_seconds AS cooldownSeconds, rpe FROM sessions WHERE id = ?`
    ),
    reps: db.prepare<[number], Pick<Rep, 'workSeconds' | 'recoverySeconds' | 'recoveryMode' | 'distanceMeters'> & { completed: number }>(
      `SELECT work_seconds AS workSeconds, recovery_seconds AS recoverySeconds, recovery_mode AS recoveryMode, distance_meters AS distanceMeters, completed
       FROM reps WHERE session_id = ? ORDER BY position`
    ),
    update: db.prepare<[number, number, number | null, number], never>(`UPDATE sessions SET estimated_seconds = ?, duration_seconds = ?, load = ? WHERE id = ?`)
  }

  /** The last timed walk-down before (date, id) among the live sessions of a protocol; null when there is none. */
  const earlier = (protocolId: number | null, date: string, id: number): number | null => q.earlier.get(protocolId, date, date, id) ?? null

  return {
    /** For a session saved as `id` (a new session: null, it will come after every session of its date). */
    earlier: (protocolId: number | null, date: string, id: number | null): number | null => earlier(protocolId, date, id ?? Number.MAX_SAFE_INTEGER),
    place(id: number): WalkDownPlace | undefined {
      const p = q.place.get(id)
      return p && { protocolId: p.protocolId, date: p.date, timed: p.timed === 1 }
    },
    /**
     * Brings the estimates of the protocol's live sessions from `from` on up to date. With `oneChange`, only the
     * sessions of one date changed: past that date the first session with a timed walk-down of its own ends the
     * sessions that could depend on the change.
     */
    refresh(protocolId: number | null, from: string, oneChange: boolean): void {
      let carry = earlier(protocolId, from, 0)
      const stale: { id: number; carry: number | null }[] = []
      for (const s of q.later.iterate(protocolId, from)) {
        if (s.lastTimed !== null) {
          if (oneChange && s.date > from) break
          carry = s.lastTimed
        } else if (s.untimed > 0 && Math.abs(s.untimed * (carry ?? DEFAULT_WALK_DOWN_SECONDS) - s.estimated) > 1e-9) stale.push({ id: s.id, carry })
      }
      for (const { id, carry: c } of stale) {
        const head = q.head.get(id)
        if (!head) continue
        const reps = q.reps.all(id).map((r) => ({ ...r, completed: r.completed === 1 }))
        const m = sessionMetrics({ ...head, plannedReps: 0, reps }, c)
        q.update.run(m.estimatedSeconds, m.durationSeconds, m.load, id)
      }
    }
  }
}
