/**
 * The running app's back end, for the desktop app and web mode alike: the database-backed router, daily
 * backups, and a recovery mode for a database that cannot be opened. In recovery mode the file is left
 * exactly as it is; the UI can list the backups beside it and put one in its place (the unopenable file is
 * moved aside, untouched), after which the normal back end starts on the restored data.
 */
import { version } from '../../package.json'
import { CHANNELS } from '../shared/channels'
import type { AppInfo, DatabaseStatus } from '../shared/domain'
import { existsSync, rmSync, statSync } from 'node:fs'
import { DEFAULT_SETTINGS } from '../shared/domain'
import { DomainError } from '../shared/result'
import { type Backend, type BackendOptions, startBackend } from './backend'
import { BackupError, backupDirFor } from './db/backup'
import { DatabaseOpenError, oneLine } from './db/errors'
import { consoleLogger, createRouter, type Handlers, type Router } from './ipc/router'
import { dailyBackup, listBackups, replaceDamaged, startupCheck } from './services/backups'
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
/** How often recovery mode tries again to open a database another program holds locked. */
const LOCK_RETRY_MS = 2000

interface RecoveryActions {
  /** Opens the database again; throws its DatabaseOpenError when it still cannot be. */
  reopen(): Promise<void>
  /** Before a backup is put in the damaged file's place. */
  beforeReplace(): void
}

function recoveryRouter(opts: RuntimeOptions, failure: DatabaseOpenError, actions: RecoveryActions): Router {
  const unavailable = () => {
    throw new DomainError('unavailable', { key: failure.kind === 'corrupt' ? 'recoveryDamaged' : 'recoveryUnopened', params: { reason: failure.msg } })
  }
  const handlers = Object.fromEntries(CHANNELS.map((c) => [c, unavailable])) as unknown as Handlers
  const info = (): AppInfo => ({
    version,
    databasePath: opts.dbPath,
    backupDir: backupDirFor(opts.dbPath),
    schemaVersion: 0,
    transport: opts.transport,
    locale: opts.locale ?? null,
    database: failure.status()
  })
  const statusAfter = async (): Promise<DatabaseStatus> => {
    try {
      await actions.reopen()
      return { ok: true }
    } catch (e) {
      if (e instanceof DatabaseOpenError) return e.status()
      throw e
    }
  }
  return createRouter(
    {
      ...handlers,
      'app/info': info,
      'settings/get': () => DEFAULT_SETTINGS,
      'backups/list': () => listBackups(opts.dbPath, opts.nativeBinding),
      'backups/restore': async ({ name }) => {
        actions.beforeReplace()
        const { restored, keptAs } = await replaceDamaged(opts.dbPath, name, new Date(), opts.nativeBinding)
        await actions.reopen()
        return { restored, undoName: null, keptAs }
      },
      'database/retry': () => statusAfter(),
      'database/startNew': () => {
        if (failure.kind !== 'empty') throw new DomainError('conflict', { key: 'startNewNotEmpty' })
        removeEmptyDatabase(opts.dbPath)
        return statusAfter()
      }
    },
    opts.log
  )
}

/** Removes the empty database file (and an empty journal beside it), after checking it is still empty. */
function removeEmptyDatabase(dbPath: string): void {
  const size = (p: string) => (existsSync(p) ? statSync(p).size : 0)
  if (!existsSync(dbPath) || size(dbPath) !== 0 || size(`${dbPath}-wal`) !== 0) {
    throw new DomainError('conflict', { key: 'noLongerEmpty' })
  }
  for (const p of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) rmSync(p, { force: true })
}

export async function startRuntime(opts: RuntimeOptions): Promise<Runtime> {
  const log = opts.log ?? consoleLogger
  let current: Backend | null = null
  let failure: DatabaseOpenError | null = null
  let inner: Router
  let timer: ReturnType<typeof setInterval> | undefined
  let lockTimer: ReturnType<typeof setInterval> | undefined
  /**
   * Back ends given up because their file is damaged. Their connections stay open, unused: closing the last
   * connection of a WAL database writes its journal into the file, and a damaged file is never written to.
   */
  const abandoned: Backend[] = []
  const router: Router = { call: (channel, input) => inner.call(channel, input) }

  /** Damage found while running: no more writes (nor reads) through this connection; the recovery screen takes over. */
  const damaged = (cause: string) => {
    if (!current) return
    abandoned.push(current)
    current = null
    enterRecovery(
      new DatabaseOpenError(
        'corrupt',
        { key: 'damagedWhileRunning', params: { cause } },
        opts.dbPath
      )
    )
  }

  /** Runs a check or backup of the open database in the background; damage it finds switches to recovery. */
  const inBackground = (job: typeof startupCheck) => () => {
    if (!current || opts.dailyBackups === false) return
    const db = current.db
    job(db, opts.dbPath, new Date(), opts.nativeBinding).catch((e: unknown) => {
      if (e instanceof BackupError && e.code === 'corrupt' && current?.db === db) damaged(e.message)
      else log(oneLine('The daily backup failed', e))
    })
  }
  const check = inBackground(startupCheck)
  const backupDaily = inBackground(dailyBackup)

  const open = async () => {
    const next = await startBackend({ ...opts, log, onDamage: (e) => damaged(e instanceof Error ? e.message : String(e)) })
    current = next
    failure = null
    inner = next.router
    if (lockTimer) clearInterval(lockTimer)
    lockTimer = undefined
    check()
    if (opts.dailyBackups !== false && !timer) {
      timer = setInterval(backupDaily, HOUR)
      timer.unref()
    }
    opts.onChange?.()
  }

  const enterRecovery = (e: DatabaseOpenError) => {
    failure = e
    inner = recoveryRouter(opts, e, {
      reopen: async () => {
        try {
          await open()
        } catch (err) {
          if (err instanceof DatabaseOpenError) enterRecovery(err)
          throw err
        }
      },
      beforeReplace: () => {
        // Windows cannot move a file that is open; elsewhere the abandoned connections keep the old file as it was.
        if (process.platform === 'win32') for (const b of abandoned.splice(0)) b.close()
      }
    })
    // A lock goes away by itself: try again now and then, and the app opens as soon as it can.
    if (e.kind === 'locked' && !lockTimer) {
      lockTimer = setInterval(() => {
        if (failure?.kind !== 'locked') return
        open().catch((err: unknown) => {
          if (err instanceof DatabaseOpenError && err.kind !== 'locked') enterRecovery(err)
        })
      }, LOCK_RETRY_MS)
      lockTimer.unref()
    } else if (e.kind !== 'locked' && lockTimer) {
      clearInterval(lockTimer)
      lockTimer = undefined
    }
    opts.onChange?.()
  }

  try {
    await open()
  } catch (e) {
    if (!(e instanceof DatabaseOpenError)) throw e
    log(oneLine('Sprintlog could not open its database', e))
    enterRecovery(e)
  }

  return {
    router,
    status: () => (failure ? failure.status() : { ok: true }),
    backend: () => current,
    transfers: () => current?.transfers,
    close: () => {
      if (timer) clearInterval(timer)
      if (lockTimer) clearInterval(lockTimer)
      current?.close()
    }
  }
}
