#!/usr/bin/env node
/**
 * The README's screenshots: every screen in English and Chinese, light and dark, on a demo history.
 *   npm run build && node scripts/screenshots.mjs [--out docs/screenshots] [--width 1280]
 * Starts web mode on a new database in a temporary folder, fills it through the app's own API, and shoots each
 * screen with Playwright's Chromium (CHROMIUM_PATH, else /usr/bin/chromium).
 */
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from '@playwright/test'

const args = process.argv.slice(2)
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt)
const OUT = opt('--out', 'docs/screenshots')
const WIDTH = Number(opt('--width', 1280))
mkdirSync(OUT, { recursive: true })

const dir = mkdtempSync(join(tmpdir(), 'sprintlog-shots-'))
const server = spawn(process.execPath, ['out/main/web.js', '--db', join(dir, 'sprintlog.db'), '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] })
const url = await new Promise((resolve, reject) => {
  let text = ''
  server.stdout.on('data', (b) => {
    text += b
    const m = /running at (http:\/\/\S+)/.exec(text)
    if (m) resolve(m[1])
  })
  server.once('exit', (code) => reject(new Error(`web mode exited with ${code}`)))
})
const { origin, hash } = new URL(url)
const token = new URLSearchParams(hash.slice(1)).get('token')
async function call(channel, input) {
  const res = await fetch(`${origin}/api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-sprintlog-token': token }, body: JSON.stringify(input) })
  const r = await res.json()
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`)
  return r.value
}

const day = (shift) => {
  const d = new Date()
  d.setDate(d.getDate() + shift)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

// A demo history: a HIIT block running for seven weeks, sprints and hill sprints between, daily weights.
const protocols = await call('protocols/list', {})
const byName = (n) => protocols.find((p) => p.name === n)
const hiit = byName('HIIT 4×4')
const sprint = byName('Sprint 6×20 s')
const hill = byName('Hill sprint 4×30 s')
const block = await call('blocks/create', { name: 'Spring HIIT', startDate: day(-46), weeks: 10, sessionsPerWeek: 3, protocolId: hiit.id })
for (let d = -46, i = 0; d <= -1; d += 1, i += 1) {
  const wd = new Date(Date.now() + d * 864e5).getDay()
  if (wd === 1 || wd === 3) {
    const rest = i > 20 ? 150 : 180
    const reps = Array.from({ length: 4 }, (_, k) => ({ workSeconds: 240, distanceMeters: 1040 - k * 15 + i, intensity: 'near-max', rpe: 8, recoverySeconds: k === 3 ? 0 : rest, recoveryMode: 'jog', heartRate: 172 + k }))
    await call('sessions/create', { date: day(d), startTime: '18:30', protocolId: hiit.id, plan: hiit.groups, warmupSeconds: 600, cooldownSeconds: 300, rpe: 8, reps })
  } else if (wd === 5) {
    const reps = Array.from({ length: 6 }, (_, k) => ({ workSeconds: 20, distanceMeters: 150 - k * 2 + i / 10, intensity: 'max', rpe: 9, recoverySeconds: k === 5 ? 0 : 120, recoveryMode: 'walk' }))
    await call('sessions/create', { date: day(d), startTime: '07:15', protocolId: sprint.id, plan: sprint.groups, warmupSeconds: 900, cooldownSeconds: 300, rpe: 8, reps })
  } else if (wd === 6 && i % 2 === 0) {
    const reps = Array.from({ length: 4 }, (_, k) => ({ workSeconds: 30, distanceMeters: 160 - k * 3, intensity: 'max', hill: true, inclinePct: 8, rpe: 9, recoverySeconds: null, recoveryMode: 'walk-down' }))
    await call('sessions/create', { date: day(d), protocolId: hill.id, plan: hill.groups, warmupSeconds: 900, cooldownSeconds: 300, rpe: 9, reps })
  }
}
for (let d = -120; d <= 0; d += 1) await call('weights/add', { date: day(d), kg: Math.round((82 - (d + 120) * 0.02 + Math.sin(d / 3) * 0.4) * 10) / 10 })
const sessions = await call('sessions/list', { limit: 1 })
const sessionId = (sessions.items ?? sessions)[0].id

const SCREENS = [
  { name: 'dashboard', hash: '#/', ready: '[data-testid="current-block"]' },
  { name: 'log', hash: '#/log', ready: 'form' },
  { name: 'session', hash: `#/session/${sessionId}`, ready: 'tr[data-rep]' },
  { name: 'history', hash: '#/history', ready: 'tr[data-session-id]' },
  { name: 'blocks', hash: '#/blocks', ready: 'tr[data-block-id]' },
  { name: 'calendar', hash: `#/calendar/${block.id}`, ready: '[role="grid"]' },
  { name: 'protocols', hash: '#/protocols', ready: 'main h1' },
  { name: 'weight', hash: '#/weight', ready: 'main h1' },
  { name: 'data', hash: '#/data', ready: 'main h1' },
  { name: 'timer', hash: '#/timer', ready: '[data-testid="timer"]' }
]

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
try {
  for (const language of ['en', 'zh-CN']) {
    for (const theme of ['light', 'dark']) {
      await call('settings/update', { language, theme })
      const page = await browser.newPage({ viewport: { width: WIDTH, height: 900 }, colorScheme: theme, locale: language })
      await page.goto(url)
      for (const s of SCREENS) {
        await page.evaluate((h) => (globalThis.location.hash = h), s.hash)
        await page.locator(s.ready).first().waitFor()
        await page.waitForLoadState('networkidle')
        const file = join(OUT, `${s.name}-${language}-${theme}.png`)
        await page.screenshot({ path: file, fullPage: s.name !== 'timer' })
        console.log(file)
      }
      await page.close()
    }
  }
} finally {
  await browser.close()
  server.kill()
  rmSync(dir, { recursive: true, force: true })
}
