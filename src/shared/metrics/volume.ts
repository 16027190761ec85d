/**
 * Weekly volume over a training block (DESIGN §1.4): for week 1…N of the block (weeks counted from the
 * block's start date, whatever weekday that is), the work time, the reps done and the sessions done versus
 * planned, with the planned work beside them.
 * - The figures of a week are those of the sessions of the block's protocol (every session when the block has no
 *   protocol), as in `blockProgress`; the other sessions inside the block are summed apart (`other`), so that a
 *   chart can add them to the week's volume when the runner asks for it, but never to the sessions done.
 * - Planned volume: `planWork` of the protocol's own plan (its repeat groups as the protocol now has them, not
 *   the plan a session carried forward or progressed) × the block's planned sessions per week. A rep given as a
 *   distance has no planned work time: it is left out and counted in `distanceReps`, so a plan of distances only
 *   has no planned work time at all. A block without a protocol has no planned volume.
 */
import type { LocalDate } from '../dates'
import type { Block, RepeatGroup } from '../training'
import { blockWeek, blockWeekRange } from './block'
import { addDay, type DailyTotals, type PeriodSums } from './load'

export interface VolumeWeek {
  /** 1…N. */
  week: number
  from: LocalDate
  to: LocalDate
  /** Sessions of the block's protocol. */
  sessions: number
  planned: number
  /** Work time of every rep (the part run of an abandoned one) in the sessions of the block's protocol, in seconds. */
  workSeconds: number
  /** Completed reps. */
  reps: number
  distanceMeters: number
  /** sRPE load. */
  load: number
  /** The same figures of the other sessions inside the week. */
  other: PeriodSums
  /** Planned work time of the week, in seconds; null without a planned work time (no protocol, or distances only). */
  plannedWorkSeconds: number | null
}

/** A plan's work time: the repeat groups given as a duration; those given as a distance are counted apart. */
export interface PlanWork {
  /** Seconds of work of one session as planned (the groups given as a duration). */
  seconds: number
  /** Planned reps given as a distance, whose work time cannot be known beforehand. */
  distanceReps: number
}

export function planWork(groups: readonly Pick<RepeatGroup, 'count' | 'workSeconds'>[]): PlanWork {
  let seconds = 0
  let distanceReps = 0
  for (const g of groups) {
    if (g.workSeconds === null) distanceReps += g.count
    else seconds += g.count * g.workSeconds
  }
  return { seconds, distanceReps }
}

/** The planned volume of a block: a session's planned work and a week's (sessions per week × it). */
export interface PlannedVolume extends PlanWork {
  /** Planned work time of a week, in seconds; null when the plan gives no rep as a duration. */
  weekSeconds: number | null
}

export function plannedVolume(groups: readonly Pick<RepeatGroup, 'count' | 'workSeconds'>[] | null, sessionsPerWeek: number): PlannedVolume | null {
  if (groups === null) return null
  const w = planWork(groups)
  return { ...w, weekSeconds: w.seconds > 0 ? w.seconds * sessionsPerWeek : null }
}

const zero = (): PeriodSums => ({ sessions: 0, load: 0, workSeconds: 0, reps: 0, distanceMeters: 0 })

/**
 * Week 1…N of a block from the daily totals of its own sessions (`own`: of its protocol, or all when it has none)
 * and of the others (`other`), with the planned work time of a week (`plannedWeekSeconds`, null when unknown).
 */
export function blockVolumeWeeks(
  block: Pick<Block, 'startDate' | 'weeks' | 'sessionsPerWeek'>,
  own: readonly DailyTotals[],
  other: readonly DailyTotals[] = [],
  plannedWeekSeconds: number | null = null
): VolumeWeek[] {
  const weeks: VolumeWeek[] = Array.from({ length: block.weeks }, (_, i) => ({
    week: i + 1,
    ...blockWeekRange(block, i + 1),
    sessions: 0,
    planned: block.sessionsPerWeek,
    workSeconds: 0,
    reps: 0,
    distanceMeters: 0,
    load: 0,
    other: zero(),
    plannedWorkSeconds: plannedWeekSeconds
  }))
  const weekOf = (d: DailyTotals) => {
    const n = blockWeek(block, d.date)
    return n === null ? undefined : weeks[n - 1]
  }
  for (const d of own) {
    const w = weekOf(d)
    if (w) addDay(w, d)
  }
  for (const d of other) {
    const w = weekOf(d)
    if (w) addDay(w.other, d)
  }
  return weeks
}
