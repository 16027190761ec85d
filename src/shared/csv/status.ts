/** What the back end reports about CSV exports and imports, as the UI shows it. */
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
  error?: string
  /** The finished files (once done). */
  files: ExportFile[]
}

export interface ImportLineError {
  file: string
  /** The line of the file where the row starts (1 is the header). */
  line: number
  column?: string
  message: string
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
  summary: string
  status: 'add' | 'present' | 'error'
  message?: string
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
  /** Rows whose UUID is already in the database: left as they are. */
  present: { sessions: number; reps: number; weights: number; protocols: number; blocks: number }
  /** Names of protocols that are not in the database and would be recreated from the file. */
  newProtocols: string[]
  errors: ImportLineError[]
  /** All errors, of which `errors` lists the first few hundred. */
  errorCount: number
  warnings: string[]
  /** The first rows of the files with what will happen to them. */
  sample: ImportSampleRow[]
  /** True when there are no errors and something to add. */
  canImport: boolean
}

export interface ImportStatus {
  previewId: string
  state: 'reading' | 'ready' | 'failed' | 'committed' | 'cancelled'
  bytesRead: number
  totalBytes: number
  preview?: ImportPreview
  error?: string
  added?: ImportCounts
}

export interface ChosenFile {
  fileId: string
  name: string
  size: number
}
