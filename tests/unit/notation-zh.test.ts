/**
 * The notation written in Chinese: full-width characters and the Chinese units and words read as the ASCII
 * notation does, written back in the canonical ASCII form, with errors about the runner's own characters and,
 * in Chinese, naming the Chinese words the notation expects.
 */
import { describe, expect, it } from 'vitest'
import zh from '../../src/shared/i18n/locales/zh-CN/errors.json'
import { msgOf, wording } from '../../src/shared/i18n/message'
import { formatNotation, parseNotation } from '../../src/shared/notation'
import type { RepeatGroup } from '../../src/shared/training'

const chinese = wording(zh as Record<string, string>, 'zh-CN')

function groups(text: string): RepeatGroup[] {
  const r = parseNotation(text)
  if (!r.ok) throw new Error(`${text}: ${r.error.message} [${r.error.start}, ${r.error.end})`)
  return r.groups
}

/** Chinese (and full-width) forms beside the ASCII form that means the same. */
const SAME: [string, string][] = [
  ['６×２０秒　＠最大　／　２分钟走', '6x20s @max / 2m walk'],
  ['６ｘ２０ｓ＠ｍａｘ／２ｍ　ｗａｌｋ', '6x20s @max / 2m walk'],
  ['6乘20秒 @全力 / 2分 走', '6x20s @max / 2m walk'],
  ['4×4分钟 @次最大 / 3分钟慢跑', '4x4m @near-max / 3m jog'],
  ['4x4分钟 @接近最大 / 3分钟 慢跑', '4x4m @near-max / 3m jog'],
  ['4×30秒 坡道 / 走下坡', '4x30s hill / walk-down'],
  ['4×30秒 上坡／走下坡', '4x30s hill / walk-down'],
  ['5×30秒 @85％ 坡度6％ / 1分30秒 站立', '5x30s @85% incline 6% / 1m30s stand'],
  ['5×30秒 @85% 坡度 6% / 90秒休息', '5x30s @85% incline 6% / 1m30s stand'],
  ['8×100米 @最大 / 1：30 走', '8x100mtr @max / 1m30s walk'],
  ['3×1.2公里 @中等 / 2分钟慢跑', '3x1.2km @moderate / 2m jog'],
  ['3×1.2千米 @中等 / 2分钟慢跑', '3x1.2km @moderate / 2m jog'],
  ['4×30秒 @最大 坡道 ＋10公斤背心 / 走下坡', '4x30s @max hill +10kg vest / walk-down'],
  ['4×30秒 @最大 坡道 +10千克 背心 / 走下坡', '4x30s @max hill +10kg vest / walk-down'],
  ['6×20秒 +22磅雪橇 / 2分钟走', '6x20s +22lb sled / 2m walk'],
  ['6×20秒 +5公斤其他 / 2分钟走', '6x20s +5kg other / 2m walk'],
  ['5×1分钟 @12kmh 坡度6% / 1分钟走', '5x1m @12kmh incline 6% / 1m walk'],
  ['6×20秒 @最大 / 2分钟走 ＋ 4×30秒 坡道 / 走下坡', '6x20s @max / 2m walk + 4x30s hill / walk-down'],
  ['6X20秒@最大/2分钟走+4x30秒坡道/走下坡', '6x20s @max / 2m walk + 4x30s hill / walk-down']
]

describe('the notation in Chinese', () => {
  it.each(SAME)('%s reads as %s', (text, ascii) => {
    expect(groups(text)).toEqual(groups(ascii))
  })

  it('is written back in the canonical ASCII form, which reads back to the same groups', () => {
    for (const [text, ascii] of SAME) {
      const written = formatNotation(groups(text))
      expect(written, text).toBe(formatNotation(groups(ascii)))
      // eslint-disable-next-line no-control-regex
      expect(written, text).toMatch(/^[\x00-\x7f]+$/)
      expect(groups(written), text).toEqual(groups(text))
    }
  })

  it('leaves the ASCII notation as it was', () => {
    expect(formatNotation(groups('6x20s @max / 2m walk'))).toBe('6x20s @max / 2m walk')
  })
})

describe('errors about Chinese input', () => {
  // text, the characters the error is about, a fragment of its Chinese wording
  const cases: [string, string, string][] = [
    ['6×20秒 @最快 / 2分钟走', '最快', '最大（max）、次最大（near-max）、中等（moderate）'],
    ['6×20秒 @最大 / 2分钟跑', '跑', '走（walk）、慢跑（jog）、站立或休息（stand）、走下坡（walk-down）'],
    ['6×20秒 @最大 / 冲刺', '冲刺', '走（walk）、慢跑（jog）'],
    ['6×２０克 @最大 / 2分钟走', '２０克', '20秒、4分钟、1分30秒、400米'],
    ['4×30秒 坡道 +10公斤背包 / 走下坡', '背包', '背心（vest）、雪橇（sled）或其他（other）'],
    ['6×20秒 最大 / 2分钟走', '最大', '“@最大”'],
    ['6×20秒 @最大 很快 / 2分钟走', '很快', '“坡道”或“坡度5%”'],
    ['６×２０秒　＠最大　／　２分钟走　再来', '再来', '再来'],
    ['６１×２０秒 / 2分钟走', '６１', '1 到 50'],
    ['5×30秒 坡度45％ / 90秒站立', '45％', '0% 到 40%']
  ]

  it.each(cases)('%s: about “%s”', (text, bad, fragment) => {
    const r = parseNotation(text)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(text.slice(r.error.start, r.error.end)).toBe(bad)
    expect(chinese(msgOf(r.error))).toContain(fragment)
  })

  it('quotes the runner’s own characters in the message', () => {
    const r = parseNotation('6×20秒 @最快 / 2分钟走')
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.params).toEqual({ text: '最快' })
    expect(r.error.message).toContain('“最快” is not an intensity')
  })

  it('points at the end of the runner’s text when the recovery is missing', () => {
    const text = '６×２０秒＠最大'
    const r = parseNotation(text)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.key).toBe('notationRecoveryMissing')
    expect([r.error.start, r.error.end]).toEqual([text.length, text.length])
  })
})
