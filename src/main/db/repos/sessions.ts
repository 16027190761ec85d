import type { SessionSummary } from '../../../shared/contract'
import type { LocalDate } from '../../../shared/dates'
import { keysOf, rowDecoder, selectList } from '../../../shared/fields'
import { dropOffPct } from '../../../shared/metrics/reps'
import { REP_FIELDS, SESSION_FIELDS } from '../../../shared/records'
import { type Rep, type RepeatGroup, type Session, SESSION_HEAD } from '../../../shared/training'
import type { Db } from '../connection'
import { fromDate, toDate } from '../rows'
import { sessionWriter } from './sessionWriter'

export { derivedColumns, plannedReps } from './sessionWriter'

/** A session as the form and the IPC call give it, to be saved. */
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
  /** How much slower the last rep with a distance was than the first, in percent; null without two such reps. */
  speedDropPct: number | null
}

export interface SessionFilter {
  from?: LocalDate | undefined
  to?: LocalDate | undefined
  /** A protocol id, 'none' for free-form sessions, or undefined for all. */
  protocolId?: number | 'none' | undefined
}

/** The stored metrics a history row shows beside the session's own fields (SessionSummary). */
const METRICS = ['workSeconds', 'repsDone', 'distanceMeters', 'durationSeconds', 'load'] as const satisfies readonly (keyof SessionSummary)[]
const REP_KEYS = keysOf(REP_FIELDS, 'input')

const HEAD = selectList(SESSION_FIELDS, 's', SESSION_HEAD)
const FROM = 'FROM sessions s LEFT JOIN protocols p ON p.id = s.protocol_id'
/** History rows carry the metrics stored with each session, so a page of history reads no reps. */
const SUMMARY = `${HEAD}, ${selectList(SESSION_FIELDS, 's', METRICS)}`
const REP_SELECT = `r.session_id AS "sessionId", ${selectList(REP_FIELDS, 'r', REP_KEYS)}`
const LIVE = 's.deleted_at IS NULL AND s.date BETWEEN ? AND ?'

/** The history queries, one per filter so each can use its index; exported for query-plan tests. */
export const SESSION_QUERIES = {
  listAll: `SELECT ${SUMMARY} ${FROM} WHERE ${LIVE} ORDER BY s.date DESC, s.id DESC LIMIT ? OFFSET ?`,
  countAll: `SELECT count(*) AS n FROM sessions s WHERE ${LIVE}`,
  listProtocol: `SELECT ${SUMMARY} ${FROM} WHERE ${LIVE} AND s.protocol_id = ? ORDER BY s.date DESC, s.id DESC LIMIT ? OFFSET ?`,
  countProtocol: `SELECT count(*) AS n FROM sessions s WHERE ${LIVE} AND s.protocol_id = ?`,
  listFree: `SELECT ${SUMMARY} ${FROM} WHERE ${LIVE} AND s.protocol_id IS NULL ORDER BY s.date DESC, s.id DESC LIMIT ? OFFSET ?`,
  countFree: `SELECT count(*) AS n FROM sessions s WHERE ${LIVE} AND s.protocol_id IS NULL`,
  repsOf: `SELECT ${REP_SELECT} FROM reps r WHERE session_id IN (SELECT value FROM json_each(?)) ORDER BY session_id, position`,
  recent: `SELECT ${selectList(SESSION_FIELDS, 's', ['date', 'plannedReps', 'rpe', 'couldNotRecover', 'plan', 'firstSpeed', 'lastSpeed'])},
    (SELECT count(*) FROM reps r WHERE r.session_id = s.id AND r.completed = 1) AS "repsDone"
    FROM sessions s WHERE s.deleted_at IS NULL AND s.protocol_id = ? ORDER BY s.date DESC, s.id DESC LIMIT ?`,
  datesBetween: `SELECT date FROM sessions WHERE deleted_at IS NULL AND date BETWEEN ? AND ?`,
  protocolDatesBetween: `SELECT date FROM sessions WHERE deleted_at IS NULL AND protocol_id = ? AND date BETWEEN ? AND ?`
} as const

type Row = Record<string, unknown>
const decodeHead = rowDecoder<SessionHead>(SESSION_FIELDS, SESSION_HEAD)
const decodeRep = rowDecoder<Rep & { sessionId: number }>(REP_FIELDS, REP_KEYS)
const decodeRecent = rowDecoder<Omit<RecentSession, 'speedDropPct'> & { firstSpeed: number | null; lastSpeed: number | null }>(SESSION_FIELDS, [
  'couldNotRecover',
  'plan'
])

/** A history row: the session's own fields (planned reps among them) and the stored metrics beside them. */
function toSummary(r: Row): SessionSummary {
  return decodeHead(r) as SessionHead & Pick<SessionSummary, (typeof METRICS)[number]>
}

export type SessionsRepo = ReturnType<typeof sessionsRepo>

export function sessionsRepo(db: Db, clock: () => Date = () => new Date()) {
  const q = {
    listAll: db.prepare<[string, string, number, number], Row>(SESSION_QUERIES.listAll),
    countAll: db.prepare<[string, string], { n: number }>(SESSION_QUERIES.countAll),
    listProtocol: db.prepare<[string, string, number, number, number], Row>(SESSION_QUERIES.listProtocol),
    countProtocol: db.prepare<[string, string, number], { n: number }>(SESSION_QUERIES.countProtocol),
    listFree: db.prepare<[string, string, number, number], Row>(SESSION_QUERIES.listFree),
    countFree: db.prepare<[string, string], { n: number }>(SESSION_QUERIES.countFree),
    repsOf: db.prepare<[string], Row>(SESSION_QUERIES.repsOf),
    recent: db.prepare<[number, number], Row>(SESSION_QUERIES.recent),
    datesBetween: db.prepare<[string, string], { date: string }>(SESSION_QUERIES.datesBetween),
    protocolDatesBetween: db.prepare<[number, string, string], { date: string }>(SESSION_QUERIES.protocolDatesBetween),
    get: db.prepare<[number], Row>(`SELECT ${HEAD} ${FROM} WHERE s.id = ? AND s.deleted_at IS NULL`),
    isDeleted: db.prepare<[number], { id: number }>(`SELECT id FROM sessions WHERE id = ? AND deleted_at IS NOT NULL`),
    softDelete: db.prepare<[string, number], never>(`UPDATE sessions SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL`),
    restore: db.prepare<[string, number], never>(`UPDATE sessions SET deleted_at = NULL, updated_at = ? WHERE id = ? AND deleted_at IS NOT NULL`)
  }
  const writer = sessionWriter(db)

  const repsBySession = (ids: readonly number[]): Map<number, Rep[]> => {
    const out = new Map<number, Rep[]>(ids.map((id) => [id, []]))
    if (ids.length === 0) return out
    for (const row of q.repsOf.all(JSON.stringify(ids))) {
      const { sessionId, ...rep } = decodeRep(row)
      out.get(sessionId)?.push(rep)
    }
    return out
  }

  const fields = ({ reps: _reps, ...d }: SessionDraft) => d
  const insertTx = db.transaction((uuid: string, d: SessionDraft) => {
    const now = clock().toISOString()
    const id = writer.add({ ...fields(d), uuid, createdAt: now, updatedAt: now }, d.reps) as number
    writer.flush()
    return id
  })
  const updateTx = db.transaction((id: number, d: SessionDraft) => {
    const done = writer.replace(id, { ...fields(d), updatedAt: clock().toISOString() }, d.reps)
    writer.flush()
    return done
  })

  return {
    /** A page of sessions, newest first, with their stored metrics. */
    list(f: SessionFilter, limit: number, offset: number): { items: SessionSummary[]; total: number } {
      const a = fromDate(f)
      const b = toDate(f)
      let rows: Row[]
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
      return { ...decodeHead(row), reps: repsBySession([id]).get(id) ?? [] }
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
      return q.recent.all(protocolId, limit).map((row) => {
        const { firstSpeed, lastSpeed, ...s } = decodeRecent(row)
        return { ...s, speedDropPct: firstSpeed != null && lastSpeed != null ? dropOffPct(firstSpeed, lastSpeed) : null }
      })
    },
    datesBetween(from: LocalDate, to: LocalDate): LocalDate[] {
      return q.datesBetween.all(from, to).map((r) => r.date)
    },
    /** The dates of the sessions of one protocol between two dates (a date once per session). */
    protocolDatesBetween(protocolId: number, from: LocalDate, to: LocalDate): LocalDate[] {
      return q.protocolDatesBetween.all(protocolId, from, to).map((r) => r.date)
    }
  }
}
