/**
 * One import from its preview to its commit, as the data service drives it: `runHere` runs both passes on the
 * calling thread, with the connection it is given; offThread.ts runs the same in a worker thread with a connection
 * of its own, so that neither pass holds up the back end.
 */
import type { ChangeCounts, ImportChoices, ImportPreview } from '../../../../shared/csv'
import { msg } from '../../../../shared/i18n/message'
import { DomainError } from '../../../../shared/result'
import type { Db } from '../../../db/connection'
import type { ImportRepo } from '../../../db/repos/import'
import { commitImport, type CommitResult } from './commit'
import type { ImportPlan, ImportSource } from './plan'
import { readImport } from './preview'

export interface ImportRun {
  /** The preview, once the files are read; rejects when they cannot be read at all. */
  readonly preview: Promise<ImportPreview>
  /**
   * Writes the previewed import in one transaction, as the runner chose; rejects with a DomainError (or the database's
   * error), and then nothing is written and the preview stays, to be committed again.
   */
  commit(choices: ImportChoices, onBytes?: (bytes: number, total: number) => void): Promise<CommitResult>
  /** Lets go of the run: stops reading the files, if it still is, and drops what the preview kept. */
  release(): void
}

export interface RunOptions {
  /** Called as the preview reads the files, with the bytes read so far over all files. */
  onBytes?: (bytes: number) => void
}

const sum = (c: ChangeCounts) => c.sessions + c.weights + c.protocols + c.blocks
const unique = (l: readonly string[]) => new Set(l).size

/**
 * Refuses a commit that cannot go ahead, before anything is written: a preview with errors or nothing to add, choices
 * naming records that are not among those that differ (or were deleted) in Sprintlog, and choices that write nothing.
 */
export function checkCommit(plan: ImportPlan, choices: ImportChoices): void {
  const { preview, changed } = plan
  if (!preview.canImport) throw new DomainError('invalid_input', { key: preview.errorCount > 0 ? 'importHasErrors' : 'nothingNew' })
  const stateOf = (uuid: string) =>
    changed.session(uuid)?.state ?? changed.sessionRow(uuid)?.state ?? changed.weight(uuid)?.state ?? changed.protocols.get(uuid)?.state ?? changed.blocks.get(uuid)?.state
  for (const [list, state] of [
    [choices.differs.except, 'differs'],
    [choices.restore.except, 'deleted']
  ] as const) {
    const stray = list.find((uuid) => stateOf(uuid) !== state)
    if (stray !== undefined) throw new DomainError('invalid_input', { key: state === 'differs' ? 'strayDiffers' : 'strayDeleted', params: { uuid: stray } })
  }
  const taken = choices.differs.all === 'file' ? sum(preview.differs) - unique(choices.differs.except) : unique(choices.differs.except)
  const restoring = choices.restore.all ? sum(preview.deletedHere) - unique(choices.restore.except) : unique(choices.restore.except)
  const { toAdd } = preview
  if (toAdd.sessions + toAdd.weights + toAdd.protocols + toAdd.blocks + taken + restoring === 0) throw new DomainError('invalid_input', msg('nothingToImport'))
}

/** Both passes of an import on this thread, with `db` (the commit's connection) and `repo` (its statements). */
export function runHere(sources: readonly ImportSource[], db: Db, repo: ImportRepo, opts: RunOptions = {}): ImportRun {
  const controller = new AbortController()
  let plan: ImportPlan | null = null
  let released = false
  const preview = readImport(sources, repo, { signal: controller.signal, ...(opts.onBytes ? { onBytes: opts.onBytes } : {}) }).then((p) => {
    if (released) {
      p.release()
      throw new DomainError('conflict', msg('noPreview'))
    }
    plan = p
    return p.preview
  })
  // A run released before its preview is read is not waited for.
  preview.catch(() => {})
  return {
    preview,
    commit(choices, onBytes) {
      try {
        if (!plan) throw new DomainError('conflict', msg('previewNotReady'))
        checkCommit(plan, choices)
        const result = commitImport(db, repo, plan, choices, onBytes)
        plan.release()
        plan = null
        released = true
        return Promise.resolve(result)
      } catch (e) {
        return Promise.reject(e instanceof Error ? e : new Error(String(e)))
      }
    },
    release() {
      if (released) return
      released = true
      controller.abort()
      plan?.release()
      plan = null
    }
  }
}
