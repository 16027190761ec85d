import { afterEach, describe, expect, it } from 'vitest'
import { formatDistance, formatPace, formatSpeed, formatSpeedPace } from '../../src/renderer/src/i18n/format'
import { i18n } from '../../src/renderer/src/i18n/instance'
import { M_PER_MILE, paceSeconds, repDistanceToMeters, speedInUnit, treadmillInUnit, treadmillToKmh } from '../../src/shared/units'

afterEach(async () => {
  await i18n.changeLanguage('en')
})

describe('distances', () => {
  it('writes a rep distance in metres or yards', () => {
    expect(formatDistance(150, 'km')).toBe('150 m')
    expect(formatDistance(37.5, 'km')).toBe('37.5 m')
    expect(formatDistance(150, 'mi')).toBe('164 yd')
    expect(formatDistance(100, 'mi')).toBe('109 yd')
  })
  it('writes a total in kilometres or miles to 0.01', () => {
    expect(formatDistance(12_345, 'km', 'total')).toBe('12.35 km')
    expect(formatDistance(12_345, 'mi', 'total')).toBe('7.67 mi')
    expect(formatDistance(1609.344, 'mi', 'total')).toBe('1 mi')
  })
  it('reads yards typed for a rep back as metres, to 0.01 m', () => {
    expect(repDistanceToMeters(164, 'mi')).toBe(149.96)
    expect(repDistanceToMeters(100, 'mi')).toBe(91.44)
    expect(repDistanceToMeters(150, 'km')).toBe(150)
  })
  it('speaks Chinese with the Chinese units and separators', async () => {
    await i18n.changeLanguage('zh-CN')
    expect(formatDistance(150, 'km')).toBe('150 米')
    expect(formatDistance(150, 'mi')).toBe('164 码')
    expect(formatDistance(12_345, 'km', 'total')).toBe('12.35 公里')
    expect(formatDistance(12_345, 'mi', 'total')).toBe('7.67 英里')
  })
})

describe('speeds', () => {
  it('writes a pace per kilometre or mile', () => {
    expect(paceSeconds(8, 'km')).toBe(125)
    expect(formatPace(8, 'km')).toBe('2:05 /km')
    expect(formatPace(8, 'mi')).toBe('3:21 /mi')
    expect(formatPace(0, 'km')).toBe('–')
  })
  it('writes km/h or mph to 0.1', () => {
    expect(speedInUnit(10, 'km')).toBeCloseTo(36)
    expect(formatSpeed(8, 'km')).toBe('28.8 km/h')
    expect(formatSpeed(8, 'mi')).toBe('17.9 mph')
    expect(formatSpeed(7.5, 'km')).toBe('27.0 km/h')
  })
  it('writes a speed with its pace', () => {
    expect(formatSpeedPace(7.5, 'km')).toBe('27.0 km/h · 2:13 /km')
    expect(formatSpeedPace(M_PER_MILE / 360, 'mi')).toBe('10.0 mph · 6:00 /mi')
    expect(formatSpeedPace(0, 'mi')).toBe('–')
  })
  it('converts a treadmill speed to and from mph, stored in km/h', () => {
    expect(treadmillToKmh(10, 'mi')).toBe(16.1)
    expect(treadmillInUnit(16.1, 'mi')).toBe(10)
    expect(treadmillToKmh(12.5, 'km')).toBe(12.5)
  })
  it('speaks Chinese', async () => {
    await i18n.changeLanguage('zh-CN')
    expect(formatPace(8, 'km')).toBe('2:05/公里')
    expect(formatSpeed(8, 'mi')).toBe('17.9 英里/小时')
    expect(formatSpeedPace(M_PER_MILE / 360, 'mi')).toBe('10.0 英里/小时，配速 6:00/英里')
  })
})
