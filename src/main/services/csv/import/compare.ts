/**
 * How the import tells whether a record of the files is the one in Sprintlog: field by field over the field tables'
 * input columns (COMPARED, db/repos/import.ts), so that a field added to a table is compared without a change here.
 * Computed columns (work time, duration, load …) follow from the inputs and are not compared; created_at and
 * updated_at are not a difference on their own. Plain functions.
 */
import { canonicalPlanJson, MAX_LISTED_CHANGES, MAX_LISTED_FIELDS, type ChangedRecord, type ChangeKind, type ImportChoices } from '../../../../shared/csv'
import type { Fields } from '../../../../shared/fields'
import type { RepeatGroup } from '../../../../shared/training'

/** A plan as the database would store it, so that the order of its keys is no difference. */
function planText(v: unknown): string | null {
  if (v === null || v === undefined) return null
  try {
    return canonicalPlanJson(v as RepeatGroup[])
  } catch {
    return JSON.stringify(v)
  }
}

/** Whether two values of a field are the same (null and undefined, false and 0 alike). */
function same(type: string, a: unknown, b: unknown): boolean {
  const x = a === undefined ? null : a
  const y = b === undefined ? null : b
  if (type === 'json') return planText(x) === planText(y)
  if (type === 'boolean') return Boolean(x) === Boolean(y)
  return x === y
}

/** The CSV columns of `keys` whose values differ between the file's record and Sprintlog's, in table order. */
export function differingColumns(fields: Fields, keys: readonly string[], file: Record<string, unknown>, here: Record<string, unknown>): string[] {
  const out: string[] = []
  for (const k of keys) {
    const f = fields[k]
    if (f && !same(f.type, file[k], here[k])) out.push(f.csv ?? k)
  }
  return out
}

/**
 * The records the preview lists as differing or deleted in Sprintlog: the first MAX_LISTED_CHANGES of each, with at
 * most MAX_LISTED_FIELDS columns each. What is counted, and kept for the commit, lives elsewhere (the scratch table).
 */
export function changeList() {
  const listed = new Map<string, ChangedRecord>()
  const room = { differs: MAX_LISTED_CHANGES, deleted: MAX_LISTED_CHANGES }
  const key = (kind: ChangeKind, uuid: string) => `${kind}:${uuid}`
  return {
    /** Notes that a record differs in these columns (added to what it already has). */
    differs(kind: ChangeKind, uuid: string, at: () => Omit<ChangedRecord, 'kind' | 'uuid' | 'state' | 'fields' | 'moreFields'>, columns: readonly string[]): void {
      let r = listed.get(key(kind, uuid))
      if (!r) {
        if (room.differs === 0) return
        room.differs--
        r = { kind, uuid, state: 'differs', fields: [], moreFields: 0, ...at() }
        listed.set(key(kind, uuid), r)
      }
      for (const c of columns) {
        if (r.fields.length < MAX_LISTED_FIELDS) r.fields.push(c)
        else r.moreFields++
      }
    },
    deleted(kind: ChangeKind, uuid: string, at: () => Omit<ChangedRecord, 'kind' | 'uuid' | 'state' | 'fields' | 'moreFields'>): void {
      if (room.deleted === 0 || listed.has(key(kind, uuid))) return
      room.deleted--
      listed.set(key(kind, uuid), { kind, uuid, state: 'deleted', fields: [], moreFields: 0, ...at() })
    },
    /** Forgets a record noted before (a session of a sessions file, once a reps file turns out to bring it). */
    drop(kind: ChangeKind, uuid: string): void {
      const r = listed.get(key(kind, uuid))
      if (!r) return
      listed.delete(key(kind, uuid))
      room[r.state]++
    },
    list: (): ChangedRecord[] => [...listed.values()]
  }
}

/** Whether the runner's choices take the file's version of a record in this state (differs) or restore it (deleted). */
export function chooser(choices: ImportChoices): (state: 'differs' | 'deleted', uuid: string) => boolean {
  const take = choices.differs.all === 'file'
  const notTake = new Set(choices.differs.except)
  const restore = choices.restore.all
  const notRestore = new Set(choices.restore.except)
  return (state, uuid) => (state === 'differs' ? take !== notTake.has(uuid) : restore !== notRestore.has(uuid))
}

/** The choices when the runner makes none: keep Sprintlog's version of everything, restore nothing. */
export const KEEP_ALL: ImportChoices = { differs: { all: 'keep', except: [] }, restore: { all: false, except: [] } }
