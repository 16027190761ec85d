/** What the back end reports about CSV exports and imports, as the UI shows it. */
import type { Msg, Params } from '../i18n/message'
import type { CsvKind, ExportChoice } from './columns'

// ---------------------------------------------------------------------------------------------------------------
// What the back end reports about exports and imports

export interface ExportFile {
  kind: CsvKind
  fileName: string
  rows: number
  /** Web mode: a one-time address to download the file from. */
  downloadUrl?: string
  /** Desktop: where the file was saved. */
  path?: string
}

export interface ExportStatus {
  jobId: string
  what: ExportChoice
  /** Rows written so far, over every file of the job. */
  rows: number
  /** Rows the job will write in all. */
  totalRows: number
  done: boolean
  cancelled: boolean
  /** What went wrong, in English, and as a message for the renderer to word. */
  error?: string
  errorMsg?: Msg
  /** The finished files (once done). */
  files: ExportFile[]
}

export interface ImportLineError {
  file: string
  /** The line of the file where the row starts (1 is the header). */
  line: number
  column?: string
  message: string
  key?: string
  params?: Params
}

export interface ImportFileSummary {
  name: string
  kind: CsvKind | null
  rows: number
  delimiter: ',' | ';'
  decimalComma: boolean
  encoding: 'utf-8' | 'windows-1252'
}

export interface ImportSampleRow {
  file: string
  line: number
  kind: CsvKind
  date: string
  /** The English wording of `summaryMsg`, the line describing the record (the renderer words the message). */
  summary: string
  summaryMsg: Msg
  /** `differs`: in Sprintlog with other values; `deleted`: deleted in Sprintlog (the file can restore it). */
  status: 'add' | 'present' | 'differs' | 'deleted' | 'error'
  message?: string
  key?: string
  params?: Params
}

/** Records that differ (and records deleted in Sprintlog) listed with their details in a preview; all are counted. */
export const MAX_LISTED_CHANGES = 1000
/** Differing columns listed per record. */
export const MAX_LISTED_FIELDS = 20

/**
 * The records whose UUID is in Sprintlog that the runner can choose about: sessions (with their reps), body weights,
 * the runner's own protocols (built-in ones never change) and training blocks.
 */
export type ChangeKind = 'sessions' | 'weights' | 'protocols' | 'blocks'

export type ChangeCounts = Record<ChangeKind, number>

/**
 * A record of the files whose UUID is in Sprintlog but whose values are not Sprintlog's (`differs`), or that was
 * deleted in Sprintlog (`deleted`).
 */
export interface ChangedRecord {
  kind: ChangeKind
  uuid: string
  state: 'differs' | 'deleted'
  /** The file's date of the record, and a line describing it. */
  date: string
  summary: string
  summaryMsg: Msg
  /** Where it is in the files (a session: its first rep row). */
  file: string
  line: number
  /**
   * The CSV columns whose values differ (a rep's as `rep 3: rep_work_seconds`; `rep 7: not in the file` or
   * `rep 7: not in Sprintlog` for a rep only one side has); empty for a deleted record.
   */
  fields: string[]
  /** Differing columns left out of `fields` (it lists at most MAX_LISTED_FIELDS). */
  moreFields: number
}

/** What the runner chooses for the records already in Sprintlog, sent with the confirmation. */
export interface ImportChoices {
  /** For records that differ: keep Sprintlog's version (`keep`, the default) or take the file's, for all of them but `except`. */
  differs: { all: 'keep' | 'file'; except: string[] }
  /** For records deleted in Sprintlog: restore them from the file (`all: true`) or leave them deleted (the default), but `except`. */
  restore: { all: boolean; except: string[] }
}

export interface ImportCounts {
  sessions: number
  reps: number
  weights: number
  /** Protocols from a protocols file, and those recreated from the sessions that followed them. */
  protocols: number
  blocks: number
}

export interface ImportPreview {
  files: ImportFileSummary[]
  /** What confirming would add. */
  toAdd: ImportCounts
  /** Rows whose UUID is already in the database: left as they are, unless the runner chooses otherwise for those in `changed`. */
  present: { sessions: number; reps: number; weights: number; protocols: number; blocks: number }
  /** Of `present`: records whose values are not Sprintlog's (session fields or reps; a weight's date, kg or note). */
  differs: ChangeCounts
  /** Of `present`: records deleted in Sprintlog, which the file can restore. */
  deletedHere: ChangeCounts
  /**
   * The first MAX_LISTED_CHANGES records that differ and the first MAX_LISTED_CHANGES deleted here, in the order of
   * the files; all of them are counted in `differs` and `deletedHere`.
   */
  changed: ChangedRecord[]
  /** Names of protocols that are not in the database and would be recreated from the file. */
  newProtocols: string[]
  errors: ImportLineError[]
  /** All errors, of which `errors` lists the first few hundred. */
  errorCount: number
  warnings: string[]
  /** The same warnings as messages, for the renderer to word. */
  warningMsgs: Msg[]
  /** The first rows of the files with what will happen to them. */
  sample: ImportSampleRow[]
  /** True when there are no errors and something to add, or records in Sprintlog to choose about. */
  canImport: boolean
}

export interface ImportStatus {
  previewId: string
  /** `committing`: the import is being written; `bytesRead` and `totalBytes` are then those of the files read again. */
  state: 'reading' | 'ready' | 'committing' | 'failed' | 'committed' | 'cancelled'
  bytesRead: number
  totalBytes: number
  preview?: ImportPreview
  error?: string
  errorMsg?: Msg
  added?: ImportCounts
  /** Records whose file version replaced Sprintlog's, and records restored from the file (once committed). */
  replaced?: ChangeCounts
  restored?: ChangeCounts
}

export interface ChosenFile {
  fileId: string
  name: string
  size: number
}
