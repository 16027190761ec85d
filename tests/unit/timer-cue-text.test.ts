import { afterEach, describe, expect, it } from 'vitest'
import { advance, apply, buildPhases, type Cue, initialState, type TimerState } from '../../src/shared/timer'
import type { RepeatGroup } from '../../src/shared/training'
import { i18n } from '../../src/renderer/src/i18n/instance'
import { cueSpeech, phaseName, speechLanguage, spokenDuration } from '../../src/renderer/src/features/timer/cueText'
import { group as timedGroup } from '../helpers/training'

const group = (patch: Partial<RepeatGroup>): RepeatGroup => timedGroup({ count: 1, workSeconds: null, recoverySeconds: null, ...patch })
const S = 1000
const T0 = 1_790_000_000_000

/** Every cue of a whole session run by the clock (N pressed at once in an untimed phase). */
function cuesOf(plan: RepeatGroup[], warmup: number, cooldown: number): { cues: Cue[]; state: TimerState } {
  let state = initialState(buildPhases(plan, warmup, cooldown))
  const cues: Cue[] = []
  const take = (r: { state: TimerState; cues: Cue[] }) => {
    state = r.state
    cues.push(...r.cues)
  }
  take(apply(state, { type: 'start', at: T0 }))
  for (let t = T0; t <= T0 + 4 * 3600 * S && state.status !== 'done'; t += 500) {
    take(advance(state, t))
    if (state.status === 'running' && state.phases[state.index]?.plannedMs === null) take(apply(state, { type: 'endPhase', at: t }))
  }
  return { cues, state }
}

const PLAN = [
  group({ count: 2, workSeconds: 20, recoverySeconds: 90, recoveryMode: 'walk' }),
  group({ count: 1, workMeters: 200, recoverySeconds: 60 }),
  group({ count: 2, workSeconds: 30, hill: true, recoverySeconds: null, recoveryMode: 'walk-down' })
]

afterEach(async () => {
  await i18n.changeLanguage('en')
})

describe('the timer’s spoken cues', () => {
  it('say in English exactly what the shared timer writes', () => {
    const { cues, state } = cuesOf(PLAN, 600, 330)
    const spoken = cues.filter((c) => c.kind !== 'count')
    expect(spoken.length).toBeGreaterThan(8)
    expect(spoken.map((c) => cueSpeech(c, state.phases))).toEqual(spoken.map((c) => c.text))
    expect(cues.filter((c) => c.kind === 'count').every((c) => cueSpeech(c, state.phases) === null)).toBe(true)
    expect(speechLanguage()).toBe('en')
  })

  it('are spoken in Chinese when the runner reads Chinese, and in that language', async () => {
    await i18n.changeLanguage('zh-CN')
    const { cues, state } = cuesOf(PLAN, 600, 330)
    const words = cues.filter((c) => c.kind !== 'count').map((c) => cueSpeech(c, state.phases))
    expect(words).toEqual([
      '热身，10 分钟',
      '第 1 次，共 5 次，开始',
      '恢复，1 分 30 秒',
      '第 2 次，共 5 次，开始',
      '恢复，1 分 30 秒',
      '第 3 次，共 5 次，200 米，开始',
      '恢复，1 分钟',
      '第 4 次，共 5 次，开始',
      '走下坡恢复',
      '第 5 次，共 5 次，开始',
      '走下坡恢复',
      '放松，5 分 30 秒',
      '训练完成'
    ])
    expect(speechLanguage()).toBe('zh-CN')
  })

  it('word lengths with plurals in English', () => {
    expect([spokenDuration(1 * S), spokenDuration(45 * S), spokenDuration(60 * S), spokenDuration(61 * S), spokenDuration(150 * S)]).toEqual([
      '1 second',
      '45 seconds',
      '1 minute',
      '1 minute 1 second',
      '2 minutes 30 seconds'
    ])
  })

  it('name the phases for the strip in both languages', async () => {
    const phases = buildPhases(PLAN, 600, 0)
    expect(phases.map((p) => phaseName(p, 5)).slice(0, 3)).toEqual(['WARM-UP · 10:00', 'WORK 1 of 5 · 0:20', 'RECOVER · 1:30'])
    expect(phaseName(phases.find((p) => p.meters !== null)!, 5)).toBe('WORK 3 of 5 · 200 m')
    expect(phaseName(phases.find((p) => p.kind === 'recovery' && p.plannedMs === null)!, 5)).toBe('RECOVER · walk back down')
    await i18n.changeLanguage('zh-CN')
    expect(phases.map((p) => phaseName(p, 5)).slice(0, 3)).toEqual(['热身 · 10:00', '训练 第 1/5 次 · 0:20', '恢复 · 1:30'])
  })

  it('call and show a distance rep in yards when the runner counts in miles', async () => {
    const { cues, state } = cuesOf(PLAN, 600, 330)
    const distanceCue = cues.find((c) => c.kind === 'work' && state.phases[c.phase]?.meters !== null)!
    // 200 m is 218.7 yd, said as a whole number.
    expect(cueSpeech(distanceCue, state.phases, 'mi')).toBe('Rep 3 of 5, 219 yards — go')
    expect(cueSpeech(distanceCue, state.phases, 'km')).toBe(distanceCue.text)
    const phase = state.phases.find((p) => p.meters !== null)!
    expect(phaseName(phase, 5, 'mi')).toBe('WORK 3 of 5 · 219 yd')
    await i18n.changeLanguage('zh-CN')
    expect(cueSpeech(distanceCue, state.phases, 'mi')).toBe('第 3 次，共 5 次，219 码，开始')
    expect(phaseName(phase, 5, 'mi')).toBe('训练 第 3/5 次 · 219 码')
  })
})
