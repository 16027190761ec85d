/**
 * Watch files read but not yet saved: their bytes and reading, kept in the main process between `watch/read` and
 * the save that attaches them (`sessions/create`, `watch/addWeights`), keyed by SHA-256. Bounded: at most
 * MAX_PENDING_FILES files and MAX_PENDING_BYTES bytes; the file read longest ago goes first.
 */
import type { WatchFileReading } from '../../shared/watch'

export const MAX_PENDING_FILES = 10
export const MAX_PENDING_BYTES = 200 * 1024 * 1024

export interface PendingFile {
  sha256: string
  fileName: string
  bytes: Uint8Array
  reading: WatchFileReading
  /** The time zone the file was read in (local dates of weight entries). */
  timeZone: string
}

export type PendingFiles = ReturnType<typeof pendingFiles>

export function pendingFiles(maxFiles = MAX_PENDING_FILES, maxBytes = MAX_PENDING_BYTES) {
  const files = new Map<string, PendingFile>()
  let bytes = 0
  const drop = (sha: string) => {
    const f = files.get(sha)
    if (!f) return
    bytes -= f.bytes.byteLength
    files.delete(sha)
  }
  return {
    put(f: PendingFile): void {
      drop(f.sha256)
      files.set(f.sha256, f)
      bytes += f.bytes.byteLength
      // A Map iterates in insertion order: the oldest first.
      for (const oldest of files.keys()) {
        if (files.size <= maxFiles && bytes <= maxBytes) break
        if (oldest === f.sha256) continue
        drop(oldest)
      }
    },
    get: (sha256: string): PendingFile | undefined => files.get(sha256),
    remove: drop,
    get size() {
      return files.size
    },
    get bytes() {
      return bytes
    }
  }
}
