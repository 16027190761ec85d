/**
 * A corpus of nasty files, generated here. Each one either imports exactly or is rejected with line-numbered
 * errors and nothing written. Files go through the same service the UI uses: preview, then confirm.
 */
import { statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { stringify } from 'csv-stringify/sync'
import { describe, expect, it } from 'vitest'
import { openReader } from '../../src/main/db/reader'
import { createDataService } from '../../src/main/services/csv/service'
import { HEADERS, type ImportStatus, REP_COLUMNS, rowCells, SESSION_COLUMNS, storedValues } from '../../src/shared/csv'
import { DomainError } from '../../src/shared/result'
import { useBackend } from '../helpers/backend'
import { useTempDir } from '../helpers/tmp'
import { rep } from '../helpers/training'
import { counts } from './csv-fixtures'

const backend = useBackend()
const tmp = useTempDir()

const T = '2026-03-01T08:00:00.000Z'
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
const CRLF = '\r\n'
const BOM = '\uFEFF'

const weightHeader = HEADERS.weights.join(',')
const weightRow = (n: number, date = '2026-03-01', kg = '72.4', note = '') => [uuid(n), date, kg, '', note, T, T].join(',')

/** Records as the export writes them: their stored values, through the export's cell writer. */
type SessionRecord = Record<string, unknown>
const cells = {
  session: (s: SessionRecord) => rowCells(SESSION_COLUMNS, storedValues(SESSION_COLUMNS, s)),
  rep: (r: Record<string, unknown>) => rowCells(REP_COLUMNS, storedValues(REP_COLUMNS, r))
}
function session(n: number, over: Partial<SessionRecord> = {}): SessionRecord {
  return {
    uuid: uuid(n),
    date: '2026-03-01',
    startTime: '07:30',
    protocolUuid: '6b1f0c3e-0d5a-4b8e-9a51-000000000002',
    protocolName: 'Sprint 6×20 s',
    plan: null,
    plannedReps: 0,
    warmupSeconds: 600,
    cooldownSeconds: 300,
    rpe: 8,
    couldNotRecover: false,
    notes: '',
    repsDone: 0,
    workSeconds: 0,
    distanceMeters: 0,
    durationSeconds: 0,
    load: null,
    createdAt: T,
    updatedAt: T,
    ...over
  }
}
const repCells = (position: number, workSeconds = 20, over: Record<string, unknown> = {}) => cells.rep({ position, ...rep({ workSeconds }), ...over })
/** A reps file: each session with `reps` reps, written exactly as the export writes them. */
function repsFile(sessions: { s: SessionRecord; reps: number }[], header = true): string {
  const rows = sessions.flatMap(({ s, reps }) => Array.from({ length: reps }, (_, i) => [...cells.session(s), ...repCells(i + 1)]))
  return stringify(rows, { header, columns: [...HEADERS.reps], record_delimiter: 'windows' })
}

async function setup() {
  const b = await backend()
  const data = createDataService({ db: b.db, openReader: () => openReader(b.path), log: () => {} })
  const dir = tmp()
  /** Previews the files like the UI does; returns the finished status. */
  const previewFiles = async (files: Record<string, string | Buffer>): Promise<ImportStatus> => {
    const ids = Object.entries(files).map(([name, body]) => {
      const path = join(dir, name)
      writeFileSync(path, body)
      return data.transfers.addFile(path, name, statSync(path).size, false).fileId
    })
    return data.previewDone(data.startPreview(ids).previewId)
  }
  /** Previews, then confirms when the preview allows it; checks nothing was written when it does not. */
  const attempt = async (files: Record<string, string | Buffer>) => {
    const before = counts(b.db)
    const status = await previewFiles(files)
    expect(status.state).toBe('ready')
    const preview = status.preview!
    if (!preview.canImport) {
      await expect(data.commit(status.previewId)).rejects.toThrow(DomainError)
      expect(counts(b.db)).toEqual(before)
      return { preview, added: null }
    }
    return { preview, added: (await data.commit(status.previewId)).added! }
  }
  return { b, data, dir, attempt, previewFiles }
}

const errorsOf = (p: { errors: { line: number; column?: string; message: string }[] }) => p.errors.map((e) => [e.line, e.column ?? '', e.message])

describe('importing nasty files', () => {
  it.each([
    ['an empty file', ''],
    ['a file with only a byte-order mark', BOM],
    ['a file of blank lines', '\r\n\r\n  \r\n']
  ])('rejects %s on line 1', async (_name, body) => {
    const { attempt } = await setup()
    const { preview } = await attempt({ 'x.csv': body })
    expect(errorsOf(preview)).toEqual([[1, '', expect.stringMatching(/empty/)]])
  })

  it('accepts a header with no rows, adding nothing', async () => {
    const { attempt } = await setup()
    const { preview } = await attempt({ 'x.csv': weightHeader + CRLF })
    expect(preview).toMatchObject({ errorCount: 0, canImport: false, toAdd: { weights: 0 } })
    expect(preview.warnings.join()).toMatch(/no rows/)
  })

  it('rejects a file that is not a Sprintlog file', async () => {
    const { attempt } = await setup()
    const { preview } = await attempt({ 'x.csv': 'Date,Weight\r\n2026-03-01,72.4\r\n' })
    expect(errorsOf(preview)).toEqual([[1, '', expect.stringMatching(/not a Sprintlog CSV file/)]])
  })

  it('rejects a header that lacks a column, naming it', async () => {
    const { attempt } = await setup()
    const header = HEADERS.weights.filter((c) => c !== 'weight_kg' && c !== 'created_at').join(',')
    const { preview } = await attempt({ 'x.csv': `${header}\r\n${uuid(1)},2026-03-01,,,${T}\r\n` })
    expect(errorsOf(preview)).toEqual([[1, '', expect.stringMatching(/lacks the columns “weight_kg”, “created_at”/)]])
  })

  it('rejects a header that names a column twice', async () => {
    const { attempt } = await setup()
    const { preview } = await attempt({ 'x.csv': `${weightHeader},note\r\n${weightRow(1)},x\r\n` })
    expect(errorsOf(preview)).toEqual([[1, '', expect.stringMatching(/“note” appears twice/)]])
  })

  it('imports a file with extra columns (ignored, with a warning) and without the derived ones, in any column order', async () => {
    const { attempt, b } = await setup()
    const body = `mood,Note,WEIGHT_KG,date,weight_uuid,created_at,updated_at\r\ngood,fasted,72.4,2026-03-01,${uuid(1)},${T},${T}\r\n`
    const { preview, added } = await attempt({ 'x.csv': body })
    expect(preview.warnings.join()).toMatch(/ignored the column “mood”/)
    expect(added).toMatchObject({ weights: 1 })
    expect(b.db.prepare('SELECT uuid, date, kg, note FROM body_weights').get()).toEqual({ uuid: uuid(1), date: '2026-03-01', kg: 72.4, note: 'fasted' })
  })

  it('rejects rows with missing or extra cells, by line', async () => {
    const { attempt } = await setup()
    const body = [weightHeader, weightRow(1), `${uuid(2)},2026-03-01,72.4`, `${weightRow(3)},surplus`, weightRow(4)].join(CRLF) + CRLF
    const { preview } = await attempt({ 'x.csv': body })
    expect(errorsOf(preview)).toEqual([
      [3, '', 'This row has 3 cells, the header has 7.'],
      [4, '', 'This row has 8 cells, the header has 7.']
    ])
  })

  it('reads doubled quotes inside quotes, and rejects a bare quote inside a quoted cell with its line', async () => {
    const good = await setup()
    const r = await good.attempt({ 'x.csv': [weightHeader, weightRow(1, '2026-03-01', '72.4', '"she said ""go"", then ""GO"""')].join(CRLF) })
    expect(r.added).toMatchObject({ weights: 1 })
    expect(good.b.db.prepare('SELECT note FROM body_weights').get()).toEqual({ note: 'she said "go", then "GO"' })

    const bad = await setup()
    const { preview } = await bad.attempt({ 'x.csv': [weightHeader, weightRow(1), weightRow(2, '2026-03-01', '72', '"she said "go""'), weightRow(3)].join(CRLF) })
    expect(errorsOf(preview)).toEqual([[3, '', expect.stringMatching(/quote/)]])
  })

  it('reads line breaks inside quoted cells and still numbers later lines right', async () => {
    const { attempt, b } = await setup()
    const body = [weightHeader, weightRow(1, '2026-03-01', '72', '"one\r\ntwo\r\nthree"'), weightRow(2, '2026-03-01', '72', '"a\nb"'), weightRow(3, '2026-02-30')].join(CRLF)
    const { preview } = await attempt({ 'x.csv': body })
    expect(errorsOf(preview)).toEqual([[7, 'date', expect.stringMatching(/2026-02-30.*real calendar date/)]])
    const fixed = body.replace('2026-02-30', '2026-02-28')
    const again = await attempt({ 'x.csv': fixed })
    expect(again.added).toMatchObject({ weights: 3 })
    expect((b.db.prepare('SELECT note FROM body_weights ORDER BY id').all() as { note: string }[]).map((r) => r.note)).toEqual(['one\r\ntwo\r\nthree', 'a\nb', ''])
  })

  it('reads a file whose line ends are mixed (CRLF, LF and CR), with quoted line breaks kept and lines numbered right', async () => {
    const { attempt, b } = await setup()
    const body = `${weightHeader}\r\n${weightRow(1)}\n${weightRow(2, '2026-03-02', '72', '"a\r\nb"')}\r${weightRow(3, '2026-03-03')}\r\n${weightRow(4, '2026-02-30')}\n`
    const { preview } = await attempt({ 'x.csv': body })
    expect(errorsOf(preview)).toEqual([[6, 'date', expect.stringMatching(/2026-02-30.*real calendar date/)]])
    const again = await attempt({ 'x.csv': body.replace('2026-02-30', '2026-03-04') })
    expect(again.added).toMatchObject({ weights: 4 })
    expect(b.db.prepare('SELECT date, note FROM body_weights ORDER BY id').all()).toEqual([
      { date: '2026-03-01', note: '' },
      { date: '2026-03-02', note: 'a\r\nb' },
      { date: '2026-03-03', note: '' },
      { date: '2026-03-04', note: '' }
    ])
  })

  it('reports an unclosed quote on the line where it opens', async () => {
    const { attempt } = await setup()
    const body = [weightHeader, weightRow(1), weightRow(2, '2026-03-01', '72', '"never closed'), weightRow(3), weightRow(4)].join(CRLF)
    const { preview } = await attempt({ 'x.csv': body })
    expect(errorsOf(preview)).toEqual([[3, '', expect.stringMatching(/never closed/)]])
  })

  it('reads the same data with or without a BOM, with CRLF or LF line ends', async () => {
    const rows = [weightHeader, weightRow(1, '2026-03-01', '72.4', '"a, b"'), weightRow(2, '2026-03-02', '71.9')]
    const kept: unknown[] = []
    for (const body of [BOM + rows.join(CRLF) + CRLF, rows.join('\n'), BOM + rows.join('\n') + '\n', rows.join('\r')]) {
      const { attempt, b } = await setup()
      expect((await attempt({ 'x.csv': body })).added).toMatchObject({ weights: 2 })
      kept.push(b.db.prepare('SELECT uuid, date, kg, note, created_at, updated_at FROM body_weights ORDER BY id').all())
    }
    expect(kept[1]).toEqual(kept[0])
    expect(kept[2]).toEqual(kept[0])
    expect(kept[3]).toEqual(kept[0])
  })

  it('reads a Latin-1 (Windows-1252) file from an older spreadsheet, and says so', async () => {
    const { attempt, b } = await setup()
    const body = Buffer.from([weightHeader, weightRow(1, '2026-03-01', '72.4', 'Café au lait 5 ~')].join(CRLF), 'latin1')
    body[body.indexOf('~')] = 0x80 // € in Windows-1252; not valid UTF-8, and neither is the é
    const { preview } = await attempt({ 'x.csv': body })
    expect(preview.files[0]?.encoding).toBe('windows-1252')
    expect(preview.warnings.join()).toMatch(/not UTF-8/)
    expect(b.db.prepare('SELECT note FROM body_weights').get()).toEqual({ note: 'Café au lait 5 €' })
  })

  it('refuses a UTF-8 file with a stray byte in it, naming its line, instead of reading all its text as Windows-1252', async () => {
    const { attempt, b } = await setup()
    const rows = [weightHeader, weightRow(1, '2026-03-01', '72', '中文 😀 —'), weightRow(2, '2026-03-02', '72', 'stray ~ here'), weightRow(3, '2026-03-03', '72', '"two\nlines ~"')]
    const body = Buffer.from(rows.join(CRLF), 'utf8')
    body[body.indexOf('~')] = 0xff
    body[body.lastIndexOf('~')] = 0xc3 // a lead byte without its continuation
    const { preview } = await attempt({ 'x.csv': body })
    expect(errorsOf(preview)).toEqual([[3, '', expect.stringMatching(/UTF-8 text except for the byte 0xFF on this line/)]])
    expect(preview.canImport).toBe(false)
    expect(b.db.prepare('SELECT count(*) AS n FROM body_weights').get()).toEqual({ n: 0 })
    // The first bad byte is named: with the 0xFF fixed, the lone lead byte on line 5 (the second line of a quoted note).
    body[body.indexOf(0xff)] = 0x2d
    expect(errorsOf((await attempt({ 'x.csv': body })).preview)).toEqual([[5, '', expect.stringMatching(/except for the byte 0xC3 on this line/)]])
  })

  it('refuses UTF-16 text by name', async () => {
    const { attempt, b } = await setup()
    const text = [weightHeader, weightRow(1)].join(CRLF)
    for (const body of [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])]) {
      const { preview } = await attempt({ 'x.csv': body })
      expect(errorsOf(preview)).toEqual([[1, '', expect.stringMatching(/UTF-16 text, which Sprintlog does not read\. Save it again as UTF-8/)]])
    }
    expect(b.db.prepare('SELECT count(*) AS n FROM body_weights').get()).toEqual({ n: 0 })
  })

  it('checks UTF-8 across the 1 MiB reads: a character cut in two by them is UTF-8, a file ending in half of one is not', async () => {
    // Rows of long ASCII notes up to just before 1 MiB, then a note whose 2-, 3- or 4-byte character straddles it.
    const MiB = 1 << 20
    for (const [char, shift] of [['é', 1], ['€', 1], ['€', 2], ['🏃', 1], ['🏃', 3]] as const) {
      const rows = [weightHeader]
      let size = Buffer.byteLength(rows[0] + CRLF)
      let n = 1
      while (MiB - size > 9_500) {
        rows.push(weightRow(n++, '2026-03-01', '72.4', 'x'.repeat(9_000)))
        size += Buffer.byteLength(rows[rows.length - 1] + CRLF)
      }
      const before = Buffer.byteLength(`${weightRow(n, '2026-03-01', '72.4', '')}`.split(',').slice(0, 4).join(',') + ',')
      const note = `${'y'.repeat(MiB - shift - size - before)}${char} end`
      rows.push(weightRow(n, '2026-03-01', '72.4', note))
      const body = Buffer.from(rows.join(CRLF) + CRLF, 'utf8')
      expect(body.subarray(MiB - shift, MiB - shift + Buffer.byteLength(char)).toString('utf8')).toBe(char)
      const { attempt, b } = await setup()
      const { preview } = await attempt({ 'x.csv': body })
      expect(preview.files[0]?.encoding).toBe('utf-8')
      expect(b.db.prepare('SELECT note FROM body_weights WHERE note LIKE ?').pluck().get('%end')).toBe(note)
    }
    // Cut short in the middle of a character: not UTF-8, read as Windows-1252.
    const { previewFiles } = await setup()
    const status = await previewFiles({ 'x.csv': Buffer.from(`${weightHeader}${CRLF}${weightRow(1)}${CRLF}x🏃`, 'utf8').subarray(0, -2) })
    expect(status.preview?.files[0]?.encoding).toBe('windows-1252')
  })

  it('reads `;`-separated files with decimal commas (European spreadsheets)', async () => {
    const { attempt, b } = await setup()
    const body = [HEADERS.weights.join(';'), [uuid(1), '2026-03-01', '72,45', '159,72', 'fasted, early', T, T].join(';')].join(CRLF)
    const { preview } = await attempt({ 'x.csv': body })
    expect(preview.files[0]).toMatchObject({ delimiter: ';', decimalComma: true })
    expect(b.db.prepare('SELECT kg, note FROM body_weights').get()).toEqual({ kg: 72.45, note: 'fasted, early' })
  })

  it('does not guess at a decimal comma in a comma-separated file', async () => {
    const { attempt } = await setup()
    const { preview } = await attempt({ 'x.csv': [weightHeader, weightRow(1, '2026-03-01', '"72,4"')].join(CRLF) })
    expect(errorsOf(preview)).toEqual([[2, 'weight_kg', expect.stringMatching(/not a number \(decimal commas are read only in files separated by “;”\)/)]])
  })

  it('rejects impossible dates, negative durations and out-of-range values, naming line and column', async () => {
    const { attempt } = await setup()
    const body = repsFile([
      { s: session(1, { date: '2026-02-30' }), reps: 1 },
      { s: session(2, { warmupSeconds: -60 }), reps: 1 },
      { s: session(3, { rpe: 11 }), reps: 1 }
    ]).replace(/,20,,max,/, ',-20,,max,')
    const { preview } = await attempt({ 'reps.csv': body })
    expect(errorsOf(preview)).toEqual([
      [2, 'date', expect.stringMatching(/real calendar date/)],
      [2, 'rep_work_seconds', 'Work must be at least 0.1 s.'],
      [3, 'warmup_seconds', 'Warm-up must be at least 0 s.'],
      [4, 'rpe', 'RPE is at most 10.']
    ])
  })

  it('rejects timestamps that name no real instant (30 February, 24:00, minute 60, offset +24:00), naming line and column', async () => {
    const bad = ['2026-02-30T10:00:00Z', '2026-01-01T24:00:00Z', '2026-01-01T23:60:00.000Z', '2026-01-01T10:00:00+24:00']
    const { attempt, b } = await setup()
    const rows = bad.map((t, i) => [uuid(i + 1), `2026-03-0${i + 1}`, '72', '', '', T, t].join(','))
    const { preview } = await attempt({ 'x.csv': [weightHeader, ...rows, weightRow(9, '2026-03-09')].join(CRLF) })
    expect(errorsOf(preview)).toEqual(bad.map((t, i) => [i + 2, 'updated_at', expect.stringContaining(`“${t}”: Expected a real date and time`)]))
    expect(b.db.prepare('SELECT count(*) AS n FROM body_weights').get()).toEqual({ n: 0 })

    const reps = await setup()
    const r = await reps.attempt({ 'reps.csv': repsFile([{ s: session(1, { createdAt: '2026-02-29T08:00:00.000Z' }), reps: 2 }]) })
    expect(errorsOf(r.preview)).toEqual([[2, 'created_at', expect.stringMatching(/“2026-02-29T08:00:00.000Z”: Expected a real date and time/)]])
    // The same instants written as real ones import.
    const fine = await setup()
    const ok = ['2026-02-28T10:00:00Z', '2026-01-01T23:59:59.999Z', '2026-01-01T10:00:00+14:00', '2024-02-29T00:00:00-03:30']
    const okRows = ok.map((t, i) => [uuid(i + 1), `2026-03-0${i + 1}`, '72', '', '', T, t].join(','))
    expect((await fine.attempt({ 'x.csv': [weightHeader, ...okRows].join(CRLF) })).added).toMatchObject({ weights: 4 })
  })

  it('accepts 10,000-character notes and rejects longer ones', async () => {
    const ok = await setup()
    const long = 'n'.repeat(10_000)
    expect((await ok.attempt({ 'reps.csv': repsFile([{ s: session(1, { notes: long }), reps: 2 }]) })).added).toMatchObject({ sessions: 1, reps: 2 })
    expect(ok.b.db.prepare('SELECT notes FROM sessions').get()).toEqual({ notes: long })

    const bad = await setup()
    const { preview } = await bad.attempt({ 'reps.csv': repsFile([{ s: session(1, { notes: `${long}!` }), reps: 2 }]) })
    expect(errorsOf(preview)).toEqual([[2, 'notes', 'A note can be at most 10,000 characters.']])
  })

  it('takes off the formula-neutralising quote, and keeps formula text typed in a spreadsheet as text', async () => {
    const { attempt, b } = await setup()
    const body = [weightHeader, weightRow(1, '2026-03-01', '72', "'=1+1"), weightRow(2, '2026-03-02', '72', '=1+1'), weightRow(3, '2026-03-03', '72', "''-x"), weightRow(4, '2026-03-04', '72', "'ok")].join(CRLF)
    expect((await attempt({ 'x.csv': body })).added).toMatchObject({ weights: 4 })
    expect((b.db.prepare('SELECT note FROM body_weights ORDER BY id').all() as { note: string }[]).map((r) => r.note)).toEqual(['=1+1', '=1+1', "'-x", "'ok"])
  })

  it('rejects duplicate UUIDs within a file, and duplicate rep numbers within a session', async () => {
    const w = await setup()
    const { preview } = await w.attempt({ 'x.csv': [weightHeader, weightRow(1), weightRow(2), weightRow(1, '2026-03-05')].join(CRLF) })
    expect(errorsOf(preview)).toEqual([[4, 'weight_uuid', `weight_uuid ${uuid(1)} appears twice (also line 2).`]])

    const r = await w.attempt({ 'reps.csv': repsFile([{ s: session(7), reps: 2 }]) + repsFile([{ s: session(7), reps: 1 }], false) })
    expect(errorsOf(r.preview)).toEqual([[4, 'rep_number', expect.stringMatching(/rep_number 1 appears twice/)]])
  })

  it('rejects a rep whose session columns disagree with the session’s other reps', async () => {
    const { attempt } = await setup()
    const body = repsFile([{ s: session(1), reps: 2 }]) + repsFile([{ s: session(1, { notes: 'changed' }), reps: 1 }], false)
    const { preview } = await attempt({ 'reps.csv': body })
    expect(errorsOf(preview)).toEqual([[4, 'notes', expect.stringMatching(/differ from line 2/)]])
  })

  it('groups reps by session even when a spreadsheet sorted the rows, and recreates a missing protocol', async () => {
    const { attempt, b } = await setup()
    const mine = { protocolUuid: uuid(99), protocolName: 'My hills', plan: null }
    const rows = repsFile([
      { s: session(1, mine), reps: 3 },
      { s: session(2), reps: 2 }
    ]).split(CRLF)
    const shuffled = [rows[0], rows[3], rows[4], rows[1], rows[5], rows[2], ''].join(CRLF)
    const { added, preview } = await attempt({ 'reps.csv': shuffled })
    expect(preview.newProtocols).toEqual(['My hills'])
    expect(added).toEqual({ sessions: 2, reps: 5, weights: 0, protocols: 1, blocks: 0 })
    expect(b.db.prepare(`SELECT p.name, count(r.id) AS reps FROM sessions s JOIN protocols p ON p.id = s.protocol_id JOIN reps r ON r.session_id = s.id WHERE s.uuid = ?`).get(uuid(1))).toEqual({ name: 'My hills', reps: 3 })
  })

  it('reads loads in kilograms and treadmill speeds in km/h, ignores their display columns, and refuses them out of range', async () => {
    const { attempt, b } = await setup()
    const header = HEADERS.reps
    const row = (n: number, position: number, over: Record<string, unknown>) => [...cells.session(session(n)), ...repCells(position, 20, over)]
    const good = [row(1, 1, { loadKg: 12.5, loadKind: 'vest' }), row(1, 2, { treadmillKmh: 14 }), row(1, 3, { loadKg: 40, loadKind: 'sled', treadmillKmh: 8.5 })]
    // A spreadsheet that changed the pound and m/s columns: they are computed, so they are ignored.
    const lb = header.indexOf('rep_load_lb')
    const mps = header.indexOf('rep_treadmill_mps')
    for (const r of good) {
      r[lb] = '999'
      r[mps] = '1'
    }
    const { added } = await attempt({ 'reps.csv': stringify(good, { header: true, columns: [...header], record_delimiter: 'windows' }) })
    expect(added).toMatchObject({ sessions: 1, reps: 3 })
    expect(b.db.prepare('SELECT load_kg, load_kind, treadmill_kmh FROM reps ORDER BY position').all()).toEqual([
      { load_kg: 12.5, load_kind: 'vest', treadmill_kmh: null },
      { load_kg: null, load_kind: null, treadmill_kmh: 14 },
      { load_kg: 40, load_kind: 'sled', treadmill_kmh: 8.5 }
    ])
    const bad = [row(2, 1, { loadKg: 0, loadKind: 'vest' }), row(2, 2, { loadKg: 301, loadKind: 'sled' }), row(2, 3, { loadKg: 5, loadKind: 'rucksack' }), row(2, 4, { treadmillKmh: 45 })]
    const { preview } = await attempt({ 'reps.csv': stringify(bad, { header: true, columns: [...header], record_delimiter: 'windows' }) })
    expect(errorsOf(preview)).toEqual([
      [2, 'rep_load_kg', 'A load is more than 0 kg.'],
      [3, 'rep_load_kg', 'A load is at most 300 kg.'],
      [4, 'rep_load_kind', 'Load kind must be one of vest, sled, other.'],
      [5, 'rep_treadmill_kmh', 'A treadmill speed is at most 40 km/h.']
    ])
  })

  it('checks sessions whose rows are scattered through the file by what it noted of them', async () => {
    const { attempt } = await setup()
    // Session 1's third rep comes after session 2's rows, with other notes: its columns differ from its first row.
    const body = repsFile([{ s: session(1), reps: 2 }]) + repsFile([{ s: session(2), reps: 2 }], false) + repsFile([{ s: session(1, { notes: 'changed' }), reps: 1 }], false)
    const { preview, added } = await attempt({ 'reps.csv': body })
    expect(added).toBeNull()
    expect(errorsOf(preview)).toEqual([[6, 'session_uuid', expect.stringMatching(/differ from line 2/)]])
    expect(preview.toAdd).toMatchObject({ sessions: 1, reps: 2 })
  })

  it('refuses a session with more than 100 reps, and takes the others', async () => {
    const { attempt } = await setup()
    const rows = repsFile([{ s: session(1), reps: 1 }]).split(CRLF)
    // 101 reps numbered 1–100 and 1 again: the count is over the limit whatever the numbers.
    const many = Array.from({ length: 101 }, (_, i) => [...cells.session(session(1)), ...repCells((i % 100) + 1)].join(','))
    const { preview } = await attempt({ 'reps.csv': [rows[0], ...many, ...repsFile([{ s: session(2), reps: 2 }], false).split(CRLF)].join(CRLF) })
    expect(errorsOf(preview)).toEqual(
      expect.arrayContaining([[2, '', `Session ${uuid(1)} has 101 reps; a session has at most 100.`]])
    )
    expect(preview.toAdd).toMatchObject({ sessions: 1, reps: 2 })
  })

  it('refuses the sessions of a missing protocol when none of it without errors comes early enough to recreate it', async () => {
    const { attempt } = await setup()
    const mine = { protocolUuid: uuid(98), protocolName: 'My hills', plan: null }
    // The first three sessions of the protocol (the ones whose values are kept) each have a bad rep; the fourth is fine.
    const broken = [1, 2, 3].map((n) => [...cells.session(session(n, mine)), ...repCells(1, 0)])
    const body = stringify(broken, { header: true, columns: [...HEADERS.reps], record_delimiter: 'windows' }) + repsFile([{ s: session(4, mine), reps: 1 }], false)
    const { preview } = await attempt({ 'reps.csv': body })
    expect(preview.newProtocols).toEqual([])
    expect(errorsOf(preview)).toContainEqual([5, 'protocol_uuid', expect.stringMatching(/no session of it without errors comes early enough/)])
    expect(preview.toAdd.sessions).toBe(0)
  })

  it('rejects the whole file when one row is bad: nothing from the good rows is written', async () => {
    const { attempt } = await setup()
    const body = [weightHeader, weightRow(1), weightRow(2), weightRow(3, '2026-03-01', '7000'), weightRow(4)].join(CRLF)
    const { preview, added } = await attempt({ 'x.csv': body })
    expect(added).toBeNull()
    expect(preview.toAdd.weights).toBe(3)
    expect(errorsOf(preview)).toEqual([[4, 'weight_kg', 'A body weight must be at most 400 kg.']])
  })
})
