import type { Settings } from '../shared/domain'
import { type Theme, THEMES } from '../shared/theme'
import type { Router } from './ipc/router'

/**
 * The router, telling `apply` the colour theme of every settings answer (the one read at start and each one saved),
 * so the desktop app's native parts (title bar, menus, dialogs) follow the theme the runner chose.
 */
export function followTheme(router: Router, apply: (theme: Theme) => void): Router {
  return {
    async call(channel, input) {
      const r = await router.call(channel, input)
      if (r.ok && (channel === 'settings/get' || channel === 'settings/update')) {
        const theme = (r.value as Partial<Settings> | null)?.theme
        if (theme && (THEMES as readonly string[]).includes(theme)) apply(theme)
      }
      return r
    }
  }
}
