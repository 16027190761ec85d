/**
 * The desktop app's own words (native dialog titles and file types) in the runner's language: the setting
 * `language`, or the desktop's locale while none is chosen. Messages are in the `main` namespace of the shared
 * catalogues, formatted with ICU like the renderer's.
 */
import IntlMessageFormat from 'intl-messageformat'
import { CATALOGUES } from '../shared/i18n/catalogues'
import { type Language, pickLanguage } from '../shared/i18n/languages'

/** A message of the `main` namespace and its arguments, worded where the language is known. */
export interface MainMessage {
  key: string
  params?: Record<string, string | number>
}

/** The language to word the desktop's dialogs in: the runner's choice, else the system's. */
export function mainLanguage(setting: Language | null | undefined, locale: string | null | undefined): Language {
  return setting ?? pickLanguage(locale ? [locale] : [])
}

/** A `main` message in `lang` (English when the language lacks it; the key itself when no language has it). */
export function mainText(lang: Language, m: MainMessage): string {
  const source = CATALOGUES[lang]?.main?.[m.key] ?? CATALOGUES.en?.main?.[m.key]
  if (source === undefined) return m.key
  return String(new IntlMessageFormat(source, lang).format(m.params ?? {}))
}
