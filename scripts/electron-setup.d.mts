export type Found = { ok: true; path: string } | { ok: false; reason: string }
export const root: string
export const electronVersion: string
export function findElectron(): Found
export function installElectron(): Found
export function ensureElectronSqlite(): Found
