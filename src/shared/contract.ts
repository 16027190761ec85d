/**
 * The contract between the UI and the back end: for every channel, the schema its input must pass and
 * the type of the value it returns. Both ends are derived from this one module (the preload from the
 * channel list, the router from the schemas, the renderer's api from the types).
 */
import { z } from 'zod'
import './i18n/zodMessages'
import { zm } from './i18n/message'
import { CHANNELS, type Channel } from './channels'
import type { AppInfo, BackupInfo, DatabaseStatus, Page, RestoreOutcome, Settings, WeightEntry } from './domain'
import type { NextSessionAdvice } from './metrics/progression'
import type { WeightSeries } from './metrics/weight'
import type { BlockProgress } from './metrics/block'
import type { FinishedBlock } from './metrics/blockSummary'
import type { CalendarDay, CalendarTotals, Weekday } from './metrics/calendar'
import type { SessionMetrics } from './metrics/session'
import { blockFields, bodyKg, id, localDate, note, protocolFields, sessionFields, settingsPatch } from './schemas'
import type { Block, LoadKind, Protocol, RepeatGroup, Session } from './training'
import { type ChosenFile, EXPORT_CHOICES, type ExportStatus, type ImportChoices, type ImportStatus, MAX_LISTED_CHANGES } from './csv'
import type { BlockVolume, FitnessSeries, ProtocolProgress, SprintBests, WeeklyLoad } from './stats'
import { MAX_WATCH_FILE_BYTES, type WatchFile } from './watch'

export { localDate, id, note, bodyKg }

/** A training block's calendar (metrics/calendar.ts). */
export interface BlockCalendar {
  block: Block
  endDate: string
  /** The date the states were computed for. */
  today: string
  /** The usual training days the plan used; empty when the block's sessions were spread evenly instead. */
  trainingDays: Weekday[]
  days: CalendarDay[]
  totals: CalendarTotals
}

/** A written calendar file. */
export interface CalendarExport {
  fileName: string
  /** Planned sessions written as events. */
  events: number
  /** Desktop: where the file was saved. */
  path?: string
  /** Web mode: a one-time address to download it from. */
  downloadUrl?: string
}

/** A written FIT workout file (a protocol's plan for a watch). */
export interface WorkoutExport {
  fileName: string
  /** The plan the file holds: the plan as progressed, or the protocol's own. */
  plan: RepeatGroup[]
  /** Desktop: where the file was saved. */
  path?: string
  /** Web mode: a one-time address to download it from. */
  downloadUrl?: string
}

/** A session in lists: everything but the reps, with its metrics. */
/** The reps of a session that carried one load (kilograms and what carried it), for the history. */
export interface RepLoad {
  loadKg: number
  loadKind: LoadKind
  /** Reps with this load, abandoned ones included. */
  reps: number
}

/** A history row: the session, its stored metrics, and its reps' loads (lightest first; empty when none was loaded). */
export type SessionSummary = Omit<Session, 'reps'> & SessionMetrics & { loads: RepLoad[] }

const none = z.object({}).strict().optional()

/** A file's SHA-256 in hex: how a read watch file is named when it is saved. */
const sha256 = z.string({ error: zm('watchSha256') }).regex(/^[0-9a-f]{64}$/, zm('watchSha256Form'))
/** The runner's time zone (an IANA name such as Europe/Berlin), for a watch file's local date and time. */
const timeZone = z
  .string({ error: zm('timeZoneForm') })
  .max(64, zm('timeZoneForm'))
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone })
      return true
    } catch {
      return false
    }
  }, zm('timeZoneForm'))
  .optional()
/** A session saved from a watch file names the file read by `watch/read` or `watch/open`. */
const sessionCreate = sessionFields.extend({
  sourceSha256: sha256.optional(),
  /** The runner confirmed importing an activity that is not a run (as a free-form session). */
  sourceNotRunning: z.literal(true, zm('notRunningConfirm')).optional()
})
const dateRange = {
  from: localDate.optional(),
  to: localDate.optional()
}

/** For the stats channels: a range whose start is not after its end. */
const ordered = (r: { from?: string | undefined; to?: string | undefined }) => !r.from || !r.to || r.from <= r.to
const orderedError = { error: zm('rangeReversed'), path: ['to'] }

/** Marks the type a channel returns; it exists only for the type checker. */
const returns = <T>(): T => undefined as T

const changedUuids = z
  .array(z.string({ error: zm('previewUuid') }).regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, zm('previewUuid')), {
    error: zm('previewUuidList')
  })
  .max(MAX_LISTED_CHANGES, zm('previewUuidMax', { max: String(MAX_LISTED_CHANGES) }))

/** What the runner chooses for the records of an import that are in Sprintlog already (see ImportChoices). */
const importChoices = z
  .object({
    differs: z.object({ all: z.enum(['keep', 'file'], { error: zm('differsChoice') }), except: changedUuids }).strict(),
    restore: z.object({ all: z.boolean({ error: zm('restoreChoice') }), except: changedUuids }).strict()
  })
  .strict() satisfies z.ZodType<ImportChoices>

export const contract = {
  'export/start': {
    input: z
      .object({ what: z.enum(EXPORT_CHOICES, { error: zm('exportWhat', { values: EXPORT_CHOICES.join(', ') }) }), ...dateRange })
      .strict()
      .refine((r) => !r.from || !r.to || r.from <= r.to, { error: zm('rangeReversed'), path: ['from'] }),
    output: returns<{ jobId: string | null }>()
  },
  'export/status': { input: z.object({ jobId: z.string().min(1).max(100) }).strict(), output: returns<ExportStatus>() },
  'export/cancel': { input: z.object({ jobId: z.string().min(1).max(100) }).strict(), output: returns<{ cancelled: boolean }>() },
  'import/chooseFile': { input: none, output: returns<{ files: ChosenFile[] }>() },
  'import/preview': {
    input: z.object({ fileIds: z.array(z.string().min(1).max(100)).min(1, 'Choose at least one file.').max(10, 'At most 10 files at once.') }).strict(),
    output: returns<{ previewId: string }>()
  },
  'import/status': { input: z.object({ previewId: z.string().min(1).max(100) }).strict(), output: returns<ImportStatus>() },
  'import/commit': { input: z.object({ previewId: z.string().min(1).max(100), choices: importChoices.optional() }).strict(), output: returns<ImportStatus>() },
  'import/cancel': { input: z.object({ previewId: z.string().min(1).max(100) }).strict(), output: returns<{ cancelled: boolean }>() },
  'app/info': { input: none, output: returns<AppInfo>() },
  'backups/list': { input: none, output: returns<BackupInfo[]>() },
  /** Desktop: to a file the user picks (null when they cancel); web mode: into the backup folder. */
  'backups/create': { input: none, output: returns<BackupInfo | null>() },
  'backups/restore': {
    input: z.object({ name: z.string({ error: zm('backupFileName') }).regex(/^[\w.-]+\.db$/, zm('backupFileName')) }).strict(),
    output: returns<RestoreOutcome>()
  },
  /** In recovery mode: try to open the database again (after another program let go of it). */
  'database/retry': { input: none, output: returns<DatabaseStatus>() },
  /** In recovery mode for an empty (0-byte) file only: start a new, empty database in its place. */
  'database/startNew': { input: z.object({ confirm: z.literal(true, zm('startNewConfirm')) }).strict(), output: returns<DatabaseStatus>() },
  'settings/get': { input: none, output: returns<Settings>() },
  'settings/update': {
    input: settingsPatch,
    output: returns<Settings>()
  },
  'weights/list': {
    input: z
      .object({
        ...dateRange,
        limit: z.number().int().min(1).max(1000).default(100),
        offset: z.number().int().min(0).default(0)
      })
      .strict()
      .default({ limit: 100, offset: 0 }),
    output: returns<Page<WeightEntry>>()
  },
  'weights/daily': {
    input: z.object(dateRange).strict().default({}),
    output: returns<WeightSeries>()
  },
  'weights/add': {
    input: z.object({ date: localDate, kg: bodyKg, note }).strict(),
    output: returns<WeightEntry>()
  },
  'weights/update': {
    input: z.object({ id, date: localDate, kg: bodyKg, note }).strict(),
    output: returns<WeightEntry>()
  },
  'weights/delete': { input: z.object({ id }).strict(), output: returns<{ id: number }>() },
  'weights/restore': { input: z.object({ id }).strict(), output: returns<WeightEntry>() },

  'protocols/list': {
    input: z.object({ includeArchived: z.boolean().default(false) }).strict().default({ includeArchived: false }),
    output: returns<Protocol[]>()
  },
  'protocols/get': { input: z.object({ id }).strict(), output: returns<Protocol>() },
  'protocols/create': { input: protocolFields, output: returns<Protocol>() },
  'protocols/update': { input: protocolFields.extend({ id }), output: returns<Protocol>() },
  /** `name`: the copy's name as the runner's language words it (`… (副本)`); the back end makes it free, else words one in English. */
  /** The copy's name, description and source note may come worded by the renderer in the runner's language (a built-in's are shown translated). */
  'protocols/duplicate': {
    input: z.object({ id, name: protocolFields.shape.name.optional(), description: protocolFields.shape.description.unwrap().optional(), sourceNote: protocolFields.shape.sourceNote.unwrap().optional() }).strict(),
    output: returns<Protocol>()
  },
  'protocols/archive': { input: z.object({ id, archived: z.boolean() }).strict(), output: returns<Protocol>() },

  'sessions/list': {
    input: z
      .object({
        ...dateRange,
        /** A protocol id, or 'none' for free-form sessions. */
        protocolId: z.union([id, z.literal('none')]).optional(),
        limit: z.number().int().min(1).max(500).default(50),
        offset: z.number().int().min(0).default(0)
      })
      .strict()
      .default({ limit: 50, offset: 0 }),
    output: returns<Page<SessionSummary>>()
  },
  'sessions/get': { input: z.object({ id }).strict(), output: returns<Session>() },
  /** With `sourceSha256`, the watch file read just now is attached in the same transaction (refused when it is logged already). */
  'sessions/create': { input: sessionCreate, output: returns<Session>() },
  'sessions/update': { input: sessionFields.extend({ id }), output: returns<Session>() },
  'sessions/delete': { input: z.object({ id }).strict(), output: returns<{ id: number }>() },
  'sessions/restore': { input: z.object({ id }).strict(), output: returns<Session>() },
  /**
   * The walk-down estimate's second source for a session of `protocolId` (null: free-form) on `date`: the last timed
   * walk-down of the latest earlier live session of that protocol (`sessionId`: the session being edited, which it
   * leaves out with the sessions saved after it that day); null when there is none (metrics/session.ts).
   */
  'sessions/walkDownBefore': {
    input: z.object({ protocolId: id.nullable(), date: localDate, sessionId: id.optional() }).strict(),
    output: returns<{ seconds: number | null }>()
  },

  'blocks/list': { input: z.object({ today: localDate.optional() }).strict().default({}), output: returns<BlockProgress[]>() },
  'blocks/current': { input: z.object({ today: localDate.optional() }).strict().default({}), output: returns<BlockProgress | null>() },
  /** The block that ended last before `today`, while no other has started: its summary and the next block's prefill. */
  'blocks/finished': { input: z.object({ today: localDate.optional() }).strict().default({}), output: returns<FinishedBlock | null>() },
  'blocks/create': { input: blockFields, output: returns<Block>() },
  'blocks/update': { input: blockFields.extend({ id }), output: returns<Block>() },
  'blocks/delete': { input: z.object({ id }).strict(), output: returns<{ id: number }>() },
  'blocks/restore': { input: z.object({ id }).strict(), output: returns<Block>() },

  /** A block's days with their plan and what was done; `today` is the runner's own date. */
  'calendar/ofBlock': { input: z.object({ blockId: id, today: localDate.optional() }).strict(), output: returns<BlockCalendar>() },
  /** The block's planned sessions from `today` on as an .ics file. Desktop: to a file the user picks (null when they cancel); web mode: a download. */
  'calendar/export': { input: z.object({ blockId: id, today: localDate.optional() }).strict(), output: returns<CalendarExport | null>() },

  'advice/forProtocol': { input: z.object({ protocolId: id, today: localDate.optional() }).strict(), output: returns<NextSessionAdvice>() },

  /**
   * A protocol's plan as a FIT workout file for a watch: by default the plan as progressed (the plan `advice/forProtocol`
   * suggests for `today`), else the protocol's own. Desktop: to a file the user picks (null when they cancel); web mode: a download.
   */
  'workouts/export': {
    input: z.object({ protocolId: id, asProgressed: z.boolean({ error: zm('asProgressedType') }).default(true), today: localDate.optional() }).strict(),
    output: returns<WorkoutExport | null>()
  },

  'stats/blockVolume': { input: z.object({ blockId: id }).strict(), output: returns<BlockVolume>() },
  'stats/weeklyLoad': { input: z.object(dateRange).strict().refine(ordered, orderedError).default({}), output: returns<WeeklyLoad>() },
  'stats/fitness': { input: z.object(dateRange).strict().refine(ordered, orderedError).default({}), output: returns<FitnessSeries>() },
  'stats/protocolProgress': { input: z.object({ protocolId: id, ...dateRange }).strict().refine(ordered, orderedError), output: returns<ProtocolProgress>() },
  'stats/sprintBests': { input: z.object({ protocolId: id.optional(), ...dateRange }).strict().refine(ordered, orderedError).default({}), output: returns<SprintBests>() },

  /**
   * One watch file (FIT, TCX or GPX, gzipped or not) sent as base64: its reading, or the problem it has (`error`),
   * and whether it is logged already. Nothing is written; a file that reads well is kept pending for the save.
   */
  'watch/read': {
    input: z
      .object({
        fileName: z.string({ error: zm('watchFileName') }).min(1, zm('watchFileName')).max(255, zm('watchFileNameMax', { max: '255' })),
        // The limit is checked on the decoded size (the too_large problem); this only bounds what is parsed.
        data: z.string({ error: zm('watchFileData') }).max(Math.ceil((MAX_WATCH_FILE_BYTES * 4) / 3) + 4 * 1024 * 1024, zm('watchFileFarTooLarge', { mb: String(MAX_WATCH_FILE_BYTES / 1024 / 1024) })),
        timeZone
      })
      .strict(),
    output: returns<WatchFile>()
  },
  /** Desktop: the native open dialog (several files; .fit .tcx .gpx .gz); each chosen file read like `watch/read`. Empty when cancelled. */
  'watch/open': { input: z.object({ timeZone }).strict().default({}), output: returns<{ files: WatchFile[] }>() },
  /** A weight-scale file read just now: its entries added as body weight (the same instant and kg skipped), in one transaction. */
  'watch/addWeights': { input: z.object({ sha256 }).strict(), output: returns<{ added: number; skipped: number; refused: number }>() }
} satisfies Record<Channel, { input: z.ZodType; output: unknown }>

// Every listed channel has a contract entry (checked above) and no entry is unlisted (checked here).
const _noExtraChannels: Record<keyof typeof contract, true> = Object.fromEntries(CHANNELS.map((c) => [c, true])) as Record<
  Channel,
  true
>
void _noExtraChannels

/** What the caller passes (defaults may be omitted). */
export type InputOf<C extends Channel> = z.input<(typeof contract)[C]['input']>
/** What the handler receives, after parsing and defaults. */
export type ParsedInputOf<C extends Channel> = z.output<(typeof contract)[C]['input']>
export type OutputOf<C extends Channel> = (typeof contract)[C]['output']
