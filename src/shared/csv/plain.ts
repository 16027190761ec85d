/**
 * A quick reading of rep rows whose cells are written the plain way Sprintlog writes them, derived from the same
 * columns and field definitions as the general reader (`readRep` in cells.ts): a cell is taken only when it is
 * plainly valid for its field — a number in plain form within the field's bounds, one of an enum's words, `true` or
 * `false`, an empty cell where the field may be empty — and any other row gives null, for `readRep` to read and word
 * its problems. It never accepts a row `readRep` refuses and gives the same values (tests/unit/csv-plain.test.ts
 * holds it to that on random rows). Platform-free and stateless.
 */
import type { Rep } from '../training'
import { customHasPct, loadHasKind, rep as repSchema } from '../schemas'
import type { CsvColumn } from './columns'
import type { HeaderInfo, ImportedRep } from './cells'

/** What a plain cell reader returns for a cell it leaves to the general reader. */
const OTHER = Symbol('not plain')
type PlainCell = (raw: string) => unknown

const NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/

/** A reader for one column's plain cells, or null for a type this reader leaves to the general one. */
function plainCell(c: CsvColumn): PlainCell | null {
  const f = c.field
  const empty = c.nullable ? null : OTHER
  switch (c.type) {
    case 'number':
    case 'integer': {
      const integer = c.type === 'integer'
      const min = f.min ?? -Infinity
      const above = f.above ?? -Infinity
      const max = f.max ?? Infinity
      return (raw) => {
        if (raw === '') return empty
        if (!NUMBER.test(raw)) return OTHER
        const n = Number(raw)
        if (!Number.isFinite(n) || (integer && !Number.isSafeInteger(n))) return OTHER
        return n >= min && n > above && n <= max ? n : OTHER
      }
    }
    case 'enum': {
      const words = new Set(f.values ?? [])
      return (raw) => (words.has(raw) ? raw : raw === '' ? empty : OTHER)
    }
    case 'boolean':
      return (raw) => (raw === 'true' ? true : raw === 'false' ? false : OTHER)
    default:
      return null
  }
}

const REP_KEYS = Object.keys(repSchema.shape)

/**
 * The quick reader of a reps file's rep cells, for the file's header: null for a row it leaves to `readRep`. When
 * a rep field has no column this reader can take, every row goes to `readRep`.
 */
export function plainRepReader(header: HeaderInfo): (row: readonly string[]) => ImportedRep | null {
  const byKey = new Map(header.read.rep.map((c) => [c.column.key, c]))
  const readers: { key: string; index: number; read: PlainCell }[] = []
  for (const key of ['position', ...REP_KEYS]) {
    const c = byKey.get(key)
    const read = c ? plainCell(c.column) : null
    if (!c || c.index < 0 || read === null) return () => null
    readers.push({ key, index: c.index, read })
  }
  const [first, ...fields] = readers as [(typeof readers)[number], ...typeof readers]
  return (row) => {
    const position = first.read(row[first.index] ?? '')
    if (position === OTHER) return null
    const rep: Record<string, unknown> = {}
    for (const r of fields) {
      const raw = row[r.index]
      if (raw === undefined) return null
      const v = r.read(raw)
      if (v === OTHER) return null
      rep[r.key] = v
    }
    if (!customHasPct(rep as unknown as Rep) || !loadHasKind(rep as unknown as Rep)) return null
    return { position: position as number, rep: rep as unknown as Rep }
  }
}
