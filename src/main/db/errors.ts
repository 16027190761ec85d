export type OpenFailure = 'too_new' | 'not_a_database' | 'corrupt' | 'foreign' | 'migration_failed' | 'unreadable'

/** The database file cannot be used. It has not been modified. */
export class DatabaseOpenError extends Error {
  constructor(
    readonly kind: OpenFailure,
    message: string,
    readonly path: string
  ) {
    super(message)
    this.name = 'DatabaseOpenError'
  }
}
