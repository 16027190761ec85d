import { DomainError } from '../../shared/result'

/** The records the services name in messages, by the catalogue key of their “no such record” message. */
export const NOT_FOUND = { session: 'noSession', 'training block': 'noBlock', protocol: 'noProtocol' } as const

/** The error for a record the input names that does not exist: `There is no session with id 12.` */
export const notFound = (what: keyof typeof NOT_FOUND, id: number): DomainError => new DomainError('not_found', { key: NOT_FOUND[what], params: { id: String(id) } })

/** The value, or the service fails with `error()` when the repository found nothing. */
export function must<T>(value: T | undefined, error: () => Error): T {
  if (value === undefined) throw error()
  return value
}
