import { afterEach, describe, expect, it } from 'vitest'
import { BUILT_IN_PROTOCOLS } from '../../src/main/db/migrations/002-training'
import { i18n } from '../../src/renderer/src/i18n/instance'
import { BUILT_IN_KEYS, protocolDescription, protocolName, protocolNameById, protocolNameOf, protocolSourceNote } from '../../src/renderer/src/i18n/builtins'

describe('the built-in protocols in the runner’s language', () => {
  afterEach(() => i18n.changeLanguage('en'))

  it('has a message for every built-in, and the English ones are the seeded rows word for word', () => {
    expect(Object.keys(BUILT_IN_KEYS).sort()).toEqual(BUILT_IN_PROTOCOLS.map((p) => p.uuid).sort())
    for (const p of BUILT_IN_PROTOCOLS) {
      expect(protocolName(p)).toBe(p.name)
      expect(protocolDescription(p)).toBe(p.description)
      expect(protocolSourceNote({ uuid: p.uuid, sourceNote: p.source })).toBe(p.source)
    }
  })

  it('shows a built-in in Chinese by its UUID, whatever the row says, and a runner’s own protocol as typed', async () => {
    await i18n.changeLanguage('zh-CN')
    const hill = BUILT_IN_PROTOCOLS[4]!
    expect(protocolName({ uuid: hill.uuid, name: hill.name })).toBe('坡道冲刺 4×30 秒')
    expect(protocolDescription(hill)).toContain('走下坡恢复')
    expect(protocolName({ uuid: '0b1f0c3e-0d5a-4b8e-9a51-000000000009', name: 'Sprint 6×20 s' })).toBe('Sprint 6×20 s')
    expect(protocolName({ name: 'My hills' })).toBe('My hills')
    expect(protocolNameOf(hill.uuid, hill.name)).toBe('坡道冲刺 4×30 秒')
    expect(protocolNameOf(null, null)).toBeNull()
    const list = [{ id: 5, uuid: hill.uuid, name: hill.name }, { id: 6, uuid: null, name: 'Mine' }]
    expect(protocolNameById(list, 5, hill.name)).toBe('坡道冲刺 4×30 秒')
    expect(protocolNameById(list, 6, 'Mine')).toBe('Mine')
    expect(protocolNameById(list, 9, 'Gone from the list')).toBe('Gone from the list')
    expect(protocolNameById(null, null, null)).toBeNull()
  })
})
