/**
 * CSV parser figures for `npm run bench`: the reps file read from disk (1 MiB chunks) to records (arrays of
 * strings) by each candidate parser, nothing else done with them. Each run is a child process of its own, so its
 * peak memory is its own; each is set beside the sqlite3 shell's `.import` of the same file into a bare table.
 *
 * A candidate is one entry in PARSERS: a name and a function that streams a file to records.
 */
import { spawnSync } from 'node:child_process'
import { createReadStream, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { fileURLToPath } from 'node:url'
import { parse } from 'csv-parse'
import { exportRepo } from '../db/repos/export'
import { openReader } from '../db/reader'
import { exportFiles } from '../services/csv/export'
import { readRecords } from '../services/csv/records'
import { type Ctx, median, shellImportMs } from './bench-csv'

/**
 * Called once per record with its cells. (A record's line is counted from its cells, as `readRecords` does: csv-parse's
 * `info.lines` is the line a record ends on, and counts a CRLF inside a quoted cell as two lines.)
 */
type OnRecord = (cells: string[], line?: number) => void

/** Reading pieces: what the import reads a file with. */
const CHUNK = 1 << 20

const chunks = (path: string) => createReadStream(path, { highWaterMark: CHUNK })

const sink = (f: (x: unknown) => void) =>
  new Writable({
    objectMode: true,
    highWaterMark: 256,
    write(x: unknown, _enc, cb) {
      f(x)
      cb()
    }
  })

export const PARSERS: Record<string, (path: string, onRecord: OnRecord) => Promise<void>> = {
  /** Today's import path: the CsvScanner fast path, handing irregular input to csv-parse. */
  'CsvScanner (readRecords)': async (path, onRecord) => {
    let line = 1
    await readRecords(chunks(path), 'utf-8', { delimiter: ',', maxRecordChars: 1 << 20 }, (cells, lines) => {
      onRecord(cells, line)
      line += lines
    })
  },
  'csv-parse': (path, onRecord) => pipeline(chunks(path), parse({ bom: true, relax_column_count: true }), sink((r) => onRecord(r as string[])))
}

/** Run in a child process: reads `csv` with one parser and prints rows, cells, ms and peak RSS as JSON. */
export async function parserChild(name: string, csv: string): Promise<void> {
  const read = PARSERS[name]
  if (!read) throw new Error(`no parser named ${name}`)
  let rows = 0
  let cells = 0
  const t = performance.now()
  await read(csv, (r) => {
    rows++
    cells += r.length
  })
  const ms = performance.now() - t
  process.stdout.write(JSON.stringify({ rows, cells, ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }))
}

export async function benchParsers(ctx: Omit<Ctx, 'backend'>): Promise<void> {
  const self = fileURLToPath(import.meta.url)
  const csv = join(ctx.dir, `${ctx.name}-parsers-reps.csv`)
  const reader = openReader(ctx.dbPath)
  try {
    await exportFiles(exportRepo(reader), [{ kind: 'reps', path: csv }], {})
  } finally {
    reader.close()
  }
  const sizeMb = statSync(csv).size / 1e6

  // The sqlite3 shell's import of the same file into a bare table (process start-up included: a few ms).
  const shell: number[] = []
  for (let i = 0; i < ctx.runs; i++) {
    const ms = shellImportMs(csv, join(ctx.dir, `${ctx.name}-shell-import.db`))
    if (ms !== null) shell.push(ms)
  }
  const shellMs = shell.length ? median(shell) : null

  let expected: number | null = null
  for (const name of Object.keys(PARSERS)) {
    const runs: { rows: number; cells: number; ms: number; maxRssMb: number }[] = []
    for (let i = 0; i < ctx.runs; i++) {
      const r = spawnSync(process.execPath, [self, '--parser-child', name, csv], { encoding: 'utf8', maxBuffer: 1 << 20 })
      if (r.status !== 0) throw new Error(`parser child (${name}) failed: ${r.stderr}`)
      runs.push(JSON.parse(r.stdout))
    }
    const rows = runs[0]?.rows ?? 0
    // Every parser must read the same records from a well-formed file.
    expected ??= runs[0]?.cells ?? 0
    if (runs.some((r) => r.cells !== expected)) throw new Error(`parser ${name} read ${runs[0]?.cells} cells, not ${expected}`)
    const ms = median(runs.map((r) => r.ms))
    ctx.add({
      name: `CSV read: ${name} (${rows.toLocaleString('en')} rows, ${sizeMb.toFixed(0)} MB)`,
      medianMs: ms,
      runs: ctx.runs,
      sqliteMs: shellMs,
      target: '≤ 1.25 × sqlite3 .import, flat memory',
      extra: { rowsPerSecond: Math.round(rows / (ms / 1000)), peakRssMb: Math.round(Math.max(...runs.map((r) => r.maxRssMb))) }
    })
  }
  rmSync(csv, { force: true })
}

if (process.argv[2] === '--parser-child') {
  parserChild(process.argv[3] as string, process.argv[4] as string).catch((e: unknown) => {
    console.error(e)
    process.exit(1)
  })
}
