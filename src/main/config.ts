import { homedir } from 'node:os'
import { isAbsolute, join, resolve } from 'node:path'

export const APP_NAME = 'Sprintlog'
export const DB_FILE = 'sprintlog.db'
export const DB_ENV = 'SPRINTLOG_DB'

/**
 * The folder the desktop app keeps its data in: Electron's `userData` for an app named Sprintlog, so the
 * desktop app and web mode open the same database by default.
 */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME)
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME)
  const config = env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : join(homedir(), '.config')
  return join(config, APP_NAME)
}

/** Reads `--name value` or `--name=value` from a command line. */
export function argValue(argv: readonly string[], name: string): string | undefined {
  const flag = `--${name}`
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string
    if (a === flag) return argv[i + 1]
    if (a.startsWith(`${flag}=`)) return a.slice(flag.length + 1)
  }
  return undefined
}

/**
 * Where the database lives, first match wins: the `--db PATH` flag, the `SPRINTLOG_DB` environment
 * variable, then `sprintlog.db` in the app's data folder.
 */
export function resolveDbPath(argv: readonly string[], env: NodeJS.ProcessEnv, dataDir: string): string {
  const fromFlag = argValue(argv, 'db')
  if (fromFlag) return resolve(fromFlag)
  if (env[DB_ENV]) return resolve(env[DB_ENV])
  return join(dataDir, DB_FILE)
}
