/**
 * Reading Sprintlog CSV files back, in two passes: `readImport` (preview.ts) reads and checks every row and plans
 * what would be added, keeping no rows; `commitImport` (commit.ts) reads the files again and writes the plan in one
 * transaction, if their bytes are still those previewed.
 */
export { readImport } from './preview'
export { commitImport, FileChanged, RecordChanged, type CommitResult } from './commit'
export { KEEP_ALL } from './compare'
export type { ImportRun } from './run'
export { startImportRun } from './offThread'
export { detectDelimiter } from './files'
export type { ImportPlan, ImportSource, ReadFile, ReadOptions } from './plan'
export type { CsvKind } from '../../../../shared/csv'
