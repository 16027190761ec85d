import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { backupDirFor } from '../../src/main/db/backup'
import { openDatabase } from '../../src/main/db/connection'
import { DatabaseOpenError } from '../../src/main/db/errors'
import { migrate, schemaVersion } from '../../src/main/db/migrate'
import { LATEST_VERSION, MIGRATIONS, type Migration } from '../../src/main/db/migrations'
import type { Fields } from '../../src/shared/fields'
import { TABLES } from '../../src/shared/records'
import { derivedColumns, sessionsRepo } from '../../src/main/db/repos/sessions'
import { needsEarlierWalkDown } from '../../src/shared/metrics/session'
import type { Session } from '../../src/shared/training'
import { useTempDir } from '../helpers/tmp'

const tmp = useTempDir()
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')

describe('the migration registry', () => {
  it('is numbered 1, 2, 3, … with no gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1))
    expect(LATEST_VERSION).toBe(MIGRATIONS.length)
  })

  it('declares STRICT tables only', () => {
    for (const m of MIGRATIONS) {
      for (const create of m.sql.match(/CREATE TABLE[\s\S]*?\)\s*(STRICT)?(,\s*WITHOUT ROWID)?\s*;/g) ?? []) expect(create).toMatch(/STRICT(,\s*WITHOUT ROWID)?\s*;$/)
    }
  })
})

describe('the field tables', () => {
  /** Columns a repository keeps for itself: soft deletion, and a rep's session. */
  const OWN: Record<string, string[]> = { reps: ['id', 'session_id'], sessions: ['deleted_at'], body_weights: ['deleted_at'], blocks: ['deleted_at'], protocols: [] }

  it('name exactly the columns the migrations create, with matching NULL-ability', async () => {
    const { db } = await openDatabase({ path: join(tmp(), 'fields.db') })
    for (const [table, fields] of Object.entries(TABLES)) {
      const info = db.prepare<[], { name: string; notnull: number }>(`SELECT name, "notnull" FROM pragma_table_info('${table}')`).all()
      const stored = Object.values(fields as Fields).filter((f) => f.sql !== null)
      expect(stored.map((f) => f.sql).sort(), table).toEqual(info.map((c) => c.name).filter((n) => !OWN[table]?.includes(n)).sort())
      for (const f of stored) {
        const c = info.find((x) => x.name === f.sql)
        // A nullable field may sit in a NOT NULL column only when it is a boolean (stored 0/1).
        if (f.nullable) expect(c?.notnull, `${table}.${f.sql}`).toBe(0)
        else if (f.type !== 'boolean' && f.type !== 'id') expect(c?.notnull, `${table}.${f.sql}`).toBe(1)
      }
    }
    db.close()
  })
})

describe('opening a database', () => {
  it('creates a new file at the latest version with WAL, full sync and foreign keys', async () => {
    const path = join(tmp(), 'sub', 'new.db')
    const { db, migratedFrom, backupPath } = await openDatabase({ path })
    expect(migratedFrom).toBe(0)
    expect(backupPath).toBeUndefined()
    expect(schemaVersion(db)).toBe(LATEST_VERSION)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('synchronous', { simple: true })).toBe(2) // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    db.close()
  })

  it('refuses an empty (0-byte) file and a folder at the database path, without changing them', async () => {
    const path = join(tmp(), 'empty.db')
    writeFileSync(path, '')
    await expect(openDatabase({ path })).rejects.toMatchObject({ kind: 'empty', message: expect.stringMatching(/empty \(0 bytes\)/) })
    expect(statSync(path).size).toBe(0)
    expect(existsSync(`${path}-wal`)).toBe(false)
    const folder = join(tmp(), 'folder.db')
    mkdirSync(folder)
    await expect(openDatabase({ path: folder })).rejects.toMatchObject({ kind: 'is_folder', message: expect.stringMatching(/is a folder, not a database file/) })
    expect(readdirSync(folder)).toEqual([])
  })

  it('migrates step by step from every earlier version, keeping the data', async () => {
    for (let from = 0; from < LATEST_VERSION; from++) {
      const path = join(tmp(), `v${from}.db`)
      const raw = new Database(path)
      // A file SQLite has written to (a 0-byte file is refused, below).
      raw.pragma('journal_mode = WAL')
      migrate(raw, MIGRATIONS.slice(0, from))
      expect(schemaVersion(raw)).toBe(from)
      if (from >= 1) {
        raw.prepare(`INSERT INTO body_weights (uuid, date, kg, note, created_at, updated_at) VALUES ('u1', '2026-01-01', 70, '', 'x', 'x')`).run()
      }
      raw.close()
      const { db } = await openDatabase({ path })
      expect(schemaVersion(db)).toBe(LATEST_VERSION)
      if (from >= 1) expect(db.prepare('SELECT kg FROM body_weights WHERE uuid = ?').get('u1')).toEqual({ kg: 70 })
      db.close()
    }
  })

  it('rebuilds the reps table with the same rules and keeps every rep (version 3)', async () => {
    const path = join(tmp(), 'v2.db')
    const raw = new Database(path)
    raw.pragma('foreign_keys = ON')
    migrate(raw, MIGRATIONS.slice(0, 2))
    const session = raw
      .prepare(
        `INSERT INTO sessions (uuid, date, protocol_id, warmup_seconds, cooldown_seconds, planned_reps, reps_done, work_seconds, distance_meters, duration_seconds, created_at, updated_at)
         VALUES ('s1', '2026-11-01', 1, 600, 300, 6, 2, 40, 300, 940, 'x', 'x')`
      )
      .run().lastInsertRowid
    const insertRep = `INSERT INTO reps (session_id, position, work_seconds, distance_meters, intensity, recovery_seconds, recovery_mode, hill, completed) VALUES (?, ?, 20, 150, ?, 120, ?, 0, 1)`
    raw.prepare(insertRep).run(session, 1, 'max', 'walk')
    raw.prepare(insertRep).run(session, 2, 'custom', 'walk-down')
    const before = raw.prepare('SELECT * FROM reps ORDER BY id').all()
    raw.close()

    const { db } = await openDatabase({ path })
    expect(schemaVersion(db)).toBe(LATEST_VERSION)
    // Every rep as it was (version 5 adds the load and treadmill columns, empty).
    expect(db.prepare('SELECT * FROM reps ORDER BY id').all()).toEqual(before.map((r) => ({ ...(r as object), load_kg: null, load_kind: null, treadmill_kmh: null })))
    expect(db.pragma('foreign_key_check')).toEqual([])
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(db.prepare(`SELECT name FROM sqlite_schema WHERE tbl_name = 'reps' AND type = 'index' ORDER BY name`).pluck().all()).toEqual(['reps_loaded', 'sqlite_autoindex_reps_1'])
    // The same words are accepted and refused as before…
    for (const [intensity, mode] of [
      ['fast', 'walk'],
      ['MAX', 'walk'],
      ['max', 'run'],
      ['max', '']
    ]) {
      expect(() => db.prepare(insertRep).run(session, 3, intensity, mode), `${intensity} ${mode}`).toThrow(/CHECK constraint failed/)
    }
    for (const [i, intensity] of ['max', 'near-max', 'moderate', 'custom'].entries()) db.prepare(insertRep).run(session, 10 + i, intensity, ['walk', 'jog', 'stand', 'walk-down'][i])
    // …and deleting a session still takes its reps with it.
    db.prepare('DELETE FROM sessions WHERE id = ?').run(session)
    expect(db.prepare('SELECT count(*) FROM reps').pluck().get()).toBe(0)
    db.close()
  })

  it('recomputes the stored work, distance, walk-down estimate, duration and load by the new definitions (version 4)', async () => {
    const path = join(tmp(), 'v3.db')
    const raw = new Database(path)
    raw.pragma('foreign_keys = ON')
    migrate(raw, MIGRATIONS.slice(0, 3))
    // Sessions as version 3 stored them: work and distance of completed reps, untimed walk-downs as 0 s.
    const addSession = raw.prepare<[string, string, number | null, number, number, number | null, number, number, number, number | null, string | null]>(
      `INSERT INTO sessions (uuid, date, protocol_id, warmup_seconds, cooldown_seconds, rpe, planned_reps, reps_done, work_seconds, duration_seconds, load,
         deleted_at, distance_meters, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 4, ?, ?, ?, ?, ?, 0, 'x', 'x')`
    )
    const addRep = raw.prepare<[number | bigint, number, number, number | null, number | null, string, number]>(
      `INSERT INTO reps (session_id, position, work_seconds, distance_meters, recovery_seconds, recovery_mode, intensity, hill, completed)
       VALUES (?, ?, ?, ?, ?, ?, 'max', 0, ?)`
    )
    const session = (uuid: string, date: string, protocol: number | null, reps: [number, number | null, number | null, string, boolean][], deleted = false) => {
      const id = addSession.run(uuid, date, protocol, 300, 0, 6, reps.filter((r) => r[4]).length, 0, 0, 0, deleted ? 'x' : null).lastInsertRowid
      reps.forEach(([work, dist, rec, mode, done], i) => addRep.run(id, i + 1, work, dist, rec, mode, done ? 1 : 0))
      return Number(id)
    }
    const hill = (walkDowns: (number | null)[], work = [30, 30, 30, 30], dist: (number | null)[] = [null, null, null, null]) =>
      walkDowns.map((w, i) => [work[i] ?? 30, dist[i] ?? null, w, 'walk-down', (work[i] ?? 30) >= 30] as [number, number | null, number | null, string, boolean])
    const hiit = addSession.run('hiit', '2026-03-02', 1, 600, 420, 9, 3, 720, 2430, 364.5, null).lastInsertRowid
    ;[240, 240, 240, 150].forEach((w, i) => addRep.run(hiit, i + 1, w, null, i === 3 ? 0 : 180, 'jog', i === 3 ? 0 : 1))
    const untimed = session('h1', '2026-03-03', 5, hill([null, null, null, null]))
    const own = session('h2', '2026-03-05', 5, hill([80, 120, null, null]))
    const carried = session('h3', '2026-03-08', 5, hill([null, null, null, null], [30, 30, 30, 12], [150, 150, 150, 60]))
    session('h4', '2026-03-09', 5, hill([50, 50, 50, 50]), true)
    const afterDeleted = session('h5', '2026-03-10', 5, hill([null, null]))
    const free = session('f1', '2026-03-11', null, hill([null]))
    raw.close()

    const { db } = await openDatabase({ path })
    const row = (id: number | bigint) =>
      db.prepare<[number | bigint], Record<string, number | null>>('SELECT work_seconds, reps_done, distance_meters, estimated_seconds, duration_seconds, load FROM sessions WHERE id = ?').get(id)
    // HIIT 4×4, the fourth rep abandoned at 2:30: 14:30 of work, 3 reps done; its duration and load were already right.
    expect(row(hiit)).toEqual({ work_seconds: 870, reps_done: 3, distance_meters: 0, estimated_seconds: 0, duration_seconds: 2430, load: 364.5 })
    // No timed walk-down anywhere before: 4 × 90 s. 300 + 120 + 360 = 780 s → RPE 6 × 13 min = 78.
    expect(row(untimed)).toEqual({ work_seconds: 120, reps_done: 4, distance_meters: 0, estimated_seconds: 360, duration_seconds: 780, load: 78 })
    // Its own timed walk-downs, mean 100 s: 300 + 120 + 200 + 2 × 100 = 820 s → 82.
    expect(row(own)).toEqual({ work_seconds: 120, reps_done: 4, distance_meters: 0, estimated_seconds: 200, duration_seconds: 820, load: 82 })
    // The last timed walk-down before it (120 s); the abandoned 12 s rep and its 60 m count: 300 + 102 + 480 = 882 s → 88.2.
    const c = row(carried)
    expect(c).toMatchObject({ work_seconds: 102, reps_done: 3, distance_meters: 510, estimated_seconds: 480, duration_seconds: 882 })
    expect(c?.load).toBeCloseTo(88.2, 10)
    // A deleted session is no source: still 120 s. 300 + 60 + 240 = 600 s → 60.
    expect(row(afterDeleted)).toMatchObject({ estimated_seconds: 240, duration_seconds: 600, load: 60 })
    // Free-form sessions are their own group: 90 s.
    expect(row(free)).toMatchObject({ estimated_seconds: 90, duration_seconds: 420, load: 42 })
    // Version 6: each session's own last timed walk-down (more than 0 s), which the estimate's lookup seeks.
    const lastTimed = (id: number | bigint) => db.prepare<[number | bigint], number | null>('SELECT last_timed_walk_down FROM sessions WHERE id = ?').pluck().get(id)
    expect([untimed, own, carried, afterDeleted, hiit].map(lastTimed)).toEqual([null, 120, null, null, null])
    // The same figures as the app's own writer gives each live session.
    const repo = sessionsRepo(db)
    for (const id of [hiit, untimed, own, carried, afterDeleted, free].map(Number)) {
      const s = repo.get(id) as Session
      const d = derivedColumns(s, needsEarlierWalkDown(s.reps) ? repo.earlierWalkDown(s.protocolId, s.date, id) : null)
      const stored = row(id) as Record<string, number>
      for (const [k, col] of [['workSeconds', 'work_seconds'], ['distanceMeters', 'distance_meters'], ['estimatedSeconds', 'estimated_seconds'], ['durationSeconds', 'duration_seconds']] as const) {
        expect(stored[col], `${id} ${k}`).toBeCloseTo(d[k], 9)
      }
      expect(stored.load).toBeCloseTo(d.load as number, 9)
      expect(lastTimed(id)).toBe(d.lastTimedWalkDown)
    }
    expect(db.prepare(`SELECT name FROM sqlite_temp_schema`).all()).toEqual([])
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    db.close()
  })

  it('adds loads and treadmill speeds to reps, with their rules, and the new keys to stored repeat groups (version 5)', async () => {
    const path = join(tmp(), 'v4.db')
    const raw = new Database(path)
    raw.pragma('foreign_keys = ON')
    migrate(raw, MIGRATIONS.slice(0, 4))
    const groups = JSON.stringify([{ count: 6, workSeconds: 20, workMeters: null, intensity: 'max', intensityPct: null, hill: false, inclinePct: null, recoverySeconds: 120, recoveryMode: 'walk' }])
    const session = raw
      .prepare(
        `INSERT INTO sessions (uuid, date, protocol_id, plan_json, warmup_seconds, cooldown_seconds, planned_reps, reps_done, work_seconds, distance_meters, duration_seconds, created_at, updated_at)
         VALUES ('s1', '2026-11-01', 1, ?, 600, 300, 6, 1, 20, 150, 940, 'x', 'x')`
      )
      .run(groups).lastInsertRowid
    raw.prepare(`INSERT INTO reps (session_id, position, work_seconds, distance_meters, intensity, recovery_seconds, recovery_mode) VALUES (?, 1, 20, 150, 'max', 120, 'walk')`).run(session)
    const builtIn = raw.prepare('SELECT count(*) FROM protocols').pluck().get() as number
    raw.close()

    const { db } = await openDatabase({ path })
    expect(schemaVersion(db)).toBe(LATEST_VERSION)
    expect(db.prepare('SELECT load_kg, load_kind, treadmill_kmh FROM reps').get()).toEqual({ load_kg: null, load_kind: null, treadmill_kmh: null })
    expect(db.prepare('SELECT max_load_kg, loaded_first_speed, loaded_last_speed FROM sessions').get()).toEqual({ max_load_kg: null, loaded_first_speed: null, loaded_last_speed: null })
    // Every stored repeat group now has every key of the schema, as null.
    const plan = JSON.parse(db.prepare('SELECT plan_json FROM sessions').pluck().get() as string) as Record<string, unknown>[]
    expect(plan).toEqual([{ ...(JSON.parse(groups) as object[])[0], loadKg: null, loadKind: null, treadmillKmh: null }])
    const stored = db.prepare('SELECT groups_json FROM protocols').pluck().all() as string[]
    expect(stored).toHaveLength(builtIn)
    for (const g of stored.flatMap((x) => JSON.parse(x) as Record<string, unknown>[])) expect(g).toMatchObject({ loadKg: null, loadKind: null, treadmillKmh: null })

    const insert = db.prepare(`INSERT INTO reps (session_id, position, work_seconds, intensity, recovery_mode, load_kg, load_kind, treadmill_kmh) VALUES (?, ?, 20, 'max', 'walk', ?, ?, ?)`)
    insert.run(session, 2, 10, 'vest', 12)
    insert.run(session, 3, 300, 'sled', null)
    insert.run(session, 4, null, null, 40)
    let position = 10
    for (const [kg, kind, kmh] of [
      [10, null, null],
      [null, 'vest', null],
      [0, 'vest', null],
      [300.5, 'sled', null],
      [10, 'rucksack', null],
      [null, null, 0.5],
      [null, null, 41]
    ] as const) {
      expect(() => insert.run(session, position++, kg, kind, kmh), `${kg} ${kind} ${kmh}`).toThrow(/CHECK constraint failed/)
    }
    db.close()
  })

  it('adds the sources of sessions, empty, with their rules: one per session, a SHA-256 once, the bytes as long as said (version 8)', async () => {
    const path = join(tmp(), 'v7.db')
    const raw = new Database(path)
    raw.pragma('foreign_keys = ON')
    migrate(raw, MIGRATIONS.slice(0, 7))
    const insertSession = raw.prepare(
      `INSERT INTO sessions (uuid, date, warmup_seconds, cooldown_seconds, planned_reps, reps_done, work_seconds, distance_meters, duration_seconds, created_at, updated_at)
       VALUES (?, '2026-11-01', 600, 300, 1, 1, 20, 150, 940, 'x', 'x')`
    )
    const a = Number(insertSession.run('s1').lastInsertRowid)
    const b = Number(insertSession.run('s2').lastInsertRowid)
    raw.close()

    const { db } = await openDatabase({ path })
    expect(schemaVersion(db)).toBe(LATEST_VERSION)
    expect(db.prepare('SELECT count(*) FROM session_sources').pluck().get()).toBe(0)
    expect(db.prepare('SELECT count(*) FROM sessions').pluck().get()).toBe(2)
    const insert = db.prepare(
      `INSERT INTO session_sources (session_id, sha256, file_name, format, device, sport, byte_size, data, imported_at) VALUES (?, ?, ?, ?, NULL, 'running', ?, ?, 'x')`
    )
    const sha = (c: string) => c.repeat(64)
    insert.run(a, sha('a'), 'intervals.fit', 'fit', 3, Buffer.from([1, 2, 3]))
    // A source from a CSV file: its metadata, no bytes.
    insert.run(b, sha('b'), 'hills.gpx', 'gpx', 1000, null)
    for (const [session, hash, name, format, size, data] of [
      [a, sha('c'), 'again.fit', 'fit', 3, Buffer.from([1, 2, 3])], // a second source for one session
      [b, sha('a'), 'copy.fit', 'fit', 3, Buffer.from([1, 2, 3])], // the same file twice
      [999, sha('d'), 'x.fit', 'fit', 3, Buffer.from([1, 2, 3])], // no such session
      [a, 'A'.repeat(64), 'x.fit', 'fit', 3, null], // not lowercase hex
      [a, sha('e'), '', 'fit', 3, null],
      [a, sha('e'), 'x.csv', 'csv', 3, null],
      [a, sha('e'), 'x.fit', 'fit', 4, Buffer.from([1, 2, 3])] // bytes not as long as said
    ] as const) {
      expect(() => insert.run(session, hash, name, format, size, data), `${name} ${hash.slice(0, 4)}`).toThrow(/constraint failed/)
    }
    db.close()
  })

  it('takes a verified online backup before migrating an existing database', async () => {
    const dir = tmp()
    const path = join(dir, 'sprintlog.db')
    const first = await openDatabase({ path })
    first.db.prepare(`INSERT INTO body_weights (uuid, date, kg, note, created_at, updated_at) VALUES ('u1', '2026-01-01', 70, '', 'x', 'x')`).run()
    first.db.close()

    const next: Migration = { version: LATEST_VERSION + 1, name: 'test: add a column', sql: 'ALTER TABLE body_weights ADD COLUMN extra TEXT' }
    const second = await openDatabase({ path, migrations: [...MIGRATIONS, next], now: () => new Date(2026, 10, 22, 7, 30, 0) })
    expect(second.migratedFrom).toBe(LATEST_VERSION)
    expect(schemaVersion(second.db)).toBe(LATEST_VERSION + 1)
    second.db.close()

    expect(second.backupPath).toBe(join(backupDirFor(path), `sprintlog-pre-migration-v${LATEST_VERSION}-20261122-073000.db`))
    expect(readdirSync(backupDirFor(path))).toEqual([`sprintlog-pre-migration-v${LATEST_VERSION}-20261122-073000.db`])
    const copy = new Database(second.backupPath as string, { readonly: true })
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete')
    expect(schemaVersion(copy)).toBe(LATEST_VERSION)
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(copy.prepare('SELECT count(*) AS n FROM body_weights').get()).toEqual({ n: 1 })
    copy.close()
  })

  it('rolls back every migration of a run when one fails', async () => {
    const path = join(tmp(), 'sprintlog.db')
    ;(await openDatabase({ path })).db.close()
    const good: Migration = { version: LATEST_VERSION + 1, name: 'good', sql: 'CREATE TABLE t1 (x INTEGER) STRICT' }
    const bad: Migration = { version: LATEST_VERSION + 2, name: 'bad', sql: 'CREATE TABLE t2 (x INTEGER) STRICT; SELECT nonsense FROM nowhere' }
    const err = (await openDatabase({ path, migrations: [...MIGRATIONS, good, bad] }).catch((e: unknown) => e)) as DatabaseOpenError
    expect(err.kind).toBe('migration_failed')
    expect(err.message).toMatch(/left exactly as it was/)
    const after = new Database(path, { readonly: true })
    expect(schemaVersion(after)).toBe(LATEST_VERSION)
    expect(after.prepare(`SELECT name FROM sqlite_schema WHERE name IN ('t1', 't2')`).all()).toEqual([])
    after.close()
  })

  it('refuses a database from a newer version and leaves the file untouched', async () => {
    const dir = tmp()
    const path = join(dir, 'future.db')
    const raw = new Database(path)
    raw.exec('CREATE TABLE future (x) ; INSERT INTO future VALUES (1)')
    raw.pragma(`user_version = ${LATEST_VERSION + 5}`)
    raw.close()
    const before = sha(path)
    const err = await openDatabase({ path }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(DatabaseOpenError)
    expect((err as DatabaseOpenError).kind).toBe('too_new')
    expect((err as DatabaseOpenError).message).toMatch(/newer version of Sprintlog/)
    expect(sha(path)).toBe(before)
    expect(readdirSync(dir)).toEqual(['future.db'])
  })

  it('refuses a file that is not a database, without changing it', async () => {
    const path = join(tmp(), 'notes.db')
    writeFileSync(path, 'These are my running notes, not a database.\n'.repeat(200))
    const before = sha(path)
    const err = (await openDatabase({ path }).catch((e: unknown) => e)) as DatabaseOpenError
    expect(err.kind).toBe('not_a_database')
    expect(sha(path)).toBe(before)
    expect(existsSync(`${path}-wal`)).toBe(false)
  })

  it('refuses another program’s SQLite database', async () => {
    const path = join(tmp(), 'other.db')
    const raw = new Database(path)
    raw.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY)')
    raw.close()
    const before = sha(path)
    const err = (await openDatabase({ path }).catch((e: unknown) => e)) as DatabaseOpenError
    expect(err.kind).toBe('foreign')
    expect(sha(path)).toBe(before)
  })
})
