/** Date-range bounds for the repositories' queries. (Column lists and row mapping derive from shared/records.ts.) */

/** Stands in for a missing end of a date range: every stored date (YYYY-MM-DD) lies between the two. */
export const EARLIEST = '0000-00-00'
export const LATEST = '9999-99-99'

/** Open-ended ranges become the widest bounds, so one prepared statement serves every range. */
export const fromDate = (r: { from?: string | undefined }): string => r.from ?? EARLIEST
export const toDate = (r: { to?: string | undefined }): string => r.to ?? LATEST
