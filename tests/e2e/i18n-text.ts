import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** Every catalogue, read from the files: language → namespace → key → message. */
const ROOT = join(process.cwd(), 'src', 'shared', 'i18n', 'locales')
const CATALOGUES: Record<string, Record<string, Record<string, string>>> = Object.fromEntries(
  readdirSync(ROOT).map((lang) => [
    lang,
    Object.fromEntries(
      readdirSync(join(ROOT, lang))
        .filter((f) => f.endsWith('.json'))
        .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(join(ROOT, lang, f), 'utf8')) as Record<string, string>])
    )
  ])
)

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * A visible English text, or what the catalogues give in its place in another language (the messages of every key
 * whose English message it is), as an exact-match pattern: so a walk written with English names finds the same
 * control in any language, once its screen is translated and before.
 */
export function anyLanguage(english: string): RegExp {
  const words = new Set([english])
  for (const [ns, messages] of Object.entries(CATALOGUES.en ?? {})) {
    for (const [key, message] of Object.entries(messages)) {
      if (message !== english) continue
      for (const lang of Object.keys(CATALOGUES)) {
        const other = CATALOGUES[lang]?.[ns]?.[key]
        if (other) words.add(other)
      }
    }
  }
  return new RegExp(`^(${[...words].map(escape).join('|')})$`)
}
