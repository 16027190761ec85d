import { format } from 'date-fns'
import type { Db } from '../../db/connection'
import { backupTo, listBackups, makeBackup, restoreInto } from '../../services/backups'
import type { Platform } from '../../platform'
import type { Handlers } from '../router'

type BackupHandlers = Pick<Handlers, 'backups/list' | 'backups/create' | 'backups/restore'>

export interface BackupDeps {
  db: Db
  dbPath: string
  platform?: Platform | undefined
  nativeBinding?: string | undefined
}

export function backupHandlers({ db, dbPath, platform, nativeBinding }: BackupDeps): BackupHandlers {
  return {
    'backups/list': () => listBackups(dbPath, nativeBinding),
    'backups/create': async () => {
      if (platform?.chooseSavePath) {
        const dest = await platform.chooseSavePath({ title: 'Back up Sprintlog', defaultName: `sprintlog-backup-${format(new Date(), 'yyyy-MM-dd')}.db` })
        return dest === null ? null : backupTo(db, dest, nativeBinding)
      }
      return makeBackup(db, dbPath, 'manual', new Date(), nativeBinding)
    },
    'backups/restore': async ({ name }) => {
      const { restored, undo } = await restoreInto(db, dbPath, name, new Date(), nativeBinding)
      return { restored, undoName: undo.name, keptAs: null }
    }
  }
}
