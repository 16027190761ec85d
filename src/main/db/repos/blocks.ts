import type { Block, BlockDraft } from '../../../shared/training'
import type { Db } from '../connection'
import { toCamel } from '../rows'

interface BlockRow {
  id: number
  uuid: string
  name: string
  start_date: string
  weeks: number
  sessions_per_week: number
  protocol_id: number | null
  protocol_name: string | null
  created_at: string
  updated_at: string
}

export type { BlockDraft }

const SELECT = `SELECT b.id, b.uuid, b.name, b.start_date, b.weeks, b.sessions_per_week, b.protocol_id, p.name AS protocol_name,
  b.created_at, b.updated_at FROM blocks b LEFT JOIN protocols p ON p.id = b.protocol_id`

export type BlocksRepo = ReturnType<typeof blocksRepo>

export function blocksRepo(db: Db, clock: () => Date = () => new Date()) {
  const s = {
    list: db.prepare<[], BlockRow>(`${SELECT} WHERE b.deleted_at IS NULL ORDER BY b.start_date`),
    get: db.prepare<[number], BlockRow>(`${SELECT} WHERE b.id = ? AND b.deleted_at IS NULL`),
    getDeleted: db.prepare<[number], BlockRow>(`${SELECT} WHERE b.id = ? AND b.deleted_at IS NOT NULL`),
    insert: db.prepare<[string, string, string, number, number, number | null, string, string], never>(
      `INSERT INTO blocks (uuid, name, start_date, weeks, sessions_per_week, protocol_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
    ),
    update: db.prepare<[string, string, number, number, number | null, string, number], never>(
      `UPDATE blocks SET name = ?, start_date = ?, weeks = ?, sessions_per_week = ?, protocol_id = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL`
    ),
    softDelete: db.prepare<[string, number], never>(`UPDATE blocks SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL`),
    restore: db.prepare<[string, number], never>(`UPDATE blocks SET deleted_at = NULL, updated_at = ? WHERE id = ? AND deleted_at IS NOT NULL`)
  }
  const toBlock = (r: BlockRow): Block => toCamel(r)

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
      const info = s.insert.run(uuid, d.name, d.startDate, d.weeks, d.sessionsPerWeek, d.protocolId, now, now)
      return this.get(Number(info.lastInsertRowid)) as Block
    },
    update(id: number, d: BlockDraft): Block | undefined {
      const changed = s.update.run(d.name, d.startDate, d.weeks, d.sessionsPerWeek, d.protocolId, clock().toISOString(), id).changes
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
