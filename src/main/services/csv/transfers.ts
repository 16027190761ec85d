/**
 * Files moving in and out of the back end for CSV export and import:
 * - files chosen for import (a desktop open dialog, or a web-mode upload), known to the renderer only by a
 *   random id, never by a path it could choose;
 * - web mode's temporary export files, offered for download once through a random, short-lived ticket.
 * Temporary files live in one private folder that `close()` removes.
 */
import { randomBytes } from 'node:crypto'
import { createWriteStream, mkdtempSync, rmSync, statfsSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { Transform, type Writable } from 'node:stream'
import type { ChosenFile } from '../../../shared/csv'

/** Room an upload leaves on the disk, so that the import after it (and the database's journal) can still write. */
export const UPLOAD_SPARE_BYTES = 64 * 1024 * 1024
/** How long a download ticket and a chosen file stay valid. */
export const TICKET_TTL_MS = 10 * 60 * 1000
export const FILE_TTL_MS = 60 * 60 * 1000

export interface KnownFile {
  path: string
  name: string
  size: number
  /** A temporary copy (an upload) that is deleted when released. */
  temp: boolean
  expires: number
}

export interface Download {
  path: string
  fileName: string
}

export class UploadTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`The file is larger than ${Math.round(limit / 1024 / 1024)} MB.`)
  }
}

/** The disk holding the temporary folder has no room for an upload: `needed` bytes (at least), `free` there. */
export class NoSpaceForUpload extends Error {
  constructor(
    readonly needed: number,
    readonly free: number
  ) {
    super(`There is no room for the file on the disk: it needs ${needed} bytes and ${free} are free.`)
  }
}

/** Bytes free for this process on the disk holding `dir`. */
export function freeBytes(dir: string): number {
  const s = statfsSync(dir)
  return s.bavail * s.bsize
}

export interface TransferDeps {
  /** Bytes free on the disk holding a folder (the real disk's by default). */
  freeBytes?: (dir: string) => number
  /** Opens a temporary file for writing (a real file by default). */
  writeFile?: (path: string) => Writable
}

export type Transfers = ReturnType<typeof createTransfers>

const randomId = () => randomBytes(24).toString('base64url')

/** A file name safe to show and to put in a Content-Disposition header. */
export function cleanFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const n = name.replace(/[\u0000-\u001f\u007f"\\/]/g, '_').trim().slice(0, 200)
  return n === '' ? 'file.csv' : n
}

export function createTransfers(now: () => number = Date.now, deps: TransferDeps = {}) {
  const free = deps.freeBytes ?? freeBytes
  const writeFile = deps.writeFile ?? ((path: string) => createWriteStream(path))
  let dir: string | null = null
  const files = new Map<string, KnownFile>()
  const downloads = new Map<string, Download & { expires: number }>()

  const tempDir = () => (dir ??= mkdtempSync(join(tmpdir(), 'sprintlog-transfers-')))
  const drop = (path: string) => void rm(path, { force: true }).catch(() => {})

  const prune = () => {
    const t = now()
    for (const [id, f] of files) if (f.expires < t) release(id)
    for (const [ticket, d] of downloads) {
      if (d.expires < t) {
        downloads.delete(ticket)
        drop(d.path)
      }
    }
  }
  const release = (fileId: string) => {
    const f = files.get(fileId)
    if (!f) return
    files.delete(fileId)
    if (f.temp) drop(f.path)
  }

  return {
    /** A fresh path in the private temporary folder. */
    tempPath(suffix = '.csv'): string {
      return join(tempDir(), `${randomId()}${suffix}`)
    },
    /** Registers a file the user chose; the renderer gets only the id. */
    addFile(path: string, name: string, size: number, temp: boolean): ChosenFile {
      prune()
      const fileId = randomId()
      files.set(fileId, { path, name: cleanFileName(name), size, temp, expires: now() + FILE_TTL_MS })
      return { fileId, name: cleanFileName(name), size }
    },
    file(fileId: string): KnownFile | undefined {
      const f = files.get(fileId)
      return f && f.expires >= now() ? f : undefined
    },
    release,
    /**
     * Streams an upload into a temporary file. There is no size limit but the disk: an upload whose declared size
     * (`declared`, from Content-Length) would not leave UPLOAD_SPARE_BYTES free is refused before a byte is
     * written, and one that fills the disk while it is written is removed; both as NoSpaceForUpload. `maxBytes`
     * caps it (tests and callers that want one), as UploadTooLarge.
     */
    async saveUpload(name: string, body: AsyncIterable<Buffer> | NodeJS.ReadableStream, opts: { declared?: number; maxBytes?: number } = {}): Promise<ChosenFile> {
      const maxBytes = opts.maxBytes ?? Infinity
      const path = this.tempPath('.upload')
      const room = () => Math.max(0, free(tempDir()) - UPLOAD_SPARE_BYTES)
      if (opts.declared !== undefined && opts.declared > room()) throw new NoSpaceForUpload(opts.declared, room())
      let size = 0
      const cap = new Transform({
        transform(chunk: Buffer, _enc, cb) {
          size += chunk.length
          if (size > maxBytes) cb(new UploadTooLarge(maxBytes))
          else cb(null, chunk)
        }
      })
      try {
        await pipeline(body as NodeJS.ReadableStream, cap, writeFile(path))
      } catch (e) {
        await rm(path, { force: true })
        if ((e as NodeJS.ErrnoException).code === 'ENOSPC') throw new NoSpaceForUpload(size, room())
        throw e
      }
      return this.addFile(path, name, size, true)
    },
    /** Offers a finished temporary file for one download; returns the ticket. */
    offerDownload(path: string, fileName: string): string {
      prune()
      const ticket = randomId()
      downloads.set(ticket, { path, fileName: cleanFileName(fileName), expires: now() + TICKET_TTL_MS })
      return ticket
    },
    /** The download for a ticket, which is then used up; undefined when unknown, used or expired. */
    takeDownload(ticket: string): Download | undefined {
      const d = downloads.get(ticket)
      if (!d) return undefined
      downloads.delete(ticket)
      if (d.expires < now()) {
        drop(d.path)
        return undefined
      }
      return { path: d.path, fileName: d.fileName }
    },
    /** Forgets an offered download and deletes its file (used when a download has been served). */
    discard(path: string): void {
      drop(path)
    },
    close(): void {
      files.clear()
      downloads.clear()
      if (dir) rmSync(dir, { recursive: true, force: true })
      dir = null
    }
  }
}
