/**
 * Crash safety: the back end runs in a child process writing sessions (with their reps) and weights
 * as fast as it can; it is killed with SIGKILL at a random moment, many times over the same database.
 * After every kill: every acknowledged write is there, whole; nothing half-written exists; and
 * `PRAGMA integrity_check` says ok.
 */
import { rng } from '../../src/main/tools/synthetic'
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../helpers/tmp'

const WRITER = join(process.cwd(), 'out', 'main', 'crash-writer.js')
const KILLS = Number(process.env.SPRINTLOG_CRASH_KILLS ?? 25)
/** The kill times come from a seeded generator; `SPRINTLOG_CRASH_SEED=<seed>` replays a failed run's times. */
const SEED = process.env.SPRINTLOG_CRASH_SEED ? Number(process.env.SPRINTLOG_CRASH_SEED) >>> 0 : Math.floor(Math.random() * 2 ** 32)

const READY_MS = 15_000
const tmp = useTempDir()

/** Starts the writer, kills it after `afterMs` of writing, and returns the markers it acknowledged. */
function runAndKill(dbPath: string, run: number, afterMs: number): Promise<{ sessions: string[]; weights: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRITER, '--db', dbPath, '--run', String(run)], { stdio: ['ignore', 'pipe', 'pipe'] })
    const sessions: string[] = []
    const weights: string[] = []
    let buffer = ''
    let stderr = ''
    let killed = false
    // A writer that never reports READY would otherwise hang the test until its overall timeout.
    const deadline = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`writer did not report READY within ${READY_MS} ms: ${stderr}`))
    }, READY_MS)
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString()
      let nl: number
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl)
        buffer = buffer.slice(nl + 1)
        if (line === 'READY') {
          clearTimeout(deadline)
          setTimeout(() => ((killed = true), child.kill('SIGKILL')), afterMs)
        } else if (line.startsWith('ACK ')) sessions.push(line.slice(4))
        else if (line.startsWith('ACKW ')) weights.push(line.slice(5))
      }
    })
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.on('exit', (code, signal) => {
      clearTimeout(deadline)
      if (!killed || signal !== 'SIGKILL') reject(new Error(`writer exited on its own (${code ?? signal}): ${stderr}`))
      else resolve({ sessions, weights })
    })
  })
}

describe('crash safety', () => {
  it(`keeps every acknowledged write whole across ${KILLS} SIGKILLs`, { timeout: 240_000 }, async () => {
    expect(existsSync(WRITER), 'out/main/crash-writer.js is missing: run `npm run build` (npm test does it first)').toBe(true)
    console.log(`crash safety: seed ${SEED} (replay with SPRINTLOG_CRASH_SEED=${SEED})`)
    const random = rng(SEED)
    const dbPath = join(tmp(), 'crash.db')
    let acked = 0
    for (let run = 0; run < KILLS; run++) {
      const afterMs = 20 + Math.floor(random() * 300)
      const { sessions, weights } = await runAndKill(dbPath, run, afterMs).catch((e: unknown) => {
        throw new Error(`run ${run} (kill after ${afterMs} ms, seed ${SEED}): ${e instanceof Error ? e.message : String(e)}`)
      })
      acked += sessions.length

      const db = new Database(dbPath)
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
        expect(db.pragma('foreign_key_check')).toEqual([])
        const present = new Set((db.prepare(`SELECT notes FROM sessions WHERE notes LIKE ?`).all(`run${run}-%`) as { notes: string }[]).map((r) => r.notes))
        for (const m of sessions) expect(present.has(m), `acknowledged session ${m} is missing (run ${run}, seed ${SEED})`).toBe(true)
        const presentW = new Set((db.prepare(`SELECT note FROM body_weights WHERE note LIKE ?`).all(`run${run}-%`) as { note: string }[]).map((r) => r.note))
        for (const m of weights) expect(presentW.has(m), `acknowledged weight ${m} is missing (run ${run}, seed ${SEED})`).toBe(true)
        // Nothing half-written: every session has all six reps and derived columns that match them.
        const broken = db
          .prepare(
            `SELECT s.notes, count(r.id) AS reps, s.reps_done FROM sessions s LEFT JOIN reps r ON r.session_id = s.id
             GROUP BY s.id HAVING count(r.id) <> 6 OR s.reps_done <> 6`
          )
          .all()
        expect(broken).toEqual([])
      } finally {
        db.close()
      }
    }
    console.log(`crash safety: ${KILLS} kills, ${acked} acknowledged sessions, all present and whole (seed ${SEED})`)
    // The test means something only if the writer got real work done between kills.
    expect(acked).toBeGreaterThan(KILLS * 5)
  })
})
