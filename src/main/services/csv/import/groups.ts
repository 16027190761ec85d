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

/**
 * What the preview keeps of a session in a reps file: enough for the checks across its rows, never its values.
 * Its first row's session cells and the lines of its reps are kept while it is the session being read (a file
 * Sprintlog writes has each session's rows together); after that a hash of the cells, and its rep numbers as
 * bits, stand for them.
 */
interface Group {
  file: string
  line: number
  /** The session cells of its first row (`sessionCells`) while it is the current session; every rep must repeat them. */
  cells: string[] | null
  hash: number
  /** The session read well from its first row. */
  ok: boolean
  protocolUuid: string | null
  /** For the sample: the session's date and protocol name (only while the sample is being filled). */
  date: string
  protocolName: string | null
  /** Kept only for a session that may recreate its protocol (not in the database): its values and reps. */
  session: ImportedSession | null
  reps: Rep[] | null
  /** Their rep numbers. */
  keptAt: number[] | null
  /** Reps read, and rep numbers seen: bits 0–24 of each of four numbers stand for rep numbers 1–100. */
  count: number
  seen: [number, number, number, number]
  /** The line of each rep while the session is current: for the message about a rep number given twice. */
  lines: Map<number, number> | null
  /** rep_number given twice: [number, earlier line or 0, line]. */
  twice: [number, number, number][]
  present: boolean
  bad: boolean
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

/** What the reps files would add, once every row is read. */
export interface SessionsPlan {
  /** New sessions by UUID, with their number of reps. */
  planned: Map<string, number>
  newProtocols: Map<string, ImportedProtocol>
  presentSessions: Set<string>
  presentReps: number
  plannedReps: number
}

export function repGroups(repo: Lookups, report: Findings) {
  const groups = new Map<string, Group>()
  /** The session whose rows are being read, whose cells and lines are kept until another one starts. */
  let current: Group | null = null
  /** Sessions kept per unknown protocol (KEEP_FOR_PROTOCOL). */
  const keptFor = new Map<string, number>()
  const protocolsHere = new Map<string, boolean>()
  const knownProtocol = (uuid: string) => {
    let known = protocolsHere.get(uuid)
    if (known === undefined) protocolsHere.set(uuid, (known = repo.protocolId(uuid) !== undefined))
    return known
  }

  /** The group of a row: found by its session_uuid cell, or started from it. Null when the row disagrees with it. */
  function groupOf(file: string, line: number, header: HeaderInfo, cells: string[], style: NumberStyle): Group | null {
    const uuidCell = (cells[header.index.session_uuid ?? -1] ?? '').trim().toLowerCase()
    const g = groups.get(uuidCell)
    if (g !== undefined) {
      const column = g.cells ? differingSessionColumn(header, g.cells, cells) : hashCells(sessionCells(header, cells)) === g.hash ? null : 'session_uuid'
      if (column === null) return g
      report.error(file, line, `The session columns of this rep differ from ${where(g, file)}, an earlier rep of the same session.`, column)
      g.bad = true
      return null
    }
    const s = readSession(header, cells, style)
    const first = sessionCells(header, cells).map(own)
    const sampling = report.sampling()
    const started: Group = {
      file,
      line,
      cells: first,
      hash: hashCells(first),
      ok: s.ok,
      protocolUuid: s.ok ? ownOrNull(s.value.protocolUuid) : null,
      date: s.ok && sampling ? own(s.value.date) : '',
      protocolName: s.ok && sampling ? ownOrNull(s.value.protocolName) : null,
      session: null,
      reps: null,
      keptAt: null,
      count: 0,
      seen: [0, 0, 0, 0],
      lines: new Map(),
      twice: [],
      present: false,
      bad: !s.ok
    }
    if (s.ok) {
      started.present = repo.hasSession(s.value.uuid)
      const pu = s.value.protocolUuid
      if (!started.present && pu !== null && !knownProtocol(pu) && (keptFor.get(pu) ?? 0) < KEEP_FOR_PROTOCOL) {
        keptFor.set(pu, (keptFor.get(pu) ?? 0) + 1)
        started.session = ownSession(s.value)
        started.reps = []
        started.keptAt = []
      }
      groups.set(own(s.value.uuid), started)
    } else {
      for (const i of s.issues) report.error(file, line, i.message, i.column)
      // Later rows of the same broken session would repeat the same errors: group them under the raw cell.
      if (uuidCell !== '') groups.set(own(uuidCell), started)
    }
    return started
  }

  return {
    has: (uuid: string) => groups.has(uuid),

    /** One row of a reps file: its session's checks, then its rep (`readRep` reads the rep cells). */
    onRep(file: string, line: number, header: HeaderInfo, cells: string[], style: NumberStyle, readRep: (cells: string[]) => Read<ImportedRep>) {
      const g = groupOf(file, line, header, cells, style)
      if (g === null) return
      if (current !== g) {
        // Another session starts: the one before keeps only its hash and rep-number bits.
        if (current) {
          current.cells = null
          current.lines = null
        }
        current = g
      }
      const r = readRep(cells)
      const date = g.date
      if (!r.ok) {
        for (const i of r.issues) report.error(file, line, i.message, i.column)
        g.bad = true
        report.addSample({ file, line, kind: 'reps', date, summary: 'Rep', status: 'error', message: firstIssue(r.issues) })
        return
      }
      const position = r.value.position
      const word = Math.floor((position - 1) / 25) as 0 | 1 | 2 | 3
      const bit = 1 << (position - 1) % 25
      if (g.seen[word] & bit) g.twice.push([position, g.lines?.get(position) ?? 0, line])
      else {
        g.seen[word] |= bit
        g.lines?.set(position, line)
      }
      g.count++
      g.reps?.push(r.value.rep)
      g.keptAt?.push(position)
      if (report.sampling()) {
        const rp = r.value.rep
        report.addSample({
          file,
          line,
          kind: 'reps',
          date,
          summary: `Rep ${position} · ${rp.workSeconds} s ${rp.intensity}${rp.completed ? '' : ' (abandoned)'}${g.protocolName ? ` · ${clip(g.protocolName)}` : ''}`,
          status: g.bad ? 'error' : g.present ? 'present' : 'add'
        })
      }
    },

    /** Once every file is read: the sessions to add, the protocols to recreate, and the errors only the whole can show. */
    plan(): SessionsPlan {
      const out: SessionsPlan = { planned: new Map(), newProtocols: new Map(), presentSessions: new Set(), presentReps: 0, plannedReps: 0 }
      for (const [uuid, g] of groups) {
        if (!g.ok || g.bad) continue
        if (g.present) {
          out.presentSessions.add(uuid)
          out.presentReps += g.count
          continue
        }
        let ok = true
        for (const [position, a, b] of g.twice) {
          const lines = a > 0 ? `lines ${Math.min(a, b)} and ${Math.max(a, b)}` : `line ${b} and an earlier line`
          report.error(g.file, Math.max(a, b), `rep_number ${position} appears twice for session ${uuid} (${lines}).`, 'rep_number')
          ok = false
        }
        if (g.count > MAX_REPS) {
          report.error(g.file, g.line, `Session ${uuid} has ${g.count} reps; a session has at most ${MAX_REPS}.`)
          ok = false
        }
        const pu = g.protocolUuid
        if (ok && pu !== null && !knownProtocol(pu) && !out.newProtocols.has(pu)) ok = recreate(g, pu, out.newProtocols)
        if (ok) {
          out.planned.set(uuid, g.count)
          out.plannedReps += g.count
        }
      }
      return out
    }
  }

  /** Plans the protocol `pu` recreated from the first kept session of it; false (with the error) when it cannot be. */
  function recreate(g: Group, pu: string, into: Map<string, ImportedProtocol>): boolean {
    if (g.session === null || g.reps === null) {
      // Every session kept for this protocol had errors; this one's values were not kept.
      report.error(g.file, g.line, `The protocol ${pu} is not in Sprintlog, and no session of it without errors comes early enough in the file to recreate it from.`, 'protocol_uuid')
      return false
    }
    const s = g.session
    const order = g.reps.map((_, k) => k).sort((x, y) => (g.keptAt?.[x] ?? 0) - (g.keptAt?.[y] ?? 0))
    const reps = order.map((k) => g.reps?.[k] as Rep)
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
      report.error(g.file, g.line, message, 'protocol_name')
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

