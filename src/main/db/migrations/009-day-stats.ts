import type { Migration } from './types'

/**
 * Protocol progress and sprint bests read one row per session (progress) or per session with such reps (bests), so
 * over a long history they cost more the longer the history, whatever range is shown. Both are now stored per
 * protocol and day, and kept exact by triggers on every write to `sessions` and `reps` (a save, an edit, a move to
 * another day or protocol, a delete, a restore, an import):
 *
 * - `progress_days`: per protocol and day, the sessions, the id of the day's last session, and for each field the
 *   progress chart means, the sum and the count of its values that are not null (the drop-offs by `dropOffPct`:
 *   `(1 - last / first) * 100`). Free-form sessions have no progress chart and no row.
 * - `best_days`: per protocol (0: free-form sessions) and day, the fastest unloaded flat rep of each rep length
 *   (`bucket`, `durationBucket`) and the fastest unloaded hill rep (`hill` 1, `bucket` 0), with its session and the
 *   number of reps compared.
 * - `loaded_best_days`: likewise the fastest loaded rep per terrain, rep length (flat reps; hill reps all as 0),
 *   load and kind (`loadedBests`).
 *
 * A write does not add to or take from a stored row: it computes the day's rows again from the day's live sessions
 * (a few index entries through sessions_live_protocol_date, sessions_live_flat_bests, sessions_live_hill_bests, and
 * the reps of sessions mixing flat rep lengths, the loaded reps through reps_loaded), so a best stays exact when the
 * session that set it goes, and a stored sum is exactly the sum over the day's sessions. A session's reps are written
 * after its row, so a write to a loaded rep, or to a rep of a session mixing flat rep lengths, computes its day
 * again too.
 *
 * `BUILD` computes every row from the sessions (here, and after an import that set the indexes and these triggers
 * aside); `TRIGGERS` are the triggers, all named `day_stats_…`.
 */

const LIVE = 's.deleted_at IS NULL'
/** A completed unloaded flat rep with a distance: the reps that have a speed and set a flat best. */
const FLAT_REP = 'r.completed = 1 AND r.distance_meters IS NOT NULL AND r.work_seconds > 0 AND r.hill = 0 AND r.load_kg IS NULL'

const PROGRESS_COLUMNS = `protocol_id, date, sessions, last_session_id, reps_done, planned_reps, rpe, rpe_n, rest_per_rep, rest_per_rep_n,
  first_speed, first_speed_n, last_speed, last_speed_n, drop_off_pct, drop_off_pct_n, max_load_kg, max_load_kg_n,
  loaded_first_speed, loaded_first_speed_n, loaded_last_speed, loaded_last_speed_n, loaded_drop_off_pct, loaded_drop_off_pct_n`

/** The values the progress chart means, of the session row `r`, in the order of PROGRESS_COLUMNS. */
const meanedValues = (r: string) => [
  `${r}.rpe`,
  `${r}.rest_per_rep`,
  `${r}.first_speed`,
  `${r}.last_speed`,
  `(1 - ${r}.last_speed / ${r}.first_speed) * 100`,
  `${r}.max_load_kg`,
  `${r}.loaded_first_speed`,
  `${r}.loaded_last_speed`,
  `(1 - ${r}.loaded_last_speed / ${r}.loaded_first_speed) * 100`
]
/** Sum and count of a nullable value. */
const sumCount = (v: string) => `total(${v}), count(${v})`
const PROGRESS_VALUES = `count(*), max(s.id), sum(s.reps_done), sum(s.planned_reps), ${meanedValues('s').map(sumCount).join(', ')}`

const BEST_COLUMNS = 'protocol_id, date, hill, bucket, speed, work_seconds, distance_meters, session_id, reps'

/** Flat bests per rep length: one row per session whose flat reps share a length, the reps of those that mix lengths. */
const flatSources = (where: string) => `
    SELECT s.protocol_id, s.date, round(s.flat_best_work_seconds) AS bucket, s.flat_best_speed AS speed, s.flat_best_work_seconds AS work_seconds,
      s.flat_best_distance AS distance_meters, s.id AS session_id, s.flat_speed_reps AS n
    FROM sessions s WHERE ${where} AND s.flat_buckets = 1
    UNION ALL
    SELECT s.protocol_id, s.date, round(r.work_seconds), r.distance_meters / r.work_seconds, r.work_seconds, r.distance_meters, s.id, 1
    FROM sessions s JOIN reps r ON r.session_id = s.id WHERE ${where} AND s.flat_buckets > 1 AND ${FLAT_REP}`

const LOADED_COLUMNS = 'protocol_id, date, hill, bucket, load_kg, load_kind, speed, work_seconds, distance_meters, session_id, reps'

/** Loaded reps with a speed. */
const loadedSources = (where: string) => `
    SELECT s.protocol_id, s.date, r.hill, CASE WHEN r.hill = 1 THEN 0 ELSE round(r.work_seconds) END AS bucket, r.load_kg, r.load_kind,
      r.distance_meters / r.work_seconds AS speed, r.work_seconds, r.distance_meters, s.id AS session_id
    FROM sessions s JOIN reps r ON r.session_id = s.id
    WHERE ${where} AND r.load_kg IS NOT NULL AND r.completed = 1 AND r.distance_meters IS NOT NULL AND r.work_seconds > 0`

/** The whole of the tables, from the live sessions. */
export const BUILD = `
    DELETE FROM progress_days;
    INSERT INTO progress_days (${PROGRESS_COLUMNS})
      SELECT s.protocol_id, s.date, ${PROGRESS_VALUES}
      FROM sessions s WHERE ${LIVE} AND s.protocol_id IS NOT NULL GROUP BY s.protocol_id, s.date;
    DELETE FROM best_days;
    INSERT INTO best_days (${BEST_COLUMNS})
      SELECT coalesce(protocol_id, 0), date, 0, bucket, max(speed), work_seconds, distance_meters, session_id, sum(n)
      FROM (${flatSources(LIVE)}) GROUP BY coalesce(protocol_id, 0), date, bucket;
    INSERT INTO best_days (${BEST_COLUMNS})
      SELECT coalesce(s.protocol_id, 0), s.date, 1, 0, max(s.hill_best_speed), s.hill_best_work_seconds, s.hill_best_distance, s.id, sum(s.hill_speed_reps)
      FROM sessions s WHERE ${LIVE} AND s.hill_speed_reps > 0 GROUP BY coalesce(s.protocol_id, 0), s.date;
    DELETE FROM loaded_best_days;
    INSERT INTO loaded_best_days (${LOADED_COLUMNS})
      SELECT coalesce(protocol_id, 0), date, hill, bucket, load_kg, load_kind, max(speed), work_seconds, distance_meters, session_id, count(*)
      FROM (${loadedSources(LIVE)}) GROUP BY coalesce(protocol_id, 0), date, hill, bucket, load_kg, load_kind;`

/** The progress row of one protocol (`p`; nothing for free-form sessions, NULL) and day (`d`), from its live sessions. */
const progressDay = (p: string, d: string) => `
      DELETE FROM progress_days WHERE protocol_id = ${p} AND date = ${d};
      INSERT INTO progress_days (${PROGRESS_COLUMNS})
        SELECT ${p}, ${d}, ${PROGRESS_VALUES} FROM sessions s WHERE ${LIVE} AND s.protocol_id = ${p} AND s.date = ${d} HAVING count(*) > 0;`

/** What `PROGRESS_VALUES` gives for the one session `row`. */
const ONE_SESSION = (row: 'NEW') =>
  `1, ${row}.id, ${row}.reps_done, ${row}.planned_reps, ${meanedValues(row)
    .map((v) => `coalesce(${v}, 0.0), ${v} IS NOT NULL`)
    .join(', ')}`

/**
 * A new session's progress row: its own values when it is the day's first session of its protocol (what computing
 * the row from that one session gives), else the row computed again (a new session's id is above every other's).
 */
const progressAdd = (row: 'NEW') => `
      INSERT INTO progress_days (${PROGRESS_COLUMNS}) SELECT ${row}.protocol_id, ${row}.date, ${ONE_SESSION(row)} WHERE ${row}.protocol_id IS NOT NULL
        ON CONFLICT (protocol_id, date) DO NOTHING;
      DELETE FROM progress_days WHERE protocol_id = ${row}.protocol_id AND date = ${row}.date AND last_session_id <> ${row}.id;
      INSERT INTO progress_days (${PROGRESS_COLUMNS})
        SELECT ${row}.protocol_id, ${row}.date, ${PROGRESS_VALUES} FROM sessions s
        WHERE NOT EXISTS (SELECT 1 FROM progress_days WHERE protocol_id = ${row}.protocol_id AND date = ${row}.date)
          AND ${LIVE} AND s.protocol_id = ${row}.protocol_id AND s.date = ${row}.date HAVING count(*) > 0;`

/** The unloaded best rows of one protocol (`p`, NULL for free-form sessions) and day (`d`); only if `guard` holds. */
const bestsDay = (p: string, d: string, guard = '') => {
  const only = guard === '' ? '' : ` AND ${guard}`
  const where = `${LIVE} AND s.protocol_id IS ${p} AND s.date = ${d}${only}`
  return `
      DELETE FROM best_days WHERE protocol_id = coalesce(${p}, 0) AND date = ${d}${only};
      INSERT INTO best_days (${BEST_COLUMNS})
        SELECT coalesce(${p}, 0), ${d}, 0, bucket, max(speed), work_seconds, distance_meters, session_id, sum(n)
        FROM (${flatSources(where)}) GROUP BY bucket
        UNION ALL
        SELECT coalesce(${p}, 0), ${d}, 1, 0, max(s.hill_best_speed), s.hill_best_work_seconds, s.hill_best_distance, s.id, sum(s.hill_speed_reps)
        FROM sessions s WHERE ${where} AND s.hill_speed_reps > 0 HAVING count(*) > 0;`
}

/** The loaded best rows of one protocol (`p`, NULL for free-form sessions) and day (`d`). */
const loadedDay = (p: string, d: string) => `
      DELETE FROM loaded_best_days WHERE protocol_id = coalesce(${p}, 0) AND date = ${d};
      INSERT INTO loaded_best_days (${LOADED_COLUMNS})
        SELECT coalesce(${p}, 0), ${d}, hill, bucket, load_kg, load_kind, max(speed), work_seconds, distance_meters, session_id, count(*)
        FROM (${loadedSources(`${LIVE} AND s.protocol_id IS ${p} AND s.date = ${d}`)}) GROUP BY hill, bucket, load_kg, load_kind;`

/** Computes every row of one protocol (`p`, NULL for free-form sessions) and day (`d`) again from its live sessions. */
export const recomputeDay = (p: string, d: string) => progressDay(p, d) + bestsDay(p, d) + loadedDay(p, d)

/** The protocol and the day of the session of the rep `row`. */
const ofRep = (row: 'NEW' | 'OLD') =>
  [`(SELECT protocol_id FROM sessions WHERE id = ${row}.session_id)`, `(SELECT date FROM sessions WHERE id = ${row}.session_id)`] as const
/** A rep with a speed (`repSpeed`). */
const timed = (row: 'NEW' | 'OLD') => `${row}.completed = 1 AND ${row}.distance_meters IS NOT NULL AND ${row}.work_seconds > 0`
const liveSession = (row: 'NEW' | 'OLD', and = '') => `EXISTS (SELECT 1 FROM sessions WHERE id = ${row}.session_id AND deleted_at IS NULL${and})`
/** A loaded rep of a live session: its day's loaded bests read it (when it has a speed). */
const loadedRep = (row: 'NEW' | 'OLD') => `${row}.load_kg IS NOT NULL AND ${liveSession(row)}`
/** An unloaded flat rep of a live session mixing flat rep lengths: its day's bests read it (when it has a speed). */
const mixedRep = (row: 'NEW' | 'OLD') => `${row}.load_kg IS NULL AND ${row}.hill = 0 AND ${liveSession(row, ' AND flat_buckets > 1')}`

/** The columns the stored rows are computed from. */
const READ = `protocol_id, date, deleted_at, reps_done, planned_reps, rpe, rest_per_rep, first_speed, last_speed, max_load_kg,
      loaded_first_speed, loaded_last_speed, flat_speed_reps, flat_buckets, flat_best_speed, flat_best_work_seconds, flat_best_distance,
      hill_speed_reps, hill_best_speed, hill_best_work_seconds, hill_best_distance`

/**
 * A new session's row comes before its reps: it adds to the progress row, and to the best rows with the bests it
 * holds itself (flat reps of one length, hill reps); its loaded reps, and the flat reps of a session mixing lengths,
 * compute their day's best rows again as they are written. Changes, moves and deletes compute every row of the days
 * again. (One trigger per table and event where it can be: each trigger run costs a little on every row written.)
 */
export const TRIGGERS = `
    CREATE TRIGGER day_stats_insert AFTER INSERT ON sessions WHEN NEW.deleted_at IS NULL
    BEGIN${progressAdd('NEW')}${bestsDay('NEW.protocol_id', 'NEW.date', '(NEW.flat_buckets = 1 OR NEW.hill_speed_reps > 0)')}
    END;
    CREATE TRIGGER day_stats_delete AFTER DELETE ON sessions BEGIN${recomputeDay('OLD.protocol_id', 'OLD.date')}
    END;
    CREATE TRIGGER day_stats_update AFTER UPDATE OF ${READ} ON sessions BEGIN${recomputeDay('NEW.protocol_id', 'NEW.date')}
    END;
    CREATE TRIGGER day_stats_move AFTER UPDATE OF protocol_id, date ON sessions
    WHEN OLD.protocol_id IS NOT NEW.protocol_id OR OLD.date IS NOT NEW.date BEGIN${recomputeDay('OLD.protocol_id', 'OLD.date')}
    END;
    CREATE TRIGGER day_stats_rep_insert AFTER INSERT ON reps WHEN ${timed('NEW')} AND (${loadedRep('NEW')} OR ${mixedRep('NEW')})
    BEGIN${loadedDay(...ofRep('NEW'))}${bestsDay(...ofRep('NEW'))}
    END;
    CREATE TRIGGER day_stats_rep_delete AFTER DELETE ON reps WHEN ${timed('OLD')} AND (${loadedRep('OLD')} OR ${mixedRep('OLD')})
    BEGIN${loadedDay(...ofRep('OLD'))}${bestsDay(...ofRep('OLD'))}
    END;
    CREATE TRIGGER day_stats_rep_update AFTER UPDATE ON reps BEGIN${recomputeDay(...ofRep('OLD'))}${recomputeDay(...ofRep('NEW'))}
    END;`

export const m009: Migration = {
  version: 9,
  name: 'stored progress and sprint bests per day',
  sql: `
    CREATE TABLE progress_days (
      protocol_id INTEGER NOT NULL,
      date TEXT NOT NULL,
      sessions INTEGER NOT NULL CHECK (sessions > 0),
      last_session_id INTEGER NOT NULL,
      reps_done INTEGER NOT NULL,
      planned_reps INTEGER NOT NULL,
      rpe REAL NOT NULL, rpe_n INTEGER NOT NULL,
      rest_per_rep REAL NOT NULL, rest_per_rep_n INTEGER NOT NULL,
      first_speed REAL NOT NULL, first_speed_n INTEGER NOT NULL,
      last_speed REAL NOT NULL, last_speed_n INTEGER NOT NULL,
      drop_off_pct REAL NOT NULL, drop_off_pct_n INTEGER NOT NULL,
      max_load_kg REAL NOT NULL, max_load_kg_n INTEGER NOT NULL,
      loaded_first_speed REAL NOT NULL, loaded_first_speed_n INTEGER NOT NULL,
      loaded_last_speed REAL NOT NULL, loaded_last_speed_n INTEGER NOT NULL,
      loaded_drop_off_pct REAL NOT NULL, loaded_drop_off_pct_n INTEGER NOT NULL,
      PRIMARY KEY (protocol_id, date)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE best_days (
      protocol_id INTEGER NOT NULL,
      date TEXT NOT NULL,
      hill INTEGER NOT NULL CHECK (hill IN (0, 1)),
      bucket INTEGER NOT NULL,
      speed REAL NOT NULL,
      work_seconds REAL NOT NULL,
      distance_meters REAL NOT NULL,
      session_id INTEGER NOT NULL,
      reps INTEGER NOT NULL CHECK (reps > 0),
      PRIMARY KEY (protocol_id, date, hill, bucket)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE loaded_best_days (
      protocol_id INTEGER NOT NULL,
      date TEXT NOT NULL,
      hill INTEGER NOT NULL CHECK (hill IN (0, 1)),
      bucket INTEGER NOT NULL,
      load_kg REAL NOT NULL,
      load_kind TEXT NOT NULL,
      speed REAL NOT NULL,
      work_seconds REAL NOT NULL,
      distance_meters REAL NOT NULL,
      session_id INTEGER NOT NULL,
      reps INTEGER NOT NULL CHECK (reps > 0),
      PRIMARY KEY (protocol_id, date, hill, bucket, load_kg, load_kind)
    ) STRICT, WITHOUT ROWID;
    ${BUILD}
    ${TRIGGERS}
  `
}
