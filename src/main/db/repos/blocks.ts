import type { Block, BlockDraft } from '../../../shared/training'
import type { Db } from '../connection'
import { insertSql, keysOf, selectList, sqlParams, updateSet } from '../../../shared/fields'
import { BLOCK_FIELDS } from '../../../shared/records'

export type { BlockDraft }

const SELECT = `SELECT ${selectList(BLOCK_FIELDS, 'b')} FROM blocks b LEFT JOIN protocols p ON p.id = b.protocol_id`
const INPUT = keysOf(BLOCK_FIELDS, 'input')

export type BlocksRepo = ReturnType<typeof blocksRepo>

export function blocksRepo(db: Db, clock: () => Date = () => new Date()) {
  const s = {
    list: db.prepare<[], Block>(`${SELECT} WHERE b.deleted_at IS NULL ORDER BY b.start_date`),
    get: db.prepare<[number], Block>(`${SELECT} WHERE b.id = ? AND b.deleted_at IS NULL`),
    getDeleted: db.prepare<[number], Block>(`${SELECT} WHERE b.id = ? AND b.deleted_at IS NOT NULL`),
    insert: db.prepare<[Record<string, unknown>], never>(insertSql('blocks', BLOCK_FIELDS, ['uuid', ...INPUT, 'createdAt', 'updatedAt'])),
    update: db.prepare<[Record<string, unknown>], never>(`UPDATE blocks SET ${updateSet(BLOCK_FIELDS, [...INPUT, 'updatedAt'])} WHERE id = @id AND deleted_at IS NULL`),
    softDelete: db.prepare<[string, number], never>(`UPDATE blocks SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL`),
    restore: db.prepare<[string, number], never>(`UPDATE blocks SET deleted_at = NULL, updated_at = ? WHERE id = ? AND deleted_at IS NOT NULL`)
  }
  const toBlock = (r: Block): Block => r

  return {
    list(): Block[] {
      return s.list.all().map(toBlock)
    },
    get(id: number): Block | undefined {
      const r = s.get.get(id)
      return r && toBlock(r)
    },
    getDeleted(id: number): Block | undefined {
      const r = s.getDeleted.get(id)
      return r && toBlock(r)
    },
    insert(uuid: string, d: BlockDraft): Block {
      const now = clock().toISOString()
      const info = s.insert.run(sqlParams(BLOCK_FIELDS, { ...d, uuid, createdAt: now, updatedAt: now }, ['uuid', ...INPUT, 'createdAt', 'updatedAt']))
      return this.get(Number(info.lastInsertRowid)) as Block
    },
    update(id: number, d: BlockDraft): Block | undefined {
      const changed = s.update.run({ ...sqlParams(BLOCK_FIELDS, { ...d, updatedAt: clock().toISOString() }, [...INPUT, 'updatedAt']), id }).changes
      return changed === 1 ? this.get(id) : undefined
    },
    softDelete(id: number): boolean {
      return s.softDelete.run(clock().toISOString(), id).changes === 1
    },
    restore(id: number): Block | undefined {
      return s.restore.run(clock().toISOString(), id).changes === 1 ? this.get(id) : undefined
    }
  }
}
