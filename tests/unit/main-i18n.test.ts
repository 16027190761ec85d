import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CATALOGUES } from '../../src/shared/i18n/catalogues'
import { mainLanguage, mainText } from '../../src/main/i18n'

const root = join(__dirname, '../..')

describe('the desktop app’s own words', () => {
  it('words a dialog title in the runner’s language, with its arguments', () => {
    expect(mainText('en', { key: 'exportCsvAll', params: { count: 5 } })).toBe('Export everything to CSV (5 files, named after this one)')
    expect(mainText('zh-CN', { key: 'exportCsvAll', params: { count: 5 } })).toBe('全部导出为 CSV（5 个文件，以此名称命名）')
    expect(mainText('zh-CN', { key: 'backUp' })).toBe('备份 Sprintlog')
    expect(mainText('en', { key: 'noSuchKey' })).toBe('noSuchKey')
  })

  it('takes the setting first and the desktop’s locale while there is none', () => {
    expect(mainLanguage('en', 'zh-CN')).toBe('en')
    expect(mainLanguage(null, 'zh-CN')).toBe('zh-CN')
    expect(mainLanguage(null, 'de-DE')).toBe('en')
    expect(mainLanguage(undefined, undefined)).toBe('en')
  })

  it('has a message for every key the main process asks its dialogs for', () => {
    const files = ['src/main/index.ts', 'src/main/services/backups.ts', 'src/main/services/calendar.ts', 'src/main/services/csv/service.ts']
    const keys = files.flatMap((f) => [...readFileSync(join(root, f), 'utf8').matchAll(/\{ key: '(\w+)'/g)].map((m) => m[1] as string))
    expect(keys.length).toBeGreaterThanOrEqual(8)
    for (const k of keys) expect(Object.keys(CATALOGUES.en.main ?? {}), k).toContain(k)
  })
})
