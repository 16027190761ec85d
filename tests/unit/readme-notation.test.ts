import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { formatNotation, parseNotation } from '../../src/shared/notation'

describe('the notation examples in the README', () => {
  const readme = readFileSync('README.md', 'utf8')
  const section = readme.slice(readme.indexOf('### Protocols and the notation'), readme.indexOf('### Training blocks'))
  const examples = [...section.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1] as string)

  it('are there', () => expect(examples.length).toBeGreaterThanOrEqual(5))

  it.each(examples.map((e) => [e]))('%s parses and is written back the same', (text) => {
    const r = parseNotation(text)
    expect(r.ok, r.ok ? '' : r.error.message).toBe(true)
    if (r.ok) expect(formatNotation(r.groups)).toBe(text)
  })
})
