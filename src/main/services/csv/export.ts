/**
 * Writing Sprintlog CSV files: rows stream from better-sqlite3 iterators, are encoded by csv-stringify a batch
 * at a time and written to the file batch by batch, so memory stays flat for any number of rows. Plain
 * functions: the repository is injected, no Electron, no HTTP.
 */
import { writeSync } from 'node:fs'
import { open, rename, rm } from 'node:fs/promises'
import { stringify, type Options } from 'csv-stringify/sync'
import { BLOCK_COLUMNS, type CsvKind, HEADERS, planCell, PROTOCOL_COLUMNS, REP_COLUMNS, rowCells, SESSION_COLUMNS, WEIGHT_COLUMNS } from '../../../shared/csv'
import type { ExportRange, ExportRepo } from '../../db/repos/export'

export interface WriteOptions {
  signal?: AbortSignal
  /** Called now and then with the rows written so far by this call. */
  onRows?: (rows: number) => void
}

/**
 * Rows per chunk: read, encoded by one csv-stringify call and written as one piece (about 200 KiB), so the per-row
 * cost is the encoding itself, not a stream write; small enough to keep memory flat. Progress is reported per chunk.
 */
const BATCH_ROWS = 512
/** Distinct reps whose encoded cells are kept for reuse (about 30 MB at most). */
const REP_CACHE = 200_000

/**
 * The CSV dialect: RFC 4180 quoting, CRLF line ends (the byte-order mark and the header row: `csvHeader`). A cell
 * holding any line break — CRLF, a lone LF or a lone CR — is quoted (csv-stringify quotes only the record delimiter
 * itself unless told), so strict readers read one record per row.
 */
const DIALECT: Options = { record_delimiter: 'windows', quote_record_delimiter: true, quote: '"', escape: '"', delimiter: ',' }

/** The first bytes of a file: the UTF-8 byte-order mark and the header row, as csv-stringify writes them. */
export function csvHeader(kind: CsvKind): string {
  return stringify([], { ...DIALECT, bom: true, header: true, columns: [...HEADERS[kind]] })
}

/** Records as CSV lines, each ending with CRLF. */
export function csvLines(records: readonly (readonly string[])[]): string {
  return stringify(records as string[][], { ...DIALECT, eof: true })
}

/**
 * Records as separate CSV lines without their line ends. One csv-stringify call for all of them: its output is cut
 * at the CRLFs, which is exact when there are as many CRLFs as records (a cell with a CRLF in it, quoted, would add
 * one); otherwise each record is encoded on its own.
 */
function csvLineList(records: readonly (readonly string[])[]): string[] {
  const lines = csvLines(records).split('\r\n')
  lines.pop()
  if (lines.length === records.length) return lines
  return records.map((r) => stringify([r as string[]], { ...DIALECT, eof: false }))
}

/**
 * The cell writers of one export, over the stored values the export repository reads. A history repeats the same few
 * plans: each distinct plan's cell is worked out once (a bounded memo, for this export only).
 */
function cellWriter() {
  const plans = new Map<string, string>()
  const plan = (json: string): string => {
    let cell = plans.get(json)
    if (cell === undefined) {
      cell = planCell(json)
      if (plans.size > 1000) plans.clear()
      plans.set(json, cell)
    }
    return cell
  }
  return {
    session: (row: readonly unknown[]) => rowCells(SESSION_COLUMNS, row, plan),
    rep: (row: readonly unknown[]) => rowCells(REP_COLUMNS, row),
    weight: (row: readonly unknown[]) => rowCells(WEIGHT_COLUMNS, row),
    protocol: (row: readonly unknown[]) => rowCells(PROTOCOL_COLUMNS, row, plan),
    block: (row: readonly unknown[]) => rowCells(BLOCK_COLUMNS, row)
  }
}

/**
 * The file's text in chunks of up to BATCH_ROWS rows, after the header. In the reps file every rep repeats its
 * session's 20 cells: those are encoded once per session, and each line is that session's encoded cells, the
 * delimiter and the rep's encoded cells (CSV encodes each cell on its own, so this is the line csv-stringify
 * writes for the whole row).
 */
export function* csvChunks(repo: ExportRepo, kind: CsvKind, range: ExportRange, onRows?: (rows: number) => void): Generator<string> {
  const cells = cellWriter()
  let rows = 0
  let pending = csvHeader(kind)
  const batch: string[][] = []
  const emit = (text: string) => {
    rows += batch.length
    batch.length = 0
    onRows?.(rows)
    return pending + text
  }
  if (kind === 'reps') {
    const headCells: string[][] = []
    /** For each rep in the batch, the index of its session in `headCells`. */
    const headOf: number[] = []
    let last = null
    const repLines = new Map<string, string>()
    /**
     * The reps' encoded cells. A history repeats the same reps over and over (the same work, recovery, intensity …),
     * and the same cells always encode the same: each distinct rep is encoded once, within a bounded cache. (Rep
     * cells are numbers, booleans and fixed words, so joining them with NUL cannot make two different reps one key.)
     */
    const encodeReps = (): string[] => {
      const out: string[] = new Array<string>(batch.length)
      const keys: string[] = []
      const todo: string[][] = []
      const at: number[] = []
      for (let i = 0; i < batch.length; i++) {
        const r = batch[i] as string[]
        const key = r.join('\u0000')
        const line = repLines.get(key)
        if (line !== undefined) out[i] = line
        else {
          keys.push(key)
          todo.push(r)
          at.push(i)
        }
      }
      const lines = csvLineList(todo)
      if (repLines.size + lines.length > REP_CACHE) repLines.clear()
      for (let j = 0; j < lines.length; j++) {
        out[at[j] as number] = lines[j] as string
        repLines.set(keys[j] as string, lines[j] as string)
      }
      return out
    }
    const flush = () => {
      const tails = encodeReps()
      const head = csvLineList(headCells)
      let text = ''
      for (let i = 0; i < tails.length; i++) text += `${head[headOf[i] as number] as string},${tails[i] as string}\r\n`
      headCells.length = 0
      headOf.length = 0
      return emit(text)
    }
    for (const { session, rep } of repo.reps(range)) {
      if (session !== last) {
        headCells.push(cells.session(session))
        last = session
      }
      headOf.push(headCells.length - 1)
      batch.push(cells.rep(rep))
      if (batch.length === BATCH_ROWS) {
        yield flush()
        pending = ''
        // The session may continue into the next batch: its cells are encoded again there.
        last = null
      }
    }
    if (batch.length > 0 || pending !== '') yield flush()
    return
  }
  const records =
    kind === 'sessions'
      ? mapIter(repo.sessions(range), cells.session)
      : kind === 'protocols'
        ? mapIter(repo.protocols(), cells.protocol)
        : kind === 'blocks'
          ? mapIter(repo.blocks(range), cells.block)
          : mapIter(repo.weights(range), cells.weight)
  for (const r of records) {
    batch.push(r)
    if (batch.length === BATCH_ROWS) {
      yield emit(csvLines(batch))
      pending = ''
    }
  }
  if (batch.length > 0 || pending !== '') yield emit(csvLines(batch))
}

function* mapIter<T, U>(items: Iterable<T>, f: (x: T) => U): Generator<U> {
  for (const x of items) yield f(x)
}

/** Chunks written between two turns of the event loop (progress reaches the window, a cancel is seen). */
const YIELD_EVERY = 16

/**
 * Writes one file's CSV to `path` and flushes it to disk; resolves with the number of rows written. Each chunk
 * (about 200 KiB) is written as soon as it is made, with a plain blocking write of well under a millisecond: the
 * chunks are made synchronously anyway, and an asynchronous write per chunk cost a fifth of the export's time in
 * round trips. The event loop runs every YIELD_EVERY chunks.
 */
export async function writeCsvFile(repo: ExportRepo, kind: CsvKind, range: ExportRange, path: string, opts: WriteOptions = {}): Promise<number> {
  let rows = 0
  const onRows = (n: number) => {
    rows = n
    opts.onRows?.(n)
  }
  opts.signal?.throwIfAborted()
  const file = await open(path, 'w')
  try {
    let chunks = 0
    for (const text of csvChunks(repo, kind, range, onRows)) {
      const bytes = Buffer.from(text, 'utf8')
      for (let at = 0; at < bytes.length; ) at += writeSync(file.fd, bytes, at)
      if (++chunks % YIELD_EVERY === 0) {
        await new Promise((resolve) => setImmediate(resolve))
        opts.signal?.throwIfAborted()
      }
    }
    // On disk before it is closed, so the rename that follows never exposes an incomplete file.
    await file.sync()
  } finally {
    await file.close()
  }
  return rows
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
      const rows = await writeCsvFile(repo, t.kind, range, partials[i] as string, { ...opts, onRows: (n) => opts.onRows?.(before + n) })
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
