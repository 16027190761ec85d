/**
 * What the `stats/*` channels return: the series behind the progress dashboard. The numbers are
 * defined in `metrics/` (load.ts, volume.ts, reps.ts); the back end aggregates them in SQL over the
 * sessions' derived columns and hands the charts at most `MAX_CHART_POINTS` points per series.
 */
import type { LocalDate } from './dates'
import type { FitnessDay, LoadWeek, SPIKE_RULE } from './metrics/load'
import type { PlannedVolume, VolumeWeek } from './metrics/volume'
import type { Block, LoadKind } from './training'

export type { FitnessDay, LoadWeek, PlannedVolume, VolumeWeek }

/** No series crosses the bridge, or reaches a chart, with more points than this. */
export const MAX_CHART_POINTS = 1000

/** `stats/blockVolume`: week 1…N of a block (weeks counted from its start date). */
export interface BlockVolume {
  block: Block
  endDate: LocalDate
  /** The planned work of the block's protocol (its own plan) per session and per week; null without a protocol. */
  planned: PlannedVolume | null
  weeks: VolumeWeek[]
}

/** `stats/weeklyLoad`: Monday–Sunday weeks covering the range (stretched to whole weeks). */
export interface WeeklyLoad {
  /** The Monday of the first week and the Sunday of the last one. */
  from: LocalDate
  to: LocalDate
  /** The date of the first session ever; null with no sessions. */
  historyStart: LocalDate | null
  /**
   * Oldest first. Normally one entry per week; over a range of more than `MAX_CHART_POINTS` weeks, each
   * entry stands for `weeksPerPoint` consecutive weeks and holds their mean weekly figures.
   */
  weeks: LoadWeek[]
  weeksPerPoint: number
  rule: typeof SPIKE_RULE
  /** Over the whole range: sessions, and sessions without an RPE (which carry no load). */
  sessions: number
  unrated: number
}

/** `stats/fitness`: the fitness / fatigue / form curves. */
export interface FitnessSeries {
  from: LocalDate
  to: LocalDate
  historyStart: LocalDate | null
  /** Oldest first; averaged over runs of `daysPerPoint` days when the range is longer than `MAX_CHART_POINTS` days. */
  points: FitnessDay[]
  daysPerPoint: number
  /** The last day of the range, exactly (never averaged); null with no sessions. */
  latest: FitnessDay | null
}

/** One session of a protocol (or, over long ranges, the mean of the sessions of a run of consecutive days). */
export interface ProgressPoint {
  /** The session's date (the last day's date for a run). */
  date: LocalDate
  /** The session's id (the id of the last day's last session for a run). */
  sessionId: number
  repsDone: number
  plannedReps: number
  /** Mean recovery of the reps with a recovery > 0, in seconds (`restPerRep`); null when none had one. */
  restPerRep: number | null
  /** Session RPE; null when not recorded. */
  rpe: number | null
  /** Speed of the first and last completed unloaded reps with a distance, in m/s, and the drop-off in % (`speedDropOff`). */
  firstSpeed: number | null
  lastSpeed: number | null
  dropOffPct: number | null
  /** The heaviest load of a completed rep, in kg (`maxLoadKg`); null when none carried one. */
  maxLoadKg: number | null
  /** The same speeds and drop-off for the reps that carry the session's first load (`loadedDropOff`). */
  loadedFirstSpeed: number | null
  loadedLastSpeed: number | null
  loadedDropOffPct: number | null
}

/** `stats/protocolProgress`. */
export interface ProtocolProgress {
  protocolId: number
  protocolName: string
  /** Sessions of the protocol in the range. */
  sessions: number
  /**
   * Oldest first; one per session while they are at most `MAX_CHART_POINTS`. Past that, one per run of consecutive
   * days with sessions of the protocol (⌈days / MAX_CHART_POINTS⌉ such days, aligned to the end: only the first run
   * can be shorter), each field the mean over all the run's sessions of the values present.
   */
  points: ProgressPoint[]
  /** 1 for one point per session; else the mean number of sessions a point stands for, rounded up. */
  sessionsPerPoint: number
}

/** The fastest rep of a kind. */
export interface SprintBest {
  /** The work time rounded to whole seconds (`durationBucket`): the rep length this best is for. */
  bucketSeconds: number
  workSeconds: number
  distanceMeters: number
  /** Metres per second. */
  speed: number
  date: LocalDate
  sessionId: number
  /** How many reps of this kind were compared. */
  reps: number
}

/** The fastest loaded rep of a terrain, rep length (flat reps) and load (`loadedBests`). */
export interface LoadedSprintBest extends SprintBest {
  terrain: 'flat' | 'hill'
  loadKg: number
  loadKind: LoadKind
}

/** `stats/sprintBests`: completed reps with a distance. A loaded rep never sets an unloaded best. */
export interface SprintBests {
  /** Unloaded flat reps (not marked as hill), best speed per rep length, shortest first. */
  byDuration: SprintBest[]
  /** The fastest unloaded hill rep. */
  hill: SprintBest | null
  /** Loaded reps: flat ones per rep length, then hill ones, each per load and kind (lightest first). */
  loaded: LoadedSprintBest[]
}
