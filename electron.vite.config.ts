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
          // A CSV import's preview and commit, run in a worker thread with a connection of its own.
          'import-worker': resolve(__dirname, 'src/main/services/csv/import/worker.ts'),
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
      rolldownOptions: {
        input: { index: resolve(__dirname, 'src/renderer/index.html') },
        // Vendor code in chunks of its own, so that the entry chunk is the app's code: each changes (and is
        // cached) apart from the others, and the browser compiles them in parallel.
        output: {
          codeSplitting: {
            groups: [
              { name: 'vendor-charts', test: /[\\/]node_modules[\\/](recharts|d3-[^\\/]+|victory-vendor|internmap|decimal\.js-light|eventemitter3|es-toolkit|@reduxjs|redux|redux-thunk|reselect|immer|react-redux|use-sync-external-store|tiny-invariant|clsx)[\\/]/, priority: 3 },
              { name: 'vendor-i18n', test: /[\\/]node_modules[\\/](i18next|i18next-icu|react-i18next|intl-messageformat|@formatjs[^\\/]*|html-parse-stringify|void-elements)[\\/]/, priority: 2 },
              { name: 'vendor-zod', test: /[\\/]node_modules[\\/]zod[\\/]/, priority: 2 },
              { name: 'vendor-react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 1 }
            ]
          }
        }
      }
    },
    plugins: [react()]
  }
})
