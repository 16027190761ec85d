// `npm start`: the desktop app. Prepares Electron on first run, then builds and launches it. Where
// Electron cannot be had, says so and points at web mode instead.
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { ensureElectronSqlite, findElectron, installElectron, root } from './electron-setup.mjs'

const require = createRequire(join(root, 'package.json'))

function explain(reason) {
  console.error(`
Sprintlog cannot start as a desktop app on this computer:
  ${reason}

The desktop app needs the Electron runtime, which is downloaded on first start and needs an internet
connection. You can use the very same app in your browser instead, on the same data:

  npm run start:web

It prints an address to open (it works only on this computer). To try the desktop app again later,
run npm start once you are online.
`)
  process.exit(1)
}

let electron = findElectron()
if (!electron.ok) {
  console.log('Downloading the Electron runtime (first start only)…')
  electron = installElectron()
  if (!electron.ok) explain(electron.reason)
}

console.log('Preparing the database driver for Electron…')
const sqlite = ensureElectronSqlite()
if (!sqlite.ok) explain(sqlite.reason)

const cli = join(require.resolve('electron-vite/package.json'), '..', 'bin', 'electron-vite.js')
const child = spawn(process.execPath, [cli, 'preview', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ELECTRON_EXEC_PATH: electron.path, SPRINTLOG_NATIVE_BINDING: sqlite.path }
})
child.on('exit', (code) => process.exit(code ?? 1))
