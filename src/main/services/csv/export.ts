/**
 * Writing Sprintlog CSV files: rows stream from a better-sqlite3 iterator through csv-stringify into any
 * Writable (a file, an HTTP response), with backpressure, so memory stays flat for any number of rows.
 * Plain functions: the repository is injected, no Electron, no HTTP.
 */
import { createWriteStream } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { Readable, Transform, type Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { stringify } from 'csv-stringify'
import { createCellWriter, type CsvKind, HEADERS } from '../../../shared/csv'
import type { ExportRange, ExportRepo } from '../../db/repos/export'

export interface WriteOptions {
  signal?: AbortSignal
  /** Called now and then with the rows written so far by this call. */
  onRows?: (rows: number) => void
}

/** How often progress is reported, in rows. */
const PROGRESS_EVERY = 2048

/** The CSV dialect: RFC 4180 quoting, CRLF line ends, UTF-8 with a byte-order mark, a header row. */
export function csvWriter(kind: CsvKind) {
  return stringify({ bom: true, header: true, columns: [...HEADERS[kind]], record_delimiter: 'windows', quote: '"', escape: '"' })
}

/** The rows of one file as arrays of cells, read lazily from the repository. */
export function* csvRecords(repo: ExportRepo, kind: CsvKind, range: ExportRange, onRow?: () => void): Generator<string[]> {
  const cells = createCellWriter()
  if (kind === 'sessions') {
    for (const s of repo.sessions(range)) {
      onRow?.()
      yield cells.session(s)
    }
  } else if (kind === 'reps') {
    let last = null
    let head: string[] = []
    for (const { session, rep } of repo.reps(range)) {
      if (session !== last) {
        head = cells.session(session)
        last = session
      }
      onRow?.()
      yield head.concat(cells.rep(rep))
    }
  } else {
    for (const w of repo.weights(range)) {
      onRow?.()
      yield cells.weight(w)
    }
  }
}

/** Streams one file's CSV into `out` and ends it; resolves with the number of rows written. */
export async function writeCsv(repo: ExportRepo, kind: CsvKind, range: ExportRange, out: Writable, opts: WriteOptions = {}): Promise<number> {
  let rows = 0
  const onRow = () => {
    rows++
    if (rows % PROGRESS_EVERY === 0) opts.onRows?.(rows)
  }
  await pipeline(Readable.from(csvRecords(repo, kind, range, onRow)), csvWriter(kind), coalesce(), out, opts.signal ? { signal: opts.signal } : {})
  opts.onRows?.(rows)
  return rows
}

/** Joins the writer's one-chunk-per-row output into 64 KiB chunks: far fewer writes for the file or socket. */
function coalesce(size = 64 * 1024): Transform {
  let parts: Buffer[] = []
  let length = 0
  const take = () => {
    const joined = Buffer.concat(parts, length)
    parts = []
    length = 0
    return joined
  }
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      parts.push(chunk)
      length += chunk.length
      if (length < size) cb()
      else cb(null, take())
    },
    flush(cb) {
      cb(null, parts.length ? take() : undefined)
    }
  })
}

export interface FileTarget {
  kind: CsvKind
  /** The final path; the file is written as `path.partial` and renamed once complete. */
  path: string
}

export interface WrittenFile extends FileTarget {
  rows: number
}

/**
 * Writes each target file from one consistent snapshot of the database. Every file is written under
 * `name.partial`, flushed to disk and renamed only when all are complete; on cancellation or any error the
 * partial files are deleted, so no half-written file is ever left under a chosen name.
 */
export async function exportFiles(
  repo: ExportRepo,
  targets: readonly FileTarget[],
  range: ExportRange,
  opts: WriteOptions & { onTotal?: (rows: number) => void } = {}
): Promise<WrittenFile[]> {
  const partials = targets.map((t) => `${t.path}.partial`)
  const written: WrittenFile[] = []
  let before = 0
  repo.begin()
  try {
    opts.onTotal?.(countRows(repo, targets.map((t) => t.kind), range))
    for (const [i, t] of targets.entries()) {
      // `flush`: the file is fsynced before it is closed, so the rename below never exposes an incomplete file.
      const out = createWriteStream(partials[i] as string, { flush: true })
      const rows = await writeCsv(repo, t.kind, range, out, { ...opts, onRows: (n) => opts.onRows?.(before + n) })
      written.push({ ...t, rows })
      before += rows
    }
    repo.end()
    for (const [i, t] of targets.entries()) await rename(partials[i] as string, t.path)
    return written
  } catch (e) {
    repo.end()
    await Promise.all(partials.map((p) => rm(p, { force: true })))
    throw e
  }
}

/** Rows the files will hold, for a determinate progress bar (inside the export's snapshot when called after `begin`). */
export function countRows(repo: ExportRepo, kinds: readonly CsvKind[], range: ExportRange): number {
  return kinds.reduce((n, k) => n + repo.count(k, range), 0)
}
