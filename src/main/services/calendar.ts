/**
 * The calendar of a training block (shared/metrics/calendar.ts): its days with what was planned and done, and the
 * export of its planned sessions still ahead as an iCalendar file (shared/ics.ts). Where the file goes depends on
 * the platform, as for CSV exports: desktop, a native save dialog; web mode, a one-time download.
 */
import { rename, rm, writeFile } from 'node:fs/promises'
import { basename } from 'node:path'
import type { BlockCalendar, CalendarExport } from '../../shared/contract'
import { todayLocal, type LocalDate } from '../../shared/dates'
import { writeCalendar, type IcsEvent } from '../../shared/ics'
import { blockEnd, blockSessionDates } from '../../shared/metrics/block'
import { blockCalendar, calendarTotals, upcomingSessions } from '../../shared/metrics/calendar'
import { formatNotation } from '../../shared/notation'
import { SESSION_FIELDS } from '../../shared/records'
import { resourceProblem } from '../db/errors'
import { DomainError } from '../../shared/result'
import { notFound } from './found'
import type { Block, Protocol, RepeatGroup } from '../../shared/training'
import type { BlocksRepo } from '../db/repos/blocks'
import type { ProtocolsRepo } from '../db/repos/protocols'
import type { SessionsRepo } from '../db/repos/sessions'
import type { SettingsRepo } from '../db/repos/settings'
import type { Platform } from '../platform'
import type { Transfers } from './csv/transfers'
import { msg } from '../../shared/i18n/message'

export interface CalendarDeps {
  blocks: BlocksRepo
  sessions: SessionsRepo
  protocols: ProtocolsRepo
  settings: SettingsRepo
}

export interface CalendarExportDeps extends CalendarDeps {
  platform?: Platform | undefined
  transfers: Transfers
  now?: () => Date
}

function blockOf(deps: Pick<CalendarDeps, 'blocks'>, id: number): Block {
  const b = deps.blocks.get(id)
  if (!b) throw notFound('training block', id)
  return b
}

/** The sessions that count for a block: those of its protocol, or every session when it has none. */
function sessionDates(deps: Pick<CalendarDeps, 'sessions'>, b: Block): readonly LocalDate[] {
  return blockSessionDates(b, deps.sessions.blockSessions(b.startDate, blockEnd(b))).own
}

export function calendarOf(deps: CalendarDeps, blockId: number, today: LocalDate = todayLocal()): BlockCalendar {
  const block = blockOf(deps, blockId)
  const { trainingDays } = deps.settings.get()
  const days = blockCalendar(block, trainingDays, sessionDates(deps, block), today)
  return { block, endDate: blockEnd(block), today, trainingDays, days, totals: calendarTotals(days, today) }
}

/** Warm-up and cool-down of a planned session: the session form's defaults. */
const WARMUP_SECONDS = SESSION_FIELDS.warmupSeconds.schema.parse(undefined)
const COOLDOWN_SECONDS = SESSION_FIELDS.cooldownSeconds.schema.parse(undefined)
/** The length of a timed event when the block has no protocol to plan from. */
const FREE_SESSION_MINUTES = 60

/**
 * Minutes a planned session takes: warm-up + the plan's work and recovery + cool-down, rounded up to 5 minutes.
 * Work given as a distance and untimed walks down a hill add nothing (their time is not known before the run).
 */
export function plannedMinutes(groups: readonly RepeatGroup[] | null): number {
  if (!groups) return FREE_SESSION_MINUTES
  let s = WARMUP_SECONDS + COOLDOWN_SECONDS
  for (const g of groups) s += g.count * ((g.workSeconds ?? 0) + (g.recoverySeconds ?? 0))
  return Math.ceil(s / 60 / 5) * 5
}

/** A file name from the block's name: letters and digits kept, the rest turned into dashes. */
export function calendarFileName(block: Pick<Block, 'name'>): string {
  const slug = block.name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
  return `sprintlog-${slug === '' ? 'block' : slug}.ics`
}

/** The events of a block's planned sessions from today on. */
export function calendarEvents(cal: BlockCalendar, protocol: Protocol | null, sessionTime: string | null): IcsEvent[] {
  const b = cal.block
  const plan = protocol ? formatNotation(protocol.groups) : null
  const summary = protocol ? `${protocol.name}: ${plan}` : `Training session (${b.name})`
  const minutes = plannedMinutes(protocol?.groups ?? null)
  const perDay = new Map<LocalDate, number>()
  for (const d of cal.days) perDay.set(d.date, d.planned)
  return upcomingSessions(cal.days, cal.today).map((s) => {
    const two = (perDay.get(s.date) ?? 1) > 1
    const lines = [
      `Week ${s.week} of ${b.weeks} of the training block “${b.name}” (${b.sessionsPerWeek} sessions a week).`,
      protocol ? `Protocol: ${protocol.name}, ${plan}.` : 'Any protocol.',
      two ? `Session ${s.index} of 2 on this day.` : null,
      'Warm up with 5–10 minutes of walking first, and cool down the same way after.'
    ].filter((l): l is string => l !== null)
    return {
      uid: `${b.uuid}-${s.date.replace(/-/g, '')}-${s.index}@sprintlog`,
      date: s.date,
      time: sessionTime,
      durationMinutes: minutes,
      summary: two ? `${summary} (${s.index} of 2)` : summary,
      description: lines.join('\n')
    }
  })
}

/** Writes the block's planned sessions from today on as an .ics file; null when the runner cancels the save dialog. */
export async function exportCalendar(deps: CalendarExportDeps, blockId: number, today: LocalDate = todayLocal()): Promise<CalendarExport | null> {
  const now = deps.now?.() ?? new Date()
  const cal = calendarOf(deps, blockId, today)
  const protocol = cal.block.protocolId === null ? null : (deps.protocols.get(cal.block.protocolId) ?? null)
  const events = calendarEvents(cal, protocol, deps.settings.get().sessionTime)
  if (events.length === 0) {
    throw new DomainError('conflict', { key: cal.endDate < today ? 'calendarEnded' : 'calendarNothingAhead', params: { name: cal.block.name } })
  }
  const text = writeCalendar({ prodId: '-//Sprintlog//Training block calendar//EN', name: `Sprintlog: ${cal.block.name}`, events }, now)
  const fileName = calendarFileName(cal.block)

  if (deps.platform?.chooseSavePath) {
    const chosen = await deps.platform.chooseSavePath({
      title: { key: 'exportCalendar' },
      defaultName: fileName,
      filters: [{ name: { key: 'filterCalendar' }, extensions: ['ics'] }]
    })
    if (!chosen) return null
    // Written beside the target and renamed, so a failed write never leaves half a file under the chosen name.
    const temp = `${chosen}.partial`
    try {
      await writeFile(temp, text, 'utf8')
      await rename(temp, chosen)
    } catch (e) {
      await rm(temp, { force: true })
      const problem = resourceProblem(e)
      if (problem === 'disk_full') throw new DomainError('disk_full', msg('calendarDiskFull'))
      if (problem === 'read_only') throw new DomainError('read_only', msg('calendarReadOnly'))
      throw new DomainError('unavailable', msg('calendarWriteFailed', { detail: e instanceof Error ? e.message : String(e) }))
    }
    return { fileName: basename(chosen), events: events.length, path: chosen }
  }
  const path = deps.transfers.tempPath('.ics')
  await writeFile(path, text, 'utf8')
  return { fileName, events: events.length, downloadUrl: `/download/${deps.transfers.offerDownload(path, fileName)}` }
}
