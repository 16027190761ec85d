/** What more than one screen loads with: an answer asked for ahead (early.ts) is known by its call and input. */

/** Every protocol, archived ones too (a session or block may name one). */
export const PROTOCOLS_INPUT = { includeArchived: true }

/** The newest session. */
export const LAST_SESSION_INPUT = { limit: 1, offset: 0 }

/**
 * The protocol last chosen by `defaultProtocol` (by the Log screen or the dashboard, which choose alike): the one
 * a new session most likely starts from next time, whose advice the Log screen asks for as it opens (and again
 * for another protocol if the choice turns out otherwise).
 */
let likely: number | null = null

/** Keeps the protocol just chosen (null: none) for the next opening of the Log screen. */
export function rememberChoice(protocolId: number | null): void {
  likely = protocolId
}

export const likelyChoice = (): number | null => likely
