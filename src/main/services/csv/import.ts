/**
 * Reading Sprintlog CSV files back: `readImport` parses every row (records.ts: csv-parse's reading, with a checked
 * fast path for well-formed files), validates it (the shared zod schemas, with checked fast paths) and plans what
 * would be added, without writing anything; `commitImport` writes that plan in one transaction. Plain functions:
 * the repository is injected, no Electron, no HTTP.
 */
import { isUtf8 } from 'node:buffer'
import { createHash } from 'node:crypto'
import { closeSync, openSync, readSync } from 'node:fs'
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
import { DomainError } from '../../../shared/result'
import type { Rep, RepeatGroup } from '../../../shared/training'
import type { Db } from '../../db/connection'
import type { ImportedProtocol, ImportRepo } from '../../db/repos/import'
import { CsvSyntaxError, readRecords, RecordReader } from './records'

export interface ImportSource {
  /** Shown in messages (the file's own name). */
  name: string
  path: string
}

/** A file as the preview read it: the commit reads it again, and only if its bytes are still the same. */
export interface ReadFile extends ImportSource {
  kind: CsvKind | null
  delimiter: ',' | ';'
  encoding: 'utf-8' | 'windows-1252'
  /** SHA-256 of the file's bytes when the preview read it. */
  digest: string
}

/**
 * What a confirmed import writes, and the preview shown before. It holds no rows: the commit reads the files
 * again (`commitImport`), so memory stays flat whatever their size.
 */
export interface ImportPlan {
  preview: ImportPreview
  files: ReadFile[]
  protocols: ImportedProtocol[]
  /** The sessions to add, by UUID, with the number of reps each has in the files. */
  sessions: Map<string, number>
  /** The UUIDs of the body weights to add. */
  weights: Set<string>
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

/**
 * What the preview keeps of a session in a reps file: enough for the checks across its rows, never its values.
 * Its first row's session cells and the lines of its reps are kept while it is the session being read (a file
 * Sprintlog writes has each session's rows together); after that a hash of the cells, and its rep numbers as
 * bits, stand for them.
 */
interface Group {
  file: string
  line: number
  /** The session cells of its first row (`sessionCells`) while it is the current session; every rep must repeat them. */
  cells: string[] | null
  hash: number
  /** The session read well from its first row. */
  ok: boolean
  protocolUuid: string | null
  /** For the sample: the session's date and protocol name (only while the sample is being filled). */
  date: string
  protocolName: string | null
  /** Kept only for a session that may recreate its protocol (not in the database): its values and reps. */
  session: ImportedSession | null
  reps: Rep[] | null
  /** Their rep numbers. */
  keptAt: number[] | null
  /** Reps read, and rep numbers seen: bits 0–24 of each of four numbers stand for rep numbers 1–100. */
  count: number
  seen: [number, number, number, number]
  /** The line of each rep while the session is current: for the message about a rep number given twice. */
  lines: Map<number, number> | null
  /** rep_number given twice: [number, earlier line or 0, line]. */
  twice: [number, number, number][]
  present: boolean
  bad: boolean
}

/** Sessions per unknown protocol whose values are kept, so that one of them can recreate it. */
const KEEP_FOR_PROTOCOL = 3

/** A 32-bit FNV-1a hash of a row's session cells. */
function hashCells(cells: readonly string[]): number {
  let h = 0x811c9dc5
  for (const c of cells) {
    for (let i = 0; i < c.length; i++) h = Math.imul(h ^ c.charCodeAt(i), 0x01000193)
    h = Math.imul(h ^ 0x1f, 0x01000193)
  }
  return h >>> 0
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
  const weights = new Set<string>()
  let presentWeights = 0
  const read: ReadFile[] = []
  /** The session whose rows are being read, whose cells and lines are kept until another one starts. */
  let current: Group | null = null
  /** Sessions kept per unknown protocol (KEEP_FOR_PROTOCOL). */
  const keptFor = new Map<string, number>()
  const protocolsHere = new Map<string, boolean>()
  const knownProtocol = (uuid: string) => {
    let known = protocolsHere.get(uuid)
    if (known === undefined) protocolsHere.set(uuid, (known = repo.protocolId(uuid) !== undefined))
    return known
  }

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
    const facts = await fileFacts(src.path, opts.signal)
    const encoding = facts.utf8 ? 'utf-8' : 'windows-1252'
    const text = new TextDecoder(encoding).decode(head)
    const delimiter = detectDelimiter(text)
    const summary: ImportFileSummary = { name: file, kind: null, rows: 0, delimiter, decimalComma: delimiter === ';', encoding }
    const entry: ReadFile = { name: src.name, path: src.path, kind: null, delimiter, encoding, digest: facts.digest }
    read.push(entry)
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
        entry.kind = header.kind
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
    else weights.add(w.uuid)
    addSample({ file, line, kind: 'weights', date: w.date, summary: `Body weight ${w.kg} kg${w.note ? ` · ${clip(w.note)}` : ''}`, status: present ? 'present' : 'add' })
  }

  function onRep(file: string, line: number, header: HeaderInfo, cells: string[], style: NumberStyle) {
    const uuidCell = (cells[header.index.session_uuid ?? -1] ?? '').trim().toLowerCase()
    let g = groups.get(uuidCell)
    if (g === undefined) {
      const s = readSession(header, cells, style)
      const first = sessionCells(header, cells).map(own)
      g = {
        file,
        line,
        cells: first,
        hash: hashCells(first),
        ok: s.ok,
        protocolUuid: s.ok ? ownOrNull(s.value.protocolUuid) : null,
        date: s.ok && sample.length < MAX_SAMPLE ? own(s.value.date) : '',
        protocolName: s.ok && sample.length < MAX_SAMPLE ? ownOrNull(s.value.protocolName) : null,
        session: null,
        reps: null,
        keptAt: null,
        count: 0,
        seen: [0, 0, 0, 0],
        lines: new Map(),
        twice: [],
        present: false,
        bad: !s.ok
      }
      if (s.ok) {
        g.present = repo.hasSession(s.value.uuid)
        const pu = s.value.protocolUuid
        if (!g.present && pu !== null && !knownProtocol(pu) && (keptFor.get(pu) ?? 0) < KEEP_FOR_PROTOCOL) {
          keptFor.set(pu, (keptFor.get(pu) ?? 0) + 1)
          g.session = ownSession(s.value)
          g.reps = []
          g.keptAt = []
        }
        groups.set(own(s.value.uuid), g)
      } else {
        for (const i of s.issues) error(file, line, i.message, i.column)
        // Later rows of the same broken session would repeat the same errors: group them under the raw cell.
        if (uuidCell !== '') groups.set(own(uuidCell), g)
      }
    } else {
      const row = sessionCells(header, cells)
      const column = g.cells ? differingSessionColumn(header, g.cells, cells) : hashCells(row) === g.hash ? null : 'session_uuid'
      if (column !== null) {
        error(file, line, `The session columns of this rep differ from ${where(g, file)}, an earlier rep of the same session.`, column)
        g.bad = true
        return
      }
    }
    if (current !== g) {
      // Another session starts: the one before keeps only its hash and rep-number bits.
      if (current) {
        current.cells = null
        current.lines = null
      }
      current = g
    }
    const r = readRep(header, cells, style)
    const date = g.date
    if (!r.ok) {
      for (const i of r.issues) error(file, line, i.message, i.column)
      g.bad = true
      addSample({ file, line, kind: 'reps', date, summary: 'Rep', status: 'error', message: firstIssue(r.issues) })
      return
    }
    const position = r.value.position
    const word = Math.floor((position - 1) / 25) as 0 | 1 | 2 | 3
    const bit = 1 << (position - 1) % 25
    if (g.seen[word] & bit) g.twice.push([position, g.lines?.get(position) ?? 0, line])
    else {
      g.seen[word] |= bit
      g.lines?.set(position, line)
    }
    g.count++
    g.reps?.push(r.value.rep)
    g.keptAt?.push(position)
    if (sample.length < MAX_SAMPLE) {
      const rp = r.value.rep
      addSample({
        file,
        line,
        kind: 'reps',
        date,
        summary: `Rep ${position} · ${rp.workSeconds} s ${rp.intensity}${rp.completed ? '' : ' (abandoned)'}${g.protocolName ? ` · ${clip(g.protocolName)}` : ''}`,
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
  const planned = new Map<string, number>()
  const newProtocols = new Map<string, ImportedProtocol>()
  const presentSessions = new Set<string>()
  let presentReps = 0
  let plannedReps = 0
  for (const [uuid, g] of groups) {
    if (!g.ok || g.bad) continue
    if (g.present) {
      presentSessions.add(uuid)
      presentReps += g.count
      continue
    }
    let ok = true
    for (const [position, a, b] of g.twice) {
      const lines = a > 0 ? `lines ${Math.min(a, b)} and ${Math.max(a, b)}` : `line ${b} and an earlier line`
      error(g.file, Math.max(a, b), `rep_number ${position} appears twice for session ${uuid} (${lines}).`, 'rep_number')
      ok = false
    }
    if (g.count > MAX_REPS) {
      error(g.file, g.line, `Session ${uuid} has ${g.count} reps; a session has at most ${MAX_REPS}.`)
      ok = false
    }
    const pu = g.protocolUuid
    if (ok && pu !== null && !knownProtocol(pu) && !newProtocols.has(pu)) {
      if (g.session === null || g.reps === null) {
        // Every session kept for this protocol had errors; this one's values were not kept.
        error(g.file, g.line, `The protocol ${pu} is not in Sprintlog, and no session of it without errors comes early enough in the file to recreate it from.`, 'protocol_uuid')
        ok = false
      } else {
        const s = g.session
        const order = g.reps.map((_, k) => k).sort((x, y) => (g.keptAt?.[x] ?? 0) - (g.keptAt?.[y] ?? 0))
        const reps = order.map((k) => g.reps?.[k] as Rep)
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
              ? `The protocol ${pu} is not in Sprintlog; its name is needed to recreate it.`
              : `The protocol “${name}” is not in Sprintlog and cannot be recreated from this row: ${p.error.issues[0]?.message ?? ''}`
          error(g.file, g.line, message, 'protocol_name')
          ok = false
        } else {
          newProtocols.set(pu, { uuid: pu, name: p.data.name, description: p.data.description, terrain: p.data.terrain, groups: p.data.groups })
        }
      }
    }
    if (ok) {
      planned.set(uuid, g.count)
      plannedReps += g.count
    }
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
    sessions: planned.size,
    reps: plannedReps,
    weights: weights.size,
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
  groups.clear()
  return { preview, files: read, protocols: [...newProtocols.values()], sessions: planned, weights }
}

export interface CommitResult {
  added: ImportCounts
  /** Records that were added by someone else between the preview and the confirmation: left alone. */
  skipped: number
}

/** The files are not the ones previewed: nothing is written. */
export class FileChanged extends DomainError {
  constructor(name: string) {
    super('conflict', `The file ${name} changed after the preview; nothing was imported. Choose it again.`)
  }
}

/**
 * Writes a planned import in one transaction: all of it or, if anything fails, none of it. The files are read again
 * (synchronously, in 1 MiB pieces: the transaction must not take in the writes of other requests while it is
 * open), every row checked again, and each session written once all its reps are read; a file whose bytes are not
 * those previewed rolls everything back. Records whose UUID has appeared in the meantime are skipped, so
 * confirming twice (or importing the same file again) adds nothing.
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
    const recreate = (uuid: string, file: string): number => {
      const p = plan.protocols.find((x) => x.uuid === uuid)
      if (!p) throw new FileChanged(file)
      const id = repo.insertProtocol(p)
      added.protocols++
      protocolIds.set(uuid, id)
      return id
    }
    const sessions = repo.sessionWriter()
    const write = (session: ImportedSession, reps: Rep[], file: string) => {
      let pid: number | null = null
      if (session.protocolUuid !== null) {
        const known = protocolId(session.protocolUuid)
        if (known !== undefined) pid = known
        else {
          // A protocol is recreated only for a session that is still to be added.
          if (repo.hasSession(session.uuid)) {
            skipped++
            return
          }
          pid = recreate(session.protocolUuid, file)
        }
      }
      if (!sessions.add(session, pid, reps)) {
        skipped++
        return
      }
      added.sessions++
      added.reps += reps.length
    }
    /** Sessions whose reps are still being read, with their rep numbers. */
    const pending = new Map<string, { session: ImportedSession; reps: Rep[]; at: number[]; file: string }>()
    for (const f of plan.files) {
      if (f.kind === null || f.kind === 'sessions') continue
      const style: NumberStyle = { decimalComma: f.delimiter === ';' }
      let header: HeaderInfo | null = null
      const changed = () => new FileChanged(f.name)
      const onRecord = (cells: string[]) => {
        if (cells.length === 1 && (cells[0] as string).trim() === '') return
        if (header === null) {
          const h = readHeader(cells)
          if (!h.ok) throw changed()
          header = h.header
          return
        }
        if (header.kind === 'weights') {
          const uuid = (cells[header.index.weight_uuid ?? -1] ?? '').trim().toLowerCase()
          if (!plan.weights.has(uuid)) return
          const w = readWeight(header, cells, style)
          if (!w.ok) throw changed()
          if (repo.hasWeight(w.value.uuid)) skipped++
          else {
            repo.insertWeight(w.value)
            added.weights++
          }
          return
        }
        const uuid = (cells[header.index.session_uuid ?? -1] ?? '').trim().toLowerCase()
        const count = plan.sessions.get(uuid)
        if (count === undefined) return
        let p = pending.get(uuid)
        if (p === undefined) {
          const s = readSession(header, cells, style)
          if (!s.ok) throw changed()
          p = { session: s.value, reps: [], at: [], file: f.name }
          pending.set(uuid, p)
        }
        const r = readRep(header, cells, style)
        if (!r.ok) throw changed()
        p.reps.push(r.value.rep)
        p.at.push(r.value.position)
        if (p.reps.length === count) {
          pending.delete(uuid)
          const inOrder = p.at.every((n, i) => i === 0 || n > (p.at[i - 1] as number))
          const reps = inOrder ? p.reps : p.at.map((_, k) => k).sort((a, b) => (p.at[a] as number) - (p.at[b] as number)).map((k) => p.reps[k] as Rep)
          write(p.session, reps, f.name)
        }
      }
      const hash = createHash('sha256')
      const reader = new RecordReader(f.encoding, { delimiter: f.delimiter, maxRecordChars: MAX_RECORD_CHARS }, onRecord)
      const fd = openSync(f.path, 'r')
      try {
        const buf = Buffer.allocUnsafe(1 << 20)
        for (;;) {
          const n = readSync(fd, buf, 0, buf.length, null)
          if (n === 0) break
          const piece = buf.subarray(0, n)
          hash.update(piece)
          reader.push(Buffer.from(piece))
        }
        reader.end()
      } catch (e) {
        if (e instanceof CsvSyntaxError) throw changed()
        throw e
      } finally {
        closeSync(fd)
      }
      if (hash.digest('hex') !== f.digest) throw changed()
    }
    if (pending.size > 0) throw new FileChanged([...pending.values()][0]?.file ?? '')
    sessions.end()
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

/**
 * Whether the whole file is valid UTF-8 (with Node's native check; fast on any size), and the SHA-256 of its bytes,
 * by which the commit knows the file is still the one previewed: one quick pass before parsing.
 */
async function fileFacts(path: string, signal?: AbortSignal): Promise<{ utf8: boolean; digest: string }> {
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
