import type { Api } from '../../../../shared/api'
import { type LocalDate, todayLocal } from '../../../../shared/dates'
import type { BlockProgress } from '../../../../shared/metrics/block'
import { defaultProtocol } from '../../../../shared/metrics/defaultProtocol'
import type { Result } from '../../../../shared/result'
import type { SessionSummary } from '../../../../shared/contract'
import type { Page } from '../../../../shared/domain'
import type { Protocol } from '../../../../shared/training'
import { askEarly } from '../../api/early'
import { LAST_SESSION_INPUT, likelyChoice, PROTOCOLS_INPUT } from '../../api/inputs'
import { loadTimer, standing } from '../timer/timerStore'

/** Whether the timer holds a finished (or stopped) session: the Log screen then opens filled from it. */
export function timerSessionToLog(): boolean {
  const saved = loadTimer()
  if (!saved || saved.events.length === 0) return false
  const status = standing(saved).status
  return status === 'done' || status === 'stopped'
}

/**
 * The protocol a new session starts from (`defaultProtocol`): the current block's, else the last block's, else
 * the next block's, else the last session's. The blocks and the last session may have failed to load.
 */
export function logChoice(
  protocols: readonly Protocol[],
  blocks: Result<BlockProgress[]>,
  last: Result<Page<SessionSummary>>,
  today: LocalDate
): Protocol | undefined {
  const choice = defaultProtocol({
    blocks: blocks.ok ? blocks.value.map((b) => b.block) : [],
    today,
    lastSessionProtocolId: (last.ok && last.value.items[0]?.protocolId) || null,
    protocols
  })
  return protocols.find((x) => x.id === choice?.protocolId)
}

/**
 * Asks for what the Log screen opens with as it opens (see api/early.ts): the protocols, and the session to edit
 * or, for a new one, the blocks and the last session, and the advice of the protocol it most likely starts from
 * (the one chosen last time); the chosen protocol's as soon as the answers that choose it are in, if another.
 */
export function askLogEarly(api: Pick<Api, 'advice' | 'blocks' | 'protocols' | 'sessions'>, sessionId?: number): void {
  const protocols = askEarly(api.protocols.list, PROTOCOLS_INPUT)
  if (sessionId !== undefined) {
    askEarly(api.sessions.get, { id: sessionId })
    return
  }
  if (timerSessionToLog()) return
  const today = todayLocal()
  const guess = likelyChoice()
  if (guess !== null) askEarly(api.advice.forProtocol, { protocolId: guess, today })
  const blocks = askEarly(api.blocks.list, { today })
  const last = askEarly(api.sessions.list, LAST_SESSION_INPUT)
  void Promise.all([protocols, blocks, last]).then(([p, b, l]) => {
    const chosen = p.ok ? logChoice(p.value, b, l, today) : undefined
    if (chosen && chosen.id !== guess) askEarly(api.advice.forProtocol, { protocolId: chosen.id, today })
  })
}
