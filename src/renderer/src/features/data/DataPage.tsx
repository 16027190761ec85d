import { ExportCard } from './ExportCard'
import { ImportCard } from './ImportCard'
import './data.css'

/** Export & import: the whole history as CSV files, and back. */
export function DataPage() {
  return (
    <div className="page data-page">
      <ExportCard />
      <ImportCard />
    </div>
  )
}
