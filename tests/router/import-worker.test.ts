/**
 * The built import worker (out/main/import-worker.js): an import previewed and written there, with its own connection,
 * gives exactly what the same import gives on the calling thread, while the back end's connection keeps answering
 * and sees the data as it was until the import's one transaction commits.
 */
import { existsSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Db } from '../../src/main/db/connection'
import { openReader } from '../../src/main/db/reader'
import { createDataService } from '../../src/main/services/csv/service'
import type { ImportStatus } from '../../src/shared/csv'
import { DomainError } from '../../src/shared/result'
import { useBackend } from '../helpers/backend'
import { useTempDir } from '../helpers/tmp'
import { counts, exportKinds, seedHistory } from '../db/csv-fixtures'

const WORKER = join(process.cwd(), 'out', 'main', 'import-worker.js')
const backend = useBackend()
const tmp = useTempDir()

/** A seeded history exported to files, and an empty back end to import them into, with or without the worker. */
async function setup(workerFile: string) {
  const source = await backend()
  await seedHistory(source)
  const dir = tmp()
  const bytes = await exportKinds(source.path, dir)
  const b = await backend()
  const data = createDataService({ db: b.db, openReader: () => openReader(b.path), importWorker: workerFile, log: () => {} })
  const paths: Record<string, string> = {}
  const preview = async (): Promise<ImportStatus> => {
    const ids = Object.entries(bytes).map(([kind, body]) => {
      const path = (paths[kind] = join(dir, `${kind}.csv`))
      writeFileSync(path, body)
      return data.transfers.addFile(path, `${kind}.csv`, statSync(path).size, false).fileId
    })
    return data.previewDone(data.startPreview(ids).previewId)
  }
  return { b, data, preview, source, paths, bytes }
}

const rows = (db: Db) =>
  db
    .prepare(
      `SELECT uuid, date, notes, reps_done AS repsDone,
              (SELECT group_concat(work_seconds) FROM (SELECT work_seconds FROM reps WHERE session_id = s.id ORDER BY position)) AS reps
       FROM sessions s ORDER BY uuid`
    )
    .all()

describe('the import worker', () => {
  it('is built beside the main bundle', () => {
    expect(existsSync(WORKER), `${WORKER} is missing: run \`npm run build\` first (npm test does it for you)`).toBe(true)
  })

  it('previews and writes an import exactly as the calling thread does, and the back end reads the old data until it commits', async () => {
    const here = await setup('')
    const away = await setup(WORKER)
    const [p1, p2] = [await here.preview(), await away.preview()]
    expect(p2.state).toBe('ready')
    expect(p2.preview).toEqual(p1.preview)

    const before = counts(away.b.db)
    const writing = away.data.commit(p2.previewId)
    // The commit runs in the worker: this thread is free, its status says so, and its connection sees no change yet.
    expect(away.data.importStatus(p2.previewId).state).toBe('committing')
    expect(away.data.writing()).toBe(true)
    expect(counts(away.b.db)).toEqual(before)
    await expect(away.data.commit(p2.previewId)).rejects.toMatchObject({ msg: { key: 'importWriting' } })
    const done = await writing
    const doneHere = await here.data.commit(p1.previewId)
    expect(done.state).toBe('committed')
    expect(done.added).toEqual(doneHere.added)
    expect(away.data.writing()).toBe(false)
    expect(counts(away.b.db)).toEqual(counts(here.b.db))
    expect(counts(away.b.db).sessions).toBeGreaterThan(before.sessions)
    expect(rows(away.b.db)).toEqual(rows(away.source.db))
    expect(rows(here.b.db)).toEqual(rows(here.source.db))
  })

  it('answers a file changed after the preview, and choices it cannot apply, with their messages; writes nothing and keeps the preview', async () => {
    const away = await setup(WORKER)
    const p = await away.preview()
    const before = counts(away.b.db)
    const stray = '00000000-0000-4000-8000-000000000001'
    const refused = await away.data.commit(p.previewId, { differs: { all: 'keep', except: [stray] }, restore: { all: false, except: [] } }).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(DomainError)
    expect((refused as DomainError).msg).toEqual({ key: 'strayDiffers', params: { uuid: stray } })
    expect(away.data.importStatus(p.previewId).state).toBe('ready')

    const weights = away.paths.weights as string
    writeFileSync(weights, Buffer.concat([away.bytes.weights, Buffer.from('\n')]))
    const changed = await away.data.commit(p.previewId).catch((e: unknown) => e)
    expect(changed).toBeInstanceOf(DomainError)
    expect((changed as DomainError).msg).toEqual({ key: 'csvFileChanged', params: { name: 'weights.csv' } })
    expect(counts(away.b.db)).toEqual(before)
    expect(away.data.importStatus(p.previewId).state).toBe('ready')

    writeFileSync(weights, away.bytes.weights)
    const done = await away.data.commit(p.previewId)
    expect(done.state).toBe('committed')
    expect(counts(away.b.db).weights).toBe(before.weights + (done.added?.weights ?? 0))
    expect(done.added?.weights).toBeGreaterThan(0)
  })
})
