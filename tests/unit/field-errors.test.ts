import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { addIssues, errorsFromResult, topFieldOf } from '../../src/renderer/src/components/fieldErrors'

describe('field errors', () => {
  it('puts a schema’s issues at their dotted paths, the first message of a field winning', () => {
    const schema = z.object({ name: z.string().min(1, 'Name it.').max(2, 'Too long.'), reps: z.array(z.object({ work: z.number().min(1, 'Work at least 1 s.') })) })
    const r = schema.safeParse({ name: '', reps: [{ work: 1 }, { work: 0 }] })
    expect(r.success).toBe(false)
    expect(addIssues({}, r.error?.issues ?? [])).toEqual({ name: 'Name it.', 'reps.1.work': 'Work at least 1 s.' })
    expect(addIssues({ name: 'Write a name.' }, r.error?.issues ?? [])).toEqual({ name: 'Write a name.', 'reps.1.work': 'Work at least 1 s.' })
    expect(addIssues({}, [{ path: [], message: 'Whole input.' }])).toEqual({ form: 'Whole input.' })
  })

  it('maps a back-end error to the fields it names, or to the form', () => {
    const issues = [
      { path: 'kg', message: 'Too heavy.', key: 'text' },
      { path: 'uuid', message: 'Not yours.', key: 'text' }
    ]
    expect(errorsFromResult({ code: 'invalid_input', message: 'Check.', key: 'text', issues })).toEqual({ kg: 'Too heavy.', uuid: 'Not yours.' })
    expect(errorsFromResult({ code: 'invalid_input', message: 'Check.', key: 'text', issues }, topFieldOf(['date', 'kg']))).toEqual({ kg: 'Too heavy.' })
    expect(errorsFromResult({ code: 'invalid_input', message: 'Check.', key: 'text', issues }, topFieldOf(['date']))).toEqual({ form: 'Check.' })
    expect(errorsFromResult({ code: 'unavailable', message: 'The database is not open.', key: 'text' })).toEqual({ form: 'The database is not open.' })
  })
})
