/**
 * Field errors of a form, keyed by the paths the shared schemas and the back end use (`name`,
 * `reps.2.workSeconds`), from a schema's issues or a back-end error's. One mapping for every form.
 */
import { issueMsg, word, wordError } from '../../../shared/i18n/message'
import type { Params } from '../../../shared/i18n/message'
import type { AppError } from '../../../shared/result'

export type FieldErrors = Record<string, string>

/** An issue as zod gives it (a path of keys) or as the back end sends it (a dotted path). */
export interface PathIssue {
  path: string | readonly PropertyKey[]
  message: string
  /** The back end's issues carry their message's key; a schema's issue is found by its English wording. */
  key?: unknown
  params?: unknown
}

/** An issue's message in the language shown. */
export const issueText = (issue: PathIssue): string =>
  typeof issue.key === 'string' ? wordError({ message: issue.message, key: issue.key, params: issue.params as Params }) : word(issueMsg(issue))

/** Which of the form's errors an issue's dotted path belongs to; undefined for none. */
export type FieldOf = (path: string) => string | undefined

/** Every path is its own field; the whole input is `form`. */
const samePath: FieldOf = (path) => path || 'form'

export const dottedPath = (path: PathIssue['path']): string => (typeof path === 'string' ? path : path.map(String).join('.'))

/**
 * Puts each issue's message at its field, keeping a message already there: a field whose text could not be
 * read already says so, and the first issue at a field is the one to show.
 */
export function addIssues<E extends Partial<FieldErrors>>(errors: E, issues: readonly PathIssue[], fieldOf: FieldOf = samePath): E {
  const out: Partial<FieldErrors> = errors
  for (const issue of issues) {
    const field = fieldOf(dottedPath(issue.path))
    if (field !== undefined) out[field] ??= issueText(issue)
  }
  return errors
}

/** A back-end error at the form's fields; the error's own message at `form` when none of its issues has a field. */
export function errorsFromResult(error: AppError, fieldOf: FieldOf = samePath): FieldErrors {
  const out = addIssues<FieldErrors>({}, error.issues ?? [], fieldOf)
  if (Object.keys(out).length === 0) out.form = wordError(error)
  return out
}

/** A field-of mapping that keeps the first segment of a path when it is one of `fields`. */
export function topFieldOf(fields: readonly string[]): FieldOf {
  return (path) => {
    const head = path.split('.')[0] ?? ''
    return fields.includes(head) ? head : undefined
  }
}
