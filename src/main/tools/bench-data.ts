/**
 * The benchmark's data sets: generated through the real repositories (synthetic.ts), each either into the
 * run's temporary folder or, for the large ones, once into a cached file under `bench-results/cache/` that the
 * next run copies instead of generating again. A cached file's name carries the schema version and a hash of
 * the generator and its options, so it is generated anew when either changes.
 */
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { openDatabase } from '../db/connection'
import { LATEST_VERSION } from '../db/migrations'
import { derivedColumns } from '../db/repos/sessionWriter'
import { sessionsRepo } from '../db/repos/sessions'
import { generateHistory, type SyntheticOptions } from './synthetic'

export interface Dataset {
  name: string
  /** The database the run measures (a copy of the cached file, when there is one). */
  dbPath: string
  opts: SyntheticOptions
  sessions: number
  reps: number
  weights: number
  sizeMb: number
  /** How long generating it took, in seconds (in an earlier run, when it came from the cache). */
  generatedS: number
  /** The cached file it was copied from, or null when generated into the run's folder. */
  cached: string | null
  /** Milliseconds to copy the cached file into the run's folder (0 when generated there). */
  copyMs: number
}

interface Made {
  sessions: number
  reps: number
  weights: number
  generatedS: number
  generatedAt: string
}

/**
 * The generator's identity: its code (the built functions' text, which changes with the generator and with
 * the writer's code it calls) and its options.
 */
function generatorKey(opts: SyntheticOptions): string {
  const h = createHash('sha256')
  h.update(generateHistory.toString())
  h.update(sessionsRepo.toString())
  h.update(derivedColumns.toString())
  h.update(JSON.stringify(opts))
  return h.digest('hex').slice(0, 10)
}

async function generate(dbPath: string, opts: SyntheticOptions): Promise<Made> {
  for (const s of ['', '-wal', '-shm']) rmSync(dbPath + s, { force: true })
  const t0 = performance.now()
  const gen = await openDatabase({ path: dbPath })
  const counts = generateHistory(gen.db, opts)
  gen.db.pragma('wal_checkpoint(TRUNCATE)')
  gen.db.close()
  return { ...counts, generatedS: (performance.now() - t0) / 1000, generatedAt: new Date().toISOString() }
}

/**
 * The data set `name`: with `cacheName`, from `bench-results/cache/<cacheName>-v<schema>-<hash>.db` (generated
 * there first if it is missing) copied into `dir`; without, generated into `dir`.
 */
export async function dataset(name: string, dir: string, opts: SyntheticOptions, cacheName?: string): Promise<Dataset> {
  const dbPath = join(dir, `${name}.db`)
  let made: Made
  let cached: string | null = null
  let copyMs = 0
  if (cacheName) {
    const cacheDir = join('bench-results', 'cache')
    mkdirSync(cacheDir, { recursive: true })
    cached = join(cacheDir, `${cacheName}-v${LATEST_VERSION}-${generatorKey(opts)}.db`)
    const meta = `${cached}.json`
    if (existsSync(cached) && existsSync(meta)) {
      made = JSON.parse(readFileSync(meta, 'utf8')) as Made
      console.log(`${name}: cached ${cached} (generated in ${made.generatedS.toFixed(1)} s on ${made.generatedAt})`)
    } else {
      console.log(`${name}: generating ${opts.sessions.toLocaleString('en')} sessions into ${cached} (once; later runs copy it)…`)
      // Files of an older schema or generator are of no more use.
      for (const n of readdirSync(cacheDir)) if (n.startsWith(`${cacheName}-v`) && !n.startsWith(basename(cached))) rmSync(join(cacheDir, n), { force: true })
      const partial = `${cached}.partial`
      made = await generate(partial, opts)
      renameSync(partial, cached)
      writeFileSync(meta, JSON.stringify(made, null, 2))
    }
    const t = performance.now()
    copyFileSync(cached, dbPath)
    copyMs = performance.now() - t
  } else {
    made = await generate(dbPath, opts)
  }
  const sizeMb = statSync(dbPath).size / 1e6
  console.log(
    `${name}: ${made.sessions.toLocaleString('en')} sessions, ${made.reps.toLocaleString('en')} reps, ${made.weights.toLocaleString('en')} weights, ${sizeMb.toFixed(0)} MB, generated in ${made.generatedS.toFixed(1)} s${cached ? `, copied from the cache in ${(copyMs / 1000).toFixed(1)} s` : ''}`
  )
  return { name, dbPath, opts, sessions: made.sessions, reps: made.reps, weights: made.weights, sizeMb, generatedS: made.generatedS, cached, copyMs }
}
