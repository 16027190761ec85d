import { blockVolume, fitness, protocolProgress, sprintBests, type StatsDeps, weeklyLoad } from '../../services/stats'
import type { Handlers } from '../router'

type StatsChannel = Extract<keyof Handlers, `stats/${string}`>

/** The progress dashboard's series, built by the stats service (src/main/services/stats.ts). */
export function statsHandlers(deps: StatsDeps): Pick<Handlers, StatsChannel> {
  return {
    'stats/blockVolume': ({ blockId }) => blockVolume(deps, blockId),
    'stats/weeklyLoad': ({ from, to }) => weeklyLoad(deps, from, to),
    'stats/fitness': ({ from, to }) => fitness(deps, from, to),
    'stats/protocolProgress': ({ protocolId, from, to }) => protocolProgress(deps, protocolId, from, to),
    'stats/sprintBests': ({ protocolId, from, to }) => sprintBests(deps, protocolId, from, to)
  }
}
