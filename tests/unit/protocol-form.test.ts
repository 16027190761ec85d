import { describe, expect, it } from 'vitest'
import { draftToGroup, EMPTY_GROUP } from '../../src/renderer/src/features/protocols/plan'
import {
  checkProtocolForm,
  formFromProtocol,
  protocolErrorsFromResult,
  type ProtocolFormState,
  withGroup,
  withText
} from '../../src/renderer/src/features/protocols/protocolFormState'
import { formatNotation, parseNotation } from '../../src/shared/notation'
import { PROTOCOL_FIELDS, REPEAT_GROUP_FIELDS } from '../../src/shared/records'
import { protocolFields, repeatGroup } from '../../src/shared/schemas'
import type { Protocol } from '../../src/shared/training'

const PLAN = '6x20s @max / 2m walk'

function form(patch: Partial<ProtocolFormState> = {}): ProtocolFormState {
  return { ...withText(formFromProtocol(null), PLAN), name: 'Sprints', ...patch }
}

const errorsOf = (s: ProtocolFormState) => {
  const r = checkProtocolForm(s)
  return r.ok ? {} : r.errors
}

/** The message the shared schema gives for `value` at `field`. */
function schemaMessage(field: 'name' | 'description' | 'sourceNote' | 'groups', value: unknown): string | undefined {
  const r = protocolFields.shape[field].safeParse(value)
  return r.success ? undefined : r.error.issues[0]?.message
}

describe('the protocol form', () => {
  it('turns what was typed into the draft the shared schema takes, trimmed', () => {
    const r = checkProtocolForm(form({ name: '  Sprints  ', terrain: 'hill', description: ' Hard. ', sourceNote: ' Coach ' }))
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.draft).toEqual({ name: 'Sprints', terrain: 'hill', description: 'Hard.', sourceNote: 'Coach', groups: (parseNotation(PLAN) as { groups: unknown }).groups })
    expect(protocolFields.parse(r.draft)).toEqual(r.draft)
  })

  it('enforces the schema’s name bounds, with its message', () => {
    const max = PROTOCOL_FIELDS.name.maxLength ?? 0
    expect(max).toBeGreaterThan(0)
    expect(errorsOf(form({ name: 'n'.repeat(max) }))).toEqual({})
    const long = 'n'.repeat(max + 1)
    expect(errorsOf(form({ name: long }))).toEqual({ name: schemaMessage('name', long) })
    expect(errorsOf(form({ name: '   ' }))).toEqual({ name: 'Give the protocol a name.' })
    expect(checkProtocolForm(form({ name: '' }))).toMatchObject({ ok: false, focus: 'name' })
  })

  it('enforces the schema’s text bounds, in plain words', () => {
    for (const field of ['description', 'sourceNote'] as const) {
      const max = PROTOCOL_FIELDS[field].maxLength ?? 0
      expect(errorsOf(form({ [field]: 'd'.repeat(max) }))).toEqual({})
      const long = 'd'.repeat(max + 1)
      const errors = errorsOf(form({ [field]: long }))
      expect(errors).toEqual({ [field]: schemaMessage(field, long) })
      expect(errors[field]).toMatch(/^A (description|source note) can be at most 2,000 characters\.$/)
      // Spaces around the text are not kept, so they do not count.
      expect(errorsOf(form({ [field]: ` ${'d'.repeat(max)} ` }))).toEqual({})
      expect(checkProtocolForm(form({ [field]: long }))).toMatchObject({ ok: false, focus: field })
    }
  })

  it('leaves a plan the notation cannot read to the notation, and judges one it can read by the schema', () => {
    expect(checkProtocolForm(form({ text: '6x20q @max / 2m walk' }))).toEqual({ ok: false, errors: {}, focus: 'plan' })
    expect(checkProtocolForm(form({ name: '', text: '' }))).toEqual({ ok: false, errors: { name: 'Give the protocol a name.' }, focus: 'name' })
    // More groups than a protocol may have: the notation reads them, the schema refuses them.
    const groups = (parseNotation(PLAN) as { groups: unknown[] }).groups
    const tooMany = Array.from({ length: 11 }, () => PLAN).join(' + ')
    expect(errorsOf(form({ text: tooMany }))).toEqual({ plan: schemaMessage('groups', Array.from({ length: 11 }, () => groups[0])) })
    expect(errorsOf(form({ text: tooMany })).plan).toBe('A protocol has at most 10 repeat groups.')
  })

  it('keeps the notation and the structured fields of a one-group plan in step', () => {
    const s = withText(formFromProtocol(null), '8x20s @max / 1m30s walk')
    expect(s.group).toMatchObject({ count: '8', work: '20s', recovery: '1m30s', recoveryMode: 'walk' })
    expect(s.multi).toBe(false)
    const edited = withGroup(s, { count: '10' })
    expect(edited).toMatchObject({ text: '10x20s @max / 1m30s walk', groupDirty: false })
    // A group the notation cannot say waits, and the notation keeps the last good plan.
    const bad = withGroup(edited, { count: '99' })
    expect(bad).toMatchObject({ text: '10x20s @max / 1m30s walk', groupDirty: true })
    expect(checkProtocolForm({ ...bad, name: 'Sprints' })).toEqual({ ok: false, errors: {}, focus: 'count' })
    expect(draftToGroup(bad.group)).toEqual({ ok: false, errors: { count: 'The number of reps must be 1 to 50.' } })
    // Several groups hide the structured fields; the group stays as it was.
    const multi = withText(edited, `${PLAN} + 4x30s hill / walk-down`)
    expect(multi).toMatchObject({ multi: true, group: edited.group })
  })

  it('starts from a protocol being edited', () => {
    const p = { name: 'Hill', terrain: 'hill', description: 'Up.', sourceNote: '', groups: (parseNotation('4x30s @max hill / walk-down') as { groups: Protocol['groups'] }).groups } as Protocol
    const s = formFromProtocol(p)
    expect(s).toMatchObject({ name: 'Hill', terrain: 'hill', text: '4x30s @max hill / walk-down', multi: false, groupDirty: false })
    expect(s.group).toMatchObject({ count: '4', hill: true, recoveryMode: 'walk-down' })
    expect(formFromProtocol(null)).toMatchObject({ name: '', text: '', group: EMPTY_GROUP })
  })

  it('puts the back end’s issues at the form’s fields', () => {
    const error = {
      code: 'invalid_input' as const,
      message: 'Check the highlighted fields.',
      key: 'text',
      issues: [
        { path: 'name', message: 'That name is taken.', key: 'text' },
        { path: 'groups.0.recoverySeconds', message: 'Recovery must be at most 3600 s.', key: 'text' },
        { path: 'groups.1.count', message: 'At most 50 reps in a group.', key: 'text' }
      ]
    }
    expect(protocolErrorsFromResult(error)).toEqual({ name: 'That name is taken.', plan: 'Recovery must be at most 3600 s.' })
    expect(protocolErrorsFromResult({ code: 'conflict', message: 'Someone else changed it.', key: 'text', issues: [{ path: 'id', message: 'Stale.', key: 'text' }] })).toEqual({
      form: 'Someone else changed it.'
    })
  })
})

describe('the structured fields of a repeat group', () => {
  const G = REPEAT_GROUP_FIELDS
  const base = { ...EMPTY_GROUP, count: '6', work: '20s', recovery: '2m' }
  const check = (patch: Partial<typeof base>) => draftToGroup({ ...base, ...patch })

  it('take the group field table’s bounds, which the notation shares', () => {
    const cases: [Partial<typeof base>, Partial<typeof base>, string, string][] = [
      [{ count: String(G.count.max) }, { count: String((G.count.max ?? 0) + 1) }, 'count', `The number of reps must be ${G.count.min} to ${G.count.max}.`],
      [{ work: `${G.workSeconds.max}s` }, { work: `${(G.workSeconds.max ?? 0) + 1}s` }, 'work', 'The work must be 1s to 60m.'],
      [
        { workKind: 'distance', work: String(G.workMeters.max) },
        { workKind: 'distance', work: String((G.workMeters.max ?? 0) + 1) },
        'work',
        `The distance must be ${G.workMeters.min} to ${(G.workMeters.max ?? 0).toLocaleString('en')} metres.`
      ],
      [{ intensity: 'custom', intensityPct: String(G.intensityPct.max) }, { intensity: 'custom', intensityPct: String((G.intensityPct.max ?? 0) + 1) }, 'intensityPct', 'The intensity must be 1% to 100%.'],
      [{ incline: String(G.inclinePct.max) }, { incline: String((G.inclinePct.max ?? 0) + 1) }, 'incline', `The incline must be 0% to ${G.inclinePct.max}%.`],
      [{ recovery: `${G.recoverySeconds.max}s` }, { recovery: `${(G.recoverySeconds.max ?? 0) + 1}s` }, 'recovery', 'The recovery must be 1s to 60m.']
    ]
    for (const [atMax, over, field, message] of cases) {
      const ok = check(atMax)
      expect(ok.ok, JSON.stringify(atMax)).toBe(true)
      // What the form accepts, the notation writes and reads back, and the shared schema takes.
      if (ok.ok) {
        expect(repeatGroup.parse(ok.group)).toEqual(ok.group)
        expect(parseNotation(formatNotation([ok.group]))).toEqual({ ok: true, groups: [ok.group] })
      }
      expect(check(over)).toEqual({ ok: false, errors: { [field]: message } })
    }
  })
})

describe('decimal commas in the structured fields', () => {
  const base = { ...EMPTY_GROUP, count: '6', work: '20s', recovery: '2m' }
  it('reads 92,5 % and 12,5 km/h as 92.5 and 12.5', () => {
    const r = draftToGroup({ ...base, intensity: 'custom', intensityPct: '92,5', speed: '12,5' })
    expect(r).toMatchObject({ ok: true, group: { intensityPct: 92.5, treadmillKmh: 12.5 } })
  })
  it('still refuses text that is not a number', () => {
    expect(draftToGroup({ ...base, speed: '12,5,1' })).toMatchObject({ ok: false, errors: { speed: expect.any(String) } })
  })
})
