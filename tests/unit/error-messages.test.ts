/**
 * Errors as keys with parameters: every key the shared code and the back end can produce is in both catalogues
 * with the same placeholders, and real failures (a bad notation, a CSV line, a full disk, a bound of a field)
 * come out as a key and parameters, worded alike in English (the `message` kept for logs) and in Chinese.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import IntlMessageFormat from 'intl-messageformat'
import { describe, expect, it } from 'vitest'
import { createRouter, type Handlers } from '../../src/main/ipc/router'
import { readImport } from '../../src/main/services/csv/import'
import { NOT_FOUND } from '../../src/main/services/found'
import { KIND_KEY } from '../../src/shared/csv/cells'
import { HEADERS } from '../../src/shared/csv'
import { labelKey } from '../../src/shared/fields'
import en from '../../src/shared/i18n/locales/en/errors.json'
import zh from '../../src/shared/i18n/locales/zh-CN/errors.json'
import main from '../../src/shared/i18n/locales/en/main.json'
import { english, issueMsg, type Msg, msgOf, wording } from '../../src/shared/i18n/message'
import { parseNotation } from '../../src/shared/notation'
import { REPEAT_GROUP_FIELDS, TABLES } from '../../src/shared/records'
import { weightFields } from '../../src/shared/schemas'
import { importRepo } from '../../src/main/db/repos/import'
import { openDatabase } from '../../src/main/db/connection'
import { CATALOGUES } from '../../src/shared/i18n/catalogues'
import { useTempDir } from '../helpers/tmp'

const EN = en as Record<string, string>
const ZH = zh as Record<string, string>
const MAIN = main as Record<string, string>
const chinese = wording(ZH, 'zh-CN')
const tmp = useTempDir()

const root = join(__dirname, '../../src')
const ADVICE_SOURCE = join(root, 'shared/metrics/progression.ts')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return name === 'watch' ? [] : sourceFiles(path)
    // The progression advice makes messages of its own catalogue (`advice`), checked below.
    return /\.tsx?$/.test(name) && path !== ADVICE_SOURCE ? [path] : []
  })
}

/**
 * The keys written in the shared code and the back end: the string literals where a message is made (`key: …`,
 * `zm(…)`, `throwAt(…)`, a CSV cell's `problem(…)`), the comparisons inside a choice of key left out.
 */
const made = /(?:\bkey: |\bzm\(|\bmsg\(|\bthrowAt\(|\bproblem\()((?:[^,(){}]|\([^()]*\))*)/g

function keysInSource(): Set<string> {
  const keys = new Set<string>()
  for (const file of [...sourceFiles(join(root, 'shared')), ...sourceFiles(join(root, 'main'))]) {
    const text = readFileSync(file, 'utf8')
    for (const m of text.matchAll(made)) {
      const expr = (m[1] as string).replace(/[!=]== '[^']*'/g, '')
      for (const lit of expr.matchAll(/'([a-z][A-Za-z0-9]*)'/g)) keys.add(lit[1] as string)
    }
  }
  for (const fields of [...Object.values(TABLES), REPEAT_GROUP_FIELDS]) for (const f of Object.values(fields)) keys.add(labelKey(f.label))
  for (const k of [...Object.values(KIND_KEY), ...Object.values(NOT_FOUND)]) keys.add(k)
  return keys
}

/** The arguments an ICU message uses (plural arms included). */
function argumentsOf(message: string, locale: string): string[] {
  const names = new Set<string>()
  const walk = (nodes: unknown[]): void => {
    for (const n of nodes as { type: number; value?: string; options?: Record<string, { value: unknown[] }> }[]) {
      if (n.type !== 0 && n.type !== 7 && n.value) names.add(n.value)
      if (n.options) for (const o of Object.values(n.options)) walk(o.value)
    }
  }
  walk(new IntlMessageFormat(message, locale, undefined, { ignoreTag: true }).getAst() as unknown[])
  return [...names].sort()
}

describe('the errors catalogue', () => {
  it('has every key the shared code and the back end produce, in both languages', () => {
    // The desktop dialogs' titles are messages of the main process's own catalogue (tests/unit/main-i18n.test.ts).
    const keys = [...keysInSource()].filter((k) => !(k in MAIN))
    expect(keys.length).toBeGreaterThan(250)
    expect(keys.filter((k) => !(k in EN)), 'missing in en').toEqual([])
    expect(keys.filter((k) => !(k in ZH)), 'missing in zh-CN').toEqual([])
  })

  it('leaves the progression advice to its own catalogue, which has every key it makes', () => {
    const keys = new Set<string>()
    for (const m of readFileSync(ADVICE_SOURCE, 'utf8').matchAll(made)) {
      const expr = (m[1] as string).replace(/[!=]== '[^']*'/g, '')
      for (const lit of expr.matchAll(/'([a-z][A-Za-z0-9]*)'/g)) keys.add(lit[1] as string)
    }
    expect(keys.size).toBeGreaterThan(10)
    for (const lang of ['en', 'zh-CN'] as const) expect([...keys].filter((k) => !(k in (CATALOGUES[lang].advice ?? {}))), lang).toEqual([])
  })

  it('has the same keys and the same placeholders in English and Chinese', () => {
    expect(Object.keys(ZH).sort()).toEqual(Object.keys(EN).sort())
    for (const [key, text] of Object.entries(EN)) expect(argumentsOf(ZH[key] ?? '', 'zh-CN'), key).toEqual(argumentsOf(text, 'en'))
  })

  it('is written in Chinese, not copied from English', () => {
    const copied = Object.entries(ZH).filter(([k, v]) => v === EN[k] && !/^\{\w+\}$/.test(v) && !/^field(RPE)$/.test(k))
    expect(copied.map(([k]) => k)).toEqual([])
  })
})

describe('real failures as keys and parameters', () => {
  it('a bad notation', () => {
    const r = parseNotation('6x20s @max / 2m walk + 0x30s / 1m jog')
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error).toMatchObject({ key: 'notationCountRange', params: { max: '50', count: '0' } })
    expect(english(msgOf(r.error))).toBe(r.error.message)
    expect(r.error.message).toBe('The number of reps must be 1 to 50, not 0.')
    expect(chinese(msgOf(r.error))).toBe('次数必须是 1 到 50，而不是 0。')
  })

  it('a load without its unit, named by its own parameters', () => {
    const r = parseNotation('4x30s +10 vest / 2m walk')
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error).toMatchObject({ key: 'notationLoadUnit', params: { amount: '10', kind: 'vest' }, message: 'Give the load a unit: +10kg vest (or lb).' })
    expect(chinese(msgOf(r.error))).toBe('请给负重加上单位：+10kg vest（或 lb）。')
  })

  it('a zod minimum, with the field’s label as a message of its own', () => {
    const parsed = weightFields.safeParse({ date: '2026-11-22', kg: 5, note: '' })
    expect(parsed.success).toBe(false)
    const issue = parsed.error?.issues[0]
    expect(issue?.message).toBe('A body weight must be at least 20 kg.')
    const m = issueMsg(issue as { message: string })
    expect(m).toEqual({ key: 'atLeast', params: { label: { key: 'fieldABodyWeight' }, min: '20', unit: ' kg' } })
    expect(english(m)).toBe('A body weight must be at least 20 kg.')
    expect(chinese(m)).toBe('体重至少为 20 kg。')
  })

  it('a field’s label in lower case inside a sentence, in English', () => {
    const m = issueMsg({ message: 'Expected work in seconds.' })
    expect(m).toEqual({ key: 'expectedSeconds', params: { label: { key: 'fieldWork', lower: true } } })
    expect(chinese(m)).toBe('运动时长应为以秒计的数字。')
  })

  it('the router’s invalid input carries the issue’s key inside its own', async () => {
    const router = createRouter({} as Handlers, () => {})
    const r = await router.call('weights/add', { date: '2026-11-22', kg: 5 })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error).toMatchObject({ code: 'invalid_input', key: 'invalidInputAt', issues: [{ path: 'kg', key: 'atLeast', message: 'A body weight must be at least 20 kg.' }] })
    expect(english(msgOf(r.error))).toBe(r.error.message)
    expect(chinese(msgOf(r.error))).toBe('weights/add 的输入无效。kg：体重至少为 20 kg。')
  })

  it('a CSV line error, with its line and column', async () => {
    const dir = tmp()
    const db = (await openDatabase({ path: join(dir, 'sprintlog.db') })).db
    try {
      const header = HEADERS.weights
      const row = header.map((c) => (c === 'weight_uuid' ? '0a1b2c3d-0000-4000-8000-000000000001' : c === 'date' ? '2026-11-22' : c === 'weight_kg' ? '"72,5"' : ''))
      const path = join(dir, 'weights.csv')
      writeFileSync(path, `${header.join(',')}\n${row.join(',')}\n`)
      const plan = await readImport([{ name: 'weights.csv', path }], importRepo(db))
      const error = plan.preview.errors[0]
      expect(error).toMatchObject({ file: 'weights.csv', line: 2, column: 'weight_kg', key: 'csvDecimalComma', params: { text: '“72,5”' } })
      expect(error?.message).toBe('“72,5” is not a number (decimal commas are read only in files separated by “;”).')
      expect(chinese(msgOf(error as { key: string }))).toBe('“72,5” 不是数字（只有以“;”分隔的文件才读取小数逗号）。')
      plan.release()
    } finally {
      db.close()
    }
  })

  it('a write onto a full disk', async () => {
    const db = new Database(':memory:')
    db.exec('CREATE TABLE t (x BLOB)')
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`)
    const router = createRouter({ 'weights/add': () => db.prepare('INSERT INTO t VALUES (?)').run(Buffer.alloc(1 << 20)) } as unknown as Handlers, () => {}, {
      dbPath: '/data/sprintlog.db'
    })
    const r = await router.call('weights/add', { date: '2026-11-22', kg: 70 })
    db.close()
    expect(r).toEqual({ ok: false, error: { code: 'disk_full', key: 'diskFull', message: 'The disk is full: Sprintlog saved nothing. Free some space and try again.' } })
    if (r.ok) return
    expect(chinese(msgOf(r.error))).toBe('磁盘已满：Sprintlog 什么也没有保存。请腾出一些空间后重试。')
  })

  it('a message the catalogue lacks keeps its English text', () => {
    const m: Msg = { key: 'text', params: { text: 'Something SQLite said.' } }
    expect(english(m)).toBe('Something SQLite said.')
    expect(chinese(m)).toBe('Something SQLite said.')
  })
})
