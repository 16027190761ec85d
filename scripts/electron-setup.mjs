// Makes sure the desktop app can run: the Electron binary is present (downloading it if needed) and
// better-sqlite3 has a build for Electron's ABI, kept apart from the Node build that the tests use.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(join(root, 'package.json'))
const electronDir = dirname(require.resolve('electron/package.json'))

export const electronVersion = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version

/** The Electron executable if it is on this machine, without trying to download it. */
export function findElectron() {
  if (process.env.ELECTRON_EXEC_PATH) {
    return existsSync(process.env.ELECTRON_EXEC_PATH)
      ? { ok: true, path: process.env.ELECTRON_EXEC_PATH }
      : { ok: false, reason: `ELECTRON_EXEC_PATH points at ${process.env.ELECTRON_EXEC_PATH}, which does not exist.` }
  }
  const pathFile = join(electronDir, 'path.txt')
  if (!existsSync(pathFile)) return { ok: false, reason: `the Electron ${electronVersion} binary has not been downloaded (no node_modules/electron/path.txt).` }
  const exe = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(exe) ? { ok: true, path: exe } : { ok: false, reason: `the Electron binary is missing at ${exe}.` }
}

/** Downloads the Electron binary with the package's own installer. Returns findElectron()'s answer afterwards. */
export function installElectron() {
  const r = spawnSync(process.execPath, [join(electronDir, 'install.js')], { encoding: 'utf8' })
  const found = findElectron()
  if (found.ok) return found
  const why = `${r.stderr ?? ''}${r.stdout ?? ''}`.split('\n').find((l) => l.trim() !== '') ?? `exit code ${r.status}`
  return { ok: false, reason: `downloading Electron ${electronVersion} failed: ${why.trim()}` }
}

/**
 * better-sqlite3 built for Electron, in .electron-native/ so the copy in node_modules stays built for
 * Node. Tries a prebuilt binary first (prebuild-install), then compiles against Electron's headers.
 */
export function ensureElectronSqlite() {
  const dest = join(root, '.electron-native', electronVersion, 'node_modules', 'better-sqlite3')
  const binary = join(dest, 'build', 'Release', 'better_sqlite3.node')
  if (existsSync(binary)) return { ok: true, path: binary }
  const src = dirname(require.resolve('better-sqlite3/package.json'))
  cpSync(src, dest, { recursive: true, filter: (p) => !p.startsWith(join(src, 'build')) })
  const env = {
    ...process.env,
    npm_config_runtime: 'electron',
    npm_config_target: electronVersion,
    npm_config_disturl: 'https://electronjs.org/headers',
    npm_config_build_from_source: ''
  }
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  const r = spawnSync(npm, ['run', 'install'], { cwd: dest, env, encoding: 'utf8', shell: process.platform === 'win32' })
  if (existsSync(binary)) return { ok: true, path: binary }
  const tail = `${r.stderr ?? ''}`.trim().split('\n').slice(-3).join(' ')
  return { ok: false, reason: `building the database driver for Electron ${electronVersion} failed (${tail || `exit code ${r.status}`}).` }
}
