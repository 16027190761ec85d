/**
 * zod's own messages as keys of the `errors` catalogue: every issue a schema raises without a message of its own
 * (a missing object, a wrong type, a key the input should not have, a bound) is worded through `zm`, so it reaches
 * the renderer as a key with parameters like every other message. Installed once, on import, for every schema.
 */
import { z } from 'zod'
import type { $ZodRawIssue } from 'zod/v4/core'
import { zm } from './message'

type Issue = $ZodRawIssue

const TYPE_KEYS: Record<string, string> = {
  object: 'zodExpectedObject',
  string: 'zodExpectedString',
  number: 'zodExpectedNumber',
  int: 'zodExpectedInteger',
  boolean: 'zodExpectedBoolean',
  array: 'zodExpectedArray'
}

const listed = (values: readonly unknown[]) => values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ')

/** The message of an issue raised by a schema without a message of its own. */
export function zodMessage(iss: Issue): string {
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined) return zm('zodRequired')
      return zm(TYPE_KEYS[iss.expected] ?? 'zodExpectedOther')
    case 'unrecognized_keys':
      return zm('zodUnknownKeys', { keys: iss.keys.join(', ') })
    case 'too_small': {
      const min = String(iss.minimum)
      if (iss.origin === 'string') return min === '1' ? zm('zodTextEmpty') : zm('zodTextMin', { min })
      if (iss.origin === 'array' || iss.origin === 'set') return min === '1' ? zm('zodListEmpty') : zm('zodListMin', { min })
      return zm(iss.inclusive === false ? 'zodNumberAbove' : 'zodNumberMin', { min })
    }
    case 'too_big': {
      const max = String(iss.maximum)
      if (iss.origin === 'string') return zm('zodTextMax', { max })
      if (iss.origin === 'array' || iss.origin === 'set') return zm('zodListMax', { max })
      return zm(iss.inclusive === false ? 'zodNumberBelow' : 'zodNumberMax', { max })
    }
    case 'invalid_value':
      return zm('zodOneOf', { values: listed(iss.values) })
    case 'invalid_format':
      return zm('zodFormat')
    case 'not_multiple_of':
      return zm('zodMultipleOf', { divisor: String(iss.divisor) })
    default:
      return zm('zodInvalid')
  }
}

z.config({ customError: zodMessage })
