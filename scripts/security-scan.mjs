// `npm run security:scan`: Electronegativity over the sources, failing on any finding of medium severity or
// above. Electronegativity itself exits 0 whatever it finds, so this reads its CSV report. A finding that
// has been reviewed and judged safe is waived in place with an `eng-disable` comment and a one-line reason.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { electronVersion, root } from './electron-setup.mjs'

const require = createRequire(join(root, 'package.json'))
const cli = join(dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist', 'index.js')
const FAIL_AT = new Set(['MEDIUM', 'HIGH', 'CRITICAL'])

const dir = mkdtempSync(join(tmpdir(), 'sprintlog-eneg-'))
const report = join(dir, 'report.csv')
try {
  const run = spawnSync(process.execPath, [cli, '-i', join(root, 'src'), '-e', electronVersion, '-r', '-v', 'false', '-o', report], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' }
  })
  let text
  try {
    text = readFileSync(report, 'utf8')
  } catch {
    console.error(`Electronegativity wrote no report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`)
    process.exit(2)
  }
  const rows = parse(text, { columns: (h) => h.map((c) => c.trim()), skip_empty_lines: true, trim: true, relax_quotes: true })
  const blocking = rows.filter((r) => FAIL_AT.has(String(r.severity).toUpperCase()))
  console.log(`Electronegativity ${require('@doyensec/electronegativity/package.json').version} over src/ (Electron ${electronVersion}): ${rows.length} findings, ${blocking.length} of medium severity or above.`)
  for (const r of rows) console.log(`  ${FAIL_AT.has(String(r.severity).toUpperCase()) ? '✘' : '·'} ${r.severity.padEnd(8)} ${r.issue.padEnd(32)} ${r.filename}:${r.location}  ${r.description}`)
  if (blocking.length > 0) {
    console.error('\nFix these, or review each and waive it in place with `// eng-disable CHECK_ID` and a one-line reason.')
    process.exit(1)
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
