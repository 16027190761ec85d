import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { PARSERS } from '../../src/main/tools/bench-parsers'

/**
 * Every parser the benchmark measures reads a well-formed file to the same records: a byte-order mark, CRLF line
 * ends, quoted cells with delimiters, doubled quotes and line breaks in them, and more than one 1 MiB piece.
 */
const dir = mkdtempSync(join(tmpdir(), 'sprintlog-bench-parsers-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const cell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)

describe('bench parsers', () => {
  const records: string[][] = [['session_uuid', 'notes', 'rep_number']]
  for (let i = 0; i < 50_000; i++) records.push([`id-${i}`, i % 7 === 0 ? `said "fast",\r\nthen ${i}` : i % 5 === 0 ? '' : `plain ${i}`, String(i % 10)])
  const file = join(dir, 'reps.csv')
  writeFileSync(file, '\uFEFF' + records.map((r) => r.map(cell).join(',') + '\r\n').join(''))

  for (const [name, read] of Object.entries(PARSERS)) {
    it(`${name} reads every record as written`, async () => {
      const seen: string[][] = []
      await read(file, (cells) => seen.push(cells))
      expect(seen).toEqual(records)
    })
  }
})
