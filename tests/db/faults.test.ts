/**
 * Faults of the database file made for real — an empty file, a folder in its place, damage found while running,
 * another program holding its lock, a full disk, a read-only file — each reaching the runner in plain words, with
 * nothing written to a damaged file.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { startBackend } from '../../src/main/backend'
import { backupDirFor, backupFile } from '../../src/main/db/backup'
import { exportRepo } from '../../src/main/db/repos/export'
import { openReader } from '../../src/main/db/reader'
import { createRouter, type Handlers } from '../../src/main/ipc/router'
import { startRuntime } from '../../src/main/runtime'
import { exportFiles } from '../../src/main/services/csv/export'
import { createDataService, exportFailure } from '../../src/main/services/csv/service'
import { exportKinds } from './csv-fixtures'
import { addLocalDays } from '../../src/shared/dates'
import { until } from '../helpers/client'
import { useTempDir } from '../helpers/tmp'
import { sprintReps } from '../helpers/training'

const tmp = useTempDir()
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')
const quiet = { transport: 'web' as const, log: () => {} }

async function withData(dir: string, sessions = 30) {
  const dbPath = join(dir, 'sprintlog.db')
  const b = await startBackend({ dbPath, ...quiet })
  for (let i = 0; i < sessions; i++) {
    const r = await b.router.call('sessions/create', { date: addLocalDays('2026-09-01', i), rpe: 7, notes: 'x'.repeat(400), reps: sprintReps(6) })
    if (!r.ok) throw new Error(r.error.message)
  }
  b.db.pragma('wal_checkpoint(TRUNCATE)')
  b.close()
  return dbPath
}

/** Overwrites the middle of the sessions table's pages with garbage, as a bad sector or a bad copy would. */
function damageSessions(dbPath: string): void {
  const db = new Database(dbPath, { readonly: true })
  const pageSize = db.pragma('page_size', { simple: true }) as number
  const pages = (db.prepare(`SELECT pageno FROM dbstat WHERE name = 'sessions' ORDER BY pageno`).all() as { pageno: number }[]).map((r) => r.pageno)
  db.close()
  const fd = openSync(dbPath, 'r+')
  for (const p of pages) writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, (p - 1) * pageSize + (p === 1 ? 100 : 0))
  closeSync(fd)
}

describe('an empty (0-byte) database file', () => {
  it('opens the recovery screen, is not changed, and becomes a new database only when the runner confirms', async () => {
    const dbPath = join(tmp(), 'sprintlog.db')
    writeFileSync(dbPath, '')
    const rt = await startRuntime({ dbPath, ...quiet })
    expect(rt.status()).toMatchObject({ ok: false, kind: 'empty' })
    expect(await rt.router.call('weights/add', { date: '2026-11-22', kg: 70 })).toMatchObject({ ok: false, error: { code: 'unavailable' } })
    expect(statSync(dbPath).size).toBe(0)
    expect(readdirSync(join(dbPath, '..'))).toEqual(['sprintlog.db'])
    expect(await rt.router.call('database/startNew', {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(statSync(dbPath).size).toBe(0)

    expect(await rt.router.call('database/startNew', { confirm: true })).toEqual({ ok: true, value: { ok: true } })
    expect(rt.status()).toEqual({ ok: true })
    expect(await rt.router.call('weights/add', { date: '2026-11-22', kg: 70 })).toMatchObject({ ok: true })
    // Once open, there is nothing to start over.
    expect(await rt.router.call('database/startNew', { confirm: true })).toMatchObject({ ok: false, error: { code: 'conflict' } })
    rt.close()
  })

  it('is refused in place of a file that holds data', async () => {
    const dbPath = await withData(tmp(), 2)
    writeFileSync(`${dbPath}.x`, '')
    const rt = await startRuntime({ dbPath: join(dbPath, '..', 'missing', '..', 'sprintlog.db'), ...quiet })
    expect(rt.status()).toEqual({ ok: true })
    expect(await rt.router.call('database/startNew', { confirm: true })).toMatchObject({ ok: false, error: { code: 'conflict' } })
    rt.close()
  })
})

describe('a folder where the database file should be', () => {
  it('says so in plain words', async () => {
    const dbPath = join(tmp(), 'sprintlog.db')
    mkdirSync(dbPath)
    const rt = await startRuntime({ dbPath, ...quiet })
    expect(rt.status()).toMatchObject({ ok: false, kind: 'is_folder', message: expect.stringMatching(/sprintlog\.db is a folder, not a database file/) })
    rt.close()
  })
})

describe('damage found while running', () => {
  it('switches to recovery at the first damaged read: writes are refused, the file does not change, a good backup restores it', async () => {
    const dir = tmp()
    const dbPath = await withData(dir)
    const rt0 = await startRuntime({ dbPath, ...quiet })
    const good = await rt0.router.call('backups/create', undefined)
    expect(good).toMatchObject({ ok: true, value: { ok: true, sessions: 30 } })
    rt0.close()
    damageSessions(dbPath)
    const damaged = sha(dbPath)

    // No start-up check here: the damage is found by a request.
    const rt = await startRuntime({ dbPath, ...quiet, dailyBackups: false })
    expect(rt.status()).toEqual({ ok: true })
    expect(await rt.router.call('sessions/list', {})).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringMatching(/damaged/) } })
    expect(rt.status()).toMatchObject({ ok: false, kind: 'corrupt' })
    expect(await rt.router.call('weights/add', { date: '2026-11-22', kg: 70 })).toMatchObject({ ok: false, error: { code: 'unavailable' } })
    expect(await rt.router.call('app/info', undefined)).toMatchObject({ ok: true, value: { database: { ok: false, kind: 'corrupt' } } })
    expect(sha(dbPath)).toBe(damaged)

    const name = (good as { value: { name: string } }).value.name
    const restored = await rt.router.call('backups/restore', { name })
    expect(restored).toMatchObject({ ok: true, value: { restored: { name } } })
    expect(sha((restored as { value: { keptAs: string } }).value.keptAs)).toBe(damaged)
    expect(rt.status()).toEqual({ ok: true })
    expect(await rt.router.call('sessions/list', {})).toMatchObject({ ok: true, value: { total: 30 } })
    rt.close()
  })

  it('switches to recovery when the start-up check finds damage, before any request', async () => {
    const dbPath = await withData(tmp())
    damageSessions(dbPath)
    const damaged = sha(dbPath)
    const rt = await startRuntime({ dbPath, ...quiet })
    await until(async () => rt.status(), (s) => !s.ok, 'the start-up check to find the damage')
    expect(rt.status()).toMatchObject({ ok: false, kind: 'corrupt', message: expect.stringMatching(/integrity check/) })
    expect(await rt.router.call('weights/add', { date: '2026-11-22', kg: 70 })).toMatchObject({ ok: false, error: { code: 'unavailable' } })
    expect(sha(dbPath)).toBe(damaged)
    // No backup was made of the damaged file.
    expect(existsSync(backupDirFor(dbPath)) ? readdirSync(backupDirFor(dbPath)) : []).toEqual([])
    rt.close()
  })
})

describe('another program holding the lock', () => {
  it('a write waits without holding up other requests, and goes through once the lock is gone', async () => {
    const dbPath = await withData(tmp(), 3)
    const rt = await startRuntime({ dbPath, ...quiet, dailyBackups: false })
    const other = new Database(dbPath)
    other.exec('BEGIN IMMEDIATE')
    const write = rt.router.call('weights/add', { date: '2026-11-22', kg: 70 })
    let settled = false
    void write.then(() => (settled = true))
    // Reads are answered while the write waits.
    expect(await rt.router.call('sessions/list', {})).toMatchObject({ ok: true, value: { total: 3 } })
    expect(settled).toBe(false)
    other.exec('COMMIT')
    expect(await write).toMatchObject({ ok: true })
    other.close()
    rt.close()
  })

  it('a write gives up in plain words when the lock stays', async () => {
    const dbPath = await withData(tmp(), 1)
    const rt = await startRuntime({ dbPath, ...quiet, dailyBackups: false })
    const other = new Database(dbPath)
    other.exec('BEGIN IMMEDIATE')
    expect(await rt.router.call('weights/add', { date: '2026-11-22', kg: 70 })).toEqual({
      ok: false,
      error: { code: 'busy', key: 'locked', params: { path: dbPath }, message: `${dbPath} is in use by another program, so Sprintlog saved nothing. Close that program (or let it finish) and try again.` }
    })
    other.exec('ROLLBACK')
    other.close()
    expect(await rt.router.call('weights/add', { date: '2026-11-22', kg: 70 })).toMatchObject({ ok: true })
    rt.close()
  })

  it('at start: recovery says the file is in use, and the app opens once the other program lets go', async () => {
    const dbPath = await withData(tmp(), 1)
    const other = new Database(dbPath)
    other.pragma('locking_mode = EXCLUSIVE')
    other.exec('BEGIN EXCLUSIVE')
    const rt = await startRuntime({ dbPath, ...quiet, dailyBackups: false })
    expect(rt.status()).toMatchObject({ ok: false, kind: 'locked', message: expect.stringMatching(/is in use by another program/) })
    expect(await rt.router.call('database/retry', undefined)).toMatchObject({ ok: true, value: { ok: false, kind: 'locked' } })
    other.exec('COMMIT')
    other.close()
    expect(await rt.router.call('database/retry', undefined)).toEqual({ ok: true, value: { ok: true } })
    expect(await rt.router.call('sessions/list', {})).toMatchObject({ ok: true, value: { total: 1 } })
    rt.close()
  })
})

describe('a full disk', () => {
  it('a write that needs room says the disk is full and changes nothing', async () => {
    const dbPath = await withData(tmp(), 2)
    const rt = await startRuntime({ dbPath, ...quiet, dailyBackups: false })
    const db = rt.backend()?.db as Database.Database
    // SQLite's own limit on the file's size: the next page it needs fails with SQLITE_FULL, as on a full disk
    // (first without free pages inside the file, which a write would use before growing it).
    db.exec('VACUUM')
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`)
    const before = await rt.router.call('sessions/list', {})
    const r = await rt.router.call('sessions/create', { date: '2026-11-22', rpe: 7, notes: 'y'.repeat(9000), reps: sprintReps(40) })
    expect(r).toEqual({ ok: false, error: { code: 'disk_full', key: 'diskFull', message: 'The disk is full: Sprintlog saved nothing. Free some space and try again.' } })
    expect(await rt.router.call('sessions/list', {})).toEqual(before)
    rt.close()
  })

  it('an import that needs room says the disk is full and imports nothing', async () => {
    const source = await withData(tmp(), 20)
    const files = await exportKinds(source, tmp())
    const dbPath = join(tmp(), 'sprintlog.db')
    const b = await startBackend({ dbPath, ...quiet })
    const data = createDataService({ db: b.db, openReader: () => openReader(dbPath), log: () => {} })
    const dir = tmp()
    const path = join(dir, 'reps.csv')
    writeFileSync(path, files.reps)
    const { previewId } = data.startPreview([data.transfers.addFile(path, 'reps.csv', statSync(path).size, false).fileId])
    expect((await data.previewDone(previewId)).preview).toMatchObject({ canImport: true, toAdd: { sessions: 20 } })
    b.db.exec('VACUUM')
    b.db.pragma(`max_page_count = ${b.db.pragma('page_count', { simple: true }) as number}`)
    const router = createRouter({ 'import/commit': ({ previewId: id }: { previewId: string }) => data.commit(id) } as unknown as Handlers, () => {})
    expect(await router.call('import/commit', { previewId })).toEqual({
      ok: false,
      error: { code: 'disk_full', key: 'diskFull', message: 'The disk is full: Sprintlog saved nothing. Free some space and try again.' }
    })
    expect(b.db.prepare('SELECT (SELECT count(*) FROM sessions) + (SELECT count(*) FROM reps) AS n').get()).toEqual({ n: 0 })
    data.close()
    b.close()
  })

  it('a backup to a full disk says so and leaves no file behind', async (ctx) => {
    const dbPath = await withData(tmp(), 30)
    const mnt = join(tmp(), 'small')
    mkdirSync(mnt)
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', mnt], { stdio: 'ignore' })
    } catch {
      ctx.skip('needs a small tmpfs (mount -t tmpfs), which this machine does not allow')
    }
    try {
      const err = await backupFile(dbPath, join(mnt, 'copy.db')).catch((e: unknown) => e)
      expect(err).toMatchObject({ code: 'SQLITE_FULL' })
      expect(readdirSync(mnt)).toEqual([])
      // Through the router (backups/create), the same in plain words.
      const router = createRouter({ 'backups/create': () => backupFile(dbPath, join(mnt, 'copy.db')) } as unknown as Handlers, () => {})
      expect(await router.call('backups/create', undefined)).toEqual({
        ok: false,
        error: { code: 'disk_full', key: 'diskFull', message: 'The disk is full: Sprintlog saved nothing. Free some space and try again.' }
      })

      // An export to the full disk: no file left, and the job says why.
      const reader = openReader(dbPath)
      const exported = await exportFiles(exportRepo(reader), [{ kind: 'reps', path: join(mnt, 'reps.csv') }], {}).catch((e: unknown) => e)
      reader.close()
      expect(exported).toMatchObject({ code: 'ENOSPC' })
      expect(readdirSync(mnt)).toEqual([])
      expect(exportFailure(exported)).toBe('The disk is full: the export saved no file. Free some space and try again.')
    } finally {
      execFileSync('umount', [mnt])
    }
  })
})

describe('a read-only database file', () => {
  it('refuses writes in plain words, and still reads', async (ctx) => {
    const dir = join(tmp(), 'ro')
    mkdirSync(dir)
    let mounted = false
    if (process.getuid?.() === 0) {
      // Permissions do not stop root: a read-only file system does.
      try {
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', dir], { stdio: 'ignore' })
        mounted = true
      } catch {
        ctx.skip('running as root, and a read-only file system cannot be mounted here')
      }
    }
    try {
      const dbPath = await withData(dir, 2)
      if (mounted) execFileSync('mount', ['-o', 'remount,ro', dir])
      else execFileSync('chmod', ['-R', 'a-w', dir])
      const rt = await startRuntime({ dbPath, ...quiet, dailyBackups: false })
      const r = await rt.router.call('weights/add', { date: '2026-11-22', kg: 70 })
      if (rt.status().ok) {
        expect(r).toEqual({ ok: false, error: { code: 'read_only', key: 'readOnly', params: { path: dbPath }, message: expect.stringMatching(new RegExp(`^Sprintlog cannot write to ${dbPath}: it is read-only\\.`)) } })
        expect(await rt.router.call('sessions/list', {})).toMatchObject({ ok: true, value: { total: 2 } })
      } else {
        expect(rt.status()).toMatchObject({ ok: false, kind: 'read_only', message: expect.stringMatching(/it is read-only/) })
      }
      rt.close()
    } finally {
      if (mounted) execFileSync('umount', [dir])
      else execFileSync('chmod', ['-R', 'u+w', dir])
    }
  })
})

describe('backups under load', () => {
  it('a backup is one consistent snapshot, finished while another connection keeps writing, and never left half-made under its name', async () => {
    const dbPath = await withData(tmp(), 30)
    const writer = new Database(dbPath)
    writer.pragma('busy_timeout = 1000')
    let writes = 0
    let stop = false
    const insert = writer.prepare(`INSERT INTO body_weights (uuid, date, kg, note, created_at, updated_at) VALUES (?, '2026-11-01', 70, '', 'x', 'x')`)
    const loop = (async () => {
      while (!stop) {
        insert.run(`00000000-0000-4000-8000-${String(++writes).padStart(12, '0')}`)
        await new Promise<void>((r) => setImmediate(r))
      }
    })()
    const dest = join(tmp(), 'copy.db')
    await backupFile(dbPath, dest, { checkSource: true })
    stop = true
    await loop
    writer.close()
    expect(writes).toBeGreaterThan(0)
    expect(existsSync(`${dest}.partial`)).toBe(false)
    const copy = new Database(dest, { readonly: true })
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete')
    const n = (copy.prepare('SELECT count(*) AS n FROM body_weights').get() as { n: number }).n
    expect(n).toBeGreaterThanOrEqual(0)
    expect(n).toBeLessThanOrEqual(writes)
    copy.close()
  })
})
