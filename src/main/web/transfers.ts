/**
 * Web mode's file transfers for CSV import and export (and the calendar export's .ics file), beside the JSON API (whose bodies are capped at 1 MiB):
 * - `POST /upload?name=FILE` streams a file for import into a private temporary folder (token required; any
 *   size the disk has room for, said plainly when it has not) and answers `{ ok: true, value: { fileId, name, size } }`;
 * - `GET /download/TICKET` sends a finished export once. The ticket is random, single-use and short-lived, and is
 *   handed out only through the token-protected API; a browser download cannot send the token header itself.
 * The server's Host and Origin checks run before either.
 */
import { createReadStream, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { fail, ok, type Result } from '../../shared/result'
import { cleanFileName, NoSpaceForUpload, type Transfers, UploadTooLarge } from '../services/csv/transfers'

export interface TransferContext {
  transfers: Transfers
  tokenOk: () => boolean
  headers: Record<string, string>
  maxUploadBytes?: number
}

const TICKET = /^\/download\/([A-Za-z0-9_-]{16,64})$/

/** The type a download is sent as, by its file name: CSV exports, the calendar export and watch workouts. */
function contentType(fileName: string): string {
  const name = fileName.toLowerCase()
  if (name.endsWith('.fit')) return 'application/vnd.ant.fit'
  return name.endsWith('.ics') ? 'text/calendar; charset=utf-8' : 'text/csv; charset=utf-8'
}

/** Handles `/upload` and `/download/…`; false for any other path. */
export function handleTransfer(req: IncomingMessage, res: ServerResponse, url: URL, ctx: TransferContext): boolean {
  if (url.pathname === '/upload') {
    upload(req, res, url, ctx).catch((e: unknown) => {
      console.error('Upload failed', e)
      if (!res.headersSent) json(res, 500, ctx, fail('internal', { key: 'uploadFailed' }))
      else res.destroy()
    })
    return true
  }
  if (url.pathname.startsWith('/download/')) {
    download(req, res, url, ctx)
    return true
  }
  return false
}

function json(res: ServerResponse, status: number, ctx: TransferContext, body: Result<unknown>, then?: () => void): void {
  res.writeHead(status, { ...ctx.headers, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...(then ? { Connection: 'close' } : {}) })
  res.end(JSON.stringify(body), then)
}

async function upload(req: IncomingMessage, res: ServerResponse, url: URL, ctx: TransferContext): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST')
    return json(res, 405, ctx, fail('invalid_input', { key: 'uploadPostOnly' }))
  }
  if (!ctx.tokenOk()) return json(res, 401, ctx, fail('forbidden', { key: 'webToken' }))
  const max = ctx.maxUploadBytes ?? Infinity
  const length = req.headers['content-length']
  const declared = length === undefined ? undefined : Number(length)
  const tooLarge = () => fail('invalid_input', { key: 'uploadTooLarge', params: { mb: String(Math.round(max / 1024 / 1024)) } })
  const name = cleanFileName(url.searchParams.get('name') ?? 'upload.csv')
  // Refused at once, the connection dropped rather than hundreds of megabytes read for nothing.
  if (declared !== undefined && declared > max) return json(res, 413, ctx, tooLarge(), () => req.destroy())
  try {
    const file = await ctx.transfers.saveUpload(name, req, { maxBytes: max, ...(declared !== undefined && Number.isFinite(declared) ? { declared } : {}) })
    json(res, 200, ctx, ok(file))
  } catch (e) {
    if (e instanceof UploadTooLarge) return json(res, 413, ctx, tooLarge(), () => req.destroy())
    if (e instanceof NoSpaceForUpload) {
      const mb = (n: number) => String(Math.max(1, Math.ceil(n / 1024 / 1024)))
      return json(res, 507, ctx, fail('disk_full', { key: 'uploadNoSpace', params: { file: name, needed: mb(e.needed), free: mb(e.free) } }), () => req.destroy())
    }
    throw e
  }
}

function download(req: IncomingMessage, res: ServerResponse, url: URL, ctx: TransferContext): void {
  if (req.method !== 'GET') {
    res.writeHead(405, { ...ctx.headers, Allow: 'GET' })
    res.end()
    return
  }
  const m = TICKET.exec(url.pathname)
  const d = m?.[1] ? ctx.transfers.takeDownload(m[1]) : undefined
  let size: number | undefined
  try {
    size = d ? statSync(d.path).size : undefined
  } catch {
    size = undefined
  }
  if (!d || size === undefined) {
    res.writeHead(404, { ...ctx.headers, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' })
    res.end('This download link has expired or was already used. Export again from Sprintlog.')
    return
  }
  const ascii = d.fileName.replace(/[^\x20-\x7e]/g, '_')
  res.writeHead(200, {
    ...ctx.headers,
    'Content-Type': contentType(d.fileName),
    'Content-Length': size,
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(d.fileName)}`,
    'Cache-Control': 'no-store'
  })
  const stream = createReadStream(d.path)
  stream.pipe(res)
  res.on('close', () => {
    stream.destroy()
    ctx.transfers.discard(d.path)
  })
}
