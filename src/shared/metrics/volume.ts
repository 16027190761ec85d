/**
 * Weekly volume over a training block (DESIGN §1.4): for week 1…N of the block (weeks counted from the
 * block's start date, whatever weekday that is), the work time, the completed reps and the sessions done
 * versus planned. Every session dated inside the block counts, whatever its protocol, as in `blockProgress`.
 */
import type { LocalDate } from '../dates'
import type { Block } from '../training'
import { blockWeek, blockWeekRange } from './block'
import { addDay, type DailyTotals } from './load'

export interface VolumeWeek {
  /** 1…N. */
  week: number
  from: LocalDate
  to: LocalDate
  sessions: number
  planned: number
  /** Work time of completed reps, in seconds. */
  workSeconds: number
  /** Completed reps. */
  reps: number
  distanceMeters: number
  /** sRPE load. */
  load: number
}

export function blockVolumeWeeks(block: Pick<Block, 'startDate' | 'weeks' | 'sessionsPerWeek'>, daily: readonly DailyTotals[]): VolumeWeek[] {
  const weeks: VolumeWeek[] = Array.from({ length: block.weeks }, (_, i) => ({
    week: i + 1,
    ...blockWeekRange(block, i + 1),
    sessions: 0,
    planned: block.sessionsPerWeek,
    workSeconds: 0,
    reps: 0,
    distanceMeters: 0,
    load: 0
  }))
  for (const d of daily) {
    const n = blockWeek(block, d.date)
    const w = n === null ? undefined : weeks[n - 1]
    if (w) addDay(w, d)
  }
  return weeks
}
