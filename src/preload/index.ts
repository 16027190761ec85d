/**
 * Exposes `window.api`: one named function per channel of the contract, each a plain IPC call. No logic
 * and no runtime dependency beyond Electron, so it bundles into one file that runs sandboxed.
 */
import { contextBridge, ipcRenderer } from 'electron'
import { buildApi } from '../shared/api'
import type { Result } from '../shared/result'

const api = buildApi((channel, input) => ipcRenderer.invoke(channel, input) as Promise<Result<unknown>>)

contextBridge.exposeInMainWorld('api', api)
