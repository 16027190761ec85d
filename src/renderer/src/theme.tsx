import { useEffect } from 'react'
import { type Theme, THEMES } from '../../shared/theme'
import { useT } from './i18n'
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
  const theme = loaded ? settings.theme : 'system'
  useEffect(() => {
    document.documentElement.dataset.theme = theme
  }, [theme])
}

/** System / Light / Dark, beside the other settings in the top bar; saved at once. */
export function ThemeSwitch() {
  const { settings, update } = useSettings()
  const { t } = useT()
  return (
    <div className="segmented" role="radiogroup" aria-label={t('theme')}>
      {THEMES.map((theme) => (
        <button
          key={theme}
          type="button"
          role="radio"
          aria-checked={settings.theme === theme}
          className={settings.theme === theme ? 'on' : ''}
          onClick={() => void update({ theme })}
        >
          {t(KEYS[theme])}
        </button>
      ))}
    </div>
  )
}
