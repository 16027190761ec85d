/**
 * Back-end figures for `npm run bench` that are not one query:
 * - the runtime's start with the first-start-of-the-day backup, with a cheap request every 10 ms through the
 *   router meanwhile (the longest wait is the stall), beside `cp` of the same file;
 * - saving a session through the router beside a minimal better-sqlite3 transaction writing the same rows.
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import Database from 'better-sqlite3'
import type { Backend } from '../backend'
import { backupDirFor } from '../db/backup'
import type { Router } from '../ipc/router'
import { startRuntime } from '../runtime'
import type { Measurement } from './bench'

type Add = (m: Omit<Measurement, 'dataset'>) => void

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2
}

async function ok(router: Router, channel: string, input?: unknown): Promise<unknown> {
  const r = await router.call(channel, input)
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`)
  return r.value
}

/** True once today's daily backup is in place (the copy is renamed from `.partial` when it has been checked). */
function dailyBackupDone(dbPath: string): boolean {
  try {
    return readdirSync(backupDirFor(dbPath)).some((n) => /-daily-\d{8}-\d{6}\.db$/.test(n))
  } catch {
    return false
  }
}

/**
 * One start of the real runtime (daily backups on) on a copy of `source` in a folder of its own, so there is no
 * backup yet today. A timer fires every 10 ms from just before the start until the backup is in place; once the
 * router is there, each tick sends `settings/get` (a read of the database) unless the last one is still out. The
 * stall is the longest gap between ticks (the start itself included) or the longest answer.
 */
export async function benchRuntimeStart(source: string, dir: string, add: Add): Promise<void> {
  const runDir = mkdtempSync(join(dir, 'start-'))
  const dbPath = join(runDir, 'sprintlog.db')
  copyFileSync(source, dbPath)
  // The reference: the same file copied by `cp`, page cache warm as it is for the start.
  const cpTarget = join(runDir, 'cp-copy.db')
  const tc = performance.now()
  const cp = spawnSync('cp', [dbPath, cpTarget])
  const cpMs = cp.status === 0 ? performance.now() - tc : null
  rmSync(cpTarget, { force: true })

  let router: Router | null = null
  let last = performance.now()
  let gap = 0
  let longestAnswer = 0
  let answers = 0
  let outstanding = false
  let backupMs = 0
  const t0 = performance.now()
  const finished = new Promise<void>((resolve, reject) => {
    const deadline = t0 + 15 * 60_000
    const timer = setInterval(() => {
      const now = performance.now()
      gap = Math.max(gap, now - last)
      last = now
      if (router && !outstanding) {
        outstanding = true
        const t = performance.now()
        router.call('settings/get', undefined).then(
          (r) => {
            if (!r.ok) reject(new Error(`settings/get: ${r.error.message}`))
            longestAnswer = Math.max(longestAnswer, performance.now() - t)
            answers++
            outstanding = false
          },
          (e: unknown) => reject(e instanceof Error ? e : new Error(String(e)))
        )
      }
      if (router && dailyBackupDone(dbPath)) {
        backupMs = now - t0
        clearInterval(timer)
        resolve()
      } else if (now > deadline) {
        clearInterval(timer)
        reject(new Error('the daily backup did not appear within 15 minutes'))
      }
    }, 10)
  })
  const runtime = await startRuntime({ dbPath, transport: 'web', dailyBackups: true, log: () => {} })
  const startMs = performance.now() - t0
  router = runtime.router
  try {
    await finished
    await ok(runtime.router, 'settings/get')
  } finally {
    runtime.close()
    rmSync(runDir, { recursive: true, force: true })
  }
  const stall = Math.max(gap, longestAnswer)
  add({
    name: 'start with the day’s first backup: longest stall',
    medianMs: stall,
    runs: 1,
    sqliteMs: null,
    target: 'no stall > 50 ms',
    ok: stall <= 50,
    extra: { startMs: Math.round(startMs * 10) / 10, longestGapMs: Math.round(gap * 10) / 10, longestAnswerMs: Math.round(longestAnswer * 10) / 10, answers }
  })
  add({
    name: 'start → the day’s first backup checked and in place',
    medianMs: backupMs,
    runs: 1,
    sqliteMs: null,
    reference: cpMs === null ? null : { label: 'cp of the file', ms: cpMs },
    target: 'in the background'
  })
}

/**
 * Saving a session with 6 reps through the router (validation, the writer's derived columns, the daily totals'
 * triggers, one committed transaction), interleaved with a minimal better-sqlite3 transaction on a connection of
 * its own (same journal mode and synchronous setting) that inserts the same session and rep rows, read back from
 * the last save, under a new UUID.
 */
export async function benchSave(b: Backend, dbPath: string, date: string, protocolId: number, saves: number, add: Add): Promise<void> {
  const reps = Array.from({ length: 6 }, (_, i) => ({ workSeconds: 20, intensity: 'max', recoverySeconds: i === 5 ? 0 : 120, recoveryMode: 'walk' }))
  const raw = new Database(dbPath)
  raw.pragma('journal_mode = WAL')
  raw.pragma('synchronous = FULL')
  raw.pragma('busy_timeout = 1000')
  try {
    const columns = (table: string) => (raw.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name).filter((c) => c !== 'id')
    const sessionCols = columns('sessions')
    const repCols = columns('reps')
    const insertSession = raw.prepare(`INSERT INTO sessions (${sessionCols.join(', ')}) VALUES (${sessionCols.map(() => '?').join(', ')})`)
    const insertRep = raw.prepare(`INSERT INTO reps (${repCols.join(', ')}) VALUES (${repCols.map(() => '?').join(', ')})`)
    const readSession = raw.prepare(`SELECT ${sessionCols.join(', ')} FROM sessions WHERE id = ?`).raw(true)
    const readReps = raw.prepare(`SELECT ${repCols.join(', ')} FROM reps WHERE session_id = ? ORDER BY id`).raw(true)
    const uuidAt = sessionCols.indexOf('uuid')
    const sessionAt = repCols.indexOf('session_id')
    const minimal = raw.transaction((s: unknown[], rs: unknown[][]) => {
      const id = insertSession.run(...s).lastInsertRowid
      for (const r of rs) {
        r[sessionAt] = id
        insertRep.run(...r)
      }
    })
    const router: number[] = []
    const plain: number[] = []
    for (let i = 0; i < saves + 1; i++) {
      const t = performance.now()
      const saved = (await ok(b.router, 'sessions/create', { date, protocolId, rpe: 8, reps })) as { id: number }
      const routerMs = performance.now() - t
      const s = readSession.get(saved.id) as unknown[]
      const rs = readReps.all(saved.id) as unknown[][]
      s[uuidAt] = `20000000-0000-4000-8000-${String(i).padStart(12, '0')}`
      const t2 = performance.now()
      minimal(s, rs)
      const plainMs = performance.now() - t2
      // The first pair warms the statements and is not counted.
      if (i > 0) {
        router.push(routerMs)
        plain.push(plainMs)
      }
    }
    const m = median(router)
    const ref = median(plain)
    add({
      name: 'save a session with 6 reps (router)',
      medianMs: m,
      runs: saves,
      sqliteMs: null,
      betterSqliteMs: ref,
      target: '≤ 2 × minimal transaction',
      ok: m <= 2 * ref
    })
  } finally {
    raw.close()
  }
}

/**
 * An import in web mode through the router, as the renderer drives it: the file registered as an upload would be,
 * previewed (its status polled every 100 ms), then committed, while a timer fires every 10 ms and sends
 * `settings/get` (a read of the database) unless the last one is still out. The stall is the longest gap between
 * ticks or the longest answer, over the preview and the commit; the import's one transaction runs in its worker.
 */
export async function benchImportStall(csvPath: string, rows: number, dir: string, add: Add): Promise<void> {
  const runDir = mkdtempSync(join(dir, 'web-import-'))
  const dbPath = join(runDir, 'sprintlog.db')
  const runtime = await startRuntime({ dbPath, transport: 'web', dailyBackups: false, log: () => {} })
  const { router } = runtime
  let last = performance.now()
  let gap = 0
  let longestAnswer = 0
  let answers = 0
  let outstanding = false
  let failed: unknown = null
  const timer = setInterval(() => {
    const now = performance.now()
    gap = Math.max(gap, now - last)
    last = now
    if (outstanding) return
    outstanding = true
    const t = performance.now()
    router.call('settings/get', undefined).then(
      (r) => {
        if (!r.ok) failed = new Error(`settings/get: ${r.error.message}`)
        longestAnswer = Math.max(longestAnswer, performance.now() - t)
        answers++
        outstanding = false
      },
      (e: unknown) => (failed = e)
    )
  }, 10)
  const wait = (ms: number) => new Promise((r) => setTimeout(r, ms))
  try {
    const transfers = runtime.transfers()
    if (!transfers) throw new Error('the back end did not start')
    const { fileId } = transfers.addFile(csvPath, 'reps.csv', statSync(csvPath).size, false)
    const t0 = performance.now()
    const { previewId } = (await ok(router, 'import/preview', { fileIds: [fileId] })) as { previewId: string }
    for (;;) {
      const s = (await ok(router, 'import/status', { previewId })) as { state: string }
      if (s.state === 'ready') break
      if (s.state !== 'reading') throw new Error(`the preview ended ${s.state}`)
      await wait(100)
    }
    const previewMs = performance.now() - t0
    const done = (await ok(router, 'import/commit', { previewId })) as { added?: { reps: number } }
    const ms = performance.now() - t0
    if (done.added?.reps !== rows) throw new Error(`the import added ${done.added?.reps} reps, not ${rows}`)
    if (failed) throw failed instanceof Error ? failed : new Error(String(failed))
    const stall = Math.max(gap, longestAnswer)
    add({
      name: `web-mode CSV import (${rows.toLocaleString('en')} rows): longest stall during preview and commit`,
      medianMs: stall,
      runs: 1,
      sqliteMs: null,
      target: 'no stall > 50 ms',
      ok: stall <= 50,
      extra: { importMs: Math.round(ms), previewMs: Math.round(previewMs), commitMs: Math.round(ms - previewMs), longestGapMs: Math.round(gap * 10) / 10, longestAnswerMs: Math.round(longestAnswer * 10) / 10, answers }
    })
  } finally {
    clearInterval(timer)
    runtime.close()
    rmSync(runDir, { recursive: true, force: true })
  }
}
