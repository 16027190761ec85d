import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/main/db/connection'
import { protocolsRepo, type ProtocolsRepo } from '../../src/main/db/repos/protocols'
import { sessionsRepo } from '../../src/main/db/repos/sessions'
import { duplicateProtocol, updateProtocol } from '../../src/main/services/protocols'
import { createSession, updateSession } from '../../src/main/services/sessions'
import { useTempDir } from '../helpers/tmp'
import { sprintReps } from '../helpers/training'

const tmp = useTempDir()

const draft = { date: '2026-11-20', startTime: '07:30', protocolId: null, plan: null, warmupSeconds: 600, cooldownSeconds: 300, rpe: 8, couldNotRecover: false, notes: '' }
const template = { name: 'Hills', description: '', sourceNote: '', terrain: 'hill' as const, groups: [] }

/**
 * A back end whose protocol look-ups also try to archive the protocol from a second connection (another
 * process) at the moment of the check: inside the service's write transaction that writer must be shut out.
 */
async function open() {
  const path = join(tmp(), 's.db')
  const { db } = await openDatabase({ path })
  const other = new Database(path, { timeout: 0 })
  const repo = protocolsRepo(db)
  const interleaved: { inTransaction: boolean; otherWrite: string }[] = []
  const protocols: ProtocolsRepo = {
    ...repo,
    get: (id) => {
      let otherWrite = 'written'
      try {
        other.prepare('UPDATE protocols SET archived = 1 WHERE id = ?').run(id)
      } catch (e) {
        otherWrite = (e as { code?: string }).code ?? String(e)
      }
      interleaved.push({ inTransaction: db.inTransaction, otherWrite })
      return repo.get(id)
    }
  }
  const deps = { db, protocols, sessions: sessionsRepo(db) }
  const close = () => {
    other.close()
    db.close()
  }
  return { db, repo, deps, interleaved, close }
}

const count = (db: Database.Database, table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n

describe('services check and write in one transaction', () => {
  it('a session is saved against a protocol no other writer can change between the check and the write', async () => {
    const { repo, deps, interleaved, close } = await open()
    const p = repo.insert('p1', template)
    const s = createSession(deps, { ...draft, protocolId: p.id, reps: sprintReps(2) })
    updateSession(deps, s.id, { ...draft, protocolId: p.id, notes: 'again', reps: sprintReps(3) })
    expect(interleaved).toEqual([
      { inTransaction: true, otherWrite: 'SQLITE_BUSY' },
      { inTransaction: true, otherWrite: 'SQLITE_BUSY' }
    ])
    expect(repo.get(p.id)?.archived).toBe(false)
    close()
  })

  it('a missing protocol is refused with the same code, message and field, and nothing is written', async () => {
    const { db, deps, close } = await open()
    const refusal = { code: 'invalid_input', message: 'There is no protocol with id 99.', issues: [{ path: 'protocolId', message: 'There is no protocol with id 99.', key: 'noProtocol', params: { id: '99' } }] }
    expect(() => createSession(deps, { ...draft, protocolId: 99, reps: sprintReps(2) })).toThrow(expect.objectContaining(refusal))
    const s = createSession(deps, { ...draft, reps: sprintReps(2) })
    expect(() => updateSession(deps, s.id, { ...draft, protocolId: 99, notes: 'x', reps: sprintReps(4) })).toThrow(expect.objectContaining(refusal))
    expect(deps.sessions.get(s.id)).toMatchObject({ notes: '', reps: sprintReps(2) })
    expect(() => updateSession(deps, 404, { ...draft, reps: sprintReps(1) })).toThrow(
      expect.objectContaining({ code: 'not_found', message: 'There is no session with id 404.' })
    )
    expect(count(db, 'sessions')).toBe(1)
    expect(db.inTransaction).toBe(false)
    close()
  })

  it('a built-in protocol is checked and left unchanged inside the transaction; duplicates read and write in one', async () => {
    const { repo, deps, interleaved, close } = await open()
    const builtIn = repo.list(false).find((p) => p.builtIn)!
    expect(() => updateProtocol(deps, builtIn.id, template)).toThrow(
      expect.objectContaining({ code: 'conflict', message: `“${builtIn.name}” is built in and cannot be changed. Duplicate it and edit the copy.` })
    )
    expect(repo.get(builtIn.id)).toEqual(builtIn)
    const copy = duplicateProtocol(deps, builtIn.id)
    expect(copy).toMatchObject({ name: `${builtIn.name} (copy)`, builtIn: false })
    expect(copy).toMatchObject({ description: builtIn.description, sourceNote: builtIn.sourceNote })
    expect(duplicateProtocol(deps, builtIn.id, { name: '副本', description: '说明', sourceNote: '出处' })).toMatchObject({ name: '副本', description: '说明', sourceNote: '出处', builtIn: false })
    expect(duplicateProtocol(deps, builtIn.id, { name: '副本' })).toMatchObject({ name: '副本 (2)', description: builtIn.description })
    expect(duplicateProtocol(deps, builtIn.id, { name: builtIn.name })).toMatchObject({ name: `${builtIn.name} (2)` })
    expect(updateProtocol(deps, copy.id, template)).toMatchObject({ id: copy.id, name: 'Hills' })
    expect(() => updateProtocol(deps, 999, template)).toThrow(expect.objectContaining({ code: 'not_found', message: 'There is no protocol with id 999.' }))
    expect(interleaved.every((c) => c.inTransaction && c.otherWrite === 'SQLITE_BUSY')).toBe(true)
    // The four checks, and the read-backs of the writes, all inside the transaction.
    expect(interleaved.length).toBeGreaterThanOrEqual(4)
    close()
  })
})
