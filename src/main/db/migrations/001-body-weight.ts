import type { Migration } from './types'

export const m001: Migration = {
  version: 1,
  name: 'settings and body weight',
  sql: `
    CREATE TABLE settings (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE body_weights (
      id         INTEGER PRIMARY KEY,
      uuid       TEXT NOT NULL UNIQUE,
      date       TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
      kg         REAL NOT NULL CHECK (kg > 0 AND kg < 1000),
      note       TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    ) STRICT;

    -- The list (newest first) and the daily-mean chart both read live rows by date.
    CREATE INDEX body_weights_live_date ON body_weights (date) WHERE deleted_at IS NULL;
  `
}
