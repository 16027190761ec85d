import type { Migration } from './types'

const WALK_DOWN = `r.session_id = s.id AND r.recovery_mode = 'walk-down'`

/**
 * The sessions' stored figures by the definitions of src/shared/metrics/session.ts as they now are:
 * - work time and sprint distance count every rep, an abandoned one's part run included (they counted only
 *   completed reps before); reps done is unchanged;
 * - an untimed walk back down the hill counts, in the duration and the load, as the mean of the session's own
 *   timed walk-downs, else the last timed walk-down of the latest earlier live session of the same protocol
 *   (free-form sessions as one group), else 90 s; the new column `estimated_seconds` holds how many seconds of
 *   the duration are so estimated.
 * Written in SQL, self-contained, so that it says forever what it did; the app writes the same figures through
 * `derivedColumns` from then on. The scratch table of each session's walk-downs is a temporary one.
 */
export const m004: Migration = {
  version: 4,
  name: 'work time of every rep, estimated walk-downs',
  sql: `
    ALTER TABLE sessions ADD COLUMN estimated_seconds REAL NOT NULL DEFAULT 0 CHECK (estimated_seconds >= 0);

    UPDATE sessions SET
      work_seconds = (SELECT total(r.work_seconds) FROM reps r WHERE r.session_id = sessions.id),
      distance_meters = (SELECT total(r.distance_meters) FROM reps r WHERE r.session_id = sessions.id);

    CREATE TEMP TABLE walk_downs AS
      SELECT s.id, s.date, s.protocol_id, s.deleted_at IS NULL AS live,
        (SELECT count(*) FROM reps r WHERE ${WALK_DOWN} AND r.recovery_seconds IS NULL) AS untimed,
        (SELECT avg(r.recovery_seconds) FROM reps r WHERE ${WALK_DOWN} AND r.recovery_seconds > 0) AS own_mean,
        (SELECT r.recovery_seconds FROM reps r WHERE ${WALK_DOWN} AND r.recovery_seconds > 0 ORDER BY r.position DESC LIMIT 1) AS last_timed
      FROM sessions s WHERE EXISTS (SELECT 1 FROM reps r WHERE ${WALK_DOWN});
    CREATE UNIQUE INDEX temp.walk_downs_id ON walk_downs (id);
    CREATE INDEX temp.walk_downs_sources ON walk_downs (protocol_id, date, id) WHERE live = 1 AND last_timed IS NOT NULL;

    UPDATE sessions SET estimated_seconds = (
      SELECT w.untimed * coalesce(w.own_mean, (
          SELECT e.last_timed FROM walk_downs e
          WHERE e.live = 1 AND e.last_timed IS NOT NULL AND e.protocol_id IS w.protocol_id
            AND (e.date < w.date OR (e.date = w.date AND e.id < w.id))
          ORDER BY e.date DESC, e.id DESC LIMIT 1
        ), 90)
      FROM walk_downs w WHERE w.id = sessions.id)
    WHERE id IN (SELECT id FROM walk_downs WHERE untimed > 0);

    UPDATE sessions SET
      duration_seconds = warmup_seconds + cooldown_seconds
        + (SELECT total(r.work_seconds + coalesce(r.recovery_seconds, 0)) FROM reps r WHERE r.session_id = sessions.id)
        + estimated_seconds
    WHERE estimated_seconds > 0;
    UPDATE sessions SET load = rpe * duration_seconds / 60 WHERE rpe IS NOT NULL AND estimated_seconds > 0;

    DROP TABLE walk_downs;
  `
}
