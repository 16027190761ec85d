import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import { describe, expect, it } from 'vitest'
import { EXPORT_QUERIES, exportRepo } from '../../src/main/db/repos/export'
import { openReader } from '../../src/main/db/reader'
import { exportFiles } from '../../src/main/services/csv/export'
import { commitImport } from '../../src/main/services/csv/import'
import { type ImportRepo, importRepo, LARGE_IMPORT_SESSIONS } from '../../src/main/db/repos/import'
import type { Db } from '../../src/main/db/connection'
import { generateHistory } from '../../src/main/tools/synthetic'
import { HEADERS, REP_COLUMNS, rowCells, SESSION_COLUMNS } from '../../src/shared/csv'
import { useBackend } from '../helpers/backend'
import { useTempDir } from '../helpers/tmp'
import { group, rep } from '../helpers/training'
import { clientFor } from '../helpers/client'
import { expectDayStatsExact } from '../helpers/dayStats'
import { commit, counts, exportKinds, NASTY_NOTES, preview, seedHistory } from './csv-fixtures'

const backend = useBackend()
const tmp = useTempDir()

const rows = (b: Buffer) => parse(b, { bom: true, columns: true }) as Record<string, string>[]

describe('CSV export', () => {
  it('writes RFC 4180 with CRLF line ends, a UTF-8 BOM and the documented header', async () => {
    const b = await backend()
    await seedHistory(b)
    const files = await exportKinds(b.path, tmp())
    for (const kind of ['sessions', 'reps', 'weights'] as const) {
      const bytes = files[kind]
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      const text = bytes.toString('utf8').slice(1)
      expect(text.split('\r\n')[0]).toBe(HEADERS[kind].join(','))
      // Every line break outside quoted cells is CRLF, and the file ends with one.
      expect(text.endsWith('\r\n')).toBe(true)
      expect(text.includes('\r\n')).toBe(true)
      expect(/[^\r]\n/.test(text.replace(/"(?:[^"]|"")*"/g, ''))).toBe(false)
    }
    const sessions = rows(files.sessions)
    expect(sessions).toHaveLength(NASTY_NOTES.length + 3)
    expect(rows(files.reps)).toHaveLength(NASTY_NOTES.length * 6 + 4 + 2 + 1)
    expect(rows(files.weights).map((w) => [w.weight_kg, w.weight_lb])).toEqual([
      ['72.4', '159.61'],
      ['71.95', '158.62'],
      ['400', '881.85'],
      ['20', '44.09']
    ])
  })

  it('neutralises formula cells in text columns only, and keeps negative numbers numeric', async () => {
    const b = await backend()
    await seedHistory(b)
    const files = await exportKinds(b.path, tmp())
    const notes = rows(files.sessions).map((s) => s.notes)
    expect(notes).toContain(`'=HYPERLINK("http://evil.example","click")`)
    expect(notes).toContain("'+1 more rep")
    expect(notes).toContain("'-5 % incline felt hard")
    expect(notes).toContain("'@coach please check")
    expect(notes).toContain("'\tstarts with a tab")
    expect(notes).toContain("''=already quoted")
    expect(notes).toContain("'plain quote")
    expect(notes).toContain('quotes "inside" and, commas; semicolons')
    expect(rows(files.sessions).map((s) => s.protocol_name)).toContain("Treadmill 8×15 s =fast")
    const hill = rows(files.reps).filter((r) => r.rep_hill === 'true')
    expect(hill.map((r) => r.rep_incline_pct)).toEqual(['-2.5', '-2.5', '-2.5', '-2.5'])
    expect(rows(files.weights).map((w) => w.note)).toEqual(['', "'=1+1", 'after travel, "jet-lagged"', "'-0.5 kg"])
  })

  it('writes plans in the compact notation when it is exact, and as JSON otherwise', async () => {
    const b = await backend()
    await seedHistory(b)
    const plans = new Set(rows((await exportKinds(b.path, tmp(), ['sessions'])).sessions).map((s) => s.plan))
    expect(plans).toContain('6x20s @max / 2m walk')
    expect(plans).toContain('')
    expect([...plans].some((p) => p?.startsWith('[{"count":2,"workSeconds":15.5'))).toBe(true)
  })

  it('filters by date range', async () => {
    const b = await backend()
    await seedHistory(b)
    const reader = openReader(b.path)
    const dir = tmp()
    await exportFiles(exportRepo(reader), [{ kind: 'sessions', path: join(dir, 's.csv') }, { kind: 'weights', path: join(dir, 'w.csv') }], { from: '2026-03-02', to: '2026-03-03' })
    reader.close()
    expect(rows(readFileSync(join(dir, 's.csv'))).map((s) => s.date)).toEqual(['2026-03-02', '2026-03-03'])
    expect(rows(readFileSync(join(dir, 'w.csv'))).map((s) => s.date)).toEqual(['2026-03-02', '2026-03-03'])
  })

  it('leaves no file, partial or final, when cancelled', async () => {
    const b = await backend()
    await seedHistory(b)
    const reader = openReader(b.path)
    const dir = tmp()
    const controller = new AbortController()
    const run = exportFiles(exportRepo(reader), [{ kind: 'reps', path: join(dir, 'reps.csv') }], {}, {
      signal: controller.signal,
      onTotal: () => controller.abort()
    })
    await expect(run).rejects.toThrow()
    reader.close()
    expect(readdirSync(dir)).toEqual([])
  })

  it('writes every line as csv-stringify writes the whole row, across chunks and for cells with line breaks', async () => {
    const b = await backend()
    await seedHistory(b)
    // Enough reps for several chunks, sessions running over chunk boundaries, notes that need quoting.
    const notes = ['two\r\nlines', 'a, "quoted" note', '=SUM(A1)', 'plain', 'lf\nonly', '']
    for (let i = 0; i < 80; i++) {
      await clientFor(b.router).sessions.create({
        date: `2026-04-${String(1 + (i % 28)).padStart(2, '0')}`,
        notes: notes[i % notes.length],
        rpe: i % 3 ? 7 : null,
        reps: Array.from({ length: 3 + ((i * 7) % 40) }, (_, k) => rep({ workSeconds: 20 + (k % 3), distanceMeters: k % 4 ? 100 + k : null, recoverySeconds: 60 + (i % 5) }))
      })
    }
    const files = await exportKinds(b.path, tmp())
    // The oracle: whole rows from the one-query join, cells by the shared cell writer, one csv-stringify call.
    const reader = openReader(b.path)
    const joined = reader.prepare(EXPORT_QUERIES.reps).raw(true).all('0000-00-00', '9999-99-99') as unknown[][]
    const records = [...exportRepo(reader).reps({})]
    const sessions = [...exportRepo(reader).sessions({})]
    reader.close()
    expect(records.length).toBeGreaterThan(1500)
    expect(records.map((r) => [r.session[0], r.rep[0]])).toEqual(joined.map((r) => [r[1], r[1 + SESSION_COLUMNS.length]]))
    const cells = { session: (row: unknown[]) => rowCells(SESSION_COLUMNS, row), rep: (row: unknown[]) => rowCells(REP_COLUMNS, row) }
    const whole = (kind: 'reps' | 'sessions', rows: string[][]) =>
      Buffer.from(stringify(rows, { bom: true, header: true, columns: [...HEADERS[kind]], record_delimiter: 'windows', quote_record_delimiter: true }), 'utf8')
    expect(files.reps.equals(whole('reps', records.map((r) => [...cells.session(r.session), ...cells.rep(r.rep)])))).toBe(true)
    expect(files.sessions.equals(whole('sessions', sessions.map((s) => cells.session(s))))).toBe(true)
  })

  it('reads in date order through the index, without a sort', async () => {
    const b = await backend()
    for (const sql of [EXPORT_QUERIES.sessions, EXPORT_QUERIES.reps, EXPORT_QUERIES.repRows, EXPORT_QUERIES.weights]) {
      const plan = (b.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('0000-00-00', '9999-99-99') as { detail: string }[]).map((r) => r.detail).join('\n')
      expect(plan).not.toMatch(/TEMP B-TREE/)
      expect(plan).toMatch(/USING INDEX (sessions_live_date|body_weights_live_date)/)
    }
  })
})

describe('CSV round trip', () => {
  it('export → import into an empty database → export gives byte-identical files', async () => {
    const a = await backend()
    await seedHistory(a)
    const first = await exportKinds(a.path, tmp())

    const b = await backend()
    const dir = tmp()
    const plan = await preview(b.db, dir, { 'reps.csv': first.reps, 'weights.csv': first.weights, 'sessions.csv': first.sessions })
    expect(plan.preview.errors).toEqual([])
    expect(plan.preview.toAdd).toEqual({ sessions: NASTY_NOTES.length + 3, reps: NASTY_NOTES.length * 6 + 7, weights: 4, protocols: 1, blocks: 0 })
    expect(plan.preview.newProtocols).toEqual(['Treadmill 8×15 s =fast'])
    commit(b.db, plan)
    const second = await exportKinds(b.path, tmp())
    expect(second.sessions.equals(first.sessions)).toBe(true)
    expect(second.reps.equals(first.reps)).toBe(true)
    expect(second.weights.equals(first.weights)).toBe(true)
    // The 10,000-character note and the note with line breaks arrived intact.
    const notes = (b.db.prepare('SELECT notes FROM sessions ORDER BY id').all() as { notes: string }[]).map((r) => r.notes)
    expect(notes).toContain('x'.repeat(10_000))
    expect(notes).toContain('line one\nline two\r\nline three')
    expect(notes).toContain("'=already quoted")
    expect(notes).toContain('=HYPERLINK("http://evil.example","click")')
  })

  it('carries loads and treadmill speeds: the documented columns, in kg and lb, km/h and m/s, and back byte for byte', async () => {
    const a = await backend()
    const client = clientFor(a.router)
    const vestHills = await client.protocols.create({ name: 'Vest hills', groups: [group({ count: 3, workSeconds: 30, hill: true, recoverySeconds: null, recoveryMode: 'walk-down', loadKg: 10, loadKind: 'vest' })] })
    const treadmill = [group({ count: 2, workSeconds: 60, intensity: null, inclinePct: 6, recoverySeconds: 60, treadmillKmh: 12.5 })]
    await client.sessions.create({
      date: '2026-04-01',
      protocolId: vestHills.id,
      plan: vestHills.groups,
      reps: [
        rep({ workSeconds: 30, distanceMeters: 120, hill: true, recoverySeconds: null, recoveryMode: 'walk-down', loadKg: 10, loadKind: 'vest' }),
        rep({ workSeconds: 30, distanceMeters: 115, hill: true, recoverySeconds: null, recoveryMode: 'walk-down', loadKg: 22.68, loadKind: 'sled' }),
        rep({ workSeconds: 30, distanceMeters: 130, hill: true, recoverySeconds: null, recoveryMode: 'walk-down' })
      ]
    })
    const mill = await client.protocols.create({ name: 'Treadmill minutes', terrain: 'treadmill', groups: treadmill })
    await client.sessions.create({ date: '2026-04-02', protocolId: mill.id, plan: treadmill, reps: [rep({ workSeconds: 60, inclinePct: 6, treadmillKmh: 12.5 }), rep({ workSeconds: 60, inclinePct: 6, treadmillKmh: 12.5, loadKg: 5, loadKind: 'other', recoverySeconds: 0 })] })
    const first = await exportKinds(a.path, tmp())
    const reps = rows(first.reps)
    const pick = (r: Record<string, string>) => [r.rep_load_kg, r.rep_load_lb, r.rep_load_kind, r.rep_treadmill_kmh, r.rep_treadmill_mps]
    expect(reps.map(pick)).toEqual([
      ['10', '22.05', 'vest', '', ''],
      ['22.68', '50', 'sled', '', ''],
      ['', '', '', '', ''],
      ['', '', '', '12.5', '3.472'],
      ['5', '11.02', 'other', '12.5', '3.472']
    ])
    // The plans in the notation, loads and speeds included.
    expect(rows(first.sessions).map((r) => r.plan)).toEqual(['3x30s @max hill +10kg vest / walk-down', '2x1m @12.5kmh incline 6% / 1m walk'])

    const b = await backend()
    const plan = await preview(b.db, tmp(), { 'reps.csv': first.reps, 'sessions.csv': first.sessions })
    expect(plan.preview.errors).toEqual([])
    expect([...plan.preview.newProtocols].sort()).toEqual(['Treadmill minutes', 'Vest hills'])
    commit(b.db, plan)
    const again = await exportKinds(b.path, tmp())
    expect(again.reps.equals(first.reps)).toBe(true)
    expect(again.sessions.equals(first.sessions)).toBe(true)
    const recreated = (await clientFor(b.router).protocols.list()).find((p) => p.name === 'Vest hills')
    expect(recreated?.groups).toEqual(vestHills.groups)
  })

  it('refuses a load without what carries it, and a kind without a load, naming line and column', async () => {
    const a = await backend()
    await clientFor(a.router).sessions.create({ date: '2026-04-01', reps: [rep({ loadKg: 10, loadKind: 'vest' }), rep({ recoverySeconds: 0 })] })
    const text = (await exportKinds(a.path, tmp(), ['reps'])).reps.toString('utf8')
    const lines = text.split('\r\n')
    const header = (lines[0] as string).replace(/^\uFEFF/, '').split(',')
    const at = (name: string) => header.indexOf(name)
    const edit = (line: string, changes: Record<string, string>) => {
      const cells = line.split(',')
      for (const [k, v] of Object.entries(changes)) cells[at(k)] = v
      return cells.join(',')
    }
    const bad = [lines[0], edit(lines[1] as string, { rep_load_kind: '' }), edit(lines[2] as string, { rep_load_kind: 'sled' }), ...lines.slice(3)].join('\r\n')
    const b = await backend()
    const plan = await preview(b.db, tmp(), { 'reps.csv': bad })
    expect(plan.preview.errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [2, 'rep_load_kind', 'Say what carries the load: vest, sled or other.'],
      [3, 'rep_load_kind', 'A load kind goes with a load: give the load, or leave the kind empty.']
    ])
  })

  it('importing the same files twice adds nothing the second time', async () => {
    const a = await backend()
    await seedHistory(a)
    const files = await exportKinds(a.path, tmp())
    const b = await backend()
    commit(b.db, await preview(b.db, tmp(), { 'reps.csv': files.reps, 'weights.csv': files.weights }))
    const after = counts(b.db)
    const again = await preview(b.db, tmp(), { 'reps.csv': files.reps, 'weights.csv': files.weights })
    expect(again.preview.toAdd).toEqual({ sessions: 0, reps: 0, weights: 0, protocols: 0, blocks: 0 })
    expect(again.preview.present).toEqual({ sessions: NASTY_NOTES.length + 3, reps: NASTY_NOTES.length * 6 + 7, weights: 4, protocols: 0, blocks: 0 })
    expect(again.preview.canImport).toBe(false)
    expect(commit(b.db, again).added).toEqual({ sessions: 0, reps: 0, weights: 0, protocols: 0, blocks: 0 })
    expect(counts(b.db)).toEqual(after)
  })

  it('a confirmed preview that meanwhile became stale skips what is already there', async () => {
    const a = await backend()
    await seedHistory(a)
    const files = await exportKinds(a.path, tmp(), ['weights'])
    const b = await backend()
    const p1 = await preview(b.db, tmp(), { 'w.csv': files.weights })
    const p2 = await preview(b.db, tmp(), { 'w.csv': files.weights })
    expect(commit(b.db, p1).added.weights).toBe(4)
    expect(commit(b.db, p2)).toEqual({
      added: { sessions: 0, reps: 0, weights: 0, protocols: 0, blocks: 0 },
      skipped: 4,
      replaced: { sessions: 0, weights: 0, protocols: 0, blocks: 0 },
      restored: { sessions: 0, weights: 0, protocols: 0, blocks: 0 }
    })
    expect(counts(b.db).weights).toBe(4)
  })

  it('is all or nothing: a failure in the middle of the write leaves the database as it was', async () => {
    const a = await backend()
    await seedHistory(a)
    const files = await exportKinds(a.path, tmp())
    const b = await backend()
    const plan = await preview(b.db, tmp(), { 'reps.csv': files.reps, 'weights.csv': files.weights })
    const before = counts(b.db)
    // Sabotage the last weight so the database refuses it after everything else was written.
    const repo = importRepo(b.db)
    let n = 0
    const broken: ImportRepo = { ...repo, insertWeight: (w) => repo.insertWeight(++n === plan.weights.size ? { ...w, kg: -1 } : w) }
    expect(() => commitImport(b.db, broken, plan)).toThrow(/CHECK constraint failed/)
    expect(counts(b.db)).toEqual(before)
  })

  it('reads the files again on commit, and writes nothing when one changed after the preview', async () => {
    const a = await backend()
    await seedHistory(a)
    const files = await exportKinds(a.path, tmp())
    const b = await backend()
    const dir = tmp()
    const plan = await preview(b.db, dir, { 'reps.csv': files.reps, 'weights.csv': files.weights })
    expect(plan.preview.canImport).toBe(true)
    // The preview keeps no rows: only what the checks need.
    expect(plan.sessions.size).toBe(plan.preview.toAdd.sessions)
    const before = counts(b.db)
    // Same size, one byte different: a weight of 72.4 kg becomes 72.5 kg.
    const text = files.weights.toString('utf8')
    const at = text.lastIndexOf('.4')
    expect(at).toBeGreaterThan(0)
    writeFileSync(join(dir, 'weights.csv'), `${text.slice(0, at)}.5${text.slice(at + 2)}`)
    expect(() => commit(b.db, plan)).toThrow(/weights\.csv changed after the preview; nothing was imported/)
    expect(counts(b.db)).toEqual(before)
    // The unchanged file imports.
    writeFileSync(join(dir, 'weights.csv'), files.weights)
    expect(commit(b.db, plan).added).toMatchObject({ sessions: plan.preview.toAdd.sessions, weights: plan.preview.toAdd.weights })
  })

  it('a sessions file alone cannot create sessions (it has no reps), but recognises those already present', async () => {
    const a = await backend()
    await seedHistory(a)
    const files = await exportKinds(a.path, tmp())
    const empty = await backend()
    const p = await preview(empty.db, tmp(), { 'sessions.csv': files.sessions })
    expect(p.preview.canImport).toBe(false)
    expect(p.preview.errorCount).toBe(NASTY_NOTES.length + 3)
    expect(p.preview.errors[0]).toMatchObject({ line: 2, column: 'session_uuid', message: expect.stringMatching(/Import the reps file/) })
    const same = await preview(a.db, tmp(), { 'sessions.csv': files.sessions })
    expect(same.preview).toMatchObject({ errorCount: 0, present: { sessions: NASTY_NOTES.length + 3 } })
  })

  it('files written in the desktop app land under the chosen names only', async () => {
    const b = await backend()
    await seedHistory(b)
    const dir = tmp()
    await exportKinds(b.path, dir)
    expect(readdirSync(dir).sort()).toEqual(['export-body-weight.csv', 'export-reps.csv', 'export-sessions.csv'])
    expect(existsSync(join(dir, 'export-reps.csv.partial'))).toBe(false)
  })
})

describe('a large import', () => {
  const indexes = (db: Db) => db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('sessions', 'reps') ORDER BY name`).all()
  const triggers = (db: Db) => db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name`).all()

  /** A reps file of LARGE_IMPORT_SESSIONS one-rep sessions, exported from a synthetic history. */
  async function largeRepsFile(): Promise<Buffer> {
    const a = await backend()
    generateHistory(a.db, { start: '2000-01-01', sessions: LARGE_IMPORT_SESSIONS, perDay: 4, repsPerSession: 1, weightDays: 0 })
    return (await exportKinds(a.path, tmp(), ['reps'])).reps
  }

  it('sets the secondary indexes aside while it writes into a smaller history, and builds them again as they were', async () => {
    const reps = await largeRepsFile()
    const b = await backend()
    const before = indexes(b.db)
    const triggersBefore = triggers(b.db)
    expect(before.length).toBeGreaterThan(3)
    expect(triggersBefore.length).toBeGreaterThan(3)
    const plan = await preview(b.db, tmp(), { 'reps.csv': reps })
    expect(plan.preview.toAdd.sessions).toBe(LARGE_IMPORT_SESSIONS)
    const repo = importRepo(b.db)
    let setAside = 0
    const watched: ImportRepo = {
      ...repo,
      setAsideIndexes: () => {
        setAside++
        const rebuild = repo.setAsideIndexes()
        // Inside the commit the indexes are gone; the UNIQUE constraints stay.
        expect(indexes(b.db).map((i) => (i as { name: string }).name)).toEqual(['sqlite_autoindex_reps_1', 'sqlite_autoindex_sessions_1'])
        expect(triggers(b.db).filter((t) => (t as { name: string }).name.startsWith('day_stats_'))).toEqual([])
        return rebuild
      }
    }
    expect(commitImport(b.db, watched, plan).added.sessions).toBe(LARGE_IMPORT_SESSIONS)
    expect(setAside).toBe(1)
    expect(indexes(b.db)).toEqual(before)
    // The triggers that keep the stored rows per day were set aside too, and the rows built again from the sessions.
    expect(triggers(b.db)).toEqual(triggersBefore)
    expect((b.db.prepare('SELECT count(*) FROM progress_days').pluck().get() as number) > 100).toBe(true)
    expectDayStatsExact(b.db)
    expect(b.db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(counts(b.db)).toMatchObject({ sessions: LARGE_IMPORT_SESSIONS, reps: LARGE_IMPORT_SESSIONS })
    // The same file again adds nothing, and is not a large import any more.
    const again = await preview(b.db, tmp(), { 'reps.csv': reps })
    expect(repo.isLarge(again.sessions.size)).toBe(false)
  })

  it('keeps the indexes when it fails after setting them aside: all or nothing', async () => {
    const reps = await largeRepsFile()
    const b = await backend()
    const before = indexes(b.db)
    const triggersBefore = triggers(b.db)
    const plan = await preview(b.db, tmp(), { 'reps.csv': reps })
    const repo = importRepo(b.db)
    const broken: ImportRepo = {
      ...repo,
      sessionWriter: () => {
        const w = repo.sessionWriter()
        return {
          ...w,
          end: () => {
            throw new Error('the disk went away')
          }
        }
      }
    }
    expect(() => commitImport(b.db, broken, plan)).toThrow(/disk went away/)
    expect(indexes(b.db)).toEqual(before)
    expect(triggers(b.db)).toEqual(triggersBefore)
    expect(counts(b.db)).toMatchObject({ sessions: 0, reps: 0 })
  })

  it('is not large for a few sessions, or for fewer sessions than the history holds', async () => {
    const b = await backend()
    const repo = importRepo(b.db)
    expect(repo.isLarge(LARGE_IMPORT_SESSIONS - 1)).toBe(false)
    expect(repo.isLarge(LARGE_IMPORT_SESSIONS)).toBe(true)
    generateHistory(b.db, { start: '2000-01-01', sessions: LARGE_IMPORT_SESSIONS + 10, perDay: 4, repsPerSession: 1, weightDays: 0 })
    expect(repo.isLarge(LARGE_IMPORT_SESSIONS)).toBe(false)
  })
})
