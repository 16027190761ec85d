/**
 * Errors in the runner's language: the shared messages (the back end's errors, the schemas' and the notation's)
 * are worded from the `errors` catalogue by i18next, in the language shown; a key the catalogue lacks keeps the
 * English wording the message came with. A date among the parameters (`dateParam`) is written as the language
 * writes dates.
 */
import { isLocalDate } from '../../../shared/dates'
import { english, type Msg, paramsText, setWording } from '../../../shared/i18n/message'
import { formatDate } from './format'
import { i18n } from './instance'

function wordIn(m: Msg): string {
  const date = m.key === 'isoDate' ? m.params?.date : undefined
  if (typeof date === 'string' && isLocalDate(date)) return formatDate(date)
  const key = `errors:${m.key}`
  if (!i18n.exists(key)) return english(m)
  const out = i18n.t(key, paramsText(m.params, wordIn))
  return m.lower ? out.toLocaleLowerCase(i18n.language) : out
}

setWording(wordIn)

export { wordError } from '../../../shared/i18n/message'
