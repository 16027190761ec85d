import { describe, expect, it } from 'vitest'
import { countsTowardBlock } from '../../src/shared/metrics/block'
import {
  type BlockSession,
  blockSummary,
  blockSummaryText,
  finishedBlockOn,
  nextBlockStart,
  planChanges,
  planChangeTexts,
  planChangeText,
  workMinutes
} from '../../src/shared/metrics/blockSummary'
import { parseNotation } from '../../src/shared/notation'
import { adviceText } from '../../src/renderer/src/components/adviceText'
import { blockRecord } from '../helpers/training'
import type { RepeatGroup } from '../../src/shared/training'

function plan(text: string): RepeatGroup[] {
  const r = parseNotation(text)
  if (!r.ok) throw new Error(r.error.message)
  return r.groups
}

const block = blockRecord

const HIIT = '4x4m @near-max / 3m jog'

function session(date: string, over: Partial<BlockSession> = {}): BlockSession {
  return { date, protocolId: 7, workSeconds: 960, plan: plan(HIIT), ...over }
}

describe('countsTowardBlock', () => {
  it('counts the sessions of the block’s protocol, and every session when the block names none', () => {
    expect(countsTowardBlock({ protocolId: 7 }, 7)).toBe(true)
    expect(countsTowardBlock({ protocolId: 7 }, 8)).toBe(false)
    expect(countsTowardBlock({ protocolId: 7 }, null)).toBe(false)
    expect(countsTowardBlock({ protocolId: null }, 8)).toBe(true)
    expect(countsTowardBlock({ protocolId: null }, null)).toBe(true)
  })
})

describe('blockSummary', () => {
  // 10 weeks from 2026-05-04: the last day is 2026-07-12.
  const b = block()

  it('counts the sessions of the block’s protocol inside the block against weeks × sessions per week', () => {
    const s = blockSummary(b, [
      session('2026-05-03'), // the day before the start
      session('2026-05-04'),
      session('2026-05-06', { protocolId: 8 }), // another protocol
      session('2026-05-08', { protocolId: null }), // free-form
      session('2026-07-12'), // the last day
      session('2026-07-13') // the day after the end
    ])
    expect(s.sessionsDone).toBe(2)
    expect(s.sessionsPlanned).toBe(30)
    expect(s.endDate).toBe('2026-07-12')
  })

  it('counts every session inside a block without a protocol, and has no plan to compare', () => {
    const any = block({ protocolId: null, protocolName: null })
    const s = blockSummary(any, [session('2026-05-04'), session('2026-05-06', { protocolId: 8 }), session('2026-05-08', { protocolId: null, plan: null })])
    expect(s.sessionsDone).toBe(3)
    expect(s.workSeconds).toBe(3 * 960)
    expect(s.plan).toBeNull()
    expect(blockSummaryText(s)).toBe('3 of 30 sessions, 48 min of work')
  })

  it('adds the stored work time of the counted sessions only, and rounds it to whole minutes for the text', () => {
    const s = blockSummary(b, [
      session('2026-05-04', { workSeconds: 960 }),
      // an abandoned fourth rep after 2:30 of it: 3 × 4:00 + 2:30, as the stored figure says
      session('2026-05-06', { workSeconds: 870 }),
      session('2026-05-08', { protocolId: 8, workSeconds: 5000 })
    ])
    expect(s.workSeconds).toBe(1830)
    expect(workMinutes(s.workSeconds)).toBe(31) // 30.5 min
    expect(workMinutes(29)).toBe(0)
    expect(workMinutes(90)).toBe(2)
  })

  it('compares the plan of the first session of the protocol with the last one’s, whatever order they come in', () => {
    const s = blockSummary(b, [
      session('2026-07-10', { plan: plan('5x4m @near-max / 2m30s jog') }),
      session('2026-05-04'),
      session('2026-06-01', { plan: plan('5x4m @near-max / 3m jog') })
    ])
    expect(s.plan).toMatchObject({ fromDate: '2026-05-04', toDate: '2026-07-10', changes: ['+1 set', 'rest 3m → 2m30s'] })
    expect(s.plan?.from).toEqual(plan(HIIT))
    expect(s.plan?.to).toEqual(plan('5x4m @near-max / 2m30s jog'))
  })

  it('on one day, takes the first listed as the first session and the last listed as the last', () => {
    const s = blockSummary(b, [
      session('2026-05-04', { plan: plan('4x4m @near-max / 3m jog') }),
      session('2026-05-04', { plan: plan('4x4m @near-max / 2m45s jog') }),
      session('2026-05-06', { plan: plan('4x4m @near-max / 2m30s jog') }),
      session('2026-05-06', { plan: plan('5x4m @near-max / 2m30s jog') })
    ])
    expect(s.plan?.changes).toEqual(['+1 set', 'rest 3m → 2m30s'])
  })

  it('leaves out sessions without a plan, and sessions of other protocols, from the comparison', () => {
    const s = blockSummary(b, [
      session('2026-05-04', { plan: null }),
      session('2026-05-06'),
      session('2026-05-08', { protocolId: 8, plan: plan('10x10s / 30s walk') }),
      session('2026-07-12', { plan: null })
    ])
    expect(s.sessionsDone).toBe(3)
    expect(s.plan).toMatchObject({ fromDate: '2026-05-06', toDate: '2026-05-06', changes: [] })
  })

  it('has no plan when no session of the protocol saved one, or there are no sessions', () => {
    expect(blockSummary(b, [session('2026-05-04', { plan: null })]).plan).toBeNull()
    const empty = blockSummary(b, [])
    expect(empty).toMatchObject({ sessionsDone: 0, workSeconds: 0, plan: null })
    expect(blockSummaryText(empty)).toBe('0 of 30 sessions, 0 min of work')
  })

  it('words the summary: sessions, minutes of work, the change of plan on the protocol', () => {
    const sessions = [
      ...Array.from({ length: 15 }, (_, i) => session(`2026-05-${String(4 + i).padStart(2, '0')}`, { workSeconds: 1000 })),
      session('2026-07-01', { workSeconds: 960, plan: plan('5x4m @near-max / 3m jog') })
    ]
    // 15 × 1000 + 960 = 15,960 s = 266 min
    expect(blockSummaryText(blockSummary(b, sessions))).toBe('16 of 30 sessions, 266 min of work, +1 set on HIIT 4×4')
    expect(blockSummaryText(blockSummary(block({ weeks: 1, sessionsPerWeek: 1 }), [session('2026-05-04')]))).toBe(
      '1 of 1 session, 16 min of work, same plan on HIIT 4×4'
    )
  })
})

describe('planChanges', () => {
  /** The changes, checked against their messages worded in English (what the dashboard shows). */
  const changes = (a: string, b: string) => {
    const words = planChanges(plan(a), plan(b))
    expect(planChangeTexts(plan(a), plan(b)).map(adviceText)).toEqual(words)
    return words
  }

  it('says nothing when the plan stayed the same', () => {
    expect(changes(HIIT, HIIT)).toEqual([])
  })

  it('counts sets up and down', () => {
    expect(changes(HIIT, '5x4m @near-max / 3m jog')).toEqual(['+1 set'])
    expect(changes(HIIT, '6x4m @near-max / 3m jog')).toEqual(['+2 sets'])
    expect(changes(HIIT, '3x4m @near-max / 3m jog')).toEqual(['−1 set'])
    expect(changes('6x20s @max / 2m walk', '4x20s @max / 2m walk')).toEqual(['−2 sets'])
  })

  it('shows the rest before and after, and the recovery mode when that changed too', () => {
    expect(changes(HIIT, '4x4m @near-max / 2m30s jog')).toEqual(['rest 3m → 2m30s'])
    expect(changes('6x20s @max / 2m walk', '6x20s @max / 2m jog')).toEqual(['rest 2m walk → 2m jog'])
    expect(changes('6x20s @max / 2m walk', '6x20s @max / 1m45s stand')).toEqual(['rest 2m walk → 1m45s stand'])
    expect(changes('4x30s @max hill / walk-down', '4x30s @max hill / 1m30s walk-down')).toEqual(['rest untimed → 1m30s'])
  })

  it('shows work, intensity and terrain changes', () => {
    expect(changes('6x20s @max / 2m walk', '6x25s @max / 2m walk')).toEqual(['work 20s → 25s'])
    expect(changes('6x100mtr @max / 2m walk', '6x120mtr @max / 2m walk')).toEqual(['work 100 m → 120 m'])
    expect(changes('6x20s @max / 2m walk', '6x150mtr @max / 2m walk')).toEqual(['work 20s → 150 m'])
    expect(changes(HIIT, '4x4m @max / 3m jog')).toEqual(['intensity near-max → max'])
    expect(changes('4x45s @moderate / 5m walk', '4x45s @80% / 5m walk')).toEqual(['intensity moderate → 80 %'])
    expect(changes('4x30s @max / 2m walk', '4x30s @max hill / 2m walk')).toEqual(['flat → uphill'])
    expect(changes('4x30s @max incline 4% / 2m walk', '4x30s @max incline 6% / 2m walk')).toEqual(['incline 4 % → incline 6 %'])
  })

  it('lists several changes in the order of the plan: sets, work, intensity, terrain, rest', () => {
    expect(changes('6x20s @near-max / 2m walk', '7x25s @max / 1m45s walk')).toEqual(['+1 set', 'work 20s → 25s', 'intensity near-max → max', 'rest 2m → 1m45s'])
  })

  it('names the group in a plan of several groups', () => {
    expect(changes('4x4m @near-max / 3m jog + 4x20s @max / 1m walk', '4x4m @near-max / 2m45s jog + 5x20s @max / 1m walk')).toEqual([
      'group 1: rest 3m → 2m45s',
      'group 2: +1 set'
    ])
  })

  it('shows both plans when the number of groups changed', () => {
    expect(changes(HIIT, '4x4m @near-max / 3m jog + 4x20s @max / 1m walk')).toEqual([
      'plan 4x4m @near-max / 3m jog → 4x4m @near-max / 3m jog + 4x20s @max / 1m walk'
    ])
  })

  it('words the change on the protocol, or on the block’s protocol when its name is unknown', () => {
    const p = { from: plan(HIIT), to: plan(HIIT), fromDate: '2026-05-04', toDate: '2026-07-10', texts: [] }
    expect(planChangeText({ ...p, changes: ['+1 set', 'rest 3m → 2m30s'] }, 'HIIT 4×4')).toBe('+1 set, rest 3m → 2m30s on HIIT 4×4')
    expect(planChangeText({ ...p, changes: [] }, 'HIIT 4×4')).toBe('same plan on HIIT 4×4')
    expect(planChangeText({ ...p, changes: ['+1 set'] }, null)).toBe('+1 set on the block’s protocol')
  })
})

describe('finishedBlockOn', () => {
  // 2 weeks from 2026-05-04: the last day is 2026-05-17.
  const done = block({ weeks: 2 })

  it('marks a block from the day after its end, not on its last day', () => {
    expect(finishedBlockOn([done], '2026-05-17')).toBeNull()
    expect(finishedBlockOn([done], '2026-05-18')).toBe(done)
    expect(finishedBlockOn([done], '2027-01-01')).toBe(done)
  })

  it('marks the block that ended last', () => {
    const older = block({ startDate: '2026-01-05', weeks: 4 })
    expect(finishedBlockOn([older, done], '2026-06-01')).toBe(done)
    expect(finishedBlockOn([done, older], '2026-06-01')).toBe(done)
  })

  it('keeps marking it while the next block has not started, and stops on the next block’s first day', () => {
    const next = block({ startDate: '2026-05-25', weeks: 4 })
    expect(finishedBlockOn([done, next], '2026-05-24')).toBe(done)
    expect(finishedBlockOn([done, next], '2026-05-25')).toBeNull()
    expect(finishedBlockOn([done, next], '2026-06-10')).toBeNull()
  })

  it('has nothing to mark without blocks, or before the first one ends', () => {
    expect(finishedBlockOn([], '2026-05-18')).toBeNull()
    expect(finishedBlockOn([done], '2026-05-01')).toBeNull()
  })
})

describe('nextBlockStart', () => {
  const done = block({ weeks: 2, sessionsPerWeek: 4, protocolId: 9 })

  it('starts the day after the end, with the same weeks, sessions per week and protocol', () => {
    expect(nextBlockStart(done, [done], '2026-05-18')).toEqual({
      startDate: '2026-05-18',
      weeks: 2,
      sessionsPerWeek: 4,
      protocolId: 9,
      startsOn: 'day-after',
      dayAfter: '2026-05-18'
    })
  })

  it('starts today when the day after the end is past and a block from today overlaps nothing', () => {
    expect(nextBlockStart(done, [done], '2026-06-02')).toMatchObject({ startDate: '2026-06-02', startsOn: 'today', dayAfter: '2026-05-18' })
  })

  it('keeps the day after the end when a block from today would overlap another', () => {
    const later = block({ startDate: '2026-06-10', weeks: 1 })
    expect(nextBlockStart(done, [done, later], '2026-06-02')).toMatchObject({ startDate: '2026-05-18', startsOn: 'day-after' })
  })
})
