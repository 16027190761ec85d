/**
 * The watch-file reader as a worker thread (its own entry, out/main/watch-worker.js): decoding an hour's FIT
 * file takes the SDK about 150 ms and a long GPX file more, which on the back end's thread would hold up every
 * other request. One message in (the file, its protocols), one out (the reading or the problem).
 */
import { parentPort } from 'node:worker_threads'
import { readWatchFile } from './read'
import { WatchFileError } from './types'
import type { WatchJob, WatchJobResult } from './offThread'

parentPort?.on('message', (job: WatchJob) => {
  let out: WatchJobResult
  try {
    out = { ok: true, reading: readWatchFile(job.fileName, job.bytes, job.protocols, job.opts) }
  } catch (e) {
    out =
      e instanceof WatchFileError
        ? { ok: false, problem: e.problem, params: e.params }
        : { ok: false, problem: 'unreadable', params: { file: job.fileName }, detail: e instanceof Error ? e.message : String(e) }
  }
  parentPort?.postMessage(out)
})
