/** Sprintlog's CSV files, defined once for export, import, the README and the tests (see columns.ts and cells.ts). */
export * from './columns'
export * from './cells'
export * from './status'
export * from './plain'
