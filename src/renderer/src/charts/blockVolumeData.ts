import type { LocalDate } from '../../../shared/dates'
import type { BlockVolume } from '../../../shared/stats'
import { niceTicks } from './axis'

export interface BlockVolumePoint {
  week: number
  /** `W3`, the axis label. */
  label: string
  from: LocalDate
  to: LocalDate
  /** Work time, in minutes (one decimal): of the block's protocol, plus the other sessions' when they are counted. */
  workMin: number
  /** Planned work time of the week, in minutes (one decimal); null when the plan has none. */
  plannedMin: number | null
  reps: number
  /** Sessions of the block's protocol (they count against the plan). */
  sessions: number
  /** Other sessions inside the week, shown apart. */
  otherSessions: number
  planned: number
  /** The week's planned sessions were all done. */
  met: boolean
  /** The week `today` falls in. */
  current: boolean
  /** The week has not started yet. */
  future: boolean
  /** `2/3` (or `2/3 +1`, with a no-break space, with one other session) above the week's sessions bar; empty for weeks still to come. */
  doneLabel: string
}

export interface BlockVolumeData {
  points: BlockVolumePoint[]
  planned: number
  totals: {
    sessions: number
    planned: number
    /** Other sessions inside the block, shown apart ("+2 other sessions"). */
    otherSessions: number
    workMin: number
    /** Planned work of the whole block, in minutes; null when the plan has none. */
    plannedWorkMin: number | null
    reps: number
  }
  /** Whether the other sessions' work and reps are in the weekly volume. */
  includesOther: boolean
  /** Sessions axis: 0 … at least the plan, whole numbers. */
  sessionTicks: number[]
  /** True when any week has a session, of the block's protocol or another. */
  hasSessions: boolean
}

const round1 = (n: number) => Math.round(n * 10) / 10

/**
 * Week 1…N of a block → chart points: work minutes beside the planned minutes, reps, sessions done vs planned
 * and the other sessions. `includeOther` adds the other sessions' work and reps to each week's volume; sessions
 * done against the plan never include them.
 */
export function blockVolumeChartData(v: BlockVolume, today: LocalDate, includeOther = false): BlockVolumeData {
  const points = v.weeks.map((w) => {
    const work = w.workSeconds + (includeOther ? w.other.workSeconds : 0)
    const future = w.from > today
    return {
      week: w.week,
      label: `W${w.week}`,
      from: w.from,
      to: w.to,
      workMin: round1(work / 60),
      plannedMin: w.plannedWorkSeconds === null ? null : round1(w.plannedWorkSeconds / 60),
      reps: w.reps + (includeOther ? w.other.reps : 0),
      sessions: w.sessions,
      otherSessions: w.other.sessions,
      planned: w.planned,
      met: w.sessions >= w.planned,
      current: w.from <= today && today <= w.to,
      future,
      // A no-break space: the chart's label stays on one line.
      doneLabel: future && w.sessions === 0 && w.other.sessions === 0 ? '' : `${w.sessions}/${w.planned}${w.other.sessions > 0 ? `\u00a0+${w.other.sessions}` : ''}`
    }
  })
  let sessions = 0
  let otherSessions = 0
  let workSeconds = 0
  let plannedSeconds: number | null = null
  let reps = 0
  let most = 0
  for (const w of v.weeks) {
    sessions += w.sessions
    otherSessions += w.other.sessions
    workSeconds += w.workSeconds + (includeOther ? w.other.workSeconds : 0)
    reps += w.reps + (includeOther ? w.other.reps : 0)
    if (w.plannedWorkSeconds !== null) plannedSeconds = (plannedSeconds ?? 0) + w.plannedWorkSeconds
    most = Math.max(most, w.sessions)
  }
  const top = Math.max(most, v.block.sessionsPerWeek)
  const ticks = top <= 6 ? Array.from({ length: top + 1 }, (_, i) => i) : niceTicks(0, top, 4)
  return {
    points,
    planned: v.block.sessionsPerWeek,
    totals: {
      sessions,
      planned: v.block.sessionsPerWeek * v.block.weeks,
      otherSessions,
      workMin: round1(workSeconds / 60),
      plannedWorkMin: plannedSeconds === null ? null : round1(plannedSeconds / 60),
      reps
    },
    includesOther: includeOther,
    sessionTicks: ticks,
    hasSessions: sessions + otherSessions > 0
  }
}
