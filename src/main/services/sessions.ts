/** Session rules: a session names a protocol that exists (or none); advice builds on the plan run last time. */
import { randomUUID } from 'node:crypto'
import { progressionAdvice } from '../../shared/metrics/progression'
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
  return must(deps.sessions.restore(id), () => new DomainError('not_found', `There is no deleted session with id ${id} to restore.`))
}

/** What to change next time for a protocol, from its last three sessions. */
export function adviceFor(deps: SessionDeps, protocolId: number) {
  return deps.db.transaction(() => {
    const p = must(deps.protocols.get(protocolId), () => notFound('protocol', protocolId))
    const recent = deps.sessions.recent(protocolId, 3)
    // Advice builds on the plan actually run last time, so progress accumulates from session to session.
    const plan = recent[0]?.plan ?? p.groups
    return progressionAdvice(plan, recent)
  })()
}
