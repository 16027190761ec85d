/**
 * The protocols and training-blocks files as the preview reads them. A protocol or block whose UUID is in Sprintlog
 * already (deleted or not; a built-in protocol always is) is counted as already there, as sessions are, and compared
 * with Sprintlog's: one of the runner's protocols or a block that differs, or a block deleted there, is noted for the
 * runner's choice (a built-in protocol never is). A new block must fit beside the blocks in Sprintlog and the other new ones (blocks may not overlap), and name
 * a protocol that is in Sprintlog or in a protocols file of the same import; a row that does not is an error, and so
 * nothing is imported. These files are small, so their checked records are kept for the commit (at most
 * MAX_TRAINING_ROWS rows a file).
 */
import { type Msg, msgOf, worded } from '../../../../shared/i18n/message'
import { type HeaderInfo, type ImportedBlock, type ImportedProtocolRecord, type NumberStyle, readBlock, readProtocol } from '../../../../shared/csv'
import { BLOCK_FIELDS, PROTOCOL_FIELDS } from '../../../../shared/records'
import { COMPARED } from '../../../db/repos/import'
import { type changeList, differingColumns } from './compare'
import { blockEnd, overlapMsg } from '../../../../shared/metrics/block'
import type { Block } from '../../../../shared/training'
import { clip, columnMsg, described, firstIssue, own, where } from './files'
import type { Findings, Lookups, SampleRow } from './plan'

/** Rows a protocols or blocks file may have (a runner has tens of each; blocks cannot overlap, so even this is centuries). */
export const MAX_TRAINING_ROWS = 10_000

/**
 * The overlap rule of blocks (findOverlap's, shared/metrics/block.ts) over many blocks at once: each block's end is
 * worked out once, as blocks are added.
 */
export function overlapChecker<B extends Pick<Block, 'startDate' | 'weeks'>>(blocks: readonly B[]) {
  const list = blocks.map((b) => ({ b, end: blockEnd(b) }))
  return {
    /** The first block that `d` overlaps; undefined when it fits beside them all. */
    find(d: Pick<Block, 'startDate' | 'weeks'>): B | undefined {
      const end = blockEnd(d)
      return list.find((x) => x.b.startDate <= end && x.end >= d.startDate)?.b
    },
    add(b: B): void {
      list.push({ b, end: blockEnd(b) })
    }
  }
}

interface At {
  file: string
  line: number
}

/** What the protocols and blocks files would add, once every file is read. */
export interface TrainingPlan {
  protocols: ImportedProtocolRecord[]
  blocks: ImportedBlock[]
  present: { protocols: number; blocks: number }
  /** The runner's protocols and the blocks in Sprintlog that differ from the files' (or, blocks, were deleted there). */
  changed: { protocols: Map<string, Changed<ImportedProtocolRecord>>; blocks: Map<string, Changed<ImportedBlock>> }
}

/** A record of the files in Sprintlog that differs from it or was deleted there, with its state there when previewed. */
export interface Changed<R> {
  record: R
  state: 'differs' | 'deleted'
  stamp: string
}

const ownProtocol = (p: ImportedProtocolRecord): ImportedProtocolRecord => ({
  ...p,
  uuid: own(p.uuid),
  name: own(p.name),
  description: own(p.description),
  sourceNote: own(p.sourceNote),
  createdAt: own(p.createdAt),
  updatedAt: own(p.updatedAt)
})

const ownBlock = (b: ImportedBlock): ImportedBlock => ({
  ...b,
  uuid: own(b.uuid),
  name: own(b.name),
  startDate: own(b.startDate),
  protocolUuid: b.protocolUuid === null ? null : own(b.protocolUuid),
  createdAt: own(b.createdAt),
  updatedAt: own(b.updatedAt)
})

const uuidCell = (header: HeaderInfo, cells: readonly string[], column: string) => (cells[header.index[column] ?? -1] ?? '').trim().toLowerCase()

export function trainingRows(repo: Lookups, report: Findings, changes: ReturnType<typeof changeList> | null = null) {
  const changed = { protocols: new Map<string, Changed<ImportedProtocolRecord>>(), blocks: new Map<string, Changed<ImportedBlock>>() }
  /** Protocols read well from protocols files, by UUID. */
  const protocolLines = new Map<string, At>()
  /** UUIDs of protocols-file rows with errors: sessions and blocks naming them are not blamed for it as well. */
  const brokenProtocols = new Set<string>()
  const protocols: ImportedProtocolRecord[] = []
  let presentProtocols = 0
  const blockLines = new Map<string, At>()
  const blocks: (At & { block: ImportedBlock; sample: SampleRow | null })[] = []
  let presentBlocks = 0

  const sample = (row: SampleRow): SampleRow | null => {
    if (!report.sampling()) return null
    report.addSample(row)
    return row
  }

  return {
    /** Whether a protocols file of this import has a row with this UUID. */
    hasProtocol: (uuid: string): boolean => protocolLines.has(uuid) || brokenProtocols.has(uuid),

    onProtocol(file: string, line: number, header: HeaderInfo, cells: string[], style: NumberStyle): void {
      const r = readProtocol(header, cells, style)
      if (!r.ok) {
        for (const i of r.issues) report.error(file, line, msgOf(i), i.column)
        const u = uuidCell(header, cells, 'protocol_uuid')
        if (u !== '') brokenProtocols.add(own(u))
        sample({ file, line, kind: 'protocols', date: '', ...described('csvSumProtocolBare'), status: 'error', ...firstIssue(r.issues) })
        return
      }
      const p = ownProtocol(r.value)
      const seen = protocolLines.get(p.uuid)
      if (seen) {
        report.error(file, line, { key: 'csvTwice', params: { column: 'protocol_uuid', uuid: p.uuid, where: where(seen, file) } }, 'protocol_uuid')
        return
      }
      protocolLines.set(p.uuid, { file, line })
      const here = repo.protocolHere(p.uuid)
      const summary = described(p.archived ? 'csvSumProtocolArchived' : 'csvSumProtocol', { name: clip(p.name) })
      let status: SampleRow['status'] = here ? 'present' : 'add'
      if (here) presentProtocols++
      else protocols.push(p)
      // A built-in protocol is Sprintlog's own: it never changes.
      if (here && !here.builtIn) {
        const columns = differingColumns(PROTOCOL_FIELDS, COMPARED.protocols, p as unknown as Record<string, unknown>, here.values)
        if (columns.length > 0) {
          status = 'differs'
          changed.protocols.set(p.uuid, { record: p, state: 'differs', stamp: here.stamp })
          changes?.differs('protocols', p.uuid, () => ({ file, line, date: '', ...summary }), columns)
        }
      }
      sample({ file, line, kind: 'protocols', date: '', ...summary, status })
    },

    onBlock(file: string, line: number, header: HeaderInfo, cells: string[], style: NumberStyle): void {
      const r = readBlock(header, cells, style)
      if (!r.ok) {
        for (const i of r.issues) report.error(file, line, msgOf(i), i.column)
        sample({ file, line, kind: 'blocks', date: cells[header.index.start_date ?? -1] ?? '', ...described('csvSumBlockBare'), status: 'error', ...firstIssue(r.issues) })
        return
      }
      const b = ownBlock(r.value)
      const seen = blockLines.get(b.uuid)
      if (seen) {
        report.error(file, line, { key: 'csvTwice', params: { column: 'block_uuid', uuid: b.uuid, where: where(seen, file) } }, 'block_uuid')
        return
      }
      blockLines.set(b.uuid, { file, line })
      const here = repo.blockHere(b.uuid)
      const present = here !== undefined
      const summary = described('csvSumBlock', { name: clip(b.name), weeks: b.weeks, perWeek: b.sessionsPerWeek })
      let status: SampleRow['status'] = present ? 'present' : 'add'
      const found = () => ({ file, line, date: b.startDate, ...summary })
      if (here?.deleted) {
        status = 'deleted'
        changed.blocks.set(b.uuid, { record: b, state: 'deleted', stamp: here.stamp })
        changes?.deleted('blocks', b.uuid, found)
      } else if (here) {
        const columns = differingColumns(BLOCK_FIELDS, COMPARED.blocks, b as unknown as Record<string, unknown>, here.values)
        if (columns.length > 0) {
          status = 'differs'
          changed.blocks.set(b.uuid, { record: b, state: 'differs', stamp: here.stamp })
          changes?.differs('blocks', b.uuid, found, columns)
        }
      }
      const row = sample({ file, line, kind: 'blocks', date: b.startDate, ...summary, status })
      if (present) presentBlocks++
      else blocks.push({ file, line, block: b, sample: row })
    },

    /** Once every file is read: a new block's protocol and dates are checked against the whole import. */
    plan(): TrainingPlan {
      const live = overlapChecker(repo.liveBlocks())
      const earlier = overlapChecker<At & Pick<Block, 'name' | 'startDate' | 'weeks'>>([])
      for (const { file, line, block: b, sample: row } of blocks) {
        const problems: { column: string; msg: Msg }[] = []
        const pu = b.protocolUuid
        if (pu !== null && repo.protocolId(pu) === undefined && !this.hasProtocol(pu)) {
          problems.push({
            column: 'protocol_uuid',
            msg: { key: 'csvBlockProtocolMissing', params: { uuid: pu } }
          })
        }
        const inDb = live.find(b)
        const inFile = inDb ? undefined : earlier.find(b)
        if (inDb) problems.push({ column: 'start_date', msg: { key: 'csvBlockOverlapsHere', params: { overlap: overlapMsg(b, inDb) } } })
        else if (inFile) problems.push({ column: 'start_date', msg: { key: 'csvBlockOverlapsFile', params: { overlap: overlapMsg(b, inFile), name: inFile.name, where: where(inFile, file) } } })
        earlier.add({ file, line, name: b.name, startDate: b.startDate, weeks: b.weeks })
        for (const p of problems) report.error(file, line, p.msg, p.column)
        if (row && problems[0]) {
          row.status = 'error'
          Object.assign(row, worded(columnMsg(problems[0].column, problems[0].msg)))
        }
      }
      return { protocols, blocks: blocks.map((x) => x.block), present: { protocols: presentProtocols, blocks: presentBlocks }, changed }
    }
  }
}
