import type { Migration } from './types'

/**
 * The walk-down estimate's second source — the last timed walk-down of the latest earlier session of the same
 * protocol (src/shared/metrics/session.ts) — was found by reading back through the protocol's sessions and their
 * reps until one had a timed walk-down: through all of them when none has (hill sprints logged without timing
 * the walk back), so every save of such a session cost more the longer the history. Each session now stores its
 * own last timed walk-down (a walk-down of more than 0 s; NULL without one), and the sessions that have one are
 * indexed apart, so the lookup is one seek.
 */
export const m006: Migration = {
  version: 6,
  name: 'stored last timed walk-down',
  sql: `
    ALTER TABLE sessions ADD COLUMN last_timed_walk_down REAL CHECK (last_timed_walk_down IS NULL OR last_timed_walk_down > 0);
    UPDATE sessions SET last_timed_walk_down = (
      SELECT r.recovery_seconds FROM reps r
      WHERE r.session_id = sessions.id AND r.recovery_mode = 'walk-down' AND r.recovery_seconds > 0
      ORDER BY r.position DESC LIMIT 1
    );
    CREATE INDEX sessions_timed_walk_down ON sessions (protocol_id, date, id, last_timed_walk_down)
      WHERE deleted_at IS NULL AND last_timed_walk_down IS NOT NULL;
  `
}
