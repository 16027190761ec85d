/**
 * CSV figures for `npm run bench`: export (rows/s and peak memory, in a child process of its own so the
 * memory figure is the export's alone) and import (rows/s, one transaction), each beside the sqlite3
 * shell's `.mode csv` export of the same rows.
 */
import { spawnSync } from 'node:child_process'
import { rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import type { Backend } from '../backend'
import { openDatabase } from '../db/connection'
import { EXPORT_QUERIES, exportRepo } from '../db/repos/export'
import { importRepo } from '../db/repos/import'
import { openReader } from '../db/reader'
import { exportFiles } from '../services/csv/export'
import { commitImport, readImport } from '../services/csv/import'
import type { Measurement } from './bench'
import { generateHistory } from './synthetic'

interface Ctx {
  name: string
  dbPath: string
  backend: Backend
  dir: string
  runs: number
  add(m: Omit<Measurement, 'dataset'>): void
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number

/** Run in a child process: exports the reps file of `db` to `out` and prints rows, ms and peak RSS as JSON. */
export async function exportChild(db: string, out: string): Promise<void> {
  const reader = openReader(db)
  const rssBefore = process.memoryUsage().rss
  let peak = rssBefore
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
  const t = performance.now()
  const [file] = await exportFiles(exportRepo(reader), [{ kind: 'reps', path: out }], {})
  const ms = performance.now() - t
  clearInterval(timer)
  peak = Math.max(peak, process.memoryUsage().rss)
  reader.close()
  process.stdout.write(JSON.stringify({ rows: file?.rows ?? 0, ms, rssBeforeMb: rssBefore / 2 ** 20, peakRssMb: peak / 2 ** 20, maxRssMb: process.resourceUsage().maxRSS / 1024 }))
}

/** Run in a child process: imports `csv` into a new database at `dbPath` and prints ms and peak RSS as JSON. */
export async function importChild(csv: string, dbPath: string): Promise<void> {
  const { db } = await openDatabase({ path: dbPath })
  const rssBefore = process.memoryUsage().rss
  let peak = rssBefore
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
  const t = performance.now()
  const repo = importRepo(db)
  const plan = await readImport([{ name: 'reps.csv', path: csv }], repo)
  if (plan.preview.errorCount > 0) throw new Error(`import found ${plan.preview.errorCount} errors in an exported file`)
  const { added } = commitImport(db, repo, plan)
  if (added.reps === 0) throw new Error('the import added no reps')
  const ms = performance.now() - t
  clearInterval(timer)
  peak = Math.max(peak, process.memoryUsage().rss)
  db.close()
  process.stdout.write(JSON.stringify({ ms, peakRssMb: peak / 2 ** 20, rssBeforeMb: rssBefore / 2 ** 20 }))
}

export async function benchCsv(ctx: Ctx): Promise<void> {
  const self = fileURLToPath(import.meta.url)
  const out = join(ctx.dir, `${ctx.name}-reps.csv`)

  // Export: every rep with its session's columns, the largest file.
  const runs: { rows: number; ms: number; peakRssMb: number; rssBeforeMb: number }[] = []
  for (let i = 0; i < ctx.runs; i++) {
    const r = spawnSync(process.execPath, [self, '--export-child', ctx.dbPath, out], { encoding: 'utf8', maxBuffer: 1 << 20 })
    if (r.status !== 0) throw new Error(`export child failed: ${r.stderr}`)
    runs.push(JSON.parse(r.stdout))
  }
  const exportMs = median(runs.map((r) => r.ms))
  const rows = runs[0]?.rows ?? 0
  const sizeMb = statSync(out).size / 1e6
  let shellMs: number | null = null
  if (spawnSync('sqlite3', ['-version']).status === 0) {
    const times: number[] = []
    for (let i = 0; i < ctx.runs; i++) {
      const t = performance.now()
      const sql = EXPORT_QUERIES.reps.replace('?', "'0000-00-00'").replace('?', "'9999-99-99'")
      const r = spawnSync('sqlite3', ['-csv', '-header', ctx.dbPath, sql], { stdio: ['ignore', 'ignore', 'pipe'] })
      if (r.status === 0) times.push(performance.now() - t)
    }
    shellMs = times.length ? median(times) : null
  }
  ctx.add({
    name: `CSV export, reps file (${rows.toLocaleString('en')} rows, ${sizeMb.toFixed(0)} MB)`,
    medianMs: exportMs,
    runs: ctx.runs,
    sqliteMs: shellMs,
    target: '≥ 200,000 rows/s, flat memory',
    extra: {
      rowsPerSecond: Math.round(rows / (exportMs / 1000)),
      peakRssMb: Math.round(Math.max(...runs.map((r) => r.peakRssMb))),
      rssGrowthMb: Math.round(Math.max(...runs.map((r) => r.peakRssMb - r.rssBeforeMb)))
    }
  })

  // Import the same file into an empty database, also in a process of its own: read and validate, then one transaction.
  const imports: { ms: number; peakRssMb: number; rssBeforeMb: number }[] = []
  for (let i = 0; i < ctx.runs; i++) {
    const target = join(ctx.dir, `${ctx.name}-import-${i}.db`)
    const r = spawnSync(process.execPath, [self, '--import-child', out, target], { encoding: 'utf8', maxBuffer: 1 << 20 })
    if (r.status !== 0) throw new Error(`import child failed: ${r.stderr}`)
    imports.push(JSON.parse(r.stdout))
    for (const s of ['', '-wal', '-shm']) rmSync(target + s, { force: true })
  }
  const importMs = median(imports.map((r) => r.ms))
  ctx.add({
    name: `CSV import, reps file (${rows.toLocaleString('en')} rows)`,
    medianMs: importMs,
    runs: ctx.runs,
    sqliteMs: null,
    target: '≥ 100,000 rows/s, one transaction',
    extra: {
      rowsPerSecond: Math.round(rows / (importMs / 1000)),
      peakRssMb: Math.round(Math.max(...imports.map((r) => r.peakRssMb))),
      rssGrowthMb: Math.round(Math.max(...imports.map((r) => r.peakRssMb - r.rssBeforeMb)))
    }
  })
  rmSync(out, { force: true })
}

/**
 * The 50 MB import: a reps file of at least 50 MiB, exported from a synthetic history of 6-rep sessions, read,
 * checked and committed into an empty database in a process of its own (the figure the unit suite used to print).
 */
export async function benchImport50Mb(dir: string, add: Ctx['add']): Promise<void> {
  const self = fileURLToPath(import.meta.url)
  const source = join(dir, 'import50-source.db')
  const out = join(dir, 'import50-reps.csv')
  const { db } = await openDatabase({ path: source })
  let sessions = 0
  let start = '1990-01-01'
  let bytes = 0
  let rows = 0
  // Grow the history until its reps file reaches 50 MiB (each round adds what the last round's size suggests).
  for (let round = 0; bytes < 50 * 2 ** 20; round++) {
    if (round > 5) throw new Error(`the 50 MB reps file did not reach 50 MiB after ${round} rounds (${bytes} bytes)`)
    const more = sessions === 0 ? 21_000 : Math.ceil(sessions * ((50 * 2 ** 20) / bytes - 1)) + 500
    generateHistory(db, { start, sessions: more, perDay: 4, repsPerSession: 6, weightDays: 0, seed: 50 + round })
    sessions += more
    start = `${2000 + round * 10}-01-01`
    db.pragma('wal_checkpoint(TRUNCATE)')
    const r = spawnSync(process.execPath, [self, '--export-child', source, out], { encoding: 'utf8', maxBuffer: 1 << 20 })
    if (r.status !== 0) throw new Error(`export child failed: ${r.stderr}`)
    rows = (JSON.parse(r.stdout) as { rows: number }).rows
    bytes = statSync(out).size
  }
  db.close()
  const target = join(dir, 'import50-target.db')
  const r = spawnSync(process.execPath, [self, '--import-child', out, target], { encoding: 'utf8', maxBuffer: 1 << 20 })
  if (r.status !== 0) throw new Error(`import child failed: ${r.stderr}`)
  const run = JSON.parse(r.stdout) as { ms: number; peakRssMb: number; rssBeforeMb: number }
  console.log(`  50 MB reps file: ${rows.toLocaleString('en')} rows (${(bytes / 2 ** 20).toFixed(0)} MiB) previewed and imported in ${(run.ms / 1000).toFixed(1)} s (${Math.round(rows / (run.ms / 1000)).toLocaleString('en')} rows/s)`)
  add({
    name: `CSV import, 50 MB reps file (${rows.toLocaleString('en')} rows)`,
    medianMs: run.ms,
    runs: 1,
    sqliteMs: null,
    target: 'one go, one transaction',
    extra: { rowsPerSecond: Math.round(rows / (run.ms / 1000)), peakRssMb: Math.round(run.peakRssMb), rssGrowthMb: Math.round(run.peakRssMb - run.rssBeforeMb) }
  })
  for (const f of [out, source, target]) for (const s of ['', '-wal', '-shm']) rmSync(f + s, { force: true })
}

if (process.argv[2] === '--export-child' || process.argv[2] === '--import-child') {
  const child = process.argv[2] === '--export-child' ? exportChild : importChild
  child(process.argv[3] as string, process.argv[4] as string).catch((e: unknown) => {
    console.error(e)
    process.exit(1)
  })
}
