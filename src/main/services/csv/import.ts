/**
 * Reading Sprintlog CSV files back: `readImport` parses every row (records.ts: csv-parse's reading, with a checked
 * fast path for well-formed files), validates it (the shared zod schemas, with checked fast paths) and plans what
 * would be added, without writing anything; `commitImport` writes that plan in one transaction. Plain functions:
 * the repository is injected, no Electron, no HTTP.
 */
import { isUtf8 } from 'node:buffer'
import { open, stat } from 'node:fs/promises'
import { createReadStream } from 'node:fs'
import {
  COLUMNS,
  differingSessionColumn,
  type CsvKind,
  type HeaderInfo,
  type ImportCounts,
  type ImportedSession,
  type ImportedWeight,
  type ImportFileSummary,
  type ImportLineError,
  type ImportPreview,
  type ImportSampleRow,
  type NumberStyle,
  readHeader,
  readRep,
  readSession,
  readWeight,
  sessionCells
} from '../../../shared/csv'
import { protocolFields } from '../../../shared/schemas'
import type { Rep, RepeatGroup } from '../../../shared/training'
import type { Db } from '../../db/connection'
import type { ImportedProtocol, ImportRepo } from '../../db/repos/import'
import { CsvSyntaxError, readRecords } from './records'

export interface ImportSource {
  /** Shown in messages (the file's own name). */
  name: string
  path: string
}

export interface PlannedSession {
  session: ImportedSession
  reps: Rep[]
}

/** Everything a confirmed import writes, and the preview shown before. */
export interface ImportPlan {
  preview: ImportPreview
  protocols: ImportedProtocol[]
  sessions: PlannedSession[]
  weights: ImportedWeight[]
}

export interface ReadOptions {
  signal?: AbortSignal
  /** Called as the files are read, with the bytes read so far over all files. */
  onBytes?: (bytes: number) => void
}

/** Errors listed in the preview; all of them are counted. */
const MAX_LISTED_ERRORS = 300
const MAX_SAMPLE = 100
/** A row longer than this is almost certainly an unclosed quote swallowing the rest of the file. */
const MAX_RECORD_CHARS = 200_000
const MAX_REPS = 100

type Lookups = Pick<ImportRepo, 'hasSession' | 'hasWeight' | 'protocolId'>

interface Group {
  file: string
  line: number
  /** The session cells of its first row (`sessionCells`): every rep of the session must repeat them. */
  cells: string[]
  session: ImportedSession | null
  /** The session's reps as read, with their rep_number and line (three arrays: a million reps are not a million more objects). */
  reps: Rep[]
  positions: number[]
  lines: number[]
  present: boolean
  bad: boolean
}

/** Thrown to stop reading a file whose header (or syntax) makes the rest meaningless. */
class StopFile extends Error {}

/** Reads the files, validates every row and plans the import. Writes nothing. */
export async function readImport(sources: readonly ImportSource[], repo: Lookups, opts: ReadOptions = {}): Promise<ImportPlan> {
  const errors: ImportLineError[] = []
  let errorCount = 0
  const warnings: string[] = []
  const sample: (ImportSampleRow & { uuid?: string })[] = []
  const files: ImportFileSummary[] = []

  const groups = new Map<string, Group>()
  /** Sessions-file rows: present ones count as present; new ones must be brought by a reps file. */
  const sessionRows = new Map<string, { file: string; line: number; present: boolean }>()
  const weightLines = new Map<string, { file: string; line: number }>()
  const weights: ImportedWeight[] = []
  let presentWeights = 0

  const error = (file: string, line: number, message: string, column?: string) => {
    errorCount++
    if (errors.length < MAX_LISTED_ERRORS) errors.push(column ? { file, line, column, message } : { file, line, message })
  }
  const addSample = (row: ImportSampleRow & { uuid?: string }) => {
    if (sample.length < MAX_SAMPLE) sample.push(row)
  }

  let bytesBefore = 0
  for (const src of sources) {
    const size = (await stat(src.path)).size
    const summary = await readFile(src, size)
    files.push(summary)
    bytesBefore += size
    opts.onBytes?.(bytesBefore)
  }

  async function readFile(src: ImportSource, size: number): Promise<ImportFileSummary> {
    const file = src.name
    const head = await peek(src.path)
    const encoding = (await isUtf8File(src.path, opts.signal)) ? 'utf-8' : 'windows-1252'
    const text = new TextDecoder(encoding).decode(head)
    const delimiter = detectDelimiter(text)
    const summary: ImportFileSummary = { name: file, kind: null, rows: 0, delimiter, decimalComma: delimiter === ';', encoding }
    if (encoding !== 'utf-8') warnings.push(`${file}: not UTF-8 text; read as Windows-1252 (Latin-1). Check accented letters in the preview.`)
    if (size === 0 || text.replace(/^\uFEFF/, '').trim() === '') {
      error(file, 1, 'The file is empty: a Sprintlog CSV file starts with a header row naming its columns.')
      return summary
    }
    const style: NumberStyle = { decimalComma: delimiter === ';' }

    let header: HeaderInfo | null = null
    let width = 0
    /** The physical line (as a text editor counts them) where the next record starts. */
    let line = 1

    const onRecord = (cells: string[], lines: number) => {
      const at = line
      line += lines
      // Blank lines are skipped (read as one empty cell so that the line count stays exact).
      if (cells.length === 1 && (cells[0] as string).trim() === '') return

      if (header === null) {
        const h = readHeader(cells)
        if (!h.ok) {
          error(file, at, h.message)
          throw new StopFile()
        }
        header = h.header
        width = cells.length
        summary.kind = header.kind
        if (header.unknown.length > 0) {
          warnings.push(`${file}: ignored the column${header.unknown.length > 1 ? 's' : ''} ${header.unknown.map((n) => `“${n}”`).join(', ')}, which Sprintlog does not use.`)
        }
        return
      }
      summary.rows++
      if (cells.length !== width) {
        error(file, at, `This row has ${cells.length} cell${cells.length === 1 ? '' : 's'}, the header has ${width}.`)
        return
      }
      if (header.kind === 'weights') onWeight(file, at, header, cells, style)
      else if (header.kind === 'reps') onRep(file, at, header, cells, style)
      else onSessionRow(file, at, header, cells, style)
    }

    try {
      const chunks = createReadStream(src.path, { highWaterMark: 1 << 20, ...(opts.signal ? { signal: opts.signal } : {}) })
      await readRecords(chunks, encoding, { delimiter, maxRecordChars: MAX_RECORD_CHARS, onBytes: (n) => opts.onBytes?.(bytesBefore + n), ...(opts.signal ? { signal: opts.signal } : {}) }, onRecord)
    } catch (e) {
      if (opts.signal?.aborted) throw e
      if (e instanceof StopFile) return summary
      if (e instanceof CsvSyntaxError) {
        error(file, await csvErrorLine(e, src.path, encoding, line), csvErrorMessage(e.csvError))
        return summary
      }
      throw e
    }
    if (header === null) error(file, 1, 'The file has no header row.')
    else if (summary.rows === 0) warnings.push(`${file}: the file has a header but no rows.`)
    return summary
  }

  function onWeight(file: string, line: number, header: HeaderInfo, cells: string[], style: NumberStyle) {
    const r = readWeight(header, cells, style)
    if (!r.ok) {
      for (const i of r.issues) error(file, line, i.message, i.column)
      addSample({ file, line, kind: 'weights', date: cells[header.index.date ?? -1] ?? '', summary: 'Body weight', status: 'error', message: firstIssue(r.issues) })
      return
    }
    const w = ownWeight(r.value)
    const seen = weightLines.get(w.uuid)
    if (seen) {
      error(file, line, `weight_uuid ${w.uuid} appears twice (also ${where(seen, file)}).`, 'weight_uuid')
      return
    }
    weightLines.set(w.uuid, { file, line })
    const present = repo.hasWeight(w.uuid)
    if (present) presentWeights++
    else weights.push(w)
    addSample({ file, line, kind: 'weights', date: w.date, summary: `Body weight ${w.kg} kg${w.note ? ` · ${clip(w.note)}` : ''}`, status: present ? 'present' : 'add' })
  }

  function onRep(file: string, line: number, header: HeaderInfo, cells: string[], style: NumberStyle) {
    const uuidCell = (cells[header.index.session_uuid ?? -1] ?? '').trim().toLowerCase()
    let g = groups.get(uuidCell)
    if (g === undefined) {
      const s = readSession(header, cells, style)
      g = { file, line, cells: sessionCells(header, cells).map(own), session: s.ok ? ownSession(s.value) : null, reps: [], positions: [], lines: [], present: false, bad: !s.ok }
      if (s.ok) {
        g.present = repo.hasSession(s.value.uuid)
        groups.set(s.value.uuid, g)
      } else {
        for (const i of s.issues) error(file, line, i.message, i.column)
        // Later rows of the same broken session would repeat the same errors: group them under the raw cell.
        if (uuidCell !== '') groups.set(uuidCell, g)
      }
    } else {
      const column = differingSessionColumn(header, g.cells, cells)
      if (column !== null) {
        error(file, line, `The session columns of this rep differ from ${where(g, file)}, an earlier rep of the same session.`, column)
        g.bad = true
        return
      }
    }
    const r = readRep(header, cells, style)
    const date = g.session?.date ?? ''
    if (!r.ok) {
      for (const i of r.issues) error(file, line, i.message, i.column)
      g.bad = true
      addSample({ file, line, kind: 'reps', date, summary: 'Rep', status: 'error', message: firstIssue(r.issues) })
      return
    }
    g.reps.push(r.value.rep)
    g.positions.push(r.value.position)
    g.lines.push(line)
    if (sample.length < MAX_SAMPLE) {
      const rp = r.value.rep
      addSample({
        file,
        line,
        kind: 'reps',
        date,
        summary: `Rep ${r.value.position} · ${rp.workSeconds} s ${rp.intensity}${rp.completed ? '' : ' (abandoned)'}${g.session?.protocolName ? ` · ${clip(g.session.protocolName)}` : ''}`,
        status: g.bad ? 'error' : g.present ? 'present' : 'add'
      })
    }
  }

  function onSessionRow(file: string, line: number, header: HeaderInfo, cells: string[], style: NumberStyle) {
    const s = readSession(header, cells, style)
    if (!s.ok) {
      for (const i of s.issues) error(file, line, i.message, i.column)
      addSample({ file, line, kind: 'sessions', date: cells[header.index.date ?? -1] ?? '', summary: 'Session', status: 'error', message: firstIssue(s.issues) })
      return
    }
    const uuid = own(s.value.uuid)
    const seen = sessionRows.get(uuid)
    if (seen) {
      error(file, line, `session_uuid ${uuid} appears twice (also ${where(seen, file)}).`, 'session_uuid')
      return
    }
    const present = repo.hasSession(uuid)
    sessionRows.set(uuid, { file, line, present })
    addSample({
      file,
      line,
      uuid,
      kind: 'sessions',
      date: s.value.date,
      summary: `Session${s.value.protocolName ? ` · ${clip(s.value.protocolName)}` : ' · free-form'}`,
      status: present ? 'present' : 'add'
    })
  }

  // ---- Plan -------------------------------------------------------------------------------------------------
  const planned: PlannedSession[] = []
  const newProtocols = new Map<string, ImportedProtocol>()
  const protocolsHere = new Map<string, boolean>()
  const knownProtocol = (uuid: string) => {
    let known = protocolsHere.get(uuid)
    if (known === undefined) protocolsHere.set(uuid, (known = repo.protocolId(uuid) !== undefined))
    return known
  }
  const presentSessions = new Set<string>()
  let presentReps = 0
  for (const [uuid, g] of groups) {
    if (g.session === null || g.bad) continue
    if (g.present) {
      presentSessions.add(uuid)
      presentReps += g.reps.length
      continue
    }
    // In rep_number order (files list them in order; sorted when one does not).
    const inOrder = g.positions.every((n, i) => i === 0 || n > (g.positions[i - 1] as number))
    const order = inOrder ? null : g.positions.map((_, k) => k).sort((a, b) => (g.positions[a] as number) - (g.positions[b] as number))
    const reps = order ? order.map((k) => g.reps[k] as Rep) : g.reps
    const positions = order ? order.map((k) => g.positions[k] as number) : g.positions
    const lines = order ? order.map((k) => g.lines[k] as number) : g.lines
    let ok = true
    for (let i = 1; i < positions.length; i++) {
      if (positions[i] === positions[i - 1]) {
        const a = lines[i - 1] as number
        const b = lines[i] as number
        error(g.file, Math.max(a, b), `rep_number ${positions[i]} appears twice for session ${uuid} (lines ${Math.min(a, b)} and ${Math.max(a, b)}).`, 'rep_number')
        ok = false
      }
    }
    if (reps.length > MAX_REPS) {
      error(g.file, g.line, `Session ${uuid} has ${reps.length} reps; a session has at most ${MAX_REPS}.`)
      ok = false
    }
    const s = g.session
    if (ok && s.protocolUuid !== null && !knownProtocol(s.protocolUuid) && !newProtocols.has(s.protocolUuid)) {
      const name = (s.protocolName ?? '').trim()
      const p = protocolFields.safeParse({
        name,
        description: 'Recreated from an imported CSV file, with the plan of the first imported session that followed it.',
        terrain: (s.plan ?? []).some((x) => x.hill) || reps.some((r) => r.hill) ? 'hill' : 'flat',
        groups: s.plan ?? groupsFromReps(reps)
      })
      if (!p.success) {
        const message =
          name === ''
            ? `The protocol ${s.protocolUuid} is not in Sprintlog; its name is needed to recreate it.`
            : `The protocol “${name}” is not in Sprintlog and cannot be recreated from this row: ${p.error.issues[0]?.message ?? ''}`
        error(g.file, g.line, message, 'protocol_name')
        ok = false
      } else {
        newProtocols.set(s.protocolUuid, { uuid: s.protocolUuid, name: p.data.name, description: p.data.description, terrain: p.data.terrain, groups: p.data.groups })
      }
    }
    if (ok) planned.push({ session: s, reps })
  }
  for (const [uuid, r] of sessionRows) {
    if (r.present) presentSessions.add(uuid)
    else if (!groups.has(uuid)) {
      error(
        r.file,
        r.line,
        `Session ${uuid} is not in Sprintlog, and a sessions file has no reps. Import the reps file as well: it carries every session with its reps.`,
        'session_uuid'
      )
    }
  }
  for (const row of sample) {
    if (row.kind === 'sessions' && row.status === 'add' && row.uuid && !groups.has(row.uuid)) {
      row.status = 'error'
      row.message = 'Not in Sprintlog; import the reps file to bring it with its reps.'
    }
  }

  const fileOrder = (name: string) => sources.findIndex((x) => x.name === name)
  const toAdd: ImportCounts = {
    sessions: planned.length,
    reps: planned.reduce((n, p) => n + p.reps.length, 0),
    weights: weights.length,
    protocols: newProtocols.size
  }
  const preview: ImportPreview = {
    files,
    toAdd,
    present: { sessions: presentSessions.size, reps: presentReps, weights: presentWeights },
    newProtocols: [...newProtocols.values()].map((p) => p.name),
    errors: errors.sort((a, b) => fileOrder(a.file) - fileOrder(b.file) || a.line - b.line),
    errorCount,
    warnings,
    sample: sample.map(({ uuid: _uuid, ...row }) => row),
    canImport: errorCount === 0 && toAdd.sessions + toAdd.weights > 0
  }
  return { preview, protocols: [...newProtocols.values()], sessions: planned, weights }
}

export interface CommitResult {
  added: ImportCounts
  /** Records that were added by someone else between the preview and the confirmation: left alone. */
  skipped: number
}

/**
 * Writes a planned import in one transaction: all of it or, if anything fails, none of it. Records whose UUID has
 * appeared in the meantime are skipped, so confirming twice (or importing the same file again) adds nothing.
 */
export function commitImport(db: Db, repo: ImportRepo, plan: Omit<ImportPlan, 'preview'>): CommitResult {
  return db.transaction(() => {
    const added: ImportCounts = { sessions: 0, reps: 0, weights: 0, protocols: 0 }
    let skipped = 0
    /** Row ids of the protocols in the database, including those this import recreates. */
    const protocolIds = new Map<string, number>()
    const protocolId = (uuid: string): number | undefined => {
      let id = protocolIds.get(uuid)
      if (id === undefined && (id = repo.protocolId(uuid)) !== undefined) protocolIds.set(uuid, id)
      return id
    }
    const recreate = (uuid: string): number => {
      const p = plan.protocols.find((x) => x.uuid === uuid)
      if (!p) throw new Error(`The import plan lacks the protocol ${uuid}.`)
      const id = repo.insertProtocol(p)
      added.protocols++
      protocolIds.set(uuid, id)
      return id
    }
    const sessions = repo.sessionWriter()
    for (const { session, reps } of plan.sessions) {
      let pid: number | null = null
      if (session.protocolUuid !== null) {
        const known = protocolId(session.protocolUuid)
        if (known !== undefined) pid = known
        else {
          // A protocol is recreated only for a session that is still to be added.
          if (repo.hasSession(session.uuid)) {
            skipped++
            continue
          }
          pid = recreate(session.protocolUuid)
        }
      }
      if (!sessions.add(session, pid, reps)) {
        skipped++
        continue
      }
      added.sessions++
      added.reps += reps.length
    }
    sessions.end()
    for (const w of plan.weights) {
      if (repo.hasWeight(w.uuid)) {
        skipped++
        continue
      }
      repo.insertWeight(w)
      added.weights++
    }
    return { added, skipped }
  }).immediate()
}

// ---- Helpers ----------------------------------------------------------------------------------------------------

/** A plan for a recreated protocol when the session had none: one group per run of identical reps. */
function groupsFromReps(reps: readonly Rep[]): RepeatGroup[] {
  const groups: RepeatGroup[] = []
  for (const r of reps) {
    const g: RepeatGroup = {
      count: 1,
      workSeconds: Math.min(3600, Math.max(1, Math.round(r.workSeconds))),
      workMeters: null,
      intensity: r.intensity,
      intensityPct: r.intensityPct,
      hill: r.hill,
      inclinePct: r.inclinePct,
      recoverySeconds: r.recoverySeconds === null ? null : Math.min(3600, r.recoverySeconds),
      recoveryMode: r.recoverySeconds === null ? 'walk-down' : r.recoveryMode
    }
    const last = groups[groups.length - 1]
    if (last && last.count < 50 && JSON.stringify({ ...last, count: 1 }) === JSON.stringify(g)) last.count++
    else groups.push(g)
  }
  return groups.slice(0, 10)
}

async function peek(path: string, bytes = 64 * 1024): Promise<Uint8Array> {
  const fh = await open(path, 'r')
  try {
    const buf = Buffer.alloc(bytes)
    const { bytesRead } = await fh.read(buf, 0, bytes, 0)
    return buf.subarray(0, bytesRead)
  } finally {
    await fh.close()
  }
}

/** True when the whole file is valid UTF-8 (a quick pass before parsing, with Node's native check; fast on any size). */
async function isUtf8File(path: string, signal?: AbortSignal): Promise<boolean> {
  let carry: Buffer | null = null
  for await (const raw of createReadStream(path, { highWaterMark: 1 << 20, ...(signal ? { signal } : {}) })) {
    const chunk: Buffer = carry ? Buffer.concat([carry, raw as Buffer]) : (raw as Buffer)
    // A character cut in two by the chunk boundary is checked whole, with the next chunk.
    const cut = completeUtf8Length(chunk)
    if (!isUtf8(chunk.subarray(0, cut))) return false
    carry = cut < chunk.length ? Buffer.from(chunk.subarray(cut)) : null
  }
  // A sequence the file ends in the middle of is not UTF-8.
  return carry === null
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
async function csvErrorLine(e: CsvSyntaxError, path: string, encoding: string, fallback: number): Promise<number> {
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

function csvErrorMessage(e: CsvSyntaxError['csvError']): string {
  switch (e.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'A quoted cell that starts on this line is never closed: a “"” is missing. Nothing after it could be read.'
    case 'CSV_MAX_RECORD_SIZE':
      return `The row starting on this line is longer than ${MAX_RECORD_CHARS.toLocaleString('en')} characters — most likely a quote that is never closed.`
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'A quote inside a quoted cell must be doubled (""), and a closing quote must be followed by the separator or the end of the line.'
    case 'INVALID_OPENING_QUOTE':
      return 'A quote appears in the middle of an unquoted cell; put the whole cell in quotes and double the quotes inside it.'
    default:
      return `The file cannot be read as CSV here: ${e.message}`
  }
}

/**
 * A copy of a string that does not keep alive the text it was cut from. Cells are slices of the file's text, read
 * in pieces of 1 MiB; a value kept until the import ends (a session's UUID, dates, notes …) would otherwise keep its
 * whole piece, and so in the end the whole file, in memory — and the garbage collector going over it again and again.
 */
const own = (s: string): string => (s.length < 13 ? s : ` ${s}`.slice(1))
const ownOrNull = (s: string | null): string | null => (s === null ? null : own(s))

function ownSession(x: ImportedSession): ImportedSession {
  return {
    ...x,
    uuid: own(x.uuid),
    protocolUuid: ownOrNull(x.protocolUuid),
    protocolName: ownOrNull(x.protocolName),
    date: own(x.date),
    startTime: ownOrNull(x.startTime),
    notes: own(x.notes),
    createdAt: own(x.createdAt),
    updatedAt: own(x.updatedAt)
  }
}

function ownWeight(x: ImportedWeight): ImportedWeight {
  return { ...x, uuid: own(x.uuid), date: own(x.date), note: own(x.note), createdAt: own(x.createdAt), updatedAt: own(x.updatedAt) }
}

const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s).replace(/\s+/g, ' ')
const firstIssue = (issues: readonly { column: string; message: string }[]) => (issues[0] ? `${issues[0].column}: ${issues[0].message}` : undefined)
const where = (at: { file: string; line: number }, file: string) => (at.file === file ? `line ${at.line}` : `line ${at.line} of ${at.file}`)

export type { CsvKind }
