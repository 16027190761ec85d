import type { Migration } from './types'

const DATE = `GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`
const BOOL = 'IN (0, 1)'

interface BuiltIn {
  uuid: string
  name: string
  description: string
  source: string
  terrain: 'flat' | 'hill'
  group: {
    count: number
    workSeconds: number
    intensity: 'max' | 'near-max' | 'moderate'
    hill: boolean
    recoverySeconds: number | null
    recoveryMode: 'walk' | 'jog' | 'walk-down'
  }
}

const WARMUP = 'Start with 5–10 minutes of walking at a normal pace and end with the same as a cool-down.'
const STUDY =
  'HIIT study: 12 trained university students ran 3 sessions a week for 10 weeks and gained about 11 % quadriceps muscle-fibre area compared with controls.'

/** The protocols Sprintlog ships with (DESIGN §1.1). Their UUIDs are fixed so every install agrees on them. */
export const BUILT_IN_PROTOCOLS: readonly BuiltIn[] = [
  {
    uuid: '6b1f0c3e-0d5a-4b8e-9a51-000000000001',
    name: 'HIIT 4×4',
    description: `Four 4-minute intervals at near-maximum effort with 3 minutes of easy jogging between them. ${WARMUP}`,
    source: STUDY,
    terrain: 'flat',
    group: { count: 4, workSeconds: 240, intensity: 'near-max', hill: false, recoverySeconds: 180, recoveryMode: 'jog' }
  },
  {
    uuid: '6b1f0c3e-0d5a-4b8e-9a51-000000000002',
    name: 'Sprint 6×20 s',
    description: `Six 20-second sprints at maximum intensity with 2 minutes of walking or light jogging between them. ${WARMUP}`,
    source: 'Short maximal sprints: high intensity, short duration builds the quadriceps, hamstrings, calves and glutes.',
    terrain: 'flat',
    group: { count: 6, workSeconds: 20, intensity: 'max', hill: false, recoverySeconds: 120, recoveryMode: 'walk' }
  },
  {
    uuid: '6b1f0c3e-0d5a-4b8e-9a51-000000000003',
    name: 'Sprint 5×30 s',
    description: `Five 30-second sprints at maximum intensity with 4 minutes of walking or light jogging between them. ${WARMUP}`,
    source: 'Sprint-interval training: 30-second all-out efforts with long recoveries.',
    terrain: 'flat',
    group: { count: 5, workSeconds: 30, intensity: 'max', hill: false, recoverySeconds: 240, recoveryMode: 'walk' }
  },
  {
    uuid: '6b1f0c3e-0d5a-4b8e-9a51-000000000004',
    name: 'Sprint 4×45 s',
    description: `Four 45-second runs at moderate intensity with 5 minutes of walking or light jogging between them. ${WARMUP}`,
    source: 'Longer intervals at moderate intensity: a gentler entry into sprint training.',
    terrain: 'flat',
    group: { count: 4, workSeconds: 45, intensity: 'moderate', hill: false, recoverySeconds: 300, recoveryMode: 'walk' }
  },
  {
    uuid: '6b1f0c3e-0d5a-4b8e-9a51-000000000005',
    name: 'Hill sprint 4×30 s',
    description: `Four 30-second sprints up a hill; walk back down to recover before the next one. ${WARMUP}`,
    source: 'Hill sprints load the legs harder than flat sprints at the same speed, with less impact.',
    terrain: 'hill',
    group: { count: 4, workSeconds: 30, intensity: 'max', hill: true, recoverySeconds: null, recoveryMode: 'walk-down' }
  }
]

const q = (s: string) => `'${s.replace(/'/g, "''")}'`
const EPOCH = '2026-01-01T00:00:00.000Z'

const seed = BUILT_IN_PROTOCOLS.map((p) => {
  const groups = JSON.stringify([{ ...p.group, workMeters: null, intensityPct: null, inclinePct: null }])
  return `INSERT INTO protocols (uuid, name, description, source_note, terrain, groups_json, built_in, created_at, updated_at)
    VALUES (${q(p.uuid)}, ${q(p.name)}, ${q(p.description)}, ${q(p.source)}, ${q(p.terrain)}, ${q(groups)}, 1, ${q(EPOCH)}, ${q(EPOCH)});`
}).join('\n')

export const m002: Migration = {
  version: 2,
  name: 'protocols, sessions, reps and training blocks',
  sql: `
    CREATE TABLE protocols (
      id          INTEGER PRIMARY KEY,
      uuid        TEXT NOT NULL UNIQUE,
      name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
      description TEXT NOT NULL DEFAULT '',
      source_note TEXT NOT NULL DEFAULT '',
      terrain     TEXT NOT NULL CHECK (terrain IN ('flat', 'hill', 'treadmill')),
      groups_json TEXT NOT NULL CHECK (json_valid(groups_json) AND json_type(groups_json) = 'array'),
      built_in    INTEGER NOT NULL DEFAULT 0 CHECK (built_in ${BOOL}),
      archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived ${BOOL}),
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL
    ) STRICT;

    CREATE TABLE sessions (
      id                INTEGER PRIMARY KEY,
      uuid              TEXT NOT NULL UNIQUE,
      date              TEXT NOT NULL CHECK (date ${DATE}),
      start_time        TEXT CHECK (start_time IS NULL OR start_time GLOB '[0-2][0-9]:[0-5][0-9]'),
      protocol_id       INTEGER REFERENCES protocols (id),
      plan_json         TEXT CHECK (plan_json IS NULL OR json_valid(plan_json)),
      planned_reps      INTEGER NOT NULL CHECK (planned_reps BETWEEN 0 AND 500),
      warmup_seconds    INTEGER NOT NULL CHECK (warmup_seconds BETWEEN 0 AND 7200),
      cooldown_seconds  INTEGER NOT NULL CHECK (cooldown_seconds BETWEEN 0 AND 7200),
      rpe               REAL CHECK (rpe IS NULL OR rpe BETWEEN 0 AND 10),
      could_not_recover INTEGER NOT NULL DEFAULT 0 CHECK (could_not_recover ${BOOL}),
      notes             TEXT NOT NULL DEFAULT '',
      -- Derived from the reps by the shared metric functions on every write, so that charts over years
      -- of sessions aggregate one row per session instead of every rep.
      work_seconds      REAL NOT NULL DEFAULT 0 CHECK (work_seconds >= 0),
      reps_done         INTEGER NOT NULL DEFAULT 0 CHECK (reps_done >= 0),
      distance_meters   REAL NOT NULL DEFAULT 0 CHECK (distance_meters >= 0),
      duration_seconds  REAL NOT NULL DEFAULT 0 CHECK (duration_seconds >= 0),
      load              REAL CHECK (load IS NULL OR load >= 0),
      -- Rep figures of the progress charts, by src/shared/metrics/reps.ts (restPerRep, speedDropOff,
      -- sessionSpeeds), so those charts too read one row per session: first and last speeds are NULL unless
      -- the session has two completed reps with a distance; a best is NULL when there is no such rep.
      rest_per_rep           REAL CHECK (rest_per_rep IS NULL OR rest_per_rep > 0),
      first_speed            REAL CHECK (first_speed IS NULL OR first_speed > 0),
      last_speed             REAL CHECK (last_speed IS NULL OR last_speed > 0),
      flat_speed_reps        INTEGER NOT NULL DEFAULT 0 CHECK (flat_speed_reps >= 0),
      -- Distinct rep lengths (durationBucket) among those flat reps: above 1, sprint bests read the reps.
      flat_buckets           INTEGER NOT NULL DEFAULT 0 CHECK (flat_buckets >= 0),
      flat_best_speed        REAL CHECK (flat_best_speed IS NULL OR flat_best_speed > 0),
      flat_best_work_seconds REAL CHECK (flat_best_work_seconds IS NULL OR flat_best_work_seconds > 0),
      flat_best_distance     REAL CHECK (flat_best_distance IS NULL OR flat_best_distance > 0),
      hill_speed_reps        INTEGER NOT NULL DEFAULT 0 CHECK (hill_speed_reps >= 0),
      hill_best_speed        REAL CHECK (hill_best_speed IS NULL OR hill_best_speed > 0),
      hill_best_work_seconds REAL CHECK (hill_best_work_seconds IS NULL OR hill_best_work_seconds > 0),
      hill_best_distance     REAL CHECK (hill_best_distance IS NULL OR hill_best_distance > 0),
      created_at        TEXT NOT NULL,
      updated_at        TEXT NOT NULL,
      deleted_at        TEXT
    ) STRICT;

    -- History (newest first, by date range) and the per-protocol views read live sessions by date. These
    -- indexes also hold every column the charts read (the daily totals; protocol progress), so that a chart
    -- over years never reads the table, whose rows lie scattered over the whole file: id right after date
    -- keeps the (date, id) order of the history and the charts; deleted_at is there because SQLite reads an
    -- index alone only when it holds every column the query names, those of its own condition included.
    CREATE INDEX sessions_live_date ON sessions (date, id, load, work_seconds, reps_done, distance_meters, deleted_at)
      WHERE deleted_at IS NULL;
    CREATE INDEX sessions_live_protocol_date ON sessions (protocol_id, date, id, reps_done, planned_reps, rpe, rest_per_rep,
      first_speed, last_speed, deleted_at) WHERE deleted_at IS NULL;
    -- Sprint bests, likewise from indexes alone: the sessions with flat reps of one length, those with hill
    -- reps, and the few whose flat reps mix lengths (read rep by rep).
    CREATE INDEX sessions_live_flat_bests ON sessions (protocol_id, date, flat_best_speed, flat_best_work_seconds,
      flat_best_distance, flat_speed_reps, flat_buckets, deleted_at) WHERE deleted_at IS NULL AND flat_buckets = 1;
    CREATE INDEX sessions_live_hill_bests ON sessions (protocol_id, date, hill_best_speed, hill_best_work_seconds,
      hill_best_distance, hill_speed_reps, deleted_at) WHERE deleted_at IS NULL AND hill_speed_reps > 0;
    CREATE INDEX sessions_live_mixed_flat ON sessions (date) WHERE deleted_at IS NULL AND flat_buckets > 1;

    CREATE TABLE reps (
      id               INTEGER PRIMARY KEY,
      session_id       INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
      position         INTEGER NOT NULL CHECK (position >= 1),
      work_seconds     REAL NOT NULL CHECK (work_seconds > 0 AND work_seconds <= 7200),
      distance_meters  REAL CHECK (distance_meters IS NULL OR distance_meters > 0),
      intensity        TEXT NOT NULL CHECK (intensity IN ('max', 'near-max', 'moderate', 'custom')),
      intensity_pct    REAL CHECK (intensity_pct IS NULL OR intensity_pct BETWEEN 1 AND 100),
      rpe              REAL CHECK (rpe IS NULL OR rpe BETWEEN 0 AND 10),
      recovery_seconds REAL CHECK (recovery_seconds IS NULL OR recovery_seconds BETWEEN 0 AND 7200),
      recovery_mode    TEXT NOT NULL CHECK (recovery_mode IN ('walk', 'jog', 'stand', 'walk-down')),
      incline_pct      REAL CHECK (incline_pct IS NULL OR incline_pct BETWEEN -10 AND 40),
      hill             INTEGER NOT NULL DEFAULT 0 CHECK (hill ${BOOL}),
      completed        INTEGER NOT NULL DEFAULT 1 CHECK (completed ${BOOL}),
      heart_rate       INTEGER CHECK (heart_rate IS NULL OR heart_rate BETWEEN 30 AND 250),
      UNIQUE (session_id, position)
    ) STRICT;

    CREATE TABLE blocks (
      id                INTEGER PRIMARY KEY,
      uuid              TEXT NOT NULL UNIQUE,
      name              TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
      start_date        TEXT NOT NULL CHECK (start_date ${DATE}),
      weeks             INTEGER NOT NULL CHECK (weeks BETWEEN 1 AND 52),
      sessions_per_week INTEGER NOT NULL CHECK (sessions_per_week BETWEEN 1 AND 14),
      protocol_id       INTEGER REFERENCES protocols (id),
      created_at        TEXT NOT NULL,
      updated_at        TEXT NOT NULL,
      deleted_at        TEXT
    ) STRICT;

    CREATE INDEX blocks_live_start ON blocks (start_date) WHERE deleted_at IS NULL;

    ${seed}
  `
}
