export interface Heading {
  label: string
  /** A column of numbers: right-aligned, tabular figures. */
  num?: boolean
  /** Read by screen readers only (a column of row actions). */
  hidden?: boolean
}

/** A table's column headings. */
export function TableHead({ columns }: { columns: readonly Heading[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c) => (
          <th key={c.label} scope="col" className={c.num ? 'num' : undefined}>
            {c.hidden ? <span className="sr-only">{c.label}</span> : c.label}
          </th>
        ))}
      </tr>
    </thead>
  )
}
