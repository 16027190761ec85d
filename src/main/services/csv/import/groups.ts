/**
 * The sessions of a reps file as the preview reads them, row by row: each session's rows must agree on its columns,
 * give each rep number once, and stay within a session's reps; a session whose protocol is not in Sprintlog must
 * bring enough to recreate it. What is kept per session is small (see `Group`), so memory stays flat.
 */
import { differingSessionColumn, type HeaderInfo, type ImportedRep, type ImportedSession, type NumberStyle, type Read, readSession, sessionCells } from '../../../../shared/csv'
import { protocolFields } from '../../../../shared/schemas'
import type { Rep, RepeatGroup } from '../../../../shared/training'
import type { ImportedProtocol } from '../../../db/repos/import'
import { clip, firstIssue, own, ownOrNull, ownSession, where } from './files'
import type { Findings, Lookups } from './plan'

const MAX_REPS = 100
/** Sessions per unknown protocol whose values are kept, so that one of them can recreate it. */
const KEEP_FOR_PROTOCOL = 3

/** A session's flags in the table. */
const OK = 1
const BAD = 2
const PRESENT = 4
const PLANNED = 8

/**
 * What the preview keeps of every session of the reps files, once it is no longer the one being read: a few
 * numbers in typed columns (about 36 bytes, and its UUID as the key of the index), so that a file of millions
 * of rows costs little more memory than a small one. The hash of its first row's session cells stands for the
 * cells, and its rep numbers are bits: bits 0–24 of each of four numbers stand for rep numbers 1–100.
 */
class SessionTable {
  size = 0
  hash = new Uint32Array(1024)
  count = new Uint32Array(1024)
  seen = new Uint32Array(4096)
  flags = new Uint8Array(1024)
  file = new Uint16Array(1024)
  line = new Uint32Array(1024)
  /** Index into `protocols`, or -1 for a free-form session. */
  protocol = new Int32Array(1024)
  readonly protocols: string[] = []
  private readonly protocolIndex = new Map<string, number>()

  add(file: number, line: number, hash: number, flags: number, protocolUuid: string | null): number {
    if (this.size === this.hash.length) this.grow()
    const id = this.size++
    this.file[id] = file
    this.line[id] = line
    this.hash[id] = hash
    this.flags[id] = flags
    this.protocol[id] = protocolUuid === null ? -1 : this.protocolOf(protocolUuid)
    return id
  }

  private protocolOf(uuid: string): number {
    let k = this.protocolIndex.get(uuid)
    if (k === undefined) {
      k = this.protocols.push(own(uuid)) - 1
      this.protocolIndex.set(this.protocols[k] as string, k)
    }
    return k
  }

  private grow() {
    const n = this.hash.length * 2
    const wider = <T extends Uint32Array | Uint8Array | Uint16Array | Int32Array>(a: T, size: number): T => {
      const b = new (a.constructor as new (n: number) => T)(size)
      b.set(a)
      return b
    }
    this.hash = wider(this.hash, n)
    this.count = wider(this.count, n)
    this.seen = wider(this.seen, n * 4)
    this.flags = wider(this.flags, n)
    this.file = wider(this.file, n)
    this.line = wider(this.line, n)
    this.protocol = wider(this.protocol, n)
  }
}

/** A 32-bit FNV-1a hash of a row's session cells. */
function hashCells(cells: readonly string[]): number {
  let h = 0x811c9dc5
  for (const c of cells) {
    for (let i = 0; i < c.length; i++) h = Math.imul(h ^ c.charCodeAt(i), 0x01000193)
    h = Math.imul(h ^ 0x1f, 0x01000193)
  }
  return h >>> 0
}

/** The sessions a confirmed import adds, by UUID, with the number of reps each has in the files. */
export interface PlannedSessions {
  readonly size: number
  get(uuid: string): number | undefined
}

/** What the reps files would add, once every row is read. */
export interface SessionsPlan {
  planned: PlannedSessions
  newProtocols: Map<string, ImportedProtocol>
  presentSessions: Set<string>
  presentReps: number
  plannedReps: number
}

/** The values of a session whose protocol is not in Sprintlog, kept so that it can recreate that protocol. */
interface Kept {
  session: ImportedSession
  reps: Rep[]
  /** Their rep numbers. */
  at: number[]
}

export function repGroups(repo: Lookups, report: Findings) {
  const table = new SessionTable()
  /** Each session's row in the table, by UUID (or, for a session that could not be read, by its raw UUID cell). */
  const index = new Map<string, number>()
  const files: string[] = []
  /**
   * The session whose rows are being read: its first row's session cells, which every rep must repeat, and the
   * line of each rep number (for the message about a number given twice). A session whose rows resume after
   * another's has neither: its hash and bits stand for them.
   */
  let current: { id: number; cells: string[] | null; lines: Map<number, number> | null } | null = null
  /** Sessions kept per unknown protocol (KEEP_FOR_PROTOCOL), and their values. */
  const keptFor = new Map<string, number>()
  const kept = new Map<number, Kept>()
  /** rep_number given twice, per session: [number, earlier line or 0, line]. */
  const twice = new Map<number, [number, number, number][]>()
  /** For the sample: the date and protocol name of sessions started while it is being filled. */
  const shown = new Map<number, { date: string; protocolName: string | null }>()
  const protocolsHere = new Map<string, boolean>()
  const knownProtocol = (uuid: string) => {
    let known = protocolsHere.get(uuid)
    if (known === undefined) protocolsHere.set(uuid, (known = repo.protocolId(uuid) !== undefined))
    return known
  }
  const fileNumber = (file: string) => {
    const k = files.lastIndexOf(file)
    return k >= 0 ? k : files.push(file) - 1
  }
  const at = (id: number) => ({ file: files[table.file[id] as number] as string, line: table.line[id] as number })

  /** The session of a row: found by its session_uuid cell, or started from it; -1 when the row disagrees with it. */
  function sessionOf(file: string, line: number, header: HeaderInfo, cells: string[], style: NumberStyle): number {
    const uuidCell = (cells[header.index.session_uuid ?? -1] ?? '').trim().toLowerCase()
    const found = index.get(uuidCell)
    if (found !== undefined) {
      const first = current?.id === found ? current.cells : null
      const column = first ? differingSessionColumn(header, first, cells) : hashCells(sessionCells(header, cells)) === table.hash[found] ? null : 'session_uuid'
      if (column === null) return found
      report.error(file, line, `The session columns of this rep differ from ${where(at(found), file)}, an earlier rep of the same session.`, column)
      table.flags[found] = (table.flags[found] as number) | BAD
      return -1
    }
    const s = readSession(header, cells, style)
    const first = sessionCells(header, cells).map(own)
    let flags = s.ok ? OK : BAD
    if (s.ok && repo.hasSession(s.value.uuid)) flags |= PRESENT
    const id = table.add(fileNumber(file), line, hashCells(first), flags, s.ok ? s.value.protocolUuid : null)
    current = { id, cells: first, lines: new Map() }
    if (s.ok) {
      if (report.sampling()) shown.set(id, { date: own(s.value.date), protocolName: ownOrNull(s.value.protocolName) })
      const pu = s.value.protocolUuid
      if (!(flags & PRESENT) && pu !== null && !knownProtocol(pu) && (keptFor.get(pu) ?? 0) < KEEP_FOR_PROTOCOL) {
        keptFor.set(pu, (keptFor.get(pu) ?? 0) + 1)
        kept.set(id, { session: ownSession(s.value), reps: [], at: [] })
      }
      index.set(own(s.value.uuid), id)
    } else {
      for (const i of s.issues) report.error(file, line, i.message, i.column)
      // Later rows of the same broken session would repeat the same errors: group them under the raw cell.
      if (uuidCell !== '') index.set(own(uuidCell), id)
    }
    return id
  }

  return {
    has: (uuid: string) => index.has(uuid),

    /** One row of a reps file: its session's checks, then its rep (`readRep` reads the rep cells). */
    onRep(file: string, line: number, header: HeaderInfo, cells: string[], style: NumberStyle, readRep: (cells: string[]) => Read<ImportedRep>) {
      const id = sessionOf(file, line, header, cells, style)
      if (id < 0) return
      // Rows of a session seen before resume: only its hash and bits stand for its first row.
      if (current?.id !== id) current = { id, cells: null, lines: null }
      const r = readRep(cells)
      const info = shown.get(id)
      const date = info?.date ?? ''
      if (!r.ok) {
        for (const i of r.issues) report.error(file, line, i.message, i.column)
        table.flags[id] = (table.flags[id] as number) | BAD
        report.addSample({ file, line, kind: 'reps', date, summary: 'Rep', status: 'error', message: firstIssue(r.issues) })
        return
      }
      const position = r.value.position
      const word = id * 4 + Math.floor((position - 1) / 25)
      const bit = 1 << (position - 1) % 25
      if ((table.seen[word] as number) & bit) {
        let list = twice.get(id)
        if (!list) twice.set(id, (list = []))
        list.push([position, current.lines?.get(position) ?? 0, line])
      } else {
        table.seen[word] = (table.seen[word] as number) | bit
        current.lines?.set(position, line)
      }
      table.count[id] = (table.count[id] as number) + 1
      const k = kept.get(id)
      if (k) {
        k.reps.push(r.value.rep)
        k.at.push(position)
      }
      if (report.sampling()) {
        const rp = r.value.rep
        const flags = table.flags[id] as number
        report.addSample({
          file,
          line,
          kind: 'reps',
          date,
          summary: `Rep ${position} · ${rp.workSeconds} s ${rp.intensity}${rp.completed ? '' : ' (abandoned)'}${info?.protocolName ? ` · ${clip(info.protocolName)}` : ''}`,
          status: flags & BAD ? 'error' : flags & PRESENT ? 'present' : 'add'
        })
      }
    },

    /** Once every file is read: the sessions to add, the protocols to recreate, and the errors only the whole can show. */
    plan(): SessionsPlan {
      const newProtocols = new Map<string, ImportedProtocol>()
      const presentSessions = new Set<string>()
      let presentReps = 0
      let plannedReps = 0
      let planned = 0
      for (const [uuid, id] of index) {
        const flags = table.flags[id] as number
        if (!(flags & OK) || flags & BAD) continue
        const count = table.count[id] as number
        if (flags & PRESENT) {
          presentSessions.add(uuid)
          presentReps += count
          continue
        }
        let ok = true
        const { file, line } = at(id)
        for (const [position, a, b] of twice.get(id) ?? []) {
          const lines = a > 0 ? `lines ${Math.min(a, b)} and ${Math.max(a, b)}` : `line ${b} and an earlier line`
          report.error(file, Math.max(a, b), `rep_number ${position} appears twice for session ${uuid} (${lines}).`, 'rep_number')
          ok = false
        }
        if (count > MAX_REPS) {
          report.error(file, line, `Session ${uuid} has ${count} reps; a session has at most ${MAX_REPS}.`)
          ok = false
        }
        const p = table.protocol[id] as number
        const pu = p < 0 ? null : (table.protocols[p] as string)
        if (ok && pu !== null && !knownProtocol(pu) && !newProtocols.has(pu)) ok = recreate(id, pu, newProtocols)
        if (ok) {
          table.flags[id] = flags | PLANNED
          planned++
          plannedReps += count
        }
      }
      const sessions: PlannedSessions = {
        size: planned,
        get(uuid) {
          const id = index.get(uuid)
          return id !== undefined && (table.flags[id] as number) & PLANNED ? table.count[id] : undefined
        }
      }
      return { planned: sessions, newProtocols, presentSessions, presentReps, plannedReps }
    }
  }

  /** Plans the protocol `pu` recreated from the first kept session of it; false (with the error) when it cannot be. */
  function recreate(id: number, pu: string, into: Map<string, ImportedProtocol>): boolean {
    const { file, line } = at(id)
    const k = kept.get(id)
    if (!k) {
      // Every session kept for this protocol had errors; this one's values were not kept.
      report.error(file, line, `The protocol ${pu} is not in Sprintlog, and no session of it without errors comes early enough in the file to recreate it from.`, 'protocol_uuid')
      return false
    }
    const s = k.session
    const reps = k.reps.map((_, j) => j).sort((x, y) => (k.at[x] ?? 0) - (k.at[y] ?? 0)).map((j) => k.reps[j] as Rep)
    const name = (s.protocolName ?? '').trim()
    const p = protocolFields.safeParse({
      name,
      description: 'Recreated from an imported CSV file, with the plan of the first imported session that followed it.',
      terrain: (s.plan ?? []).some((x) => x.hill) || reps.some((r) => r.hill) ? 'hill' : 'flat',
      groups: s.plan ?? groupsFromReps(reps)
    })
    if (!p.success) {
      const message =
        name === ''
          ? `The protocol ${pu} is not in Sprintlog; its name is needed to recreate it.`
          : `The protocol “${name}” is not in Sprintlog and cannot be recreated from this row: ${p.error.issues[0]?.message ?? ''}`
      report.error(file, line, message, 'protocol_name')
      return false
    }
    into.set(pu, { uuid: pu, name: p.data.name, description: p.data.description, terrain: p.data.terrain, groups: p.data.groups })
    return true
  }
}

/** A plan for a recreated protocol when the session had none: one group per run of identical reps. */
function groupsFromReps(reps: readonly Rep[]): RepeatGroup[] {
  const groups: RepeatGroup[] = []
  for (const r of reps) {
    const g: RepeatGroup = {
      count: 1,
      workSeconds: Math.min(3600, Math.max(1, Math.round(r.workSeconds))),
      workMeters: null,
      intensity: r.intensity,
      intensityPct: r.intensityPct,
      hill: r.hill,
      inclinePct: r.inclinePct,
      recoverySeconds: r.recoverySeconds === null ? null : Math.min(3600, r.recoverySeconds),
      recoveryMode: r.recoverySeconds === null ? 'walk-down' : r.recoveryMode
    }
    const last = groups[groups.length - 1]
    if (last && last.count < 50 && JSON.stringify({ ...last, count: 1 }) === JSON.stringify(g)) last.count++
    else groups.push(g)
  }
  return groups.slice(0, 10)
}

