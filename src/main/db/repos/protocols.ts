import { insertSql, keysOf, rowDecoder, selectList, sqlParams, updateSet } from '../../../shared/fields'
import { PROTOCOL_FIELDS } from '../../../shared/records'
import type { Protocol, ProtocolDraft } from '../../../shared/training'
import type { Db } from '../connection'

export type { ProtocolDraft }

const COLUMNS = selectList(PROTOCOL_FIELDS, 'p')
const INPUT = keysOf(PROTOCOL_FIELDS, 'input')
const toProtocol = rowDecoder<Protocol>(PROTOCOL_FIELDS)

export type ProtocolsRepo = ReturnType<typeof protocolsRepo>

export function protocolsRepo(db: Db, clock: () => Date = () => new Date()) {
  const s = {
    list: db.prepare<[number], Record<string, unknown>>(
      `SELECT ${COLUMNS} FROM protocols p WHERE archived = 0 OR ? = 1 ORDER BY built_in DESC, archived, name COLLATE NOCASE, id`
    ),
    get: db.prepare<[number], Record<string, unknown>>(`SELECT ${COLUMNS} FROM protocols p WHERE id = ?`),
    taken: db.prepare<[string, string], { name: string }>(`SELECT name FROM protocols WHERE name = ? OR name LIKE ? || ' (%'`),
    names: db.prepare<[string, string], { name: string }>(`SELECT name FROM protocols WHERE name = ? OR name LIKE ? || ' (copy%'`),
    insert: db.prepare<[Record<string, unknown>], never>(insertSql('protocols', PROTOCOL_FIELDS, ['uuid', ...INPUT, 'builtIn', 'archived', 'createdAt', 'updatedAt'])),
    update: db.prepare<[Record<string, unknown>], never>(`UPDATE protocols SET ${updateSet(PROTOCOL_FIELDS, [...INPUT, 'updatedAt'])} WHERE id = @id AND built_in = 0`),
    archive: db.prepare<[number, string, number], never>(`UPDATE protocols SET archived = ?, updated_at = ? WHERE id = ?`)
  }

  return {
    list(includeArchived: boolean): Protocol[] {
      return s.list.all(includeArchived ? 1 : 0).map(toProtocol)
    },
    get(id: number): Protocol | undefined {
      const r = s.get.get(id)
      return r && toProtocol(r)
    },
    insert(uuid: string, d: ProtocolDraft): Protocol {
      const now = clock().toISOString()
      const record = { ...d, uuid, builtIn: false, archived: false, createdAt: now, updatedAt: now }
      const info = s.insert.run(sqlParams(PROTOCOL_FIELDS, record, ['uuid', ...INPUT, 'builtIn', 'archived', 'createdAt', 'updatedAt']))
      return this.get(Number(info.lastInsertRowid)) as Protocol
    },
    /** Updates a user-made protocol; undefined when there is none with that id. */
    update(id: number, d: ProtocolDraft): Protocol | undefined {
      const changed = s.update.run({ ...sqlParams(PROTOCOL_FIELDS, { ...d, updatedAt: clock().toISOString() }, [...INPUT, 'updatedAt']), id }).changes
      return changed === 1 ? this.get(id) : undefined
    },
    setArchived(id: number, archived: boolean): Protocol | undefined {
      return s.archive.run(archived ? 1 : 0, clock().toISOString(), id).changes === 1 ? this.get(id) : undefined
    },
    /** `name` itself if no protocol has it, else `name (2)`, `name (3)`, … whichever is free. */
    freeName(name: string): string {
      const taken = new Set(s.taken.all(name, name).map((r) => r.name))
      for (let i = 1; ; i++) {
        const candidate = i === 1 ? name : `${name} (${i})`
        if (!taken.has(candidate)) return candidate.slice(0, 120)
      }
    },
    /** `Name (copy)`, `Name (copy 2)`, … whichever is free. */
    copyName(name: string): string {
      const taken = new Set(s.names.all(name, name).map((r) => r.name))
      for (let i = 1; ; i++) {
        const candidate = i === 1 ? `${name} (copy)` : `${name} (copy ${i})`
        if (!taken.has(candidate)) return candidate.slice(0, 120)
      }
    }
  }
}
