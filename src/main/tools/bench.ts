/**
 * `npm run bench`: Sprintlog's speed on a heavy user's data and beyond, measured as medians of repeated
 * runs, each set beside the same work done by the plain `sqlite3` shell and by plain better-sqlite3 (the same
 * SQL, prepared, `.all()`), interleaved with it, where they can do it.
 *
 *   node out/main/bench.js [--quick] [--flat-memory [--large-gb N]] [--only charts,start,…] [--out bench-results/latest.json]
 *
 * Data sets, generated through the real repositories:
 *   daily10y  10 years of daily sessions (about 3,650, with their reps) and 10 years of daily weights
 *   large     100,000 sessions with 1,000,000 reps (10 per session) and 30 years of daily weights
 *   1m        (not with --quick) 1,000,000 sessions with 10,000,000 reps over the same 30 years, generated once
 *             into bench-results/cache/ and copied from there by later runs (bench-data.ts)
 *   memory    (only with --flat-memory, and then only it) a 40 MB and a 1 GB reps file (or N GB), imported for their peak RSS
 *
 * `--only` keeps the named parts: open, charts, history, save, start, browser, csv, parsers, migrate, import50,
 * bundle (and the data sets they need).
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { dirname, join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { gzipSync } from 'node:zlib'
import Database from 'better-sqlite3'
import { addLocalDays } from '../../shared/dates'
import { dateOfDay, dayNumber, SPIKE_RULE, weekStart } from '../../shared/metrics/load'
import { type Backend, startBackend } from '../backend'
import { argValue } from '../config'
import { openDatabase } from '../db/connection'
import { EARLIEST, LATEST } from '../db/rows'
import { SESSION_QUERIES } from '../db/repos/sessions'
import { STATS_QUERIES, statsRepo } from '../db/repos/stats'
import { blocksRepo } from '../db/repos/blocks'
import { protocolsRepo } from '../db/repos/protocols'
import { blockVolume } from '../services/stats'
import { WEIGHT_QUERIES } from '../db/repos/weights'
import { type Dataset, dataset } from './bench-data'
import { benchCsv, benchImport50Mb, benchImportMemory } from './bench-csv'
import { benchParsers } from './bench-parsers'
import { browserFigures } from './bench-browser'
import { benchRuntimeStart, benchSave } from './bench-runtime'

export interface Measurement {
  dataset: string
  name: string
  /** Median milliseconds per run (or per operation, for per-operation figures). */
  medianMs: number
  runs: number
  /** The same work in the sqlite3 shell, median milliseconds; null where the shell cannot do it. */
  sqliteMs: number | null
  /** The same SQL through plain better-sqlite3 (prepared, `.all()`), median milliseconds, where it applies. */
  betterSqliteMs?: number | null
  /** Another reference (such as `cp` of the file). */
  reference?: { label: string; ms: number } | null
  target: string
  /** Whether the target was met; absent where the target is not a number. */
  ok?: boolean
  /** Extra figures such as rows/s, points sent or peak memory. */
  extra?: Record<string, number>
}

const argv = process.argv.slice(2)
const QUICK = argv.includes('--quick')
/** Only the import's memory check: a 40 MB and a 1 GB reps file (several minutes). */
const FLAT_MEMORY = argv.includes('--flat-memory')
/** The large file of the memory check, in GB (1 unless `--large-gb N`). */
const LARGE_GB = Number(argValue(argv, 'large-gb') ?? 1)
const OUT = argValue(argv, 'out') ?? 'bench-results/latest.json'
const ONLY = argValue(argv, 'only')?.split(',').map((s) => s.trim()) ?? null
const RUNS = QUICK ? 5 : 15
/** Sessions of the `large` data set. */
const LARGE = QUICK ? 20_000 : 100_000
const part = (name: string) => ONLY === null || ONLY.includes(name)

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

type Statement = [sql: string, params: readonly (string | number)[]]

const bind = (sql: string, params: readonly (string | number)[]) => {
  let bound = sql
  for (const p of params) bound = bound.replace('?', typeof p === 'number' ? String(p) : `'${p.replace(/'/g, "''")}'`)
  return bound
}

/**
 * Wall time of the statements in the sqlite3 shell, from its own `.timer` (so process start-up is not counted):
 * each statement runs `runs + 1` times in one shell session, output discarded, the first time not counted;
 * returns the median of the runs of their sum. Null without the shell. The shell prints its timer in whole
 * milliseconds, so below 20 ms `shellFine` measures instead.
 */
export function sqliteShell(db: string, statements: readonly Statement[], runs: number): number | null {
  if (!SQLITE3) return null
  const once = statements.map(([sql, params]) => `${bind(sql, params)};`)
  const script = ['.output /dev/null', '.timer on', ...Array.from({ length: runs + 1 }, () => once).flat()].join('\n')
  const r = spawnSync(SQLITE3, [db], { input: script, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  const times = [...(r.stdout + r.stderr).matchAll(/Run Time: real ([\d.]+)/g)].map((m) => Number(m[1]) * 1000)
  if (times.length !== once.length * (runs + 1)) return null
  const sums: number[] = []
  for (let i = 1; i <= runs; i++) sums.push(times.slice(i * once.length, (i + 1) * once.length).reduce((a, b) => a + b, 0))
  return median(sums)
}

/**
 * The statements' time in the sqlite3 shell below its timer's millisecond: the wall time of a shell session that
 * runs them `1 + n` times less that of one that runs them once (start-up, opening and the warm-up run cancel out),
 * divided by n, with n chosen to make about 60 ms of work.
 */
function shellFine(db: string, statements: readonly Statement[], estimateMs: number): number | null {
  if (!SQLITE3) return null
  const n = Math.min(1000, Math.max(5, Math.ceil(60 / Math.max(estimateMs, 0.05))))
  const once = statements.map(([sql, params]) => `${bind(sql, params)};`).join('\n')
  const session = (times: number) => {
    const t = performance.now()
    const r = spawnSync(SQLITE3, [db], { input: ['.output /dev/null', ...Array.from({ length: times }, () => once)].join('\n'), stdio: ['pipe', 'ignore', 'ignore'] })
    return r.status === 0 ? performance.now() - t : null
  }
  const base = session(1)
  const more = session(1 + n)
  return base === null || more === null ? null : Math.max(0, (more - base) / n)
}

/** One run's shell figure for the statements: the shell's timer, or below 20 ms the finer difference of two sessions. */
function shellRun(db: string, statements: readonly Statement[]): number | null {
  const coarse = sqliteShell(db, statements, 1)
  return coarse !== null && coarse < 20 ? shellFine(db, statements, coarse) : coarse
}

async function call(b: Backend, channel: string, input?: unknown): Promise<unknown> {
  const r = await b.router.call(channel, input)
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`)
  return r.value
}

/** The longest array in an answer (a chart's points): what the series sends. */
function pointsIn(value: unknown): number {
  if (Array.isArray(value)) return value.length
  if (value && typeof value === 'object') return Math.max(0, ...Object.values(value).map((v) => (Array.isArray(v) ? v.length : 0)))
  return 0
}

/** Milliseconds as the tables show them: two decimals under 10 ms, seconds from 1,000 ms. */
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : ms >= 10 ? `${ms.toFixed(1)} ms` : `${ms.toFixed(2)} ms`)
const mark = (m: Pick<Measurement, 'ok'>) => (m.ok === undefined ? '' : m.ok ? ' ✓' : ' ✗')

function line(m: Omit<Measurement, 'dataset'>): string {
  const refs: string[] = []
  if (m.betterSqliteMs) refs.push(`better-sqlite3 ${fmt(m.betterSqliteMs)} (${(m.medianMs / m.betterSqliteMs).toFixed(2)}×)`)
  if (m.sqliteMs) refs.push(`sqlite3 ${fmt(m.sqliteMs)} (${(m.medianMs / m.sqliteMs).toFixed(2)}×)`)
  if (m.reference) refs.push(`${m.reference.label} ${fmt(m.reference.ms)} (${(m.medianMs / m.reference.ms).toFixed(2)}×)`)
  const extra = m.extra && Object.keys(m.extra).length ? `  ${Object.entries(m.extra).map(([k, v]) => `${k}=${v}`).join(' ')}` : ''
  const shown = m.medianMs === 0 && m.extra ? '' : fmt(m.medianMs)
  return `  ${m.name.padEnd(48)} ${shown.padStart(10)}${refs.length ? `  ${refs.join(', ')}` : ''}  [${m.target}${mark(m)}]${extra}`
}

interface Chart {
  label: string
  channel: string
  input: unknown
  /** The SQL the app runs for it, with the same parameters. */
  sql: Statement[]
  /** Ratio to plain better-sqlite3 that the target allows (block volume). */
  maxRatio?: number
  /** The same chart from its service function directly, where that is measured too. */
  service?: () => unknown
  /** A target other than a chart's 50 ms (not checked). */
  target?: string
}

/** The charts of the dashboard, with the ranges the dashboard asks for, on a history whose last day is `last`. */
function charts(raw: Database.Database, first: string, last: string, block: { id: number; startDate: string; protocolId: number }, sprintId: number, hillId: number): Chart[] {
  const deps = { stats: statsRepo(raw), blocks: blocksRepo(raw), protocols: protocolsRepo(raw) }
  const dailyTotals = (from: string, to: string): Statement => [STATS_QUERIES.dailyTotals, [from, to]]
  const historyStart: Statement = [STATS_QUERIES.historyStart, []]
  const lead = (from: string) => dateOfDay(dayNumber(weekStart(from)) - SPIKE_RULE.baselineWeeks * 7)
  const year = addLocalDays(last, -364)
  const weeks12 = addLocalDays(last, -83)
  return [
    // The fitness model runs from the first day of history whatever range is shown.
    { label: 'fitness/fatigue/form, 12 weeks', channel: 'stats/fitness', input: { from: weeks12, to: last }, sql: [historyStart, dailyTotals(first, last)] },
    { label: 'fitness/fatigue/form, whole history', channel: 'stats/fitness', input: { to: last }, sql: [historyStart, dailyTotals(first, last)] },
    { label: 'weekly load, 1 year', channel: 'stats/weeklyLoad', input: { from: year, to: last }, sql: [historyStart, dailyTotals(lead(year), last)] },
    { label: 'weekly load, whole history', channel: 'stats/weeklyLoad', input: { to: last }, sql: [historyStart, dailyTotals(lead(first), last)] },
    {
      label: 'block volume, 10 weeks',
      channel: 'stats/blockVolume',
      input: { blockId: block.id },
      sql: [[STATS_QUERIES.dailyTotalsSplit, [block.protocolId, block.startDate, addLocalDays(block.startDate, 69)]]],
      maxRatio: 2,
      service: () => blockVolume(deps, block.id)
    },
    { label: 'protocol progress (Sprint 6×20 s), whole history', channel: 'stats/protocolProgress', input: { protocolId: sprintId }, sql: [[STATS_QUERIES.protocolSessions, [EARLIEST, LATEST, sprintId]]] },
    {
      label: 'sprint bests (Hill sprint 4×30 s)',
      channel: 'stats/sprintBests',
      input: { protocolId: hillId },
      sql: [
        [STATS_QUERIES.bestsByDuration, [EARLIEST, LATEST, hillId, EARLIEST, LATEST, hillId]],
        [STATS_QUERIES.bestHill, [EARLIEST, LATEST, hillId]],
        [STATS_QUERIES.bestLoaded, [EARLIEST, LATEST, hillId]]
      ]
    },
    {
      label: 'sprint bests (Sprint 6×20 s)',
      channel: 'stats/sprintBests',
      input: { protocolId: sprintId },
      sql: [
        [STATS_QUERIES.bestsByDuration, [EARLIEST, LATEST, sprintId, EARLIEST, LATEST, sprintId]],
        [STATS_QUERIES.bestHill, [EARLIEST, LATEST, sprintId]],
        [STATS_QUERIES.bestLoaded, [EARLIEST, LATEST, sprintId]]
      ]
    },
    // Not asked for by the dashboard (it shows one protocol's bests), but offered by the back end.
    { label: 'sprint bests, all protocols', channel: 'stats/sprintBests', input: {}, sql: [[STATS_QUERIES.bestsByDurationAll, [EARLIEST, LATEST, EARLIEST, LATEST]], [STATS_QUERIES.bestHillAll, [EARLIEST, LATEST]], [STATS_QUERIES.bestLoadedAll, [EARLIEST, LATEST]]] },
    { label: 'weight trend, whole history', channel: 'weights/daily', input: {}, sql: [[WEIGHT_QUERIES.daily, [EARLIEST, LATEST]]] }
  ]
}

/**
 * A chart through the router, the same SQL through plain better-sqlite3 on a connection of its own, and in the
 * sqlite3 shell: after one warm-up each; the first two interleaved, round by round, the shell's rounds after them.
 */
async function measureChart(b: Backend, raw: Database.Database, dbPath: string, c: Chart, runs: number, add: (m: Omit<Measurement, 'dataset'>) => void): Promise<void> {
  const stmts = c.sql.map(([sql, params]) => [raw.prepare(sql), params] as const)
  const plain = () => {
    for (const [s, p] of stmts) s.all(...p)
  }
  const value = await call(b, c.channel, c.input)
  plain()
  const app: number[] = []
  const bs: number[] = []
  const shell: number[] = []
  // Whatever runs right after the shell's processes pays for their traces in the caches (measured: the service
  // alone took 0.43 ms there against 0.18 ms in a loop), so the shell's rounds run apart, and the router and the
  // plain query take turns at going first.
  const viaRouter = async () => {
    const t = performance.now()
    await call(b, c.channel, c.input)
    app.push(performance.now() - t)
  }
  const viaPlain = () => {
    const t = performance.now()
    plain()
    bs.push(performance.now() - t)
  }
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      await viaRouter()
      viaPlain()
    } else {
      viaPlain()
      await viaRouter()
    }
  }
  for (let i = 0; i < runs; i++) {
    const s = shellRun(dbPath, c.sql)
    if (s !== null) shell.push(s)
  }
  const m = median(app)
  const ref = median(bs)
  const extra: Record<string, number> = { points: pointsIn(value) }
  if (c.service) {
    // The service alone (no router, no validation), on the plain connection: what the query's JS costs.
    const serviceMs = await timeAsync(runs, c.service)
    extra.serviceMs = Math.round(serviceMs * 1000) / 1000
    extra.serviceRatio = Math.round((serviceMs / ref) * 100) / 100
  }
  add({
    name: c.target ? c.label : `chart: ${c.label}`,
    medianMs: m,
    runs,
    sqliteMs: shell.length ? median(shell) : null,
    betterSqliteMs: ref,
    target: c.target ?? (c.maxRatio ? `≤ 50 ms, ≤ ${c.maxRatio} × plain query` : '≤ 50 ms'),
    ...(c.target ? {} : { ok: m <= 50 && (c.maxRatio === undefined || m <= c.maxRatio * ref) }),
    extra
  })
}

async function measureDataset(d: Dataset, dir: string, results: Measurement[]): Promise<void> {
  const { name, dbPath, opts } = d
  const big = d.sessions >= 500_000
  const runs = big ? Math.min(RUNS, 11) : RUNS
  const add = (m: Omit<Measurement, 'dataset'>) => {
    results.push({ dataset: name, ...m })
    console.log(line(m))
  }
  results.push({ dataset: name, name: 'generate the history', medianMs: d.generatedS * 1000, runs: 1, sqliteMs: null, target: 'once', extra: { sessions: d.sessions, reps: d.reps, weights: d.weights, sizeMb: Math.round(d.sizeMb) } })

  // The runtime's start with today's first backup, before anything else has read the file in this process.
  if (part('start') && name !== 'daily10y') await benchRuntimeStart(dbPath, dir, add)

  // Opening an existing database: read-only inspection, pragmas, schema check.
  if (part('open')) {
    add({
      name: 'open existing database',
      medianMs: await timeAsync(runs, async () => (await openDatabase({ path: dbPath })).db.close()),
      runs,
      sqliteMs: null,
      target: 'start-up'
    })
  }

  const b = await startBackend({ dbPath, transport: 'web', log: () => {} })
  const raw = new Database(dbPath, { readonly: true })
  try {
    const last = addLocalDays(opts.start, Math.floor((opts.sessions - 1) / opts.perDay))
    const blockStart = addLocalDays(last, -69)
    const protocols = (await call(b, 'protocols/list')) as { id: number; name: string }[]
    const sprintId = protocols.find((p) => p.name === 'Sprint 6×20 s')?.id ?? 1
    const hillId = protocols.find((p) => p.name === 'Hill sprint 4×30 s')?.id ?? 1
    const block = (await call(b, 'blocks/create', { name: 'Bench block', startDate: blockStart, weeks: 10, protocolId: sprintId, sessionsPerWeek: 3 })) as { id: number }

    if (part('charts')) {
      for (const c of charts(raw, opts.start, last, { id: block.id, startDate: blockStart, protocolId: sprintId }, sprintId, hillId)) await measureChart(b, raw, dbPath, c, runs, add)
    }

    if (part('history')) {
      // The page and the count of all the sessions it pages through, as the repository reads them.
      const pages: Chart[] = [
        {
          label: 'history page (newest 50)',
          channel: 'sessions/list',
          input: { limit: 50, offset: 0 },
          sql: [
            [SESSION_QUERIES.listAll, [EARLIEST, LATEST, 50, 0]],
            [SESSION_QUERIES.countAll, [EARLIEST, LATEST]]
          ],
          target: 'instant'
        },
        {
          label: 'history page (filtered by protocol)',
          channel: 'sessions/list',
          input: { protocolId: sprintId, limit: 50, offset: 0 },
          sql: [
            [SESSION_QUERIES.listProtocol, [EARLIEST, LATEST, sprintId, 50, 0]],
            [SESSION_QUERIES.countProtocol, [EARLIEST, LATEST, sprintId]]
          ],
          target: 'instant'
        }
      ]
      for (const c of pages) await measureChart(b, raw, dbPath, c, runs, add)
    }

    // Saving a session with its reps through the router: one committed transaction each (synchronous=FULL).
    if (part('save')) await benchSave(b, dbPath, last, sprintId, QUICK ? 30 : 200, add)

    if (name === 'daily10y' && part('browser')) {
      const f = await browserFigures(b.router, QUICK ? 2 : 5)
      if ('skipped' in f) console.log(`  browser: skipped (${f.skipped})`)
      else {
        const n = f.firstChartMs.length
        add({ name: 'dashboard opened → first chart (fresh context)', medianMs: median(f.firstChartMs), runs: n, sqliteMs: null, target: '≤ 500 ms', ok: median(f.firstChartMs) <= 500 })
        const longest = Math.max(...f.longestTaskMs)
        add({
          name: 'longest long task while the dashboard settles',
          medianMs: longest,
          runs: n,
          sqliteMs: null,
          target: 'none > 100 ms',
          ok: longest <= 100,
          extra: { medianLongestMs: Math.round(median(f.longestTaskMs)), tasksOver100: Math.max(...f.longTasksOver100), settledMs: Math.round(median(f.settledMs)) }
        })
        for (const [screen, ms] of Object.entries(f.switchMs)) add({ name: `switch to ${screen} → its content`, medianMs: median(ms), runs: ms.length, sqliteMs: null, target: '≤ 100 ms', ok: median(ms) <= 100, extra: { slowestMs: Math.round(Math.max(...ms)) } })
        const weight = (await call(b, 'weights/daily', {})) as unknown
        add({ name: 'body weight page: SVG elements', medianMs: 0, runs: 1, sqliteMs: null, target: 'every series ≤ 1,000 points', ok: pointsIn(weight) <= 1000, extra: { svgElements: f.weightSvgElements, weightPoints: pointsIn(weight) } })
      }
    }

    if (part('csv') && !big) await benchCsv({ name, dbPath, backend: b, dir, runs: QUICK ? 1 : 5, add })
    if (part('parsers') && !big) await benchParsers({ name, dbPath, dir, runs: QUICK ? 1 : 3, add })
  } finally {
    raw.close()
    b.close()
  }

  // Migrating: a fresh database from nothing to the latest schema (all migrations, one transaction).
  if (part('migrate') && name === 'daily10y') {
    add({
      name: 'create and migrate a new database',
      medianMs: await timeAsync(runs, async () => {
        const p = join(dir, `fresh-${Math.random().toString(36).slice(2)}.db`)
        ;(await openDatabase({ path: p })).db.close()
        for (const s of ['', '-wal', '-shm']) rmSync(p + s, { force: true })
      }),
      runs,
      sqliteMs: null,
      target: 'start-up'
    })
  }
}

/** The renderer's entry chunk as built (out/renderer/assets/index-*.js), raw and gzipped. */
function bundle(results: Measurement[]): void {
  const assets = new URL('../renderer/assets/', import.meta.url)
  let names: string[]
  try {
    names = readdirSync(assets).filter((n) => n.endsWith('.js'))
  } catch {
    console.log('  bundle: no renderer build beside this file')
    return
  }
  const kb = (n: string) => {
    const buf = readFileSync(new URL(n, assets))
    return { kb: Math.round(buf.length / 1024), gzipKb: Math.round(gzipSync(buf, { level: 9 }).length / 1024) }
  }
  const entry = names.find((n) => /^index-.*\.js$/.test(n))
  if (!entry) return
  const e = kb(entry)
  const chunks = Object.fromEntries(names.filter((n) => n.startsWith('vendor-')).map((n) => [`${n.replace(/-[\w-]{8}\.js$/, '')}Kb`, kb(n).kb]))
  const m: Omit<Measurement, 'dataset'> = { name: `main bundle (${entry})`, medianMs: 0, runs: 1, sqliteMs: null, target: '≤ 400 KB', ok: e.kb <= 400, extra: { kb: e.kb, gzipKb: e.gzipKb, ...chunks } }
  results.push({ dataset: 'renderer', ...m })
  console.log(`renderer:\n${line(m)}`)
}

const vs = (ms: number, ref: number | null | undefined) => (ref ? `${fmt(ref)} (${(ms / ref).toFixed(2)}×)` : '—')

/** The results as Markdown tables, one per data set (median, the references with ratios, the target met or not). */
export function markdown(results: readonly Measurement[]): string {
  const out: string[] = []
  for (const set of [...new Set(results.map((r) => r.dataset))]) {
    out.push('', `| ${set} | median | better-sqlite3 | sqlite3 shell | other | target |`, '|---|---|---|---|---|---|')
    for (const r of results.filter((x) => x.dataset === set)) {
      const extra = r.extra && Object.keys(r.extra).length ? ` (${Object.entries(r.extra).map(([k, v]) => `${k} ${v}`).join(', ')})` : ''
      const shown = r.medianMs === 0 && r.extra ? '' : fmt(r.medianMs)
      out.push(
        `| ${r.name}${extra} | ${shown} | ${vs(r.medianMs, r.betterSqliteMs)} | ${vs(r.medianMs, r.sqliteMs)} | ${r.reference ? `${r.reference.label} ${vs(r.medianMs, r.reference.ms)}` : '—'} | ${r.target}${mark(r)} |`
      )
    }
  }
  return out.join('\n')
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sprintlog-bench-'))
  const results: Measurement[] = []
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: process.platform,
    loadAtStart: Math.round((loadavg()[0] ?? 0) * 100) / 100
  }
  const t0 = performance.now()
  console.log(`Sprintlog benchmarks — ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, Node ${machine.node}, load ${machine.loadAtStart}; medians of ${RUNS} runs`)
  console.log(
    SQLITE3
      ? `Beside the sqlite3 shell (${spawnSync('sqlite3', ['-version'], { encoding: 'utf8' }).stdout.split(' ')[0]}) and plain better-sqlite3 (SQLite ${(new Database(':memory:').prepare('SELECT sqlite_version() AS v').get() as { v: string }).v}).`
      : 'No sqlite3 shell found: figures beside plain better-sqlite3 only.'
  )
  try {
    if (FLAT_MEMORY) await benchImportMemory(dir, LARGE_GB, (m) => results.push({ dataset: 'memory', ...m }))
    else {
      if (part('bundle')) bundle(results)
      const sets: [string, Parameters<typeof dataset>[2], string | undefined][] = [
        ['daily10y', { start: '2016-11-22', sessions: 3653, perDay: 1, repsPerSession: null, weightDays: 3653 }, undefined],
        ['large', { start: '1996-01-01', sessions: LARGE, perDay: 9, repsPerSession: 10, weightDays: Math.min(30 * 365, Math.ceil(LARGE / 9)) }, undefined],
        // A million sessions over the same 30 years: 91 a day.
        ...(QUICK ? [] : [['1m', { start: '1996-01-01', sessions: 1_000_000, perDay: 91, repsPerSession: 10, weightDays: 30 * 365 }, '1m'] as [string, Parameters<typeof dataset>[2], string]])
      ]
      // The browser, the bundle and the migration need only the small data set.
      const needsLarge = ONLY === null || ONLY.some((p) => ['start', 'open', 'charts', 'history', 'save', 'csv', 'parsers'].includes(p))
      // The CSV parts are not measured on the million sessions: without the others, that history is not needed.
      const needsMillion = ONLY === null || ONLY.some((p) => ['start', 'open', 'charts', 'history', 'save'].includes(p))
      for (const [name, opts, cache] of sets) {
        if (name !== 'daily10y' && !needsLarge) continue
        if (name === '1m' && !needsMillion) continue
        const d = await dataset(name, dir, opts, cache)
        try {
          await measureDataset(d, dir, results)
        } finally {
          for (const s of ['', '-wal', '-shm']) rmSync(d.dbPath + s, { force: true })
        }
      }
      if (part('import50')) await benchImport50Mb(dir, (m) => results.push({ dataset: '50mb', ...m }))
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  mkdirSync(dirname(OUT), { recursive: true })
  const wallS = Math.round((performance.now() - t0) / 1000)
  writeFileSync(OUT, JSON.stringify({ date: new Date().toISOString(), machine: { ...machine, loadAtEnd: Math.round((loadavg()[0] ?? 0) * 100) / 100 }, quick: QUICK, wallS, results }, null, 2))
  writeFileSync(OUT.replace(/\.json$/, '') + '.md', markdown(results) + '\n')
  console.log(`\nWrote ${OUT} and its tables beside it (.md) (${wallS} s; load ${loadavg()[0]?.toFixed(2)} at the end)`)
}

// The same file is the export and import child of the CSV benchmark (see bench-csv.ts) and the parser child
// (bench-parsers.ts); then it does only that.
if (process.argv[2] !== '--export-child' && process.argv[2] !== '--import-child' && process.argv[2] !== '--parser-child') {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.stack : e)
    process.exit(1)
  })
}
