/**
 * Reading a CSV file's records for the import.
 *
 * csv-parse is the parser of record: whatever it accepts or refuses, and how, is what the import accepts or
 * refuses. It reads about 80,000 rows/s of a reps file here, though, which alone would miss the import's speed
 * target. So a file is first read by `CsvScanner`, a narrow fast path for the well-formed CSV that spreadsheets
 * and Sprintlog itself write (RFC 4180 quoting; one kind of line end, CRLF or LF). At the first record it does
 * not handle with certainty — a stray or unclosed quote, a mixed or lone-CR line end, a very long record — it
 * stops before handing that record on, and csv-parse reads the rest of the file from the start of that record. Records before it are exactly what csv-parse gives for them (a differential
 * test over random files holds the two to it), so the result is always csv-parse's.
 */
import { CsvError, Parser } from 'csv-parse'
import { StringDecoder } from 'node:string_decoder'

export type Delimiter = ',' | ';'

/** A record's cells, and how many physical lines it spans (1, plus the line breaks inside its quoted cells). */
export type OnRecord = (cells: string[], lines: number) => void

/** The fast path cannot read what follows with certainty; csv-parse takes over at `remainder()`. */
export class Irregular extends Error {}

/** Records longer than this (in characters) are left to csv-parse, which enforces the import's own limit. */
const FAST_RECORD_LIMIT = 50_000

const QUOTE = 34
const CR = 13
const LF = 10
const BOM = '\uFEFF'

/** Line breaks inside a cell, counted as a text editor does (CRLF once, a lone CR or LF once each). */
export function lineBreaks(cell: string): number {
  if (cell.indexOf('\n') === -1 && cell.indexOf('\r') === -1) return 0
  let n = 0
  for (let i = 0; i < cell.length; i++) {
    const ch = cell.charCodeAt(i)
    if (ch === LF || (ch === CR && cell.charCodeAt(i + 1) !== LF)) n++
  }
  return n
}

/**
 * The fast path. Text is pushed in pieces of any size; complete records go to `onRecord`. It throws `Irregular`
 * before handing on a record it is not sure of, and `remainder()` is then the text from that record's start.
 */
export class CsvScanner {
  /** `\r\n` or `\n` once the first line end outside quotes is seen. */
  eol: '\r\n' | '\n' | null = null
  private buf = ''
  private started = false
  /** How much of the buffer has been handed on as records. */
  private consumed = 0
  /** For each cell position, the last quoted cell read there: its raw text, value and line breaks. */
  private readonly lastRaw: (string | undefined)[] = []
  private readonly lastValue: (string | undefined)[] = []
  private readonly lastBreaks: (number | undefined)[] = []
  private readonly delim: number
  private readonly delimChar: string

  constructor(
    delimiter: Delimiter,
    private readonly onRecord: OnRecord
  ) {
    this.delimChar = delimiter
    this.delim = delimiter.charCodeAt(0)
  }

  push(text: string): void {
    if (!this.started) {
      text = this.buf + text
      this.buf = ''
      if (text.length === 0) return
      this.started = true
      if (text.charAt(0) === BOM) text = text.slice(1)
    }
    this.buf = this.buf.length === 0 ? text : this.buf + text
    this.scan(false)
  }

  /** The end of the input: the last record may lack its line end. */
  finish(): void {
    this.scan(true)
  }

  /** The text not yet handed on (after `Irregular`: from the start of the record the fast path stopped at). */
  remainder(): string {
    return this.buf
  }

  /**
   * Hands on every complete record in the buffer and keeps the rest. The next quote, delimiter, CR and LF are
   * searched for once and remembered until passed, so the text is scanned once whatever the number of cells.
   */
  private scan(final: boolean): void {
    const buf = this.buf
    const len = buf.length
    const delim = this.delim
    const delimChar = this.delimChar
    this.consumed = 0
    try {
      this.records(buf, len, delim, delimChar, final)
    } finally {
      // After `Irregular`, nothing of the record it stopped at has been handed on: the remainder starts there.
      this.buf = this.consumed === 0 ? buf : buf.slice(this.consumed)
    }
    if (this.buf.length > FAST_RECORD_LIMIT) throw new Irregular('a very long record')
  }

  private records(buf: string, len: number, delim: number, delimChar: string, final: boolean): void {
    // Positions of the next quote, delimiter, CR and LF at or after the current one (`len` when there is none).
    let nq = -1
    let nd = -1
    let ncr = -1
    let nlf = -1
    let pos = 0
    records: while (pos < len) {
      const start = pos
      const cells: string[] = []
      let lines = 1
      let p = start
      for (;;) {
        if (p >= len) {
          // The input ends right after a delimiter.
          if (!final) break records
          cells.push('')
          pos = this.emit(cells, lines, start, len)
          continue records
        }
        if (buf.charCodeAt(p) === QUOTE) {
          // A quoted cell: up to a quote that is not doubled; then a delimiter, a line end or the end of the input.
          const k = cells.length
          const seen = this.lastRaw[k]
          let value: string
          let q: number
          if (seen !== undefined && buf.startsWith(seen, p) && p + seen.length < len && buf.charCodeAt(p + seen.length) !== QUOTE) {
            // The same quoted text as this cell of the record before (a rep repeats its session's plan and notes):
            // the same value, and the same string, which later comparisons find equal at once.
            value = this.lastValue[k] as string
            q = p + seen.length - 1
            lines += this.lastBreaks[k] as number
          } else {
            let from = p + 1
            value = ''
            for (;;) {
              q = buf.indexOf('"', from)
              if (q === -1 || q + 1 >= len) {
                if (!final) break records
                if (q === -1) throw new Irregular('a quote that is never closed')
                break
              }
              if (buf.charCodeAt(q + 1) !== QUOTE) break
              value += buf.slice(from, q + 1)
              from = q + 2
            }
            value = value.length === 0 ? buf.slice(from, q) : value + buf.slice(from, q)
            // Line breaks inside the cell, when a CR or LF comes before its closing quote.
            if (ncr < p) ncr = indexOr(buf, '\r', p, len)
            if (nlf < p) nlf = indexOr(buf, '\n', p, len)
            const breaks = ncr < q || nlf < q ? lineBreaks(value) : 0
            lines += breaks
            this.lastRaw[k] = buf.slice(p, q + 1)
            this.lastValue[k] = value
            this.lastBreaks[k] = breaks
          }
          cells.push(value)
          p = q + 1
          if (p >= len) {
            pos = this.emit(cells, lines, start, len)
            continue records
          }
          if (buf.charCodeAt(p) === delim) {
            p++
            continue
          }
          const after = this.lineEnd(buf, p, len, final)
          if (after === -1) break records
          if (after === 0) throw new Irregular('a closing quote followed by other text')
          pos = this.emit(cells, lines, start, after)
          continue records
        }
        // An unquoted cell: up to the next delimiter or line end, with no quote in it.
        if (nd < p) nd = indexOr(buf, delimChar, p, len)
        if (ncr < p) ncr = indexOr(buf, '\r', p, len)
        if (nlf < p) nlf = indexOr(buf, '\n', p, len)
        const nl = ncr < nlf ? ncr : nlf
        const end = nd < nl ? nd : nl
        if (end === len && !final) break records
        if (nq < p) nq = indexOr(buf, '"', p, len)
        if (nq < end) throw new Irregular('a quote inside an unquoted cell')
        cells.push(buf.slice(p, end))
        if (end === len) {
          pos = this.emit(cells, lines, start, len)
          continue records
        }
        if (end === nd) {
          p = end + 1
          continue
        }
        const after = this.lineEnd(buf, end, len, final)
        if (after === -1) break records
        if (after === 0) throw new Irregular('a line end of another kind')
        pos = this.emit(cells, lines, start, after)
        continue records
      }
    }
  }

  private emit(cells: string[], lines: number, start: number, end: number): number {
    if (end - start > FAST_RECORD_LIMIT) throw new Irregular('a very long record')
    this.onRecord(cells, lines)
    this.consumed = end
    return end
  }

  /**
   * At `p`, a line end of the file's kind: returns the index after it; 0 when the text at `p` is not one (or is a
   * different kind); -1 when more text is needed to tell.
   */
  private lineEnd(buf: string, p: number, len: number, final: boolean): number {
    const c = buf.charCodeAt(p)
    if (c === CR) {
      if (p + 1 >= len) return final ? 0 : -1
      if (buf.charCodeAt(p + 1) !== LF) return 0
      if (this.eol === null) this.eol = '\r\n'
      return this.eol === '\r\n' ? p + 2 : 0
    }
    if (c === LF) {
      if (this.eol === null) this.eol = '\n'
      return this.eol === '\n' ? p + 1 : 0
    }
    return 0
  }
}

function indexOr(buf: string, ch: string, from: number, len: number): number {
  const i = buf.indexOf(ch, from)
  return i === -1 ? len : i
}

/** The options the import reads CSV with. */
export interface RecordOptions {
  delimiter: Delimiter
  /** csv-parse's limit on one record, in characters. */
  maxRecordChars: number
  /** Called after each piece of the file, with the bytes read so far. */
  onBytes?: (bytes: number) => void
  signal?: AbortSignal
}

/** A syntax error found by csv-parse, with where its reading of the file began (its `bytes` count from there). */
export class CsvSyntaxError extends Error {
  constructor(
    readonly csvError: CsvError,
    /** The byte offset in the file where csv-parse began reading. */
    readonly fromByte: number,
    /** The physical line there. */
    readonly fromLine: number
  ) {
    super(csvError.message)
  }
}

/**
 * csv-parse's options. Every kind of line end ends a record outside quotes — CRLF, LF and a lone CR — so a file
 * whose lines end in more than one way (edited by hand on two systems, or joined from two files) is read line by
 * line, not run together into one long row.
 */
export const csvParseOptions = (delimiter: Delimiter, maxRecordChars: number, bom: boolean) => ({
  delimiter,
  relax_column_count: true,
  skip_empty_lines: false,
  bom,
  max_record_size: maxRecordChars,
  record_delimiter: ['\r\n', '\n', '\r']
})

/**
 * csv-parse's chunk API (`Parser#api`, untyped in its declarations): parses a piece of the input synchronously,
 * handing each record to `push`, and returns the syntax error it stopped at, if any (lib/api/index.js).
 */
interface ChunkParser {
  parse(buf: Buffer | undefined, end: boolean, push: (record: string[]) => void, close: () => void): unknown
}

/**
 * A push-based reader of a file's records: byte chunks go in with `push` (UTF-8, or Windows-1252), then `end()`;
 * every record goes to `onRecord` in order, synchronously. Usable from a synchronous loop (`fs.readSync`) and from
 * an async stream alike. Throws `CsvSyntaxError` for a file csv-parse refuses; errors thrown by `onRecord` pass
 * through unchanged.
 */
export class RecordReader {
  private line = 1
  private readonly scanner: CsvScanner
  private readonly counted: OnRecord
  /** csv-parse, once the fast path has handed over (its chunk API, called synchronously as csv-parse/sync does). */
  private parser: ChunkParser | null = null
  private fromByte = 0
  private fromLine = 1
  /** The file's bytes in the text decoded so far. */
  private textBytes = 0
  private readonly decode: (raw: Buffer) => string
  private readonly flush: () => string
  private readonly size: (t: string) => number

  constructor(
    encoding: 'utf-8' | 'windows-1252',
    private readonly opts: Pick<RecordOptions, 'delimiter' | 'maxRecordChars'>,
    onRecord: OnRecord
  ) {
    this.counted = (cells, lines) => {
      onRecord(cells, lines)
      this.line += lines
    }
    this.scanner = new CsvScanner(opts.delimiter, this.counted)
    // UTF-8 through Node's StringDecoder: the whole import runs about a quarter faster on its strings than on
    // TextDecoder's (measured on a 432 MB reps file). It keeps a byte-order mark in the text, for the scanner (or
    // csv-parse) to drop at the start only.
    if (encoding === 'utf-8') {
      const d = new StringDecoder('utf8')
      this.decode = (raw) => d.write(raw)
      this.flush = () => d.end()
      // Valid UTF-8 decodes and encodes back to the same bytes.
      this.size = (t) => Buffer.byteLength(t, 'utf8')
    } else {
      const d = new TextDecoder(encoding)
      this.decode = (raw) => d.decode(raw, { stream: true })
      this.flush = () => d.decode()
      // In Windows-1252 one character is one byte.
      this.size = (t) => t.length
    }
  }

  /** The next bytes of the file. */
  push(raw: Buffer): void {
    this.text(this.decode(raw), false)
  }

  /** The end of the file. */
  end(): void {
    this.text(this.flush(), true)
  }

  private text(t: string, last: boolean): void {
    if (this.parser) {
      this.parse(t, last)
      return
    }
    try {
      this.textBytes += this.size(t)
      this.scanner.push(t)
      if (last) this.scanner.finish()
      return
    } catch (e) {
      if (!(e instanceof Irregular)) throw e
    }
    // csv-parse reads from the record the fast path stopped at to the end of the file.
    const rest = this.scanner.remainder()
    this.fromByte = this.textBytes - this.size(rest)
    this.fromLine = this.line
    this.parser = (new Parser(csvParseOptions(this.opts.delimiter, this.opts.maxRecordChars, false)) as unknown as { api: ChunkParser }).api
    this.parse(rest, last)
  }

  private parse(t: string, last: boolean): void {
    if (t.length === 0 && !last) return
    const err = (this.parser as ChunkParser).parse(
      t.length === 0 ? undefined : Buffer.from(t, 'utf8'),
      last,
      (cells: string[]) => {
        let lines = 1
        for (const c of cells) lines += lineBreaks(c)
        this.counted(cells, lines)
      },
      () => {}
    )
    if (err instanceof CsvError) throw new CsvSyntaxError(err, this.fromByte, this.fromLine)
    if (err !== undefined) throw err
  }
}

/**
 * Reads every record of a file given as byte chunks (UTF-8, or Windows-1252), calling `onRecord` for each in order.
 * Throws `CsvSyntaxError` for a file csv-parse refuses; errors thrown by `onRecord` pass through unchanged.
 */
export async function readRecords(chunks: AsyncIterable<Buffer>, encoding: 'utf-8' | 'windows-1252', opts: RecordOptions, onRecord: OnRecord): Promise<void> {
  const iterator = chunks[Symbol.asyncIterator]()
  try {
    const reader = new RecordReader(encoding, opts, onRecord)
    let bytes = 0
    for (;;) {
      opts.signal?.throwIfAborted()
      const next = await iterator.next()
      if (next.done) break
      const raw: Buffer = next.value
      bytes += raw.length
      opts.onBytes?.(bytes)
      reader.push(raw)
    }
    reader.end()
  } finally {
    // A file left early (a refused header, an error, a cancel) is closed now rather than left open.
    await iterator.return?.()
  }
}
