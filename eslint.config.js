import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'url', 'stream', 'events', 'util', 'worker_threads']

export default tseslint.config(
  { ignores: ['tmp/**', 'out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error'
    }
  },
  // src/shared is the contract: it runs in every process, so it imports nothing platform-specific.
  {
    files: ['src/shared/**/*.{ts,tsx}'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'src/shared must not import electron.' },
            { group: nodeBuiltins, message: 'src/shared must not import Node built-ins.' },
            { group: ['better-sqlite3', 'react', 'react-dom', 'recharts'], message: 'src/shared must stay platform-free.' },
            { group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'src/shared imports only from src/shared.' }
          ]
        }
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'require', 'Buffer', '__dirname', 'localStorage', 'navigator']
    }
  },
  // The renderer reaches the back end only through src/renderer/src/api.
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/main/**', '**/src/main'], message: 'The renderer must not import the back end (src/main); use src/renderer/src/api.' },
            { group: ['**/preload/**'], message: 'The renderer must not import the preload; use src/renderer/src/api.' },
            { group: ['electron', 'electron/*', 'better-sqlite3'], message: 'The renderer runs sandboxed: no electron or native modules.' },
            { group: nodeBuiltins, message: 'The renderer runs in a browser: no Node built-ins.' }
          ]
        }
      ]
    }
  },
  // The preload runs sandboxed: electron and src/shared only.
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/main/**', '**/renderer/**'], message: 'The preload exposes the contract only.' },
            { group: ['zod', 'date-fns', 'better-sqlite3', ...nodeBuiltins], message: 'The sandboxed preload may import only electron and src/shared/channels|api.' }
          ]
        }
      ]
    }
  },
  // Only the Electron entry points may import electron; the back end stays runnable under plain Node.
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Only src/main/index.ts imports electron at runtime; use `import type` elsewhere.', allowTypeImports: true }],
          patterns: [{ group: ['**/renderer/**', '**/preload/**'], message: 'The back end does not import the UI.' }]
        }
      ]
    }
  }
)
