/**
 * Public types of the watch-file reader: what `readWatchFile` returns and the problems it reports.
 * Every problem is a message code plus params (the UI words them), never an English sentence.
 */

export type WatchFormat = 'fit' | 'tcx' | 'gpx'

export type WatchProblem =
  | 'not_watch_file'
  | 'crc'
  | 'truncated'
  | 'empty_activity'
  | 'not_running'
  | 'multisport'
  | 'too_large'
  | 'unreadable'

export class WatchFileError extends Error {
  constructor(
    readonly problem: WatchProblem,
    readonly params: Record<string, string | number> = {}
  ) {
    super(`watch file: ${problem}${Object.keys(params).length ? ' ' + JSON.stringify(params) : ''}`)
    this.name = 'WatchFileError'
  }
}

export interface DetectedRep {
  workSeconds: number
  distanceMeters: number | null
  heartRateMax: number | null
  heartRateAvg: number | null
  hill: boolean
  inclinePct: number | null
  recoverySeconds: number | null
  recoveryMode: 'stand' | 'walk' | 'jog' | 'walk-down'
  /** Seconds of timer time from the start of the recording to the start of this rep. */
  startOffsetSeconds: number
}

export interface ProtocolMatch {
  protocolId: number | null
  reason: { key: string; params: Record<string, string | number> }
}

export interface WatchActivity {
  kind: 'activity'
  format: WatchFormat
  /** 'running', 'cycling', 'swimming', ... (lower case, as the file names it) */
  sport: string
  running: boolean
  device: string | null
  /** ISO instant of the first record or lap */
  startedAt: string
  /** local YYYY-MM-DD */
  date: string
  /** local HH:MM */
  startTime: string
  warmupSeconds: number
  cooldownSeconds: number
  reps: DetectedRep[]
  detectedBy: 'intensity_laps' | 'laps' | 'records'
  match: ProtocolMatch
}

export interface WatchWeights {
  kind: 'weights'
  format: 'fit'
  device: string | null
  entries: { measuredAt: string; kg: number }[]
}

export type WatchReading = WatchActivity | WatchWeights
