/**
 * Everything: the five files hold the whole history. A populated database (protocols of the runner's own, used and
 * unused, archived; blocks; sessions; weights; deleted records) is exported, imported into an empty database, and
 * every record and the dashboard's figures come out equal; exported again, the files are the same bytes. Then the
 * protocols and blocks files' rules: what is already there, overlapping blocks, unknown protocols, bad rows.
 */
import { stringify } from 'csv-stringify/sync'
import { describe, expect, it } from 'vitest'
import type { Backend } from '../../src/main/backend'
import type { Db } from '../../src/main/db/connection'
import { ALL_KINDS, BLOCK_COLUMNS, type CsvKind, HEADERS, PROTOCOL_COLUMNS, rowCells, storedValues } from '../../src/shared/csv'
import { BUILT_IN_PROTOCOLS } from '../../src/main/db/migrations/002-training'
import type { Protocol } from '../../src/shared/training'
import { useBackend } from '../helpers/backend'
import { type Client, clientFor } from '../helpers/client'
import { useTempDir } from '../helpers/tmp'
import { group, rep, sprintReps } from '../helpers/training'
import { commit, counts, exportKinds, preview, seedHistory } from './csv-fixtures'

const backend = useBackend()
const tmp = useTempDir()

const TODAY = '2026-05-20'
const T = '2026-03-01T08:00:00.000Z'
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
const CRLF = '\r\n'
const HIIT = BUILT_IN_PROTOCOLS[0]!.uuid

/** seedHistory, and protocols and blocks of every kind around it. */
async function seedWholeHistory(b: Backend): Promise<{ client: Client; protocols: Protocol[] }> {
  await seedHistory(b)
  const client = clientFor(b.router)
  const builtIn = (await client.protocols.list()).find((p) => p.name === 'HIIT 4×4') as Protocol
  // Unused, with a plan the notation cannot say exactly (JSON in the file), a description and a source note.
  await client.protocols.create({
    name: 'Unused ladder',
    description: 'Short to long, then back.\nWith a line break, "quotes", and a comma.',
    sourceNote: '=not a formula',
    terrain: 'treadmill',
    groups: [group({ count: 2, workSeconds: 15.5, inclinePct: 3 }), group({ count: 1, workSeconds: null, workMeters: 400, recoverySeconds: 180, recoveryMode: 'jog' })]
  })
  // Used by a session, then archived.
  const old = await client.protocols.create({ name: 'Old hills', terrain: 'hill', groups: [group({ count: 5, workSeconds: 25, hill: true, recoverySeconds: null, recoveryMode: 'walk-down' })] })
  await client.sessions.create({ date: '2026-02-10', protocolId: old.id, plan: old.groups, rpe: 8, reps: Array.from({ length: 5 }, () => rep({ workSeconds: 25, hill: true, recoverySeconds: null, recoveryMode: 'walk-down' })) })
  await client.protocols.archive({ id: old.id, archived: true })
  // A copy of a built-in one.
  const copy = await client.protocols.duplicate({ id: builtIn.id })
  // Blocks: one finished (with a protocol of the runner's own), one running today (a built-in protocol), one
  // without a protocol, and one deleted (not exported).
  const mine = (await client.protocols.list()).find((p) => p.name === 'Treadmill 8×15 s =fast') as Protocol
  await client.blocks.create({ name: 'Winter base', startDate: '2026-02-02', weeks: 6, sessionsPerWeek: 2, protocolId: mine.id })
  await client.blocks.create({ name: 'Spring HIIT', startDate: '2026-04-29', weeks: 10, sessionsPerWeek: 3, protocolId: builtIn.id })
  await client.blocks.create({ name: 'Summer, free', startDate: '2026-08-01', weeks: 4, sessionsPerWeek: 1, protocolId: null })
  const gone = await client.blocks.create({ name: 'Deleted', startDate: '2027-01-01', weeks: 2, sessionsPerWeek: 2, protocolId: null })
  await client.blocks.delete({ id: gone.id })
  for (const [i, d] of ['2026-04-29', '2026-05-01', '2026-05-06', '2026-05-08', '2026-05-13', '2026-05-19'].entries()) {
    await client.sessions.create({ date: d, protocolId: builtIn.id, plan: builtIn.groups, rpe: 8 + (i % 2), reps: Array.from({ length: 4 }, () => rep({ workSeconds: 240, distanceMeters: 1000 - i * 10, intensity: 'near-max', recoverySeconds: 180, recoveryMode: 'jog' })) })
  }
  await client.sessions.create({ date: '2026-05-15', protocolId: copy.id, plan: copy.groups, rpe: 7, reps: sprintReps(4) })
  const deleted = await client.sessions.create({ date: '2026-05-16', reps: sprintReps(2) })
  await client.sessions.delete({ id: deleted.id })
  return { client, protocols: await client.protocols.list({ includeArchived: true }) }
}

/** Every live record, keyed by UUIDs instead of row ids. */
function records(db: Db) {
  const all = (sql: string) => db.prepare(sql).all()
  return {
    // Repeat groups as values: a copy of a built-in protocol stores them with its keys in the built-in's order.
    protocols: (all(`SELECT uuid, name, description, source_note, terrain, groups_json, built_in, archived, created_at, updated_at FROM protocols ORDER BY uuid`) as Record<string, unknown>[]).map(
      (p) => ({ ...p, groups_json: JSON.parse(p.groups_json as string) as unknown })
    ),
    blocks: all(`SELECT b.uuid, b.name, b.start_date, b.weeks, b.sessions_per_week, p.uuid AS protocol, b.created_at, b.updated_at
                 FROM blocks b LEFT JOIN protocols p ON p.id = b.protocol_id WHERE b.deleted_at IS NULL ORDER BY b.uuid`),
    sessions: (all(`SELECT s.*, p.uuid AS protocol FROM sessions s LEFT JOIN protocols p ON p.id = s.protocol_id WHERE s.deleted_at IS NULL ORDER BY s.uuid`) as Record<string, unknown>[]).map(
      ({ id: _id, protocol_id: _p, ...s }) => s
    ),
    reps: (all(`SELECT r.*, s.uuid AS session FROM reps r JOIN sessions s ON s.id = r.session_id WHERE s.deleted_at IS NULL ORDER BY s.uuid, r.position`) as Record<string, unknown>[]).map(
      ({ id: _id, session_id: _s, ...r }) => r
    ),
    weights: (all(`SELECT * FROM body_weights WHERE deleted_at IS NULL ORDER BY uuid`) as Record<string, unknown>[]).map(({ id: _id, ...w }) => w)
  }
}

/** A figure with its row ids taken out (they differ between the two databases; UUIDs and names do not). */
function withoutIds(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(withoutIds)
  if (x === null || typeof x !== 'object') return x
  return Object.fromEntries(Object.entries(x).filter(([k]) => !/^(id|protocolId|blockId|sessionId)$/.test(k)).map(([k, v]) => [k, withoutIds(v)]))
}

/** What the dashboard shows, through the services: block progress, block volume, protocol progress and the rest. */
async function dashboard(client: Client) {
  const protocols = await client.protocols.list({ includeArchived: true })
  const blocks = await client.blocks.list({ today: TODAY })
  const perProtocol = []
  for (const p of [...protocols].sort((a, b) => a.uuid.localeCompare(b.uuid))) {
    perProtocol.push([p.uuid, await client.stats.protocolProgress({ protocolId: p.id }), await client.stats.sprintBests({ protocolId: p.id }), await client.advice.forProtocol({ protocolId: p.id, today: TODAY })])
  }
  const volumes = []
  for (const b of blocks) volumes.push([b.block.uuid, await client.stats.blockVolume({ blockId: b.block.id })])
  return withoutIds({
    protocols: [...protocols].sort((a, b) => a.uuid.localeCompare(b.uuid)),
    blocks,
    current: await client.blocks.current({ today: TODAY }),
    volumes,
    perProtocol,
    weeklyLoad: await client.stats.weeklyLoad({ from: '2026-01-01', to: TODAY }),
    fitness: await client.stats.fitness({ from: '2026-01-01', to: TODAY }),
    bests: await client.stats.sprintBests({}),
    weights: await client.weights.daily({})
  })
}

/** The files of an export of everything, by the names the import is given (in an order other than the export's). */
const chosen = (files: Record<CsvKind, Buffer>) => ({
  'body-weight.csv': files.weights,
  'reps.csv': files.reps,
  'sessions.csv': files.sessions,
  'blocks.csv': files.blocks,
  'protocols.csv': files.protocols
})

describe('Everything', () => {
  it('exports the runner’s own protocols (unused and archived ones too, not the built-in ones) and the live blocks', async () => {
    const a = await backend()
    const { protocols } = await seedWholeHistory(a)
    const files = await exportKinds(a.path, tmp(), ALL_KINDS)
    const lines = (k: CsvKind) => files[k].toString('utf8').slice(1).split(CRLF).slice(0, -1)
    expect(lines('protocols')[0]).toBe(HEADERS.protocols.join(','))
    const own = protocols.filter((p) => !p.builtIn)
    expect(own.map((p) => p.name).sort()).toEqual(['HIIT 4×4 (copy)', 'Old hills', 'Treadmill 8×15 s =fast', 'Unused ladder'])
    // One row each, in the order they were made, each exactly as the cell writer writes the stored record.
    const rows = lines('protocols').slice(1)
    expect(rows).toHaveLength(own.length)
    expect(rows.find((r) => r.includes('Old hills'))).toMatch(/,5x25s @max hill \/ walk-down,true,/)
    expect(rows.find((r) => r.includes('Unused ladder'))).toContain(`,'=not a formula,treadmill,"[{""count"":2,""workSeconds"":15.5`)
    expect(rows.find((r) => r.includes('Treadmill'))).toContain(',8x15s @90% incline 5% / 45s stand,false,')
    expect(files.protocols.toString('utf8')).not.toContain(HIIT)
    expect(lines('blocks').slice(1).map((r) => r.split(',').slice(1, 5).concat(r.split(',')[6] ?? ''))).toEqual([
      ['Winter base', '2026-02-02', '6', '2', 'Treadmill 8×15 s =fast'],
      ['Spring HIIT', '2026-04-29', '10', '3', 'HIIT 4×4'],
      ['"Summer', ' free"', '2026-08-01', '4', '']
    ])
    expect(lines('blocks')[2]).toContain(`,${HIIT},HIIT 4×4,`)
  })

  it('imported into an empty database rebuilds every record and the same dashboard; exported again, the same bytes', async () => {
    const a = await backend()
    const { client: ca } = await seedWholeHistory(a)
    const first = await exportKinds(a.path, tmp(), ALL_KINDS)

    const b = await backend()
    const plan = await preview(b.db, tmp(), chosen(first))
    expect(plan.preview.errors).toEqual([])
    // Sessions of a protocol in the protocols file link to it: nothing is recreated from their names and plans.
    expect(plan.preview.newProtocols).toEqual([])
    expect(plan.preview.toAdd).toEqual({ sessions: 22, reps: 106, weights: 4, protocols: 4, blocks: 3 })
    expect(plan.preview.present).toMatchObject({ protocols: 0, blocks: 0 })
    expect(plan.preview.sample.filter((r) => r.kind === 'protocols' || r.kind === 'blocks').map((r) => [r.kind, r.status])).toHaveLength(7)
    expect(commit(b.db, plan).added).toEqual(plan.preview.toAdd)

    expect(records(b.db)).toEqual(records(a.db))
    expect(await dashboard(clientFor(b.router))).toEqual(await dashboard(ca))
    // The figures are not empty: the running block counts its protocol's sessions (the copy's apart), the protocol progress has its points.
    const current = await clientFor(b.router).blocks.current({ today: TODAY })
    expect(current).toMatchObject({ status: 'active', week: 4, sessionsTotal: 6, otherTotal: 1, plannedTotal: 30, block: { name: 'Spring HIIT', protocolName: 'HIIT 4×4' } })

    const second = await exportKinds(b.path, tmp(), ALL_KINDS)
    for (const kind of ALL_KINDS) expect(second[kind].equals(first[kind]), kind).toBe(true)
  })

  it('is the same whatever the language: exported in Chinese, imported in English, the same bytes again', async () => {
    const a = await backend()
    const { client: ca } = await seedWholeHistory(a)
    // Chinese texts typed by the runner round-trip as typed.
    await ca.weights.add({ date: '2026-05-19', kg: 81.4, note: '早饭后，训练前' })
    await ca.settings.update({ language: 'zh-CN' })
    const inChinese = await exportKinds(a.path, tmp(), ALL_KINDS)
    await ca.settings.update({ language: 'en' })
    const inEnglish = await exportKinds(a.path, tmp(), ALL_KINDS)
    for (const kind of ALL_KINDS) expect(inChinese[kind].equals(inEnglish[kind]), kind).toBe(true)
    // Column names, booleans, numbers and dates as in any other export.
    const weights = inChinese.weights.toString('utf8')
    expect(weights.slice(1).split(CRLF)[0]).toBe(HEADERS.weights.join(','))
    expect(weights).toContain('2026-05-19')
    expect(weights).toContain('81.4')
    expect(weights).toContain('早饭后，训练前')
    expect(inChinese.sessions.toString('utf8')).toMatch(/,(true|false),/)

    const b = await backend()
    await clientFor(b.router).settings.update({ language: 'en' })
    const plan = await preview(b.db, tmp(), chosen(inChinese))
    expect(plan.preview.errors).toEqual([])
    commit(b.db, plan)
    expect(records(b.db)).toEqual(records(a.db))
  })

  it('imported twice adds nothing the second time: protocols and blocks already there are counted as such', async () => {
    const a = await backend()
    await seedWholeHistory(a)
    const files = await exportKinds(a.path, tmp(), ALL_KINDS)
    const b = await backend()
    commit(b.db, await preview(b.db, tmp(), chosen(files)))
    const after = counts(b.db)
    const again = await preview(b.db, tmp(), chosen(files))
    expect(again.preview).toMatchObject({ errorCount: 0, canImport: false, toAdd: { sessions: 0, protocols: 0, blocks: 0, weights: 0 }, present: { protocols: 4, blocks: 3, sessions: 22, weights: 4 } })
    // Into the database they came from: the same.
    const same = await preview(a.db, tmp(), chosen(files))
    expect(same.preview).toMatchObject({ errorCount: 0, canImport: false, present: { protocols: 4, blocks: 3 } })
    expect(counts(b.db)).toEqual(after)
  })

  it('with a date range, holds the blocks with a day in it and every protocol of the runner’s own', async () => {
    const a = await backend()
    await seedWholeHistory(a)
    const { openReader } = await import('../../src/main/db/reader')
    const { exportRepo } = await import('../../src/main/db/repos/export')
    const reader = openReader(a.path)
    const repo = exportRepo(reader)
    const names = (range: { from?: string; to?: string }) => [...repo.blocks(range)].map((r) => r[1])
    expect(names({ from: '2026-03-15', to: '2026-03-15' })).toEqual(['Winter base'])
    expect(names({ from: '2026-03-16', to: '2026-04-28' })).toEqual([])
    expect(names({ from: '2026-07-01' })).toEqual(['Spring HIIT', 'Summer, free'])
    expect(repo.count('blocks', { to: '2026-04-29' })).toBe(2)
    expect(repo.count('protocols', { from: '2030-01-01' })).toBe(4)
    reader.close()
  })

  it('a reps file without its protocols file still recreates a missing protocol from the sessions', async () => {
    const a = await backend()
    await seedWholeHistory(a)
    const files = await exportKinds(a.path, tmp(), ALL_KINDS)
    const b = await backend()
    const plan = await preview(b.db, tmp(), { 'reps.csv': files.reps })
    expect(plan.preview.errors).toEqual([])
    expect(plan.preview.newProtocols.sort()).toEqual(['HIIT 4×4 (copy)', 'Old hills', 'Treadmill 8×15 s =fast'])
    commit(b.db, plan)
    expect(b.db.prepare(`SELECT description FROM protocols WHERE name = 'Old hills'`).get()).toEqual({ description: expect.stringMatching(/^Recreated from an imported CSV file/) })
  })
})

// ---------------------------------------------------------------------------------------------------------------

const line = (cells: readonly string[]) => stringify([cells as string[]], { record_delimiter: 'windows', eof: false })
const protocolRow = (over: Record<string, unknown> = {}) =>
  line(
    rowCells(
      PROTOCOL_COLUMNS,
      storedValues(PROTOCOL_COLUMNS, { uuid: uuid(1), name: 'Mine', description: '', sourceNote: '', terrain: 'flat', groups: [group()], archived: false, createdAt: T, updatedAt: T, ...over })
    )
  )
const blockRow = (over: Record<string, unknown> = {}) =>
  line(rowCells(BLOCK_COLUMNS, storedValues(BLOCK_COLUMNS, { uuid: uuid(100), name: 'Block', startDate: '2026-06-01', weeks: 4, sessionsPerWeek: 3, protocolUuid: null, protocolName: null, createdAt: T, updatedAt: T, ...over })))
const file = (kind: CsvKind, rows: string[]) => [HEADERS[kind].join(','), ...rows, ''].join(CRLF)
const errorsOf = (p: Awaited<ReturnType<typeof preview>>) => p.preview.errors.map((e) => [e.file, e.line, e.column, e.message])

describe('importing protocols and blocks', () => {
  it('adds a protocol with its UUID, archived flag and timestamps; a built-in one named in the file is left as it is', async () => {
    const b = await backend()
    const before = counts(b.db)
    const builtIn = BUILT_IN_PROTOCOLS[1]!
    const p = await preview(b.db, tmp(), {
      'p.csv': file('protocols', [protocolRow({ archived: true, description: 'two\r\nlines' }), protocolRow({ uuid: builtIn.uuid, name: 'Renamed built-in' })])
    })
    expect(p.preview).toMatchObject({ errorCount: 0, canImport: true, toAdd: { protocols: 1 }, present: { protocols: 1 } })
    expect(commit(b.db, p).added).toMatchObject({ protocols: 1 })
    expect(b.db.prepare(`SELECT name, description, built_in, archived, created_at FROM protocols WHERE uuid = ?`).get(uuid(1))).toEqual({
      name: 'Mine',
      description: 'two\r\nlines',
      built_in: 0,
      archived: 1,
      created_at: T
    })
    expect(b.db.prepare(`SELECT name, built_in FROM protocols WHERE uuid = ?`).get(builtIn.uuid)).toEqual({ name: builtIn.name, built_in: 1 })
    expect(counts(b.db).protocols).toBe(before.protocols + 1)
  })

  it('refuses bad protocol rows by line and column, and imports nothing', async () => {
    const b = await backend()
    const before = counts(b.db)
    const p = await preview(b.db, tmp(), {
      'p.csv': file('protocols', [
        protocolRow(),
        protocolRow({ uuid: uuid(2), name: '   ' }),
        protocolRow({ uuid: uuid(3) }).replace(',flat,', ',mud,'),
        protocolRow({ uuid: uuid(4) }).replace('6x20s @max / 2m walk', '6 sprints'),
        protocolRow({ uuid: uuid(5) }).replace(',false,', ',maybe,'),
        protocolRow(),
        protocolRow({ uuid: 'not-a-uuid' })
      ]),
      'w.csv': file('weights', [line([uuid(50), '2026-03-01', '72.4', '', '', T, T])])
    })
    expect(errorsOf(p)).toEqual([
      ['p.csv', 3, 'name', 'Give the protocol a name.'],
      ['p.csv', 4, 'terrain', 'Terrain must be one of flat, hill, treadmill.'],
      ['p.csv', 5, 'plan', expect.stringContaining('“6 sprints”')],
      ['p.csv', 6, 'archived', '“maybe” is not true or false.'],
      ['p.csv', 7, 'protocol_uuid', `protocol_uuid ${uuid(1)} appears twice (also line 2).`],
      ['p.csv', 8, 'protocol_uuid', expect.stringContaining('32 lowercase hex digits')]
    ])
    expect(p.preview.canImport).toBe(false)
    expect(counts(b.db)).toEqual(before)
  })

  it('refuses a block that overlaps one in Sprintlog or another in the file, or names an unknown protocol', async () => {
    const b = await backend()
    const client = clientFor(b.router)
    await client.blocks.create({ name: 'Here already', startDate: '2026-06-01', weeks: 4, sessionsPerWeek: 3, protocolId: null })
    const before = counts(b.db)
    const blocksBefore = b.db.prepare('SELECT count(*) AS n FROM blocks').get()
    const p = await preview(b.db, tmp(), {
      'blocks.csv': file('blocks', [
        blockRow({ uuid: uuid(101), startDate: '2026-06-20', weeks: 1 }),
        blockRow({ uuid: uuid(102), startDate: '2026-07-01', protocolUuid: HIIT, protocolName: 'HIIT 4×4' }),
        blockRow({ uuid: uuid(103), startDate: '2026-07-20' }),
        blockRow({ uuid: uuid(104), startDate: '2026-09-01', protocolUuid: uuid(77), protocolName: 'Nowhere' }),
        blockRow({ uuid: uuid(105), startDate: '2026-10-01', weeks: 0 }),
        blockRow({ uuid: uuid(106), startDate: '2026-11-31' }),
        blockRow({ uuid: uuid(107), name: '' , startDate: '2027-01-01'})
      ])
    })
    expect(errorsOf(p)).toEqual([
      ['blocks.csv', 2, 'start_date', 'This block (2026-06-20 to 2026-06-26) overlaps “Here already” (2026-06-01 to 2026-06-28). Blocks may not overlap. Move or delete one of them, or leave this row out.'],
      ['blocks.csv', 4, 'start_date', 'This block (2026-07-20 to 2026-08-16) overlaps “Block” (2026-07-01 to 2026-07-28). Blocks may not overlap. “Block” is on line 3.'],
      ['blocks.csv', 5, 'protocol_uuid', expect.stringMatching(new RegExp(`^The protocol ${uuid(77)} is neither in Sprintlog nor in a protocols file of this import`))],
      ['blocks.csv', 6, 'weeks', 'A block lasts at least 1 week.'],
      ['blocks.csv', 7, 'start_date', expect.stringContaining('real calendar date')],
      ['blocks.csv', 8, 'name', 'Give the block a name.']
    ])
    expect(p.preview.sample.find((r) => r.line === 2)).toMatchObject({ kind: 'blocks', status: 'error', message: expect.stringMatching(/^start_date: This block/) })
    expect(p.preview.canImport).toBe(false)
    expect(counts(b.db)).toEqual(before)
    expect(b.db.prepare('SELECT count(*) AS n FROM blocks').get()).toEqual(blocksBefore)
  })

  it('a block whose protocol comes in the protocols file of the same import links to it, whatever order the files are chosen in', async () => {
    const b = await backend()
    const p = await preview(b.db, tmp(), {
      'blocks.csv': file('blocks', [blockRow({ protocolUuid: uuid(1), protocolName: 'Mine' })]),
      'protocols.csv': file('protocols', [protocolRow()])
    })
    expect(p.preview).toMatchObject({ errorCount: 0, toAdd: { protocols: 1, blocks: 1 } })
    commit(b.db, p)
    expect(b.db.prepare(`SELECT b.name, p.uuid FROM blocks b JOIN protocols p ON p.id = b.protocol_id`).all()).toEqual([{ name: 'Block', uuid: uuid(1) }])
  })

  it('a block already there (same UUID, even deleted) is kept as it is unless the runner restores it', async () => {
    const a = await backend()
    await seedWholeHistory(a)
    const files = await exportKinds(a.path, tmp(), ['blocks'])
    const spring = a.db.prepare(`SELECT id FROM blocks WHERE name = 'Spring HIIT'`).get() as { id: number }
    await clientFor(a.router).blocks.delete({ id: spring.id })
    const p = await preview(a.db, tmp(), { 'blocks.csv': files.blocks })
    // Nothing to add; the deleted one is offered for restoring.
    expect(p.preview).toMatchObject({ errorCount: 0, canImport: true, toAdd: { blocks: 0 }, present: { blocks: 3 }, differs: { blocks: 0 }, deletedHere: { blocks: 1 } })
    expect(commit(a.db, p)).toMatchObject({ added: { blocks: 0 }, restored: { blocks: 0 } })
    expect(a.db.prepare(`SELECT deleted_at IS NOT NULL FROM blocks WHERE id = ?`).pluck().get(spring.id)).toBe(1)
  })

  it('writes nothing when a block overlapping an imported one was added after the preview, or a file changed', async () => {
    const b = await backend()
    const dir = tmp()
    const p = await preview(b.db, dir, { 'blocks.csv': file('blocks', [blockRow()]), 'protocols.csv': file('protocols', [protocolRow()]) })
    expect(p.preview.canImport).toBe(true)
    const before = counts(b.db)
    await clientFor(b.router).blocks.create({ name: 'Meanwhile', startDate: '2026-06-10', weeks: 1, sessionsPerWeek: 1, protocolId: null })
    expect(() => commit(b.db, p)).toThrow(/overlaps “Meanwhile”.*Nothing was imported/)
    expect(counts(b.db)).toEqual(before)

    const q = await preview(b.db, dir, { 'protocols.csv': file('protocols', [protocolRow({ uuid: uuid(9) })]) })
    const { writeFileSync } = await import('node:fs')
    writeFileSync(`${dir}/protocols.csv`, file('protocols', [protocolRow({ uuid: uuid(9), name: 'Mind' })]))
    expect(() => commit(b.db, q)).toThrow(/protocols\.csv changed after the preview; nothing was imported/)
    expect(counts(b.db)).toEqual(before)
  })
})
