import { useEffect } from 'react'
import { type Theme, THEMES } from '../../shared/theme'
import { useT } from './i18n'
import { Segmented } from './components/Segmented'
import { useSettings } from './settings'

/** The switch's words (the common catalogue). */
const KEYS = { system: 'themeSystem', light: 'themeLight', dark: 'themeDark' } satisfies Record<Theme, string>

/**
 * Puts the theme setting on `<html data-theme>`, which styles.css follows: `light` and `dark` fix the colours,
 * `system` (and the moment before the settings load) follows the operating system's `prefers-color-scheme`.
 * The charts take their colours from the same CSS variables, so they follow too.
 */
export function useApplyTheme(): void {
  const { settings, loaded } = useSettings()
  // Until the settings arrive, the theme last applied here (so a dark choice does not flash light at start).
  const theme = loaded ? settings.theme : lastTheme()
  useEffect(() => {
    document.documentElement.dataset.theme = theme
    if (loaded) remember(theme)
  }, [theme, loaded])
}

const STORED = 'sprintlog.theme'

function lastTheme(): Theme {
  try {
    const t = localStorage.getItem(STORED)
    return (THEMES as readonly (string | null)[]).includes(t) ? (t as Theme) : 'system'
  } catch {
    return 'system'
  }
}

function remember(theme: Theme): void {
  try {
    localStorage.setItem(STORED, theme)
  } catch {
    // No storage (a locked-down browser): the first paint follows the system's theme.
  }
}

/** System / Light / Dark, beside the other settings in the top bar; saved at once. */
export function ThemeSwitch() {
  const { settings, update } = useSettings()
  const { t } = useT()
  return <Segmented label={t('theme')} options={THEMES} value={settings.theme} onChange={(theme) => void update({ theme })} text={(theme) => t(KEYS[theme])} />
}
