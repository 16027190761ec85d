/** workouts/export through the router on a real database file: the plan as progressed, as a FIT file, and its faults. */
import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Decoder, Stream } from '@garmin/fitsdk'
import { describe, expect, it } from 'vitest'
import { type Backend, startBackend } from '../../src/main/backend'
import type { Protocol } from '../../src/shared/training'
import { useBackend } from '../helpers/backend'
import { clientFor } from '../helpers/client'
import { sprintReps } from '../helpers/training'
import { useTempDir } from '../helpers/tmp'

const backend = useBackend()
const tmp = useTempDir()

const changes = (b: { db: { prepare(sql: string): { get(): unknown } } }) => (b.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n

/** The work steps' durations and the repeat counts of a FIT workout, read with the SDK after its integrity check. */
function stepsOf(bytes: Uint8Array) {
  expect(new Decoder(Stream.fromByteArray(bytes)).checkIntegrity()).toBe(true)
  const { messages, errors } = new Decoder(Stream.fromByteArray(bytes)).read()
  expect(errors).toEqual([])
  return { workout: messages.workoutMesgs?.[0], steps: messages.workoutStepMesgs ?? [] }
}

/** Sprint 6×20 s, with two sessions on target so that the next one is made harder. */
async function seed(b: Backend) {
  const client = clientFor(b.router)
  const sprint = (await client.protocols.list()).find((p) => p.name === 'Sprint 6×20 s') as Protocol
  for (const date of ['2027-03-01', '2027-03-03']) await client.sessions.create({ date, protocolId: sprint.id, plan: sprint.groups, rpe: 9, reps: sprintReps(6) })
  return { client, sprint }
}

describe('workouts/export', () => {
  it('web mode: the plan as progressed (the next-session card’s), or the protocol’s own, as a one-time .fit download', async () => {
    const b = await backend()
    const { client, sprint } = await seed(b)
    const advice = await client.advice.forProtocol({ protocolId: sprint.id, today: '2027-03-05' })
    expect(advice.kind).toBe('progress')
    expect(advice.plan).not.toEqual(sprint.groups)

    const take = async (asProgressed?: boolean) => {
      const r = await client.workouts.export({ protocolId: sprint.id, today: '2027-03-05', ...(asProgressed === undefined ? {} : { asProgressed }) })
      expect(r).toMatchObject({ fileName: 'Sprint 6×20 s.fit' })
      const ticket = r?.downloadUrl?.replace('/download/', '') ?? ''
      const d = b.transfers.takeDownload(ticket)
      expect(d?.fileName).toBe('Sprint 6×20 s.fit')
      expect(b.transfers.takeDownload(ticket)).toBeUndefined()
      return { r, ...stepsOf(readFileSync(d?.path ?? '')) }
    }

    const progressed = await take()
    expect(progressed.r?.plan).toEqual(advice.plan)
    const g = advice.plan[0]
    expect(progressed.workout).toMatchObject({ wktName: 'Sprint 6×20 s', sport: 'running' })
    expect(progressed.steps[2]).toMatchObject({ durationType: 'time', durationTime: g?.recoverySeconds, intensity: 'recovery' })
    expect(progressed.steps[3]).toMatchObject({ durationType: 'repeatUntilStepsCmplt', durationStep: 1, repeatSteps: g?.count })

    const own = await take(false)
    expect(own.r?.plan).toEqual(sprint.groups)
    expect(own.steps[2]).toMatchObject({ durationTime: 120 })
    expect(own.steps[3]).toMatchObject({ repeatSteps: 6 })
  })

  it('refuses an unknown protocol and bad input, and writes nothing', async () => {
    const dir = tmp()
    const asked: unknown[] = []
    const b = await startBackend({ dbPath: join(dir, 'sprintlog.db'), transport: 'desktop', log: () => {}, platform: { chooseSavePath: async (o) => (asked.push(o), join(dir, 'w.fit')) } })
    try {
      const files = readdirSync(dir)
      const before = changes(b)
      expect(await b.router.call('workouts/export', { protocolId: 99 })).toEqual({ ok: false, error: { code: 'not_found', key: 'noProtocol', params: { id: '99' }, message: 'There is no protocol with id 99.' } })
      for (const input of [{ protocolId: 'x' }, { protocolId: 1, asProgressed: 'yes' }, { protocolId: 1, today: '2027-02-30' }, { protocolId: 1, name: 'x' }, undefined]) {
        expect(await b.router.call('workouts/export', input), JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
      }
      expect(asked).toEqual([])
      expect(readdirSync(dir)).toEqual(files)
      expect(changes(b)).toBe(before)
    } finally {
      b.close()
    }
  })

  it('desktop: writes the file where the save dialog says, and nothing when it is cancelled', async () => {
    const dir = tmp()
    let answer: string | null = join(dir, 'my-sprints.fit')
    const asked: { title: unknown; defaultName: string; filters?: { extensions: string[] }[] }[] = []
    const b = await startBackend({ dbPath: join(dir, 'sprintlog.db'), transport: 'desktop', log: () => {}, platform: { chooseSavePath: async (o) => (asked.push(o), answer) } })
    try {
      const { client, sprint } = await seed(b)
      const r = await client.workouts.export({ protocolId: sprint.id, asProgressed: false })
      expect(asked[0]).toMatchObject({ defaultName: 'Sprint 6×20 s.fit', filters: [{ extensions: ['fit'] }] })
      expect(r).toEqual({ fileName: 'my-sprints.fit', plan: sprint.groups, path: join(dir, 'my-sprints.fit') })
      expect(stepsOf(readFileSync(join(dir, 'my-sprints.fit'))).steps).toHaveLength(5)
      answer = null
      const files = readdirSync(dir)
      expect(await client.workouts.export({ protocolId: sprint.id })).toBeNull()
      expect(readdirSync(dir)).toEqual(files)
    } finally {
      b.close()
    }
  })

  it('desktop: a full disk and a read-only folder say so with their own codes and leave no file; the back end keeps answering', async (ctx) => {
    const dir = tmp()
    const full = join(dir, 'full')
    const ro = join(dir, 'ro')
    mkdirSync(full)
    mkdirSync(ro)
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', full], { stdio: 'ignore' })
    } catch {
      ctx.skip('needs a small tmpfs (mount -t tmpfs), which this machine does not allow')
    }
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=16k', 'tmpfs', ro], { stdio: 'ignore' })
      // Fill the small disk up.
      try {
        writeFileSync(join(full, 'filler'), Buffer.alloc(64 * 1024))
      } catch {
        // ENOSPC: what the filler is for.
      }
      let target = join(full, 'w.fit')
      const b = await startBackend({ dbPath: join(dir, 'sprintlog.db'), transport: 'desktop', log: () => {}, platform: { chooseSavePath: async () => target } })
      try {
        const { client, sprint } = await seed(b)
        expect(await b.router.call('workouts/export', { protocolId: sprint.id })).toEqual({
          ok: false,
          error: { code: 'disk_full', key: 'workoutDiskFull', message: 'The disk is full: the workout file was not saved. Free some space and try again.' }
        })
        expect(readdirSync(full)).toEqual(['filler'])
        target = join(ro, 'w.fit')
        expect(await b.router.call('workouts/export', { protocolId: sprint.id })).toEqual({
          ok: false,
          error: { code: 'read_only', key: 'workoutReadOnly', message: 'The workout file cannot be written to the chosen folder: it is read-only. Choose another folder and try again.' }
        })
        expect(readdirSync(ro)).toEqual([])
        // Still answering, and a good folder works.
        target = join(dir, 'w.fit')
        expect(await client.workouts.export({ protocolId: sprint.id })).toMatchObject({ fileName: 'w.fit' })
      } finally {
        b.close()
      }
    } finally {
      for (const m of [full, ro]) {
        try {
          execFileSync('umount', [m], { stdio: 'ignore' })
        } catch {
          // not mounted
        }
      }
    }
  })
})
