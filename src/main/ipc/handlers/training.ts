import { randomUUID } from 'node:crypto'
import { progressionAdvice } from '../../../shared/metrics/progression'
import { DomainError } from '../../../shared/result'
import type { Db } from '../../db/connection'
import type { BlocksRepo } from '../../db/repos/blocks'
import type { ProtocolsRepo } from '../../db/repos/protocols'
import type { SessionDraft, SessionsRepo } from '../../db/repos/sessions'
import { createBlock, currentBlock, listBlocks, restoreBlock, updateBlock } from '../../services/blocks'
import type { Handlers } from '../router'
import { must, notFound } from './found'

type TrainingChannel = Extract<keyof Handlers, `protocols/${string}` | `sessions/${string}` | `blocks/${string}` | `advice/${string}`>

export interface TrainingDeps {
  db: Db
  protocols: ProtocolsRepo
  sessions: SessionsRepo
  blocks: BlocksRepo
}

export function trainingHandlers(deps: TrainingDeps): Pick<Handlers, TrainingChannel> {
  const { protocols, sessions, blocks } = deps

  const checkSession = (d: SessionDraft) => {
    if (d.protocolId !== null && !protocols.get(d.protocolId)) {
      const message = `There is no protocol with id ${d.protocolId}.`
      throw new DomainError('invalid_input', message, [{ path: 'protocolId', message }])
    }
  }

  return {
    'protocols/list': ({ includeArchived }) => protocols.list(includeArchived),
    'protocols/get': ({ id }) => must(protocols.get(id), () => notFound('protocol', id)),
    'protocols/create': (d) => protocols.insert(randomUUID(), d),
    'protocols/update': ({ id, ...d }) => {
      const existing = must(protocols.get(id), () => notFound('protocol', id))
      if (existing.builtIn) throw new DomainError('conflict', `“${existing.name}” is built in and cannot be changed. Duplicate it and edit the copy.`)
      return protocols.update(id, d) as NonNullable<ReturnType<typeof protocols.update>>
    },
    'protocols/duplicate': ({ id }) => {
      const p = must(protocols.get(id), () => notFound('protocol', id))
      return protocols.insert(randomUUID(), {
        name: protocols.copyName(p.name),
        description: p.description,
        sourceNote: p.sourceNote,
        terrain: p.terrain,
        groups: p.groups
      })
    },
    'protocols/archive': ({ id, archived }) => must(protocols.setArchived(id, archived), () => notFound('protocol', id)),

    'sessions/list': ({ from, to, protocolId, limit, offset }) => sessions.list({ from, to, protocolId }, limit, offset),
    'sessions/get': ({ id }) => must(sessions.get(id), () => notFound('session', id)),
    'sessions/create': (d) => {
      checkSession(d)
      return sessions.insert(randomUUID(), d)
    },
    'sessions/update': ({ id, ...d }) => {
      checkSession(d)
      return must(sessions.update(id, d), () => notFound('session', id))
    },
    'sessions/delete': ({ id }) => {
      if (!sessions.softDelete(id)) throw notFound('session', id)
      return { id }
    },
    'sessions/restore': ({ id }) => must(sessions.restore(id), () => new DomainError('not_found', `There is no deleted session with id ${id} to restore.`)),

    'blocks/list': ({ today }) => listBlocks(deps, today),
    'blocks/current': ({ today }) => currentBlock(deps, today),
    'blocks/create': (d) => createBlock(deps, d),
    'blocks/update': ({ id, ...d }) => updateBlock(deps, id, d),
    'blocks/delete': ({ id }) => {
      if (!blocks.softDelete(id)) throw notFound('training block', id)
      return { id }
    },
    'blocks/restore': ({ id }) => restoreBlock(deps, id),

    'advice/forProtocol': ({ protocolId }) => {
      const p = must(protocols.get(protocolId), () => notFound('protocol', protocolId))
      const recent = sessions.recent(protocolId, 3)
      // Advice builds on the plan actually run last time, so progress accumulates from session to session.
      const plan = recent[0]?.plan ?? p.groups
      return progressionAdvice(plan, recent)
    }
  }
}
