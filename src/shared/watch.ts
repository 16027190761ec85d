/**
 * Watch files on the bridge: what `watch/read` and `watch/open` answer for each file, the problems a file can have
 * and the limits. The reader itself (src/main/services/watch) returns these shapes; the renderer words the problems
 * from its `watch` catalogue. Platform-free.
 */

export const WATCH_FORMATS = ['fit', 'tcx', 'gpx'] as const
export type WatchFormat = (typeof WATCH_FORMATS)[number]

export const WATCH_PROBLEMS = ['not_watch_file', 'crc', 'truncated', 'empty_activity', 'not_running', 'multisport', 'too_large', 'unreadable'] as const
export type WatchProblem = (typeof WATCH_PROBLEMS)[number]

/** The largest watch file read: 50 MB (a day-long recording at 1 Hz is a few MB). */
export const MAX_WATCH_FILE_BYTES = 50 * 1024 * 1024
/** What the open dialog and the file control offer. */
export const WATCH_EXTENSIONS = ['fit', 'tcx', 'gpx', 'gz'] as const
export const WATCH_ACCEPT = '.fit,.tcx,.gpx,.gz,.fit.gz,.tcx.gz,.gpx.gz'

export type WatchRecoveryMode = 'stand' | 'walk' | 'jog' | 'walk-down'

/** One work interval found in a recording and the recovery after it. */
export interface WatchRep {
  workSeconds: number
  distanceMeters: number | null
  heartRateMax: number | null
  heartRateAvg: number | null
  hill: boolean
  inclinePct: number | null
  recoverySeconds: number | null
  recoveryMode: WatchRecoveryMode
  startOffsetSeconds: number
}

/** A message the renderer words from its catalogue: a key and its parameters. */
export interface WatchMessage {
  key: string
  params: Record<string, string | number>
}

export interface WatchActivityReading {
  kind: 'activity'
  format: WatchFormat
  /** `running`, `cycling`, `swimming`, … as the file names it. */
  sport: string
  running: boolean
  device: string | null
  startedAt: string
  date: string
  startTime: string
  warmupSeconds: number
  cooldownSeconds: number
  reps: WatchRep[]
  /** Laps marked with the workout's intensity, plain laps classified by speed, or the speed records themselves. */
  detectedBy: 'intensity_laps' | 'laps' | 'records'
  match: { protocolId: number | null; reason: WatchMessage }
}

export interface WatchWeightsReading {
  kind: 'weights'
  format: 'fit'
  device: string | null
  entries: { measuredAt: string; kg: number }[]
}

export type WatchFileReading = WatchActivityReading | WatchWeightsReading

/** Why a file could not be read, as an AppError with the problem beside the plain-English message. */
export interface WatchFileError {
  code: 'invalid_input'
  /** Plain English, naming the file: `intervals.fit is damaged: its checksum (CRC) does not match.` */
  message: string
  problem: WatchProblem
  params: Record<string, string | number>
}

/** What reading one file gives: the reading, or the problem the file has. Nothing is written either way. */
export interface WatchFile {
  fileName: string
  size: number
  /** SHA-256 of the file's bytes, in hex: how the file is named to `sessions/create` and `watch/addWeights`. */
  sha256: string
  reading: WatchFileReading | null
  /** The live session this very file is attached to already; null when it is new (or its session was deleted). */
  alreadyLogged: { sessionId: number; date: string } | null
  error: WatchFileError | null
}

/** The plain-English words for each problem (the message of the AppError; the renderer uses its catalogue). */
export function watchProblemMessage(fileName: string, problem: WatchProblem, params: Record<string, string | number> = {}): string {
  switch (problem) {
    case 'not_watch_file':
      return `${fileName} is not a FIT, TCX or GPX watch file.`
    case 'crc':
      return `${fileName} is damaged: its checksum (CRC) does not match its contents.`
    case 'truncated':
      return `${fileName} is incomplete: the file ends before its data does (it was cut off while copying or saving).`
    case 'empty_activity':
      return `${fileName} holds no recording: the activity has no laps and no records.`
    case 'not_running':
      return `${fileName} is a ${String(params.sport ?? 'non-running')} activity, not a run.`
    case 'multisport':
      return `${fileName} is a multisport activity; export the running part on its own and import that.`
    case 'too_large':
      return `${fileName} is larger than 50 MB, which is more than any watch recording of a session.`
    case 'unreadable':
      return `${fileName} could not be read${params.detail ? `: ${String(params.detail)}` : ''}.`
  }
}
