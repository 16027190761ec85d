import { describe, expect, it } from 'vitest'
import type { Router } from '../../src/main/ipc/router'
import { followTheme } from '../../src/main/theme'
import { fail, ok } from '../../src/shared/result'

describe('the native theme', () => {
  const answers: Record<string, unknown> = {
    'settings/get': ok({ weightUnit: 'kg', theme: 'light' }),
    'settings/update': ok({ weightUnit: 'kg', theme: 'dark' }),
    'weights/list': ok({ items: [], total: 0, theme: 'light' })
  }
  const inner: Router = { call: async (channel) => (answers[String(channel)] as never) ?? fail('invalid_input', 'no') }

  it('follows the theme of each settings answer and passes every answer through unchanged', async () => {
    const applied: string[] = []
    const router = followTheme(inner, (t) => applied.push(t))
    expect(await router.call('settings/get', undefined)).toBe(answers['settings/get'])
    expect(await router.call('settings/update', { theme: 'dark' })).toBe(answers['settings/update'])
    // Other channels, and refusals, leave the theme alone.
    await router.call('weights/list', undefined)
    await router.call('sessions/list', undefined)
    expect(applied).toEqual(['light', 'dark'])
  })

  it('ignores an answer without a known theme', async () => {
    const applied: string[] = []
    const odd: Router = { call: async () => ok({ theme: 'purple' }) }
    await followTheme(odd, (t) => applied.push(t)).call('settings/get', undefined)
    expect(applied).toEqual([])
  })
})
