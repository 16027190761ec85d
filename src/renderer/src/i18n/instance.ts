/**
 * The renderer's i18next instance: ICU messages (plurals, numbers, selects) from the shared catalogues, all
 * loaded up front so that the first paint is already in the runner's language.
 */
import i18next, { type i18n as I18n } from 'i18next'
import ICU from 'i18next-icu'
import { CATALOGUES, NAMESPACES } from '../../../shared/i18n/catalogues'
import { type Language, LANGUAGES } from '../../../shared/i18n/languages'

export const i18n: I18n = i18next.createInstance()

void i18n.use(ICU).init({
  resources: CATALOGUES,
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  ns: NAMESPACES,
  defaultNS: 'common',
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false
})

/** The language the renderer speaks now. */
export const currentLanguage = (): Language => (i18n.language === 'zh-CN' ? 'zh-CN' : 'en')

/** A message of any namespace, outside React (`ns:key`); components use `useT` so that they follow a switch. */
export const tr = (key: string, params?: Record<string, unknown>): string => i18n.t(key, params ?? {})
