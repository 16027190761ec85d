import type { Api } from '../../../../shared/api'
import { type LocalDate, todayLocal } from '../../../../shared/dates'
import type { BlockProgress } from '../../../../shared/metrics/block'
import { defaultProtocol, type ProtocolChoice } from '../../../../shared/metrics/defaultProtocol'
import type { Result } from '../../../../shared/result'
import type { Protocol } from '../../../../shared/training'
import { askEarly } from '../../api/early'
import { LAST_SESSION_INPUT, likelyChoice, PROTOCOLS_INPUT, rememberChoice } from '../../api/inputs'
import { type RangeInput, rangeInput, type RangeState } from '../../charts/range'

/**
 * What the dashboard asks the back end for, in one place: the inputs of its loads and the choices that depend on
 * earlier answers (the protocol to show, the block to show), shared by its components and by `askDashboardEarly`,
 * which asks for all of it as the screen opens.
 */

/** The ranges the dashboard's charts open with. */
export const LOAD_RANGE: RangeState = { preset: '12w', from: '', to: '' }
export const WEIGHT_RANGE: RangeState = { preset: '3m', from: '', to: '' }
export const PROGRESS_RANGE: RangeState = { preset: 'all', from: '', to: '' }

/** A checked range as the back end's `{from, to}` (either may be absent). */
export function rangeDates(input: RangeInput): { from?: LocalDate; to?: LocalDate } {
  const from = input.ok ? input.from : undefined
  const to = input.ok ? input.to : undefined
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) }
}

/** The protocol the dashboard shows (the next-session card, the progression): `defaultProtocol` from the answers in. */
export function dashboardChoice(
  blocks: readonly BlockProgress[],
  lastSessionProtocolId: number | null,
  protocols: readonly Protocol[],
  today: LocalDate
): ProtocolChoice | null {
  return defaultProtocol({ blocks: blocks.map((p) => p.block), today, lastSessionProtocolId, protocols })
}

/**
 * The block running today, else the next one to start, else null: what `blocks/current` answers, read from the
 * list of blocks (in the same order, with the same progress), so the dashboard asks for one less.
 */
export function currentOf(blocks: readonly BlockProgress[]): BlockProgress | null {
  return blocks.find((p) => p.status === 'active') ?? blocks.find((p) => p.status === 'upcoming') ?? null
}

/** The block the volume chart shows first: the current one, else the latest that has started, else the first. */
export function defaultBlockOf(current: BlockProgress | null, blocks: readonly BlockProgress[] | null): number | null {
  const latest = blocks?.filter((p) => p.status !== 'upcoming').at(-1) ?? blocks?.[0]
  return current?.block.id ?? latest?.block.id ?? null
}

const valueOf = <T>(r: Result<T>): T | null => (r.ok ? r.value : null)

/** The protocol and the block the dashboard showed first the last time it opened (null: none, or not yet opened). */
const shownBefore: { protocolId: number | null; blockId: number | null } = { protocolId: null, blockId: null }

/**
 * Asks for everything the dashboard shows as it opens, before it is drawn: its own loads at once, with the
 * progression, sprint bests, advice and block volume of the protocol and block it showed first last time (most
 * likely the same again); and, when the answers they depend on choose another protocol or block, theirs as soon
 * as those answers are in. The components take these answers (`ask`) when they load the same thing (`api` is the
 * one they load through: an answer is known by its call). Resolves once every answer shown is in.
 */
export function askDashboardEarly(api: Pick<Api, 'advice' | 'blocks' | 'protocols' | 'sessions' | 'stats' | 'weights'>): Promise<unknown> {
  const today = todayLocal()
  const finished = askEarly(api.blocks.finished, { today })
  const blocks = askEarly(api.blocks.list, { today })
  const protocols = askEarly(api.protocols.list, PROTOCOLS_INPUT)
  const last = askEarly(api.sessions.list, LAST_SESSION_INPUT)
  const loadRange = rangeDates(rangeInput(LOAD_RANGE, today))
  const weekly = askEarly(api.stats.weeklyLoad, loadRange)
  const fitness = askEarly(api.stats.fitness, loadRange)
  const weights = askEarly(api.weights.daily, rangeDates(rangeInput(WEIGHT_RANGE, today)))
  const progressRange = rangeDates(rangeInput(PROGRESS_RANGE, today))
  const progressOf = (protocolId: number) =>
    Promise.all([askEarly(api.stats.protocolProgress, { protocolId, ...progressRange }), askEarly(api.stats.sprintBests, { protocolId })])
  const adviceOf = (protocolId: number) => askEarly(api.advice.forProtocol, { protocolId, today })
  const volumeOf = (blockId: number) => askEarly(api.stats.blockVolume, { blockId })
  // Last time's, asked for now: the back end works on them beside the rest instead of after.
  const guess = { ...shownBefore, advice: likelyChoice() }
  const guessed = {
    progress: guess.protocolId === null ? null : progressOf(guess.protocolId),
    advice: guess.advice === null ? null : adviceOf(guess.advice),
    volume: guess.blockId === null ? null : volumeOf(guess.blockId)
  }
  const protocol = Promise.all([blocks, last, protocols]).then(([b, l, p]) => {
    const list = valueOf(p)
    const choice = list && dashboardChoice(valueOf(b) ?? [], valueOf(l)?.items[0]?.protocolId ?? null, list, today)
    // The Log screen chooses alike: its next opening asks for this protocol's advice at once.
    if (list) rememberChoice(choice?.protocolId ?? null)
    const protocolId = choice?.protocolId ?? list?.[0]?.id ?? null
    shownBefore.protocolId = protocolId
    if (protocolId === null) return null
    return Promise.all([
      protocolId === guess.protocolId ? guessed.progress : progressOf(protocolId),
      !choice ? null : choice.protocolId === guess.advice ? guessed.advice : adviceOf(choice.protocolId)
    ])
  })
  const volume = blocks.then((b) => {
    const list = b.ok ? b.value : []
    const blockId = defaultBlockOf(currentOf(list), list)
    shownBefore.blockId = blockId
    if (blockId === null) return null
    return blockId === guess.blockId ? guessed.volume : volumeOf(blockId)
  })
  return Promise.all([finished, weekly, fitness, weights, protocol, volume])
}
