import { describe, expect, it } from 'vitest'
import type { IpcMainInvokeEvent } from 'electron'
import { CHANNELS } from '../../src/shared/channels'
import { registerIpc, trustedSender } from '../../src/main/ipc/electron'
import { useBackend } from '../helpers/backend'

const backend = useBackend()
type Listener = (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>

/** Registers the real handlers on a stand-in for ipcMain and returns a way to invoke them as a frame would. */
async function wired() {
  const b = await backend()
  const handlers = new Map<string, Listener>()
  const ipcMain = { handle: (channel: string, listener: Listener) => void handlers.set(channel, listener) }
  registerIpc(ipcMain as never, b.router, trustedSender(['file:///opt/Sprintlog/resources/app/out/renderer/index.html']))
  const invoke = (channel: string, input: unknown, frame: { url: string; parent: unknown } | null) =>
    (handlers.get(channel) as Listener)({ senderFrame: frame } as unknown as IpcMainInvokeEvent, input)
  return { b, handlers, invoke }
}

const appFrame = { url: 'file:///opt/Sprintlog/resources/app/out/renderer/index.html', parent: null }

describe('the Electron IPC adapter', () => {
  it('registers exactly one handler per channel of the contract', async () => {
    const { handlers } = await wired()
    expect([...handlers.keys()].sort()).toEqual([...CHANNELS].sort())
  })

  it('serves the app’s own top frame', async () => {
    const { invoke } = await wired()
    expect(await invoke('weights/add', { date: '2026-11-20', kg: 72 }, appFrame)).toMatchObject({ ok: true, value: { kg: 72 } })
  })

  it.each([
    ['a remote page', { url: 'https://evil.example/index.html', parent: null }],
    ['another local file', { url: 'file:///tmp/evil.html', parent: null }],
    ['a subframe of the app', { url: appFrame.url, parent: {} }],
    ['a destroyed frame', null]
  ])('refuses calls from %s and writes nothing', async (_name, frame) => {
    const { b, invoke } = await wired()
    expect(await invoke('weights/add', { date: '2026-11-20', kg: 72 }, frame)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(b.db.prepare('SELECT count(*) AS n FROM body_weights').get()).toEqual({ n: 0 })
  })

  it('parses input before any handler runs', async () => {
    const { b, invoke } = await wired()
    expect(await invoke('weights/add', { date: 'yesterday', kg: 72 }, appFrame)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(b.db.prepare('SELECT count(*) AS n FROM body_weights').get()).toEqual({ n: 0 })
  })
})
