import type { Channel, DomainOf, VerbOf } from './channels'
import { CHANNELS } from './channels'
import type { InputOf, OutputOf } from './contract'
import type { Result } from './result'

/** One function per channel: `api.weights.add({...})` calls `weights/add`. */
export type ChannelFn<C extends Channel> = (
  ...args: undefined extends InputOf<C> ? [input?: InputOf<C>] : [input: InputOf<C>]
) => Promise<Result<OutputOf<C>>>

export type Api = {
  [D in DomainOf<Channel>]: { [C in Channel as DomainOf<C> extends D ? VerbOf<C> : never]: ChannelFn<C> }
}

/** A way to deliver one call to the back end: Electron IPC in the desktop app, HTTP in web mode. */
export type Transport = (channel: Channel, input: unknown) => Promise<Result<unknown>>

/** Builds the named-function api over a transport. Used by the preload and by the web transport alike. */
export function buildApi(transport: Transport): Api {
  const api: Record<string, Record<string, (input?: unknown) => Promise<Result<unknown>>>> = {}
  for (const channel of CHANNELS) {
    const [domain, verb] = channel.split('/') as [string, string]
    api[domain] ??= {}
    api[domain][verb] = (input?: unknown) => transport(channel, input)
  }
  return api as unknown as Api
}
