/**
 * The export is RFC 4180 in every text column: every kind of line break a note or a name can hold is written so
 * that a strict reader (tests/helpers/rfc4180.ts, from the RFC's grammar) reads one record per row and gets the
 * text back exactly.
 */
import { describe, expect, it } from 'vitest'
import { COLUMNS, CSV_KINDS, type CsvKind, HEADERS } from '../../src/shared/csv'
import { addLocalDays } from '../../src/shared/dates'
import { useBackend } from '../helpers/backend'
import { clientFor } from '../helpers/client'
import { readRfc4180 } from '../helpers/rfc4180'
import { useTempDir } from '../helpers/tmp'
import { group, sprintReps } from '../helpers/training'
import { commit, exportKinds, preview } from './csv-fixtures'

const backend = useBackend()
const tmp = useTempDir()

/** Every kind of line break, alone, doubled, at either end and beside quotes and commas. */
const BREAKS = ['lone\nLF', 'lone\rCR', 'crlf\r\nhere', 'lf-cr\n\rhere', '\nleading LF', 'trailing CR\r', '\r\r\n\n', 'a "quoted",\rline', 'x\u2028y']

/** The text columns of each file that the test fills with line breaks. */
const FILLED: Record<CsvKind, string[]> = {
  sessions: ['protocol_name', 'notes', 'source_file', 'source_device', 'source_sha256'],
  reps: ['protocol_name', 'notes', 'source_file', 'source_device', 'source_sha256'],
  weights: ['note'],
  protocols: ['name', 'description', 'source_note'],
  blocks: ['name', 'protocol_name']
}

describe('CSV export and line breaks', () => {
  it('covers every text column of every file', () => {
    for (const kind of Object.keys(FILLED) as CsvKind[]) {
      const text = COLUMNS[kind].filter((c) => c.type === 'text').map((c) => c.name)
      expect(text.sort()).toEqual([...FILLED[kind]].sort())
    }
  })

  it('quotes a cell with any line break, so a strict RFC 4180 reader reads the text back exactly', async () => {
    const b = await backend()
    const client = clientFor(b.router)
    const days = (i: number) => addLocalDays('2026-05-01', i)
    for (const [i, text] of BREAKS.entries()) {
      const protocol = await client.protocols.create({
        name: `P${i} ${text}`,
        description: `D ${text}`,
        sourceNote: `N ${text}`,
        groups: [group({ count: 2, workSeconds: 20, recoverySeconds: 60 })]
      })
      await client.blocks.create({ name: `B ${text}`, startDate: days(7 * i), weeks: 1, sessionsPerWeek: 1, protocolId: protocol.id })
      const session = await client.sessions.create({ date: days(i), protocolId: protocol.id, plan: protocol.groups, notes: `S ${text}`, reps: sprintReps(2) })
      // The watch file it was logged from (its name and device as a file system and a watch may give them).
      b.db
        .prepare(`INSERT INTO session_sources (session_id, sha256, file_name, format, device, byte_size, imported_at) VALUES (?, ?, ?, 'fit', ?, 0, 'x')`)
        .run(session.id, String(i).repeat(64), `F ${text}`, `V ${text}`)
      await client.weights.add({ date: days(i), kg: 70 + i, note: `W ${text}` })
    }
    const files = await exportKinds(b.path, tmp(), CSV_KINDS)
    for (const kind of CSV_KINDS) {
      const records = readRfc4180(files[kind].toString('utf8').replace(/^\uFEFF/, ''))
      const [header, ...body] = records
      expect(header).toEqual([...HEADERS[kind]])
      const perSession = kind === 'reps' ? 2 : 1
      expect(body).toHaveLength(BREAKS.length * perSession)
      for (const record of body) expect(record).toHaveLength(HEADERS[kind].length)
      const cell = (name: string) => body.map((r) => r[HEADERS[kind].indexOf(name as never)])
      const each = (prefix: string) => BREAKS.flatMap((t, i) => Array.from({ length: perSession }, () => (prefix === 'P' ? `P${i} ${t}` : `${prefix} ${t}`)))
      const trimmed = (prefix: string) => each(prefix).map((n) => n.trim())
      if (kind === 'weights') expect(cell('note')).toEqual(each('W'))
      else if (kind === 'protocols') {
        expect(cell('name')).toEqual(trimmed('P'))
        expect(cell('description')).toEqual(each('D'))
        expect(cell('source_note')).toEqual(each('N'))
      } else if (kind === 'blocks') {
        expect(cell('name')).toEqual(trimmed('B'))
        expect(cell('protocol_name')).toEqual(trimmed('P'))
      } else {
        expect(cell('notes')).toEqual(each('S'))
        expect(cell('source_file')).toEqual(each('F'))
        expect(cell('source_device')).toEqual(each('V'))
        // Names are trimmed when saved: a name ending in a line break loses it.
        expect(cell('protocol_name')).toEqual(each('P').map((n) => n.trim()))
      }
    }

    // And Sprintlog reads them back exactly.
    const empty = await backend()
    const plan = await preview(empty.db, tmp(), { 'protocols.csv': files.protocols, 'blocks.csv': files.blocks, 'reps.csv': files.reps, 'body-weight.csv': files.weights })
    expect(plan.preview.errors).toEqual([])
    commit(empty.db, plan)
    plan.release()
    const texts = (db: typeof b.db) =>
      db
        .prepare(
          `SELECT notes AS text FROM sessions UNION ALL SELECT note FROM body_weights UNION ALL SELECT name FROM blocks
           UNION ALL SELECT name || '|' || description || '|' || source_note FROM protocols WHERE name LIKE 'P%' ORDER BY 1`
        )
        .all()
    expect(texts(empty.db)).toEqual(texts(b.db))
    const sources = (db: typeof b.db) => db.prepare(`SELECT sha256, file_name, device FROM session_sources ORDER BY sha256`).all()
    expect(sources(empty.db)).toEqual(sources(b.db))
    expect(texts(b.db)).toHaveLength(BREAKS.length * 4)
  })
})
