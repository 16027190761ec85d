// `npm run security:scan`: Electronegativity over the sources, failing on any finding of medium severity or
// above. Electronegativity's command line exits 0 whatever it finds, and its CSV report is written by two
// unordered writes (header and rows) that sometimes overwrite each other, so this calls its runner, the
// package's documented programmatic entry, and reads the findings it returns. A finding that has been reviewed
// and judged safe is waived in place with an `eng-disable` comment and a one-line reason.
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { electronVersion, root } from './electron-setup.mjs'

const require = createRequire(join(root, 'package.json'))
const run = require('@doyensec/electronegativity')
const { version } = require('@doyensec/electronegativity/package.json')
const FAIL_AT = new Set(['MEDIUM', 'HIGH', 'CRITICAL'])

let result
try {
  result = await run({
    input: join(root, 'src'),
    isRelative: true,
    electronVersionOverride: electronVersion,
    customScan: [],
    excludeFromScan: [],
    parserPlugins: []
  })
} catch (e) {
  console.error(`Electronegativity could not scan the sources: ${e instanceof Error ? e.message : String(e)}`)
  process.exit(2)
}

const findings = result.issues.map((i) => ({
  id: i.id,
  severity: String(i.severity?.name ?? '').toUpperCase(),
  file: i.file,
  location: `${i.location?.line ?? '?'}:${i.location?.column ?? '?'}`,
  description: i.description
}))
const blocking = findings.filter((f) => FAIL_AT.has(f.severity))
console.log(`Electronegativity ${version} over src/ (Electron ${electronVersion}): ${findings.length} findings, ${blocking.length} of medium severity or above.`)
for (const f of findings) console.log(`  ${FAIL_AT.has(f.severity) ? '✘' : '·'} ${f.severity.padEnd(8)} ${f.id.padEnd(32)} ${f.file}:${f.location}  ${f.description}`)
if (result.errors?.length) console.log(`  (${result.errors.length} file${result.errors.length === 1 ? '' : 's'} could not be parsed by Electronegativity)`)
if (blocking.length > 0) {
  console.error('\nFix these, or review each and waive it in place with `// eng-disable CHECK_ID` and a one-line reason.')
  process.exit(1)
}
