/**
 * The Electron transport: the only place that calls `ipcMain.handle`. Each channel of the contract gets
 * one handler that checks the sender frame, then hands the input to the router (which parses it).
 */
import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron'
import { CHANNELS } from '../../shared/channels'
import { fail, type Result } from '../../shared/result'
import type { Router } from './router'

/** Accepts calls only from the top frame of a page Sprintlog itself loaded. */
export function trustedSender(allowedUrlPrefixes: readonly string[]) {
  return (frame: Pick<WebFrameMain, 'url' | 'parent'> | null | undefined): boolean => {
    if (!frame || frame.parent !== null) return false
    return allowedUrlPrefixes.some((p) => frame.url.startsWith(p))
  }
}

export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  router: Router,
  isTrusted: (frame: IpcMainInvokeEvent['senderFrame']) => boolean
): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, input: unknown): Promise<Result<unknown>> => {
      if (!isTrusted(event.senderFrame)) return fail('forbidden', { key: 'notOwnWindow' })
      return router.call(channel, input)
    })
  }
}
