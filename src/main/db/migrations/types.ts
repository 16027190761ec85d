export interface Migration {
  /** 1, 2, 3, …: the `PRAGMA user_version` the database has once this migration is applied. */
  version: number
  name: string
  sql: string
}
