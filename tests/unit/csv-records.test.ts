import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { CsvScanner, csvParseOptions, CsvSyntaxError, type Delimiter, Irregular, lineBreaks, readRecords, RecordReader } from '../../src/main/services/csv/records'
import { rng } from '../../src/main/tools/synthetic'

/**
 * The import's fast CSV path against csv-parse, the parser of record: on random files, well-formed and not, read in
 * random pieces, the records handed on must be exactly csv-parse's, and a file csv-parse refuses must be refused.
 */

const MAX = 200_000

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T

/** Any text from the pieces CSV is made of, mostly not well formed. */
function anyText(r: () => number): string {
  const pieces = ['a', 'b1', '-3,5', ',', ';', '"', '""', '\r\n', '\n', '\r', ' ', 'é', '中', '😀', '\t']
  let s = r() < 0.1 ? '\uFEFF' : ''
  const n = Math.floor(r() * 40)
  for (let i = 0; i < n; i++) s += pick(r, pieces)
  return s
}

/** A well-formed file: cells quoted when needed (or at random), one kind of line end, maybe no final line end. */
function wellFormed(r: () => number, delimiter: Delimiter): string {
  const eol = pick(r, ['\r\n', '\n'])
  const chars = ['x', 'y', '1', '.', ' ', delimiter, '"', '\r\n', '\n', '\r', 'ü', '中', '😀', '=']
  const rows = Math.floor(r() * 6)
  const lines: string[] = []
  const cell = () => {
    let v = ''
    const len = Math.floor(r() * 6)
    for (let k = 0; k < len; k++) v += pick(r, chars)
    const needs = /["\r\n]/.test(v) || v.includes(delimiter)
    return needs || r() < 0.2 ? `"${v.replace(/"/g, '""')}"` : v
  }
  let prev: string[] = []
  for (let i = 0; i < rows; i++) {
    let cells: string[]
    if (prev.length > 0 && r() < 0.5) {
      // Rows often repeat the row before (as a reps file repeats its session's cells), with one cell changed.
      cells = prev.slice()
      const k = Math.floor(r() * cells.length)
      const before = cells[k] as string
      // Sometimes the same quoted text with more after a doubled quote: it starts like the cell before but is not it.
      if (before.startsWith('"') && r() < 0.3) cells[k] = `${before.slice(0, -1)}""${pick(r, ['', 'x', '""'])}"`
      else if (r() < 0.7) cells[k] = cell()
    } else {
      const width = r() < 0.1 ? 0 : 1 + Math.floor(r() * 5)
      cells = Array.from({ length: width }, cell)
    }
    lines.push(cells.join(delimiter))
    prev = cells
  }
  return (r() < 0.1 ? '\uFEFF' : '') + lines.join(eol) + (rows > 0 && r() < 0.7 ? eol : '')
}

type Outcome = { records: string[][] } | { error: string }

function reference(text: string, delimiter: Delimiter): Outcome {
  try {
    return { records: parse(text, csvParseOptions(delimiter, MAX, true)) as string[][] }
  } catch (e) {
    return { error: (e as { code?: string }).code ?? String(e) }
  }
}

/** The bytes of `text` in pieces cut at random byte offsets (also inside multi-byte characters). */
function pieces(text: string, r: () => number): Buffer[] {
  const bytes = Buffer.from(text, 'utf8')
  const out: Buffer[] = []
  let at = 0
  while (at < bytes.length) {
    const n = 1 + Math.floor(r() * 8)
    out.push(bytes.subarray(at, at + n))
    at += n
  }
  return out
}

async function* from(chunks: Buffer[]): AsyncGenerator<Buffer> {
  for (const c of chunks) yield c
}

async function ours(chunks: Buffer[], delimiter: Delimiter): Promise<{ outcome: Outcome; lines: number[] }> {
  const records: string[][] = []
  const lines: number[] = []
  try {
    await readRecords(from(chunks), 'utf-8', { delimiter, maxRecordChars: MAX }, (cells, n) => {
      records.push(cells)
      lines.push(n)
    })
    return { outcome: { records }, lines }
  } catch (e) {
    if (e instanceof CsvSyntaxError) return { outcome: { error: e.csvError.code }, lines }
    throw e
  }
}

/** The scanner alone: its records, or null when it stopped (Irregular) somewhere. */
function scannerOnly(text: string, delimiter: Delimiter, r: () => number): string[][] | null {
  const records: string[][] = []
  const scanner = new CsvScanner(delimiter, (cells) => records.push(cells))
  try {
    let at = 0
    while (at < text.length) {
      const n = 1 + Math.floor(r() * 6)
      scanner.push(text.slice(at, at + n))
      at += n
    }
    scanner.finish()
    return records
  } catch (e) {
    if (e instanceof Irregular) return null
    throw e
  }
}

describe('reading CSV records', () => {
  it('gives exactly what csv-parse gives, or refuses what it refuses, on random files in random pieces', async () => {
    const r = rng(7)
    let fastWhole = 0
    let fellBack = 0
    let refused = 0
    for (let i = 0; i < 6000; i++) {
      const delimiter: Delimiter = r() < 0.5 ? ',' : ';'
      // Any text; a well-formed file; a well-formed start with anything after it (where the fast path hands over).
      const text = i % 3 === 0 ? anyText(r) : i % 3 === 1 ? wellFormed(r, delimiter) : wellFormed(r, delimiter) + anyText(r).replace('\uFEFF', '')
      const want = reference(text, delimiter)
      const got = await ours(pieces(text, r), delimiter)
      const fast = scannerOnly(text, delimiter, r)
      const context = { text: JSON.stringify(text), delimiter }
      if ('error' in want) {
        refused++
        expect(got.outcome, JSON.stringify(context)).toEqual(want)
        // The fast path never accepts a file csv-parse refuses.
        expect(fast, JSON.stringify(context)).toBeNull()
      } else {
        expect(got.outcome, JSON.stringify(context)).toEqual(want)
        expect(got.lines).toEqual(want.records.map((cells) => 1 + cells.reduce((n, c) => n + lineBreaks(c), 0)))
        if (fast === null) fellBack++
        else {
          fastWhole++
          expect(fast, JSON.stringify(context)).toEqual(want.records)
        }
      }
    }
    // Each way through was taken many times.
    expect(fastWhole).toBeGreaterThan(2000)
    expect(fellBack).toBeGreaterThan(250)
    expect(refused).toBeGreaterThan(2500)
  })

  it('reads the same records when the pieces are pushed synchronously', () => {
    const r = rng(11)
    for (let i = 0; i < 3000; i++) {
      const delimiter: Delimiter = r() < 0.5 ? ',' : ';'
      const text = i % 3 === 0 ? anyText(r) : i % 3 === 1 ? wellFormed(r, delimiter) : wellFormed(r, delimiter) + anyText(r).replace('\uFEFF', '')
      const want = reference(text, delimiter)
      const records: string[][] = []
      let got: Outcome
      try {
        const reader = new RecordReader('utf-8', { delimiter, maxRecordChars: MAX }, (cells) => records.push(cells))
        for (const piece of pieces(text, r)) reader.push(piece)
        reader.end()
        got = { records }
      } catch (e) {
        if (!(e instanceof CsvSyntaxError)) throw e
        got = { error: e.csvError.code }
      }
      expect(got, JSON.stringify({ text, delimiter })).toEqual(want)
    }
  })

  it('reads a quoted cell that begins like the one above it but goes on after a doubled quote', async () => {
    const text = 'a,"ab"\r\nb,"ab""c"\r\nc,"ab"""\r\nd,"ab"\r\n'
    const got = await ours([Buffer.from(text)], ',')
    expect(got.outcome).toEqual({ records: [['a', 'ab'], ['b', 'ab"c'], ['c', 'ab"'], ['d', 'ab']] })
    // On the fast path, in any pieces.
    for (let seed = 1; seed < 20; seed++) expect(scannerOnly(text, ',', rng(seed))).toEqual([['a', 'ab'], ['b', 'ab"c'], ['c', 'ab"'], ['d', 'ab']])
  })

  it('hands csv-parse the rest of the file from the record it stopped at, where any line end ends a record', async () => {
    // LF line ends, then a lone CR and a CRLF outside quotes: each ends a record too (mixed line ends are read).
    const text = 'a,b\n"x\ny",2\nc\rd,3\r\ne,4\n"f\rg",5\n'
    const got = await ours([Buffer.from(text)], ',')
    expect(got.outcome).toEqual({ records: [['a', 'b'], ['x\ny', '2'], ['c'], ['d', '3'], ['e', '4'], ['f\rg', '5']] })
    expect(got.outcome).toEqual(reference(text, ','))
    expect(got.lines).toEqual([1, 2, 1, 1, 1, 2])
  })

  it('reports where csv-parse began, so an error can be placed on its line', async () => {
    const text = 'a,b\r\n1,2\r\n"3,4\r\n'
    let caught: unknown
    await readRecords(from([Buffer.from(`\uFEFF${text}`)]), 'utf-8', { delimiter: ',', maxRecordChars: MAX }, () => {}).catch((e: unknown) => (caught = e))
    expect(caught).toBeInstanceOf(CsvSyntaxError)
    const e = caught as CsvSyntaxError
    expect(e.csvError.code).toBe('CSV_QUOTE_NOT_CLOSED')
    expect(e.fromLine).toBe(3)
    // The byte-order mark (3 bytes) and the two complete lines come before.
    expect(e.fromByte).toBe(3 + Buffer.byteLength('a,b\r\n1,2\r\n'))
  })

  it('reads Windows-1252 text', async () => {
    const records: string[][] = []
    await readRecords(from([Buffer.from([0x6e, 0x6f, 0x74, 0x65, 0x0d, 0x0a, 0x22, 0x63, 0x61, 0x66, 0xe9, 0x20, 0x80, 0x22, 0x0d, 0x0a])]), 'windows-1252', { delimiter: ',', maxRecordChars: MAX }, (c) =>
      records.push(c)
    )
    expect(records).toEqual([['note'], ['café €']])
  })

  it('closes the file when reading stops early', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sprintlog-records-'))
    try {
      const path = join(dir, 'x.csv')
      writeFileSync(path, 'a,b\r\n1,2\r\n'.repeat(100_000))
      const stream = createReadStream(path, { highWaterMark: 1024 })
      const stop = () => {
        throw new Error('stop here')
      }
      await expect(readRecords(stream, 'utf-8', { delimiter: ',', maxRecordChars: MAX }, stop)).rejects.toThrow('stop here')
      expect(stream.destroyed).toBe(true)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('leaves very long records to csv-parse, which applies the import’s limit', async () => {
    const long = `a\n"${'x'.repeat(60_000)}"\n`
    expect(scannerOnly(long, ',', rng(1))).toBeNull()
    const got = await ours([Buffer.from(long)], ',')
    expect(got.outcome).toEqual({ records: [['a'], ['x'.repeat(60_000)]] })
    const tooLong = `a\n"${'x'.repeat(MAX + 10)}\n`
    expect((await ours([Buffer.from(tooLong)], ',')).outcome).toEqual({ error: 'CSV_MAX_RECORD_SIZE' })
  })
})
