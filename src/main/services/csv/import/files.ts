/**
 * What the import learns of a file before reading its rows (its encoding, SHA-256 and delimiter), how it words a
 * syntax error at the line a text editor shows, and the small helpers its messages share. Plain functions.
 */
import { english, type Msg, msg, msgOf, type Params, worded } from '../../../../shared/i18n/message'
import type { CellIssue } from '../../../../shared/csv/cells'
import { isUtf8 } from 'node:buffer'
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { COLUMNS, type ImportedSession, type ImportedWeight } from '../../../../shared/csv'
import type { CsvSyntaxError } from '../records'

/** A row longer than this is almost certainly an unclosed quote swallowing the rest of the file. */
export const MAX_RECORD_CHARS = 200_000

export async function peek(path: string, bytes = 64 * 1024): Promise<Uint8Array> {
  const fh = await open(path, 'r')
  try {
    const buf = Buffer.alloc(bytes)
    const { bytesRead } = await fh.read(buf, 0, bytes, 0)
    return buf.subarray(0, bytesRead)
  } finally {
    await fh.close()
  }
}

/**
 * Whether the whole file is valid UTF-8 (with Node's native check; fast on any size), and the SHA-256 of its bytes,
 * by which the commit knows the file is still the one previewed: one quick pass before parsing.
 */
export async function fileFacts(path: string, signal?: AbortSignal): Promise<{ utf8: boolean; digest: string }> {
  let carry: Buffer | null = null
  let utf8 = true
  const hash = createHash('sha256')
  for await (const raw of createReadStream(path, { highWaterMark: 1 << 20, ...(signal ? { signal } : {}) })) {
    hash.update(raw as Buffer)
    if (!utf8) continue
    const chunk: Buffer = carry ? Buffer.concat([carry, raw as Buffer]) : (raw as Buffer)
    // A character cut in two by the chunk boundary is checked whole, with the next chunk.
    const cut = completeUtf8Length(chunk)
    if (!isUtf8(chunk.subarray(0, cut))) utf8 = false
    carry = cut < chunk.length ? Buffer.from(chunk.subarray(cut)) : null
  }
  // A sequence the file ends in the middle of is not UTF-8.
  return { utf8: utf8 && carry === null, digest: hash.digest('hex') }
}

/** What is wrong with a file that is not valid UTF-8: where its first invalid byte is, and whether the rest reads as UTF-8. */
export interface Utf8Damage {
  /** The line (as a text editor counts them) of the first byte that is not UTF-8, and that byte. */
  line: number
  byte: number
  /** Characters of two to four bytes read as valid UTF-8: when there are any, the file is UTF-8 text with damage in it. */
  multiByte: number
}

/**
 * Reads a file that failed the UTF-8 check byte by byte (only then: a slow pass) for the first byte that is not
 * UTF-8 and the number of valid multi-byte characters. A Windows-1252 file has its accented letters as single bytes,
 * which are never valid UTF-8 sequences; a UTF-8 file with one stray byte has many valid ones.
 */
export async function utf8Damage(path: string): Promise<Utf8Damage> {
  let line = 1
  let lastCr = false
  let first: { line: number; byte: number } | null = null
  let multiByte = 0
  /** Continuation bytes still expected, and the bounds of the next one (for overlong forms and surrogates). */
  let need = 0
  let lo = 0x80
  let hi = 0xbf
  /** The first byte of the character being read, and its line. */
  let lead = { line: 1, byte: 0 }
  const bad = (at: { line: number; byte: number }) => {
    if (first === null) first = at
  }
  for await (const raw of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const chunk = raw as Buffer
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i] as number
      if (need > 0) {
        if (b >= lo && b <= hi) {
          lo = 0x80
          hi = 0xbf
          if (--need === 0) multiByte++
          continue
        }
        // A lead byte without its continuation bytes: the lead byte is the one that is not UTF-8.
        bad(lead)
        need = 0
        lo = 0x80
        hi = 0xbf
        // The byte that broke the sequence is read again as the start of the next character.
      }
      if (b === 10) {
        if (!lastCr) line++
        lastCr = false
        continue
      }
      lastCr = b === 13
      if (lastCr) line++
      if (b < 0x80) continue
      lead = { line, byte: b }
      if (b >= 0xc2 && b <= 0xdf) need = 1
      else if (b >= 0xe0 && b <= 0xef) {
        need = 2
        if (b === 0xe0) lo = 0xa0
        else if (b === 0xed) hi = 0x9f
      } else if (b >= 0xf0 && b <= 0xf4) {
        need = 3
        if (b === 0xf0) lo = 0x90
        else if (b === 0xf4) hi = 0x8f
      } else bad(lead)
    }
  }
  if (need > 0) bad({ line: lead.line, byte: -1 })
  const at = (first as { line: number; byte: number } | null) ?? { line, byte: -1 }
  return { ...at, multiByte }
}

/** A file that starts with a UTF-16 byte-order mark (little- or big-endian). */
export function isUtf16(head: Uint8Array): boolean {
  return head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))
}

/** The length of `b` without its last character when that may be incomplete (a lead byte with fewer than its continuation bytes). */
function completeUtf8Length(b: Uint8Array): number {
  for (let i = b.length - 1; i >= Math.max(0, b.length - 3); i--) {
    const x = b[i] as number
    if ((x & 0xc0) === 0x80) continue
    if (x < 0xc0) return b.length
    const need = x >= 0xf0 ? 4 : x >= 0xe0 ? 3 : 2
    return b.length - i >= need ? b.length : i
  }
  return b.length
}

const KNOWN = new Set(Object.values(COLUMNS).flatMap((cs) => cs.map((c) => c.name)))

/** `;` when the header row names Sprintlog columns separated by semicolons (European spreadsheets), else `,`. */
export function detectDelimiter(text: string): ',' | ';' {
  const first = (text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/, 1)[0] ?? '').toLowerCase()
  const known = (sep: string) => first.split(sep).filter((c) => KNOWN.has(c.trim().replace(/^"(.*)"$/, '$1'))).length
  return known(';') > known(',') ? ';' : ','
}

/**
 * The line of a syntax error. csv-parse reports the byte offset of the record it was reading, counted from where it
 * began reading the file; counting the line breaks between there and the offset gives the line a text editor shows.
 * (Records before the error may still have been in flight between the streams, so our own count can lag behind.)
 */
export async function csvErrorLine(e: CsvSyntaxError, path: string, encoding: string, fallback: number): Promise<number> {
  const offset = typeof e.csvError.bytes === 'number' ? e.csvError.bytes : undefined
  if (offset === undefined) return fallback
  let line = e.fromLine
  let seen = 0
  let lastCr = false
  const decoder = encoding === 'utf-8' ? null : new TextDecoder(encoding)
  for await (const raw of createReadStream(path, { highWaterMark: 1 << 20, start: e.fromByte })) {
    let chunk = raw as Buffer
    // csv-parse counts the bytes of the text as UTF-8, whatever the file's encoding.
    if (decoder) chunk = Buffer.from(decoder.decode(chunk, { stream: true }), 'utf8')
    for (let i = 0; i < chunk.length && seen < offset; i++, seen++) {
      const b = chunk[i]
      if (b === 10) {
        if (!lastCr) line++
        lastCr = false
      } else if (b === 13) {
        line++
        lastCr = true
      } else lastCr = false
    }
    if (seen >= offset) break
  }
  return line
}

export function csvErrorMessage(e: CsvSyntaxError['csvError']): Msg {
  switch (e.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return { key: 'csvQuoteNotClosed' }
    case 'CSV_MAX_RECORD_SIZE':
      return { key: 'csvRecordTooLong', params: { max: MAX_RECORD_CHARS } }
    case 'CSV_INVALID_CLOSING_QUOTE':
      return { key: 'csvClosingQuote' }
    case 'INVALID_OPENING_QUOTE':
      return { key: 'csvQuoteInCell' }
    default:
      return { key: 'csvSyntax', params: { detail: e.message } }
  }
}

/**
 * A copy of a string that does not keep alive the text it was cut from. Cells are slices of the file's text, read
 * in pieces of 1 MiB; a value kept until the import ends (a session's UUID, dates, notes …) would otherwise keep its
 * whole piece, and so in the end the whole file, in memory — and the garbage collector going over it again and again.
 */
export const own = (s: string): string => (s.length < 13 ? s : ` ${s}`.slice(1))
export const ownOrNull = (s: string | null): string | null => (s === null ? null : own(s))

export function ownSession(x: ImportedSession): ImportedSession {
  return {
    ...x,
    uuid: own(x.uuid),
    protocolUuid: ownOrNull(x.protocolUuid),
    protocolName: ownOrNull(x.protocolName),
    date: own(x.date),
    startTime: ownOrNull(x.startTime),
    notes: own(x.notes),
    createdAt: own(x.createdAt),
    updatedAt: own(x.updatedAt),
    source: x.source && { fileName: own(x.source.fileName), device: ownOrNull(x.source.device), format: x.source.format, sha256: own(x.source.sha256) }
  }
}

export function ownWeight(x: ImportedWeight): ImportedWeight {
  return { ...x, uuid: own(x.uuid), date: own(x.date), note: own(x.note), createdAt: own(x.createdAt), updatedAt: own(x.updatedAt) }
}

export const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s).replace(/\s+/g, ' ')
/** The line describing a record in the preview: its message, worded by the renderer, and its English wording. */
export const described = (key: string, params?: Params): { summary: string; summaryMsg: Msg } => {
  const m = msg(key, params)
  return { summary: english(m), summaryMsg: m }
}
/** A sample row's message: its first problem, after the column it is in. */
export const columnMsg = (column: string, m: Msg): Msg => ({ key: 'csvColumnIssue', params: { column, reason: m } })
export const firstIssue = (issues: readonly CellIssue[]): { message: string; key: string; params?: Params } | Record<string, never> =>
  issues[0] ? worded(columnMsg(issues[0].column, msgOf(issues[0]))) : {}
export const where = (at: { file: string; line: number }, file: string): Msg =>
  at.file === file ? { key: 'csvLine', params: { line: String(at.line) } } : { key: 'csvLineOf', params: { line: String(at.line), file: at.file } }

