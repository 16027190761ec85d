import { addScaleWeights, openWatchFiles, readWatchBase64, type WatchDeps } from '../../services/watchImport'
import type { Handlers } from '../router'

type WatchChannel = Extract<keyof Handlers, `watch/${string}`>

/** Watch files: thin wrappers over the watch import service (src/main/services/watchImport.ts). */
export function watchHandlers(deps: WatchDeps): Pick<Handlers, WatchChannel> {
  return {
    'watch/read': ({ fileName, data, timeZone }) => readWatchBase64(deps, fileName, data, timeZone),
    'watch/open': ({ timeZone }) => openWatchFiles(deps, timeZone),
    'watch/addWeights': ({ sha256 }) => addScaleWeights(deps, sha256)
  }
}
