import type { LocalDate } from '../../../shared/dates'
import type { BlockVolume } from '../../../shared/stats'
import { niceTicks } from './axis'

export interface BlockVolumePoint {
  week: number
  /** `W3`, the axis label. */
  label: string
  from: LocalDate
  to: LocalDate
  /** Work time at intensity, in minutes (one decimal). */
  workMin: number
  reps: number
  sessions: number
  planned: number
  /** The week's planned sessions were all done. */
  met: boolean
  /** The week `today` falls in. */
  current: boolean
  /** The week has not started yet. */
  future: boolean
  /** `2/3` above the week's sessions bar; empty for weeks still to come. */
  doneLabel: string
}

export interface BlockVolumeData {
  points: BlockVolumePoint[]
  planned: number
  totals: { sessions: number; planned: number; workMin: number; reps: number }
  /** Sessions axis: 0 … at least the plan, whole numbers. */
  sessionTicks: number[]
  /** True when any week has a session. */
  hasSessions: boolean
}

const round1 = (n: number) => Math.round(n * 10) / 10

/** Week 1…N of a block → chart points: work minutes, reps, sessions done vs planned. */
export function blockVolumeChartData(v: BlockVolume, today: LocalDate): BlockVolumeData {
  const points = v.weeks.map((w) => ({
    week: w.week,
    label: `W${w.week}`,
    from: w.from,
    to: w.to,
    workMin: round1(w.workSeconds / 60),
    reps: w.reps,
    sessions: w.sessions,
    planned: w.planned,
    met: w.sessions >= w.planned,
    current: w.from <= today && today <= w.to,
    future: w.from > today,
    doneLabel: w.from > today ? '' : `${w.sessions}/${w.planned}`
  }))
  let sessions = 0
  let workSeconds = 0
  let reps = 0
  let most = 0
  for (const w of v.weeks) {
    sessions += w.sessions
    workSeconds += w.workSeconds
    reps += w.reps
    most = Math.max(most, w.sessions)
  }
  const top = Math.max(most, v.block.sessionsPerWeek)
  const ticks = top <= 6 ? Array.from({ length: top + 1 }, (_, i) => i) : niceTicks(0, top, 4)
  return {
    points,
    planned: v.block.sessionsPerWeek,
    totals: { sessions, planned: v.block.sessionsPerWeek * v.block.weeks, workMin: round1(workSeconds / 60), reps },
    sessionTicks: ticks,
    hasSessions: sessions > 0
  }
}
