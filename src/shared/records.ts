/**
 * One field table per record: rep, repeat group, session, body weight, training block, protocol. Each line is one
 * field — its name, SQL column, CSV column, type, unit, bounds, default and where its value comes from — and the
 * schemas (schemas.ts), the record types (training.ts, domain.ts), the repositories' column lists and row mapping,
 * the CSV files and the README's column tables all derive from these lines. Adding a field to a rep is one line
 * here, one migration, and the form.
 */
import { z } from 'zod'
import * as f from './fields'
import { zm } from './i18n/message'
import { INTENSITIES, LOAD_KINDS, RECOVERY_MODES, TERRAINS } from './training'
import { KG_PER_LB, MAX_BODY_KG, MIN_BODY_KG } from './units'

const INCLINE = { min: -10, max: 40, unit: '%', minMessage: zm('inclineMin'), maxMessage: zm('inclineMax') } as const
const INTENSITY_PCT = { min: 1, max: 100, unit: '%', minMessage: zm('intensityPctMin'), maxMessage: zm('intensityPctMax') } as const
/** An external load (weight vest, sled, other), in kilograms: more than 0, at most 300 kg (a loaded sled). */
const LOAD = { above: 0, max: 300, unit: 'kg', minMessage: zm('loadMin'), maxMessage: zm('loadMax'), typeMessage: zm('loadType') } as const
/** A treadmill's belt speed, stored in km/h (the unit a treadmill is set in, so a speed typed as 12 stays exactly 12). */
const TREADMILL_KMH = { min: 1, max: 40, unit: 'km/h', minMessage: zm('treadmillMin'), maxMessage: zm('treadmillMax'), typeMessage: zm('treadmillType') } as const
const RPE = { min: 0, max: 10, minMessage: zm('rpeMin'), maxMessage: zm('rpeMax'), typeMessage: zm('rpeType') } as const

/** One work interval and the recovery after it, as it was run. */
export const REP_FIELDS = {
  position: f.integer({ label: 'A rep number', source: 'system', sql: 'position', csv: 'rep_number', min: 1, max: 100, doc: 'Position of the rep in the session, from 1.', minMessage: zm('repNumberRange'), maxMessage: zm('repNumberRange') }),
  workSeconds: f.number({ label: 'Work', sql: 'work_seconds', csv: 'rep_work_seconds', unit: 's', min: 0.1, max: 7200, doc: 'Work duration of the rep.' }),
  distanceMeters: f.optionalNumber({ label: 'Distance', sql: 'distance_meters', csv: 'rep_distance_m', unit: 'm', above: 0, max: 100_000, doc: 'Distance run; empty when not measured.' }),
  intensity: f.oneOf(INTENSITIES, { label: 'Intensity', sql: 'intensity', csv: 'rep_intensity', doc: '`max`, `near-max`, `moderate` or `custom`.' }),
  intensityPct: f.optionalNumber({ label: 'Intensity', sql: 'intensity_pct', csv: 'rep_intensity_pct', ...INTENSITY_PCT, doc: 'Percent of maximum effort, for `custom` intensity.' }),
  rpe: f.optionalNumber({ label: 'RPE', sql: 'rpe', csv: 'rep_rpe', ...RPE, doc: 'RPE of the rep, 0–10; empty when not given.' }),
  recoverySeconds: f.optionalNumber({ label: 'Recovery', sql: 'recovery_seconds', csv: 'rep_recovery_seconds', unit: 's', min: 0, max: 7200, doc: 'Recovery after the rep; empty for an untimed walk back down the hill, whose time the session’s duration then estimates (`duration_estimated_seconds`).' }),
  recoveryMode: f.oneOf(RECOVERY_MODES, { label: 'Recovery', sql: 'recovery_mode', csv: 'rep_recovery_mode', doc: '`walk`, `jog`, `stand` or `walk-down`.' }),
  inclinePct: f.optionalNumber({ label: 'Incline', sql: 'incline_pct', csv: 'rep_incline_pct', ...INCLINE, doc: 'Treadmill or hill incline; may be negative.' }),
  hill: f.boolean({ label: 'Hill', sql: 'hill', csv: 'rep_hill', default: false, doc: '`true` for an uphill rep.' }),
  completed: f.boolean({ label: 'Completed', sql: 'completed', csv: 'rep_completed', default: true, doc: '`false` when the rep was abandoned.' }),
  heartRate: f.optionalInteger({ label: 'Heart rate', sql: 'heart_rate', csv: 'rep_heart_rate_bpm', unit: 'bpm', min: 30, max: 250, minMessage: zm('heartRateMin'), maxMessage: zm('heartRateMax'), doc: 'Heart rate at the end of the rep; empty when not measured.' }),
  loadKg: f.optionalNumber({
    label: 'Load',
    sql: 'load_kg',
    csv: 'rep_load_kg',
    ...LOAD,
    doc: 'External load carried or pulled (vest, sled, other); empty for an unloaded rep.',
    display: { csv: 'rep_load_lb', unit: 'lb', factor: 1 / KG_PER_LB, decimals: 2, doc: 'The same in pounds, rounded to 0.01.' }
  }),
  loadKind: f.optionalOneOf(LOAD_KINDS, { label: 'Load kind', sql: 'load_kind', csv: 'rep_load_kind', doc: 'What carries the load: `vest`, `sled` or `other`; given exactly when there is a load.' }),
  treadmillKmh: f.optionalNumber({
    label: 'Treadmill speed',
    sql: 'treadmill_kmh',
    csv: 'rep_treadmill_kmh',
    ...TREADMILL_KMH,
    doc: 'Belt speed of a treadmill rep, as set (stored in km/h); empty off the treadmill.',
    display: { csv: 'rep_treadmill_mps', unit: 'm/s', factor: 1 / 3.6, decimals: 3, doc: 'The same in metres per second, rounded to 0.001.' }
  })
}

/** One repeat group of a protocol's plan: `count` × (work, then recovery). Stored as JSON inside its record. */
export const REPEAT_GROUP_FIELDS = {
  count: f.integer({ label: 'Reps', min: 1, max: 50, minMessage: zm('groupCountMin'), maxMessage: zm('groupCountMax') }),
  workSeconds: f.optionalNumber({ label: 'Work', unit: 's', min: 1, max: 3600 }),
  workMeters: f.optionalNumber({ label: 'Distance', unit: 'm', min: 1, max: 50_000 }),
  intensity: f.optionalOneOf(INTENSITIES, { label: 'Intensity' }),
  intensityPct: f.optionalNumber({ label: 'Intensity', ...INTENSITY_PCT }),
  hill: f.boolean({ label: 'Hill', default: false }),
  inclinePct: f.optionalNumber({ label: 'Incline', ...INCLINE }),
  recoverySeconds: f.optionalNumber({ label: 'Recovery', unit: 's', min: 0, max: 3600 }),
  recoveryMode: f.oneOf(RECOVERY_MODES, { label: 'Recovery' }),
  loadKg: f.optionalNumber({ label: 'Load', ...LOAD }),
  loadKind: f.optionalOneOf(LOAD_KINDS, { label: 'Load kind' }),
  treadmillKmh: f.optionalNumber({ label: 'Treadmill speed', ...TREADMILL_KMH })
}

/** The rule that joins a load to its kind: a kind exactly when there is a load (reps and repeat groups alike). */
export const loadHasKind = (r: { loadKg: number | null; loadKind: string | null }): boolean => (r.loadKg === null) === (r.loadKind === null)

/** The refusal of a load without a kind, or a kind without a load, worded for the case. */
export const loadKindMessage = (r: { loadKg: number | null }): string =>
  r.loadKg === null ? zm('loadKindWithoutLoad') : zm('loadWithoutKind')

export const repeatGroupSchema = z
  .strictObject(f.shapeOf(REPEAT_GROUP_FIELDS, f.keysOf(REPEAT_GROUP_FIELDS, 'input')), {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? zm('groupUnknownKeys', { keys: issue.keys.map((k) => `“${k}”`).join(', ') })
        : zm('groupObject')
  })
  .refine((g) => (g.workSeconds === null) !== (g.workMeters === null), {
    error: zm('workDurationOrDistance'),
    path: ['workSeconds']
  })
  .refine((g) => g.recoverySeconds !== null || g.recoveryMode === 'walk-down', {
    error: zm('recoveryNeedsDuration'),
    path: ['recoverySeconds']
  })
  .superRefine((g, ctx) => {
    if (!loadHasKind(g)) ctx.addIssue({ code: 'custom', message: loadKindMessage(g), path: ['loadKind'] })
    if (g.treadmillKmh !== null && g.workMeters !== null) {
      ctx.addIssue({ code: 'custom', message: zm('treadmillTimedWork'), path: ['treadmillKmh'] })
    }
  })

/** A plan: the repeat groups a session was prefilled from. */
export const planSchema = z.array(repeatGroupSchema, { error: zm('planList') }).min(1, zm('planMin')).max(10, zm('planMax'))

const computed = { source: 'computed' } as const

/** A session, with the metrics every save derives from its reps (metrics/session.ts, metrics/reps.ts). */
export const SESSION_FIELDS = {
  id: f.id({ label: 'Session', sql: 'id' }),
  uuid: f.uuid({ label: 'Session UUID', sql: 'uuid', csv: 'session_uuid', doc: 'The session’s stable id; importing a file twice adds a session only once.' }),
  date: f.date({ label: 'Date', sql: 'date', csv: 'date', doc: 'Local date of the session, YYYY-MM-DD.' }),
  startTime: f.optionalTime({ label: 'Start time', sql: 'start_time', csv: 'start_time', doc: 'Local start time, HH:MM (24-hour); empty when not recorded.' }),
  protocolId: f.optionalId({ label: 'Protocol', sql: 'protocol_id' }),
  protocolUuid: f.optionalUuid({ label: 'Protocol UUID', source: 'joined', select: 'p.uuid', csv: 'protocol_uuid', doc: 'The protocol the session followed; empty for a free-form session.' }),
  protocolName: f.optionalText({ label: 'Protocol name', source: 'joined', select: 'p.name', csv: 'protocol_name', maxLength: 120, doc: 'That protocol’s name (used to recreate it when it is not in the database).' }),
  plan: f.json(planSchema.nullable().default(null), {
    label: 'Plan',
    nullable: true,
    sql: 'plan_json',
    csv: 'plan',
    doc: 'The planned repeat groups in the compact notation (e.g. `6x20s @max / 2m walk`), or as JSON when the notation cannot say it exactly; empty for a free-form session.'
  }),
  plannedReps: f.integer({ label: 'Planned reps', ...computed, sql: 'planned_reps', csv: 'planned_reps', min: 0, max: 500, doc: 'Reps in the plan (the number of reps logged, for a free-form session).' }),
  warmupSeconds: f.integerWithDefault({ label: 'Warm-up', sql: 'warmup_seconds', csv: 'warmup_seconds', unit: 's', min: 0, max: 7200, default: 600, doc: 'Warm-up duration.' }),
  cooldownSeconds: f.integerWithDefault({ label: 'Cool-down', sql: 'cooldown_seconds', csv: 'cooldown_seconds', unit: 's', min: 0, max: 7200, default: 300, doc: 'Cool-down duration.' }),
  rpe: f.optionalNumber({ label: 'Session RPE', sql: 'rpe', csv: 'rpe', ...RPE, doc: 'Session RPE, 0–10 (CR-10 scale); empty when not given.' }),
  couldNotRecover: f.boolean({ label: 'Could not recover', sql: 'could_not_recover', csv: 'could_not_recover', default: false, doc: '`true` when the runner could not catch their breath between reps.' }),
  notes: f.text({ label: 'Notes', sql: 'notes', csv: 'notes', maxLength: 10_000, maxMessage: zm('noteMax'), doc: 'Free text, up to 10,000 characters; may contain line breaks.' }),
  repsDone: f.integer({ label: 'Reps done', ...computed, sql: 'reps_done', csv: 'reps_done', min: 0, doc: 'Completed reps.' }),
  workSeconds: f.number({ label: 'Work time', ...computed, sql: 'work_seconds', csv: 'work_seconds', unit: 's', min: 0, decimals: 3, doc: 'Work time: the work of every rep, completed or abandoned (an abandoned rep’s work is the part run).' }),
  distanceMeters: f.number({ label: 'Sprint distance', ...computed, sql: 'distance_meters', csv: 'distance_m', unit: 'm', min: 0, decimals: 3, doc: 'Sprint distance: the distance of every rep, completed or abandoned (an abandoned rep’s distance is the part run).' }),
  durationSeconds: f.number({
    label: 'Duration',
    ...computed,
    sql: 'duration_seconds',
    csv: 'duration_seconds',
    unit: 's',
    min: 0,
    decimals: 3,
    doc: 'Warm-up + all work and recovery + cool-down; an untimed walk-down counts as its estimate (`duration_estimated_seconds`).',
    display: { csv: 'duration_min', unit: 'min', factor: 1 / 60, decimals: 2, doc: 'The same in minutes, rounded to 0.01.' }
  }),
  estimatedSeconds: f.number({
    label: 'Estimated walk-down',
    ...computed,
    sql: 'estimated_seconds',
    csv: 'duration_estimated_seconds',
    unit: 's',
    min: 0,
    decimals: 3,
    doc: 'Seconds of the duration that are estimated: untimed walk-downs × the mean of the session’s timed walk-downs, else the last timed walk-down of an earlier session of its protocol, else 90 s; 0 when every recovery was timed.'
  }),
  load: f.optionalNumber({ label: 'Load', ...computed, sql: 'load', csv: 'load_au', unit: 'AU', min: 0, decimals: 2, doc: 'Session load (sRPE): RPE × duration in minutes (any walk-down estimate included), rounded to 0.01; empty without an RPE.' }),
  createdAt: f.datetime({ label: 'Created', sql: 'created_at', csv: 'created_at', doc: 'When the session was first saved (ISO 8601, UTC).' }),
  updatedAt: f.datetime({ label: 'Updated', sql: 'updated_at', csv: 'updated_at', doc: 'When it was last changed (ISO 8601, UTC).' }),
  // Rep figures of the progress charts (metrics/reps.ts), stored so that the charts read one row per session.
  restPerRep: f.optionalNumber({ label: 'Rest per rep', ...computed, sql: 'rest_per_rep', unit: 's', above: 0 }),
  firstSpeed: f.optionalNumber({ label: 'First speed', ...computed, sql: 'first_speed', unit: 'm/s', above: 0 }),
  lastSpeed: f.optionalNumber({ label: 'Last speed', ...computed, sql: 'last_speed', unit: 'm/s', above: 0 }),
  flatSpeedReps: f.integer({ label: 'Flat reps with a speed', ...computed, sql: 'flat_speed_reps', min: 0 }),
  flatBuckets: f.integer({ label: 'Flat rep lengths', ...computed, sql: 'flat_buckets', min: 0 }),
  flatBestSpeed: f.optionalNumber({ label: 'Best flat speed', ...computed, sql: 'flat_best_speed', unit: 'm/s', above: 0 }),
  flatBestWorkSeconds: f.optionalNumber({ label: 'Best flat rep work', ...computed, sql: 'flat_best_work_seconds', unit: 's', above: 0 }),
  flatBestDistance: f.optionalNumber({ label: 'Best flat rep distance', ...computed, sql: 'flat_best_distance', unit: 'm', above: 0 }),
  hillSpeedReps: f.integer({ label: 'Hill reps with a speed', ...computed, sql: 'hill_speed_reps', min: 0 }),
  hillBestSpeed: f.optionalNumber({ label: 'Best hill speed', ...computed, sql: 'hill_best_speed', unit: 'm/s', above: 0 }),
  hillBestWorkSeconds: f.optionalNumber({ label: 'Best hill rep work', ...computed, sql: 'hill_best_work_seconds', unit: 's', above: 0 }),
  hillBestDistance: f.optionalNumber({ label: 'Best hill rep distance', ...computed, sql: 'hill_best_distance', unit: 'm', above: 0 }),
  maxLoadKg: f.optionalNumber({ label: 'Heaviest load', ...computed, sql: 'max_load_kg', unit: 'kg', above: 0 }),
  loadedFirstSpeed: f.optionalNumber({ label: 'First loaded speed', ...computed, sql: 'loaded_first_speed', unit: 'm/s', above: 0 }),
  loadedLastSpeed: f.optionalNumber({ label: 'Last loaded speed', ...computed, sql: 'loaded_last_speed', unit: 'm/s', above: 0 }),
  // The walk-down estimate's second source (metrics/session.ts), stored so that a save finds it with one index seek.
  lastTimedWalkDown: f.optionalNumber({ label: 'Last timed walk-down', ...computed, sql: 'last_timed_walk_down', unit: 's', above: 0 })
}

/** One body-weight reading. */
export const WEIGHT_FIELDS = {
  id: f.id({ label: 'Body-weight entry', sql: 'id' }),
  uuid: f.uuid({ label: 'Weight UUID', sql: 'uuid', csv: 'weight_uuid', doc: 'The entry’s stable id; importing a file twice adds an entry only once.' }),
  date: f.date({ label: 'Date', sql: 'date', csv: 'date', doc: 'Local date of the weigh-in, YYYY-MM-DD.' }),
  kg: f.number({
    label: 'A body weight',
    sql: 'kg',
    csv: 'weight_kg',
    unit: 'kg',
    min: MIN_BODY_KG,
    max: MAX_BODY_KG,
    typeMessage: zm('weightType'),
    doc: 'Body weight as stored.',
    display: { csv: 'weight_lb', unit: 'lb', factor: 1 / KG_PER_LB, decimals: 2, doc: 'The same in pounds, rounded to 0.01.' }
  }),
  note: f.text({ label: 'Note', sql: 'note', csv: 'note', maxLength: 10_000, maxMessage: zm('noteMax'), doc: 'Free text, up to 10,000 characters.' }),
  createdAt: f.datetime({ label: 'Created', sql: 'created_at', csv: 'created_at', doc: 'When the entry was first saved (ISO 8601, UTC).' }),
  updatedAt: f.datetime({ label: 'Updated', sql: 'updated_at', csv: 'updated_at', doc: 'When it was last changed (ISO 8601, UTC).' })
}

/** A training period: weeks are counted from its start date. */
export const BLOCK_FIELDS = {
  id: f.id({ label: 'Training block', sql: 'id' }),
  uuid: f.uuid({ label: 'Block UUID', sql: 'uuid', csv: 'block_uuid', doc: 'The block’s stable id; importing a file twice adds a block only once.' }),
  name: f.name({ label: 'Name', sql: 'name', csv: 'name', maxLength: 120, emptyMessage: zm('blockNameEmpty'), doc: 'Name of the block, up to 120 characters.' }),
  startDate: f.date({ label: 'Start date', sql: 'start_date', csv: 'start_date', doc: 'First day of week 1, YYYY-MM-DD; weeks are counted from it.' }),
  weeks: f.integerWithDefault({ label: 'Weeks', sql: 'weeks', csv: 'weeks', min: 1, max: 52, default: 10, minMessage: zm('blockWeeksMin'), maxMessage: zm('blockWeeksMax'), doc: 'Length of the block in weeks, 1–52.' }),
  sessionsPerWeek: f.integerWithDefault({ label: 'Sessions per week', sql: 'sessions_per_week', csv: 'sessions_per_week', min: 1, max: 14, default: 3, minMessage: zm('sessionsPerWeekMin'), maxMessage: zm('sessionsPerWeekMax'), doc: 'Planned sessions per week, 1–14.' }),
  protocolId: f.optionalId({ label: 'Protocol', sql: 'protocol_id' }),
  protocolUuid: f.optionalUuid({ label: 'Protocol UUID', source: 'joined', select: 'p.uuid', csv: 'protocol_uuid', doc: 'The block’s protocol: one of the protocols file or a built-in one; empty for none.' }),
  protocolName: f.optionalText({ label: 'Protocol name', source: 'joined', select: 'p.name', csv: 'protocol_name', csvRead: false, maxLength: 120, doc: 'That protocol’s name, for reading the file; the import goes by `protocol_uuid`.' }),
  createdAt: f.datetime({ label: 'Created', sql: 'created_at', csv: 'created_at', doc: 'When the block was first saved (ISO 8601, UTC).' }),
  updatedAt: f.datetime({ label: 'Updated', sql: 'updated_at', csv: 'updated_at', doc: 'When it was last changed (ISO 8601, UTC).' })
}

/** A protocol: a template of repeat groups, built in or made by the runner (the protocols file holds the runner’s own). */
export const PROTOCOL_FIELDS = {
  id: f.id({ label: 'Protocol', sql: 'id' }),
  uuid: f.uuid({ label: 'Protocol UUID', sql: 'uuid', csv: 'protocol_uuid', doc: 'The protocol’s stable id, by which sessions and blocks name it; importing a file twice adds a protocol only once.' }),
  name: f.name({ label: 'Name', sql: 'name', csv: 'name', maxLength: 120, emptyMessage: zm('protocolNameEmpty'), doc: 'Name of the protocol, up to 120 characters.' }),
  description: f.text({ label: 'Description', sql: 'description', csv: 'description', maxLength: 2000, maxMessage: zm('descriptionMax'), doc: 'Free text, up to 2,000 characters.' }),
  sourceNote: f.text({ label: 'Source note', sql: 'source_note', csv: 'source_note', maxLength: 2000, maxMessage: zm('sourceNoteMax'), doc: 'Where the protocol comes from, up to 2,000 characters.' }),
  terrain: f.oneOfWithDefault(TERRAINS, { label: 'Terrain', sql: 'terrain', csv: 'terrain', default: 'flat', doc: '`flat`, `hill` or `treadmill`.' }),
  groups: f.json(z.array(repeatGroupSchema, { error: zm('protocolGroupsList') }).min(1, zm('protocolGroupsMin')).max(10, zm('protocolGroupsMax')), {
    label: 'Repeat groups',
    sql: 'groups_json',
    csv: 'plan',
    doc: 'Its repeat groups in the compact notation (e.g. `6x20s @max / 2m walk`), or as JSON when the notation cannot say them exactly, as in the sessions file.'
  }),
  builtIn: f.boolean({ label: 'Built in', source: 'system', sql: 'built_in', default: false }),
  archived: f.boolean({ label: 'Archived', source: 'system', sql: 'archived', csv: 'archived', default: false, doc: '`true` for an archived protocol (kept for its sessions, hidden from the lists).' }),
  createdAt: f.datetime({ label: 'Created', sql: 'created_at', csv: 'created_at', doc: 'When the protocol was first saved (ISO 8601, UTC).' }),
  updatedAt: f.datetime({ label: 'Updated', sql: 'updated_at', csv: 'updated_at', doc: 'When it was last changed (ISO 8601, UTC).' })
}

/** The tables of records kept in SQLite, by table name (checked against the migrations by tests/db/migrations.test.ts). */
export const TABLES = {
  reps: REP_FIELDS,
  sessions: SESSION_FIELDS,
  body_weights: WEIGHT_FIELDS,
  blocks: BLOCK_FIELDS,
  protocols: PROTOCOL_FIELDS
} as const
