// Runs the built main bundle (out/main/index.js) under Node with the electron stand-in, drives the registered IPC
// handlers as the app's window and as a foreign frame would, and prints one JSON report on the last line.
import { register } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'

register('./loader.mjs', import.meta.url)
const { state, nativeTheme } = await import('./stand-in.mjs')
const main = process.env.STAND_IN_MAIN
await import(pathToFileURL(main).href)

const timeout = new Promise((r) => setTimeout(() => r({ failed: true, timedOut: true }), 15_000).unref())
const outcome = await Promise.race([state.windowLoaded, timeout])
const report = { outcome, errors: state.errors, channels: [...state.handlers.keys()], windows: state.windows.map((w) => ({ options: w.options, loaded: w.loaded })) }
if (!outcome.failed) {
  const appFrame = { url: pathToFileURL(join(dirname(main), '../renderer/index.html')).href, parent: null }
  const call = (channel, input, senderFrame = appFrame) => state.handlers.get(channel)({ senderFrame }, input)
  report.add = await call('weights/add', { date: '2026-11-20', kg: 72.4 })
  report.list = await call('weights/list', undefined)
  report.info = await call('app/info', undefined)
  report.foreign = await call('weights/add', { date: '2026-11-21', kg: 70 }, { url: 'https://evil.example/', parent: null })
  report.subframe = await call('weights/list', undefined, { url: appFrame.url, parent: appFrame })
  report.noFrame = await call('weights/list', undefined, null)
  report.themeAtStart = nativeTheme.themeSource
  report.themeSaved = await call('settings/update', { theme: 'dark' })
  report.themeAfter = nativeTheme.themeSource
}
const { app } = await import('./stand-in.mjs')
app.emit('will-quit')
process.stdout.write(`\n${JSON.stringify(report)}\n`)
process.exit(0)
