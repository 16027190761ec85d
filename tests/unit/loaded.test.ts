import { describe, expect, it } from 'vitest'
import { errorOf, type Loaded, valueOr } from '../../src/renderer/src/api/useLoad'

const loading: Loaded<number> = { state: 'loading' }
const ok: Loaded<number> = { state: 'ok', value: 7, stale: false }
const stale: Loaded<number> = { state: 'ok', value: 6, stale: true }
const failed: Loaded<number> = { state: 'error', message: 'The database is busy.', error: { code: 'internal', message: 'The database is busy.', key: 'text' } }

describe('what a screen shows of a load', () => {
  it('errorOf gives the message of a failed load and null otherwise', () => {
    expect(errorOf(failed)).toBe('The database is busy.')
    expect(errorOf(loading)).toBeNull()
    expect(errorOf(ok)).toBeNull()
    expect(errorOf(stale)).toBeNull()
  })

  it('valueOr gives the value, stale or not, else the fallback', () => {
    expect(valueOr(ok, null)).toBe(7)
    expect(valueOr(stale, null)).toBe(6)
    expect(valueOr(loading, null)).toBeNull()
    expect(valueOr(failed, [])).toEqual([])
  })
})
