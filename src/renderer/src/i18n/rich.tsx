/**
 * A whole translated sentence with elements inside it (code, links): the message takes the elements as
 * arguments, each formatted as a marker that is then replaced by its element, so a sentence is never pieced
 * together from fragments and each language puts the elements where its word order needs them.
 */
import { Fragment, type ReactNode } from 'react'

const OPEN = '\uE000'
const CLOSE = '\uE001'

/**
 * `rich(t, 'hint', { example: <code>6x20s</code> })`: the message `hint` with `{example}` as that element.
 * Other arguments (strings, numbers) may be passed in `params`.
 */
export function rich(
  t: (key: string, params?: Record<string, unknown>) => string,
  key: string,
  nodes: Record<string, ReactNode>,
  params: Record<string, unknown> = {}
): ReactNode {
  const markers = Object.fromEntries(Object.keys(nodes).map((k) => [k, `${OPEN}${k}${CLOSE}`]))
  const text = t(key, { ...params, ...markers })
  const parts = text.split(new RegExp(`${OPEN}(\\w+)${CLOSE}`))
  return parts.map((part, i) => (i % 2 === 1 ? <Fragment key={i}>{nodes[part]}</Fragment> : part))
}
