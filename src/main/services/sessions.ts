/** Session rules: a session names a protocol that exists (or none); the next session starts from the plan run last time. */
import { randomUUID } from 'node:crypto'
import { todayLocal, type LocalDate } from '../../shared/dates'
import { type NextSessionAdvice, nextSessionAdvice } from '../../shared/metrics/progression'
import { DomainError } from '../../shared/result'
import type { Db } from '../db/connection'
import type { ProtocolsRepo } from '../db/repos/protocols'
import type { SessionDraft, SessionFilter, SessionsRepo } from '../db/repos/sessions'
import { must, notFound } from './found'
import { assertProtocol } from './protocols'

export interface SessionDeps {
  db: Db
  sessions: SessionsRepo
  protocols: ProtocolsRepo
}

export function listSessions(deps: SessionDeps, f: SessionFilter, limit: number, offset: number) {
  return deps.sessions.list(f, limit, offset)
}

export function getSession(deps: SessionDeps, id: number) {
  return must(deps.sessions.get(id), () => notFound('session', id))
}

export function createSession(deps: SessionDeps, d: SessionDraft) {
  return deps.db.transaction(() => {
    assertProtocol(deps.protocols, d.protocolId)
    return deps.sessions.insert(randomUUID(), d)
  }).immediate()
}

export function updateSession(deps: SessionDeps, id: number, d: SessionDraft) {
  return deps.db.transaction(() => {
    assertProtocol(deps.protocols, d.protocolId)
    return must(deps.sessions.update(id, d), () => notFound('session', id))
  }).immediate()
}

export function deleteSession(deps: SessionDeps, id: number): { id: number } {
  if (!deps.sessions.softDelete(id)) throw notFound('session', id)
  return { id }
}

export function restoreSession(deps: SessionDeps, id: number) {
  return must(deps.sessions.restore(id), () => new DomainError('not_found', { key: 'noDeletedSession', params: { id: String(id) } }))
}

/** The walk-down estimate's second source for a session of a protocol on a date (metrics/session.ts). */
export function walkDownBefore(deps: SessionDeps, protocolId: number | null, date: LocalDate, sessionId?: number): { seconds: number | null } {
  return { seconds: deps.sessions.earlierWalkDown(protocolId, date, sessionId ?? null) }
}

/**
 * The next session of a protocol, from its last three sessions: the plan it starts from (the last saved session's
 * plan, so applied advice carries forward; else the protocol's own) and the advice on that plan, judged on `today`.
 */
export function adviceFor(deps: SessionDeps, protocolId: number, today: LocalDate = todayLocal()): NextSessionAdvice {
  return deps.db.transaction(() => {
    const p = must(deps.protocols.get(protocolId), () => notFound('protocol', protocolId))
    return nextSessionAdvice(p.groups, deps.sessions.recent(protocolId, 3), { today })
  })()
}
