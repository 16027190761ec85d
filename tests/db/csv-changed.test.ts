/**
 * Records of an import that are in Sprintlog already but differ from it, or were deleted there: the preview names
 * them with the columns that differ, and nothing changes but what the runner chooses, in the commit's transaction.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ImportChoices, ImportPreview } from '../../src/shared/csv'
import { useBackend } from '../helpers/backend'
import { clientFor, until } from '../helpers/client'
import { useTempDir } from '../helpers/tmp'
import { group, rep, sprintReps } from '../helpers/training'
import { exportKinds } from './csv-fixtures'

const backend = useBackend()
const tmp = useTempDir()

const EXTRA_WEIGHT: Record<string, string> = {
  weight_uuid: '0f0e0d0c-0b0a-4090-8070-605040302010',
  date: '2026-04-01',
  weight_kg: '70.5',
  note: 'new',
  created_at: '2026-04-01T07:00:00.000Z',
  updated_at: '2026-04-01T07:00:00.000Z'
}
/** A row of a new weight under the file's header. */
const extraWeight = (text: string) =>
  (text.replace(/^\uFEFF/, '').split('\r\n')[0] as string)
    .split(',')
    .map((c) => EXTRA_WEIGHT[c] ?? '')
    .join(',')

type B = Awaited<ReturnType<typeof backend>>

/**
 * Two sessions and two weights, exported; then, in Sprintlog, the first session gets another RPE, a longer rep 2
 * and a seventh rep, the second is deleted, the first weight is changed and the second deleted. The files carry the
 * values from before, and a new weight besides.
 */
async function setUp() {
  const b = await backend()
  const c = clientFor(b.router)
  const first = await c.sessions.create({ date: '2026-03-02', rpe: 7, notes: 'first', reps: sprintReps(6) })
  const second = await c.sessions.create({ date: '2026-03-04', rpe: 8, notes: 'second', reps: sprintReps(4) })
  const untouched = await c.sessions.create({ date: '2026-03-06', rpe: 6, notes: 'same', reps: sprintReps(3) })
  const w1 = await c.weights.add({ date: '2026-03-02', kg: 72.4, note: '' })
  const w2 = await c.weights.add({ date: '2026-03-03', kg: 72.1, note: 'travel' })
  const files = await exportKinds(b.path, tmp(), ['reps', 'weights'])
  const reps = sprintReps(7)
  reps[1] = rep({ workSeconds: 25 })
  await c.sessions.update({ id: first.id, date: first.date, startTime: null, protocolId: null, plan: null, warmupSeconds: 600, cooldownSeconds: 300, rpe: 9, couldNotRecover: false, notes: 'first', reps })
  await c.sessions.delete({ id: second.id })
  await c.weights.update({ id: w1.id, date: w1.date, kg: 73, note: '' })
  await c.weights.delete({ id: w2.id })
  const dir = tmp()
  const paths = { reps: join(dir, 'reps.csv'), weights: join(dir, 'weights.csv') }
  writeFileSync(paths.reps, files.reps)
  const weights = files.weights.toString('utf8')
  writeFileSync(paths.weights, `${weights.trimEnd()}\r\n${extraWeight(weights)}\r\n`)
  return { b, c, first, second, untouched, w1, w2, paths }
}

async function previewOf(b: B, paths: Record<string, string>) {
  const c = clientFor(b.router)
  const fileIds = Object.entries(paths).map(([name, path]) => b.transfers.addFile(path, `${name}.csv`, statSync(path).size, false).fileId)
  const { previewId } = await c.import.preview({ fileIds })
  const ready = await until(() => c.import.status({ previewId }), (s) => s.state !== 'reading', 'import preview')
  return { previewId, preview: ready.preview as ImportPreview }
}

const sessionRow = (b: B, uuid: string) =>
  b.db.prepare(`SELECT rpe, work_seconds AS work, duration_seconds AS duration, load, reps_done AS repsDone, deleted_at AS deletedAt, updated_at AS updatedAt FROM sessions WHERE uuid = ?`).get(uuid) as {
    rpe: number
    work: number
    duration: number
    load: number
    repsDone: number
    deletedAt: string | null
    updatedAt: string
  }
const repWork = (b: B, uuid: string) =>
  (b.db.prepare(`SELECT r.work_seconds FROM reps r JOIN sessions s ON s.id = r.session_id WHERE s.uuid = ? ORDER BY r.position`).pluck().all(uuid) as number[])
const weightRow = (b: B, uuid: string) => b.db.prepare(`SELECT kg, note, deleted_at AS deletedAt FROM body_weights WHERE uuid = ?`).get(uuid) as { kg: number; note: string; deletedAt: string | null }
const weightCount = (b: B) => b.db.prepare(`SELECT count(*) FROM body_weights`).pluck().get() as number

const choices = (over: { differs?: Partial<ImportChoices['differs']>; restore?: Partial<ImportChoices['restore']> }): ImportChoices => ({
  differs: { all: 'keep', except: [], ...over.differs },
  restore: { all: false, except: [], ...over.restore }
})

describe('import of records already in Sprintlog', () => {
  it('names the records that differ, with their columns, and those deleted here', async () => {
    const { b, first, second, untouched, w1, w2, paths } = await setUp()
    const { preview } = await previewOf(b, paths)
    expect(preview).toMatchObject({
      errorCount: 0,
      canImport: true,
      toAdd: { sessions: 0, weights: 1 },
      present: { sessions: 3, weights: 2 },
      differs: { sessions: 1, weights: 1 },
      deletedHere: { sessions: 1, weights: 1 }
    })
    const byUuid = new Map(preview.changed.map((r) => [r.uuid, r]))
    expect(byUuid.get(first.uuid)).toMatchObject({
      kind: 'sessions',
      state: 'differs',
      date: '2026-03-02',
      file: 'reps.csv',
      line: 2,
      // Rep 6 was the last (no recovery) in the file; here a seventh follows it after 2 min.
      fields: ['rpe', 'rep 2: rep_work_seconds', 'rep 6: rep_recovery_seconds', 'rep 7: not in the file']
    })
    expect(byUuid.get(second.uuid)).toMatchObject({ kind: 'sessions', state: 'deleted', date: '2026-03-04', fields: [] })
    expect(byUuid.get(w1.uuid)).toMatchObject({ kind: 'weights', state: 'differs', fields: ['weight_kg'], line: 2 })
    expect(byUuid.get(w2.uuid)).toMatchObject({ kind: 'weights', state: 'deleted' })
    expect(byUuid.has(untouched.uuid)).toBe(false)
    expect(preview.changed).toHaveLength(4)
    // Every row of the first session shows it, its later reps' differences included.
    const status = (kind: string, date: string) => [...new Set(preview.sample.filter((r) => r.kind === kind && r.date === date).map((r) => r.status))]
    expect(status('reps', '2026-03-02')).toEqual(['differs'])
    expect(status('reps', '2026-03-04')).toEqual(['deleted'])
    expect(status('reps', '2026-03-06')).toEqual(['present'])
    expect(status('weights', '2026-03-02')).toEqual(['differs'])
    expect(status('weights', '2026-03-03')).toEqual(['deleted'])
    expect(status('weights', '2026-04-01')).toEqual(['add'])
  })

  it('keeps Sprintlog’s versions and leaves deleted records deleted unless told otherwise', async () => {
    const { b, c, first, second, w1, w2, paths } = await setUp()
    const before = { first: sessionRow(b, first.uuid), second: sessionRow(b, second.uuid) }
    const { previewId } = await previewOf(b, paths)
    const done = await c.import.commit({ previewId })
    expect(done).toMatchObject({ state: 'committed', added: { weights: 1 }, replaced: { sessions: 0, weights: 0 }, restored: { sessions: 0, weights: 0 } })
    expect(sessionRow(b, first.uuid)).toEqual(before.first)
    expect(repWork(b, first.uuid)).toEqual([20, 25, 20, 20, 20, 20, 20])
    expect(sessionRow(b, second.uuid)).toEqual(before.second)
    expect(weightRow(b, w1.uuid)).toMatchObject({ kg: 73, deletedAt: null })
    expect(weightRow(b, w2.uuid).deletedAt).not.toBeNull()
    expect(weightCount(b)).toBe(3)
  })

  it('with nothing new and nothing chosen, refuses and changes nothing', async () => {
    const { b, c, first, paths } = await setUp()
    const { previewId, preview } = await previewOf(b, { reps: paths.reps })
    expect(preview.canImport).toBe(true)
    const before = sessionRow(b, first.uuid)
    expect(await b.router.call('import/commit', { previewId })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('nothing to import') } })
    expect(sessionRow(b, first.uuid)).toEqual(before)
    // The preview is still there to choose again.
    expect(await c.import.status({ previewId })).toMatchObject({ state: 'ready' })
  })

  it('takes the file’s versions and restores deleted records when asked for all, recomputing the metrics', async () => {
    const { b, c, first, second, untouched, w1, w2, paths } = await setUp()
    const same = sessionRow(b, untouched.uuid)
    const { previewId } = await previewOf(b, paths)
    const done = await c.import.commit({ previewId, choices: choices({ differs: { all: 'file' }, restore: { all: true } }) })
    expect(done).toMatchObject({ added: { weights: 1 }, replaced: { sessions: 1, weights: 1 }, restored: { sessions: 1, weights: 1 } })
    // The file's session: RPE 7 and six reps of 20 s; its work time, duration and load follow from them.
    const s1 = sessionRow(b, first.uuid)
    expect(repWork(b, first.uuid)).toEqual([20, 20, 20, 20, 20, 20])
    const duration = 600 + 6 * 20 + 5 * 120 + 300
    expect(s1).toMatchObject({ rpe: 7, work: 120, repsDone: 6, duration })
    expect(s1.load).toBeCloseTo(7 * (duration / 60), 2)
    const s2 = sessionRow(b, second.uuid)
    expect(s2).toMatchObject({ rpe: 8, deletedAt: null, repsDone: 4 })
    expect((await c.sessions.get({ id: second.id })).notes).toBe('second')
    expect(weightRow(b, w1.uuid)).toMatchObject({ kg: 72.4, deletedAt: null })
    expect(weightRow(b, w2.uuid)).toMatchObject({ kg: 72.1, note: 'travel', deletedAt: null })
    // The session that was the same is not written at all.
    expect(sessionRow(b, untouched.uuid)).toEqual(same)
    // Importing the same files again finds everything as it is in them.
    const again = await previewOf(b, paths)
    expect(again.preview).toMatchObject({ differs: { sessions: 0, weights: 0 }, deletedHere: { sessions: 0, weights: 0 }, changed: [], canImport: false })
  })

  it('applies a choice per record', async () => {
    const { b, c, first, second, w1, w2, paths } = await setUp()
    const { previewId } = await previewOf(b, paths)
    const done = await c.import.commit({ previewId, choices: choices({ differs: { all: 'file', except: [first.uuid] }, restore: { all: false, except: [second.uuid] } }) })
    expect(done).toMatchObject({ replaced: { sessions: 0, weights: 1 }, restored: { sessions: 1, weights: 0 } })
    expect(sessionRow(b, first.uuid).rpe).toBe(9)
    expect(sessionRow(b, second.uuid).deletedAt).toBeNull()
    expect(weightRow(b, w1.uuid).kg).toBe(72.4)
    expect(weightRow(b, w2.uuid).deletedAt).not.toBeNull()
  })

  it('refuses a choice about a record that is not one of the preview’s', async () => {
    const { b, first, untouched, w1, paths } = await setUp()
    const { previewId } = await previewOf(b, paths)
    for (const bad of [choices({ differs: { except: [untouched.uuid] } }), choices({ restore: { except: [first.uuid] } }), choices({ restore: { except: [w1.uuid] } })]) {
      expect(await b.router.call('import/commit', { previewId, choices: bad })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('is not among the records') } })
    }
    expect(weightCount(b)).toBe(2)
  })

  it('refuses, and writes nothing, when a chosen record changed in Sprintlog after the preview', async () => {
    const { b, c, first, second, paths } = await setUp()
    const { previewId } = await previewOf(b, paths)
    await c.sessions.restore({ id: second.id })
    const r = await b.router.call('import/commit', { previewId, choices: choices({ differs: { all: 'file' }, restore: { all: true } }) })
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('changed in Sprintlog after the preview') } })
    expect(sessionRow(b, first.uuid).rpe).toBe(9)
    expect(weightCount(b)).toBe(2)
  })

  it('refuses, and writes nothing, when a file changed after the preview', async () => {
    const { b, first, paths } = await setUp()
    const { previewId } = await previewOf(b, paths)
    writeFileSync(paths.reps, `${readFileSync(paths.reps, 'utf8')}\r\n`)
    const r = await b.router.call('import/commit', { previewId, choices: choices({ differs: { all: 'file' } }) })
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('changed after the preview') } })
    expect(sessionRow(b, first.uuid).rpe).toBe(9)
    expect(weightCount(b)).toBe(2)
  })

  it('a session restored from the file gets its walk-down estimate from the sessions before it, as a restore in the app does', async () => {
    const b = await backend()
    const c = clientFor(b.router)
    const walkDown = (recoverySeconds: number | null) => Array.from({ length: 4 }, () => rep({ workSeconds: 30, hill: true, recoverySeconds, recoveryMode: 'walk-down' }))
    await c.sessions.create({ date: '2026-03-01', rpe: 8, reps: walkDown(100) })
    const later = await c.sessions.create({ date: '2026-03-03', rpe: 8, reps: walkDown(null) })
    const estimate = () => b.db.prepare(`SELECT estimated_seconds FROM sessions WHERE uuid = ?`).pluck().get(later.uuid)
    expect(estimate()).toBe(400)
    const dir = tmp()
    const files = await exportKinds(b.path, dir, ['reps'])
    await c.sessions.delete({ id: later.id })
    const path = join(dir, 'reps.csv')
    writeFileSync(path, files.reps)
    const { previewId, preview } = await previewOf(b, { reps: path })
    expect(preview.deletedHere).toEqual({ sessions: 1, weights: 0, protocols: 0, blocks: 0 })
    await c.import.commit({ previewId, choices: choices({ restore: { all: true } }) })
    expect(b.db.prepare(`SELECT deleted_at FROM sessions WHERE uuid = ?`).pluck().get(later.uuid)).toBeNull()
    expect(estimate()).toBe(400)
  })

  it('the runner’s protocols and training blocks: named when they differ or were deleted, changed only as chosen', async () => {
    const b = await backend()
    const c = clientFor(b.router)
    const mine = await c.protocols.create({ name: 'Hill 6×15 s', groups: [group({ count: 6, workSeconds: 15, hill: true })] })
    const block = await c.blocks.create({ name: 'Spring', startDate: '2026-03-02', weeks: 6, sessionsPerWeek: 2, protocolId: mine.id })
    const dir = tmp()
    const files = await exportKinds(b.path, dir, ['protocols', 'blocks'])
    const paths = { protocols: join(dir, 'p.csv'), blocks: join(dir, 'b.csv') }
    writeFileSync(paths.protocols, files.protocols)
    writeFileSync(paths.blocks, files.blocks)
    await c.protocols.update({ id: mine.id, name: 'Hill 6×15 s (steeper)', description: 'the long hill', sourceNote: '', terrain: 'hill', groups: mine.groups })
    await c.blocks.delete({ id: block.id })

    const { previewId, preview } = await previewOf(b, paths)
    expect(preview).toMatchObject({ differs: { protocols: 1, blocks: 0 }, deletedHere: { protocols: 0, blocks: 1 }, canImport: true })
    expect(preview.changed).toEqual([
      expect.objectContaining({ kind: 'protocols', uuid: mine.uuid, state: 'differs', fields: ['name', 'description', 'terrain'] }),
      expect.objectContaining({ kind: 'blocks', uuid: block.uuid, state: 'deleted', date: '2026-03-02' })
    ])
    const done = await c.import.commit({ previewId, choices: choices({ differs: { all: 'file' }, restore: { all: true } }) })
    expect(done).toMatchObject({ replaced: { protocols: 1, blocks: 0 }, restored: { protocols: 0, blocks: 1 } })
    expect(await c.protocols.get({ id: mine.id })).toMatchObject({ name: 'Hill 6×15 s', description: '', terrain: 'flat' })
    expect(b.db.prepare(`SELECT deleted_at FROM blocks WHERE uuid = ?`).pluck().get(block.uuid)).toBeNull()
  })

  it('a block restored from the file may not overlap another: the import is refused and nothing is written', async () => {
    const b = await backend()
    const c = clientFor(b.router)
    const block = await c.blocks.create({ name: 'Spring', startDate: '2026-03-02', weeks: 6, sessionsPerWeek: 2, protocolId: null })
    const dir = tmp()
    const files = await exportKinds(b.path, dir, ['blocks'])
    writeFileSync(join(dir, 'b.csv'), files.blocks)
    await c.blocks.delete({ id: block.id })
    await c.blocks.create({ name: 'Instead', startDate: '2026-03-09', weeks: 4, sessionsPerWeek: 3, protocolId: null })
    const { previewId, preview } = await previewOf(b, { blocks: join(dir, 'b.csv') })
    expect(preview.deletedHere.blocks).toBe(1)
    const r = await b.router.call('import/commit', { previewId, choices: choices({ restore: { all: true } }) })
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('overlaps “Instead”') } })
    expect(b.db.prepare(`SELECT deleted_at IS NOT NULL FROM blocks WHERE uuid = ?`).pluck().get(block.uuid)).toBe(1)
  })

  it('never names a built-in protocol, whatever the file says of it', async () => {
    const b = await backend()
    const builtIn = (await clientFor(b.router).protocols.list()).find((p) => p.builtIn) as { uuid: string; name: string }
    const header = 'protocol_uuid,name,description,source_note,terrain,plan,archived,created_at,updated_at'
    const path = join(tmp(), 'p.csv')
    writeFileSync(path, `${header}\r\n${builtIn.uuid},Renamed,,,flat,6x20s @max / 2m walk,false,2026-03-01T08:00:00.000Z,2026-03-01T08:00:00.000Z\r\n`)
    const { preview } = await previewOf(b, { protocols: path })
    expect(preview).toMatchObject({ errorCount: 0, present: { protocols: 1 }, differs: { protocols: 0 }, changed: [], canImport: false })
  })

  it('compares a session whose rows resume after another’s like one whose rows are together', async () => {
    const { b, first, paths } = await setUp()
    // Rows of the two first sessions interleaved: first, second, first, second …
    const [header, ...rows] = readFileSync(paths.reps, 'utf8').trimEnd().split('\r\n')
    const of = (uuid: string) => (rows as string[]).filter((r) => r.includes(uuid))
    const mine = of(first.uuid)
    const other = (rows as string[]).filter((r) => !r.includes(first.uuid))
    const mixed = mine.flatMap((r, i) => [r, ...(other[i] !== undefined ? [other[i] as string] : [])]).concat(other.slice(mine.length))
    writeFileSync(paths.reps, `${[header, ...mixed].join('\r\n')}\r\n`)
    const { preview } = await previewOf(b, paths)
    expect(preview.errorCount).toBe(0)
    expect(preview.changed.find((r) => r.uuid === first.uuid)).toMatchObject({
      date: '2026-03-02',
      fields: ['rpe', 'rep 2: rep_work_seconds', 'rep 6: rep_recovery_seconds', 'rep 7: not in the file']
    })
    expect(preview).toMatchObject({ differs: { sessions: 1 }, deletedHere: { sessions: 1 } })
  })

  it('a sessions file without its reps file: compared on the session columns, its reps stay Sprintlog’s', async () => {
    const b = await backend()
    const c = clientFor(b.router)
    const first = await c.sessions.create({ date: '2026-03-02', rpe: 7, notes: 'first', reps: sprintReps(6) })
    const second = await c.sessions.create({ date: '2026-03-04', rpe: 8, notes: 'second', reps: sprintReps(4) })
    const dir = tmp()
    const files = await exportKinds(b.path, dir, ['sessions', 'reps'])
    const paths = { sessions: join(dir, 's.csv'), reps: join(dir, 'r.csv') }
    writeFileSync(paths.sessions, files.sessions)
    writeFileSync(paths.reps, files.reps)
    const reps = sprintReps(5)
    await c.sessions.update({ id: first.id, date: first.date, startTime: null, protocolId: null, plan: null, warmupSeconds: 600, cooldownSeconds: 300, rpe: 9, couldNotRecover: false, notes: 'edited', reps })
    await c.sessions.delete({ id: second.id })

    // With the reps file too, each session is judged once, from the reps file.
    const both = await previewOf(b, paths)
    expect(both.preview).toMatchObject({ differs: { sessions: 1 }, deletedHere: { sessions: 1 } })
    expect(both.preview.changed.find((r) => r.uuid === first.uuid)?.fields).toEqual(['rpe', 'notes', 'rep 5: rep_recovery_seconds', 'rep 6: not in Sprintlog'])
    await c.import.cancel({ previewId: both.previewId })

    const { previewId, preview } = await previewOf(b, { sessions: paths.sessions })
    expect(preview).toMatchObject({ errorCount: 0, canImport: true, differs: { sessions: 1 }, deletedHere: { sessions: 1 } })
    expect(preview.changed.find((r) => r.uuid === first.uuid)).toMatchObject({ file: 'sessions.csv', fields: ['rpe', 'notes'] })
    expect(preview.sample.map((r) => r.status)).toEqual(['differs', 'deleted'])
    await c.import.commit({ previewId, choices: choices({ differs: { all: 'file' }, restore: { all: true } }) })
    const s1 = sessionRow(b, first.uuid)
    const duration = 600 + 5 * 20 + 4 * 120 + 300
    expect(s1).toMatchObject({ rpe: 7, work: 100, duration })
    expect(s1.load).toBeCloseTo(7 * (duration / 60), 2)
    expect(repWork(b, first.uuid)).toHaveLength(5)
    expect((await c.sessions.get({ id: first.id })).notes).toBe('first')
    expect(sessionRow(b, second.uuid)).toMatchObject({ deletedAt: null, rpe: 8, repsDone: 4 })
  })
})
