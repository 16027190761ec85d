import { existsSync, readFileSync } from 'node:fs'
import { Readable, Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { createTransfers, NoSpaceForUpload, UPLOAD_SPARE_BYTES, UploadTooLarge } from '../../src/main/services/csv/transfers'
import { detectDelimiter } from '../../src/main/services/csv/import'
import { COLUMNS, CSV_KINDS, formatNumber, HEADERS, isNumeric, neutralise, readHeader, readPlan, unneutralise } from '../../src/shared/csv'
import { BLOCK_COLUMNS, columnTable, PROTOCOL_COLUMNS, REP_COLUMNS, SESSION_COLUMNS, WEIGHT_COLUMNS } from '../../src/shared/csv'

describe('formula neutralisation', () => {
  const alphabet = ["'", '=', '+', '-', '@', '\t', '\r', '\n', 'a', '1', ' ', '"', '\uFF1D']
  /** Every string up to four characters over an alphabet of the awkward characters. */
  function* strings(max = 4): Generator<string> {
    yield ''
    let level = ['']
    for (let n = 1; n <= max; n++) {
      const next: string[] = []
      for (const p of level) for (const c of alphabet) next.push(p + c)
      yield* next
      level = next
    }
  }

  it('leaves nothing a spreadsheet would run as a formula', () => {
    for (const s of strings()) expect(neutralise(s)).not.toMatch(/^[=+\-@\t\r\n\uFF1D]/)
  })

  it('is undone exactly by unneutralise, whatever the text', () => {
    for (const s of strings()) expect(unneutralise(neutralise(s))).toBe(s)
  })

  it('prefixes a single quote, as OWASP recommends, and leaves ordinary text alone', () => {
    expect(neutralise('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)")
    expect(neutralise('-5 %')).toBe("'-5 %")
    expect(neutralise('windy')).toBe('windy')
    expect(neutralise("it's")).toBe("it's")
  })

  it('never applies to number columns', () => {
    const numeric = Object.values(COLUMNS).flatMap((cs) => cs.filter(isNumeric).map((c) => c.name))
    expect(numeric).toContain('rep_incline_pct')
    expect(numeric).toContain('weight_kg')
  })
})

describe('numbers', () => {
  it('are written in their shortest exact form, or rounded for display columns', () => {
    expect(formatNumber(72.4)).toBe('72.4')
    expect(formatNumber(0.1 + 0.2)).toBe('0.30000000000000004')
    expect(Number(formatNumber(0.1 + 0.2))).toBe(0.1 + 0.2)
    expect(formatNumber(-2.5)).toBe('-2.5')
    expect(formatNumber(null)).toBe('')
    expect(formatNumber(72.4 / 0.45359237, 2)).toBe('159.61')
    expect(formatNumber(-0.0001, 2)).toBe('0')
  })
})

describe('headers', () => {
  it('recognise each file by its columns, in any order and case', () => {
    for (const kind of CSV_KINDS) {
      const r = readHeader([...HEADERS[kind]].reverse().map((h) => h.toUpperCase()))
      expect(r).toMatchObject({ ok: true, header: { kind, unknown: [] } })
    }
  })

  it('detect `;` separators only from Sprintlog column names', () => {
    expect(detectDelimiter(HEADERS.weights.join(';'))).toBe(';')
    expect(detectDelimiter(`\uFEFF${HEADERS.weights.join(',')}\r\n1;2;3;4;5;6;7;8;9`)).toBe(',')
    expect(detectDelimiter('a;b;c')).toBe(',')
  })
})

describe('plans', () => {
  it('read the compact notation and JSON', () => {
    expect(readPlan('6x20s @max / 2m walk')).toMatchObject({ ok: true, groups: [{ count: 6, workSeconds: 20, recoverySeconds: 120 }] })
    expect(readPlan('[{"count":2,"workSeconds":15.5,"recoveryMode":"stand","recoverySeconds":45}]')).toMatchObject({ ok: true, groups: [{ count: 2, workSeconds: 15.5 }] })
    expect(readPlan('[{"count":0}]')).toMatchObject({ ok: false })
    expect(readPlan('6 sprints')).toMatchObject({ ok: false })
  })
})

describe('the README', () => {
  it('documents every column of every file', () => {
    const readme = readFileSync('README.md', 'utf8')
    const section = readme.slice(readme.indexOf('## CSV files'))
    expect(section.length).toBeGreaterThan(100)
    for (const c of Object.values(COLUMNS).flat()) expect(section, c.name).toContain(`\`${c.name}\``)
  })

  it('holds exactly the column tables the field tables make', () => {
    const readme = readFileSync('README.md', 'utf8')
    for (const [heading, columns] of [
      ['### sessions', SESSION_COLUMNS],
      ['### reps', REP_COLUMNS],
      ['### body weight', WEIGHT_COLUMNS],
      ['### protocols', PROTOCOL_COLUMNS],
      ['### training blocks', BLOCK_COLUMNS]
    ] as const) {
      const at = readme.indexOf(`${heading}\n`)
      expect(at, heading).toBeGreaterThan(0)
      const table = columnTable(columns)
      expect(readme.slice(at).split(/\n\n(?=#|---)/)[0]?.trim().endsWith(table), `${heading}: the README's table is not\n${table}`).toBe(true)
    }
  })
})

describe('web-mode uploads', () => {
  it('are capped in size when a cap is asked for, and leave nothing behind when refused', async () => {
    const t = createTransfers()
    try {
      await expect(t.saveUpload('big.csv', Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), { maxBytes: 1000 })).rejects.toBeInstanceOf(UploadTooLarge)
      const ok = await t.saveUpload('small.csv', Readable.from([Buffer.from('abc')]), { maxBytes: 1000 })
      expect(ok).toMatchObject({ name: 'small.csv', size: 3 })
      const f = t.file(ok.fileId)!
      expect(readFileSync(f.path, 'utf8')).toBe('abc')
    } finally {
      t.close()
    }
  })

  it('take any size the disk has room for, and say so when it has not', async () => {
    const written: string[] = []
    let freeNow = UPLOAD_SPARE_BYTES + 2000
    /** A disk with room for `freeNow` bytes: writing past it fails as a full disk does. */
    const t = createTransfers(Date.now, {
      freeBytes: () => freeNow,
      writeFile: (path) => {
        let n = 0
        written.push(path)
        return new Writable({
          write(chunk: Buffer, _enc, cb) {
            n += chunk.length
            cb(n > 1500 ? Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }) : null)
          }
        })
      }
    })
    try {
      // Declared larger than the room left beside the spare: refused before anything is written.
      const declared = t.saveUpload('big.csv', Readable.from([Buffer.alloc(10)]), { declared: 2001 })
      await expect(declared).rejects.toBeInstanceOf(NoSpaceForUpload)
      await expect(declared).rejects.toMatchObject({ needed: 2001, free: 2000 })
      expect(written).toEqual([])
      // Not declared, and the disk fills while it is written: the partial file is removed.
      freeNow = UPLOAD_SPARE_BYTES + 100
      await expect(t.saveUpload('big.csv', Readable.from([Buffer.alloc(1000), Buffer.alloc(1000)]))).rejects.toMatchObject({ needed: 2000, free: 100 })
      expect(written).toHaveLength(1)
      expect(existsSync(written[0]!)).toBe(false)
      // Far beyond the old 200 MB limit is fine when declared within the room.
      freeNow = 10 * 1024 ** 3
      expect(await t.saveUpload('small.csv', Readable.from([Buffer.alloc(100)]), { declared: 5 * 1024 ** 3 })).toMatchObject({ size: 100 })
    } finally {
      t.close()
    }
  })

  it('hand out each download once', () => {
    const t = createTransfers()
    const ticket = t.offerDownload('/tmp/x.csv', 'x.csv')
    expect(t.takeDownload(ticket)).toEqual({ path: '/tmp/x.csv', fileName: 'x.csv' })
    expect(t.takeDownload(ticket)).toBeUndefined()
    t.close()
  })

  it('let downloads expire', () => {
    let now = 0
    const t = createTransfers(() => now)
    const ticket = t.offerDownload('/tmp/does-not-exist.csv', 'x.csv')
    now = 11 * 60 * 1000
    expect(t.takeDownload(ticket)).toBeUndefined()
    t.close()
  })
})
