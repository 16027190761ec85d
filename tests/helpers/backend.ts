import { join } from 'node:path'
import { afterEach } from 'vitest'
import { type Backend, startBackend } from '../../src/main/backend'
import { useTempDir } from './tmp'

/** A real back end on a real database file in a fresh temporary folder, closed after each test. */
export function useBackend(): () => Promise<Backend & { dir: string; path: string }> {
  const tmp = useTempDir()
  const open: Backend[] = []
  afterEach(() => {
    for (const b of open.splice(0)) b.close()
  })
  return async () => {
    const dir = tmp()
    const path = join(dir, 'sprintlog.db')
    const b = await startBackend({ dbPath: path, transport: 'web', log: () => {} })
    open.push(b)
    return Object.assign(b, { dir, path })
  }
}
