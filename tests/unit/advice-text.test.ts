import { afterEach, describe, expect, it } from 'vitest'
import { planChangeTexts } from '../../src/shared/metrics/blockSummary'
import { progressionAdvice, type SessionOutcome } from '../../src/shared/metrics/progression'
import { parseNotation } from '../../src/shared/notation'
import { adviceText } from '../../src/renderer/src/components/adviceText'
import { i18n } from '../../src/renderer/src/i18n/instance'

function plan(text: string) {
  const r = parseNotation(text)
  if (!r.ok) throw new Error(r.error.message)
  return r.groups
}
const session = (date: string, f: Partial<SessionOutcome> = {}): SessionOutcome => ({ date, plannedReps: 6, repsDone: 6, rpe: 6, couldNotRecover: false, ...f })
const words = (a: ReturnType<typeof progressionAdvice>) => ({ summary: adviceText(a.summary), reasons: a.reasons.map(adviceText), changes: a.changes.map(adviceText) })

describe('advice in the runner’s language', () => {
  afterEach(() => void i18n.changeLanguage('en'))

  it('words the same codes in English and in Chinese, dates as each language writes them', async () => {
    const a = progressionAdvice(plan('6x20s @max / 2m walk'), [session('2026-05-04', { repsDone: 4, couldNotRecover: true })])
    expect(words(a)).toEqual({
      summary: 'Do fewer sets: 6 → 4.',
      reasons: ['On 4 May 2026 you did 4 of 6 reps: 2 reps abandoned.', 'On 4 May 2026 you could not catch your breath between sets.', 'When you cannot catch your breath between sets, rest longer or do fewer sets.'],
      changes: ['Sets 6 → 4']
    })
    await i18n.changeLanguage('zh-CN')
    expect(words(a)).toEqual({
      summary: '减少组数：6 → 4。',
      reasons: ['2026年5月4日你完成了计划 6 次中的 4 次：放弃了 2 次。', '2026年5月4日你在组间喘不过气。', '组间喘不过气时，延长恢复时间或减少组数。'],
      changes: ['组数 6 → 4']
    })
  })

  it('words the lists, the groups, the modes and the effort in Chinese', async () => {
    await i18n.changeLanguage('zh-CN')
    const easy = [session('2026-05-04'), session('2026-05-01', { rpe: 7 })]
    const a = words(progressionAdvice(plan('6x20s @max / 2m walk + 4x30s hill / walk-down'), easy))
    expect(a.summary).toBe('缩短恢复时间并增加一组：恢复 2m → 1m45s 步行，组数 4 → 5。')
    expect(a.changes).toEqual(['第 1 段：恢复 2m → 1m45s', '第 2 段：组数 4 → 5'])
    expect(a.reasons[0]).toBe('最近 2 次训练都按计划完成：每一次都完成了，组间缓得过气，用力不超过这个训练方案预期的全力强度（RPE 9–10）：2026年5月4日（6 次全部完成，RPE 6）和2026年5月1日（6 次全部完成，RPE 7）。')
    expect(a.reasons[1]).toBe('第 2 段的恢复是不计时的走下坡，所以改为增加一组。')
  })

  it('words a block’s plan changes in Chinese', async () => {
    await i18n.changeLanguage('zh-CN')
    const words = (a: string, b: string) => planChangeTexts(plan(a), plan(b)).map(adviceText)
    expect(words('4x4m @near-max / 3m jog', '5x4m @max / 2m30s jog')).toEqual(['+1 组', '强度 接近全力 → 全力', '恢复 3m → 2m30s'])
    expect(words('6x20s / 2m walk', '6x20s hill / 2m walk-down')).toEqual(['平地 → 上坡', '恢复 2m 步行 → 2m 走下坡'])
    expect(words('6x20s / 2m walk + 4x30s / 1m walk', '6x20s / 2m walk + 3x30s / 1m walk')).toEqual(['第 2 段：−1 组'])
  })
})
