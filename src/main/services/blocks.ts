/** Training-block rules: blocks may not overlap; progress is counted from the sessions logged in them. */
import { randomUUID } from 'node:crypto'
import { todayLocal, type LocalDate } from '../../shared/dates'
import { blockEnd, blockProgress, type BlockProgress, blockSessionDates, findOverlap, overlapMsg } from '../../shared/metrics/block'
import { blockSummary, type FinishedBlock, finishedBlockOn, nextBlockStart } from '../../shared/metrics/blockSummary'
import { carriedPlan } from '../../shared/metrics/progression'
import { DomainError, fieldIssue } from '../../shared/result'
import { notFound } from './found'
import type { Block } from '../../shared/training'
import type { Db } from '../db/connection'
import type { BlockDraft, BlocksRepo } from '../db/repos/blocks'
import type { ProtocolsRepo } from '../db/repos/protocols'
import type { SessionsRepo } from '../db/repos/sessions'
import type { SettingsRepo } from '../db/repos/settings'
import { assertProtocol } from './protocols'

export interface BlockDeps {
  db: Db
  blocks: BlocksRepo
  sessions: SessionsRepo
  protocols: ProtocolsRepo
}

function assertNoOverlap(blocks: BlocksRepo, d: Pick<BlockDraft, 'startDate' | 'weeks'>, selfId: number | null): void {
  const other = findOverlap(d, blocks.list(), selfId)
  if (other) {
    const message = overlapMsg(d, other)
    throw new DomainError('conflict', message, [fieldIssue('startDate', message)])
  }
}

export function createBlock(deps: BlockDeps, d: BlockDraft): Block {
  return deps.db.transaction(() => {
    assertProtocol(deps.protocols, d.protocolId)
    assertNoOverlap(deps.blocks, d, null)
    return deps.blocks.insert(randomUUID(), d)
  }).immediate()
}

export function updateBlock(deps: BlockDeps, id: number, d: BlockDraft): Block {
  return deps.db.transaction(() => {
    if (!deps.blocks.get(id)) throw notFound('training block', id)
    assertProtocol(deps.protocols, d.protocolId)
    assertNoOverlap(deps.blocks, d, id)
    return deps.blocks.update(id, d) as Block
  }).immediate()
}

export function restoreBlock(deps: BlockDeps, id: number): Block {
  return deps.db.transaction(() => {
    const deleted = deps.blocks.getDeleted(id)
    if (!deleted) throw new DomainError('not_found', { key: 'noDeletedBlock', params: { id: String(id) } })
    assertNoOverlap(deps.blocks, deleted, id)
    return deps.blocks.restore(id) as Block
  }).immediate()
}

/** Sessions of the block's protocol count against its plan (all sessions when it has none); the others apart. */
export function progressOf(deps: BlockDeps, block: Block, today: LocalDate): BlockProgress {
  return blockProgress(block, blockSessionDates(block, deps.sessions.blockSessions(block.startDate, blockEnd(block))), today)
}

export function listBlocks(deps: BlockDeps, today: LocalDate = todayLocal()): BlockProgress[] {
  return deps.blocks.list().map((b) => progressOf(deps, b, today))
}

/** The block running today, else the next one to start; null when there is neither. */
export function currentBlock(deps: BlockDeps, today: LocalDate = todayLocal()): BlockProgress | null {
  const blocks = deps.blocks.list()
  const active = blocks.find((b) => b.startDate <= today && blockEnd(b) >= today)
  const next = active ?? blocks.find((b) => b.startDate > today)
  return next ? progressOf(deps, next, today) : null
}

/**
 * The block the dashboard marks as finished on `today` (`finishedBlockOn`): what it came to, where the next block
 * would start, and the plan its protocol starts from next time; null when there is none or the runner dismissed it.
 */
export function finishedBlock(deps: BlockDeps & { settings: SettingsRepo }, today: LocalDate = todayLocal()): FinishedBlock | null {
  return deps.db.transaction(() => {
    const blocks = deps.blocks.list()
    const block = finishedBlockOn(blocks, today)
    if (!block || deps.settings.get().dismissedBlockSummary === block.uuid) return null
    const protocol = block.protocolId === null ? undefined : deps.protocols.get(block.protocolId)
    return {
      summary: blockSummary(block, deps.sessions.blockSessions(block.startDate, blockEnd(block))),
      next: nextBlockStart(block, blocks, today),
      upcoming: blocks.find((b) => b.startDate > today) ?? null,
      carried: protocol ? carriedPlan(protocol.groups, deps.sessions.recent(protocol.id, 3)) : null
    }
  })()
}

export function deleteBlock(deps: Pick<BlockDeps, 'blocks'>, id: number): { id: number } {
  if (!deps.blocks.softDelete(id)) throw notFound('training block', id)
  return { id }
}
