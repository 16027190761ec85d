import type { SessionSummary } from '../../../shared/contract'
import type { LocalDate } from '../../../shared/dates'
import { keysOf, rowDecoder, selectList } from '../../../shared/fields'
import type { BlockSession } from '../../../shared/metrics/blockSummary'
import { dropOffPct } from '../../../shared/metrics/reps'
import { REP_FIELDS, SESSION_FIELDS } from '../../../shared/records'
import { type Rep, type RepeatGroup, type Session, SESSION_HEAD } from '../../../shared/training'
import type { Db } from '../connection'
import { fromDate, toDate } from '../rows'
import { isTimedWalkDown, needsEarlierWalkDown } from '../../../shared/metrics/session'
import { sessionWriter, walkDownEstimates } from './sessionWriter'

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
const METRICS = ['workSeconds', 'repsDone', 'distanceMeters', 'durationSeconds', 'estimatedSeconds', 'load'] as const satisfies readonly (keyof SessionSummary)[]
const REP_KEYS = keysOf(REP_FIELDS, 'input')

/** What a block's summary reads of each session (metrics/blockSummary.ts). */
const BLOCK_SESSION = ['date', 'protocolId', 'workSeconds', 'plan'] as const satisfies readonly (keyof BlockSession)[]

const HEAD = selectList(SESSION_FIELDS, 's', SESSION_HEAD)
const FROM = 'FROM sessions s LEFT JOIN protocols p ON p.id = s.protocol_id LEFT JOIN session_sources src ON src.session_id = s.id'
/**
 * History rows carry the metrics stored with each session, so a page of history reads no reps; only the loads of
 * its loaded reps, as `[kg, kind, reps]` triples, through their partial index (reps_loaded).
 */
const LOADS = `(SELECT json_group_array(json_array(l.load_kg, l.load_kind, l.n)) FROM (
    SELECT r.load_kg, r.load_kind, count(*) AS n FROM reps r WHERE r.session_id = s.id AND r.load_kg IS NOT NULL
    GROUP BY r.load_kg, r.load_kind ORDER BY r.load_kg, r.load_kind) AS l) AS "loads"`
const SUMMARY = `${HEAD}, ${selectList(SESSION_FIELDS, 's', METRICS)}, ${LOADS}`
const REP_SELECT = selectList(REP_FIELDS, 'r', REP_KEYS)
const LIVE = 's.deleted_at IS NULL AND s.date BETWEEN ? AND ?'

/**
 * The history queries, one per filter so each can use its index; exported for query-plan tests. The counts of a
 * page's total read the stored daily totals (migration 007: live sessions per day and protocol, free-form ones
 * under protocol 0, kept exact by triggers on every write), one row per day and protocol however many sessions.
 */
export const SESSION_QUERIES = {
  listAll: `SELECT ${SUMMARY} ${FROM} WHERE ${LIVE} ORDER BY s.date DESC, s.id DESC LIMIT ? OFFSET ?`,
  countAll: `SELECT coalesce(sum(sessions), 0) AS n FROM daily_totals WHERE date BETWEEN ? AND ?`,
  listProtocol: `SELECT ${SUMMARY} ${FROM} WHERE ${LIVE} AND s.protocol_id = ? ORDER BY s.date DESC, s.id DESC LIMIT ? OFFSET ?`,
  countProtocol: `SELECT coalesce(sum(sessions), 0) AS n FROM daily_totals WHERE date BETWEEN ? AND ? AND protocol_id = ?`,
  listFree: `SELECT ${SUMMARY} ${FROM} WHERE ${LIVE} AND s.protocol_id IS NULL ORDER BY s.date DESC, s.id DESC LIMIT ? OFFSET ?`,
  countFree: `SELECT coalesce(sum(sessions), 0) AS n FROM daily_totals WHERE date BETWEEN ? AND ? AND protocol_id = 0`,
  repsOf: `SELECT ${REP_SELECT} FROM reps r WHERE session_id = ? ORDER BY position`,
  recent: `SELECT ${selectList(SESSION_FIELDS, 's', ['date', 'plannedReps', 'rpe', 'couldNotRecover', 'plan', 'firstSpeed', 'lastSpeed'])},
    (SELECT count(*) FROM reps r WHERE r.session_id = s.id AND r.completed = 1) AS "repsDone"
    FROM sessions s WHERE s.deleted_at IS NULL AND s.protocol_id = ? ORDER BY s.date DESC, s.id DESC LIMIT ?`,
  blockSessions: `SELECT ${selectList(SESSION_FIELDS, 's', BLOCK_SESSION)} FROM sessions s WHERE s.deleted_at IS NULL AND s.date BETWEEN ? AND ? ORDER BY s.date, s.id`
} as const

type Row = Record<string, unknown>
const decodeBlockSession = rowDecoder<BlockSession>(SESSION_FIELDS, BLOCK_SESSION)
const decodeHead = rowDecoder<SessionHead>(SESSION_FIELDS, SESSION_HEAD)
const decodeRep = rowDecoder<Rep>(REP_FIELDS, REP_KEYS)
const decodeRecent = rowDecoder<Omit<RecentSession, 'speedDropPct'> & { firstSpeed: number | null; lastSpeed: number | null }>(SESSION_FIELDS, [
  'couldNotRecover',
  'plan'
])

/** A history row: the session's own fields (planned reps among them) and the stored metrics beside them. */
function toSummary(r: Row): SessionSummary {
  const loads = (JSON.parse(r.loads as string) as [number, SessionSummary['loads'][number]['loadKind'], number][]).map(([loadKg, loadKind, reps]) => ({ loadKg, loadKind, reps }))
  return { ...(decodeHead(r) as SessionHead & Pick<SessionSummary, (typeof METRICS)[number]>), loads }
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
    repsOf: db.prepare<[number], Row>(SESSION_QUERIES.repsOf),
    recent: db.prepare<[number, number], Row>(SESSION_QUERIES.recent),
    blockSessions: db.prepare<[string, string], Row>(SESSION_QUERIES.blockSessions),
    get: db.prepare<[number], Row>(`SELECT ${HEAD} ${FROM} WHERE s.id = ? AND s.deleted_at IS NULL`),
    isDeleted: db.prepare<[number], { id: number }>(`SELECT id FROM sessions WHERE id = ? AND deleted_at IS NOT NULL`),
    softDelete: db.prepare<[string, number], never>(`UPDATE sessions SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL`),
    restore: db.prepare<[string, number], never>(`UPDATE sessions SET deleted_at = NULL, updated_at = ? WHERE id = ? AND deleted_at IS NOT NULL`)
  }
  const writer = sessionWriter(db)
  const walkDowns = walkDownEstimates(db)
  /** The estimate's second source for a session about to be written (looked up only when its reps need it). */
  const earlierFor = (d: SessionDraft, id: number | null) => (needsEarlierWalkDown(d.reps) ? walkDowns.earlier(d.protocolId, d.date, id) : null)
  /** After a change to a session that is (or was) a timed walk-down source, the later sessions it feeds. */
  const carryForward = (p: { protocolId: number | null; date: string; timed: boolean } | undefined) => {
    if (p?.timed) walkDowns.refresh(p.protocolId, p.date, true)
  }

  const fields = ({ reps: _reps, ...d }: SessionDraft) => d
  const insertBody = (uuid: string, d: SessionDraft) => {
    const now = clock().toISOString()
    const id = writer.add({ ...fields(d), uuid, createdAt: now, updatedAt: now }, d.reps, earlierFor(d, null)) as number
    writer.flush()
    carryForward({ protocolId: d.protocolId, date: d.date, timed: d.reps.some(isTimedWalkDown) })
    return id
  }
  const insertTx = db.transaction(insertBody)
  const updateTx = db.transaction((id: number, d: SessionDraft) => {
    const before = walkDowns.place(id)
    const done = writer.replace(id, { ...fields(d), updatedAt: clock().toISOString() }, d.reps, earlierFor(d, id))
    writer.flush()
    if (done) {
      carryForward(before)
      carryForward({ protocolId: d.protocolId, date: d.date, timed: d.reps.some(isTimedWalkDown) })
    }
    return done
  })
  const deleteTx = db.transaction((id: number) => {
    const before = walkDowns.place(id)
    if (q.softDelete.run(clock().toISOString(), id).changes !== 1) return false
    carryForward(before)
    return true
  })
  const restoreTx = db.transaction((id: number) => {
    if (!q.isDeleted.get(id)) return false
    q.restore.run(clock().toISOString(), id)
    // Its own estimate too: earlier sessions may have changed while it was deleted.
    const p = walkDowns.place(id)
    if (p) walkDowns.refresh(p.protocolId, p.date, true)
    return true
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
      return { ...decodeHead(row), reps: q.repsOf.all(id).map(decodeRep) }
    },
    /** Writes the session and its reps in one transaction: the caller's, or one of its own. */
    insert(uuid: string, d: SessionDraft): Session {
      // Inside the caller's transaction (a save checks its protocol in the same one), that transaction is the unit.
      return this.get(db.inTransaction ? insertBody(uuid, d) : insertTx(uuid, d)) as Session
    },
    /** Replaces the session and all its reps in one transaction; undefined when there is no live session with that id. */
    update(id: number, d: SessionDraft): Session | undefined {
      return updateTx(id, d) ? this.get(id) : undefined
    },
    /** Soft-deletes a live session (and updates the walk-down estimates it fed) in one transaction. */
    softDelete(id: number): boolean {
      return deleteTx(id)
    },
    restore(id: number): Session | undefined {
      return restoreTx(id) ? this.get(id) : undefined
    },
    /** The walk-down estimate's second source for a session of `protocolId` on `date` (`id`: the session being edited). */
    earlierWalkDown(protocolId: number | null, date: LocalDate, id: number | null): number | null {
      return walkDowns.earlier(protocolId, date, id)
    },
    recent(protocolId: number, limit: number): RecentSession[] {
      return q.recent.all(protocolId, limit).map((row) => {
        const { firstSpeed, lastSpeed, ...s } = decodeRecent(row)
        return { ...s, speedDropPct: firstSpeed != null && lastSpeed != null ? dropOffPct(firstSpeed, lastSpeed) : null }
      })
    },
    /** The sessions dated from `from` to `to`, oldest first, with what a block reads of them (progress, calendar, summary). */
    blockSessions(from: LocalDate, to: LocalDate): BlockSession[] {
      return q.blockSessions.all(from, to).map(decodeBlockSession)
    }
  }
}
