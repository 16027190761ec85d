import { DomainError } from '../../../shared/result'
import type { Handlers } from '../router'

type DatabaseHandlers = Pick<Handlers, 'database/retry' | 'database/startNew'>

/** With the database open there is nothing to retry or start over; the recovery router answers these (runtime.ts). */
export function databaseHandlers(): DatabaseHandlers {
  return {
    'database/retry': () => ({ ok: true }),
    'database/startNew': () => {
      throw new DomainError('conflict', { key: 'startNewOpen' })
    }
  }
}
