import { afterEach, describe, expect, it } from 'vitest'
import { clampDate, parseDateText, readDateText, stepDate, stepOfKey } from '../../src/renderer/src/components/dateText'
import { formatDate } from '../../src/renderer/src/i18n/format'
import { i18n } from '../../src/renderer/src/i18n/instance'

afterEach(async () => {
  await i18n.changeLanguage('en')
})

describe('parseDateText', () => {
  it.each([
    ['2026-11-22', '2026-11-22'],
    ['2026-1-5', '2026-01-05'],
    ['22 Nov 2026', '2026-11-22'],
    ['22 nov 2026', '2026-11-22'],
    ['22 November 2026', '2026-11-22'],
    ['22 Sept 2026', '2026-09-22'],
    ['22 Sep 2026', '2026-09-22'],
    ['Nov 22, 2026', '2026-11-22'],
    ['Sunday 22 November 2026', '2026-11-22'],
    ['2026年11月22日', '2026-11-22'],
    ['2026 年 1 月 5 日', '2026-01-05'],
    ['２０２６年１１月２２日', '2026-11-22'],
    ['22/11/2026', '2026-11-22'],
    ['5/1/2026', '2026-01-05'],
    ['2026/11/22', '2026-11-22'],
    ['22.11.2026', '2026-11-22'],
    ['2026.11.22', '2026-11-22'],
    ['  22 Nov 2026  ', '2026-11-22'],
    ['29/02/2024', '2024-02-29']
  ])('reads %s', (text, iso) => {
    expect(parseDateText(text)).toBe(iso)
  })

  it.each(['', 'tomorrow', '22 Nox 2026', '22 Mayo 2026', '31/11/2026', '29/02/2026', '11/22/2026', '2026-13-01', '22/11/26', '2026年11月', '1899-12-31', '22 Nov', '20261122'])(
    'does not read %s',
    (text) => {
      expect(parseDateText(text)).toBeNull()
    }
  )

  it('reads back what the lists write, in both languages', async () => {
    for (const lang of ['en', 'zh-CN']) {
      await i18n.changeLanguage(lang)
      for (const d of ['2026-11-22', '2026-01-01', '2024-02-29', '2026-09-30', '2026-05-07']) expect(parseDateText(formatDate(d)), `${lang} ${formatDate(d)}`).toBe(d)
    }
  })
})

describe('readDateText', () => {
  it('is no date for an empty text, the date for a readable one', () => {
    expect(readDateText('  ')).toEqual({ ok: true, value: '' })
    expect(readDateText('22/11/2026')).toEqual({ ok: true, value: '2026-11-22' })
  })
  it('names the problem of an unreadable text or a date out of bounds', () => {
    expect(readDateText('22 Nox 2026')).toEqual({ ok: false, problem: 'unreadable' })
    expect(readDateText('2026-11-22', '2026-12-01')).toEqual({ ok: false, problem: 'before' })
    expect(readDateText('2026-11-22', null, '2026-11-21')).toEqual({ ok: false, problem: 'after' })
    expect(readDateText('2026-11-22', '2026-11-22', '2026-11-22')).toEqual({ ok: true, value: '2026-11-22' })
  })
})

describe('stepping with the keys', () => {
  it('maps the arrows to a day and the Page keys to a month', () => {
    expect(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Enter', 'a'].map(stepOfKey)).toEqual(['day+', 'day-', 'month+', 'month-', null, null])
  })
  it('moves a day across month and year ends', () => {
    expect(stepDate('2026-12-31', 'day+')).toBe('2027-01-01')
    expect(stepDate('2026-03-01', 'day-')).toBe('2026-02-28')
  })
  it('moves a month, keeping the day within the shorter month', () => {
    expect(stepDate('2026-01-31', 'month+')).toBe('2026-02-28')
    expect(stepDate('2026-01-15', 'month-')).toBe('2025-12-15')
  })
  it('stays within min and max', () => {
    expect(stepDate('2026-11-22', 'day+', null, '2026-11-22')).toBe('2026-11-22')
    expect(stepDate('2026-11-22', 'month-', '2026-11-01')).toBe('2026-11-01')
    expect(clampDate('2026-11-22', '2026-11-23', '2026-12-01')).toBe('2026-11-23')
  })
})
