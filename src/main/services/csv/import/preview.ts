/**
 * The import's first pass: `readImport` reads every row of the files (records.ts: csv-parse's reading, with a checked
 * fast path for well-formed files), validates it with the shared schemas (csv/cells.ts; plainly written rep rows by
 * the quick reader derived from the same fields, csv/plain.ts) and plans what would be added, without writing
 * anything and without keeping the rows. Plain functions: the repository is injected, no Electron, no HTTP.
 */
import { english, type Msg, msgOf, worded } from '../../../../shared/i18n/message'
import { KIND_KEY } from '../../../../shared/csv/cells'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import {
  APPLY_ORDER,
  type HeaderInfo,
  type ImportCounts,
  type ImportFileSummary,
  type ImportLineError,
  type ImportPreview,
  type NumberStyle,
  plainRepReader,
  readHeader,
  readRep,
  readSession,
  readWeight
} from '../../../../shared/csv'
import { SESSION_FIELDS, WEIGHT_FIELDS } from '../../../../shared/records'
import { COMPARED } from '../../../db/repos/import'
import { type ImportScratch, importScratch } from '../../../db/repos/importScratch'
import { changeList, differingColumns } from './compare'
import { CsvSyntaxError, readRecords } from '../records'
import { clip, csvErrorLine, described, csvErrorMessage, detectDelimiter, fileFacts, firstIssue, isUtf16, MAX_RECORD_CHARS, ownWeight, own, peek, utf8Damage, where } from './files'
import { repGroups } from './groups'
import type { Findings, ImportPlan, ImportSource, Lookups, ReadFile, ReadOptions, SampleRow } from './plan'
import { MAX_TRAINING_ROWS, trainingRows } from './training'

/** Errors listed in the preview; all of them are counted. */
const MAX_LISTED_ERRORS = 300
const MAX_SAMPLE = 100

/**
 * The sources in the order an import applies them (APPLY_ORDER), by the header each file starts with; a file whose
 * kind cannot be told from its first line comes last, and is read (and refused) as usual.
 */
async function inApplyOrder(sources: readonly ImportSource[]): Promise<ImportSource[]> {
  const order = new Map<ImportSource, number>()
  for (const src of sources) {
    const text = new TextDecoder('utf-8').decode(await peek(src.path, 4096))
    const delimiter = detectDelimiter(text)
    const first = (text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/, 1)[0] ?? '').split(delimiter).map((c) => c.trim().replace(/^"(.*)"$/, '$1'))
    const h = readHeader(first)
    order.set(src, h.ok ? APPLY_ORDER[h.header.kind] : 4)
  }
  return [...sources].sort((a, b) => (order.get(a) as number) - (order.get(b) as number))
}

/** Thrown to stop reading a file whose header (or syntax) makes the rest meaningless. */
class StopFile extends Error {}

/**
 * Reads the files, validates every row and plans the import. Writes nothing to the runner's database; what it notes
 * of each session is in a scratch table, kept until the plan is released.
 */
export async function readImport(sources: readonly ImportSource[], repo: Lookups, opts: ReadOptions = {}): Promise<ImportPlan> {
  const scratch = importScratch()
  try {
    return await previewFiles(sources, repo, opts, scratch)
  } catch (e) {
    scratch.close()
    throw e
  }
}

async function previewFiles(sources: readonly ImportSource[], repo: Lookups, opts: ReadOptions, scratch: ImportScratch): Promise<ImportPlan> {
  const errors: ImportLineError[] = []
  let errorCount = 0
  const warnings: string[] = []
  const warningMsgs: Msg[] = []
  const warn = (m: Msg) => {
    warningMsgs.push(m)
    warnings.push(english(m))
  }
  const sample: SampleRow[] = []
  const files: ImportFileSummary[] = []
  const report: Findings = {
    error(file, line, m, column) {
      errorCount++
      if (errors.length < MAX_LISTED_ERRORS) errors.push(column ? { file, line, column, ...worded(m) } : { file, line, ...worded(m) })
    },
    addSample(row) {
      if (sample.length < MAX_SAMPLE) sample.push(row)
    },
    sampling: () => sample.length < MAX_SAMPLE
  }
  const { error, addSample } = report

  const changes = changeList()
  const training = trainingRows(repo, report, changes)
  const groups = repGroups(repo, report, scratch, training.hasProtocol, changes)
  /** Sessions-file rows: present ones count as present; new ones must be brought by a reps file. */
  const sessionRows = new Map<string, { file: string; line: number; present: boolean; changed?: 'differs' | 'deleted' }>()
  const changedRows = { differs: 0, deleted: 0 }
  const weightLines = new Map<string, { file: string; line: number }>()
  const weights = new Set<string>()
  let presentWeights = 0
  const changedWeights = { differs: 0, deleted: 0 }
  const read: ReadFile[] = []

  let bytesBefore = 0
  // Read in the order the commit applies them (protocols, blocks, sessions and reps, weights), so that the sample
  // shows the few protocols and blocks too; the files are listed, and their errors sorted, in the order chosen.
  const summaries = new Map<ImportSource, ImportFileSummary>()
  for (const src of await inApplyOrder(sources)) {
    const size = (await stat(src.path)).size
    summaries.set(src, await readFile(src, size))
    bytesBefore += size
    opts.onBytes?.(bytesBefore)
  }
  for (const src of sources) files.push(summaries.get(src) as ImportFileSummary)

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
    if (isUtf16(head)) {
      error(file, 1, { key: 'csvUtf16' })
      return summary
    }
    if (encoding !== 'utf-8') {
      // Only a file with no UTF-8 characters at all is taken for Windows-1252: one stray byte in a UTF-8 file must not
      // turn every 中文, emoji and dash in it into something else.
      const damage = await utf8Damage(src.path)
      if (damage.multiByte > 0) {
        const byte: Msg = damage.byte < 0 ? { key: 'csvCutCharacter' } : { key: 'csvByte', params: { byte: `0x${damage.byte.toString(16).toUpperCase().padStart(2, '0')}` } }
        error(file, damage.line, { key: 'csvNotUtf8', params: { byte } })
        return summary
      }
      warn({ key: 'csvWarnLatin1', params: { file } })
    }
    if (size === 0 || text.replace(/^\uFEFF/, '').trim() === '') {
      error(file, 1, { key: 'csvEmpty' })
      return summary
    }
    const style: NumberStyle = { decimalComma: delimiter === ';' }

    let header: HeaderInfo | null = null
    let width = 0
    let repOf: (cells: string[]) => ReturnType<typeof readRep> = () => ({ ok: false, issues: [] })
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
          error(file, at, msgOf(h))
          throw new StopFile()
        }
        const hd = (header = h.header)
        width = cells.length
        summary.kind = hd.kind
        entry.kind = hd.kind
        if (hd.unknown.length > 0) {
          warn({ key: 'csvWarnUnknownColumns', params: { file, n: hd.unknown.length, columns: hd.unknown.map((n) => `“${n}”`).join(', ') } })
        }
        const plain = plainRepReader(hd)
        repOf = (row) => {
          const value = plain(row)
          return value ? { ok: true, value } : readRep(hd, row, style)
        }
        return
      }
      summary.rows++
      if ((header.kind === 'protocols' || header.kind === 'blocks') && summary.rows > MAX_TRAINING_ROWS) {
        error(file, at, { key: 'csvTooManyRows', params: { kind: { key: KIND_KEY[header.kind] }, max: MAX_TRAINING_ROWS } })
        throw new StopFile()
      }
      if (cells.length !== width) {
        error(file, at, { key: 'csvWidth', params: { cells: cells.length, width: String(width) } })
        return
      }
      if (header.kind === 'weights') onWeight(file, at, header, cells, style)
      else if (header.kind === 'reps') groups.onRep(file, at, header, cells, style, repOf)
      else if (header.kind === 'protocols') training.onProtocol(file, at, header, cells, style)
      else if (header.kind === 'blocks') training.onBlock(file, at, header, cells, style)
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
    if (header === null) error(file, 1, { key: 'csvNoHeader' })
    else if (summary.rows === 0) warn({ key: 'csvWarnNoRows', params: { file } })
    return summary
  }

  function onWeight(file: string, line: number, header: HeaderInfo, cells: string[], style: NumberStyle) {
    const r = readWeight(header, cells, style)
    if (!r.ok) {
      for (const i of r.issues) error(file, line, msgOf(i), i.column)
      addSample({ file, line, kind: 'weights', date: cells[header.index.date ?? -1] ?? '', ...described('csvSumWeightBare'), status: 'error', ...firstIssue(r.issues) })
      return
    }
    const w = ownWeight(r.value)
    const seen = weightLines.get(w.uuid)
    if (seen) {
      error(file, line, { key: 'csvTwice', params: { column: 'weight_uuid', uuid: w.uuid, where: where(seen, file) } }, 'weight_uuid')
      return
    }
    weightLines.set(w.uuid, { file, line })
    const here = repo.weightHere(w.uuid)
    const summary = w.note ? described('csvSumWeightNote', { kg: w.kg, note: clip(w.note) }) : described('csvSumWeight', { kg: w.kg })
    let status: SampleRow['status'] = 'add'
    if (here) {
      presentWeights++
      const where = () => ({ file, line, date: w.date, ...summary })
      if (here.deleted) {
        status = 'deleted'
        changedWeights.deleted++
        scratch.putChanged('weights', { uuid: w.uuid, state: 2, stamp: here.stamp })
        changes.deleted('weights', w.uuid, where)
      } else {
        const columns = differingColumns(WEIGHT_FIELDS, COMPARED.weights, w as unknown as Record<string, unknown>, here.values)
        status = columns.length > 0 ? 'differs' : 'present'
        if (columns.length > 0) {
          changedWeights.differs++
          scratch.putChanged('weights', { uuid: w.uuid, state: 1, stamp: here.stamp })
          changes.differs('weights', w.uuid, where, columns)
        }
      }
    } else weights.add(w.uuid)
    addSample({ file, line, kind: 'weights', date: w.date, ...summary, status })
  }

  function onSessionRow(file: string, line: number, header: HeaderInfo, cells: string[], style: NumberStyle) {
    const s = readSession(header, cells, style)
    if (!s.ok) {
      for (const i of s.issues) error(file, line, msgOf(i), i.column)
      addSample({ file, line, kind: 'sessions', date: cells[header.index.date ?? -1] ?? '', ...described('csvSumSessionBare'), status: 'error', ...firstIssue(s.issues) })
      return
    }
    const uuid = own(s.value.uuid)
    const seen = sessionRows.get(uuid)
    if (seen) {
      error(file, line, { key: 'csvTwice', params: { column: 'session_uuid', uuid, where: where(seen, file) } }, 'session_uuid')
      return
    }
    const here = repo.sessionHere(uuid)
    const present = here !== undefined
    const summary = s.value.protocolName ? described('csvSumSession', { protocol: clip(s.value.protocolName) }) : described('csvSumSessionFree')
    const row: { file: string; line: number; present: boolean; changed?: 'differs' | 'deleted' } = { file, line, present }
    sessionRows.set(uuid, row)
    // A session that a reps file brings is compared there, with its reps; one that none does (so far: a reps file read
    // later takes it over), on its session columns here.
    if (here && !groups.has(uuid)) {
      const found = () => ({ file, line, date: s.value.date, ...summary })
      if (here.deleted) {
        row.changed = 'deleted'
        changes.deleted('sessions', uuid, found)
      } else {
        const columns = differingColumns(SESSION_FIELDS, COMPARED.sessions, s.value as unknown as Record<string, unknown>, here.values)
        if (columns.length > 0) {
          row.changed = 'differs'
          changes.differs('sessions', uuid, found, columns)
        }
      }
      if (row.changed) scratch.putChanged('sessionRows', { uuid, state: row.changed === 'deleted' ? 2 : 1, stamp: here.stamp })
    }
    addSample({ file, line, uuid, kind: 'sessions', date: s.value.date, ...summary, status: row.changed ?? (present ? 'present' : 'add') })
  }

  // ---- Plan -------------------------------------------------------------------------------------------------
  const trainingPlan = training.plan()
  const plan = groups.plan()
  /** Sessions-file rows of sessions in Sprintlog that no reps file brings (those are counted with the reps files). */
  let presentOnlyHere = 0
  for (const [uuid, r] of sessionRows) {
    const inReps = groups.has(uuid)
    if (r.changed && inReps) {
      // Judged from the reps file instead (which took over its entry in the list).
      scratch.dropChanged('sessionRows', uuid)
      r.changed = undefined
    } else if (r.changed) changedRows[r.changed]++
    if (r.present) {
      if (!inReps) presentOnlyHere++
    } else if (!inReps) {
      error(
        r.file,
        r.line,
        { key: 'csvSessionWithoutReps', params: { uuid } },
        'session_uuid'
      )
    }
  }
  for (const row of sample) {
    if (row.kind === 'sessions' && row.status === 'add' && row.uuid && !groups.has(row.uuid)) {
      row.status = 'error'
      Object.assign(row, worded({ key: 'csvSampleWithoutReps' }))
    }
    // A session's rows are shown before its later reps are compared: its state is known once all are read.
    const known = row.status === 'present' || row.status === 'differs' || row.status === 'deleted'
    if ((row.kind === 'sessions' || row.kind === 'reps') && known && row.uuid && groups.has(row.uuid)) row.status = plan.changed(row.uuid)?.state ?? 'present'
  }

  const changedProtocols = [...trainingPlan.changed.protocols.values()]
  const changedBlocks = [...trainingPlan.changed.blocks.values()]
  const fileOrder = (name: string) => sources.findIndex((x) => x.name === name)
  const toAdd: ImportCounts = {
    sessions: plan.planned.size,
    reps: plan.plannedReps,
    weights: weights.size,
    protocols: trainingPlan.protocols.length + plan.newProtocols.size,
    blocks: trainingPlan.blocks.length
  }
  const preview: ImportPreview = {
    files,
    toAdd,
    present: { sessions: plan.present.sessions + presentOnlyHere, reps: plan.present.reps, weights: presentWeights, ...trainingPlan.present },
    differs: { sessions: plan.differs + changedRows.differs, weights: changedWeights.differs, protocols: changedProtocols.length, blocks: changedBlocks.filter((b) => b.state === 'differs').length },
    deletedHere: { sessions: plan.deleted + changedRows.deleted, weights: changedWeights.deleted, protocols: 0, blocks: changedBlocks.filter((b) => b.state === 'deleted').length },
    changed: changes.list(),
    newProtocols: [...plan.newProtocols.values()].map((p) => p.name),
    errors: errors.sort((a, b) => fileOrder(a.file) - fileOrder(b.file) || a.line - b.line),
    errorCount,
    warnings,
    warningMsgs,
    sample: sample.map(({ uuid: _uuid, ...row }) => row),
    canImport:
      errorCount === 0 &&
      toAdd.sessions + toAdd.weights + toAdd.protocols + toAdd.blocks + plan.differs + plan.deleted + changedRows.differs + changedRows.deleted + changedWeights.differs + changedWeights.deleted + changedProtocols.length + changedBlocks.length > 0
  }
  return {
    preview,
    files: read,
    protocols: [...plan.newProtocols.values()],
    fileProtocols: trainingPlan.protocols,
    blocks: trainingPlan.blocks,
    sessions: plan.planned,
    weights,
    changed: {
      session: plan.changed,
      weight(uuid) {
        const w = scratch.changed('weights', uuid)
        return w && { state: w.state === 2 ? 'deleted' : 'differs', stamp: w.stamp }
      },
      sessionRow(uuid) {
        const w = scratch.changed('sessionRows', uuid)
        return w && { state: w.state === 2 ? 'deleted' : 'differs', stamp: w.stamp }
      },
      sessionRows: changedRows.differs + changedRows.deleted,
      ...trainingPlan.changed
    },
    release: scratch.close
  }
}
