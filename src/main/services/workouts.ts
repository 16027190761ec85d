/**
 * A protocol's plan as a FIT workout file for a watch (watch/workout.ts). The plan is, by default, the plan as
 * progressed: the one the next-session card suggests (`adviceFor`); otherwise the protocol's own repeat groups.
 * Where the file goes depends on the platform, as for the calendar and CSV exports: desktop, a native save dialog;
 * web mode, a one-time download.
 */
import { rename, rm, writeFile } from 'node:fs/promises'
import { basename } from 'node:path'
import type { WorkoutExport } from '../../shared/contract'
import { todayLocal, type LocalDate } from '../../shared/dates'
import { SESSION_FIELDS } from '../../shared/records'
import { DomainError } from '../../shared/result'
import type { Protocol } from '../../shared/training'
import { resourceProblem } from '../db/errors'
import type { Platform } from '../platform'
import type { Transfers } from './csv/transfers'
import { must, notFound } from './found'
import { adviceFor, type SessionDeps } from './sessions'
import { encodeWorkout } from './watch/workout'

export interface WorkoutExportDeps extends SessionDeps {
  platform?: Platform | undefined
  transfers: Transfers
  now?: () => Date
}

/** Warm-up and cool-down of the workout: the session form's defaults, as for the calendar's planned sessions. */
const WARMUP_SECONDS = SESSION_FIELDS.warmupSeconds.schema.parse(undefined)
const COOLDOWN_SECONDS = SESSION_FIELDS.cooldownSeconds.schema.parse(undefined)

/** Names no file may have on Windows, whatever its extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i

/**
 * `<protocol name>.fit`, the name kept as typed (any script) but safe on every system: no path separators, no
 * characters Windows refuses, no control characters, no leading or trailing dots and spaces, at most 100 characters.
 */
export function workoutFileName(protocol: Pick<Protocol, 'name'>): string {
  let name = protocol.name
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.-]+|[\s.]+$/g, '')
  name = Array.from(name).slice(0, 100).join('').trimEnd()
  if (name === '' || RESERVED.test(name)) name = `workout${name === '' ? '' : `-${name}`}`
  return `${name}.fit`
}

/** A write that failed: a full disk or a folder that cannot be written to says so, with its own code. */
function writeFailure(e: unknown): DomainError {
  const problem = resourceProblem(e)
  if (problem === 'disk_full') return new DomainError('disk_full', { key: 'workoutDiskFull' })
  if (problem === 'read_only') return new DomainError('read_only', { key: 'workoutReadOnly' })
  if (problem === 'locked') return new DomainError('busy', { key: 'workoutLocked' })
  return new DomainError('unavailable', { key: 'workoutWriteFailed', params: { detail: e instanceof Error ? e.message : String(e) } })
}

/** Writes the protocol's plan as a FIT workout file; null when the runner cancels the save dialog. */
export async function exportWorkout(deps: WorkoutExportDeps, protocolId: number, asProgressed = true, today: LocalDate = todayLocal()): Promise<WorkoutExport | null> {
  const protocol = must(deps.protocols.get(protocolId), () => notFound('protocol', protocolId))
  const plan = asProgressed ? adviceFor(deps, protocolId, today).plan : protocol.groups
  const bytes = encodeWorkout({ name: protocol.name, warmupSeconds: WARMUP_SECONDS, cooldownSeconds: COOLDOWN_SECONDS, plan }, deps.now?.() ?? new Date())
  const fileName = workoutFileName(protocol)

  if (deps.platform?.chooseSavePath) {
    const chosen = await deps.platform.chooseSavePath({
      title: { key: 'exportWorkout' },
      defaultName: fileName,
      filters: [{ name: { key: 'filterWorkout' }, extensions: ['fit'] }]
    })
    if (!chosen) return null
    // Written beside the target and renamed, so a failed write never leaves half a file under the chosen name.
    const temp = `${chosen}.partial`
    try {
      await writeFile(temp, bytes)
      await rename(temp, chosen)
    } catch (e) {
      await rm(temp, { force: true })
      throw writeFailure(e)
    }
    return { fileName: basename(chosen), plan, path: chosen }
  }
  const path = deps.transfers.tempPath('.fit')
  try {
    await writeFile(path, bytes)
  } catch (e) {
    await rm(path, { force: true })
    throw writeFailure(e)
  }
  return { fileName, plan, downloadUrl: `/download/${deps.transfers.offerDownload(path, fileName)}` }
}
