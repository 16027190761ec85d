import { Fragment, type ReactNode } from 'react'

/**
 * A whole translated sentence with links inside it: the message is worded with `{name}` left in place for each
 * link (`t('key', { log: '{log}' })`), and each `{name}` becomes its element, wherever the language puts it.
 */
export function withLinks(text: string, links: Record<string, ReactNode>): ReactNode[] {
  return text.split(/(\{\w+\})/).map((part, i) => {
    const name = /^\{(\w+)\}$/.exec(part)?.[1]
    return <Fragment key={i}>{name !== undefined && name in links ? links[name] : part}</Fragment>
  })
}
