import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { MAX_BODY_BYTES, startWebServer, TOKEN_HEADER, type WebServer } from '../../src/main/web/server'
import { CONTENT_SECURITY_POLICY } from '../../src/main/security'
import { useBackend } from '../helpers/backend'
import { send as sendRaw } from '../helpers/http'
import { useTempDir } from '../helpers/tmp'

const backend = useBackend()
const tmp = useTempDir()
const servers: WebServer[] = []
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close()
})

async function serve() {
  const b = await backend()
  const staticDir = join(tmp(), 'renderer')
  mkdirSync(join(staticDir, 'assets'), { recursive: true })
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Sprintlog</title>')
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(join(tmp(), 'secret.txt'), 'secret')
  const server = await startWebServer({ router: b.router, transfers: b.transfers, staticDir })
  servers.push(server)
  const weights = () => (b.db.prepare('SELECT count(*) AS n FROM body_weights').get() as { n: number }).n
  return { b, server, weights }
}

/** Like `send`, with the body as text. */
const send = async (server: WebServer, opts: Parameters<typeof sendRaw>[1]) => {
  const r = await sendRaw(server, opts)
  return { ...r, body: r.body.toString('utf8') }
}

const call = (server: WebServer, channel: string, input: unknown, headers: Record<string, string> = {}) =>
  send(server, {
    method: 'POST',
    path: `/api/${channel}`,
    headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: server.token, ...headers },
    body: input === undefined ? '' : JSON.stringify(input)
  })

describe('web mode', () => {
  it('listens on the loopback interface only and prints a launch URL with the token in its fragment', async () => {
    const { server } = await serve()
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`)
    expect(server.launchUrl).toBe(`${server.url}#token=${server.token}`)
    expect(server.token.length).toBeGreaterThanOrEqual(32)
  })

  it('serves the router to a caller with the token', async () => {
    const { server, weights } = await serve()
    const r = await call(server, 'weights/add', { date: '2026-11-20', kg: 72.4 })
    expect(r.status).toBe(200)
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { kg: 72.4 } })
    expect(weights()).toBe(1)
  })

  it.each([
    ['no token', {}, 401],
    ['a wrong token', { [TOKEN_HEADER]: 'guess' }, 401],
    ['a foreign Host', { Host: 'evil.example' }, 403],
    ['a rebinding Host on our port', { Host: 'evil.example:PORT' }, 403],
    ['a foreign Origin', { Origin: 'https://evil.example' }, 403],
    ['the right host but another port', { Origin: 'http://127.0.0.1:1' }, 403]
  ])('refuses a call with %s and writes nothing', async (_name, headers, status) => {
    const { server, weights } = await serve()
    const h: Record<string, string> = {}
    for (const [k, v] of Object.entries(headers)) h[k] = v.replace('PORT', String(server.port))
    if ('x-sprintlog-token' in headers || Object.keys(headers).length === 0) {
      const r = await send(server, {
        method: 'POST',
        path: '/api/weights/add',
        headers: { 'Content-Type': 'application/json', ...h },
        body: JSON.stringify({ date: '2026-11-20', kg: 72 })
      })
      expect(r.status).toBe(status)
      expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    } else {
      const r = await call(server, 'weights/add', { date: '2026-11-20', kg: 72 }, h)
      expect(r.status).toBe(status)
      expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    }
    expect(weights()).toBe(0)
  })

  it('accepts its own Origin (the page calling its own server)', async () => {
    const { server } = await serve()
    const r = await call(server, 'settings/get', undefined, { Origin: `http://127.0.0.1:${server.port}` })
    expect(r.status).toBe(200)
  })

  it.each([
    ['wrong types', 'weights/add', { date: 20261120, kg: '72' }, 400, 'invalid_input'],
    ['missing fields', 'weights/add', {}, 400, 'invalid_input'],
    ['an unknown channel', 'weights/drop', {}, 404, 'unknown_channel'],
    ['a channel with extra segments', 'weights/add/x', {}, 404, 'unknown_channel']
  ])('answers %s with a clear error and writes nothing', async (_name, channel, input, status, code) => {
    const { server, weights } = await serve()
    const r = await call(server, channel, input)
    expect(r.status).toBe(status)
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code } })
    expect(weights()).toBe(0)
  })

  it('refuses bodies that are not JSON, not declared JSON, not POST, or too large', async () => {
    const { server, weights } = await serve()
    const base = { method: 'POST', path: '/api/weights/add', headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: server.token } }
    expect((await send(server, { ...base, body: '{"date":' })).status).toBe(400)
    expect((await send(server, { ...base, headers: { ...base.headers, 'Content-Type': 'text/plain' }, body: '{}' })).status).toBe(415)
    expect((await send(server, { ...base, method: 'GET' })).status).toBe(405)
    expect((await send(server, { ...base, body: Buffer.alloc(MAX_BODY_BYTES + 10, 32) })).status).toBe(413)
    expect(weights()).toBe(0)
  })

  it('serves the built page with the CSP and security headers, and nothing outside its folder', async () => {
    const { server } = await serve()
    const page = await send(server, { path: '/' })
    expect(page.status).toBe(200)
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    expect(page.headers['x-content-type-options']).toBe('nosniff')
    expect(page.headers['x-frame-options']).toBe('DENY')
    expect((await send(server, { path: '/assets/app.js' })).body).toBe('console.log(1)')
    expect((await send(server, { path: '/some/screen' })).body).toContain('<title>Sprintlog</title>')
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/missing.js']) {
      const r = await send(server, { path })
      expect(r.status).toBe(404)
      expect(r.body).not.toContain('secret')
    }
    expect((await send(server, { method: 'POST', path: '/api/../secret.txt' })).status).toBe(405)
    // The page itself needs no token, but is still refused to foreign hosts.
    expect((await send(server, { path: '/', headers: { Host: 'evil.example' } })).status).toBe(403)
  })
})
