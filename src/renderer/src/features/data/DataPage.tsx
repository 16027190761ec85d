import { BackupsCard } from '../backups/BackupsCard'
import { ExportCard } from './ExportCard'
import { ImportCard } from './ImportCard'
import './data.css'

/** Data: the whole history as CSV files and back, and the backups. */
export function DataPage() {
  return (
    <div className="page data-page">
      <ExportCard />
      <ImportCard />
      <BackupsCard />
    </div>
  )
}
