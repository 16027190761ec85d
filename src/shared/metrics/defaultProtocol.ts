/**
 * The protocol the runner is most likely to do next, which the dashboard's next-session card and the Log screen
 * start from: the running block's protocol, else the last finished block's, else the next block's, else the
 * protocol of the last session. Only the running block, the one that ended last and the one that starts next are
 * asked; one that names no protocol, or one that is archived or gone, is passed over.
 */
import type { LocalDate } from '../dates'
import type { Block, Protocol } from '../training'
import { blockEnd } from './block'

export type ProtocolSource = 'current-block' | 'last-block' | 'next-block' | 'last-session'

export interface ProtocolChoice {
  protocolId: number
  source: ProtocolSource
  /** The block that chose it; null when the last session did. */
  block: Block | null
}

export interface ProtocolChoiceInput {
  blocks: readonly Block[]
  today: LocalDate
  /** The protocol of the newest session; null when it was free-form or there is none. */
  lastSessionProtocolId: number | null
  /** The protocols there are (archived ones included: they are passed over). */
  protocols: readonly Pick<Protocol, 'id' | 'archived'>[]
}

export function defaultProtocol({ blocks, today, lastSessionProtocolId, protocols }: ProtocolChoiceInput): ProtocolChoice | null {
  const usable = (id: number | null): id is number => id !== null && protocols.some((p) => p.id === id && !p.archived)
  let current: Block | undefined
  let last: Block | undefined
  let next: Block | undefined
  for (const b of blocks) {
    const end = blockEnd(b)
    if (b.startDate <= today && end >= today) current = b
    else if (end < today) {
      if (!last || end > blockEnd(last)) last = b
    } else if (!next || b.startDate < next.startDate) next = b
  }
  const candidates: [ProtocolSource, Block | undefined][] = [
    ['current-block', current],
    ['last-block', last],
    ['next-block', next]
  ]
  for (const [source, block] of candidates) {
    if (block && usable(block.protocolId)) return { protocolId: block.protocolId, source, block }
  }
  return usable(lastSessionProtocolId) ? { protocolId: lastSessionProtocolId, source: 'last-session', block: null } : null
}
