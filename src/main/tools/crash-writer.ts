/**
 * Test harness for the crash-safety test: writes sessions through the router as fast as it can and
 * prints `ACK <marker>` after each write the router has confirmed. The test kills it with SIGKILL at
 * random moments and checks that every acknowledged write survived whole.
 * Usage: node out/main/crash-writer.js --db PATH --run N
 */
import { startBackend } from '../backend'
import { argValue } from '../config'

async function main(): Promise<void> {
  const argv = process.argv.slice(2)
  const dbPath = argValue(argv, 'db')
  const run = argValue(argv, 'run') ?? '0'
  if (!dbPath) throw new Error('--db PATH is required')
  const backend = await startBackend({ dbPath, transport: 'web' })
  const reps = Array.from({ length: 6 }, (_, i) => ({ workSeconds: 20, intensity: 'max', recoverySeconds: i === 5 ? 0 : 120, recoveryMode: 'walk' }))
  process.stdout.write('READY\n')
  for (let seq = 0; ; seq++) {
    const marker = `run${run}-${seq}`
    const r = await backend.router.call('sessions/create', { date: '2026-11-20', rpe: 7, notes: marker, reps })
    if (!r.ok) throw new Error(r.error.message)
    process.stdout.write(`ACK ${marker}\n`)
    if (seq % 5 === 0) {
      const w = await backend.router.call('weights/add', { date: '2026-11-20', kg: 70 + (seq % 10), note: marker })
      if (!w.ok) throw new Error(w.error.message)
      process.stdout.write(`ACKW ${marker}\n`)
    }
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`)
  process.exit(1)
})
