/** Protocol rules: built-in templates cannot be changed, only duplicated; copies get a free `(copy N)` name. */
import { randomUUID } from 'node:crypto'
import { DomainError, fieldIssue } from '../../shared/result'
import type { Protocol } from '../../shared/training'
import type { Db } from '../db/connection'
import type { ProtocolDraft, ProtocolsRepo } from '../db/repos/protocols'
import { must, notFound } from './found'

export interface ProtocolDeps {
  db: Db
  protocols: ProtocolsRepo
}

/** A record that names a protocol (a session, a block) must name one that exists, or none. */
export function assertProtocol(protocols: ProtocolsRepo, protocolId: number | null): void {
  if (protocolId !== null && !protocols.get(protocolId)) {
    const message = { key: 'noProtocol', params: { id: String(protocolId) } }
    throw new DomainError('invalid_input', message, [fieldIssue('protocolId', message)])
  }
}

export function listProtocols(deps: ProtocolDeps, includeArchived: boolean): Protocol[] {
  return deps.protocols.list(includeArchived)
}

export function getProtocol(deps: ProtocolDeps, id: number): Protocol {
  return must(deps.protocols.get(id), () => notFound('protocol', id))
}

export function createProtocol(deps: ProtocolDeps, d: ProtocolDraft): Protocol {
  return deps.protocols.insert(randomUUID(), d)
}

export function updateProtocol(deps: ProtocolDeps, id: number, d: ProtocolDraft): Protocol {
  return deps.db.transaction(() => {
    const existing = getProtocol(deps, id)
    if (existing.builtIn) throw new DomainError('conflict', { key: 'builtInProtocol', params: { name: existing.name } })
    return deps.protocols.update(id, d) as Protocol
  }).immediate()
}

/** What the renderer words for a copy in the runner's language; each left out is the original's (the name as `Name (copy)`). */
export interface CopyTexts {
  name?: string | undefined
  description?: string | undefined
  sourceNote?: string | undefined
}

/** A copy of protocol `id`, with the texts given (worded by the renderer) or the original's, its name made free of other protocols' names. */
export function duplicateProtocol(deps: ProtocolDeps, id: number, { name, description, sourceNote }: CopyTexts = {}): Protocol {
  return deps.db.transaction(() => {
    const p = getProtocol(deps, id)
    return deps.protocols.insert(randomUUID(), {
      name: name === undefined ? deps.protocols.copyName(p.name) : deps.protocols.freeName(name),
      description: description ?? p.description,
      sourceNote: sourceNote ?? p.sourceNote,
      terrain: p.terrain,
      groups: p.groups
    })
  }).immediate()
}

export function archiveProtocol(deps: ProtocolDeps, id: number, archived: boolean): Protocol {
  return must(deps.protocols.setArchived(id, archived), () => notFound('protocol', id))
}
