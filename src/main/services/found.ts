import { DomainError } from '../../shared/result'

/** The error for a record the input names that does not exist: `There is no session with id 12.` */
export const notFound = (what: string, id: number): DomainError => new DomainError('not_found', `There is no ${what} with id ${id}.`)

/** The value, or the service fails with `error()` when the repository found nothing. */
export function must<T>(value: T | undefined, error: () => Error): T {
  if (value === undefined) throw error()
  return value
}
