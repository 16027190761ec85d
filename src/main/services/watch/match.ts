/**
 * Which protocol a detected session followed: the closest by rep count and work per rep (time-based plans by
 * seconds, distance-based ones by metres), hill plans preferred for uphill reps. None within the tolerance
 * (count equal ±1, work within ±25 %) → free-form. The reason is a message code with its params.
 */
import { durationWithUnits } from '../../../shared/duration'
import type { Protocol, RepeatGroup } from '../../../shared/training'
import type { DetectedRep, ProtocolMatch } from './types'

export const MATCH_WORK_TOLERANCE = 0.25
export const MATCH_COUNT_TOLERANCE = 1

type Plan = Pick<Protocol, 'id' | 'name' | 'groups'> & { archived?: boolean; terrain?: string }

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

function workText(g: Pick<RepeatGroup, 'workSeconds' | 'workMeters'>): string {
  return g.workSeconds !== null ? durationWithUnits(g.workSeconds) : `${Math.round(g.workMeters ?? 0)} m`
}

/** The plan, one target per rep. */
function targets(p: Plan): RepeatGroup[] {
  return p.groups.flatMap((g) => Array.from({ length: g.count }, () => g))
}

interface Scored {
  protocol: Plan
  score: number
  planReps: number
  work: string
}

function score(reps: DetectedRep[], p: Plan): Scored | null {
  const plan = targets(p)
  if (plan.length === 0 || Math.abs(plan.length - reps.length) > MATCH_COUNT_TOLERANCE) return null
  const n = Math.min(plan.length, reps.length)
  let err = 0
  for (let i = 0; i < n; i++) {
    const g = plan[i]!
    const r = reps[i]!
    if (g.workSeconds !== null) err += Math.abs(r.workSeconds - g.workSeconds) / g.workSeconds
    else if (g.workMeters !== null && r.distanceMeters !== null) err += Math.abs(r.distanceMeters - g.workMeters) / g.workMeters
    else return null
  }
  err /= n
  if (err > MATCH_WORK_TOLERANCE) return null
  const planHill = p.terrain === 'hill' || plan.some((g) => g.hill)
  const repsHill = reps.filter((r) => r.hill).length * 2 >= reps.length
  const hillPenalty = planHill === repsHill ? 0 : 0.2
  const countPenalty = 0.1 * Math.abs(plan.length - reps.length)
  return { protocol: p, score: err + hillPenalty + countPenalty, planReps: plan.length, work: workText(plan[0]!) }
}

export function matchProtocol(reps: DetectedRep[], protocols: readonly Plan[]): ProtocolMatch {
  if (reps.length === 0) return { protocolId: null, reason: { key: 'matchNoReps', params: {} } }
  const detectedWork = durationWithUnits(median(reps.map((r) => r.workSeconds)))
  let best: Scored | null = null
  for (const p of protocols) {
    if (p.archived) continue
    const s = score(reps, p)
    if (s !== null && (best === null || s.score < best.score)) best = s
  }
  if (best === null) return { protocolId: null, reason: { key: 'matchNone', params: { reps: reps.length, work: detectedWork } } }
  return {
    protocolId: best.protocol.id,
    reason: {
      key: 'matchReason',
      params: { protocol: best.protocol.name, reps: reps.length, work: detectedWork, planReps: best.planReps, planWork: best.work }
    }
  }
}
