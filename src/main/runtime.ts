/**
 * The running app's back end, for the desktop app and web mode alike: the database-backed router, daily
 * backups, and a recovery mode for a database that cannot be opened. In recovery mode the file is left
 * exactly as it is; the UI can list the backups beside it and put one in its place (the unopenable file is
 * moved aside, untouched), after which the normal back end starts on the restored data.
 */
import { version } from '../../package.json'
import { CHANNELS } from '../shared/channels'
import type { AppInfo, DatabaseStatus } from '../shared/domain'
import { DEFAULT_SETTINGS } from '../shared/domain'
import { DomainError } from '../shared/result'
import { type Backend, type BackendOptions, startBackend } from './backend'
import { backupDirFor } from './db/backup'
import { DatabaseOpenError } from './db/errors'
import { createRouter, type Handlers, type Router } from './ipc/router'
import { dailyBackup, listBackups, replaceDamaged } from './services/backups'
import type { Transfers } from './services/csv/transfers'

export interface Runtime {
  /** Stable for the life of the app: it forwards to whichever back end is current. */
  router: Router
  status(): DatabaseStatus
  /** The open back end, or null in recovery mode. */
  backend(): Backend | null
  /** The CSV upload/download store of the current back end; undefined in recovery mode. */
  transfers(): Transfers | undefined
  close(): void
}

export interface RuntimeOptions extends BackendOptions {
  /** Take a verified daily backup at start and then hourly checks (default true). */
  dailyBackups?: boolean
  /** Called when the back end switches (recovery → open). */
  onChange?: () => void
}

const HOUR = 60 * 60 * 1000

function recoveryRouter(opts: RuntimeOptions, failure: DatabaseOpenError, reopen: () => Promise<void>): Router {
  const unavailable = () => {
    throw new DomainError('unavailable', `Sprintlog could not open its database, so nothing can be read or saved. ${failure.message}`)
  }
  const handlers = Object.fromEntries(CHANNELS.map((c) => [c, unavailable])) as unknown as Handlers
  const info = (): AppInfo => ({
    version,
    databasePath: opts.dbPath,
    backupDir: backupDirFor(opts.dbPath),
    schemaVersion: 0,
    transport: opts.transport,
    database: { ok: false, kind: failure.kind, message: failure.message }
  })
  return createRouter(
    {
      ...handlers,
      'app/info': info,
      'settings/get': () => DEFAULT_SETTINGS,
      'backups/list': () => listBackups(opts.dbPath, opts.nativeBinding),
      'backups/restore': async ({ name }) => {
        const { restored, keptAs } = await replaceDamaged(opts.dbPath, name, new Date(), opts.nativeBinding)
        await reopen()
        return { restored, undoName: null, keptAs }
      }
    },
    opts.log
  )
}

export async function startRuntime(opts: RuntimeOptions): Promise<Runtime> {
  const log = opts.log ?? ((m: string, e?: unknown) => console.error(m, e))
  let current: Backend | null = null
  let failure: DatabaseOpenError | null = null
  let inner: Router
  let timer: ReturnType<typeof setInterval> | undefined
  const router: Router = { call: (channel, input) => inner.call(channel, input) }

  const backupDaily = () => {
    if (!current || opts.dailyBackups === false) return
    dailyBackup(current.db, opts.dbPath, new Date(), opts.nativeBinding).catch((e: unknown) => log('The daily backup failed', e))
  }

  const open = async () => {
    current = await startBackend(opts)
    failure = null
    inner = current.router
    backupDaily()
    if (opts.dailyBackups !== false && !timer) {
      timer = setInterval(backupDaily, HOUR)
      timer.unref()
    }
    opts.onChange?.()
  }

  try {
    await open()
  } catch (e) {
    if (!(e instanceof DatabaseOpenError)) throw e
    failure = e
    inner = recoveryRouter(opts, e, open)
  }

  return {
    router,
    status: () => (failure ? { ok: false, kind: failure.kind, message: failure.message } : { ok: true }),
    backend: () => current,
    transfers: () => current?.transfers,
    close: () => {
      if (timer) clearInterval(timer)
      current?.close()
    }
  }
}
