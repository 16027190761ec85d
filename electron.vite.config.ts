import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  main: {
    build: {
      rolldownOptions: {
        input: {
          // The Electron main process.
          index: resolve(__dirname, 'src/main/index.ts'),
          // The same back end behind a loopback HTTP server (web mode); plain Node, no electron import.
          web: resolve(__dirname, 'src/main/web.ts'),
          // The watch-file reader, run in a worker thread so that decoding a file does not hold up the back end.
          'watch-worker': resolve(__dirname, 'src/main/services/watch/worker.ts'),
          // Tools that drive the real back end under plain Node: the crash-safety harness and the benchmarks.
          'crash-writer': resolve(__dirname, 'src/main/tools/crash-writer.ts'),
          bench: resolve(__dirname, 'src/main/tools/bench.ts')
        }
      }
    }
  },
  preload: {
    build: {
      // A sandboxed preload must be one self-contained CommonJS file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      // Minified: less for the renderer to parse before the first chart.
      minify: true,
      rolldownOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } }
    },
    plugins: [react()]
  }
})
