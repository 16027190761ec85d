/** Body-weight entries: several a day are allowed; deletes are soft and can be undone. */
import { randomUUID } from 'node:crypto'
import { type WeightSeries, weightSeries } from '../../shared/metrics/weight'
import { DomainError } from '../../shared/result'
import type { DateRange, NewWeight, WeightsRepo } from '../db/repos/weights'
import { must } from './found'

export interface WeightDeps {
  weights: WeightsRepo
}

export type WeightDraft = Omit<NewWeight, 'uuid'>

const missing = (id: number) => new DomainError('not_found', { key: 'noWeight', params: { id: String(id) } })

export function listWeights(deps: WeightDeps, range: DateRange, limit: number, offset: number) {
  return deps.weights.list(range, limit, offset)
}

/** The body-weight chart's series for a range: daily means and their trend, within the point budget. */
export function dailyWeights(deps: WeightDeps, range: DateRange): WeightSeries {
  return weightSeries(deps.weights.daily(range))
}

export function addWeight(deps: WeightDeps, { date, kg, note }: WeightDraft) {
  return deps.weights.insert({ uuid: randomUUID(), date, kg, note })
}

export function updateWeight(deps: WeightDeps, id: number, { date, kg, note }: WeightDraft) {
  return must(deps.weights.update(id, { date, kg, note }), () => missing(id))
}

export function deleteWeight(deps: WeightDeps, id: number): { id: number } {
  if (!deps.weights.softDelete(id)) throw missing(id)
  return { id }
}

export function restoreWeight(deps: WeightDeps, id: number) {
  return must(deps.weights.restore(id), () => new DomainError('not_found', { key: 'noDeletedWeight', params: { id: String(id) } }))
}
