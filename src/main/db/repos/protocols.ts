import type { Protocol, ProtocolDraft, RepeatGroup, Terrain } from '../../../shared/training'
import type { Db } from '../connection'
import { toCamel } from '../rows'

interface ProtocolRow {
  id: number
  uuid: string
  name: string
  description: string
  source_note: string
  terrain: string
  groups_json: string
  built_in: number
  archived: number
  created_at: string
  updated_at: string
}

export type { ProtocolDraft }

const COLUMNS = 'id, uuid, name, description, source_note, terrain, groups_json, built_in, archived, created_at, updated_at'

function toProtocol(row: ProtocolRow): Protocol {
  const { groupsJson, builtIn, archived, terrain, ...rest } = toCamel(row)
  return { ...rest, terrain: terrain as Terrain, groups: JSON.parse(groupsJson) as RepeatGroup[], builtIn: builtIn === 1, archived: archived === 1 }
}

export type ProtocolsRepo = ReturnType<typeof protocolsRepo>

export function protocolsRepo(db: Db, clock: () => Date = () => new Date()) {
  const s = {
    list: db.prepare<[number], ProtocolRow>(
      `SELECT ${COLUMNS} FROM protocols WHERE archived = 0 OR ? = 1 ORDER BY built_in DESC, archived, name COLLATE NOCASE, id`
    ),
    get: db.prepare<[number], ProtocolRow>(`SELECT ${COLUMNS} FROM protocols WHERE id = ?`),
    names: db.prepare<[string, string], { name: string }>(`SELECT name FROM protocols WHERE name = ? OR name LIKE ? || ' (copy%'`),
    insert: db.prepare<[string, string, string, string, string, string, string, string], never>(
      `INSERT INTO protocols (uuid, name, description, source_note, terrain, groups_json, built_in, archived, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 0, 0, ?, ?)`
    ),
    update: db.prepare<[string, string, string, string, string, string, number], never>(
      `UPDATE protocols SET name = ?, description = ?, source_note = ?, terrain = ?, groups_json = ?, updated_at = ? WHERE id = ? AND built_in = 0`
    ),
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
      const info = s.insert.run(uuid, d.name, d.description, d.sourceNote, d.terrain, JSON.stringify(d.groups), now, now)
      return this.get(Number(info.lastInsertRowid)) as Protocol
    },
    /** Updates a user-made protocol; undefined when there is none with that id. */
    update(id: number, d: ProtocolDraft): Protocol | undefined {
      const changed = s.update.run(d.name, d.description, d.sourceNote, d.terrain, JSON.stringify(d.groups), clock().toISOString(), id).changes
      return changed === 1 ? this.get(id) : undefined
    },
    setArchived(id: number, archived: boolean): Protocol | undefined {
      return s.archive.run(archived ? 1 : 0, clock().toISOString(), id).changes === 1 ? this.get(id) : undefined
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
