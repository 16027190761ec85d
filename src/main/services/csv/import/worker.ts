/**
 * An import as a worker thread (its own entry, out/main/import-worker.js): the preview and the commit of one import,
 * with a connection of its own to the runner's database, so that reading a multi-gigabyte file and writing it in one
 * transaction never hold up the back end, whose connection keeps answering (and reading the data as it was) until
 * the commit is done. Messages in: `commit` (the runner's choices); out: see offThread.ts.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { openWriter } from '../../../db/reader'
import { importRepo } from '../../../db/repos/import'
import { type FromWorker, type ToWorker, type WorkerStart, wireError } from './offThread'
import { runHere } from './run'

/** Progress is posted at most this often. */
const PROGRESS_MS = 100

const port = parentPort
if (port) {
  const start = workerData as WorkerStart
  const post = (m: FromWorker) => port.postMessage(m)
  const db = openWriter(start.dbPath, start.nativeBinding)
  let sent = 0
  const throttled = (f: () => void) => {
    const t = Date.now()
    if (t - sent < PROGRESS_MS) return
    sent = t
    f()
  }
  const run = runHere(start.sources, db, importRepo(db), { onBytes: (n) => throttled(() => post({ type: 'bytes', bytes: n })) })
  run.preview.then(
    (preview) => post({ type: 'ready', preview }),
    (e: unknown) => post({ type: 'readFailed', error: wireError(e) })
  )
  // The back end ends this worker when it is done with the import (terminate), whatever it is doing then.
  port.on('message', (m: ToWorker) => {
    run.commit(m.choices, (bytes, total) => throttled(() => post({ type: 'commitBytes', bytes, total }))).then(
      (result) => post({ type: 'committed', result }),
      (e: unknown) => post({ type: 'commitFailed', error: wireError(e) })
    )
  })
}
