/**
 * Web mode: the built renderer and the same router behind a small HTTP server on the loopback
 * interface. Calls need the per-launch token; requests whose Host or Origin is not this server's own
 * loopback address are refused, which also defeats DNS-rebinding pages. There is no CORS.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createReadStream, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'
import type { ErrorCode, Result } from '../../shared/result'
import { fail } from '../../shared/result'
import type { Router } from '../ipc/router'
import { CONTENT_SECURITY_POLICY } from '../security'
import type { Transfers } from '../services/csv/transfers'
import { handleTransfer } from './transfers'
import type { Msg } from '../../shared/i18n/message'

export const TOKEN_HEADER = 'x-sprintlog-token'
export const MAX_BODY_BYTES = 1024 * 1024
const HOST = '127.0.0.1'

export interface WebServerOptions {
  router: Router
  /** The built renderer (out/renderer). */
  staticDir: string
  port?: number
  token?: string
  /**
   * CSV uploads and downloads (web/transfers.ts): the store of the back end behind `router`, or a function
   * that returns the current one (the runtime's back end can change); without it there are no file routes.
   */
  transfers?: Transfers | (() => Transfers | undefined)
}

export interface WebServer {
  url: string
  /** The address to open: the URL with the token in its fragment (never sent to the server or logged). */
  launchUrl: string
  port: number
  token: string
  close(): Promise<void>
}

const STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  unknown_channel: 404,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  unavailable: 503,
  disk_full: 507,
  read_only: 503,
  busy: 503,
  internal: 500
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2'
}

const BASE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin'
}

export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url')
  const tokenBytes = Buffer.from(token)
  let port = 0

  const allowedHosts = () => new Set([`${HOST}:${port}`, `localhost:${port}`])
  const allowedOrigins = () => new Set([`http://${HOST}:${port}`, `http://localhost:${port}`])

  const sendJson = (res: ServerResponse, status: number, body: Result<unknown>) => {
    const text = JSON.stringify(body)
    res.writeHead(status, { ...BASE_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
    res.end(text)
  }
  const refuse = (res: ServerResponse, status: number, code: ErrorCode, m: Msg) => sendJson(res, status, fail(code, m))

  const tokenOk = (req: IncomingMessage) => {
    const given = req.headers[TOKEN_HEADER]
    if (typeof given !== 'string') return false
    const b = Buffer.from(given)
    return b.length === tokenBytes.length && timingSafeEqual(b, tokenBytes)
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST')
      return refuse(res, 405, 'invalid_input', { key: 'webPostOnly' })
    }
    if (!tokenOk(req)) return refuse(res, 401, 'forbidden', { key: 'webToken' })
    const type = req.headers['content-type'] ?? ''
    if (!/^application\/json\b/i.test(type)) return refuse(res, 415, 'invalid_input', { key: 'webJsonOnly' })
    const chunks: Buffer[] = []
    let size = 0
    for await (const chunk of req) {
      size += (chunk as Buffer).length
      if (size > MAX_BODY_BYTES) {
        refuse(res, 413, 'invalid_input', { key: 'webTooLarge', params: { max: String(MAX_BODY_BYTES) } })
        req.destroy()
        return
      }
      chunks.push(chunk as Buffer)
    }
    const text = Buffer.concat(chunks).toString('utf8')
    let input: unknown
    if (text.trim() !== '') {
      try {
        input = JSON.parse(text)
      } catch {
        return refuse(res, 400, 'invalid_input', { key: 'webBadJson' })
      }
    }
    const result = await opts.router.call(channel, input)
    sendJson(res, result.ok ? 200 : STATUS[result.error.code], result)
  }

  function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...BASE_HEADERS, Allow: 'GET, HEAD' })
      res.end()
      return
    }
    let rel: string
    try {
      rel = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '')
    } catch {
      res.writeHead(400, BASE_HEADERS)
      res.end('Bad path')
      return
    }
    let file = join(opts.staticDir, rel)
    if (file !== opts.staticDir && !file.startsWith(opts.staticDir + sep)) {
      res.writeHead(404, BASE_HEADERS)
      res.end('Not found')
      return
    }
    let stat = safeStat(file)
    if (!stat || stat.isDirectory()) {
      // The app has one page; any other path without a file is that page.
      if (extname(rel) !== '') {
        res.writeHead(404, BASE_HEADERS)
        res.end('Not found')
        return
      }
      file = join(opts.staticDir, 'index.html')
      stat = safeStat(file)
      if (!stat) {
        res.writeHead(500, { ...BASE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' })
        res.end('The app is not built. Run: npm run build')
        return
      }
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream'
    const headers: Record<string, string | number> = { ...BASE_HEADERS, 'Content-Type': type, 'Content-Length': stat.size }
    if (type.startsWith('text/html')) {
      headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY
      headers['Cache-Control'] = 'no-store'
    }
    res.writeHead(200, headers)
    if (req.method === 'HEAD') {
      res.end()
      return
    }
    createReadStream(file).pipe(res)
  }

  const server = createServer((req, res) => {
    if (!allowedHosts().has(req.headers.host ?? '')) {
      return refuse(res, 403, 'forbidden', { key: 'webHost' })
    }
    const origin = req.headers.origin
    if (origin !== undefined && !allowedOrigins().has(origin)) {
      return refuse(res, 403, 'forbidden', { key: 'webOrigin' })
    }
    const url = new URL(req.url ?? '/', `http://${HOST}:${port}`)
    if (url.pathname.startsWith('/api/')) {
      handleApi(req, res, url.pathname.slice('/api/'.length)).catch((e: unknown) => {
        console.error('Web request failed', e)
        if (!res.headersSent) refuse(res, 500, 'internal', { key: 'webFailed' })
        else res.destroy()
      })
      return
    }
    const transfers = typeof opts.transfers === 'function' ? opts.transfers() : opts.transfers
    if (transfers && handleTransfer(req, res, url, { transfers, tokenOk: () => tokenOk(req), headers: BASE_HEADERS })) return
    serveStatic(req, res, url.pathname)
  })

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, HOST, () => resolveListen())
  })
  port = (server.address() as AddressInfo).port
  const url = `http://${HOST}:${port}/`
  return {
    url,
    launchUrl: `${url}#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections()
        server.close(() => r())
      })
  }
}

function safeStat(file: string) {
  try {
    return statSync(file)
  } catch {
    return undefined
  }
}
