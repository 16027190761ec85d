import type { WeightsRepo } from '../../db/repos/weights'
import { addWeight, dailyWeights, deleteWeight, listWeights, restoreWeight, updateWeight } from '../../services/weights'
import type { Handlers } from '../router'

type WeightHandlers = Pick<Handlers, 'weights/list' | 'weights/daily' | 'weights/add' | 'weights/update' | 'weights/delete' | 'weights/restore'>

/** Body weight: each channel calls one function of the weights service (src/main/services/weights.ts). */
export function weightHandlers(weights: WeightsRepo): WeightHandlers {
  const deps = { weights }
  return {
    'weights/list': ({ from, to, limit, offset }) => listWeights(deps, { from, to }, limit, offset),
    'weights/daily': ({ from, to }) => dailyWeights(deps, { from, to }),
    'weights/add': ({ date, kg, note }) => addWeight(deps, { date, kg, note }),
    'weights/update': ({ id, date, kg, note }) => updateWeight(deps, id, { date, kg, note }),
    'weights/delete': ({ id }) => deleteWeight(deps, id),
    'weights/restore': ({ id }) => restoreWeight(deps, id)
  }
}
