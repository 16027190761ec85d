/**
 * The import's second pass: `commitImport` writes what the preview planned, reading the files again, in one
 * transaction: protocols first, then training blocks, then sessions with their reps, then body weights, whatever
 * order the files were chosen in. Plain functions: the database and repository are injected.
 */
import { dateParam, type Msg } from '../../../../shared/i18n/message'
import { createHash } from 'node:crypto'
import { closeSync, openSync, readSync, statSync } from 'node:fs'
import {
  APPLY_ORDER,
  type ChangeCounts,
  type HeaderInfo,
  type ImportChoices,
  type ImportCounts,
  type ImportedBlock,
  type ImportedRep,
  type ImportedSession,
  type NumberStyle,
  plainRepReader,
  readHeader,
  readRep,
  readSession,
  readWeight
} from '../../../../shared/csv'
import { overlapMsg } from '../../../../shared/metrics/block'
import { DomainError } from '../../../../shared/result'
import type { Rep } from '../../../../shared/training'
import type { Db } from '../../../db/connection'
import type { ImportRepo } from '../../../db/repos/import'
import { CsvSyntaxError, RecordReader } from '../records'
import { chooser, KEEP_ALL } from './compare'
import { MAX_RECORD_CHARS } from './files'
import type { ImportPlan, ReadFile } from './plan'
import { overlapChecker } from './training'

/** Rows of a file are read in pieces of this size. */
const PIECE = 1 << 20

/** The SHA-256 of a file's bytes, read synchronously (inside the transaction). */
function digestOf(path: string): string {
  const hash = createHash('sha256')
  const fd = openSync(path, 'r')
  try {
    const buf = Buffer.allocUnsafe(PIECE)
    for (let n = readSync(fd, buf, 0, buf.length, null); n > 0; n = readSync(fd, buf, 0, buf.length, null)) hash.update(buf.subarray(0, n))
  } finally {
    closeSync(fd)
  }
  return hash.digest('hex')
}

const applyOrder = (f: ReadFile) => (f.kind === null ? 4 : APPLY_ORDER[f.kind])

export interface CommitResult {
  added: ImportCounts
  /** Records that were added by someone else between the preview and the confirmation: left alone. */
  skipped: number
  /** Records in Sprintlog that took the file's version, and records deleted there that the file restored. */
  replaced: ChangeCounts
  restored: ChangeCounts
}

/** The files are not the ones previewed: nothing is written. */
export class FileChanged extends DomainError {
  constructor(name: string) {
    super('conflict', { key: 'csvFileChanged', params: { name } })
  }
}

/** A record the runner chose about changed in Sprintlog after the preview: nothing is written. */
export class RecordChanged extends DomainError {
  constructor(what: Msg) {
    super('conflict', { key: 'csvRecordChanged', params: { what } })
  }
}

/**
 * Writes a planned import in one transaction: all of it or, if anything fails, none of it. The files are read again
 * (synchronously, in 1 MiB pieces: the transaction must not take in the writes of other requests while it is
 * open), every row checked again, and each session written once all its reps are read; a file whose bytes are not
 * those previewed rolls everything back. Records whose UUID has appeared in the meantime are skipped, so
 * confirming twice (or importing the same file again) adds nothing. Records that are in Sprintlog are changed only
 * as `choices` say (by default, none is): a differing one takes the file's version, a deleted one is restored with
 * the file's values — each only if its state in Sprintlog is still the one previewed, else nothing is written.
 */
export function commitImport(
  db: Db,
  repo: ImportRepo,
  plan: Omit<ImportPlan, 'preview' | 'release'>,
  choices: ImportChoices = KEEP_ALL,
  /** Called as the files are read again, with the bytes read so far and the bytes to read in all. */
  onBytes?: (bytes: number, total: number) => void
): CommitResult {
  const choose = chooser(choices)
  return db.transaction(() => {
    const added: ImportCounts = { sessions: 0, reps: 0, weights: 0, protocols: 0, blocks: 0 }
    const replaced: ChangeCounts = { sessions: 0, weights: 0, protocols: 0, blocks: 0 }
    const restored: ChangeCounts = { sessions: 0, weights: 0, protocols: 0, blocks: 0 }
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
    const files = [...plan.files].sort((a, b) => applyOrder(a) - applyOrder(b))
    // The protocols and blocks files: their records were checked and kept by the preview, if the files are unchanged.
    for (const f of files) if ((f.kind === 'protocols' || f.kind === 'blocks') && digestOf(f.path) !== f.digest) throw new FileChanged(f.name)
    for (const p of plan.fileProtocols) {
      if (protocolId(p.uuid) !== undefined) {
        skipped++
        continue
      }
      protocolIds.set(p.uuid, repo.insertProtocolRecord(p))
      added.protocols++
    }
    // The runner's protocols that take the file's version, as chosen; built-in ones never do.
    for (const [uuid, c] of plan.changed.protocols) {
      if (!choose(c.state, uuid)) continue
      if (repo.protocolStamp(uuid) !== c.stamp) throw new RecordChanged({ key: 'theProtocol', params: { name: c.record.name } })
      repo.replaceProtocol(c.record)
      replaced.protocols++
    }
    const chosenBlocks = [...plan.changed.blocks].filter(([uuid, c]) => choose(c.state, uuid)).map(([, c]) => c)
    const taken = new Set(chosenBlocks.map((c) => c.record.uuid))
    const live = plan.blocks.length + chosenBlocks.length > 0 ? repo.liveBlocks().filter((b) => !taken.has(b.uuid)) : []
    const blocks = overlapChecker<Pick<ImportedBlock, 'name' | 'startDate' | 'weeks'>>(live)
    // Blocks that take the file's version or are restored from it, as chosen: they too may not overlap another.
    for (const c of chosenBlocks) {
      const b = c.record
      if (repo.blockStamp(b.uuid) !== c.stamp) throw new RecordChanged({ key: 'theBlock', params: { name: b.name } })
      const pid = b.protocolUuid === null ? null : protocolId(b.protocolUuid)
      if (pid === undefined) throw new DomainError('conflict', { key: 'csvBlockProtocolGone', params: { uuid: String(b.protocolUuid), name: b.name } })
      const other = blocks.find(b)
      if (other) throw new DomainError('conflict', { key: 'csvTakenBlockOverlaps', params: { name: b.name, overlap: overlapMsg(b, other) } })
      repo.replaceBlock(b, pid)
      blocks.add(b)
      if (c.state === 'deleted') restored.blocks++
      else replaced.blocks++
    }
    for (const b of plan.blocks) {
      if (repo.hasBlock(b.uuid)) {
        skipped++
        continue
      }
      const pid = b.protocolUuid === null ? null : protocolId(b.protocolUuid)
      if (pid === undefined) throw new DomainError('conflict', { key: 'csvBlockProtocolNoLonger', params: { uuid: String(b.protocolUuid), name: b.name } })
      // Blocks may not overlap: one added since the preview (the preview checked those in the files) stops the import.
      const other = blocks.find(b)
      if (other) throw new DomainError('conflict', { key: 'csvBlockOverlapsNothing', params: { overlap: overlapMsg(b, other) } })
      repo.insertBlock(b, pid)
      blocks.add(b)
      added.blocks++
    }
    // A large import into a smaller history writes faster without the secondary indexes of sessions and reps, which
    // are built again, from the rows, before the transaction ends (and rolled back with it if anything fails).
    const rebuild = repo.isLarge(plan.sessions.size) ? repo.setAsideIndexes() : null
    const sessions = repo.sessionWriter()
    /** A session in Sprintlog takes the file's version (or is restored with it), as the runner chose. */
    const change = (session: ImportedSession, reps: Rep[], action: Action) => {
      if (repo.sessionStamp(session.uuid) !== action.stamp) throw new RecordChanged({ key: 'theSessionOf', params: { date: dateParam(session.date) } })
      let pid: number | null = null
      if (session.protocolUuid !== null) {
        const known = protocolId(session.protocolUuid)
        if (known === undefined) {
          throw new DomainError(
            'conflict',
            { key: 'csvSessionProtocolGone', params: { uuid: session.protocolUuid, date: dateParam(session.date) } }
          )
        }
        pid = known
      }
      sessions.replace(session, pid, reps)
      if (action.state === 'deleted') restored.sessions++
      else replaced.sessions++
    }
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
    let lastUuid: string | null = null
    let lastCount: number | undefined
    let lastAction: Action | null = null
    /** Sessions whose reps are still being read, with their rep numbers. */
    const pending = new Map<string, { session: ImportedSession; reps: Rep[]; at: number[]; file: string; action: Action | null }>()
    // A sessions file adds nothing; it is read only for the sessions of it that no reps file brings, as chosen.
    const streamed = files.filter((f) => !(f.kind === null || f.kind === 'protocols' || f.kind === 'blocks' || (f.kind === 'sessions' && plan.changed.sessionRows === 0)))
    const total = onBytes ? streamed.reduce((n, f) => n + statSync(f.path).size, 0) : 0
    let bytesBefore = 0
    for (const f of streamed) {
      const style: NumberStyle = { decimalComma: f.delimiter === ';' }
      let header: HeaderInfo | null = null
      let plain: (row: readonly string[]) => ImportedRep | null = () => null
      const changed = () => new FileChanged(f.name)
      const onRecord = (cells: string[]) => {
        if (cells.length === 1 && (cells[0] as string).trim() === '') return
        if (header === null) {
          const h = readHeader(cells)
          if (!h.ok) throw changed()
          header = h.header
          plain = plainRepReader(header)
          return
        }
        if (header.kind === 'sessions') {
          const uuid = (cells[header.index.session_uuid ?? -1] ?? '').trim().toLowerCase()
          const c = plan.changed.sessionRow(uuid)
          if (!c || !choose(c.state, uuid)) return
          const s = readSession(header, cells, style)
          if (!s.ok) throw changed()
          const here = repo.sessionStamp(uuid) === c.stamp ? repo.sessionHere(uuid) : undefined
          if (!here) throw new RecordChanged({ key: 'theSessionOf', params: { date: dateParam(s.value.date) } })
          // Its session columns from the file; its reps stay those in Sprintlog (a sessions file has none).
          change(s.value, repo.repsHere(here.id) as unknown as Rep[], c)
          return
        }
        if (header.kind === 'weights') {
          const uuid = (cells[header.index.weight_uuid ?? -1] ?? '').trim().toLowerCase()
          const here = plan.weights.has(uuid) ? undefined : plan.changed.weight(uuid)
          if (here && !choose(here.state, uuid)) return
          if (!here && !plan.weights.has(uuid)) return
          const w = readWeight(header, cells, style)
          if (!w.ok) throw changed()
          if (here) {
            if (repo.weightStamp(uuid) !== here.stamp) throw new RecordChanged({ key: 'theWeightOf', params: { date: dateParam(w.value.date) } })
            repo.replaceWeight(w.value)
            if (here.state === 'deleted') restored.weights++
            else replaced.weights++
            return
          }
          if (repo.hasWeight(w.value.uuid)) skipped++
          else {
            repo.insertWeight(w.value)
            added.weights++
          }
          return
        }
        const uuid = (cells[header.index.session_uuid ?? -1] ?? '').trim().toLowerCase()
        // Looked up once per run of rows of the same session.
        if (uuid !== lastUuid) {
          lastUuid = uuid
          lastCount = plan.sessions.get(uuid)
          lastAction = null
          if (lastCount === undefined) {
            const c = plan.changed.session(uuid)
            if (c && choose(c.state, uuid)) {
              lastCount = c.count
              lastAction = { state: c.state, stamp: c.stamp }
            }
          }
        }
        const count = lastCount
        if (count === undefined) return
        let p = pending.get(uuid)
        if (p === undefined) {
          const s = readSession(header, cells, style)
          if (!s.ok) throw changed()
          p = { session: s.value, reps: [], at: [], file: f.name, action: lastAction }
          pending.set(uuid, p)
        }
        let r = plain(cells)
        if (r === null) {
          const general = readRep(header, cells, style)
          if (!general.ok) throw changed()
          r = general.value
        }
        p.reps.push(r.rep)
        p.at.push(r.position)
        if (p.reps.length === count) {
          pending.delete(uuid)
          const inOrder = p.at.every((n, i) => i === 0 || n > (p.at[i - 1] as number))
          const reps = inOrder ? p.reps : p.at.map((_, k) => k).sort((a, b) => (p.at[a] as number) - (p.at[b] as number)).map((k) => p.reps[k] as Rep)
          if (p.action) change(p.session, reps, p.action)
          else write(p.session, reps, f.name)
        }
      }
      const hash = createHash('sha256')
      const reader = new RecordReader(f.encoding, { delimiter: f.delimiter, maxRecordChars: MAX_RECORD_CHARS }, onRecord)
      const fd = openSync(f.path, 'r')
      try {
        const buf = Buffer.allocUnsafe(PIECE)
        for (;;) {
          const n = readSync(fd, buf, 0, buf.length, null)
          if (n === 0) break
          const piece = buf.subarray(0, n)
          hash.update(piece)
          reader.push(Buffer.from(piece))
          bytesBefore += n
          onBytes?.(bytesBefore, total)
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
    rebuild?.()
    sessions.end()
    return { added, skipped, replaced, restored }
  }).immediate()
}

interface Action {
  state: 'differs' | 'deleted'
  stamp: string
}

