/**
 * Public types of the watch-file reader: what `readWatchFile` returns and the problems it reports.
 * Every problem is a message code plus params (the UI words them), never an English sentence.
 */

import type { WatchActivityReading, WatchFileReading, WatchProblem, WatchRep, WatchWeightsReading } from '../../../shared/watch'

export type { WatchFormat, WatchProblem } from '../../../shared/watch'

export class WatchFileError extends Error {
  constructor(
    readonly problem: WatchProblem,
    readonly params: Record<string, string | number> = {}
  ) {
    super(`watch file: ${problem}${Object.keys(params).length ? ' ' + JSON.stringify(params) : ''}`)
    this.name = 'WatchFileError'
  }
}

/** The bridge's shapes (shared/watch.ts), under the reader's names. */
export type DetectedRep = WatchRep
export type ProtocolMatch = WatchActivityReading['match']
export type WatchActivity = WatchActivityReading
export type WatchWeights = WatchWeightsReading
export type WatchReading = WatchFileReading
