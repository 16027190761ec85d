/** What a preview hands to the commit: the files as read, and what they would add. */
import type { Msg } from '../../../../shared/i18n/message'
import type { CsvKind, ImportedBlock, ImportedProtocolRecord, ImportPreview, ImportSampleRow } from '../../../../shared/csv'
import type { ImportedProtocol, ImportRepo } from '../../../db/repos/import'
import type { ChangedSession, PlannedSessions } from './groups'
import type { Changed } from './training'

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
  /** Protocols recreated from the sessions that followed them (their protocol is in neither the database nor a protocols file). */
  protocols: ImportedProtocol[]
  /**
   * The protocols and training blocks to add, from protocols and blocks files. These files are small (a runner has
   * tens of each, and a file is refused beyond MAX_TRAINING_ROWS rows), so their checked records are kept for the
   * commit, which still checks that the files' bytes are those previewed.
   */
  fileProtocols: ImportedProtocolRecord[]
  blocks: ImportedBlock[]
  /** The sessions to add, by UUID, with the number of reps each has in the files. */
  sessions: PlannedSessions
  /** The UUIDs of the body weights to add. */
  weights: Set<string>
  /**
   * The records of the files that are in Sprintlog and differ from it or were deleted there, with their state there
   * when previewed: the commit applies the runner's choice to them, if that state is unchanged.
   */
  changed: {
    session(uuid: string): ChangedSession | undefined
    weight(uuid: string): { state: 'differs' | 'deleted'; stamp: string } | undefined
    /** A session of a sessions file that no reps file brings: compared on its session columns alone (its reps stay Sprintlog's). */
    sessionRow(uuid: string): { state: 'differs' | 'deleted'; stamp: string } | undefined
    /** How many such sessions there are. */
    sessionRows: number
    /** The runner's protocols and the blocks of the files that differ or were deleted here (these files are small: kept whole). */
    protocols: Map<string, Changed<ImportedProtocolRecord>>
    blocks: Map<string, Changed<ImportedBlock>>
  }
  /** Lets go of what the preview keeps for the commit (its scratch table); call it once the plan is done with. */
  release(): void
}

export interface ReadOptions {
  signal?: AbortSignal
  /** Called as the files are read, with the bytes read so far over all files. */
  onBytes?: (bytes: number) => void
}

/** What the preview asks the database. */
export type Lookups = Pick<ImportRepo, 'hasSession' | 'hasWeight' | 'protocolId' | 'hasBlock' | 'liveBlocks' | 'sessionHere' | 'repsHere' | 'weightHere' | 'protocolHere' | 'blockHere'>

/** Where the preview's readers report what they find. */
export interface Findings {
  error(file: string, line: number, m: Msg, column?: string): void
  /** Adds a row to the preview's sample while it has room. */
  addSample(row: SampleRow): void
  /** Whether the sample has room for more rows. */
  sampling(): boolean
}

export type SampleRow = ImportSampleRow & { uuid?: string }
