/**
 * Importing watch files: a file is read (src/main/services/watch), its SHA-256 taken and its bytes kept pending
 * until a save attaches them — to a new session (`sessions/create` with `sourceSha256`), or as body-weight entries
 * (`watch/addWeights`). The same file is never logged twice: its SHA-256 is unique among the sources. Nothing is
 * written by reading; a bad file is reported with its problem and changes nothing.
 */
import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { dateParam, msg } from '../../shared/i18n/message'
import { DomainError } from '../../shared/result'
import type { Protocol } from '../../shared/training'
import { MAX_BODY_KG, MIN_BODY_KG } from '../../shared/units'
import { MAX_WATCH_FILE_BYTES, WATCH_EXTENSIONS, type WatchFile, type WatchFileReading, type WatchProblem, watchProblemMessage } from '../../shared/watch'
import type { Db } from '../db/connection'
import type { ProtocolsRepo } from '../db/repos/protocols'
import type { ScaleWeightsRepo } from '../db/repos/scaleWeights'
import type { SourcesRepo } from '../db/repos/sources'
import type { WeightsRepo } from '../db/repos/weights'
import type { Platform } from '../platform'
import { WatchFileError } from './watch/types'
import type { PendingFile, PendingFiles } from './watchPending'

/** The reader: `readWatchFileOffThread` of src/main/services/watch/offThread.ts (tests may pass another). */
export type WatchReader = (fileName: string, bytes: Uint8Array, protocols: Protocol[], opts?: { timeZone?: string }) => WatchFileReading | Promise<WatchFileReading>

export interface WatchDeps {
  db: Db
  read: WatchReader
  pending: PendingFiles
  sources: SourcesRepo
  protocols: ProtocolsRepo
  weights: WeightsRepo
  scale: ScaleWeightsRepo
  platform?: Platform | undefined
}

const processZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone

/** True for a time zone Intl knows (an IANA name such as `Europe/Berlin`). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

function problemFile(fileName: string, size: number, sha256: string, problem: WatchProblem, params: Record<string, string | number> = {}): WatchFile {
  return {
    fileName,
    size,
    sha256,
    reading: null,
    alreadyLogged: null,
    error: { code: 'invalid_input', message: watchProblemMessage(fileName, problem, params), problem, params: { ...params, file: fileName } }
  }
}

/** The live session a file is logged as already; null when none (a deleted session's file may be logged again). */
function loggedAs(deps: Pick<WatchDeps, 'sources'>, sha256: string): WatchFile['alreadyLogged'] {
  const o = deps.sources.owner(sha256)
  return o && !o.deleted ? { sessionId: o.sessionId, date: o.date } : null
}

/** Reads one file's bytes: the reading, or its problem. Keeps a file that reads well pending, for the save. */
export async function readWatch(deps: WatchDeps, fileName: string, bytes: Uint8Array, timeZone: string = processZone()): Promise<WatchFile> {
  const name = basename(fileName.replace(/\\/g, '/')) || 'The file'
  if (bytes.byteLength > MAX_WATCH_FILE_BYTES) return problemFile(name, bytes.byteLength, '', 'too_large', { size: bytes.byteLength })
  const sha256 = sha256Hex(bytes)
  let reading: WatchFileReading
  try {
    reading = await deps.read(name, bytes, deps.protocols.list(true), { timeZone })
  } catch (e) {
    if (e instanceof WatchFileError) return problemFile(name, bytes.byteLength, sha256, e.problem, e.params)
    return problemFile(name, bytes.byteLength, sha256, 'unreadable', e instanceof Error ? { detail: e.message.slice(0, 200) } : {})
  }
  deps.pending.put({ sha256, fileName: name, bytes, reading, timeZone })
  return { fileName: name, size: bytes.byteLength, sha256, reading, alreadyLogged: reading.kind === 'activity' ? loggedAs(deps, sha256) : null, error: null }
}

/** `watch/read`: a file sent as base64 (web mode's file control, a dropped file). */
export function readWatchBase64(deps: WatchDeps, fileName: string, data: string, timeZone?: string): Promise<WatchFile> {
  // Base64 is 4 characters per 3 bytes: a file over the limit is refused before it is decoded.
  const approx = Math.floor((data.length * 3) / 4)
  if (approx > MAX_WATCH_FILE_BYTES + 3) return Promise.resolve(problemFile(basename(fileName) || 'The file', approx, '', 'too_large', { size: approx }))
  const bytes = Buffer.from(data, 'base64')
  return readWatch(deps, fileName, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), timeZone)
}

/** `watch/open` (desktop): the native open dialog, several files at once; each chosen file read like `watch/read`. */
export async function openWatchFiles(deps: WatchDeps, timeZone?: string): Promise<{ files: WatchFile[] }> {
  const choose = deps.platform?.chooseOpenPaths
  if (!choose) throw new DomainError('invalid_input', msg('watchNoDialog'))
  const paths = await choose({ title: { key: 'importWatch' }, filters: [{ name: { key: 'filterWatch' }, extensions: [...WATCH_EXTENSIONS] }] })
  const files: WatchFile[] = []
  for (const path of paths) {
    const name = basename(path)
    const size = (await stat(path)).size
    if (size > MAX_WATCH_FILE_BYTES) {
      files.push(problemFile(name, size, '', 'too_large', { size }))
      continue
    }
    files.push(await readWatch(deps, name, new Uint8Array(await readFile(path)), timeZone))
  }
  return { files }
}

/** How a new session names the file it was logged from. */
export interface SourceChoice {
  sha256: string
  /** The runner confirmed importing an activity that is not a run (as a free-form session). */
  notRunning?: boolean | undefined
}

const importAgain = (): DomainError =>
  new DomainError('not_found', msg('watchImportAgain'))

/**
 * The pending activity file a new session is to be saved with, after the checks: still pending, an activity, a run
 * or confirmed, and not logged already. Runs inside the session's transaction, before anything is written.
 */
export function sourceFor(deps: Pick<WatchDeps, 'pending' | 'sources'>, choice: SourceChoice): PendingFile {
  const f = deps.pending.get(choice.sha256)
  if (!f) throw importAgain()
  if (f.reading.kind !== 'activity') throw new DomainError('invalid_input', msg('watchIsWeights', { file: f.fileName }))
  if (!f.reading.running && !choice.notRunning) {
    throw new DomainError('invalid_input', msg('watchNotRunning', { file: f.fileName, sport: msg('watchSport', { sport: f.reading.sport }) }))
  }
  const logged = loggedAs(deps, f.sha256)
  if (logged) throw new DomainError('conflict', msg('watchLoggedAlready', { file: f.fileName, date: dateParam(logged.date) }))
  return f
}

/** Attaches a checked pending file to the session just written (same transaction). */
export function attachSource(deps: Pick<WatchDeps, 'sources'>, sessionId: number, f: PendingFile): void {
  if (f.reading.kind !== 'activity') return
  deps.sources.attach({
    sessionId,
    sha256: f.sha256,
    fileName: f.fileName.slice(0, 255),
    format: f.reading.format,
    device: f.reading.device?.slice(0, 120) ?? null,
    sport: f.reading.sport.slice(0, 40) || null,
    byteSize: f.bytes.byteLength,
    data: f.bytes
  })
}

/** The local date and time of an instant in a time zone: `2026-12-01`, `07:02`. */
function localParts(instant: string, timeZone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(instant))
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? ''
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` }
}

/** A weight entry's stable UUID from its instant and kilograms: the same reading imported twice is the same entry. */
export function scaleEntryUuid(measuredAt: string, kg: number): string {
  const h = createHash('sha256').update(`scale:${new Date(measuredAt).toISOString()}:${kg}`).digest('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 17), 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`
}

export interface AddedWeights {
  added: number
  /** Entries that are there already (the same instant and kilograms). */
  skipped: number
  /** Entries outside the body-weight bounds (20–400 kg), not added. */
  refused: number
}

/**
 * `watch/addWeights`: a pending weight-scale file's entries as body-weight entries, in one transaction. An entry
 * already there (same instant and kg, whichever file or CSV brought it) is skipped; one deleted since is restored.
 */
export function addScaleWeights(deps: WatchDeps, sha256: string): AddedWeights {
  const f = deps.pending.get(sha256)
  if (!f) throw importAgain()
  if (f.reading.kind !== 'weights') throw new DomainError('invalid_input', msg('watchIsActivity', { file: f.fileName }))
  const entries = f.reading.entries
  const device = f.reading.device
  const out = deps.db.transaction(() => {
    const r: AddedWeights = { added: 0, skipped: 0, refused: 0 }
    for (const e of entries) {
      if (!(e.kg >= MIN_BODY_KG && e.kg <= MAX_BODY_KG) || Number.isNaN(Date.parse(e.measuredAt))) {
        r.refused++
        continue
      }
      const uuid = scaleEntryUuid(e.measuredAt, e.kg)
      const here = deps.scale.byUuid(uuid)
      if (here && !here.deleted) {
        r.skipped++
        continue
      }
      if (here) deps.weights.restore(here.id)
      else {
        const { date, time } = localParts(e.measuredAt, f.timeZone)
        deps.weights.insert({ uuid, date, kg: e.kg, note: device ? `${time} · ${device}` : time })
      }
      r.added++
    }
    return r
  }).immediate()
  deps.pending.remove(sha256)
  return out
}
