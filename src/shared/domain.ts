import type { LocalDate } from './dates'
import type { WeightUnit } from './units'

/** One body-weight reading. Several per day are allowed; charts use the daily mean. */
export interface WeightEntry {
  id: number
  /** Stable identity across exports and imports. */
  uuid: string
  date: LocalDate
  kg: number
  note: string
  createdAt: string
  updatedAt: string
}

/** The mean of one day's readings. */
export interface DailyWeight {
  date: LocalDate
  kg: number
  count: number
}

export interface Settings {
  weightUnit: WeightUnit
}

export const DEFAULT_SETTINGS: Settings = { weightUnit: 'kg' }

export interface AppInfo {
  version: string
  /** Where the database file lives, so the runner can find and back it up. */
  databasePath: string
  schemaVersion: number
  /** `desktop` inside Electron, `web` behind the loopback HTTP server. */
  transport: 'desktop' | 'web'
}

export interface Page<T> {
  items: T[]
  total: number
}
