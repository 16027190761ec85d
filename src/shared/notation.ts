/**
 * The compact text notation for a protocol's repeat groups, for example `6x20s @max / 2m walk + 4x30s hill / walk-down`.
 * `parseNotation` accepts loose input (any case, spaces, `×`, `1:30`, `4min`); `formatNotation` writes the canonical form,
 * and the two round-trip.
 *
 * A group is `count x work [@intensity] [@speed] [hill | incline N%] [+load kind] / recovery`: a treadmill speed in km/h
 * (`@12kmh`, or `@max 12kmh` beside an intensity) and an external load (`+10kg vest`, `+20lb sled`, stored in kg). A `+`
 * before the group's `/` starts a load; after it, the next group.
 */
import { durationNotation } from './duration'
import { LOAD_KINDS, RECOVERY_MODES, type Intensity, type LoadKind, type RecoveryMode, type RepeatGroup } from './training'
import { KG_PER_LB } from './units'

/** What is wrong, and the character range `[start, end)` of the offending part of the input. */
export interface NotationError {
  message: string
  start: number
  end: number
}

export type ParseResult = { ok: true; groups: RepeatGroup[] } | { ok: false; error: NotationError }

const MAX_COUNT = 50
const MAX_SECONDS = 3600
const MAX_METERS = 50_000
const MAX_INCLINE_PCT = 40
const MAX_LOAD_KG = 300
const MIN_KMH = 1
const MAX_KMH = 40
const KM_PER_MILE = 1.609344
const NAMED_INTENSITIES: readonly Intensity[] = ['max', 'near-max', 'moderate']

/** Thrown inside the parser by `throwAt`, caught by `parseNotation`. */
class Failure {
  constructor(readonly error: NotationError) {}
}

/** Stops the parse with `message` about the characters `[start, end)`. */
function throwAt(message: string, start: number, end: number): never {
  throw new Failure({ message, start, end })
}

/** Parses the notation into repeat groups, or says what is wrong and where. */
export function parseNotation(text: string): ParseResult {
  if (text.trim() === '') return { ok: false, error: { message: 'Enter a protocol, e.g. “6x20s @max / 2m walk”.', start: 0, end: text.length } }
  try {
    const groups: RepeatGroup[] = []
    let start = 0
    for (;;) {
      // A group ends at the first “+” after its “/” (a “+” before it is the group's load).
      const slash = text.indexOf('/', start)
      const plus = slash === -1 ? -1 : text.indexOf('+', slash)
      const end = plus === -1 ? text.length : plus
      const part = text.slice(start, end)
      if (part.trim() === '' || part.trimStart().startsWith('+')) {
        const at = start > 0 ? start - 1 : part.trim() === '' ? end : start + part.indexOf('+')
        throwAt(start > 0 ? 'Add another group after “+”, or remove the “+”.' : 'Start with a group before “+”.', at, at + 1)
      }
      groups.push(parseGroup(new Cursor(text, start, end)))
      if (plus === -1) return { ok: true, groups }
      start = plus + 1
    }
  } catch (e) {
    if (e instanceof Failure) return { ok: false, error: e.error }
    throw e
  }
}

/** Writes repeat groups in the canonical notation, joined with ` + `. */
export function formatNotation(groups: readonly RepeatGroup[]): string {
  return groups.map(formatGroup).join(' + ')
}

function formatDistance(meters: number): string {
  return meters >= 1000 && meters % 100 === 0 ? `${meters / 1000}km` : `${meters}mtr`
}

function formatGroup(g: RepeatGroup): string {
  let out = `${g.count}x${g.workSeconds !== null || g.workMeters === null ? durationNotation(g.workSeconds ?? 0) : formatDistance(g.workMeters)}`
  let at = ''
  if (g.intensity === 'custom') {
    if (g.intensityPct !== null) at = `${g.intensityPct}%`
  } else if (g.intensity !== null) {
    at = g.intensity
  }
  const kmh = g.treadmillKmh ?? null
  if (kmh !== null) at = at === '' ? `${kmh}kmh` : `${at} ${kmh}kmh`
  if (at !== '') out += ` @${at}`
  if (g.hill) out += ' hill'
  else if (g.inclinePct !== null) out += ` incline ${g.inclinePct}%`
  if (g.loadKg != null && g.loadKind != null) out += ` +${g.loadKg}kg ${g.loadKind}`
  return `${out} / ${g.recoverySeconds === null ? '' : `${durationNotation(g.recoverySeconds)} `}${g.recoveryMode}`
}

interface Token {
  text: string
  start: number
  end: number
}

/** A position inside one group, `[pos, end)` of the original text. */
class Cursor {
  constructor(
    readonly text: string,
    public pos: number,
    readonly end: number
  ) {}

  skipSpace(): void {
    while (this.pos < this.end && /\s/.test(this.text.charAt(this.pos))) this.pos++
  }

  atEnd(): boolean {
    return this.pos >= this.end
  }

  peekChar(): string {
    return this.atEnd() ? '' : this.text.charAt(this.pos)
  }

  /** The token at the cursor, up to whitespace, `@`, `/` or `+`; a lone `@` or `/` is a token of its own. */
  peek(): Token {
    let end = this.pos
    while (end < this.end && !/[\s@/+]/.test(this.text.charAt(end))) end++
    if (end === this.pos && end < this.end) end++
    return { text: this.text.slice(this.pos, end), start: this.pos, end }
  }

  next(): Token {
    const t = this.peek()
    this.pos = t.end
    return t
  }
}

const WORK_HINT = '(try 20s, 4m, 1m30s, 400mtr)'
const MODE_HINT = 'use walk, jog, stand or walk-down'
const KIND_HINT = 'vest, sled or other'
const SPEED = /^(\d+(?:\.\d+)?)(kmh|kph|mph)$/i

function parseGroup(c: Cursor): RepeatGroup {
  c.skipSpace()
  const countStart = c.pos
  while (!c.atEnd() && /[0-9]/.test(c.peekChar())) c.pos++
  if (c.pos === countStart) {
    const t = c.peek()
    throwAt(`Start each group with the number of reps, e.g. “6x20s”, not “${t.text}”.`, t.start, t.end)
  }
  const countText = c.text.slice(countStart, c.pos)
  const count = Number(countText)
  if (count < 1 || count > MAX_COUNT) throwAt(`The number of reps must be 1 to ${MAX_COUNT}, not ${countText}.`, countStart, c.pos)

  c.skipSpace()
  if (!/^[x×]$/i.test(c.peekChar())) {
    const t = c.peek()
    throwAt(`Put “x” between the number of reps and the work, e.g. “${count}x20s”.`, t.start, t.end)
  }
  c.pos++
  c.skipSpace()
  const workToken = c.next()
  if (workToken.text === '' || /^[@/]$/.test(workToken.text)) {
    throwAt(`Add the work after “x”, e.g. “${count}x20s” or “${count}x400mtr”.`, workToken.start, workToken.end)
  }
  const work = parseWork(workToken)

  let intensity: Intensity | null = null
  let intensityPct: number | null = null
  let treadmillKmh: number | null = null
  c.skipSpace()
  if (c.peekChar() === '@') {
    const at = c.pos++
    c.skipSpace()
    const t = c.next()
    if (t.text === '' || /^[@/]$/.test(t.text)) {
      throwAt('Add the intensity after “@”: max, near-max, moderate, a percentage such as 85%, or a treadmill speed such as 12kmh.', at, at + 1)
    }
    if (SPEED.test(t.text)) {
      treadmillKmh = parseSpeed(t, work.workMeters !== null, count)
    } else {
      const parsed = parseIntensity(t)
      intensity = parsed.intensity
      intensityPct = parsed.intensityPct
      c.skipSpace()
      const s = c.peek()
      if (SPEED.test(s.text)) treadmillKmh = parseSpeed(c.next(), work.workMeters !== null, count)
    }
  }

  let hill = false
  let inclinePct: number | null = null
  let load: { kg: number; kind: LoadKind } | null = null
  let terrainDone = false
  for (;;) {
    c.skipSpace()
    const terrain = c.peek()
    if (!terrainDone && /^hill$/i.test(terrain.text)) {
      c.next()
      hill = true
      terrainDone = true
    } else if (!terrainDone && /^incline$/i.test(terrain.text)) {
      c.next()
      c.skipSpace()
      const t = c.next()
      if (t.text === '' || /^[@/+]$/.test(t.text)) throwAt('Add the incline in percent, e.g. “incline 5%”.', terrain.start, terrain.end)
      const m = /^(\d+(?:\.\d+)?)%$/.exec(t.text)
      if (!m) throwAt(`“${t.text}” is not an incline: write a percentage, e.g. “incline 5%”.`, t.start, t.end)
      inclinePct = Number(m[1])
      if (inclinePct > MAX_INCLINE_PCT) throwAt(`The incline must be 0% to ${MAX_INCLINE_PCT}%.`, t.start, t.end)
      terrainDone = true
    } else if (terrain.text === '+') {
      if (/^\+\s*\d+\s*[x×]/i.test(c.text.slice(c.pos, c.end))) throwAt('Add the recovery after “/”, e.g. “/ 2m walk”, before the next group.', c.pos, c.pos)
      if (load !== null) throwAt('A rep carries one load: remove the second “+…”.', terrain.start, terrain.end)
      load = parseLoad(c)
    } else {
      break
    }
  }

  c.skipSpace()
  if (c.atEnd()) throwAt('Add the recovery after “/”, e.g. “/ 2m walk”.', c.pos, c.pos)
  if (c.peekChar() !== '/') unexpectedBeforeSlash(c.peek(), intensity !== null)
  c.pos++

  c.skipSpace()
  if (c.atEnd()) throwAt('Add the recovery after “/”, e.g. “/ 2m walk”.', c.pos, c.pos)
  const first = c.next()
  let recoverySeconds: number | null = null
  let recoveryMode = parseMode(first.text)
  if (recoveryMode !== null) {
    if (recoveryMode !== 'walk-down') throwAt(`Recovery needs a duration, e.g. “2m ${recoveryMode}”.`, first.start, first.end)
  } else {
    recoverySeconds = parseDuration(first.text)
    if (recoverySeconds === null) {
      if (/^\d/.test(first.text)) throwAt(`“${first.text}” is not a duration (try 90s, 2m, 1m30s).`, first.start, first.end)
      throwAt(`“${first.text}” is not a recovery: ${MODE_HINT}, e.g. “2m walk”.`, first.start, first.end)
    }
    if (recoverySeconds < 1 || recoverySeconds > MAX_SECONDS) throwAt('The recovery must be 1s to 60m.', first.start, first.end)
    c.skipSpace()
    const second = c.next()
    if (second.text === '') throwAt(`Say how you recover: ${MODE_HINT}, e.g. “${first.text} walk”.`, second.start, second.end)
    recoveryMode = parseMode(second.text)
    if (recoveryMode === null) throwAt(`“${second.text}” is not a way to recover: ${MODE_HINT}.`, second.start, second.end)
  }

  c.skipSpace()
  if (!c.atEnd()) {
    const rest = c.text.slice(c.pos, c.end).trimEnd()
    throwAt(`“${rest}” is not understood after the recovery; join groups with “+”.`, c.pos, c.pos + rest.length)
  }
  return { count, ...work, intensity, intensityPct, hill, inclinePct, recoverySeconds, recoveryMode, loadKg: load?.kg ?? null, loadKind: load?.kind ?? null, treadmillKmh }
}

/** A treadmill speed, `12kmh` (or `kph`, or `mph` read as km/h to 0.1), for timed work only. */
function parseSpeed(t: Token, distance: boolean, count: number): number {
  const m = SPEED.exec(t.text) as RegExpExecArray
  const mph = (m[2] as string).toLowerCase() === 'mph'
  const kmh = mph ? Math.round(Number(m[1]) * KM_PER_MILE * 10) / 10 : Number(m[1])
  if (distance) throwAt(`A treadmill speed goes with timed work (the distance follows from the speed): write the work as a duration, e.g. “${count}x1m @${m[1]}${m[2]}”.`, t.start, t.end)
  if (kmh < MIN_KMH || kmh > MAX_KMH) throwAt(`The treadmill speed must be ${MIN_KMH} to ${MAX_KMH} km/h${mph ? ` (${kmh} km/h)` : ''}.`, t.start, t.end)
  return kmh
}

/** An external load after “+”: `+10kg vest`, `+20lb sled` (stored in kg, to 0.01 kg), `+10 kg other`. */
function parseLoad(c: Cursor): { kg: number; kind: LoadKind } {
  const plus = c.next()
  c.skipSpace()
  const t = c.next()
  if (t.text === '' || /^[@/+]$/.test(t.text)) throwAt('Add the load after “+”, e.g. “+10kg vest”.', plus.start, plus.end)
  const m = /^(\d+(?:\.\d+)?)(kg|lb|lbs)?$/i.exec(t.text)
  if (!m) throwAt(`“${t.text}” is not a load: write the weight with its unit, then what carries it, e.g. “+10kg vest”.`, t.start, t.end)
  let unit = m[2]?.toLowerCase()
  let end = t.end
  c.skipSpace()
  if (unit === undefined && /^(kg|lb|lbs)$/i.test(c.peek().text)) {
    const u = c.next()
    unit = u.text.toLowerCase()
    end = u.end
    c.skipSpace()
  }
  const kindToken = c.peek()
  const kind = LOAD_KINDS.find((k) => k === kindToken.text.toLowerCase())
  if (unit === undefined) throwAt(`Give the load a unit: +${m[1]}kg ${kind ?? 'vest'} (or lb).`, t.start, t.end)
  const value = Number(m[1])
  const kg = unit === 'kg' ? value : Math.round(value * KG_PER_LB * 100) / 100
  if (kg <= 0 || kg > MAX_LOAD_KG) throwAt(`The load must be more than 0 kg and at most ${MAX_LOAD_KG} kg.`, t.start, end)
  if (kind === undefined) {
    const example = `+${m[1]}${unit} vest`
    if (kindToken.text === '' || /^[@/+]$/.test(kindToken.text)) throwAt(`Say what carries the load: ${KIND_HINT} (${example}).`, plus.start, end)
    throwAt(`“${kindToken.text}” is not what carries a load: use ${KIND_HINT} (${example}).`, kindToken.start, kindToken.end)
  }
  c.next()
  return { kg, kind }
}

/** Explains what is wrong with a token where `@…`, `hill`, `incline N%` or `/` was expected. */
function unexpectedBeforeSlash(t: Token, hasIntensity: boolean): never {
  const lower = t.text.toLowerCase()
  if (t.text === '@') throwAt('Write the intensity right after the work, before “hill” or “incline”, and only once.', t.start, t.end)
  if (!hasIntensity && (NAMED_INTENSITIES as readonly string[]).includes(lower)) {
    throwAt(`Write the intensity after “@”, e.g. “@${lower}”.`, t.start, t.end)
  }
  if (SPEED.test(t.text)) throwAt(`Write the treadmill speed after “@”, right after the work, e.g. “@${t.text.toLowerCase()}”.`, t.start, t.end)
  if ((LOAD_KINDS as readonly string[]).includes(lower)) throwAt(`Write the load after “+”, e.g. “+10kg ${lower}”.`, t.start, t.end)
  if (parseMode(t.text) !== null || parseDuration(t.text) !== null) throwAt('Add “/” before the recovery, e.g. “/ 2m walk”.', t.start, t.end)
  const hint = 'after the work may come “@max” or “@12kmh”, “hill” or “incline 5%”, and a load such as “+10kg vest”, then “/” and the recovery'
  throwAt(`“${t.text}” is not understood here: ${hint}.`, t.start, t.end)
}

function parseWork(t: Token): { workSeconds: number; workMeters: null } | { workSeconds: null; workMeters: number } {
  const seconds = parseDuration(t.text)
  if (seconds !== null) {
    if (seconds < 1 || seconds > MAX_SECONDS) throwAt('The work must be 1s to 60m.', t.start, t.end)
    return { workSeconds: seconds, workMeters: null }
  }
  const meters = parseDistance(t.text)
  if (meters !== null) {
    if (meters < 1 || meters > MAX_METERS) throwAt('The distance must be 1mtr to 50km.', t.start, t.end)
    return { workSeconds: null, workMeters: meters }
  }
  return throwAt(`“${t.text}” is not a duration or distance ${WORK_HINT}.`, t.start, t.end)
}

function parseIntensity(t: Token): { intensity: Intensity; intensityPct: number | null } {
  const lower = t.text.toLowerCase()
  const named = NAMED_INTENSITIES.find((i) => i === lower)
  if (named) return { intensity: named, intensityPct: null }
  if (/^\d+(?:\.\d+)?$/.test(t.text)) throwAt(`Give “${t.text}” a unit: a percentage of effort (${t.text}%) or a treadmill speed (${t.text}kmh).`, t.start, t.end)
  const m = /^(\d+(?:\.\d+)?)%$/.exec(t.text)
  if (!m) throwAt(`“${t.text}” is not an intensity: use max, near-max, moderate or a percentage such as 85%.`, t.start, t.end)
  const pct = Number(m[1])
  if (pct < 1 || pct > 100) throwAt('The intensity must be 1% to 100%.', t.start, t.end)
  return { intensity: 'custom', intensityPct: pct }
}

/** Seconds from `20s`, `4m`, `4min`, `1m30s` or `1:30`; null when the text is none of these. */
function parseDuration(text: string): number | null {
  let m = /^(\d+)(?:s|sec)$/i.exec(text)
  if (m) return Number(m[1])
  m = /^(\d+)(?:m|min)$/i.exec(text)
  if (m) return Number(m[1]) * 60
  m = /^(\d+)(?:m|min)(\d+)(?:s|sec)$/i.exec(text) ?? /^(\d+):(\d\d)$/.exec(text)
  if (m && Number(m[2]) < 60) return Number(m[1]) * 60 + Number(m[2])
  return null
}

/** Whole metres from `400mtr` or `1.2km`; null when the text is neither. */
function parseDistance(text: string): number | null {
  let m = /^(\d+)mtr$/i.exec(text)
  if (m) return Number(m[1])
  m = /^(\d+(?:\.\d{1,3})?)km$/i.exec(text)
  return m ? Math.round(Number(m[1]) * 1000) : null
}

function parseMode(text: string): RecoveryMode | null {
  const lower = text.toLowerCase()
  return RECOVERY_MODES.find((mode) => mode === lower) ?? null
}
