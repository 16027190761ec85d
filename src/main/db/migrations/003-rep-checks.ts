import type { Migration } from './types'

const COLUMNS = `id, session_id, position, work_seconds, distance_meters, intensity, intensity_pct, rpe, recovery_seconds,
  recovery_mode, incline_pct, hill, completed, heart_rate`

/**
 * The reps table again, with the same constraints, its two word lists written as comparisons: SQLite checks
 * `x IN ('a', 'b', …)` on every inserted row much more slowly than `x = 'a' OR x = 'b' OR …` (the two lists cost
 * about as much as the rest of a rep's insert), and the two accept exactly the same values. A table's checks cannot
 * be changed in place, so the table is rebuilt — new table, copy, drop, rename — in the migration's transaction;
 * nothing refers to reps, and the rename keeps the name of its (session_id, position) index.
 */
export const m003: Migration = {
  version: 3,
  name: 'rep checks as comparisons',
  sql: `
    CREATE TABLE reps_new (
      id               INTEGER PRIMARY KEY,
      session_id       INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
      position         INTEGER NOT NULL CHECK (position >= 1),
      work_seconds     REAL NOT NULL CHECK (work_seconds > 0 AND work_seconds <= 7200),
      distance_meters  REAL CHECK (distance_meters IS NULL OR distance_meters > 0),
      intensity        TEXT NOT NULL CHECK (intensity = 'max' OR intensity = 'near-max' OR intensity = 'moderate' OR intensity = 'custom'),
      intensity_pct    REAL CHECK (intensity_pct IS NULL OR intensity_pct BETWEEN 1 AND 100),
      rpe              REAL CHECK (rpe IS NULL OR rpe BETWEEN 0 AND 10),
      recovery_seconds REAL CHECK (recovery_seconds IS NULL OR recovery_seconds BETWEEN 0 AND 7200),
      recovery_mode    TEXT NOT NULL CHECK (recovery_mode = 'walk' OR recovery_mode = 'jog' OR recovery_mode = 'stand' OR recovery_mode = 'walk-down'),
      incline_pct      REAL CHECK (incline_pct IS NULL OR incline_pct BETWEEN -10 AND 40),
      hill             INTEGER NOT NULL DEFAULT 0 CHECK (hill IN (0, 1)),
      completed        INTEGER NOT NULL DEFAULT 1 CHECK (completed IN (0, 1)),
      heart_rate       INTEGER CHECK (heart_rate IS NULL OR heart_rate BETWEEN 30 AND 250),
      UNIQUE (session_id, position)
    ) STRICT;
    INSERT INTO reps_new (${COLUMNS}) SELECT ${COLUMNS} FROM reps ORDER BY id;
    DROP TABLE reps;
    ALTER TABLE reps_new RENAME TO reps;
  `
}
