import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import type { WatchJob, WatchJobResult } from '../../src/main/services/watch/offThread'
import { readWatchFile } from '../../src/main/services/watch/read'
import { builtIns, intervals, makeFit } from '../helpers/watchFiles'

/** The built watch-file worker (out/main/watch-worker.js) gives what the reader gives in the calling thread. */

const WORKER = join(process.cwd(), 'out', 'main', 'watch-worker.js')

function run(job: WatchJob): Promise<WatchJobResult> {
  return new Promise((resolve, reject) => {
    const w = new Worker(WORKER)
    w.once('message', (m: WatchJobResult) => {
      resolve(m)
      void w.terminate()
    })
    w.once('error', reject)
    w.postMessage(job)
  })
}

describe('the watch-file worker', () => {
  it('is built beside the main bundle', () => {
    expect(existsSync(WORKER), `${WORKER} is missing: run \`npm run build\` first (npm test does it for you)`).toBe(true)
  })

  it('reads a FIT file exactly as the reader does in the calling thread', async () => {
    const bytes = makeFit({ start: new Date('2026-11-20T17:00:00Z'), segments: intervals({ warmup: 600, count: 6, work: 20, workSpeed: 7.5, rest: 120, restSpeed: 1.2, cooldown: 300 }), laps: 'intensity' })
    const inThread = readWatchFile('sprints.fit', bytes, builtIns, { timeZone: 'Europe/Berlin' })
    const r = await run({ fileName: 'sprints.fit', bytes, protocols: builtIns, opts: { timeZone: 'Europe/Berlin' } })
    expect(r).toEqual({ ok: true, reading: inThread })
    expect(r.ok && r.reading.kind === 'activity' && r.reading.reps.length).toBe(6)
  })

  it('answers a bad file with its problem and the file name', async () => {
    const r = await run({ fileName: 'notes.fit', bytes: new TextEncoder().encode('not a watch file at all'), protocols: builtIns })
    expect(r).toMatchObject({ ok: false, problem: 'not_watch_file', params: { file: 'notes.fit' } })
  })
})
