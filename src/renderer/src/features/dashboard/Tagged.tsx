import { Fragment, type ReactNode } from 'react'

/**
 * A translated sentence with marked parts, `No weights in this range. <link>Add your weight</link> to see the
 * trend.`: each `<name>…</name>` is drawn by `tags[name]` (a link, a code span), the rest stays text.
 */
export function Tagged({ text, tags }: { text: string; tags: Record<string, (children: string) => ReactNode> }) {
  const out: ReactNode[] = []
  const re = /<(\w+)>(.*?)<\/\1>/gs
  let at = 0
  for (const m of text.matchAll(re)) {
    const draw = tags[m[1] ?? '']
    out.push(text.slice(at, m.index), draw ? draw(m[2] ?? '') : (m[2] ?? ''))
    at = m.index + m[0].length
  }
  out.push(text.slice(at))
  return out.map((part, i) => <Fragment key={i}>{part}</Fragment>)
}

/** A sentence whose `<link>…</link>` part links to `href`. */
export const Linked = ({ text, href }: { text: string; href: string }) => <Tagged text={text} tags={{ link: (c) => <a href={href}>{c}</a> }} />
