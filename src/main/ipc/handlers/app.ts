import type { AppInfo } from '../../../shared/domain'
import type { SettingsRepo } from '../../db/repos/settings'
import type { Handlers } from '../router'

type AppHandlers = Pick<Handlers, 'app/info' | 'settings/get' | 'settings/update'>

export function appHandlers(info: () => AppInfo, settings: SettingsRepo): AppHandlers {
  return {
    'app/info': () => info(),
    'settings/get': () => settings.get(),
    'settings/update': (patch) => settings.update(patch)
  }
}
