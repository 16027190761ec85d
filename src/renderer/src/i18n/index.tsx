/**
 * Languages in React: `useT(namespace)` gives `t` for that namespace (and any other as `ns:key`), re-rendering
 * when the language changes. `LanguageSync` applies the setting (or the system's language) and `<html lang>`.
 */
import { useLayoutEffect } from 'react'
import { I18nextProvider, useTranslation } from 'react-i18next'
import type { ReactNode } from 'react'
import { type Language, pickLanguage } from '../../../shared/i18n/languages'
import { i18n } from './instance'

export { i18n, tr, currentLanguage } from './instance'
export * from './format'

export function useT(ns = 'common') {
  const { t } = useTranslation(ns)
  return { t, lang: (i18n.language === 'zh-CN' ? 'zh-CN' : 'en') as Language }
}

/** The language of a runner who has not chosen one: the desktop app's locale, else the browser's languages. */
export function systemLanguage(desktopLocale: string | null | undefined): Language {
  const list = desktopLocale ? [desktopLocale] : typeof navigator !== 'undefined' ? navigator.languages : []
  return pickLanguage(list)
}

/** Switches the whole renderer to a language before the browser paints. */
export function useApplyLanguage(lang: Language): void {
  useLayoutEffect(() => {
    if (i18n.language !== lang) void i18n.changeLanguage(lang)
    document.documentElement.lang = lang
  }, [lang])
}

export function I18nProvider({ children }: { children: ReactNode }) {
  return <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
}
