/// <reference types="vite/client" />
/**
 * The message catalogues: `locales/<language>/<namespace>.json`, flat keys, ICU message syntax (plurals, numbers,
 * selects). Every namespace exists in every language with exactly the same keys (tests/unit/i18n-catalogues.test.ts).
 */
import type { Language } from './languages'

export type Catalogue = Record<string, string>
export type Catalogues = Record<Language, Record<string, Catalogue>>

const files = import.meta.glob<Catalogue>('./locales/*/*.json', { eager: true, import: 'default' })

function collect(): Catalogues {
  const out: Record<string, Record<string, Catalogue>> = {}
  for (const [path, messages] of Object.entries(files)) {
    const m = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path)
    if (!m?.[1] || !m[2]) continue
    ;(out[m[1]] ??= {})[m[2]] = messages
  }
  return out as Catalogues
}

export const CATALOGUES: Catalogues = collect()
export const NAMESPACES: string[] = Object.keys(CATALOGUES.en ?? {}).sort()
