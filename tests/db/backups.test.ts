import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync, closeSync, ftruncateSync, statSync, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { startBackend } from '../../src/main/backend'
import { backupDirFor } from '../../src/main/db/backup'
import { LATEST_VERSION } from '../../src/main/db/migrations'
import { startRuntime } from '../../src/main/runtime'
import { addLocalDays } from '../../src/shared/dates'
import { dailyBackup, listBackups, makeBackup } from '../../src/main/services/backups'
import { useTempDir } from '../helpers/tmp'
import { sprintReps } from '../helpers/training'

const tmp = useTempDir()
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')

async function withData(dir = tmp(), sessions = 3) {
  const dbPath = join(dir, 'sprintlog.db')
  const b = await startBackend({ dbPath, transport: 'web', log: () => {} })
  for (let i = 0; i < sessions; i++) {
    const r = await b.router.call('sessions/create', { date: addLocalDays('2026-09-01', i), rpe: 7, reps: sprintReps(6) })
    if (!r.ok) throw new Error(r.error.message)
  }
  await b.router.call('weights/add', { date: '2026-11-01', kg: 72.4 })
  return { b, dbPath, dir }
}

const count = (b: { db: Database.Database }) => (b.db.prepare('SELECT count(*) AS n FROM sessions WHERE deleted_at IS NULL').get() as { n: number }).n

describe('backups', () => {
  it('takes one verified daily backup a day and keeps the last seven', async () => {
    const { b, dbPath } = await withData()
    for (let day = 1; day <= 9; day++) {
      const first = await dailyBackup(b.db, dbPath, new Date(2026, 10, day, 8))
      expect(first?.kind).toBe('daily')
      expect(await dailyBackup(b.db, dbPath, new Date(2026, 10, day, 20))).toBeNull()
    }
    const list = listBackups(dbPath)
    expect(list).toHaveLength(7)
    expect(list.every((x) => x.ok && x.kind === 'daily' && x.sessions === 3 && x.weights === 1 && x.schemaVersion === LATEST_VERSION)).toBe(true)
    const names = readdirSync(backupDirFor(dbPath)).sort()
    expect(names[0]).toBe('sprintlog-daily-20261103-080000.db')
    expect(names.every((n) => !n.endsWith('-wal') && !n.endsWith('-shm'))).toBe(true)
    b.close()
  })

  it('restores a backup, and the restore can be undone', async () => {
    const { b, dbPath } = await withData()
    const before = await makeBackup(b.db, dbPath, 'manual', new Date(2026, 10, 20, 9))
    await b.router.call('sessions/create', { date: '2026-11-10', reps: sprintReps(2) })
    const del = await b.router.call('sessions/list', {})
    expect(del.ok && (del.value as { total: number }).total).toBe(4)

    const r = await b.router.call('backups/restore', { name: before.name })
    expect(r).toMatchObject({ ok: true, value: { restored: { name: before.name, sessions: 3 }, keptAs: null } })
    expect(count(b)).toBe(3)
    expect(b.db.pragma('integrity_check', { simple: true })).toBe('ok')

    const undoName = (r as { value: { undoName: string } }).value.undoName
    expect(undoName).toMatch(/-before-restore-/)
    await b.router.call('backups/restore', { name: undoName })
    expect(count(b)).toBe(4)
    b.close()
  })

  it('refuses names outside the backup folder and damaged backups, changing nothing', async () => {
    const { b, dbPath } = await withData()
    for (const name of ['../sprintlog.db', 'nope.db', '/etc/passwd', 'a/b.db']) {
      const r = await b.router.call('backups/restore', { name })
      expect(r.ok, name).toBe(false)
    }
    mkdirSync(backupDirFor(dbPath), { recursive: true })
    writeFileSync(join(backupDirFor(dbPath), 'sprintlog-manual-20261101-000000.db'), 'not a database at all'.repeat(100))
    const r = await b.router.call('backups/restore', { name: 'sprintlog-manual-20261101-000000.db' })
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict' } })
    expect(count(b)).toBe(3)
    expect(listBackups(dbPath).find((x) => x.name === 'sprintlog-manual-20261101-000000.db')).toMatchObject({ ok: false })
    b.close()
  })

  it('backs up now into the backup folder in web mode', async () => {
    const { b } = await withData()
    const r = await b.router.call('backups/create', undefined)
    expect(r).toMatchObject({ ok: true, value: { kind: 'manual', ok: true, sessions: 3, weights: 1 } })
    b.close()
  })
})

/** Ways a database file can be unusable, each made from a real database with data and a good backup beside it. */
const DAMAGE: [string, string, (path: string) => void][] = [
  ['not a database', 'not_a_database', (p) => writeFileSync(p, Buffer.alloc(8192, 'x'))],
  [
    'corrupt (schema page overwritten)',
    'corrupt',
    (p) => {
      const fd = openSync(p, 'r+')
      writeSync(fd, Buffer.alloc(3000, 0xab), 0, 3000, 100)
      closeSync(fd)
    }
  ],
  [
    'truncated',
    'corrupt',
    (p) => {
      const fd = openSync(p, 'r+')
      ftruncateSync(fd, Math.floor(statSync(p).size / 2 / 4096) * 4096)
      closeSync(fd)
    }
  ],
  [
    'from a newer version',
    'too_new',
    (p) => {
      const db = new Database(p)
      db.pragma(`user_version = ${LATEST_VERSION + 3}`)
      db.close()
    }
  ]
]

describe.each(DAMAGE)('a database file that is %s', (_what, kind, damage) => {
  it('is never changed; the app opens in recovery mode and can restore the latest good backup', async () => {
    const { b, dbPath } = await withData(tmp(), 40)
    const good = await makeBackup(b.db, dbPath, 'daily', new Date(2026, 10, 21, 7))
    b.db.pragma('wal_checkpoint(TRUNCATE)')
    b.close()
    damage(dbPath)
    const damagedSha = sha(dbPath)

    const rt = await startRuntime({ dbPath, transport: 'web', dailyBackups: false, log: () => {} })
    expect(rt.status()).toMatchObject({ ok: false, kind })
    // No back end, so no CSV file store for web mode to serve.
    expect(rt.transfers()).toBeUndefined()
    expect(sha(dbPath)).toBe(damagedSha)
    const info = await rt.router.call('app/info', undefined)
    expect(info).toMatchObject({ ok: true, value: { database: { ok: false, kind } } })
    expect(await rt.router.call('sessions/list', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } })
    expect(await rt.router.call('weights/add', { date: '2026-11-22', kg: 70 })).toMatchObject({ ok: false, error: { code: 'unavailable' } })
    expect(sha(dbPath)).toBe(damagedSha)

    const backups = await rt.router.call('backups/list', undefined)
    expect(backups).toMatchObject({ ok: true, value: [{ name: good.name, ok: true, sessions: 40 }] })
    const restored = await rt.router.call('backups/restore', { name: good.name })
    expect(restored).toMatchObject({ ok: true, value: { restored: { name: good.name }, undoName: null } })
    const keptAs = (restored as { value: { keptAs: string } }).value.keptAs
    // The unopenable file is kept, byte for byte, beside the restored one.
    expect(existsSync(keptAs)).toBe(true)
    expect(sha(keptAs)).toBe(damagedSha)

    expect(rt.status()).toEqual({ ok: true })
    // The file store follows the back end that now runs.
    expect(rt.transfers()).toBe(rt.backend()?.transfers)
    expect(rt.transfers()).toBeDefined()
    expect(await rt.router.call('sessions/list', {})).toMatchObject({ ok: true, value: { total: 40 } })
    expect(await rt.router.call('weights/add', { date: '2026-11-22', kg: 70 })).toMatchObject({ ok: true })
    rt.close()
  })
})
