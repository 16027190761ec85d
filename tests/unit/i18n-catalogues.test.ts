import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import IntlMessageFormat from 'intl-messageformat'
import { describe, expect, it } from 'vitest'
import { CATALOGUES, NAMESPACES } from '../../src/shared/i18n/catalogues'
import { LANGUAGES, pickLanguage } from '../../src/shared/i18n/languages'

const dir = join(__dirname, '../../src/shared/i18n/locales')

/** The argument names an ICU message uses (plural/select arms included), and its tag names. */
function argumentsOf(message: string, locale: string): string[] {
  const names = new Set<string>()
  const walk = (nodes: unknown[]): void => {
    for (const n of nodes as { type: number; value?: string; options?: Record<string, { value: unknown[] }>; children?: unknown[] }[]) {
      if (n.type !== 0 && n.type !== 7 && n.value) names.add(`${n.type === 8 ? 'tag' : 'arg'}:${n.value}`)
      if (n.options) for (const o of Object.values(n.options)) walk(o.value)
      if (n.children) walk(n.children)
    }
  }
  walk(new IntlMessageFormat(message, locale, undefined, { ignoreTag: false }).getAst() as unknown[])
  return [...names].sort()
}

describe('message catalogues', () => {
  it('has every namespace as a file in every language', () => {
    for (const lang of LANGUAGES) {
      const files = readdirSync(join(dir, lang)).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort()
      expect(files, lang).toEqual(NAMESPACES)
    }
    expect(readdirSync(dir).sort()).toEqual([...LANGUAGES].sort())
  })

  it('has exactly the same keys in both languages, namespace by namespace', () => {
    for (const ns of NAMESPACES) {
      const en = Object.keys(CATALOGUES.en[ns] ?? {}).sort()
      const zh = Object.keys(CATALOGUES['zh-CN'][ns] ?? {}).sort()
      expect({ ns, missingInChinese: en.filter((k) => !zh.includes(k)), missingInEnglish: zh.filter((k) => !en.includes(k)) }).toEqual({ ns, missingInChinese: [], missingInEnglish: [] })
    }
  })

  it('has valid ICU messages with the same arguments in both languages, and no empty message', () => {
    for (const ns of NAMESPACES) {
      for (const [key, en] of Object.entries(CATALOGUES.en[ns] ?? {})) {
        const zh = CATALOGUES['zh-CN'][ns]?.[key] ?? ''
        expect(en.trim(), `${ns}:${key} (en)`).not.toBe('')
        expect(zh.trim(), `${ns}:${key} (zh-CN)`).not.toBe('')
        expect(argumentsOf(zh, 'zh-CN'), `${ns}:${key}`).toEqual(argumentsOf(en, 'en'))
      }
    }
  })

  it('keeps the files as plain UTF-8 JSON objects of strings', () => {
    for (const lang of LANGUAGES) {
      for (const f of readdirSync(join(dir, lang))) {
        const parsed: unknown = JSON.parse(readFileSync(join(dir, lang, f), 'utf8'))
        expect(Object.values(parsed as object).every((v) => typeof v === 'string'), `${lang}/${f}`).toBe(true)
      }
    }
  })
})

describe('pickLanguage', () => {
  it('speaks Chinese to any Chinese locale and English otherwise', () => {
    expect(pickLanguage(['zh-CN'])).toBe('zh-CN')
    expect(pickLanguage(['zh-Hans-SG', 'en-US'])).toBe('zh-CN')
    expect(pickLanguage(['zh_TW'])).toBe('zh-CN')
    expect(pickLanguage(['fr-FR', 'zh-CN', 'en'])).toBe('zh-CN')
    expect(pickLanguage(['de-DE', 'en-GB', 'zh-CN'])).toBe('en')
    expect(pickLanguage(['fr-FR'])).toBe('en')
    expect(pickLanguage([])).toBe('en')
  })
})
