/**
 * The sessions of a reps file as the preview reads them, row by row: each session's rows must agree on its columns,
 * give each rep number once, and stay within a session's reps; a session whose protocol is neither in Sprintlog nor
 * in a protocols file of the same import must bring enough to recreate it. What is kept per session is small (see `Group`), so memory stays flat.
 */
import { issueMsg, type Msg, msgOf } from '../../../../shared/i18n/message'
import { differingSessionColumn, type HeaderInfo, type ImportedRep, type ImportedSession, type NumberStyle, type Read, readSession, sessionCells } from '../../../../shared/csv'
import { REP_FIELDS, SESSION_FIELDS } from '../../../../shared/records'
import { protocolFields } from '../../../../shared/schemas'
import type { Rep, RepeatGroup } from '../../../../shared/training'
import { COMPARED, type ImportedProtocol } from '../../../db/repos/import'
import type { ImportScratch, ScratchSession } from '../../../db/repos/importScratch'
import { type changeList, differingColumns } from './compare'
import { clip, described, firstIssue, own, ownOrNull, ownSession, where } from './files'
import type { Findings, Lookups } from './plan'

const MAX_REPS = 100
/** Sessions per unknown protocol whose values are kept, so that one of them can recreate it. */
const KEEP_FOR_PROTOCOL = 3

/** A session's flags. */
const OK = 1
const BAD = 2
const PRESENT = 4
const PLANNED = 8
/** In Sprintlog but deleted there; in Sprintlog with other values (session columns or reps). */
const DELETED = 16
const DIFFERS = 32
/** The bits that say how a session read: with no errors, and in Sprintlog. */
const READ = OK | BAD | PRESENT | DELETED

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
  /** Sessions in Sprintlog whose values differ from the files', and sessions deleted there. */
  differs: number
  deleted: number
  /** A session of the files that is in Sprintlog and differs or was deleted there, as the preview found it. */
  changed(uuid: string): ChangedSession | undefined
  newProtocols: Map<string, ImportedProtocol>
  present: { sessions: number; reps: number }
  plannedReps: number
}

export interface ChangedSession {
  state: 'differs' | 'deleted'
  /** Its rep rows in the files. */
  count: number
  /** Its state in Sprintlog when previewed. */
  stamp: string
}

/** The values of a session whose protocol is not in Sprintlog, kept so that it can recreate that protocol. */
interface Kept {
  session: ImportedSession
  reps: Rep[]
  /** Their rep numbers. */
  at: number[]
}

/**
 * The session whose rows are being read: its notes (as the scratch table keeps them), its first row's session
 * cells, which every rep must repeat, and the line of each rep number (for the message about a number given
 * twice). A session whose rows resume after another's has neither: its hash and rep-number bits stand for them.
 */
interface Current extends ScratchSession {
  /** False for a session whose UUID could not be read: it is never looked up again. */
  keyed: boolean
  cells: string[] | null
  lines: Map<number, number> | null
  /** For a live session in Sprintlog: its reps there by rep number (index 0: rep 1), to compare the file's with. */
  repsHere: (Record<string, unknown> | undefined)[] | null
  /** The file's date and protocol name of the session (null for one resumed after another's). */
  info: { date: string; protocolName: string | null } | null
}

const REP_WORD = ['s0', 's1', 's2', 's3'] as const

/**
 * The sessions of the reps files. What the preview notes of each session (a hash of its first row's session
 * cells, its rep count and rep numbers, flags, where it starts) goes into a scratch table on disk
 * (db/repos/importScratch.ts) once its rows end, so that memory does not grow with the number of sessions.
 */
export function repGroups(
  repo: Lookups,
  report: Findings,
  scratch: ImportScratch,
  inProtocolsFile: (uuid: string) => boolean = () => false,
  changes: ReturnType<typeof changeList> | null = null
) {
  const files: string[] = []
  let current: Current | null = null
  let seq = 0
  /** Sessions kept per unknown protocol (KEEP_FOR_PROTOCOL), and their values. */
  const keptFor = new Map<string, number>()
  const kept = new Map<string, Kept>()
  /** rep_number given twice, per session: [number, earlier line or 0, line]. */
  const twice = new Map<string, [number, number, number][]>()
  /** For the sample: the date and protocol name of sessions started while it is being filled. */
  const shown = new Map<string, { date: string; protocolName: string | null }>()
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
  const at = (s: ScratchSession) => ({ file: files[s.file] as string, line: s.line })
  const note = ({ keyed: _k, cells: _c, lines: _l, repsHere: _r, info: _i, ...s }: Current) => scratch.put(s)
  const byNumber = (reps: Record<string, unknown>[]) => {
    const out: (Record<string, unknown> | undefined)[] = []
    for (const r of reps) out[(r.position as number) - 1] = r
    return out
  }
  /** Where a session is, for the list of differing records; a session resumed after another's is described from Sprintlog's. */
  const describeFrom = (s: ScratchSession, date: string | null, protocolName: string | null) => () => {
    const d = date ?? String(repo.sessionHere(s.uuid)?.values.date ?? '')
    return { ...at(s), date: d, ...(protocolName ? described('csvSumSession', { protocol: clip(protocolName) }) : described(date === null ? 'csvSumSessionBare' : 'csvSumSessionFree')) }
  }
  const switchTo = (next: Current) => {
    if (current?.keyed) note(current)
    current = next
  }
  const flush = () => {
    if (current?.keyed) note(current)
    current = null
  }

  /** The session of a row: found by its session_uuid cell, or started from it; null when the row disagrees with it. */
  function sessionOf(file: string, line: number, header: HeaderInfo, cells: string[], style: NumberStyle): Current | null {
    const uuidCell = (cells[header.index.session_uuid ?? -1] ?? '').trim().toLowerCase()
    const mine = current?.keyed && current.uuid === uuidCell ? current : null
    const noted = mine || uuidCell === '' ? undefined : scratch.get(uuidCell)
    if (mine || noted) {
      const first = mine?.cells ?? null
      const hash = (mine ?? noted)?.hash
      const column = first ? differingSessionColumn(header, first, cells) : hashCells(sessionCells(header, cells)) === hash ? null : 'session_uuid'
      if (column === null) {
        if (mine) return mine
        const n = noted as ScratchSession
        const live = (n.flags & (PRESENT | DELETED)) === PRESENT && n.db > 0
        switchTo({ ...n, keyed: true, cells: null, lines: null, repsHere: live ? byNumber(repo.repsHere(n.db)) : null, info: null })
        return current
      }
      const earlier = (mine ?? noted) as ScratchSession
      report.error(file, line, { key: 'csvRepSessionDiffers', params: { where: where(at(earlier), file) } }, column)
      if (mine) mine.flags |= BAD
      else scratch.setFlags(earlier.uuid, earlier.flags | BAD)
      return null
    }
    const s = readSession(header, cells, style)
    const first = sessionCells(header, cells).map(own)
    let flags = s.ok ? OK : BAD
    const here = s.ok ? repo.sessionHere(s.value.uuid) : undefined
    if (here) flags |= here.deleted ? PRESENT | DELETED : PRESENT
    const uuid = s.ok ? own(s.value.uuid) : own(uuidCell)
    const started: Current = {
      uuid,
      seq: seq++,
      hash: hashCells(first),
      count: 0,
      s0: 0,
      s1: 0,
      s2: 0,
      s3: 0,
      flags,
      file: fileNumber(file),
      line,
      protocol: s.ok ? ownOrNull(s.value.protocolUuid) : null,
      // A broken session's later rows would repeat its errors: they are grouped under the raw cell.
      db: here?.id ?? 0,
      dbReps: here?.reps ?? 0,
      stamp: here?.stamp ?? null,
      keyed: uuid !== '',
      cells: first,
      lines: new Map(),
      repsHere: here && !here.deleted ? byNumber(repo.repsHere(here.id)) : null,
      info: s.ok && here ? { date: own(s.value.date), protocolName: ownOrNull(s.value.protocolName) } : null
    }
    switchTo(started)
    if (s.ok && here && changes) {
      // A sessions file read before may have noted it: the reps file, with its reps, judges it instead.
      changes.drop('sessions', uuid)
      const where = describeFrom(started, own(s.value.date), s.value.protocolName)
      if (here.deleted) changes.deleted('sessions', uuid, where)
      else {
        const columns = differingColumns(SESSION_FIELDS, COMPARED.sessions, s.value as unknown as Record<string, unknown>, here.values)
        if (columns.length > 0) {
          started.flags |= DIFFERS
          changes.differs('sessions', uuid, where, columns)
        }
      }
    }
    if (s.ok) {
      if (report.sampling()) shown.set(uuid, { date: own(s.value.date), protocolName: ownOrNull(s.value.protocolName) })
      const pu = started.protocol
      if (!(flags & PRESENT) && pu !== null && !knownProtocol(pu) && (keptFor.get(pu) ?? 0) < KEEP_FOR_PROTOCOL) {
        keptFor.set(pu, (keptFor.get(pu) ?? 0) + 1)
        kept.set(uuid, { session: ownSession(s.value), reps: [], at: [] })
      }
    } else {
      for (const i of s.issues) report.error(file, line, msgOf(i), i.column)
    }
    return started
  }

  return {
    has(uuid: string): boolean {
      return (current?.keyed === true && current.uuid === uuid) || scratch.get(uuid) !== undefined
    },

    /** One row of a reps file: its session's checks, then its rep (`readRep` reads the rep cells). */
    onRep(file: string, line: number, header: HeaderInfo, cells: string[], style: NumberStyle, readRep: (cells: string[]) => Read<ImportedRep>) {
      const g = sessionOf(file, line, header, cells, style)
      if (g === null) return
      const r = readRep(cells)
      const info = shown.get(g.uuid)
      const date = info?.date ?? ''
      if (!r.ok) {
        for (const i of r.issues) report.error(file, line, msgOf(i), i.column)
        g.flags |= BAD
        report.addSample({ file, line, kind: 'reps', date, ...described('csvSumRepBare'), status: 'error', ...firstIssue(r.issues) })
        return
      }
      const position = r.value.position
      const word = REP_WORD[Math.floor((position - 1) / 25)] as (typeof REP_WORD)[number]
      const bit = 1 << (position - 1) % 25
      if (g[word] & bit) {
        let list = twice.get(g.uuid)
        if (!list) twice.set(g.uuid, (list = []))
        list.push([position, g.lines?.get(position) ?? 0, line])
      } else {
        g[word] |= bit
        g.lines?.set(position, line)
      }
      g.count++
      if (g.repsHere && !(g.flags & BAD)) compareRep(g, position, r.value.rep)
      const k = kept.get(g.uuid)
      if (k) {
        k.reps.push(r.value.rep)
        k.at.push(position)
      }
      if (report.sampling()) {
        const rp = r.value.rep
        report.addSample({
          file,
          line,
          uuid: g.uuid,
          kind: 'reps',
          date,
          ...described(info?.protocolName ? 'csvSumRepOf' : 'csvSumRep', {
            position,
            seconds: rp.workSeconds ?? 0,
            intensity: (rp.intensity ?? 'none').replace('-', '_'),
            abandoned: rp.completed ? 'no' : 'yes',
            ...(info?.protocolName ? { protocol: clip(info.protocolName) } : {})
          }),
          status: g.flags & BAD ? 'error' : g.flags & DELETED ? 'deleted' : g.flags & PRESENT ? (g.flags & DIFFERS ? 'differs' : 'present') : 'add'
        })
      }
    },

    /** Once every file is read: the sessions to add, the protocols to recreate, and the errors only the whole can show. */
    plan(): SessionsPlan {
      flush()
      const NEW = OK | BAD | PRESENT
      // Every session read well and not in Sprintlog is planned, unless one of the checks below takes it off.
      scratch.flagWhere(PLANNED, NEW, OK, MAX_REPS)
      for (const s of scratch.over(NEW, OK, MAX_REPS)) report.error(at(s).file, s.line, { key: 'csvTooManyReps', params: { uuid: s.uuid, n: String(s.count), max: String(MAX_REPS) } })
      for (const [uuid, list] of twice) {
        const s = scratch.get(uuid)
        if (!s || (s.flags & NEW) !== OK) continue
        for (const [position, a, b] of list) {
          const lines = a > 0 ? `lines ${Math.min(a, b)} and ${Math.max(a, b)}` : `line ${b} and an earlier line`
          report.error(at(s).file, Math.max(a, b), { key: 'csvRepTwice', params: { position: String(position), uuid, lines } }, 'rep_number')
        }
        scratch.setFlags(uuid, s.flags & ~PLANNED)
      }
      // A protocol not in Sprintlog is recreated from the first planned session of it whose values were kept; the
      // planned sessions of it met before that one cannot be added.
      const newProtocols = new Map<string, ImportedProtocol>()
      for (const pu of scratch.protocols(PLANNED)) {
        // A protocol of a protocols file in the same import is written first; its sessions link to it by UUID.
        if (knownProtocol(pu) || inProtocolsFile(pu)) continue
        let from = Infinity
        // The kept sessions of it (at most KEEP_FOR_PROTOCOL) that are still planned, in the order met.
        const candidates: [ScratchSession, Kept][] = []
        for (const [uuid, k] of kept) {
          const s = k.session.protocolUuid === pu ? scratch.get(uuid) : undefined
          if (s && s.flags & PLANNED) candidates.push([s, k])
        }
        for (const [s, k] of candidates.sort(([a], [b]) => a.seq - b.seq)) {
          const p = recreate(s, k, pu)
          if (p) {
            newProtocols.set(pu, p)
            from = s.seq
            break
          }
        }
        for (const s of scratch.before(pu, PLANNED, from)) {
          if (kept.has(s.uuid)) continue
          const { file, line } = at(s)
          report.error(file, line, { key: 'csvProtocolNotRecreated', params: { uuid: pu } }, 'protocol_uuid')
        }
        scratch.clearBefore(PLANNED, pu, from)
      }
      missingReps()
      const planned = scratch.totals(PLANNED, PLANNED)
      const sessions: PlannedSessions = { size: planned.sessions, get: (uuid) => scratch.countOf(uuid, PLANNED) }
      return {
        planned: sessions,
        newProtocols,
        present: scratch.totals(OK | BAD | PRESENT, OK | PRESENT),
        plannedReps: planned.reps,
        differs: scratch.totals(READ | DIFFERS, OK | PRESENT | DIFFERS).sessions,
        deleted: scratch.totals(READ, OK | PRESENT | DELETED).sessions,
        changed(uuid) {
          const s = scratch.get(uuid)
          if (!s || s.stamp === null || (s.flags & (OK | BAD | PRESENT)) !== (OK | PRESENT)) return undefined
          if (s.flags & DELETED) return { state: 'deleted', count: s.count, stamp: s.stamp }
          return s.flags & DIFFERS ? { state: 'differs', count: s.count, stamp: s.stamp } : undefined
        }
      }
    }
  }

  /** A rep of a live session in Sprintlog against its rep of the same number there. */
  function compareRep(g: Current, position: number, rep: Rep) {
    const here = g.repsHere?.[position - 1]
    const columns = here
      ? differingColumns(REP_FIELDS, COMPARED.reps, rep as unknown as Record<string, unknown>, here).map((c) => `rep ${position}: ${c}`)
      : [`rep ${position}: not in Sprintlog`]
    if (columns.length === 0) return
    g.flags |= DIFFERS
    changes?.differs('sessions', g.uuid, describeFrom(g, g.info?.date ?? null, g.info?.protocolName ?? null), columns)
  }

  /** The reps of live sessions in Sprintlog that the files do not have: a difference too. */
  function missingReps() {
    let after = ''
    for (;;) {
      const page = scratch.page(READ, OK | PRESENT, after, 500)
      if (page.length === 0) return
      for (const s of page) {
        after = s.uuid
        const missing: string[] = []
        for (let p = 1; p <= s.dbReps; p++) {
          const word = REP_WORD[Math.floor((p - 1) / 25)] as (typeof REP_WORD)[number]
          if (!(s[word] & (1 << (p - 1) % 25))) missing.push(`rep ${p}: not in the file`)
        }
        if (missing.length === 0) continue
        scratch.setFlags(s.uuid, s.flags | DIFFERS)
        changes?.differs('sessions', s.uuid, describeFrom(s, null, null), missing)
      }
    }
  }

  /** The protocol `pu` recreated from a kept session of it; null (with the error) when it cannot be. */
  function recreate(at0: ScratchSession, k: Kept, pu: string): ImportedProtocol | null {
    const { file, line } = at(at0)
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
      const first = p.error.issues[0]
      const message: Msg =
        name === ''
          ? { key: 'csvProtocolNeedsName', params: { uuid: pu } }
          : { key: 'csvProtocolNotValid', params: { name, reason: first ? issueMsg(first) : { key: 'text', params: { text: '' } } } }
      report.error(file, line, message, 'protocol_name')
      return null
    }
    return { uuid: pu, name: p.data.name, description: p.data.description, terrain: p.data.terrain, groups: p.data.groups }
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
      recoveryMode: r.recoverySeconds === null ? 'walk-down' : r.recoveryMode,
      loadKg: r.loadKg,
      loadKind: r.loadKind,
      treadmillKmh: r.treadmillKmh
    }
    const last = groups[groups.length - 1]
    if (last && last.count < 50 && JSON.stringify({ ...last, count: 1 }) === JSON.stringify(g)) last.count++
    else groups.push(g)
  }
  return groups.slice(0, 10)
}

