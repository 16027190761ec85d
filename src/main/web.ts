/**
 * `npm run start:web`: runs Sprintlog's back end under plain Node and serves the same UI to a browser on
 * this computer only. Flags: `--db PATH` (or SPRINTLOG_DB), `--port N` (default: any free port).
 */
import { fileURLToPath } from 'node:url'
import { argValue, defaultDataDir, resolveDbPath } from './config'
import { startRuntime } from './runtime'
import { startWebServer } from './web/server'

async function main(): Promise<void> {
  const argv = process.argv.slice(2)
  const dbPath = resolveDbPath(argv, process.env, defaultDataDir())
  const portText = argValue(argv, 'port') ?? process.env.SPRINTLOG_PORT ?? '0'
  const port = Number(portText)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a whole number from 0 to 65535 (got “${portText}”).`)
    process.exit(2)
  }

  const runtime = await startRuntime({ dbPath, transport: 'web' })
  const status = runtime.status()
  if (!status.ok) {
    console.error(`Sprintlog cannot open its database at ${dbPath}:\n  ${status.message}`)
    console.error('The file has not been changed. The app opens in recovery mode: restore a backup from there, or restart with --db PATH.')
  }
  const migrated = runtime.backend()?.opened.backupPath
  if (migrated) console.log(`Backed up the database before updating it: ${migrated}`)

  const staticDir = fileURLToPath(new URL('../renderer', import.meta.url))
  const server = await startWebServer({ router: runtime.router, transfers: () => runtime.transfers(), staticDir, port })
  console.log(`Sprintlog database: ${dbPath}`)
  console.log(`Sprintlog is running at ${server.launchUrl}`)
  console.log('Open that address in your browser (it includes this launch’s access key). Press Ctrl+C to stop.')

  let stopping = false
  const stop = () => {
    if (stopping) return
    stopping = true
    void server.close().then(() => {
      runtime.close()
      process.exit(0)
    })
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((e: unknown) => {
  console.error('Sprintlog web mode failed to start:', e instanceof Error ? e.message : e)
  process.exit(1)
})
