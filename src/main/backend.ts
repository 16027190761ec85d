/** Wires the database, repositories and handlers into one router. No electron imports: web mode and tests use it too. */
import { version } from '../../package.json'
import type { AppInfo } from '../shared/domain'
import { type Db, openDatabase, type OpenedDatabase } from './db/connection'
import { schemaVersion } from './db/migrate'
import { blocksRepo } from './db/repos/blocks'
import { protocolsRepo } from './db/repos/protocols'
import { sessionsRepo } from './db/repos/sessions'
import { statsRepo } from './db/repos/stats'
import { settingsRepo } from './db/repos/settings'
import { weightsRepo } from './db/repos/weights'
import { backupDirFor } from './db/backup'
import { appHandlers } from './ipc/handlers/app'
import { backupHandlers } from './ipc/handlers/backups'
import { statsHandlers } from './ipc/handlers/stats'
import { trainingHandlers } from './ipc/handlers/training'
import { weightHandlers } from './ipc/handlers/weights'
import { dataHandlers } from './ipc/handlers/data'
import { databaseHandlers } from './ipc/handlers/database'
import { calendarHandlers } from './ipc/handlers/calendar'
import { workoutHandlers } from './ipc/handlers/workouts'
import { openReader } from './db/reader'
import type { Platform } from './platform'
import type { BackupDeps } from './services/backups'
import { createDataService, type DataService } from './services/csv/service'
import type { Transfers } from './services/csv/transfers'
import { createRouter, type Logger, type Router } from './ipc/router'
import { scaleWeightsRepo } from './db/repos/scaleWeights'
import { sourcesRepo } from './db/repos/sources'
import { watchHandlers } from './ipc/handlers/watch'
import { readWatchFileOffThread } from './services/watch/offThread'
import { pendingFiles } from './services/watchPending'

export interface BackendOptions {
  dbPath: string
  transport: AppInfo['transport']
  /** The desktop's locale (`app.getLocale()`), which picks the language until the runner chooses one. */
  locale?: string
  nativeBinding?: string
  log?: Logger
  /** Desktop capabilities (native file dialogs) for CSV export and import; web mode has none. */
  platform?: Platform
  /** Called when a request finds the database file damaged (the runtime then stops writing to it). */
  onDamage?: (e: unknown) => void
}

export interface Backend {
  router: Router
  db: Db
  opened: OpenedDatabase
  /** The CSV upload/download store of this back end, which web mode's file routes serve. */
  transfers: Transfers
  close(): void
}

export function createBackendRouter(
  db: Db,
  info: () => AppInfo,
  log?: Logger,
  data: DataService = createDataService({ db, openReader: () => openReader(db.name) }),
  backups: BackupDeps = { db, dbPath: db.name },
  onDamage?: (e: unknown) => void
): Router {
  const settings = settingsRepo(db)
  const sources = sourcesRepo(db)
  // Watch files read and not yet saved, in this process's memory only.
  const pending = pendingFiles()
  return createRouter(
    {
      ...appHandlers(info, settings),
      ...weightHandlers(weightsRepo(db)),
      ...watchHandlers({
        db,
        read: readWatchFileOffThread,
        pending,
        sources,
        protocols: protocolsRepo(db),
        weights: weightsRepo(db),
        scale: scaleWeightsRepo(db),
        platform: backups.platform
      }),
      ...dataHandlers(data),
      ...backupHandlers(backups),
      ...trainingHandlers({ db, protocols: protocolsRepo(db), sessions: sessionsRepo(db), blocks: blocksRepo(db), settings, sources, pending }),
      ...statsHandlers({ stats: statsRepo(db), blocks: blocksRepo(db), protocols: protocolsRepo(db) }),
      ...calendarHandlers({
        blocks: blocksRepo(db),
        sessions: sessionsRepo(db),
        protocols: protocolsRepo(db),
        settings,
        platform: backups.platform,
        transfers: data.transfers
      }),
      ...workoutHandlers({ db, protocols: protocolsRepo(db), sessions: sessionsRepo(db), platform: backups.platform, transfers: data.transfers }),
      ...databaseHandlers()
    },
    log,
    { dbPath: db.name, lockedBy: () => (data.writing() ? { key: 'lockedByImport' } : null), ...(onDamage ? { onDamage } : {}) }
  )
}

export async function startBackend(opts: BackendOptions): Promise<Backend> {
  const opened = await openDatabase(opts.nativeBinding ? { path: opts.dbPath, nativeBinding: opts.nativeBinding } : { path: opts.dbPath })
  const { db } = opened
  const info = (): AppInfo => ({
    version,
    databasePath: opened.path,
    backupDir: backupDirFor(opened.path),
    schemaVersion: schemaVersion(db),
    transport: opts.transport,
    locale: opts.locale ?? null,
    database: { ok: true }
  })
  const data = createDataService({ db, openReader: () => openReader(opened.path, opts.nativeBinding), platform: opts.platform, nativeBinding: opts.nativeBinding, ...(opts.log ? { log: opts.log } : {}) })
  const router = createBackendRouter(db, info, opts.log, data, { db, dbPath: opened.path, platform: opts.platform, nativeBinding: opts.nativeBinding }, opts.onDamage)
  return {
    router,
    db,
    opened,
    transfers: data.transfers,
    close: () => {
      data.close()
      if (db.open) db.close()
    }
  }
}
