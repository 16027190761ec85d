import type { ReactNode } from 'react'
import { TableHead } from '../components/TableHead'

export interface Column<T> {
  label: string
  /** Right-aligned, tabular figures. */
  num?: boolean
  value: (row: T) => ReactNode
}

interface Props<T> {
  caption: string
  columns: Column<T>[]
  rows: readonly T[]
  rowKey: (row: T) => string | number
}

/** The numbers behind a chart, as a plain table (for screen readers, copying, and checking). */
export function DataTable<T>({ caption, columns, rows, rowKey }: Props<T>) {
  return (
    // A table wider or longer than its box scrolls inside it, so the keyboard can reach the box to scroll it
    // (the table inside names itself by its caption).
    <div className="table-wrap" tabIndex={0}>
      <table className="entries data-table">
        <caption className="sr-only">{caption}</caption>
        <TableHead columns={columns} />
        <tbody>
          {rows.map((r) => (
            <tr key={rowKey(r)}>
              {columns.map((c) => (
                <td key={c.label} className={c.num ? 'num' : undefined}>
                  {c.value(r)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
