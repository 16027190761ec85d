import type { Db } from '../../db/connection'
import type { BlocksRepo } from '../../db/repos/blocks'
import type { ProtocolsRepo } from '../../db/repos/protocols'
import type { SessionsRepo } from '../../db/repos/sessions'
import type { SettingsRepo } from '../../db/repos/settings'
import type { SourcesRepo } from '../../db/repos/sources'
import type { PendingFiles } from '../../services/watchPending'
import { createBlock, currentBlock, deleteBlock, finishedBlock, listBlocks, restoreBlock, updateBlock } from '../../services/blocks'
import { archiveProtocol, createProtocol, duplicateProtocol, getProtocol, listProtocols, updateProtocol } from '../../services/protocols'
import { adviceFor, createSession, deleteSession, getSession, listSessions, restoreSession, updateSession, walkDownBefore } from '../../services/sessions'
import type { Handlers } from '../router'

type TrainingChannel = Extract<keyof Handlers, `protocols/${string}` | `sessions/${string}` | `blocks/${string}` | `advice/${string}`>

export interface TrainingDeps {
  db: Db
  protocols: ProtocolsRepo
  sessions: SessionsRepo
  blocks: BlocksRepo
  settings: SettingsRepo
  /** Watch files a new session may be saved with. */
  sources?: SourcesRepo
  pending?: PendingFiles
}

/** Protocols, sessions, blocks and advice: each channel calls one service function (src/main/services). */
export function trainingHandlers(deps: TrainingDeps): Pick<Handlers, TrainingChannel> {
  return {
    'protocols/list': ({ includeArchived }) => listProtocols(deps, includeArchived),
    'protocols/get': ({ id }) => getProtocol(deps, id),
    'protocols/create': (d) => createProtocol(deps, d),
    'protocols/update': ({ id, ...d }) => updateProtocol(deps, id, d),
    'protocols/duplicate': ({ id, ...texts }) => duplicateProtocol(deps, id, texts),
    'protocols/archive': ({ id, archived }) => archiveProtocol(deps, id, archived),

    'sessions/list': ({ from, to, protocolId, limit, offset }) => listSessions(deps, { from, to, protocolId }, limit, offset),
    'sessions/get': ({ id }) => getSession(deps, id),
    'sessions/create': ({ sourceSha256, sourceNotRunning, ...d }) =>
      createSession(deps, d, sourceSha256 === undefined ? undefined : { sha256: sourceSha256, notRunning: sourceNotRunning === true }),
    'sessions/update': ({ id, ...d }) => updateSession(deps, id, d),
    'sessions/delete': ({ id }) => deleteSession(deps, id),
    'sessions/restore': ({ id }) => restoreSession(deps, id),
    'sessions/walkDownBefore': ({ protocolId, date, sessionId }) => walkDownBefore(deps, protocolId, date, sessionId),

    'blocks/list': ({ today }) => listBlocks(deps, today),
    'blocks/current': ({ today }) => currentBlock(deps, today),
    'blocks/finished': ({ today }) => finishedBlock(deps, today),
    'blocks/create': (d) => createBlock(deps, d),
    'blocks/update': ({ id, ...d }) => updateBlock(deps, id, d),
    'blocks/delete': ({ id }) => deleteBlock(deps, id),
    'blocks/restore': ({ id }) => restoreBlock(deps, id),

    'advice/forProtocol': ({ protocolId, today }) => adviceFor(deps, protocolId, today)
  }
}
