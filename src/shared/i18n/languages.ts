/** The languages Sprintlog speaks. The first is the fallback for a system language it does not speak. */
export const LANGUAGES = ['en', 'zh-CN'] as const
export type Language = (typeof LANGUAGES)[number]

/** Each language's own name, as its speakers write it (shown in the language switch). */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', 'zh-CN': '中文' }

/**
 * The language to speak for a list of preferred locales (BCP 47, best first: `navigator.languages`, or the
 * desktop's `app.getLocale()`): the first that is English or Chinese decides; any Chinese is Simplified Chinese,
 * the only Chinese Sprintlog has. Nothing matching → English.
 */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split(/[-_]/)[0]
    if (base === 'zh') return 'zh-CN'
    if (base === 'en') return 'en'
  }
  return 'en'
}

export const isLanguage = (v: unknown): v is Language => (LANGUAGES as readonly unknown[]).includes(v)
