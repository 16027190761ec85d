/**
 * Every channel's input schema answers wrong input with issues the renderer can word: each issue carries a key
 * of the `errors` catalogue (never a plain English text, `text`), present in both languages, with the parameters
 * its message needs, and no ISO date written into a parameter as text the renderer cannot format.
 */
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { CHANNELS } from '../../src/shared/channels'
import { contract } from '../../src/shared/contract'
import en from '../../src/shared/i18n/locales/en/errors.json'
import zh from '../../src/shared/i18n/locales/zh-CN/errors.json'
import { issueMsg, type Msg, wording } from '../../src/shared/i18n/message'

const EN = en as Record<string, string>
const ZH = zh as Record<string, string>
const english = wording(EN, 'en')
const chinese = wording(ZH, 'zh-CN')

interface Def {
  type: string
  shape?: Record<string, z.ZodType>
  element?: z.ZodType
  innerType?: z.ZodType
  in?: z.ZodType
  options?: z.ZodType[]
  getter?: () => z.ZodType
}
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def

/** An input shaped like what `schema` expects, with `v` in every place a value goes. */
function shaped(schema: z.ZodType, v: unknown, depth = 0): unknown {
  if (depth > 8) return v
  const d = defOf(schema)
  switch (d.type) {
    case 'object':
      return Object.fromEntries(Object.entries(d.shape ?? {}).map(([k, s]) => [k, shaped(s, v, depth + 1)]))
    case 'array':
      return d.element ? [shaped(d.element, v, depth + 1)] : [v]
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return d.innerType ? shaped(d.innerType, v, depth + 1) : v
    case 'pipe':
      return d.in ? shaped(d.in, v, depth + 1) : v
    case 'lazy':
      return d.getter ? shaped(d.getter(), v, depth + 1) : v
    case 'union':
      return d.options?.[0] ? shaped(d.options[0], v, depth + 1) : v
    default:
      return v
  }
}

const WRONG: unknown[] = [null, 'x', '', -1, 1.5, 1e15, true, {}, [], '2026-02-30', '10:61', 'x'.repeat(5000)]

/** The inputs tried on a channel: wrong values in place of the whole input, and in every field of its shape. */
function inputsFor(schema: z.ZodType): unknown[] {
  return [undefined, ...WRONG, { unexpected: 1 }, ...WRONG.map((v) => shaped(schema, v))]
}

/** The messages inside a message (its parameters may be messages too). */
function* messages(m: Msg): Generator<Msg> {
  yield m
  for (const p of Object.values(m.params ?? {})) if (typeof p === 'object') yield* messages(p)
}

describe('the issues of every channel’s input schema', () => {
  it.each(CHANNELS.map((c) => [c]))('%s', (channel) => {
    const schema = contract[channel].input as z.ZodType
    const problems = new Set<string>()
    let issues = 0
    for (const input of inputsFor(schema)) {
      const r = schema.safeParse(input)
      if (r.success) continue
      for (const issue of r.error.issues) {
        issues++
        for (const m of messages(issueMsg(issue))) {
          const where = `${issue.path.join('.')}: ${issue.message}`
          if (m.key === 'text') problems.add(`plain text: ${where}`)
          else if (!(m.key in EN) || !(m.key in ZH)) problems.add(`key ${m.key} missing from a catalogue: ${where}`)
          else {
            try {
              english(m)
              chinese(m)
            } catch (e) {
              problems.add(`${m.key} cannot be worded (${String(e)}): ${where}`)
            }
          }
          for (const [k, p] of Object.entries(m.params ?? {})) {
            if (typeof p === 'string' && /^\d{4}-\d{2}-\d{2}(T|$)/.test(p) && m.key !== 'isoDate') problems.add(`${m.key}.${k} is an ISO date the renderer does not format: ${where}`)
          }
        }
      }
    }
    expect([...problems]).toEqual([])
    // Every channel that takes anything refuses some of these.
    if (defOf(schema).type !== 'void' && defOf(schema).type !== 'undefined') expect(issues).toBeGreaterThan(0)
  })
})

describe('the checks that run once the fields are right', () => {
  it.each([
    ['export/start', { what: 'sessions', from: '2026-02-01', to: '2026-01-01' }],
    ['stats/fitness', { from: '2026-02-01', to: '2026-01-01' }]
  ] as const)('%s with a range whose start is after its end', (channel, input) => {
    const r = (contract[channel as keyof typeof contract].input as z.ZodType).safeParse(input)
    expect(r.success).toBe(false)
    const keys = (r.error?.issues ?? []).map((i) => issueMsg(i).key)
    expect(keys).toEqual(['rangeReversed'])
    expect(chinese(issueMsg(r.error!.issues[0]!))).toBe('范围的开始晚于结束。')
  })
})
