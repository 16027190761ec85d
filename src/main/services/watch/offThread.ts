/**
 * Reads a watch file off the back end's thread: in a worker thread running the built reader
 * (out/main/watch-worker.js, beside the main bundle), one short-lived worker per file. Where that file is not
 * there (the unit tests run the sources, unbuilt), the reader runs in the calling thread instead.
 */
import { Worker } from 'node:worker_threads'
import { builtWorker } from '../../builtWorker'
import type { Protocol } from '../../../shared/training'
import { type ReadOptions, readWatchFile } from './read'
import { WatchFileError, type WatchProblem, type WatchReading } from './types'

export interface WatchJob {
  fileName: string
  bytes: Uint8Array
  protocols: Protocol[]
  opts?: ReadOptions
}

export type WatchJobResult = { ok: true; reading: WatchReading } | { ok: false; problem: WatchProblem; params: Record<string, string | number>; detail?: string }

/** The built worker (out/main/watch-worker.js), or '' when the sources run unbuilt. */
const WORKER_FILE = builtWorker('watch-worker', import.meta.url)

/** Whether files are read in a worker thread (the built app) or in the calling thread (sources run as they are). */
export const readsOffThread = (): boolean => WORKER_FILE !== ''

export function readWatchFileOffThread(fileName: string, bytes: Uint8Array, protocols: Protocol[], opts?: ReadOptions): Promise<WatchReading> {
  if (!readsOffThread()) {
    try {
      return Promise.resolve(readWatchFile(fileName, bytes, protocols, opts))
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)))
    }
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_FILE)
    let settled = false
    const settle = (f: () => void) => {
      if (settled) return
      settled = true
      f()
      void worker.terminate()
    }
    worker.once('message', (m: WatchJobResult) => settle(() => (m.ok ? resolve(m.reading) : reject(new WatchFileError(m.problem, m.params)))))
    worker.once('error', (e) => settle(() => reject(e)))
    worker.once('exit', (code) => settle(() => reject(new Error(`The watch-file reader stopped (exit code ${code}).`))))
    const job: WatchJob = { fileName, bytes, protocols, ...(opts ? { opts } : {}) }
    worker.postMessage(job)
  })
}
