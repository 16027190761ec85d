import type { DataService } from '../../services/csv/service'
import type { Handlers } from '../router'

type DataChannel = Extract<keyof Handlers, `export/${string}` | `import/${string}`>

/** CSV export and import: thin wrappers over the data service (src/main/services/csv). */
export function dataHandlers(data: DataService): Pick<Handlers, DataChannel> {
  return {
    'export/start': ({ what, from, to }) => data.startExport({ what, from, to }),
    'export/status': ({ jobId }) => data.exportStatus(jobId),
    'export/cancel': ({ jobId }) => data.cancelExport(jobId),
    'import/chooseFile': () => data.chooseFiles(),
    'import/preview': ({ fileIds }) => data.startPreview(fileIds),
    'import/status': ({ previewId }) => data.importStatus(previewId),
    'import/commit': ({ previewId, choices }) => data.commit(previewId, choices),
    'import/cancel': ({ previewId }) => data.cancelImport(previewId)
  }
}
