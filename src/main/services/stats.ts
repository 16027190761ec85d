/** The progress dashboard's series: block volume, weekly load, fitness/fatigue/form, protocol progression, sprint bests. */
import { todayLocal, type LocalDate } from '../../shared/dates'
import { blockEnd } from '../../shared/metrics/block'
import { dayNumber, fitnessModel, type LoadWeek, markLoadSpikes, SPIKE_RULE, weeklyTotals, weekStart, dateOfDay } from '../../shared/metrics/load'
import { dropOffPct } from '../../shared/metrics/reps'
import { blockVolumeWeeks, plannedVolume } from '../../shared/metrics/volume'
import { mapRuns, mergeRuns, meanMerge, meanOfPresent } from '../../shared/series'
import { type BlockVolume, type FitnessSeries, MAX_CHART_POINTS, type ProgressPoint, type WeeklyLoad } from '../../shared/stats'
import type { BlocksRepo } from '../db/repos/blocks'
import type { ProtocolsRepo } from '../db/repos/protocols'
import { PROGRESS_MEANS, type ProgressDay, type StatsRepo } from '../db/repos/stats'
import { notFound } from './found'

export interface StatsDeps {
  stats: StatsRepo
  blocks: BlocksRepo
  protocols: ProtocolsRepo
  /** The local date, for ranges that end "today" by default. */
  today?: () => LocalDate
  /** The most points a series has (MAX_CHART_POINTS; smaller in tests). */
  maxPoints?: number
}

const todayOf = (deps: StatsDeps): LocalDate => (deps.today ? deps.today() : todayLocal())

/** Several weeks as one point: their mean weekly figures, marked when any of them was a spike. */
function mergeWeeks(run: readonly LoadWeek[]): LoadWeek {
  const first = run[0] as LoadWeek
  const last = run[run.length - 1] as LoadWeek
  const mean = (pick: (w: LoadWeek) => number) => run.reduce((s, w) => s + pick(w), 0) / run.length
  return {
    weekStart: first.weekStart,
    weekEnd: last.weekEnd,
    sessions: mean((w) => w.sessions),
    load: mean((w) => w.load),
    unrated: mean((w) => w.unrated),
    workSeconds: mean((w) => w.workSeconds),
    reps: mean((w) => w.reps),
    distanceMeters: mean((w) => w.distanceMeters),
    baseline: meanOfPresent(run.map((w) => w.baseline)),
    spike: run.some((w) => w.spike)
  }
}

/**
 * Week 1…N of a block: the sessions of its protocol against the plan, the other sessions apart, and the planned
 * work time of a week from the protocol's own plan (metrics/volume.ts).
 */
export function blockVolume(deps: StatsDeps, blockId: number): BlockVolume {
  const block = deps.blocks.get(blockId)
  if (!block) throw notFound('training block', blockId)
  const endDate = blockEnd(block)
  const protocol = block.protocolId === null ? undefined : deps.protocols.get(block.protocolId)
  const planned = plannedVolume(protocol ? protocol.groups : null, block.sessionsPerWeek)
  const { own, other } =
    block.protocolId === null ? { own: deps.stats.dailyTotals(block.startDate, endDate), other: [] } : deps.stats.dailyTotalsSplit(block.protocolId, block.startDate, endDate)
  return { block, endDate, planned, weeks: blockVolumeWeeks(block, own, other, planned?.weekSeconds ?? null) }
}

export function weeklyLoad(deps: StatsDeps, from?: LocalDate, to?: LocalDate): WeeklyLoad {
  const { stats } = deps
  const historyStart = stats.historyStart()
  const end = to ?? todayOf(deps)
  const start = from ?? historyStart ?? end
  const first = weekStart(start)
  // The spike rule compares each week with the weeks before it: read those too, then leave them out.
  const lead = dateOfDay(dayNumber(first) - SPIKE_RULE.baselineWeeks * 7)
  const marked = markLoadSpikes(weeklyTotals(stats.dailyTotals(lead, end), lead, end), historyStart).slice(SPIKE_RULE.baselineWeeks)
  const { points, size } = mergeRuns(marked, MAX_CHART_POINTS, mergeWeeks)
  let sessions = 0
  let unrated = 0
  for (const w of marked) {
    sessions += w.sessions
    unrated += w.unrated
  }
  const last = dateOfDay(dayNumber(weekStart(end)) + 6)
  return { from: first, to: last, historyStart, weeks: points, weeksPerPoint: size, rule: SPIKE_RULE, sessions, unrated }
}

export function fitness(deps: StatsDeps, from?: LocalDate, to?: LocalDate): FitnessSeries {
  const { stats } = deps
  const historyStart = stats.historyStart()
  const end = to ?? todayOf(deps)
  const start = from ?? historyStart ?? end
  if (historyStart === null) return { from: start, to: end, historyStart, points: [], daysPerPoint: 1, latest: null }
  // The model runs from the first day of history (from 0), whatever part of it is shown.
  const modelStart = historyStart < start ? historyStart : start
  const days = fitnessModel(stats.dailyTotals(modelStart, end), modelStart, end).slice(Math.max(0, dayNumber(start) - dayNumber(modelStart)))
  const { points, size } = mergeRuns(days, MAX_CHART_POINTS, meanMerge(['load', 'fitness', 'fatigue', 'form']))
  return { from: start, to: end, historyStart, points, daysPerPoint: size, latest: days[days.length - 1] ?? null }
}

/**
 * Days of a protocol as one point: per field, the mean over all their sessions of the values present (the sums and
 * counts of the days added up), so a point is exactly the mean of those sessions' own figures; the date and id of
 * the last session of the last day.
 */
function mergeDays(run: readonly ProgressDay[]): ProgressPoint {
  const last = run[run.length - 1] as ProgressDay
  let sessions = 0
  let repsDone = 0
  let plannedReps = 0
  const sums = PROGRESS_MEANS.map(() => 0)
  const counts = PROGRESS_MEANS.map(() => 0)
  for (const d of run) {
    sessions += d.sessions
    repsDone += d.repsDone
    plannedReps += d.plannedReps
    for (let i = 0; i < sums.length; i++) {
      sums[i] = (sums[i] as number) + (d.sums[i] as number)
      counts[i] = (counts[i] as number) + (d.counts[i] as number)
    }
  }
  const mean = (k: (typeof PROGRESS_MEANS)[number]) => {
    const i = PROGRESS_MEANS.indexOf(k)
    return counts[i] === 0 ? null : (sums[i] as number) / (counts[i] as number)
  }
  return {
    date: last.date,
    sessionId: last.lastSessionId,
    repsDone: repsDone / sessions,
    plannedReps: plannedReps / sessions,
    rpe: mean('rpe'),
    restPerRep: mean('restPerRep'),
    firstSpeed: mean('firstSpeed'),
    lastSpeed: mean('lastSpeed'),
    dropOffPct: mean('dropOffPct'),
    maxLoadKg: mean('maxLoadKg'),
    loadedFirstSpeed: mean('loadedFirstSpeed'),
    loadedLastSpeed: mean('loadedLastSpeed'),
    loadedDropOffPct: mean('loadedDropOffPct')
  }
}

/**
 * A protocol's sessions in the range, one point each while they fit in the point budget. Past it, points are made
 * of whole days, from the stored day rows (progress_days), so the cost follows the days shown, not the sessions:
 * the days with sessions of the protocol are split into runs of ⌈days / budget⌉ consecutive such days, aligned to
 * the end so the newest day ends the last point (`mapRuns`, as the per-session runs were), and each point is the
 * mean over the sessions of its days. `sessionsPerPoint` is then the mean number of sessions a point stands for,
 * rounded up.
 */
export function protocolProgress(deps: StatsDeps, protocolId: number, from?: LocalDate, to?: LocalDate) {
  const protocol = deps.protocols.get(protocolId)
  if (!protocol) throw notFound('protocol', protocolId)
  const max = deps.maxPoints ?? MAX_CHART_POINTS
  const days = deps.stats.protocolDays(protocolId, from, to)
  let sessions = 0
  for (const d of days) sessions += d.sessions
  if (sessions > max) {
    const { points } = mapRuns(days, max, mergeDays)
    return { protocolId, protocolName: protocol.name, sessions, points, sessionsPerPoint: Math.ceil(sessions / points.length) }
  }
  // Fields one by one (not a spread): over thousands of sessions, a spread each costs more than the query.
  const points: ProgressPoint[] = deps.stats.protocolSessions(protocolId, from, to).map((s) => ({
    sessionId: s.sessionId,
    date: s.date,
    repsDone: s.repsDone,
    plannedReps: s.plannedReps,
    rpe: s.rpe,
    restPerRep: s.restPerRep,
    firstSpeed: s.firstSpeed,
    lastSpeed: s.lastSpeed,
    dropOffPct: s.firstSpeed !== null && s.lastSpeed !== null ? dropOffPct(s.firstSpeed, s.lastSpeed) : null,
    maxLoadKg: s.maxLoadKg,
    loadedFirstSpeed: s.loadedFirstSpeed,
    loadedLastSpeed: s.loadedLastSpeed,
    loadedDropOffPct: s.loadedFirstSpeed !== null && s.loadedLastSpeed !== null ? dropOffPct(s.loadedFirstSpeed, s.loadedLastSpeed) : null
  }))
  return { protocolId, protocolName: protocol.name, sessions: points.length, points, sessionsPerPoint: 1 }
}

export function sprintBests(deps: StatsDeps, protocolId?: number, from?: LocalDate, to?: LocalDate) {
  if (protocolId !== undefined && !deps.protocols.get(protocolId)) throw notFound('protocol', protocolId)
  return deps.stats.sprintBests(protocolId, from, to)
}
