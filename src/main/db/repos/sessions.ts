import type { SessionSummary } from '../../../shared/contract'
import type { LocalDate } from '../../../shared/dates'
import { restPerRep, sessionSpeeds, speedDropOff } from '../../../shared/metrics/reps'
import { sessionMetrics } from '../../../shared/metrics/session'
import type { Intensity, RecoveryMode, RepeatGroup, Rep, Session } from '../../../shared/training'
import type { Db } from '../connection'
import { fromDate, toCamel, toDate } from '../rows'

interface SessionRow {
  id: number
  uuid: string
  date: string
  start_time: string | null
  protocol_id: number | null
  protocol_name: string | null
  plan_json: string | null
  planned_reps: number
  warmup_seconds: number
  cooldown_seconds: number
  rpe: number | null
  could_not_recover: number
  notes: string
  created_at: string
  updated_at: string
}

interface RepRow {
  session_id: number
  work_seconds: number
  distance_meters: number | null
  intensity: string
  intensity_pct: number | null
  rpe: number | null
  recovery_seconds: number | null
  recovery_mode: string
  incline_pct: number | null
  hill: number
  completed: number
  heart_rate: number | null
}

export type SessionDraft = Pick<Session, 'date' | 'startTime' | 'protocolId' | 'plan' | 'warmupSeconds' | 'cooldownSeconds' | 'rpe' | 'couldNotRecover' | 'notes' | 'reps'>

export type SessionHead = Omit<Session, 'reps'>

/** The most recent sessions of a protocol, for progression advice. */
export interface RecentSession {
  date: LocalDate
  plannedReps: number
  repsDone: number
  rpe: number | null
  couldNotRecover: boolean
  plan: RepeatGroup[] | null
}

export interface SessionFilter {
  from?: LocalDate | undefined
  to?: LocalDate | undefined
  /** A protocol id, 'none' for free-form sessions, or undefined for all. */
  protocolId?: number | 'none' | undefined
}

const HEAD = `s.id, s.uuid, s.date, s.start_time, s.protocol_id, p.name AS protocol_name, s.plan_json, s.planned_reps, s.warmup_seconds,
  s.cooldown_seconds, s.rpe, s.could_not_recover, s.notes, s.created_at, s.updated_at`
const FROM = 'FROM sessions s LEFT JOIN protocols p ON p.id = s.protocol_id'
/** History rows carry the metrics stored with each session, so a page of history reads no reps. */
const SUMMARY = `${HEAD}, s.work_seconds, s.reps_done, s.distance_meters, s.duration_seconds, s.load`
const REP_COLUMNS = `session_id, work_seconds, distance_meters, intensity, intensity_pct, rpe, recovery_seconds, recovery_mode, incline_pct,
  hill, completed, heart_rate`
const LIVE = 's.deleted_at IS NULL AND s.date BETWEEN ? AND ?'

/** The history queries, one per filter so each can use its index; exported for query-plan tests. */
export const SESSION_QUERIES = {
  listAll: `SELECT ${SUMMARY} ${FROM} WHERE ${LIVE} ORDER BY s.date DESC, s.id DESC LIMIT ? OFFSET ?`,
  countAll: `SELECT count(*) AS n FROM sessions s WHERE ${LIVE}`,
  listProtocol: `SELECT ${SUMMARY} ${FROM} WHERE ${LIVE} AND s.protocol_id = ? ORDER BY s.date DESC, s.id DESC LIMIT ? OFFSET ?`,
  countProtocol: `SELECT count(*) AS n FROM sessions s WHERE ${LIVE} AND s.protocol_id = ?`,
  listFree: `SELECT ${SUMMARY} ${FROM} WHERE ${LIVE} AND s.protocol_id IS NULL ORDER BY s.date DESC, s.id DESC LIMIT ? OFFSET ?`,
  countFree: `SELECT count(*) AS n FROM sessions s WHERE ${LIVE} AND s.protocol_id IS NULL`,
  repsOf: `SELECT ${REP_COLUMNS} FROM reps WHERE session_id IN (SELECT value FROM json_each(?)) ORDER BY session_id, position`,
  recent: `SELECT s.date, s.planned_reps, s.rpe, s.could_not_recover, s.plan_json,
    (SELECT count(*) FROM reps r WHERE r.session_id = s.id AND r.completed = 1) AS reps_done
    FROM sessions s WHERE s.deleted_at IS NULL AND s.protocol_id = ? ORDER BY s.date DESC, s.id DESC LIMIT ?`,
  datesBetween: `SELECT date FROM sessions WHERE deleted_at IS NULL AND date BETWEEN ? AND ?`
} as const

interface SummaryRow extends SessionRow {
  work_seconds: number
  reps_done: number
  distance_meters: number
  duration_seconds: number
  load: number | null
}

function toSummary(r: SummaryRow): SessionSummary {
  return {
    ...toHead(r),
    workSeconds: r.work_seconds,
    repsDone: r.reps_done,
    repsPlanned: r.planned_reps,
    distanceMeters: r.distance_meters,
    durationSeconds: r.duration_seconds,
    load: r.load
  }
}

function toHead(r: SessionRow): SessionHead {
  const { couldNotRecover, planJson, ...rest } = toCamel(r)
  return { ...rest, plan: planJson ? (JSON.parse(planJson) as RepeatGroup[]) : null, couldNotRecover: couldNotRecover === 1 }
}

function toRep(r: RepRow): Rep {
  return {
    workSeconds: r.work_seconds,
    distanceMeters: r.distance_meters,
    intensity: r.intensity as Intensity,
    intensityPct: r.intensity_pct,
    rpe: r.rpe,
    recoverySeconds: r.recovery_seconds,
    recoveryMode: r.recovery_mode as RecoveryMode,
    inclinePct: r.incline_pct,
    hill: r.hill === 1,
    completed: r.completed === 1,
    heartRate: r.heart_rate
  }
}

/** The plan's total reps, or the number of reps logged for a free-form session. */
export function plannedReps(d: Pick<SessionDraft, 'plan'> & { reps: readonly unknown[] }): number {
  return d.plan ? d.plan.reduce((n, g) => n + g.count, 0) : d.reps.length
}

/** The derived columns of a session row, as named parameters (SESSION_DERIVED_COLUMNS). */
export interface DerivedColumns {
  plannedReps: number
  workSeconds: number
  repsDone: number
  distanceMeters: number
  durationSeconds: number
  load: number | null
  restPerRep: number | null
  firstSpeed: number | null
  lastSpeed: number | null
  flatSpeedReps: number
  flatBuckets: number
  flatBestSpeed: number | null
  flatBestWorkSeconds: number | null
  flatBestDistance: number | null
  hillSpeedReps: number
  hillBestSpeed: number | null
  hillBestWorkSeconds: number | null
  hillBestDistance: number | null
}

/** The derived columns and their named parameters, in the same order, for INSERT and UPDATE statements. */
export const SESSION_DERIVED_COLUMNS = [
  ['planned_reps', 'plannedReps'],
  ['work_seconds', 'workSeconds'],
  ['reps_done', 'repsDone'],
  ['distance_meters', 'distanceMeters'],
  ['duration_seconds', 'durationSeconds'],
  ['load', 'load'],
  ['rest_per_rep', 'restPerRep'],
  ['first_speed', 'firstSpeed'],
  ['last_speed', 'lastSpeed'],
  ['flat_speed_reps', 'flatSpeedReps'],
  ['flat_buckets', 'flatBuckets'],
  ['flat_best_speed', 'flatBestSpeed'],
  ['flat_best_work_seconds', 'flatBestWorkSeconds'],
  ['flat_best_distance', 'flatBestDistance'],
  ['hill_speed_reps', 'hillSpeedReps'],
  ['hill_best_speed', 'hillBestSpeed'],
  ['hill_best_work_seconds', 'hillBestWorkSeconds'],
  ['hill_best_distance', 'hillBestDistance']
] as const satisfies readonly (readonly [string, keyof DerivedColumns])[]

/** `col1, col2, …` and `@param1, @param2, …` of the derived columns, for INSERT statements (in that order). */
export const DERIVED_NAMES = SESSION_DERIVED_COLUMNS.map(([c]) => c).join(', ')
const DERIVED_PARAMS = SESSION_DERIVED_COLUMNS.map(([, p]) => `@${p}`).join(', ')
const DERIVED_SET = SESSION_DERIVED_COLUMNS.map(([c, p]) => `${c} = @${p}`).join(', ')

/**
 * Everything a session row stores that is computed from its reps, by the shared metric functions: written on
 * every save and by the import, so that charts read one row per session. The one place these are computed.
 */
export function derivedColumns(d: Pick<SessionDraft, 'plan' | 'warmupSeconds' | 'cooldownSeconds' | 'rpe'> & { reps: readonly Rep[] }): DerivedColumns {
  const m = sessionMetrics({ warmupSeconds: d.warmupSeconds, cooldownSeconds: d.cooldownSeconds, rpe: d.rpe, plannedReps: plannedReps(d), reps: d.reps })
  const drop = speedDropOff(d.reps)
  const { flat, hill } = sessionSpeeds(d.reps)
  return {
    plannedReps: m.repsPlanned,
    workSeconds: m.workSeconds,
    repsDone: m.repsDone,
    distanceMeters: m.distanceMeters,
    durationSeconds: m.durationSeconds,
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
    hillBestDistance: hill.best?.distanceMeters ?? null
  }
}

export type SessionsRepo = ReturnType<typeof sessionsRepo>

export function sessionsRepo(db: Db, clock: () => Date = () => new Date()) {
  const q = {
    listAll: db.prepare<[string, string, number, number], SummaryRow>(SESSION_QUERIES.listAll),
    countAll: db.prepare<[string, string], { n: number }>(SESSION_QUERIES.countAll),
    listProtocol: db.prepare<[string, string, number, number, number], SummaryRow>(SESSION_QUERIES.listProtocol),
    countProtocol: db.prepare<[string, string, number], { n: number }>(SESSION_QUERIES.countProtocol),
    listFree: db.prepare<[string, string, number, number], SummaryRow>(SESSION_QUERIES.listFree),
    countFree: db.prepare<[string, string], { n: number }>(SESSION_QUERIES.countFree),
    repsOf: db.prepare<[string], RepRow>(SESSION_QUERIES.repsOf),
    recent: db.prepare<
      [number, number],
      { date: string; planned_reps: number; rpe: number | null; could_not_recover: number; plan_json: string | null; reps_done: number }
    >(SESSION_QUERIES.recent),
    datesBetween: db.prepare<[string, string], { date: string }>(SESSION_QUERIES.datesBetween),
    get: db.prepare<[number], SessionRow>(`SELECT ${HEAD} ${FROM} WHERE s.id = ? AND s.deleted_at IS NULL`),
    isDeleted: db.prepare<[number], { id: number }>(`SELECT id FROM sessions WHERE id = ? AND deleted_at IS NOT NULL`),
    insert: db.prepare(
      `INSERT INTO sessions (uuid, date, start_time, protocol_id, plan_json, warmup_seconds, cooldown_seconds, rpe, could_not_recover, notes,
        ${DERIVED_NAMES}, created_at, updated_at)
       VALUES (@uuid, @date, @startTime, @protocolId, @planJson, @warmupSeconds, @cooldownSeconds, @rpe, @couldNotRecover, @notes,
        ${DERIVED_PARAMS}, @now, @now)`
    ),
    update: db.prepare(
      `UPDATE sessions SET date = @date, start_time = @startTime, protocol_id = @protocolId, plan_json = @planJson,
        warmup_seconds = @warmupSeconds, cooldown_seconds = @cooldownSeconds, rpe = @rpe, could_not_recover = @couldNotRecover,
        notes = @notes, ${DERIVED_SET}, updated_at = @now
       WHERE id = @id AND deleted_at IS NULL`
    ),
    deleteReps: db.prepare<[number], never>(`DELETE FROM reps WHERE session_id = ?`),
    insertRep: db.prepare(
      `INSERT INTO reps (session_id, position, work_seconds, distance_meters, intensity, intensity_pct, rpe, recovery_seconds,
        recovery_mode, incline_pct, hill, completed, heart_rate)
       VALUES (@sessionId, @position, @workSeconds, @distanceMeters, @intensity, @intensityPct, @rpe, @recoverySeconds,
        @recoveryMode, @inclinePct, @hill, @completed, @heartRate)`
    ),
    softDelete: db.prepare<[string, number], never>(`UPDATE sessions SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL`),
    restore: db.prepare<[string, number], never>(`UPDATE sessions SET deleted_at = NULL, updated_at = ? WHERE id = ? AND deleted_at IS NOT NULL`)
  }

  const params = (d: SessionDraft) => ({
    date: d.date,
    startTime: d.startTime,
    protocolId: d.protocolId,
    planJson: d.plan ? JSON.stringify(d.plan) : null,
    warmupSeconds: d.warmupSeconds,
    cooldownSeconds: d.cooldownSeconds,
    rpe: d.rpe,
    couldNotRecover: d.couldNotRecover ? 1 : 0,
    notes: d.notes,
    ...derivedColumns(d),
    now: clock().toISOString()
  })

  const writeReps = (sessionId: number, reps: readonly Rep[]) => {
    reps.forEach((r, i) =>
      q.insertRep.run({ sessionId, position: i + 1, ...r, hill: r.hill ? 1 : 0, completed: r.completed ? 1 : 0 })
    )
  }

  const repsBySession = (ids: readonly number[]): Map<number, Rep[]> => {
    const out = new Map<number, Rep[]>(ids.map((id) => [id, []]))
    if (ids.length === 0) return out
    for (const r of q.repsOf.all(JSON.stringify(ids))) out.get(r.session_id)?.push(toRep(r))
    return out
  }


  const insertTx = db.transaction((uuid: string, d: SessionDraft) => {
    const id = Number(q.insert.run({ uuid, ...params(d) }).lastInsertRowid)
    writeReps(id, d.reps)
    return id
  })
  const updateTx = db.transaction((id: number, d: SessionDraft) => {
    if (q.update.run({ id, ...params(d) }).changes !== 1) return false
    q.deleteReps.run(id)
    writeReps(id, d.reps)
    return true
  })

  return {
    /** A page of sessions, newest first, with their stored metrics. */
    list(f: SessionFilter, limit: number, offset: number): { items: SessionSummary[]; total: number } {
      const a = fromDate(f)
      const b = toDate(f)
      let rows: SummaryRow[]
      let total: number
      if (f.protocolId === undefined) {
        rows = q.listAll.all(a, b, limit, offset)
        total = q.countAll.get(a, b)?.n ?? 0
      } else if (f.protocolId === 'none') {
        rows = q.listFree.all(a, b, limit, offset)
        total = q.countFree.get(a, b)?.n ?? 0
      } else {
        rows = q.listProtocol.all(a, b, f.protocolId, limit, offset)
        total = q.countProtocol.get(a, b, f.protocolId)?.n ?? 0
      }
      return { items: rows.map(toSummary), total }
    },
    get(id: number): Session | undefined {
      const row = q.get.get(id)
      if (!row) return undefined
      return { ...toHead(row), reps: repsBySession([id]).get(id) ?? [] }
    },
    /** Writes the session and its reps in one transaction. */
    insert(uuid: string, d: SessionDraft): Session {
      return this.get(insertTx(uuid, d)) as Session
    },
    /** Replaces the session and all its reps in one transaction; undefined when there is no live session with that id. */
    update(id: number, d: SessionDraft): Session | undefined {
      return updateTx(id, d) ? this.get(id) : undefined
    },
    softDelete(id: number): boolean {
      return q.softDelete.run(clock().toISOString(), id).changes === 1
    },
    restore(id: number): Session | undefined {
      if (!q.isDeleted.get(id)) return undefined
      q.restore.run(clock().toISOString(), id)
      return this.get(id)
    },
    recent(protocolId: number, limit: number): RecentSession[] {
      return q.recent.all(protocolId, limit).map((r) => ({
        date: r.date,
        plannedReps: r.planned_reps,
        repsDone: r.reps_done,
        rpe: r.rpe,
        couldNotRecover: r.could_not_recover === 1,
        plan: r.plan_json ? (JSON.parse(r.plan_json) as RepeatGroup[]) : null
      }))
    },
    datesBetween(from: LocalDate, to: LocalDate): LocalDate[] {
      return q.datesBetween.all(from, to).map((r) => r.date)
    }
  }
}
