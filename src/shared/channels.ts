/**
 * Every channel of the back end, named `domain/verb`. This list has no dependencies so that the
 * sandboxed preload can import it; the schemas and result types for each name live in `contract.ts`.
 */
export const CHANNELS = [
  'export/start',
  'export/status',
  'export/cancel',
  'import/chooseFile',
  'import/preview',
  'import/status',
  'import/commit',
  'import/cancel',
  'app/info',
  'backups/list',
  'backups/create',
  'backups/restore',
  'database/retry',
  'database/startNew',
  'settings/get',
  'settings/update',
  'weights/list',
  'weights/daily',
  'weights/add',
  'weights/update',
  'weights/delete',
  'weights/restore',
  'protocols/list',
  'protocols/get',
  'protocols/create',
  'protocols/update',
  'protocols/duplicate',
  'protocols/archive',
  'sessions/list',
  'sessions/get',
  'sessions/create',
  'sessions/update',
  'sessions/delete',
  'sessions/restore',
  'sessions/walkDownBefore',
  'blocks/list',
  'blocks/current',
  'blocks/finished',
  'blocks/create',
  'blocks/update',
  'blocks/delete',
  'blocks/restore',
  'calendar/ofBlock',
  'calendar/export',
  'advice/forProtocol',
  'workouts/export',
  'stats/blockVolume',
  'stats/weeklyLoad',
  'stats/fitness',
  'stats/protocolProgress',
  'stats/sprintBests',
  'watch/read',
  'watch/open',
  'watch/addWeights'
] as const

export type Channel = (typeof CHANNELS)[number]

export type DomainOf<C extends string> = C extends `${infer D}/${string}` ? D : never
export type VerbOf<C extends string> = C extends `${string}/${infer V}` ? V : never

const KNOWN: ReadonlySet<string> = new Set(CHANNELS)

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && KNOWN.has(name)
}
