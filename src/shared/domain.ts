import type { Msg, Params } from './i18n/message'
import type { LocalDate } from './dates'
import type { Weekday } from './metrics/calendar'
import type { Values } from './fields'
import type { WEIGHT_FIELDS } from './records'
import type { Language } from './i18n/languages'
import type { Theme } from './theme'
import type { DistanceUnit, WeightUnit } from './units'

/** One body-weight reading (records.ts). Several per day are allowed; charts use the daily mean. */
export type WeightEntry = Values<typeof WEIGHT_FIELDS>

/** The mean of one day's readings. */
export interface DailyWeight {
  date: LocalDate
  kg: number
  count: number
}

export interface Settings {
  weightUnit: WeightUnit
  /** How distances and speeds are shown: metres and km (min/km, km/h), or yards and miles (min/mi, mph). Stored in metres. */
  distanceUnit: DistanceUnit
  /** The UUID of the finished block whose summary card the runner dismissed on the dashboard; null when none. */
  dismissedBlockSummary: string | null
  /** The runner's usual training days (1 = Monday … 7 = Sunday, ascending); empty when not set (metrics/calendar.ts). */
  trainingDays: Weekday[]
  /** The usual start time of a session, `HH:MM`, for the calendar export; null for all-day events. */
  sessionTime: string | null
  /** The language the runner chose; null follows the system's language. */
  language: Language | null
  /** The colour theme; `system` follows the operating system's light or dark mode. */
  theme: Theme
}

export const DEFAULT_SETTINGS: Settings = { weightUnit: 'kg', distanceUnit: 'km', dismissedBlockSummary: null, trainingDays: [], sessionTime: null, language: null, theme: 'system' }

export interface AppInfo {
  version: string
  /** Where the database file lives, so the runner can find and back it up. */
  databasePath: string
  /** The folder of automatic and pre-migration backups, beside the database. */
  backupDir: string
  schemaVersion: number
  /** `desktop` inside Electron, `web` behind the loopback HTTP server. */
  transport: 'desktop' | 'web'
  /** Whether the database is open; when it is not, only backups and app info answer. */
  database: DatabaseStatus
  /** The desktop's locale (BCP 47) that picks the language until the runner chooses one; null in web mode (the browser's languages then). */
  locale: string | null
}

/**
 * Why the database cannot be used: what the recovery screen explains. `corrupt` also when damage is found while
 * running (the back end then stops writing to the file); `locked` goes by itself once the other program lets go.
 */
export type DatabaseFailure =
  | 'too_new'
  | 'not_a_database'
  | 'corrupt'
  | 'foreign'
  | 'migration_failed'
  | 'unreadable'
  | 'empty'
  | 'is_folder'
  | 'read_only'
  | 'locked'
  | 'disk_full'

export type DatabaseStatus = { ok: true } | { ok: false; kind: DatabaseFailure; message: string; key: string; params?: Params }

export type BackupKind = 'daily' | 'pre-migration' | 'before-restore' | 'manual' | 'other'

export interface BackupInfo {
  /** The file name in the backup folder. */
  name: string
  kind: BackupKind
  /** When the copy was made (the file's modification time), ISO 8601. */
  createdAt: string
  sizeBytes: number
  schemaVersion: number
  sessions: number
  weights: number
  /** False when the file cannot be restored; `problem` says why. */
  ok: boolean
  problem?: string
  /** The same as a message, for the renderer to word. */
  problemMsg?: Msg
}

export interface RestoreOutcome {
  restored: BackupInfo
  /** Restoring this backup undoes the restore; null when the damaged file was set aside instead. */
  undoName: string | null
  /** Where an unopenable database was moved, untouched, before the backup took its place. */
  keptAs: string | null
}

export interface Page<T> {
  items: T[]
  total: number
}
