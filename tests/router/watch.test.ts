import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterEach, describe, expect, it } from 'vitest'
import { createBackendRouter } from '../../src/main/backend'
import { MAX_BODY_BYTES, startWebServer, TOKEN_HEADER, type WebServer } from '../../src/main/web/server'
import { pendingFiles } from '../../src/main/services/watchPending'
import type { FileFilter } from '../../src/main/platform'
import { send } from '../helpers/http'
import { scaleEntryUuid } from '../../src/main/services/watchImport'
import type { InputOf } from '../../src/shared/contract'
import type { WatchFile } from '../../src/shared/watch'
import { useBackend } from '../helpers/backend'
import { clientFor } from '../helpers/client'
import { useTempDir } from '../helpers/tmp'
import { intervals, makeFit, makeTcx, makeWeightFit, type SessionSpec } from '../helpers/watchFiles'
import { commit, exportKinds, preview } from '../db/csv-fixtures'

const backend = useBackend()
const tmp = useTempDir()

const sprints: SessionSpec = {
  segments: intervals({ warmup: 600, count: 6, work: 20, workSpeed: 7.5, rest: 120, restSpeed: 1.2, cooldown: 300 }),
  laps: 'intensity',
  start: new Date('2026-11-20T06:30:00.000Z')
}
const fit = makeFit(sprints)
const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64')

async function setup() {
  const b = await backend()
  const client = clientFor(b.router)
  const counts = () =>
    b.db
      .prepare(
        `SELECT (SELECT count(*) FROM sessions) AS sessions, (SELECT count(*) FROM reps) AS reps,
                (SELECT count(*) FROM session_sources) AS sources, (SELECT count(*) FROM body_weights) AS weights`
      )
      .get() as { sessions: number; reps: number; sources: number; weights: number }
  const read = (fileName: string, bytes: Uint8Array | string) => client.watch.read({ fileName, data: b64(bytes), timeZone: 'Europe/Berlin' })
  return { b, client, counts, read }
}

/** The session input the log form makes of a reading: its date, time, warm-up, cool-down and reps. */
function sessionFrom(f: WatchFile, extra: Partial<InputOf<'sessions/create'>> = {}): InputOf<'sessions/create'> {
  if (f.reading?.kind !== 'activity') throw new Error(`${f.fileName} is not an activity`)
  const a = f.reading
  return {
    date: a.date,
    startTime: a.startTime,
    protocolId: a.match.protocolId,
    warmupSeconds: Math.round(a.warmupSeconds),
    cooldownSeconds: Math.round(a.cooldownSeconds),
    reps: a.reps.map((r) => ({
      workSeconds: Math.round(r.workSeconds * 10) / 10,
      distanceMeters: r.distanceMeters,
      intensity: 'max' as const,
      recoverySeconds: r.recoverySeconds === null ? 0 : Math.round(r.recoverySeconds),
      recoveryMode: r.recoveryMode,
      hill: r.hill,
      heartRate: r.heartRateMax === null ? null : Math.round(r.heartRateMax)
    })),
    sourceSha256: f.sha256,
    ...extra
  }
}

describe('watch/read', () => {
  it('reads a FIT file: its reps, the protocol it matches, its SHA-256, and writes nothing', async () => {
    const { client, counts, read } = await setup()
    const before = counts()
    const f = await read('intervals.fit', fit)
    expect(f.error).toBeNull()
    expect(f.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(f.alreadyLogged).toBeNull()
    expect(f.reading).toMatchObject({ kind: 'activity', format: 'fit', running: true, detectedBy: 'intensity_laps', date: '2026-11-20', startTime: '07:30' })
    if (f.reading?.kind !== 'activity') throw new Error('activity expected')
    expect(f.reading.reps).toHaveLength(6)
    const protocols = await client.protocols.list()
    expect(protocols.find((p) => p.id === (f.reading as { match: { protocolId: number } }).match.protocolId)?.name).toBe('Sprint 6×20 s')
    expect(counts()).toEqual(before)
  })

  const bad: [string, () => Uint8Array | string, string][] = [
    ['not a watch file', () => 'date,kg\n2026-11-20,72.5\n', 'not_watch_file'],
    [
      'a CRC error',
      () => {
        const x = fit.slice()
        x[Math.floor(x.length / 2)] = x[Math.floor(x.length / 2)]! ^ 0x01
        return x
      },
      'crc'
    ],
    ['a truncated file', () => fit.slice(0, fit.length / 2), 'truncated'],
    ['an empty activity', () => makeFit(sprints, { noRecords: true }), 'empty_activity'],
    ['a multisport file', () => makeFit(sprints, { extraSessions: ['cycling'] }), 'multisport'],
    ['a file of 51 MB', () => new Uint8Array(51 * 1024 * 1024), 'too_large']
  ]
  for (const [what, bytes, problem] of bad) {
    it(`names the file and the problem for ${what}, and nothing is written`, async () => {
      const { counts, read, client } = await setup()
      const before = counts()
      const f = await read('bad.fit', bytes())
      expect(f.reading).toBeNull()
      expect(f.error).toMatchObject({ code: 'invalid_input', problem })
      expect(f.error?.message).toContain('bad.fit')
      expect(counts()).toEqual(before)
      // A file with a problem is not kept to be saved.
      if (f.sha256) {
        const r = await client.raw.sessions.create({ date: '2026-11-20', reps: [{ workSeconds: 20, intensity: 'max', recoverySeconds: 0, recoveryMode: 'walk' }], sourceSha256: f.sha256 })
        expect(r.ok).toBe(false)
        expect(counts()).toEqual(before)
      }
    })
  }
})

describe('saving a session from a watch file', () => {
  it('attaches the file (its bytes, SHA-256, name, device) in the same transaction; the session and the CSV export show its source', async () => {
    const { b, client, counts, read } = await setup()
    const f = await read('intervals.fit', fit)
    const s = await client.sessions.create(sessionFrom(f))
    expect(s).toMatchObject({ sourceFileName: 'intervals.fit', sourceFormat: 'fit', sourceSha256: f.sha256 })
    expect(counts()).toMatchObject({ sessions: 1, reps: 6, sources: 1 })
    const row = b.db.prepare(`SELECT data, byte_size AS size, file_name AS name FROM session_sources WHERE session_id = ?`).get(s.id) as { data: Buffer; size: number; name: string }
    expect(Buffer.compare(row.data, Buffer.from(fit))).toBe(0)
    expect(row).toMatchObject({ size: fit.length, name: 'intervals.fit' })

    const list = await client.sessions.list()
    expect(list.items[0]).toMatchObject({ id: s.id, sourceFileName: 'intervals.fit', sourceSha256: f.sha256 })

    const files = await exportKinds(b.path, tmp(), ['sessions', 'reps'])
    const sessions = parse(files.sessions.toString('utf8').replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[]
    expect(sessions[0]).toMatchObject({ source_file: 'intervals.fit', source_format: 'fit', source_sha256: f.sha256, source_device: s.sourceDevice ?? '' })
    const reps = parse(files.reps.toString('utf8').replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[]
    expect(reps).toHaveLength(6)
    expect(reps.every((r) => r.source_sha256 === f.sha256)).toBe(true)
  })

  it('finds the same file again as logged already and refuses to add it twice', async () => {
    const { client, counts, read } = await setup()
    const first = await read('intervals.fit', fit)
    const s = await client.sessions.create(sessionFrom(first))
    const again = await read('copy of intervals.fit', fit)
    expect(again.alreadyLogged).toEqual({ sessionId: s.id, date: s.date })
    const before = counts()
    const r = await client.raw.sessions.create(sessionFrom(again))
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.code).toBe('conflict')
      expect(r.error.message).toMatch(/copy of intervals\.fit is logged already/)
    }
    expect(counts()).toEqual(before)
  })

  it('refuses an unknown or expired file with “import the file again”, saving nothing', async () => {
    const { client, counts } = await setup()
    const before = counts()
    const r = await client.raw.sessions.create(sessionFrom({ fileName: 'x.fit', size: 1, sha256: 'a'.repeat(64), alreadyLogged: null, error: null, reading: { kind: 'activity', format: 'fit', sport: 'running', running: true, device: null, startedAt: '', date: '2026-11-20', startTime: '07:30', warmupSeconds: 600, cooldownSeconds: 300, reps: [{ workSeconds: 20, distanceMeters: null, heartRateAvg: null, heartRateMax: null, hill: false, inclinePct: null, recoverySeconds: 120, recoveryMode: 'walk', startOffsetSeconds: 0 }], detectedBy: 'laps', match: { protocolId: null, reason: { key: 'matchNone', params: {} } } } }))
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.code).toBe('not_found')
      expect(r.error.message).toMatch(/import the file again/i)
    }
    expect(counts()).toEqual(before)
  })

  it('a cycling activity is saved only when the runner confirms it, as a free-form session', async () => {
    const { client, counts, read } = await setup()
    const ride = await read('ride.tcx', makeTcx({ ...sprints, sport: 'cycling' }))
    expect(ride.reading).toMatchObject({ kind: 'activity', sport: 'cycling', running: false })
    const before = counts()
    const input = sessionFrom(ride, { protocolId: null })
    if (input.reps.length === 0) input.reps = [{ workSeconds: 60, intensity: 'max', recoverySeconds: 0, recoveryMode: 'stand' }]
    const refused = await client.raw.sessions.create(input)
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.error.message).toMatch(/ride\.tcx is a cycling activity.*Confirm/)
    expect(counts()).toEqual(before)
    const s = await client.sessions.create({ ...input, sourceNotRunning: true })
    expect(s).toMatchObject({ protocolId: null, sourceFileName: 'ride.tcx', sourceFormat: 'tcx' })
    expect(counts()).toMatchObject({ sessions: before.sessions + 1, sources: before.sources + 1 })
  })

  it('a deleted session keeps its source; its file may be logged again, and then moves to the new session', async () => {
    const { b, client, counts, read } = await setup()
    const first = await read('intervals.fit', fit)
    const s = await client.sessions.create(sessionFrom(first))
    await client.sessions.delete({ id: s.id })
    expect(counts().sources).toBe(1)
    const again = await read('intervals.fit', fit)
    expect(again.alreadyLogged).toBeNull()
    const t = await client.sessions.create(sessionFrom(again))
    expect(t.sourceSha256).toBe(first.sha256)
    expect(b.db.prepare(`SELECT session_id FROM session_sources`).pluck().all()).toEqual([t.id])
    const restored = await client.sessions.restore({ id: s.id })
    expect(restored.sourceSha256).toBeNull()
  })
})

describe('the CSV files', () => {
  it('carry a session’s source (no bytes), and after importing them into another database the same watch file is found logged', async () => {
    const { b, client, read } = await setup()
    const f = await read('intervals.fit', fit)
    await client.sessions.create(sessionFrom(f))
    const files = await exportKinds(b.path, tmp(), ['sessions', 'reps'])

    const other = await setup()
    const plan = await preview(other.b.db, tmp(), { 'export-reps.csv': files.reps })
    commit(other.b.db, plan)
    const [s] = (await other.client.sessions.list()).items
    expect(s).toMatchObject({ sourceFileName: 'intervals.fit', sourceFormat: 'fit', sourceSha256: f.sha256 })
    expect(other.b.db.prepare(`SELECT data, byte_size AS size FROM session_sources`).all()).toEqual([{ data: null, size: 0 }])
    const again = await other.read('intervals.fit', fit)
    expect(again.alreadyLogged).toEqual({ sessionId: s?.id, date: s?.date })
    // Importing the files again adds no second source.
    commit(other.b.db, await preview(other.b.db, tmp(), { 'export-reps.csv': files.reps }))
    expect(other.counts().sources).toBe(1)
  })

  it('refuse a source without its SHA-256, naming the column', async () => {
    const { b, client, read, counts } = await setup()
    await client.sessions.create(sessionFrom(await read('intervals.fit', fit)))
    const text = (await exportKinds(b.path, tmp(), ['sessions'])).sessions.toString('utf8')
    const broken = text.replace(/[0-9a-f]{64}/, 'not-a-hash')
    const other = await setup()
    const plan = await preview(other.b.db, tmp(), { 'export-sessions.csv': broken })
    expect(JSON.stringify(plan)).toContain('source_sha256')
    expect(other.counts()).toEqual({ ...counts(), sessions: 0, reps: 0, sources: 0 })
  })
})

describe('watch/addWeights', () => {
  it('adds a smart scale’s entries in one go and skips them when the file comes again', async () => {
    const { client, counts, read } = await setup()
    const scale = makeWeightFit([
      { at: new Date('2026-11-18T06:02:00Z'), kg: 72.4 },
      { at: new Date('2026-11-19T06:05:00Z'), kg: 72.1 },
      { at: new Date('2026-11-20T05:58:00Z'), kg: 71.9 }
    ])
    const f = await read('weight.fit', scale)
    expect(f.reading).toMatchObject({ kind: 'weights', entries: [{ kg: 72.4 }, { kg: 72.1 }, { kg: 71.9 }] })
    const before = counts()
    expect(await client.watch.addWeights({ sha256: f.sha256 })).toEqual({ added: 3, skipped: 0, refused: 0 })
    expect(counts().weights).toBe(before.weights + 3)
    const list = await client.weights.list()
    expect(list.items.map((w) => [w.date, w.kg])).toEqual([
      ['2026-11-20', 71.9],
      ['2026-11-19', 72.1],
      ['2026-11-18', 72.4]
    ])
    expect(list.items[0]?.uuid).toBe(scaleEntryUuid('2026-11-20T05:58:00.000Z', 71.9))
    expect(list.items[0]?.note).toMatch(/^06:58/)

    const again = await read('weight (1).fit', scale)
    expect(await client.watch.addWeights({ sha256: again.sha256 })).toEqual({ added: 0, skipped: 3, refused: 0 })
    expect(counts().weights).toBe(before.weights + 3)
    // Used once: the file is no longer pending.
    const r = await client.raw.watch.addWeights({ sha256: again.sha256 })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toMatch(/import the file again/i)
  })

  it('refuses an activity file', async () => {
    const { client, counts, read } = await setup()
    const f = await read('intervals.fit', fit)
    const before = counts()
    const r = await client.raw.watch.addWeights({ sha256: f.sha256 })
    expect(r.ok).toBe(false)
    expect(counts()).toEqual(before)
  })
})

describe('the desktop app’s open dialog (watch/open)', () => {
  it('offers watch files, several at once, and reads each chosen one; one over 50 MB is not read at all', async () => {
    const { b, counts } = await setup()
    const dir = tmp()
    writeFileSync(join(dir, 'intervals.fit'), fit)
    writeFileSync(join(dir, 'notes.txt'), 'hello')
    writeFileSync(join(dir, 'huge.fit'), Buffer.alloc(51 * 1024 * 1024))
    const asked: { filters?: FileFilter[] | undefined }[] = []
    const platform = {
      chooseOpenPaths: (o: { filters?: FileFilter[] }) => {
        asked.push(o)
        return Promise.resolve(['intervals.fit', 'notes.txt', 'huge.fit'].map((n) => join(dir, n)))
      }
    }
    const router = createBackendRouter(b.db, () => ({}) as never, () => {}, undefined, { db: b.db, dbPath: b.path, platform })
    const client = clientFor(router)
    const before = counts()
    const { files } = await client.watch.open({ timeZone: 'Europe/Berlin' })
    expect(asked[0]?.filters?.flatMap((f) => f.extensions)).toEqual(['fit', 'tcx', 'gpx', 'gz'])
    expect(files.map((f) => [f.fileName, f.reading?.kind ?? null, f.error?.problem ?? null])).toEqual([
      ['intervals.fit', 'activity', null],
      ['notes.txt', null, 'not_watch_file'],
      ['huge.fit', null, 'too_large']
    ])
    expect(counts()).toEqual(before)
    // The file read through the dialog is saved like one sent by the file control.
    const s = await client.sessions.create(sessionFrom(files[0] as WatchFile))
    expect(s.sourceFileName).toBe('intervals.fit')
  })

  it('is not there in web mode: the file control is used instead', async () => {
    const { client } = await setup()
    const r = await client.raw.watch.open({})
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toMatch(/Import watch file/)
  })
})

describe('web mode', () => {
  const servers: WebServer[] = []
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.close()
  })

  it('takes a watch file of several MB in its call, while other calls stay capped at 1 MB', async () => {
    const { b, counts } = await setup()
    const staticDir = join(tmp(), 'renderer')
    mkdirSync(staticDir, { recursive: true })
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Sprintlog</title>')
    const server = await startWebServer({ router: b.router, transfers: b.transfers, staticDir })
    servers.push(server)
    // A long recording: the session's file padded to 3 MB (not a valid FIT any more, but sent whole).
    const big = Buffer.concat([Buffer.from(fit), Buffer.alloc(3 * 1024 * 1024 - fit.length)])
    const headers = { 'Content-Type': 'application/json', [TOKEN_HEADER]: server.token }
    const r = await send(server, { method: 'POST', path: '/api/watch/read', headers, body: JSON.stringify({ fileName: 'long.fit', data: b64(big) }) })
    expect(r.status).toBe(200)
    expect(JSON.parse(r.body.toString('utf8'))).toMatchObject({ ok: true, value: { fileName: 'long.fit', size: big.length } })
    const other = await send(server, { method: 'POST', path: '/api/weights/add', headers, body: Buffer.alloc(MAX_BODY_BYTES + 10, 32) })
    expect(other.status).toBe(413)
    expect(counts().weights).toBe(0)
  })
})

describe('the files waiting to be saved', () => {
  it('are at most 10 files and 200 MB: the one read longest ago goes first', () => {
    const p = pendingFiles(3, 100)
    const file = (sha256: string, size: number) => ({ sha256, fileName: `${sha256}.fit`, bytes: new Uint8Array(size), reading: { kind: 'weights' as const, format: 'fit' as const, device: null, entries: [] }, timeZone: 'UTC' })
    for (const sha of ['a', 'b', 'c', 'd']) p.put(file(sha, 10))
    expect([p.get('a'), p.size]).toEqual([undefined, 3])
    p.put(file('e', 90))
    // 30 + 90 bytes is over 100: the oldest go until it fits.
    expect(['b', 'c', 'd', 'e'].map((k) => p.get(k) !== undefined)).toEqual([false, false, true, true])
    expect(p.bytes).toBe(100)
    p.remove('e')
    expect([p.size, p.bytes]).toEqual([1, 10])
  })
})
