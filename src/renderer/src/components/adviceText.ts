/**
 * The progression advice in the runner's language: the shared rule gives messages of the `advice` namespace with
 * their parameters (metrics/progression.ts `AdviceText`); dates are written as the language writes them.
 */
import type { AdviceParam, AdviceText } from '../../../shared/metrics/progression'
import { formatDate } from '../i18n/format'
import { tr } from '../i18n/instance'

/** One advice message as text: `Take more rest: 2m → 2m30s walk.` */
export function adviceText(m: AdviceText): string {
  const params: Record<string, string | number> = {}
  for (const [name, value] of Object.entries(m.params ?? {})) params[name] = param(value)
  return tr(`advice:${m.key}`, params)
}

function param(v: AdviceParam): string | number {
  if (typeof v === 'string' || typeof v === 'number') return v
  if ('date' in v) return formatDate(v.date)
  if ('list' in v) return v.list.map(adviceText).join(tr(v.join === 'and' ? 'advice:joinAnd' : 'advice:joinComma'))
  return adviceText(v)
}
