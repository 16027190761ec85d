import type { Migration } from './types'

/** Adds the three new keys, as null, to every object of a JSON array of repeat groups. */
const withLoadKeys = (column: string) => `(SELECT json_group_array(json_set(g.value, '$.loadKg', NULL, '$.loadKind', NULL, '$.treadmillKmh', NULL))
  FROM json_each(${column}) AS g)`

/**
 * Weighted runs and treadmill speeds. A rep may carry an external load in kilograms — with what carries it, a vest,
 * a sled or other, given exactly when there is a load — and a treadmill rep its belt speed in km/h (the unit the
 * treadmill is set in). Existing reps are unloaded and off the treadmill (NULL).
 *
 * Sessions gain the progress figures of their loaded reps (src/shared/metrics/reps.ts): the heaviest load of a
 * completed rep, and the first and last speeds of the reps that carry the first loaded rep's load. The existing
 * speed columns now describe unloaded reps only; every rep stored so far is unloaded, so their values stand. The
 * protocol-progress index is rebuilt to hold the new columns, so that chart still reads the index alone.
 *
 * Repeat groups (a protocol's, a session's plan) are JSON: each gains the three keys as null, so a group read back
 * has every field of its schema.
 */
export const m005: Migration = {
  version: 5,
  name: 'rep loads and treadmill speed',
  sql: `
    ALTER TABLE reps ADD COLUMN load_kg REAL CHECK (load_kg IS NULL OR (load_kg > 0 AND load_kg <= 300));
    ALTER TABLE reps ADD COLUMN load_kind TEXT CHECK (load_kind IS NULL OR load_kind = 'vest' OR load_kind = 'sled' OR load_kind = 'other')
      CHECK ((load_kg IS NULL) = (load_kind IS NULL));
    ALTER TABLE reps ADD COLUMN treadmill_kmh REAL CHECK (treadmill_kmh IS NULL OR treadmill_kmh BETWEEN 1 AND 40);
    -- Loaded sprint bests are read rep by rep from the few loaded reps.
    CREATE INDEX reps_loaded ON reps (session_id, load_kg, load_kind, hill, work_seconds, distance_meters, completed) WHERE load_kg IS NOT NULL;

    ALTER TABLE sessions ADD COLUMN max_load_kg REAL CHECK (max_load_kg IS NULL OR max_load_kg > 0);
    ALTER TABLE sessions ADD COLUMN loaded_first_speed REAL CHECK (loaded_first_speed IS NULL OR loaded_first_speed > 0);
    ALTER TABLE sessions ADD COLUMN loaded_last_speed REAL CHECK (loaded_last_speed IS NULL OR loaded_last_speed > 0);
    DROP INDEX sessions_live_protocol_date;
    CREATE INDEX sessions_live_protocol_date ON sessions (protocol_id, date, id, reps_done, planned_reps, rpe, rest_per_rep,
      first_speed, last_speed, max_load_kg, loaded_first_speed, loaded_last_speed, deleted_at) WHERE deleted_at IS NULL;

    UPDATE protocols SET groups_json = ${withLoadKeys('groups_json')};
    UPDATE sessions SET plan_json = ${withLoadKeys('plan_json')} WHERE plan_json IS NOT NULL;
  `
}
