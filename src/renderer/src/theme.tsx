import { useEffect } from 'react'
import { type Theme, THEMES } from '../../shared/theme'
import { useSettings } from './settings'

// The switch's words, in one place.
const TEXT = { label: 'Theme', system: 'System', light: 'Light', dark: 'Dark' } satisfies Record<'label' | Theme, string>

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
  return (
    <div className="segmented" role="radiogroup" aria-label={TEXT.label}>
      {THEMES.map((t) => (
        <button key={t} type="button" role="radio" aria-checked={settings.theme === t} className={settings.theme === t ? 'on' : ''} onClick={() => void update({ theme: t })}>
          {TEXT[t]}
        </button>
      ))}
    </div>
  )
}
