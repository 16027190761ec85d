/**
 * Messages as the back end and the shared code produce them: a key of the `errors` catalogue and its parameters,
 * worded by whoever shows them (the renderer in the runner's language; `english` for logs, tests and the CLI).
 * A parameter may itself be a message (a field's label, a reason inside a sentence); it is worded first.
 * Numbers are written as they are (`7200`), unless the catalogue asks for them as `{n, number}`.
 */
import { IntlMessageFormat } from 'intl-messageformat'
import en from './locales/en/errors.json' with { type: 'json' }

export type Param = string | number | Msg
export type Params = Record<string, Param>

export interface Msg {
  key: string
  params?: Params
  /** Worded in lower case (a label inside a sentence: `Expected work in seconds.`). */
  lower?: boolean
}

/** Anything that carries a message: its English wording and its key (an `AppError`, a `FieldIssue`, an import line). */
export interface Worded {
  message: string
  key?: string
  params?: Params
}

export const msg = (key: string, params?: Params): Msg => (params ? { key, params } : { key })

/** A calendar date (`YYYY-MM-DD`) as a parameter: written as it is in English for logs, in the runner's language by the renderer. */
export const dateParam = (date: string): Msg => ({ key: 'isoDate', params: { date } })

export const isMsg = (v: unknown): v is Msg => typeof v === 'object' && v !== null && typeof (v as Msg).key === 'string'

const EN = en as Record<string, string>
const compiled = new Map<string, IntlMessageFormat>()

/** Formats a catalogue's ICU message with the parameters already worded (numbers as written). */
export function formatIcu(message: string, locale: string, params: Record<string, string>): string {
  const id = `${locale}\u0000${message}`
  let f = compiled.get(id)
  if (!f) {
    f = new IntlMessageFormat(message, locale, undefined, { ignoreTag: true })
    compiled.set(id, f)
  }
  return String(f.format(params))
}

/** The parameters of `m` as text, each nested message worded by `word`. */
export function paramsText(params: Params | undefined, word: (m: Msg) => string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(params ?? {})) out[k] = isMsg(v) ? word(v) : String(v)
  return out
}

/** Words messages from a catalogue of `errors` in `locale` (a key the catalogue lacks is shown as itself). */
export function wording(catalogue: Record<string, string>, locale: string): (m: Msg) => string {
  const w = (m: Msg): string => {
    const text = catalogue[m.key]
    const out = text === undefined ? m.key : formatIcu(text, locale, paramsText(m.params, w))
    return m.lower ? out.toLocaleLowerCase(locale) : out
  }
  return w
}

/** The English wording of a message (its key itself when the catalogue lacks it, which a test prevents). */
export const english: (m: Msg) => string = wording(EN, 'en')

let current: (m: Msg) => string = english

/** How messages are worded where they are shown: English until the renderer sets the runner's language. */
export const word = (m: Msg): string => current(m)
export function setWording(fn: (m: Msg) => string): void {
  current = fn
}

/** A message or a plain English text (a detail from the system, such as SQLite's own words) as a message. */
export const asMsg = (m: Msg | string): Msg => (typeof m === 'string' ? { key: 'text', params: { text: m } } : m)

/** The message and its English wording, as the objects that carry it hold them. */
export function worded(m: Msg | string): { message: string; key: string; params?: Params } {
  const x = asMsg(m)
  return x.params ? { message: english(x), key: x.key, params: x.params } : { message: english(x), key: x.key }
}

/** The wording of something that carries a message, in the language shown; its English text for an unknown key. */
export function wordOf(w: Worded): string {
  if (!w.key || !(w.key in EN)) return w.message
  try {
    return word(w.params ? { key: w.key, params: w.params } : { key: w.key })
  } catch {
    // A message without the parameters its key needs (not made by `worded`): its English text as it came.
    return w.message
  }
}

// ---------------------------------------------------------------------------------------------------------------
// zod: a schema's message is its English wording, made by `zm`, which also notes the message it words, so that
// `issueMsg` finds the key and parameters of any issue the schemas raise (a zod issue carries a text only).

const byEnglish = new Map<string, Msg>()
/** Messages made while parsing (a list of unknown keys) are noted too; the table is emptied when it grows large. */
const MAX_NOTED = 10_000

/** The message a zod schema carries: its English wording, noted with its key and parameters. */
export function zm(key: string, params?: Params): string {
  const m = msg(key, params)
  const text = english(m)
  if (!byEnglish.has(text)) {
    if (byEnglish.size >= MAX_NOTED) byEnglish.clear()
    byEnglish.set(text, m)
  }
  return text
}

/** The message of a zod issue (or any English text a message was made from): its key and parameters, else the text itself. */
export function issueMsg(i: { message: string }): Msg {
  return byEnglish.get(i.message) ?? asMsg(i.message)
}

/** The message an object that carries one holds (a `FieldIssue`, a `CellIssue`, a `NotationError`). */
export const msgOf = (w: { key: string; params?: Params | undefined }): Msg => (w.params ? { key: w.key, params: w.params } : { key: w.key })

/** An error (or anything carrying a message) worded in the language shown; its English text for an unknown key. */
export const wordError = (w: Worded): string => wordOf(w)
