import { describe, expect, it } from 'vitest'
import { defaultProtocol } from '../../src/shared/metrics/defaultProtocol'
import { blockRecord } from '../helpers/training'
import type { Block } from '../../src/shared/training'

const block = blockRecord

describe('defaultProtocol', () => {
  const protocols = [
    { id: 1, archived: false },
    { id: 2, archived: false },
    { id: 3, archived: false },
    { id: 4, archived: false },
    { id: 5, archived: true }
  ]
  const today = '2026-06-01'
  const current = block({ startDate: '2026-05-25', weeks: 4, protocolId: 1 })
  const older = block({ startDate: '2026-01-05', weeks: 2, protocolId: 4 })
  const last = block({ startDate: '2026-03-02', weeks: 10, protocolId: 2 }) // ended 2026-05-10
  const next = block({ startDate: '2026-08-03', weeks: 4, protocolId: 3 })
  const later = block({ startDate: '2026-10-05', weeks: 4, protocolId: 4 })
  const choose = (blocks: Block[], lastSessionProtocolId: number | null = 4) => defaultProtocol({ blocks, today, lastSessionProtocolId, protocols })

  it('takes the running block’s protocol first', () => {
    expect(choose([older, last, current, next])).toEqual({ protocolId: 1, source: 'current-block', block: current })
  })

  it('else the protocol of the block that ended last, over the next block’s and the last session’s', () => {
    expect(choose([older, last, next])).toEqual({ protocolId: 2, source: 'last-block', block: last })
    expect(choose([last, older])).toMatchObject({ protocolId: 2, source: 'last-block' })
  })

  it('else the next block’s (the soonest), else the last session’s, else none', () => {
    expect(choose([later, next])).toEqual({ protocolId: 3, source: 'next-block', block: next })
    expect(choose([])).toEqual({ protocolId: 4, source: 'last-session', block: null })
    expect(choose([], null)).toBeNull()
  })

  it('passes over a block without a protocol, or with an archived or unknown one', () => {
    const anyNow = block({ startDate: '2026-05-25', weeks: 4, protocolId: null, protocolName: null })
    const archived = block({ startDate: '2026-03-02', weeks: 10, protocolId: 5 })
    const gone = block({ startDate: '2026-08-03', weeks: 4, protocolId: 99 })
    expect(choose([anyNow, last])).toMatchObject({ protocolId: 2, source: 'last-block' })
    expect(choose([archived, next])).toMatchObject({ protocolId: 3, source: 'next-block' })
    expect(choose([gone])).toMatchObject({ protocolId: 4, source: 'last-session' })
    expect(choose([], 5)).toBeNull()
    expect(choose([], 99)).toBeNull()
  })

  it('asks only the block that ended last, not an older one, when that one names no protocol', () => {
    const lastAny = block({ startDate: '2026-03-02', weeks: 10, protocolId: null, protocolName: null })
    expect(choose([older, lastAny], 3)).toMatchObject({ protocolId: 3, source: 'last-session' })
  })

  it('counts a block as running on its first and last days', () => {
    expect(defaultProtocol({ blocks: [current], today: '2026-05-25', lastSessionProtocolId: null, protocols })).toMatchObject({ source: 'current-block' })
    expect(defaultProtocol({ blocks: [current], today: '2026-06-21', lastSessionProtocolId: null, protocols })).toMatchObject({ source: 'current-block' })
    expect(defaultProtocol({ blocks: [current], today: '2026-06-22', lastSessionProtocolId: null, protocols })).toMatchObject({ source: 'last-block' })
  })
})
