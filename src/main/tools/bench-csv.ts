/**
 * CSV figures for `npm run bench`: export (rows/s and peak memory, in a child process of its own so the
 * memory figure is the export's alone) and import (rows/s, one transaction), each beside the sqlite3
 * shell's `-csv` export of the same rows to a file.
 */
import { spawnSync } from 'node:child_process'
import { closeSync, openSync, rmSync, statSync } from 'node:fs'
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
import { benchImportStall } from './bench-runtime'
import { generateHistory } from './synthetic'

/** What a CSV benchmark is given: the data set's name and database, a scratch folder, and where its figures go. */
export interface Ctx {
  name: string
  dbPath: string
  backend: Backend
  dir: string
  runs: number
  add(m: Omit<Measurement, 'dataset'>): void
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number

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
  const previewMs = performance.now() - t
  if (plan.preview.errorCount > 0) throw new Error(`import found ${plan.preview.errorCount} errors in an exported file`)
  const { added } = commitImport(db, repo, plan)
  plan.release()
  if (added.reps === 0) throw new Error('the import added no reps')
  const ms = performance.now() - t
  clearInterval(timer)
  peak = Math.max(peak, process.memoryUsage().rss)
  db.close()
  // The commit is synchronous, so the sampler cannot see inside it: the kernel's high-water mark is the peak.
  peak = Math.max(peak, process.resourceUsage().maxRSS * 1024)
  process.stdout.write(JSON.stringify({ ms, previewMs, commitMs: ms - previewMs, peakRssMb: peak / 2 ** 20, rssBeforeMb: rssBefore / 2 ** 20 }))
}

interface ImportRun {
  ms: number
  previewMs: number
  commitMs: number
  peakRssMb: number
  rssBeforeMb: number
}

/** One import of `csv` into a new database at `target`, in a child process; the database is removed after. */
function importRun(self: string, csv: string, target: string): ImportRun {
  const r = spawnSync(process.execPath, [self, '--import-child', csv, target], { encoding: 'utf8', maxBuffer: 1 << 20 })
  if (r.status !== 0) throw new Error(`import child failed: ${r.stderr}`)
  for (const s of ['', '-wal', '-shm']) rmSync(target + s, { force: true })
  return JSON.parse(r.stdout) as ImportRun
}

/** The sqlite3 shell's `.import` of `csv` into a bare table of a new database (process start-up included: a few ms); null without the shell. */
export function shellImportMs(csv: string, target: string): number | null {
  rmSync(target, { force: true })
  const t = performance.now()
  const r = spawnSync('sqlite3', [target, '-cmd', '.mode csv', `.import '${csv.replace(/'/g, "''")}' reps`], { stdio: ['ignore', 'ignore', 'pipe'] })
  const ms = performance.now() - t
  rmSync(target, { force: true })
  return r.status === 0 ? ms : null
}

export async function benchCsv(ctx: Ctx): Promise<void> {
  const self = fileURLToPath(import.meta.url)
  const out = join(ctx.dir, `${ctx.name}-reps.csv`)
  const shellOut = join(ctx.dir, `${ctx.name}-shell-reps.csv`)

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
      // Written to a file, as the app's export is.
      const fd = openSync(shellOut, 'w')
      const r = spawnSync('sqlite3', ['-csv', '-header', ctx.dbPath, sql], { stdio: ['ignore', fd, 'pipe'] })
      closeSync(fd)
      if (r.status === 0) times.push(performance.now() - t)
      rmSync(shellOut, { force: true })
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

  // Import the same file into an empty database, also in a process of its own (preview, then the one-transaction
  // commit), interleaved with the sqlite3 shell's `.import` of it into a bare table.
  const imports: ImportRun[] = []
  const shellImports: number[] = []
  for (let i = 0; i < ctx.runs; i++) {
    imports.push(importRun(self, out, join(ctx.dir, `${ctx.name}-import-${i}.db`)))
    const shell = shellImportMs(out, join(ctx.dir, `${ctx.name}-shell-import.db`))
    if (shell !== null) shellImports.push(shell)
  }
  const importMs = median(imports.map((r) => r.ms))
  ctx.add({
    name: `CSV import, reps file (${rows.toLocaleString('en')} rows)`,
    medianMs: importMs,
    runs: ctx.runs,
    sqliteMs: shellImports.length ? median(shellImports) : null,
    target: '≤ 1.25 × sqlite3 .import, one transaction',
    extra: {
      rowsPerSecond: Math.round(rows / (importMs / 1000)),
      previewMs: Math.round(median(imports.map((r) => r.previewMs))),
      commitMs: Math.round(median(imports.map((r) => r.commitMs))),
      peakRssMb: Math.round(Math.max(...imports.map((r) => r.peakRssMb))),
      rssGrowthMb: Math.round(Math.max(...imports.map((r) => r.peakRssMb - r.rssBeforeMb)))
    }
  })
  rmSync(out, { force: true })
}

/**
 * A reps file of at least `bytes`, exported from a synthetic history of 6-rep sessions that grows until its file is
 * large enough (each round adds what the last round's size suggests). Returns the file, its rows and size, and
 * removes the history.
 */
async function repsFileOf(self: string, dir: string, name: string, bytes: number): Promise<{ csv: string; rows: number; bytes: number }> {
  const source = join(dir, `${name}-source.db`)
  const csv = join(dir, `${name}-reps.csv`)
  const { db } = await openDatabase({ path: source })
  try {
    let sessions = 0
    let size = 0
    let rows = 0
    for (let round = 0; size < bytes; round++) {
      if (round > 6) throw new Error(`the reps file did not reach ${bytes} bytes after ${round} rounds (${size} bytes)`)
      const more = sessions === 0 ? Math.ceil(bytes / 2600) : Math.ceil(sessions * (bytes / size - 1)) + 500
      generateHistory(db, { start: `${1900 + round * 20}-01-01`, sessions: more, perDay: 24, repsPerSession: 6, weightDays: 0, seed: 50 + round, firstUuid: sessions })
      sessions += more
      db.pragma('wal_checkpoint(TRUNCATE)')
      const r = spawnSync(process.execPath, [self, '--export-child', source, csv], { encoding: 'utf8', maxBuffer: 1 << 20 })
      if (r.status !== 0) throw new Error(`export child failed: ${r.stderr}`)
      rows = (JSON.parse(r.stdout) as { rows: number }).rows
      size = statSync(csv).size
    }
    return { csv, rows, bytes: size }
  } finally {
    db.close()
    for (const s of ['', '-wal', '-shm']) rmSync(source + s, { force: true })
  }
}

/**
 * The 50 MB import: a reps file of at least 50 MiB, read, checked and committed into an empty database in a process
 * of its own (the figure the unit suite used to print).
 */
export async function benchImport50Mb(dir: string, add: Ctx['add']): Promise<void> {
  const self = fileURLToPath(import.meta.url)
  const file = await repsFileOf(self, dir, 'import50', 50 * 2 ** 20)
  const run = importRun(self, file.csv, join(dir, 'import50-target.db'))
  try {
    await benchImportStall(file.csv, file.rows, dir, add)
  } finally {
    rmSync(file.csv, { force: true })
  }
  console.log(`  50 MB reps file: ${file.rows.toLocaleString('en')} rows (${(file.bytes / 2 ** 20).toFixed(0)} MiB) previewed and imported in ${(run.ms / 1000).toFixed(1)} s (${Math.round(file.rows / (run.ms / 1000)).toLocaleString('en')} rows/s)`)
  add({
    name: `CSV import, 50 MB reps file (${file.rows.toLocaleString('en')} rows)`,
    medianMs: run.ms,
    runs: 1,
    sqliteMs: null,
    target: 'one go, one transaction',
    extra: { rowsPerSecond: Math.round(file.rows / (run.ms / 1000)), peakRssMb: Math.round(run.peakRssMb), rssGrowthMb: Math.round(run.peakRssMb - run.rssBeforeMb) }
  })
}

/**
 * Flat memory (`npm run bench -- --flat-memory [--large-gb N]`): the peak RSS of importing a 40 MB reps file and a
 * 1 GB one (N GB), each in a process of its own; the two must be within 100 MB of each other, and under 300 MB.
 */
export async function benchImportMemory(dir: string, largeGb: number, add: Ctx['add']): Promise<void> {
  const self = fileURLToPath(import.meta.url)
  const peaks: number[] = []
  for (const [name, bytes] of [['import40', 40e6], [`import${largeGb}g`, largeGb * 1e9]] as const) {
    const file = await repsFileOf(self, dir, name, bytes)
    const run = importRun(self, file.csv, join(dir, `${name}-target.db`))
    const shell = shellImportMs(file.csv, join(dir, `${name}-shell.db`))
    rmSync(file.csv, { force: true })
    peaks.push(run.peakRssMb)
    console.log(`  ${(file.bytes / 1e6).toFixed(0)} MB reps file: ${file.rows.toLocaleString('en')} rows imported in ${(run.ms / 1000).toFixed(1)} s (preview ${(run.previewMs / 1000).toFixed(1)} s + commit ${(run.commitMs / 1000).toFixed(1)} s), peak RSS ${run.peakRssMb.toFixed(0)} MB`)
    add({
      name: `CSV import, ${(file.bytes / 1e6).toFixed(0)} MB reps file (${file.rows.toLocaleString('en')} rows)`,
      medianMs: run.ms,
      runs: 1,
      sqliteMs: shell,
      target: 'peak RSS < 300 MB, within 100 MB of the 40 MB file',
      extra: { rowsPerSecond: Math.round(file.rows / (run.ms / 1000)), previewMs: Math.round(run.previewMs), commitMs: Math.round(run.commitMs), peakRssMb: Math.round(run.peakRssMb) }
    })
  }
  const [small, large] = peaks as [number, number]
  console.log(`  peak RSS: ${small.toFixed(0)} MB (40 MB file) and ${large.toFixed(0)} MB (${largeGb} GB file): ${large - small <= 100 && large < 300 ? 'flat ✓' : 'NOT flat ✗'}`)
}

if (process.argv[2] === '--export-child' || process.argv[2] === '--import-child') {
  const child = process.argv[2] === '--export-child' ? exportChild : importChild
  child(process.argv[3] as string, process.argv[4] as string).catch((e: unknown) => {
    console.error(e)
    process.exit(1)
  })
}
