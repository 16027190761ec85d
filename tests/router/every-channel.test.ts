/**
 * Every channel of the contract, whatever it does: bad input is refused before any handler runs, and a
 * call from a frame that is not Sprintlog's own window is refused; in both cases nothing is written.
 */
import type { IpcMainInvokeEvent } from 'electron'
import { describe, expect, it } from 'vitest'
import { registerIpc, trustedSender } from '../../src/main/ipc/electron'
import { CHANNELS } from '../../src/shared/channels'
import { useBackend } from '../helpers/backend'

const backend = useBackend()
const APP_URL = 'file:///app/out/renderer/index.html'

const BAD_INPUTS: [string, unknown][] = [
  ['a string', 'DROP TABLE sessions'],
  ['a number', 42],
  ['an array', [{ id: 1 }]],
  ['an unknown field', { unexpected: true }],
  ['a prototype-polluting key', JSON.parse('{"__proto__": {"admin": true}, "id": 1}')]
]

describe.each(CHANNELS.map((c) => [c]))('%s', (channel) => {
  it('refuses malformed input and writes nothing', async () => {
    const b = await backend()
    const changes = () => (b.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n
    const before = changes()
    for (const [what, input] of BAD_INPUTS) {
      const r = await b.router.call(channel, input)
      expect(r.ok, `${channel} accepted ${what}`).toBe(false)
      if (!r.ok) expect(r.error.code, `${channel} with ${what}: ${r.error.message}`).toBe('invalid_input')
    }
    expect(changes()).toBe(before)
  })

  it('refuses a call from a foreign frame and writes nothing', async () => {
    const b = await backend()
    const handlers = new Map<string, (e: IpcMainInvokeEvent, input: unknown) => Promise<unknown>>()
    registerIpc({ handle: (c: string, h: never) => void handlers.set(c, h) } as never, b.router, trustedSender([APP_URL]))
    const changes = () => (b.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n
    const before = changes()
    for (const frame of [{ url: 'https://evil.example/', parent: null }, { url: APP_URL, parent: {} }, null]) {
      const r = await handlers.get(channel)?.({ senderFrame: frame } as unknown as IpcMainInvokeEvent, {})
      expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    }
    expect(changes()).toBe(before)
  })
})
