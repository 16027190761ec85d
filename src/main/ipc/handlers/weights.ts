import { randomUUID } from 'node:crypto'
import { DomainError } from '../../../shared/result'
import type { WeightsRepo } from '../../db/repos/weights'
import type { Handlers } from '../router'
import { must } from './found'

type WeightHandlers = Pick<Handlers, 'weights/list' | 'weights/daily' | 'weights/add' | 'weights/update' | 'weights/delete' | 'weights/restore'>

const missing = (id: number) => new DomainError('not_found', `There is no body-weight entry with id ${id}.`)

export function weightHandlers(weights: WeightsRepo): WeightHandlers {
  return {
    'weights/list': ({ from, to, limit, offset }) => weights.list({ from, to }, limit, offset),
    'weights/daily': ({ from, to }) => weights.daily({ from, to }),
    'weights/add': ({ date, kg, note }) => weights.insert({ uuid: randomUUID(), date, kg, note }),
    'weights/update': ({ id, date, kg, note }) => must(weights.update(id, { date, kg, note }), () => missing(id)),
    'weights/delete': ({ id }) => {
      if (!weights.softDelete(id)) throw missing(id)
      return { id }
    },
    'weights/restore': ({ id }) =>
      must(weights.restore(id), () => new DomainError('not_found', `There is no deleted body-weight entry with id ${id} to restore.`))
  }
}
