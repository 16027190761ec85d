/** Database rows are snake_case; the rest of the app speaks camelCase. This is the one converter. */

type CamelCase<S extends string> = S extends `${infer H}_${infer T}` ? `${H}${Capitalize<CamelCase<T>>}` : S
export type Camel<R> = { [K in keyof R as K extends string ? CamelCase<K> : K]: R[K] }

const cache = new Map<string, string>()
function camel(key: string): string {
  let c = cache.get(key)
  if (c === undefined) {
    c = key.replace(/_([a-z0-9])/g, (_, ch: string) => ch.toUpperCase())
    cache.set(key, c)
  }
  return c
}

export function toCamel<R extends object>(row: R): Camel<R> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(row)) out[camel(k)] = v
  return out as Camel<R>
}

/** Stands in for a missing end of a date range: every stored date (YYYY-MM-DD) lies between the two. */
export const EARLIEST = '0000-00-00'
export const LATEST = '9999-99-99'

/** Open-ended ranges become the widest bounds, so one prepared statement serves every range. */
export const fromDate = (r: { from?: string | undefined }): string => r.from ?? EARLIEST
export const toDate = (r: { to?: string | undefined }): string => r.to ?? LATEST
