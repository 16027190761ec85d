import type { DailyWeight, WeightEntry } from '../../../shared/domain'
import type { LocalDate } from '../../../shared/dates'
import type { Db } from '../connection'
import { selectList } from '../../../shared/fields'
import { WEIGHT_FIELDS } from '../../../shared/records'
import { fromDate, toDate } from '../rows'

/** Every field of an entry, named as the entry names it (no conversion needed: a weight has no booleans or JSON). */
const COLUMNS = selectList(WEIGHT_FIELDS, 'w')
const toEntry = (r: WeightEntry): WeightEntry => r

export interface DateRange {
  from?: LocalDate | undefined
  to?: LocalDate | undefined
}

export interface NewWeight {
  uuid: string
  date: LocalDate
  kg: number
  note: string
}

const LIVE_IN_RANGE = 'deleted_at IS NULL AND date BETWEEN ? AND ?'

/** The read queries the list and the chart run; exported so tests can check their query plans. */
export const WEIGHT_QUERIES = {
  list: `SELECT ${COLUMNS} FROM body_weights w WHERE ${LIVE_IN_RANGE} ORDER BY date DESC, id DESC LIMIT ? OFFSET ?`,
  count: `SELECT count(*) AS n FROM body_weights WHERE ${LIVE_IN_RANGE}`,
  daily: `SELECT date, avg(kg) AS kg, count(*) AS count FROM body_weights WHERE ${LIVE_IN_RANGE} GROUP BY date ORDER BY date`
} as const

export type WeightsRepo = ReturnType<typeof weightsRepo>

export function weightsRepo(db: Db, clock: () => Date = () => new Date()) {

  const s = {
    list: db.prepare<[string, string, number, number], WeightEntry>(WEIGHT_QUERIES.list),
    count: db.prepare<[string, string], { n: number }>(WEIGHT_QUERIES.count),
    daily: db.prepare<[string, string], DailyWeight>(WEIGHT_QUERIES.daily),
    get: db.prepare<[number], WeightEntry>(`SELECT ${COLUMNS} FROM body_weights w WHERE id = ? AND deleted_at IS NULL`),
    getDeleted: db.prepare<[number], WeightEntry>(`SELECT ${COLUMNS} FROM body_weights w WHERE id = ? AND deleted_at IS NOT NULL`),
    insert: db.prepare<[string, string, number, string, string, string], never>(
      `INSERT INTO body_weights (uuid, date, kg, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`
    ),
    update: db.prepare<[string, number, string, string, number], never>(
      `UPDATE body_weights SET date = ?, kg = ?, note = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL`
    ),
    softDelete: db.prepare<[string, number], never>(`UPDATE body_weights SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL`),
    restore: db.prepare<[string, number], never>(
      `UPDATE body_weights SET deleted_at = NULL, updated_at = ? WHERE id = ? AND deleted_at IS NOT NULL`
    )
  }

  return {
    list(range: DateRange, limit: number, offset: number): { items: WeightEntry[]; total: number } {
      const items = s.list.all(fromDate(range), toDate(range), limit, offset).map(toEntry)
      const total = s.count.get(fromDate(range), toDate(range))?.n ?? 0
      return { items, total }
    },
    /** Mean weight per day, oldest first. */
    daily(range: DateRange): DailyWeight[] {
      return s.daily.all(fromDate(range), toDate(range))
    },
    get(id: number): WeightEntry | undefined {
      const r = s.get.get(id)
      return r && toEntry(r)
    },
    insert(w: NewWeight): WeightEntry {
      const now = clock().toISOString()
      const info = s.insert.run(w.uuid, w.date, w.kg, w.note, now, now)
      return this.get(Number(info.lastInsertRowid)) as WeightEntry
    },
    /** Returns the updated entry, or undefined when there is no live entry with that id. */
    update(id: number, w: Omit<NewWeight, 'uuid'>): WeightEntry | undefined {
      const info = s.update.run(w.date, w.kg, w.note, clock().toISOString(), id)
      return info.changes === 1 ? this.get(id) : undefined
    },
    /** Marks the entry deleted (it can be restored); false when there is no live entry with that id. */
    softDelete(id: number): boolean {
      return s.softDelete.run(clock().toISOString(), id).changes === 1
    },
    restore(id: number): WeightEntry | undefined {
      if (!s.getDeleted.get(id)) return undefined
      s.restore.run(clock().toISOString(), id)
      return this.get(id)
    }
  }
}
