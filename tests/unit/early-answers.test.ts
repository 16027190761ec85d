import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ask, askAndLeave, askEarly, dropEarly } from '../../src/renderer/src/api/early'
import { likelyChoice, rememberChoice } from '../../src/renderer/src/api/inputs'
import { askLogEarly } from '../../src/renderer/src/features/log/logLoads'
import { askDashboardEarly, currentOf } from '../../src/renderer/src/features/dashboard/dashboardLoads'
import { ok, type Result } from '../../src/shared/result'
import type { BlockProgress } from '../../src/shared/metrics/block'
import type { Block } from '../../src/shared/training'
import { addLocalDays, todayLocal } from '../../src/shared/dates'

/** Block 4 runs now (it started a week ago); block 3 ended weeks ago. */
const today = todayLocal()

/** Every call the fake back end was asked, as `channel input`. */
const calls: string[] = []

const block = (over: Partial<Block> = {}): Block => ({
  id: 4,
  uuid: 'b4',
  name: 'Autumn block',
  startDate: addLocalDays(today, -7),
  weeks: 4,
  sessionsPerWeek: 3,
  protocolId: 7,
  protocolUuid: 'p7',
  protocolName: 'Hill sprints',
  createdAt: '',
  updatedAt: '',
  ...over
})
const progress = (b: Block, status: BlockProgress['status']): BlockProgress => ({ block: b, endDate: '2026-11-10', status }) as BlockProgress

/** A call of the fake back end: records its input and answers `value`. */
const call =
  (channel: string, value: (input: unknown) => unknown) =>
  (input: unknown): Promise<Result<unknown>> => {
    calls.push(`${channel} ${JSON.stringify(input)}`)
    return Promise.resolve(ok(value(input)))
  }

/** The fake back end, through the calls the dashboard loads with. */
const api = {
  blocks: {
    finished: call('blocks/finished', () => null),
    list: call('blocks/list', () => [progress(block({ id: 3, protocolId: 2, startDate: addLocalDays(today, -60) }), 'finished'), progress(block(), 'active')])
  },
  protocols: { list: call('protocols/list', () => [{ id: 2, archived: false }, { id: 7, archived: false }]) },
  sessions: { list: call('sessions/list', () => ({ items: [{ protocolId: 2 }], total: 1 })), get: call('sessions/get', () => ({})) },
  stats: {
    weeklyLoad: call('stats/weeklyLoad', () => ({})),
    fitness: call('stats/fitness', () => ({})),
    protocolProgress: call('stats/protocolProgress', () => ({})),
    sprintBests: call('stats/sprintBests', () => ({})),
    blockVolume: call('stats/blockVolume', () => ({}))
  },
  weights: { daily: call('weights/daily', () => ({})) },
  advice: { forProtocol: call('advice/forProtocol', () => ({})) }
}

describe('answers asked for ahead', () => {
  beforeEach(() => {
    calls.length = 0
    dropEarly()
  })
  afterEach(() => vi.useRealTimers())

  it('the component that asks for the same call and input takes the answer on its way, once', async () => {
    const early = askEarly(api.stats.sprintBests, { protocolId: 7 })
    expect(ask(api.stats.sprintBests, { protocolId: 7 })).toBe(early)
    expect(calls).toEqual(['stats/sprintBests {"protocolId":7}'])
    // Taken: the next load asks the back end afresh.
    await ask(api.stats.sprintBests, { protocolId: 7 })
    expect(calls).toHaveLength(2)
  })

  it('another input, or another call, asks the back end', async () => {
    askEarly(api.stats.sprintBests, { protocolId: 7 })
    await ask(api.stats.sprintBests, { protocolId: 2 })
    await ask(api.stats.protocolProgress, { protocolId: 7 })
    expect(calls).toEqual(['stats/sprintBests {"protocolId":7}', 'stats/sprintBests {"protocolId":2}', 'stats/protocolProgress {"protocolId":7}'])
  })

  it('an answer not taken is dropped after a few seconds, or when another screen opens', async () => {
    vi.useFakeTimers()
    const early = askEarly(api.stats.sprintBests, { protocolId: 7 })
    vi.advanceTimersByTime(3000)
    expect(ask(api.stats.sprintBests, { protocolId: 7 })).not.toBe(early)
    const again = askEarly(api.stats.sprintBests, { protocolId: 7 })
    dropEarly()
    expect(ask(api.stats.sprintBests, { protocolId: 7 })).not.toBe(again)
  })

  it('the dashboard asks for its loads at once, and for the chosen protocol’s and block’s as soon as their answers are in', async () => {
    await askDashboardEarly(api as unknown as Parameters<typeof askDashboardEarly>[0])
    const channels = calls.map((c) => c.split(' ')[0])
    // The current block is read from the list of blocks (currentOf), not asked for apart.
    expect(channels.slice(0, 7).sort()).toEqual(['blocks/finished', 'blocks/list', 'protocols/list', 'sessions/list', 'stats/fitness', 'stats/weeklyLoad', 'weights/daily'])
    // The current block's protocol (7), not the last session's (2); the current block's volume.
    expect(calls).toContain(`stats/protocolProgress {"protocolId":7,"to":"${today}"}`)
    expect(calls).toContain('stats/sprintBests {"protocolId":7}')
    expect(calls).toContain(`advice/forProtocol {"protocolId":7,"today":"${today}"}`)
    expect(calls).toContain('stats/blockVolume {"blockId":4}')
    // Taken by the components that show them: no second call.
    const n = calls.length
    await ask(api.stats.sprintBests, { protocolId: 7 })
    await ask(api.stats.blockVolume, { blockId: 4 })
    expect(calls).toHaveLength(n)
  })

  it('opening again, the protocol and block shown last time are asked for at once, beside the rest, and not again', async () => {
    const fake = api as unknown as Parameters<typeof askDashboardEarly>[0]
    await askDashboardEarly(fake)
    calls.length = 0
    dropEarly()
    const opening = askDashboardEarly(fake)
    const atOnce = [...calls]
    expect(atOnce).toContain(`stats/protocolProgress {"protocolId":7,"to":"${today}"}`)
    expect(atOnce).toContain('stats/sprintBests {"protocolId":7}')
    expect(atOnce).toContain(`advice/forProtocol {"protocolId":7,"today":"${today}"}`)
    expect(atOnce).toContain('stats/blockVolume {"blockId":4}')
    await opening
    // The answers chose the same protocol and block: nothing was asked twice.
    expect(calls).toHaveLength(new Set(calls).size)
    expect(calls).toHaveLength(11)
  })

  it('an answer taken and left stays on its way for the next component that asks for the same', async () => {
    const early = askEarly(api.advice.forProtocol, { protocolId: 7, today })
    expect(askAndLeave(api.advice.forProtocol, { protocolId: 7, today })).toBe(early)
    expect(ask(api.advice.forProtocol, { protocolId: 7, today })).toBe(early)
    expect(calls).toHaveLength(1)
  })

  it('the dashboard keeps its choice of protocol for the Log screen', async () => {
    rememberChoice(null)
    await askDashboardEarly(api as unknown as Parameters<typeof askDashboardEarly>[0])
    expect(likelyChoice()).toBe(7)
  })
})

describe('the Log screen asks for what it opens with as it opens', () => {
  beforeEach(() => {
    calls.length = 0
    dropEarly()
    vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => {}, removeItem: () => {} })
  })
  afterEach(() => vi.unstubAllGlobals())

  const settle = () => new Promise((resolve) => setTimeout(resolve, 0))
  const log = api as unknown as Parameters<typeof askLogEarly>[0]

  it('with the protocol chosen last time: its advice at once, beside the protocols, the blocks and the last session', async () => {
    rememberChoice(7)
    askLogEarly(log)
    expect(calls.map((c) => c.split(' ')[0]).sort()).toEqual(['advice/forProtocol', 'blocks/list', 'protocols/list', 'sessions/list'])
    await settle()
    // The choice is the same (the current block's protocol): its advice is not asked for twice.
    expect(calls.filter((c) => c.startsWith('advice/forProtocol'))).toEqual([`advice/forProtocol {"protocolId":7,"today":"${today}"}`])
  })

  it('when the choice turns out otherwise, the chosen protocol’s advice as soon as the answers that choose it are in', async () => {
    rememberChoice(2)
    askLogEarly(log)
    await settle()
    expect(calls.filter((c) => c.startsWith('advice/forProtocol'))).toEqual([
      `advice/forProtocol {"protocolId":2,"today":"${today}"}`,
      `advice/forProtocol {"protocolId":7,"today":"${today}"}`
    ])
  })

  it('a session to edit: the protocols and the session', () => {
    askLogEarly(log, 12)
    expect(calls).toEqual(['protocols/list {"includeArchived":true}', 'sessions/get {"id":12}'])
  })
})

describe('the current block, from the list of blocks', () => {
  const finished = progress(block({ id: 1 }), 'finished')
  const active = progress(block({ id: 2 }), 'active')
  const next = progress(block({ id: 3 }), 'upcoming')
  const later = progress(block({ id: 4 }), 'upcoming')

  it('the block running today, else the next one to start, else none (as blocks/current answers)', () => {
    expect(currentOf([finished, active, next])).toBe(active)
    expect(currentOf([finished, next, later])).toBe(next)
    expect(currentOf([finished])).toBeNull()
    expect(currentOf([])).toBeNull()
  })
})
