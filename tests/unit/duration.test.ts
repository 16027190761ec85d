import { describe, expect, it } from 'vitest'
import { durationClock, durationFieldText, durationNotation, durationWithUnits } from '../../src/shared/duration'
import { formatNotation, parseNotation } from '../../src/shared/notation'
import { parseClock } from '../../src/renderer/src/features/log/sessionForm'

describe('durationClock', () => {
  it('writes m:ss, with hours when needed', () => {
    expect(durationClock(0)).toBe('0:00')
    expect(durationClock(20)).toBe('0:20')
    expect(durationClock(125)).toBe('2:05')
    expect(durationClock(1620)).toBe('27:00')
    expect(durationClock(3600)).toBe('1:00:00')
    expect(durationClock(3725)).toBe('1:02:05')
  })

  it('rounds to whole seconds', () => {
    expect(durationClock(59.6)).toBe('1:00')
    expect(durationClock(125.4)).toBe('2:05')
  })
})

describe('durationFieldText', () => {
  it('writes plain seconds under a minute, m:ss above, and nothing for null', () => {
    expect(durationFieldText(null)).toBe('')
    expect(durationFieldText(0)).toBe('0')
    expect(durationFieldText(20)).toBe('20')
    expect(durationFieldText(13.4)).toBe('13.4')
    expect(durationFieldText(60)).toBe('1:00')
    expect(durationFieldText(90)).toBe('1:30')
    expect(durationFieldText(240)).toBe('4:00')
    expect(durationFieldText(3600)).toBe('60:00')
  })

  it('keeps tenths, and pads the seconds to two digits before them', () => {
    expect(durationFieldText(13.46)).toBe('13.5')
    expect(durationFieldText(65.5)).toBe('1:05.5')
    expect(durationFieldText(90.25)).toBe('1:30.3')
  })

  it('carries a rounded-up minute instead of writing 60 seconds', () => {
    expect(durationFieldText(59.96)).toBe('1:00')
    expect(durationFieldText(119.96)).toBe('2:00')
  })

  it('reads back through the session form to the same tenth of a second', () => {
    for (const s of [0.1, 5, 13.4, 59.9, 60, 65.5, 90, 119.9, 240, 725.3, 3600, 7200]) {
      expect(parseClock(durationFieldText(s)), String(s)).toBeCloseTo(s, 6)
    }
  })
})

describe('durationNotation', () => {
  it('writes seconds, whole minutes, and minutes with seconds', () => {
    expect(durationNotation(20)).toBe('20s')
    expect(durationNotation(59)).toBe('59s')
    expect(durationNotation(60)).toBe('1m')
    expect(durationNotation(240)).toBe('4m')
    expect(durationNotation(90)).toBe('1m30s')
    expect(durationNotation(125)).toBe('2m5s')
    expect(durationNotation(3600)).toBe('60m')
  })

  it('rounds to whole seconds and never goes below zero', () => {
    expect(durationNotation(19.6)).toBe('20s')
    expect(durationNotation(-3)).toBe('0s')
  })

  it('is read back by the notation parser', () => {
    for (const s of [1, 20, 59, 60, 90, 125, 240, 3599, 3600]) {
      const text = `1x${durationNotation(s)} / ${durationNotation(s)} walk`
      const r = parseNotation(text)
      expect(r.ok && r.groups[0], text).toMatchObject({ workSeconds: s, recoverySeconds: s })
      if (r.ok) expect(formatNotation(r.groups)).toBe(text)
    }
  })
})

describe('durationWithUnits', () => {
  it('spells out seconds and minutes', () => {
    expect(durationWithUnits(20)).toBe('20 s')
    expect(durationWithUnits(59.6)).toBe('1 min')
    expect(durationWithUnits(90)).toBe('1 min 30 s')
    expect(durationWithUnits(240)).toBe('4 min')
  })
})

describe('parseClock', () => {
  it('takes a decimal comma as a decimal point', () => {
    expect(parseClock('13,4')).toBeCloseTo(13.4, 6)
    expect(parseClock('13,4s')).toBeCloseTo(13.4, 6)
    expect(parseClock('1:05,5')).toBeCloseTo(65.5, 6)
    expect(parseClock('1,5,5')).toBeNull()
  })
})
