import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterEach, describe, expect, it } from 'vitest'
import { type Backend, startBackend } from '../../src/main/backend'
import { startWebServer, TOKEN_HEADER, type WebServer } from '../../src/main/web/server'
import type { Result } from '../../src/shared/result'
import { useBackend } from '../helpers/backend'
import { send } from '../helpers/http'
import { useTempDir } from '../helpers/tmp'
import { seedHistory } from '../db/csv-fixtures'
import { clientFor, until } from '../helpers/client'

const backend = useBackend()
const tmp = useTempDir()
const servers: WebServer[] = []
const opened: Backend[] = []
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close()
  for (const b of opened.splice(0)) b.close()
})

async function serve(b: Backend) {
  const staticDir = join(tmp(), 'renderer')
  mkdirSync(staticDir, { recursive: true })
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Sprintlog</title>')
  const server = await startWebServer({ router: b.router, transfers: b.transfers, staticDir })
  servers.push(server)
  return server
}

/** Sends raw request bytes (for a body that never arrives) and returns the status the server answers with. */
function rawStatus(server: WebServer, text: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1', () => socket.write(text))
    let got = ''
    socket.on('data', (d: Buffer) => {
      got += d.toString()
      const m = /^HTTP\/1\.1 (\d{3})/.exec(got)
      if (m) {
        socket.destroy()
        resolve(Number(m[1]))
      }
    })
    socket.on('error', reject)
  })
}

/** The job an export started; an export the save dialog cancelled starts none. */
function jobOf({ jobId }: { jobId: string | null }): string {
  if (jobId === null) throw new Error('export/start started no job (the save dialog was cancelled)')
  return jobId
}

const upload = (server: WebServer, name: string, body: Buffer | string, headers: Record<string, string> = { [TOKEN_HEADER]: server.token }) =>
  send(server, { method: 'POST', path: `/upload?name=${encodeURIComponent(name)}`, headers: { 'Content-Type': 'text/csv', ...headers }, body })

describe('export and import through the router and web mode', () => {
  it('exports all five files, each downloadable once from a one-time address', async () => {
    const b = await backend()
    await seedHistory(b)
    const server = await serve(b)
    const jobId = jobOf(await clientFor(b.router).export.start({ what: 'all' }))
    const status = await until(() => clientFor(b.router).export.status({ jobId }), (s) => s.done, 'export job')
    expect(status).toMatchObject({ done: true, cancelled: false, rows: status.totalRows })
    expect(status.files.map((f) => f.fileName)).toEqual([
      expect.stringMatching(/^sprintlog-\d{4}-\d{2}-\d{2}-protocols\.csv$/),
      expect.stringMatching(/-blocks\.csv$/),
      expect.stringMatching(/-sessions\.csv$/),
      expect.stringMatching(/-reps\.csv$/),
      expect.stringMatching(/-body-weight\.csv$/)
    ])
    const weights = status.files[4]!
    // A foreign Host is refused before the ticket is even looked at, and the ticket survives that.
    expect((await send(server, { path: weights.downloadUrl!, headers: { Host: 'evil.example' } })).status).toBe(403)
    const got = await send(server, { path: weights.downloadUrl! })
    expect(got.status).toBe(200)
    expect(got.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(got.headers['content-disposition']).toContain(`filename="${weights.fileName}"`)
    expect((parse(got.body, { bom: true, columns: true }) as unknown[]).length).toBe(4)
    expect((await send(server, { path: weights.downloadUrl! })).status).toBe(404)
    expect((await send(server, { path: '/download/not-a-real-ticket-at-all' })).status).toBe(404)
  })

  it('refuses a backwards date range', async () => {
    const b = await backend()
    expect(await b.router.call('export/start', { what: 'sessions', from: '2026-03-05', to: '2026-03-01' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await b.router.call('export/start', { what: 'everything' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it('uploads a file with the token (and refuses without it, or larger than the disk has room for), previews it and imports it once', async () => {
    const a = await backend()
    await seedHistory(a)
    const jobId = jobOf(await clientFor(a.router).export.start({ what: 'all' }))
    const files = (await until(() => clientFor(a.router).export.status({ jobId }), (s) => s.done, 'export job')).files
    const source = await serve(a)
    const bodies = await Promise.all(files.map(async (f) => (await send(source, { path: f.downloadUrl! })).body))

    const b = await backend()
    const server = await serve(b)
    expect((await upload(server, 'x.csv', 'a', {})).status).toBe(401)
    // No size limit but the disk's room: a petabyte is refused before a byte is read, and says so.
    expect(await rawStatus(server, `POST /upload?name=x.csv HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n${TOKEN_HEADER}: ${server.token}\r\nContent-Length: ${2 ** 50}\r\n\r\nabc`)).toBe(507)
    const ids: string[] = []
    for (const [i, body] of bodies.entries()) {
      const r = await upload(server, files[i]!.fileName, body)
      expect(r.status).toBe(200)
      const value = (JSON.parse(r.body.toString()) as Result<{ fileId: string; name: string; size: number }>) as { ok: true; value: { fileId: string; name: string; size: number } }
      expect(value.value).toMatchObject({ name: files[i]!.fileName, size: body.length })
      ids.push(value.value.fileId)
    }
    const { previewId } = await clientFor(b.router).import.preview({ fileIds: ids })
    const ready = await until(() => clientFor(b.router).import.status({ previewId }), (s) => s.state !== 'reading', 'import preview')
    expect(ready.preview).toMatchObject({ canImport: true, errorCount: 0, toAdd: { sessions: 14, weights: 4, protocols: 1 } })
    const done = await clientFor(b.router).import.commit({ previewId })
    expect(done).toMatchObject({ state: 'committed', added: { sessions: 14, weights: 4, protocols: 1 } })
    expect(await b.router.call('import/commit', { previewId })).toMatchObject({ ok: false, error: { code: 'conflict' } })
    // The uploads are gone once imported.
    expect(await b.router.call('import/preview', { fileIds: ids })).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })

  it('refuses a commit whose choices are not well formed, naming what is wrong', async () => {
    const b = await backend()
    const uuid = '0f0e0d0c-0b0a-4090-8070-605040302010'
    const good = { differs: { all: 'keep', except: [] }, restore: { all: false, except: [] } }
    const bad: [unknown, string][] = [
      [{ ...good, differs: { all: 'mine', except: [] } }, 'Choose keep or file'],
      [{ ...good, differs: { all: 'file', except: ['not-a-uuid'] } }, 'Expected the UUID of a record'],
      [{ ...good, restore: { all: 'yes', except: [] } }, 'Expected true or false'],
      [{ ...good, restore: { all: true, except: Array.from({ length: 1001 }, () => uuid) } }, 'At most 1000 records'],
      [{ ...good, restore: { all: true, except: [], extra: 1 } }, ''],
      [{ differs: good.differs }, '']
    ]
    for (const [choices, words] of bad) {
      const r = await b.router.call('import/commit', { previewId: 'x', choices })
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining(words) } })
    }
    // Well-formed choices reach the service, which knows no such preview.
    expect(await b.router.call('import/commit', { previewId: 'x', choices: good })).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })

  it('cancels a preview and forgets its files', async () => {
    const b = await backend()
    const server = await serve(b)
    const r = await upload(server, 'w.csv', 'weight_uuid,date,weight_kg,note,created_at,updated_at\r\n')
    const { fileId } = (JSON.parse(r.body.toString()) as { value: { fileId: string } }).value
    const { previewId } = await clientFor(b.router).import.preview({ fileIds: [fileId] })
    await until(() => clientFor(b.router).import.status({ previewId }), (s) => s.state !== 'reading', 'import preview')
    expect(await clientFor(b.router).import.cancel({ previewId })).toEqual({ cancelled: true })
    expect(await clientFor(b.router).import.status({ previewId })).toMatchObject({ state: 'cancelled' })
    expect(await b.router.call('import/preview', { fileIds: [fileId] })).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })

  it('serves the file store that the function it was given returns at each request (the current back end)', async () => {
    const [first, second] = [await backend(), await backend()]
    const staticDir = join(tmp(), 'renderer')
    mkdirSync(staticDir, { recursive: true })
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Sprintlog</title>')
    let current: Backend['transfers'] | undefined = first.transfers
    const server = await startWebServer({ router: first.router, transfers: () => current, staticDir })
    servers.push(server)
    const fileIdOf = async (r: ReturnType<typeof upload>) => (JSON.parse((await r).body.toString()) as { value: { fileId: string } }).value.fileId
    const one = await fileIdOf(upload(server, 'a.csv', 'x\r\n'))
    expect(first.transfers.file(one)).toBeDefined()
    current = second.transfers
    const two = await fileIdOf(upload(server, 'b.csv', 'x\r\n'))
    expect(second.transfers.file(two)).toBeDefined()
    expect(first.transfers.file(two)).toBeUndefined()
    current = undefined
    // With no store (recovery mode) there are no file routes: a POST falls through to the static files, which refuse it.
    expect((await upload(server, 'c.csv', 'x\r\n')).status).toBe(405)
  })

  it('has no native file dialog in web mode', async () => {
    const b = await backend()
    expect(await b.router.call('import/chooseFile', undefined)).toMatchObject({ ok: false, error: { code: 'unavailable' } })
  })

  it('in the desktop app, writes where the save dialog says, and nothing when it is cancelled', async () => {
    const dir = tmp()
    let answer: string | null = join(dir, 'mine.csv')
    let opened_: string[] = []
    const b = await startBackend({
      dbPath: join(dir, 'sprintlog.db'),
      transport: 'desktop',
      log: () => {},
      platform: { chooseSavePath: async () => answer, chooseOpenPaths: async () => opened_ }
    })
    opened.push(b)
    await seedHistory(b)
    const jobId = jobOf(await clientFor(b.router).export.start({ what: 'weights' }))
    const status = await until(() => clientFor(b.router).export.status({ jobId }), (s) => s.done, 'export job')
    expect(status.files).toEqual([{ kind: 'weights', fileName: 'mine.csv', rows: 4, path: join(dir, 'mine.csv') }])
    const all = jobOf(await clientFor(b.router).export.start({ what: 'all' }))
    await until(() => clientFor(b.router).export.status({ jobId: all }), (s) => s.done, 'export job')
    expect(readdirSync(dir).filter((f) => f.endsWith('.csv')).sort()).toEqual(['mine-blocks.csv', 'mine-body-weight.csv', 'mine-protocols.csv', 'mine-reps.csv', 'mine-sessions.csv', 'mine.csv'])

    answer = null
    expect(await clientFor(b.router).export.start({ what: 'all' })).toEqual({ jobId: null })

    opened_ = [join(dir, 'mine.csv')]
    const chosen = await clientFor(b.router).import.chooseFile()
    expect(chosen.files).toEqual([{ fileId: expect.any(String), name: 'mine.csv', size: readFileSync(join(dir, 'mine.csv')).length }])
    const { previewId } = await clientFor(b.router).import.preview({ fileIds: [chosen.files[0]!.fileId] })
    const ready = await until(() => clientFor(b.router).import.status({ previewId }), (s) => s.state !== 'reading', 'import preview')
    expect(ready.preview).toMatchObject({ canImport: false, present: { weights: 4 } })
    // The user's own file is never deleted.
    await clientFor(b.router).import.cancel({ previewId })
    expect(existsSync(join(dir, 'mine.csv'))).toBe(true)
  })

  it('cancelling an export leaves no file behind', async () => {
    const dir = tmp()
    const b = await startBackend({ dbPath: join(dir, 'sprintlog.db'), transport: 'desktop', log: () => {}, platform: { chooseSavePath: async () => join(dir, 'x.csv') } })
    opened.push(b)
    await seedHistory(b)
    const jobId = jobOf(await clientFor(b.router).export.start({ what: 'all' }))
    expect(await clientFor(b.router).export.cancel({ jobId })).toEqual({ cancelled: true })
    const status = await until(() => clientFor(b.router).export.status({ jobId }), (s) => s.done, 'export job')
    expect(status).toMatchObject({ done: true, cancelled: true, files: [] })
    expect(readdirSync(dir).filter((f) => f.includes('x'))).toEqual([])
  })
})
