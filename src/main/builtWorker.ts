import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/**
 * The path of a built worker entry (`out/main/<name>.js`) as seen from the module at `from` (its `import.meta.url`):
 * beside the bundle that runs the caller, or one folder up from a shared chunk (out/main/chunks). '' where it is
 * not there: the unit tests run the sources, unbuilt, and the work then runs on the calling thread.
 */
export function builtWorker(name: string, from: string): string {
  for (const rel of [`./${name}.js`, `../${name}.js`]) {
    try {
      const path = fileURLToPath(new URL(rel, from))
      if (existsSync(path)) return path
    } catch {
      // Not a file URL: the sources run in a test.
    }
  }
  return ''
}
