/** Wires the database, repositories and handlers into one router. No electron imports: web mode and tests use it too. */
import { version } from '../../package.json'
import type { AppInfo } from '../shared/domain'
import { type Db, openDatabase, type OpenedDatabase } from './db/connection'
import { schemaVersion } from './db/migrate'
import { blocksRepo } from './db/repos/blocks'
import { protocolsRepo } from './db/repos/protocols'
import { sessionsRepo } from './db/repos/sessions'
import { settingsRepo } from './db/repos/settings'
import { weightsRepo } from './db/repos/weights'
import { appHandlers } from './ipc/handlers/app'
import { trainingHandlers } from './ipc/handlers/training'
import { weightHandlers } from './ipc/handlers/weights'
import { createRouter, type Logger, type Router } from './ipc/router'

export interface BackendOptions {
  dbPath: string
  transport: AppInfo['transport']
  nativeBinding?: string
  log?: Logger
}

export interface Backend {
  router: Router
  db: Db
  opened: OpenedDatabase
  close(): void
}

export function createBackendRouter(db: Db, info: () => AppInfo, log?: Logger): Router {
  return createRouter(
    {
      ...appHandlers(info, settingsRepo(db)),
      ...weightHandlers(weightsRepo(db)),
      ...trainingHandlers({ db, protocols: protocolsRepo(db), sessions: sessionsRepo(db), blocks: blocksRepo(db) })
    },
    log
  )
}

export async function startBackend(opts: BackendOptions): Promise<Backend> {
  const opened = await openDatabase(opts.nativeBinding ? { path: opts.dbPath, nativeBinding: opts.nativeBinding } : { path: opts.dbPath })
  const { db } = opened
  const info = (): AppInfo => ({ version, databasePath: opened.path, schemaVersion: schemaVersion(db), transport: opts.transport })
  return {
    router: createBackendRouter(db, info, opts.log),
    db,
    opened,
    close: () => {
      if (db.open) db.close()
    }
  }
}
