import { DEFAULT_SETTINGS, type Settings } from '../../../shared/domain'
import { SETTING_SCHEMAS } from '../../../shared/schemas'
import type { Db } from '../connection'

export type SettingsRepo = ReturnType<typeof settingsRepo>

/** Settings are stored one JSON value per key; unknown keys, and values that are unreadable or fail their schema, fall back to the defaults. */
export function settingsRepo(db: Db) {
  const all = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings')
  const put = db.prepare<[string, string], never>(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'
  )
  return {
    get(): Settings {
      const out: Settings = { ...DEFAULT_SETTINGS }
      for (const { key, value } of all.all()) {
        if (!Object.hasOwn(SETTING_SCHEMAS, key)) continue
        try {
          const parsed = SETTING_SCHEMAS[key as keyof Settings].safeParse(JSON.parse(value))
          if (parsed.success) (out as unknown as Record<string, unknown>)[key] = parsed.data
        } catch {
          // A hand-edited, unreadable value keeps the default.
        }
      }
      return out
    },
    update(patch: Partial<Settings>): Settings {
      db.transaction(() => {
        for (const [key, value] of Object.entries(patch)) if (value !== undefined) put.run(key, JSON.stringify(value))
      })()
      return this.get()
    }
  }
}
