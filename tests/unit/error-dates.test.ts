/**
 * Dates inside the back end's messages are parameters the renderer writes as the runner's language writes dates
 * (`dateParam`), while the English wording for logs keeps them as they are; the zod issues and the import
 * preview's record lines arrive as keys too.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { english, issueMsg, type Msg, word } from '../../src/shared/i18n/message'
import { overlapMessage, overlapMsg } from '../../src/shared/metrics/block'
import { contract } from '../../src/shared/contract'
import { i18n } from '../../src/renderer/src/i18n/instance'
import '../../src/renderer/src/i18n/errors'

const first = (channel: keyof typeof contract, input: unknown): Msg => {
  const r = contract[channel].input.safeParse(input)
  if (r.success) throw new Error('parsed')
  return issueMsg(r.error.issues[0] as { message: string })
}

describe('dates in messages', () => {
  afterEach(() => void i18n.changeLanguage('en'))

  it('are written as each language writes dates, and kept as they are in the English of the logs', async () => {
    const m = first('weights/add', { date: '2026-02-30', kg: 80 })
    expect(m.key).toBe('dateReal')
    expect(english(m)).toBe('Expected a real calendar date written YYYY-MM-DD, between 1900-01-01 and 2100-12-31.')
    expect(word(m)).toBe('Expected a real calendar date written YYYY-MM-DD, between 1 Jan 1900 and 31 Dec 2100.')
    await i18n.changeLanguage('zh-CN')
    expect(word(m)).toContain('1900年1月1日')
    expect(word(m)).toContain('2100年12月31日')
  })

  it('of an overlapping block are the runner’s too', async () => {
    const draft = { startDate: '2026-03-02', weeks: 10 }
    const other = { name: 'Spring', startDate: '2026-01-05', weeks: 10 }
    expect(overlapMessage(draft, other)).toBe('This block (2026-03-02 to 2026-05-10) overlaps “Spring” (2026-01-05 to 2026-03-15). Blocks may not overlap.')
    expect(word(overlapMsg(draft, other))).toBe('This block (2 Mar 2026 to 10 May 2026) overlaps “Spring” (5 Jan 2026 to 15 Mar 2026). Blocks may not overlap.')
    await i18n.changeLanguage('zh-CN')
    expect(word(overlapMsg(draft, other))).toBe('这个训练周期（2026年3月2日 至 2026年5月10日）与“Spring”（2026年1月5日 至 2026年3月15日）重叠。训练周期不能重叠。')
  })

  it('zod’s own issues are worded in Chinese', async () => {
    const m = first('sessions/get', 'x')
    expect(m.key).toBe('zodExpectedObject')
    await i18n.changeLanguage('zh-CN')
    expect(word(m)).toBe('应为包含命名字段的对象。')
    expect(word(first('sessions/get', { id: 1, extra: true }))).toBe('此处不应有：extra。')
  })
})
