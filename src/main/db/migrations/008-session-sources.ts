import type { Migration } from './types'

/**
 * The watch file a session was logged from: its SHA-256 (unique, so the same file is never logged twice), name,
 * format, device, sport and size, and the original bytes as a BLOB, so backups (which copy the database) hold it.
 * A source imported from a CSV file has its metadata only (`data` NULL: the CSV files carry no bytes). At most one
 * source per session; deleting a session (a soft delete) keeps its source.
 */
export const m008: Migration = {
  version: 8,
  name: 'session sources',
  sql: `
    CREATE TABLE session_sources (
      id          INTEGER PRIMARY KEY,
      session_id  INTEGER NOT NULL UNIQUE REFERENCES sessions (id),
      sha256      TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
      file_name   TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
      format      TEXT NOT NULL CHECK (format IN ('fit', 'tcx', 'gpx')),
      device      TEXT CHECK (device IS NULL OR length(device) <= 120),
      sport       TEXT CHECK (sport IS NULL OR length(sport) <= 40),
      byte_size   INTEGER NOT NULL CHECK (byte_size >= 0),
      data        BLOB CHECK (data IS NULL OR length(data) = byte_size),
      imported_at TEXT NOT NULL
    ) STRICT;
  `
}
