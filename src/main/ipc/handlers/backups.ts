import { backUpNow, type BackupDeps, listBackups, restoreBackup } from '../../services/backups'
import type { Handlers } from '../router'

type BackupHandlers = Pick<Handlers, 'backups/list' | 'backups/create' | 'backups/restore'>

/** Backups: each channel calls one function of the backups service (src/main/services/backups.ts). */
export function backupHandlers(deps: BackupDeps): BackupHandlers {
  return {
    'backups/list': () => listBackups(deps.dbPath, deps.nativeBinding),
    'backups/create': () => backUpNow(deps),
    'backups/restore': ({ name }) => restoreBackup(deps, name)
  }
}
