/**
 * `npm run bench`: Sprintlog's speed on a heavy user's data and beyond, measured as medians of repeated
 * runs, each set beside the same work done by the plain `sqlite3` shell in the same run where it can do it.
 *
 *   node out/main/bench.js [--quick] [--flat-memory] [--out bench-results/latest.json]
 *
 * Data sets, generated into a temporary folder through the real repositories:
 *   daily10y  10 years of daily sessions (about 3,650, with their reps) and 10 years of daily weights
 *   large     100,000 sessions with 1,000,000 reps (10 per session) and 30 years of daily weights
 *   memory    (only with --flat-memory, and then only it) a 40 MB and a 1 GB reps file, imported for their peak RSS
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir, totalmem } from 'node:os'
import { dirname, join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { addLocalDays } from '../../shared/dates'
import { type Backend, startBackend } from '../backend'
import { argValue } from '../config'
import { openDatabase } from '../db/connection'
import { SESSION_QUERIES } from '../db/repos/sessions'
import { STATS_QUERIES } from '../db/repos/stats'
import { generateHistory } from './synthetic'
import { benchCsv, benchImport50Mb, benchImportMemory } from './bench-csv'
import { benchParsers } from './bench-parsers'
import { firstChartMs } from './bench-browser'

export interface Measurement {
  dataset: string
  name: string
  /** Median milliseconds per run (or per operation, for per-operation figures). */
  medianMs: number
  runs: number
  /** The same work in the sqlite3 shell, median milliseconds; null where the shell cannot do it. */
  sqliteMs: number | null
  target: string
  /** Extra figures such as rows/s or peak memory. */
  extra?: Record<string, number>
}

const argv = process.argv.slice(2)
const QUICK = argv.includes('--quick')
/** Only the import's memory check: a 40 MB and a 1 GB reps file (several minutes). */
const FLAT_MEMORY = argv.includes('--flat-memory')
const OUT = argValue(argv, 'out') ?? 'bench-results/latest.json'
const RUNS = QUICK ? 5 : 15

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2
}

export async function timeAsync(runs: number, fn: () => unknown): Promise<number> {
  await fn() // warm-up: prepared statements, page cache
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    await fn()
    times.push(performance.now() - t)
  }
  return median(times)
}

const SQLITE3 = spawnSync('sqlite3', ['-version']).status === 0 ? 'sqlite3' : null

/**
 * Median wall time of one statement in the sqlite3 shell, from its own `.timer` (so process start-up is
 * not counted): the statement runs `runs` times in one shell session, output discarded.
 */
export function sqliteShell(db: string, sql: string, params: readonly (string | number)[], runs: number): number | null {
  if (!SQLITE3) return null
  let bound = sql
  for (const p of params) bound = bound.replace('?', typeof p === 'number' ? String(p) : `'${p.replace(/'/g, "''")}'`)
  const script = ['.output /dev/null', '.timer on', ...Array.from({ length: runs + 1 }, () => `${bound};`)].join('\n')
  const r = spawnSync(SQLITE3, [db], { input: script, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  const times = [...(r.stdout + r.stderr).matchAll(/Run Time: real ([\d.]+)/g)].map((m) => Number(m[1]) * 1000)
  return times.length > 1 ? median(times.slice(1)) : null
}

async function call(b: Backend, channel: string, input?: unknown): Promise<unknown> {
  const r = await b.router.call(channel, input)
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`)
  return r.value
}

async function measureDataset(name: string, dir: string, opts: Parameters<typeof generateHistory>[1], results: Measurement[]): Promise<void> {
  const dbPath = join(dir, `${name}.db`)
  const t0 = performance.now()
  const gen = await openDatabase({ path: dbPath })
  const counts = generateHistory(gen.db, opts)
  gen.db.pragma('wal_checkpoint(TRUNCATE)')
  gen.db.close()
  const genMs = performance.now() - t0
  const sizeMb = statSync(dbPath).size / 1e6
  console.log(`${name}: ${counts.sessions} sessions, ${counts.reps} reps, ${counts.weights} weights, ${sizeMb.toFixed(0)} MB, generated in ${(genMs / 1000).toFixed(1)} s`)
  const add = (m: Omit<Measurement, 'dataset'>) => {
    results.push({ dataset: name, ...m })
    const ratio = m.sqliteMs ? `  (${(m.medianMs / m.sqliteMs).toFixed(2)}× sqlite3 ${m.sqliteMs.toFixed(2)} ms)` : ''
    console.log(`  ${m.name.padEnd(44)} ${m.medianMs.toFixed(2).padStart(9)} ms${ratio}`)
  }

  // Opening an existing database: read-only inspection, pragmas, schema check.
  add({
    name: 'open existing database',
    medianMs: await timeAsync(RUNS, async () => (await openDatabase({ path: dbPath })).db.close()),
    runs: RUNS,
    sqliteMs: null,
    target: 'start-up'
  })

  const b = await startBackend({ dbPath, transport: 'web', log: () => {} })
  try {
    const last = addLocalDays(opts.start, Math.floor((opts.sessions - 1) / opts.perDay))
    const blockStart = addLocalDays(last, -69)
    const block = (await call(b, 'blocks/create', { name: 'Bench block', startDate: blockStart, weeks: 10 })) as { id: number }
    const sprint = (await call(b, 'protocols/list')) as { id: number; name: string }[]
    const sprintId = sprint.find((p) => p.name === 'Sprint 6×20 s')?.id ?? 1
    const hillId = sprint.find((p) => p.name === 'Hill sprint 4×30 s')?.id ?? 1

    const charts: [string, string, unknown, string, (string | number)[]][] = [
      ['chart: block volume (10 weeks)', 'stats/blockVolume', { blockId: block.id }, STATS_QUERIES.dailyTotals, [blockStart, addLocalDays(blockStart, 69)]],
      ['chart: weekly load, whole history', 'stats/weeklyLoad', {}, STATS_QUERIES.dailyTotals, ['0000-01-01', '9999-12-31']],
      ['chart: fitness/fatigue/form, whole history', 'stats/fitness', {}, STATS_QUERIES.dailyTotals, ['0000-01-01', '9999-12-31']],
      ['chart: weight trend, whole history', 'weights/daily', {}, `SELECT date, avg(kg), count(*) FROM body_weights WHERE deleted_at IS NULL AND date BETWEEN ? AND ? GROUP BY date ORDER BY date`, ['0000-01-01', '9999-12-31']],
      ['chart: protocol progress (Sprint 6×20 s)', 'stats/protocolProgress', { protocolId: sprintId }, STATS_QUERIES.protocolSessions, ['0000-01-01', '9999-12-31', sprintId]],
      ['chart: sprint bests (Hill sprint 4×30 s)', 'stats/sprintBests', { protocolId: hillId }, STATS_QUERIES.bestHill, ['0000-01-01', '9999-12-31', hillId]]
    ]
    for (const [label, channel, input, sql, params] of charts) {
      add({ name: label, medianMs: await timeAsync(RUNS, () => call(b, channel, input)), runs: RUNS, sqliteMs: sqliteShell(dbPath, sql, params, RUNS), target: '≤ 50 ms' })
    }

    add({
      name: 'history page (newest 50)',
      medianMs: await timeAsync(RUNS, () => call(b, 'sessions/list', { limit: 50, offset: 0 })),
      runs: RUNS,
      sqliteMs: sqliteShell(dbPath, SESSION_QUERIES.listAll, ['0000-01-01', '9999-12-31', 50, 0], RUNS),
      target: 'instant'
    })
    add({
      name: 'history page (filtered by protocol)',
      medianMs: await timeAsync(RUNS, () => call(b, 'sessions/list', { protocolId: sprintId, limit: 50, offset: 0 })),
      runs: RUNS,
      sqliteMs: sqliteShell(dbPath, SESSION_QUERIES.listProtocol, ['0000-01-01', '9999-12-31', sprintId, 50, 0], RUNS),
      target: 'instant'
    })

    // Saving a session with its reps through the router: one committed transaction each (synchronous=FULL).
    const reps = Array.from({ length: 6 }, (_, i) => ({ workSeconds: 20, intensity: 'max', recoverySeconds: i === 5 ? 0 : 120, recoveryMode: 'walk' }))
    const saves = QUICK ? 30 : 200
    const saveTimes: number[] = []
    for (let i = 0; i < saves; i++) {
      const t = performance.now()
      await call(b, 'sessions/create', { date: last, protocolId: sprintId, rpe: 8, reps })
      saveTimes.push(performance.now() - t)
    }
    add({ name: 'save a session with 6 reps (router)', medianMs: median(saveTimes), runs: saves, sqliteMs: null, target: '≤ 10 ms' })

    if (name === 'daily10y') {
      const first = await firstChartMs(b.router, QUICK ? 3 : 7)
      if ('skipped' in first) console.log(`  first chart painted: skipped (${first.skipped})`)
      else add({ name: 'dashboard opened → first chart in page', medianMs: median(first.ms), runs: first.ms.length, sqliteMs: null, target: '≤ 1 s' })
    }

    await benchCsv({ name, dbPath, backend: b, dir, runs: QUICK ? 1 : 5, add })
    await benchParsers({ name, dbPath, dir, runs: QUICK ? 1 : 3, add })
  } finally {
    b.close()
  }

  // Migrating: a fresh database from nothing to the latest schema (all migrations, one transaction).
  add({
    name: 'create and migrate a new database',
    medianMs: await timeAsync(RUNS, async () => {
      const p = join(dir, `fresh-${Math.random().toString(36).slice(2)}.db`)
      ;(await openDatabase({ path: p })).db.close()
      for (const s of ['', '-wal', '-shm']) rmSync(p + s, { force: true })
    }),
    runs: RUNS,
    sqliteMs: null,
    target: 'start-up'
  })
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sprintlog-bench-'))
  const results: Measurement[] = []
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, platform: process.platform }
  console.log(`Sprintlog benchmarks — ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, Node ${machine.node}; medians of ${RUNS} runs`)
  console.log(SQLITE3 ? `Ratios against the sqlite3 shell (${spawnSync('sqlite3', ['-version'], { encoding: 'utf8' }).stdout.split(' ')[0]}).` : 'No sqlite3 shell found: figures without ratios.')
  try {
    if (FLAT_MEMORY) await benchImportMemory(dir, (m) => results.push({ dataset: 'memory', ...m }))
    else {
      await measureDataset('daily10y', dir, { start: '2016-11-22', sessions: 3653, perDay: 1, repsPerSession: null, weightDays: 3653 }, results)
      const large = QUICK ? 20_000 : 100_000
      await measureDataset('large', dir, { start: '1996-01-01', sessions: large, perDay: 9, repsPerSession: 10, weightDays: Math.min(30 * 365, Math.ceil(large / 9)) }, results)
      await benchImport50Mb(dir, (m) => results.push({ dataset: '50mb', ...m }))
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  mkdirSync(dirname(OUT), { recursive: true })
  writeFileSync(OUT, JSON.stringify({ date: new Date().toISOString(), machine, quick: QUICK, results }, null, 2))
  console.log(`\nWrote ${OUT}`)
}

// The same file is the export and import child of the CSV benchmark (see bench-csv.ts) and the parser child
// (bench-parsers.ts); then it does only that.
if (process.argv[2] !== '--export-child' && process.argv[2] !== '--import-child' && process.argv[2] !== '--parser-child') {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.stack : e)
    process.exit(1)
  })
}
