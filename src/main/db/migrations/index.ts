/**
 * The registry of schema migrations. Migrations are only ever appended: a released migration is never
 * edited, reordered or removed, because databases in the wild were built by it.
 */
import type { Migration } from './types'
import { m001 } from './001-body-weight'
import { m002 } from './002-training'
import { m003 } from './003-rep-checks'
import { m004 } from './004-honest-volume'
import { m005 } from './005-rep-loads'
import { m006 } from './006-timed-walk-downs'
import { m007 } from './007-daily-totals'
import { m008 } from './008-session-sources'
import { m009 } from './009-day-stats'

export const MIGRATIONS: readonly Migration[] = [m001, m002, m003, m004, m005, m006, m007, m008, m009]

export const LATEST_VERSION = MIGRATIONS.length

export type { Migration }
