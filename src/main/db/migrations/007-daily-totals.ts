import type { Migration } from './types'

/**
 * The dashboard's long series — fitness/fatigue/form from the first day of history, weekly load over the whole
 * history — summed every live session day by day on each request, so they cost more the longer the history.
 * A day's totals per protocol are now stored and kept exact by triggers on every write to `sessions` (a save,
 * an edit, a move to another day, a delete, a restore, an import, a later migration), so those series read one
 * row per day and protocol whatever the number of sessions.
 *
 * `protocol_id` 0 holds the free-form sessions.
 */
const live = (row: 'NEW' | 'OLD') => `${row}.deleted_at IS NULL`
/** Adds the session `row` to its day's totals, when it is live. */
const add = (row: 'NEW' | 'OLD') => `
      INSERT INTO daily_totals (date, protocol_id, sessions, unrated, load, work_seconds, reps, distance_meters)
      SELECT ${row}.date, coalesce(${row}.protocol_id, 0), 1, ${row}.load IS NULL, coalesce(${row}.load, 0),
        ${row}.work_seconds, ${row}.reps_done, ${row}.distance_meters
      WHERE ${live(row)}
      ON CONFLICT (date, protocol_id) DO UPDATE SET sessions = sessions + 1, unrated = unrated + excluded.unrated,
        load = load + excluded.load, work_seconds = work_seconds + excluded.work_seconds, reps = reps + excluded.reps,
        distance_meters = distance_meters + excluded.distance_meters;`
/** Takes the session `row` away from its day's totals, when it was live. */
const take = (row: 'NEW' | 'OLD') => `
      UPDATE daily_totals SET sessions = sessions - 1, unrated = unrated - (${row}.load IS NULL),
        load = load - coalesce(${row}.load, 0), work_seconds = work_seconds - ${row}.work_seconds,
        reps = reps - ${row}.reps_done, distance_meters = distance_meters - ${row}.distance_meters
      WHERE ${live(row)} AND date = ${row}.date AND protocol_id = coalesce(${row}.protocol_id, 0);`
/** A day and protocol left without sessions has no row. */
const prune = (row: 'NEW' | 'OLD') => `
      DELETE FROM daily_totals WHERE date = ${row}.date AND protocol_id = coalesce(${row}.protocol_id, 0) AND sessions = 0;`

export const m007: Migration = {
  version: 7,
  name: 'stored daily totals',
  sql: `
    CREATE TABLE daily_totals (
      date TEXT NOT NULL,
      protocol_id INTEGER NOT NULL,
      sessions INTEGER NOT NULL CHECK (sessions >= 0),
      unrated INTEGER NOT NULL,
      load REAL NOT NULL,
      work_seconds REAL NOT NULL,
      reps INTEGER NOT NULL,
      distance_meters REAL NOT NULL,
      PRIMARY KEY (date, protocol_id)
    ) STRICT, WITHOUT ROWID;

    INSERT INTO daily_totals (date, protocol_id, sessions, unrated, load, work_seconds, reps, distance_meters)
      SELECT date, coalesce(protocol_id, 0), count(*), count(*) - count(load), total(load),
        total(work_seconds), sum(reps_done), total(distance_meters)
      FROM sessions WHERE deleted_at IS NULL GROUP BY date, coalesce(protocol_id, 0);

    CREATE TRIGGER daily_totals_insert AFTER INSERT ON sessions BEGIN${add('NEW')}
    END;
    CREATE TRIGGER daily_totals_delete AFTER DELETE ON sessions BEGIN${take('OLD')}${prune('OLD')}
    END;
    CREATE TRIGGER daily_totals_update AFTER UPDATE OF date, protocol_id, load, work_seconds, reps_done, distance_meters, deleted_at ON sessions
    BEGIN${take('OLD')}${prune('OLD')}${add('NEW')}
    END;
  `
}
