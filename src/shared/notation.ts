/**
 * The compact text notation for a protocol's repeat groups, for example `6x20s @max / 2m walk + 4x30s hill / walk-down`.
 * `parseNotation` accepts loose input (any case, spaces, `×`, `1:30`, `4min`); `formatNotation` writes the canonical form,
 * and the two round-trip.
 *
 * A group is `count x work [@intensity] [@speed] [hill | incline N%] [+load kind] / recovery`: a treadmill speed in km/h
 * (`@12kmh`, or `@max 12kmh` beside an intensity) and an external load (`+10kg vest`, `+20lb sled`, stored in kg). A `+`
 * before the group's `/` starts a load; after it, the next group.
 *
 * The runner may also write it in Chinese: full-width characters (`６×２０秒`, `＠`, `／`, `＋`) are read as their
 * ASCII forms (NFKC), `乘` as `x`, and the Chinese units and words as the notation's own (`20秒` 20s, `2分钟` 2m,
 * `400米` 400mtr, `@最大` @max, `坡道` hill, `坡度5%` incline 5%, `+10公斤背心` +10kg vest, `慢跑` jog, `走下坡`
 * walk-down, …; see `CHINESE`). The canonical form stays ASCII; an error's range points at the runner's characters.
 */
import { durationNotation } from './duration'
import { LOAD_KINDS, RECOVERY_MODES, type Intensity, type LoadKind, type RecoveryMode, type RepeatGroup } from './training'
import { KG_PER_LB } from './units'
import { type Msg, type Params, worded } from './i18n/message'

/** What is wrong, and the character range `[start, end)` of the offending part of the input. */
export interface NotationError {
  /** The English wording; `key` and `params` word it in the runner's language. */
  message: string
  key: string
  params?: Params
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

/** Stops the parse with the message `key` (with `params`) about the characters `[start, end)`. */
function throwAt(key: string, params: Params | null, start: number, end: number): never {
  const m: Msg = params ? { key, params } : { key }
  throw new Failure({ ...worded(m), start, end })
}

/**
 * The Chinese words of the notation and the ASCII each stands for. A unit is written right after its number
 * (`20秒` → `20s`); every other word stands apart (`走` → ` walk `). Longer words are matched first.
 */
interface ChineseWord {
  zh: string
  ascii: string
  unit?: true
}
const CHINESE: readonly ChineseWord[] = (
  [
  { zh: '分钟', ascii: 'm', unit: true },
  { zh: '秒钟', ascii: 's', unit: true },
  { zh: '秒', ascii: 's', unit: true },
  { zh: '分', ascii: 'm', unit: true },
  { zh: '公里', ascii: 'km', unit: true },
  { zh: '千米', ascii: 'km', unit: true },
  { zh: '米', ascii: 'mtr', unit: true },
  { zh: '公斤', ascii: 'kg', unit: true },
  { zh: '千克', ascii: 'kg', unit: true },
  { zh: '磅', ascii: 'lb', unit: true },
  { zh: '乘', ascii: 'x' },
  { zh: '接近最大', ascii: 'near-max' },
  { zh: '次最大', ascii: 'near-max' },
  { zh: '最大', ascii: 'max' },
  { zh: '全力', ascii: 'max' },
  { zh: '中等', ascii: 'moderate' },
  { zh: '坡道', ascii: 'hill' },
  { zh: '上坡', ascii: 'hill' },
  { zh: '坡度', ascii: 'incline' },
  { zh: '走下坡', ascii: 'walk-down' },
  { zh: '慢跑', ascii: 'jog' },
  { zh: '步行', ascii: 'walk' },
  { zh: '走', ascii: 'walk' },
  { zh: '休息', ascii: 'stand' },
  { zh: '站立', ascii: 'stand' },
  { zh: '背心', ascii: 'vest' },
  { zh: '负重背心', ascii: 'vest' },
  { zh: '雪橇', ascii: 'sled' },
  { zh: '其他', ascii: 'other' }
  ] satisfies ChineseWord[]
).sort((a, b) => b.zh.length - a.zh.length)

const HAN = /\p{Script=Han}/u

/** The text as the parser reads it, and for each of its characters the range `[from, to)` of the runner's text it came from. */
interface Normalised {
  text: string
  from: number[]
  to: number[]
}

/** Full-width forms as ASCII (NFKC, character by character) and the Chinese words as the notation's, keeping where each came from. */
function normalise(text: string): Normalised {
  let out = ''
  const from: number[] = []
  const to: number[] = []
  const emit = (s: string, a: number, b: number) => {
    for (const ch of s) {
      for (let k = 0; k < ch.length; k++) {
        from.push(a)
        to.push(b)
      }
      out += ch
    }
  }
  for (let i = 0; i < text.length; ) {
    const word = CHINESE.find((w) => text.startsWith(w.zh, i))
    if (word) {
      const end = i + word.zh.length
      if (word.unit) {
        emit(word.ascii, i, end)
      } else {
        emit(' ', i, i)
        emit(word.ascii, i, end)
        emit(' ', end, end)
      }
      i = end
      continue
    }
    if (HAN.test(text.charAt(i))) {
      // Chinese the notation does not know stands apart, so the runner is told about it alone (`2分钟跑`: “跑”),
      // unless it follows a number, as a unit it does not know (`20克`).
      let end = i
      while (end < text.length && HAN.test(text.charAt(end)) && !CHINESE.some((w) => text.startsWith(w.zh, end))) end++
      if (!/[0-9.]$/.test(out)) emit(' ', i, i)
      emit(text.slice(i, end), i, end)
      emit(' ', end, end)
      i = end
      continue
    }
    const ch = String.fromCodePoint(text.codePointAt(i) as number)
    emit(ch.normalize('NFKC'), i, i + ch.length)
    i += ch.length
  }
  return { text: out, from, to }
}

/** An error about the normalised text, about the runner's own characters (and quoting them). */
function toRunner(e: NotationError, n: Normalised, original: string): NotationError {
  const at = (i: number) => (i < n.from.length ? (n.from[i] as number) : original.length)
  const start = at(e.start)
  const end = e.end > e.start ? (n.to[e.end - 1] as number) : start
  const said = n.text.slice(e.start, e.end)
  const theirs = original.slice(start, end)
  if (!e.params || said === theirs) return { ...e, start, end }
  const params: Params = {}
  for (const [k, v] of Object.entries(e.params)) params[k] = v === said ? theirs : v
  return { ...worded({ key: e.key, params }), start, end }
}

/** Parses the notation into repeat groups, or says what is wrong and where. */
export function parseNotation(text: string): ParseResult {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return parseAscii(text)
  const n = normalise(text)
  const r = parseAscii(n.text)
  return r.ok ? r : { ok: false, error: toRunner(r.error, n, text) }
}

function parseAscii(text: string): ParseResult {
  if (text.trim() === '') return { ok: false, error: { ...worded({ key: 'notationEmpty' }), start: 0, end: text.length } }
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
        throwAt(start > 0 ? 'notationAfterPlus' : 'notationBeforePlus', null, at, at + 1)
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

const SPEED = /^(\d+(?:\.\d+)?)(kmh|kph|mph)$/i

function parseGroup(c: Cursor): RepeatGroup {
  c.skipSpace()
  const countStart = c.pos
  while (!c.atEnd() && /[0-9]/.test(c.peekChar())) c.pos++
  if (c.pos === countStart) {
    const t = c.peek()
    throwAt('notationCountFirst', { text: t.text }, t.start, t.end)
  }
  const countText = c.text.slice(countStart, c.pos)
  const count = Number(countText)
  if (count < 1 || count > MAX_COUNT) throwAt('notationCountRange', { max: String(MAX_COUNT), count: countText }, countStart, c.pos)

  c.skipSpace()
  if (!/^[x×]$/i.test(c.peekChar())) {
    const t = c.peek()
    throwAt('notationX', { count: String(count) }, t.start, t.end)
  }
  c.pos++
  c.skipSpace()
  const workToken = c.next()
  if (workToken.text === '' || /^[@/]$/.test(workToken.text)) {
    throwAt('notationWork', { count: String(count) }, workToken.start, workToken.end)
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
      throwAt('notationIntensityMissing', null, at, at + 1)
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
      if (t.text === '' || /^[@/+]$/.test(t.text)) throwAt('notationInclineMissing', null, terrain.start, terrain.end)
      const m = /^(\d+(?:\.\d+)?)%$/.exec(t.text)
      if (!m) throwAt('notationIncline', { text: t.text }, t.start, t.end)
      inclinePct = Number(m[1])
      if (inclinePct > MAX_INCLINE_PCT) throwAt('notationInclineRange', { max: String(MAX_INCLINE_PCT) }, t.start, t.end)
      terrainDone = true
    } else if (terrain.text === '+') {
      if (/^\+\s*\d+\s*[x×]/i.test(c.text.slice(c.pos, c.end))) throwAt('notationRecoveryBeforeNext', null, c.pos, c.pos)
      if (load !== null) throwAt('notationOneLoad', null, terrain.start, terrain.end)
      load = parseLoad(c)
    } else {
      break
    }
  }

  c.skipSpace()
  if (c.atEnd()) throwAt('notationRecoveryMissing', null, c.pos, c.pos)
  if (c.peekChar() !== '/') unexpectedBeforeSlash(c.peek(), intensity !== null)
  c.pos++

  c.skipSpace()
  if (c.atEnd()) throwAt('notationRecoveryMissing', null, c.pos, c.pos)
  const first = c.next()
  let recoverySeconds: number | null = null
  let recoveryMode = parseMode(first.text)
  if (recoveryMode !== null) {
    if (recoveryMode !== 'walk-down') throwAt('notationRecoveryDuration', { mode: recoveryMode }, first.start, first.end)
  } else {
    recoverySeconds = parseDuration(first.text)
    if (recoverySeconds === null) {
      if (/^\d/.test(first.text)) throwAt('notationNotDuration', { text: first.text }, first.start, first.end)
      throwAt('notationNotRecovery', { text: first.text }, first.start, first.end)
    }
    if (recoverySeconds < 1 || recoverySeconds > MAX_SECONDS) throwAt('notationRecoveryRange', null, first.start, first.end)
    c.skipSpace()
    const second = c.next()
    if (second.text === '') throwAt('notationHowRecover', { text: first.text }, second.start, second.end)
    recoveryMode = parseMode(second.text)
    if (recoveryMode === null) throwAt('notationNotMode', { text: second.text }, second.start, second.end)
  }

  c.skipSpace()
  if (!c.atEnd()) {
    const rest = c.text.slice(c.pos, c.end).trimEnd()
    throwAt('notationAfterRecovery', { text: rest }, c.pos, c.pos + rest.length)
  }
  return { count, ...work, intensity, intensityPct, hill, inclinePct, recoverySeconds, recoveryMode, loadKg: load?.kg ?? null, loadKind: load?.kind ?? null, treadmillKmh }
}

/** A treadmill speed, `12kmh` (or `kph`, or `mph` read as km/h to 0.1), for timed work only. */
function parseSpeed(t: Token, distance: boolean, count: number): number {
  const m = SPEED.exec(t.text) as RegExpExecArray
  const mph = (m[2] as string).toLowerCase() === 'mph'
  const kmh = mph ? Math.round(Number(m[1]) * KM_PER_MILE * 10) / 10 : Number(m[1])
  if (distance) throwAt('notationSpeedTimed', { count: String(count), speed: `${m[1]}${m[2]}` }, t.start, t.end)
  if (kmh < MIN_KMH || kmh > MAX_KMH) throwAt(mph ? 'notationSpeedRangeMph' : 'notationSpeedRange', { min: String(MIN_KMH), max: String(MAX_KMH), kmh: String(kmh) }, t.start, t.end)
  return kmh
}

/** An external load after “+”: `+10kg vest`, `+20lb sled` (stored in kg, to 0.01 kg), `+10 kg other`. */
function parseLoad(c: Cursor): { kg: number; kind: LoadKind } {
  const plus = c.next()
  c.skipSpace()
  const t = c.next()
  if (t.text === '' || /^[@/+]$/.test(t.text)) throwAt('notationLoadMissing', null, plus.start, plus.end)
  const m = /^(\d+(?:\.\d+)?)(kg|lb|lbs)?$/i.exec(t.text)
  if (!m) throwAt('notationNotLoad', { text: t.text }, t.start, t.end)
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
  if (unit === undefined) throwAt('notationLoadUnit', { amount: String(m[1]), kind: kind ?? 'vest' }, t.start, t.end)
  const value = Number(m[1])
  const kg = unit === 'kg' ? value : Math.round(value * KG_PER_LB * 100) / 100
  if (kg <= 0 || kg > MAX_LOAD_KG) throwAt('notationLoadRange', { max: String(MAX_LOAD_KG) }, t.start, end)
  if (kind === undefined) {
    const example = `+${m[1]}${unit} vest`
    if (kindToken.text === '' || /^[@/+]$/.test(kindToken.text)) throwAt('notationLoadKindMissing', { example }, plus.start, end)
    throwAt('notationNotLoadKind', { text: kindToken.text, example }, kindToken.start, kindToken.end)
  }
  c.next()
  return { kg, kind }
}

/** Explains what is wrong with a token where `@…`, `hill`, `incline N%` or `/` was expected. */
function unexpectedBeforeSlash(t: Token, hasIntensity: boolean): never {
  const lower = t.text.toLowerCase()
  if (t.text === '@') throwAt('notationIntensityPlace', null, t.start, t.end)
  if (!hasIntensity && (NAMED_INTENSITIES as readonly string[]).includes(lower)) {
    throwAt('notationIntensityAt', { text: lower }, t.start, t.end)
  }
  if (SPEED.test(t.text)) throwAt('notationSpeedAt', { text: t.text.toLowerCase() }, t.start, t.end)
  if ((LOAD_KINDS as readonly string[]).includes(lower)) throwAt('notationLoadPlus', { kind: lower }, t.start, t.end)
  if (parseMode(t.text) !== null || parseDuration(t.text) !== null) throwAt('notationSlash', null, t.start, t.end)
  throwAt('notationNotUnderstood', { text: t.text }, t.start, t.end)
}

function parseWork(t: Token): { workSeconds: number; workMeters: null } | { workSeconds: null; workMeters: number } {
  const seconds = parseDuration(t.text)
  if (seconds !== null) {
    if (seconds < 1 || seconds > MAX_SECONDS) throwAt('notationWorkRange', null, t.start, t.end)
    return { workSeconds: seconds, workMeters: null }
  }
  const meters = parseDistance(t.text)
  if (meters !== null) {
    if (meters < 1 || meters > MAX_METERS) throwAt('notationDistanceRange', null, t.start, t.end)
    return { workSeconds: null, workMeters: meters }
  }
  return throwAt('notationNotWork', { text: t.text }, t.start, t.end)
}

function parseIntensity(t: Token): { intensity: Intensity; intensityPct: number | null } {
  const lower = t.text.toLowerCase()
  const named = NAMED_INTENSITIES.find((i) => i === lower)
  if (named) return { intensity: named, intensityPct: null }
  if (/^\d+(?:\.\d+)?$/.test(t.text)) throwAt('notationIntensityUnit', { text: t.text }, t.start, t.end)
  const m = /^(\d+(?:\.\d+)?)%$/.exec(t.text)
  if (!m) throwAt('notationNotIntensity', { text: t.text }, t.start, t.end)
  const pct = Number(m[1])
  if (pct < 1 || pct > 100) throwAt('notationIntensityRange', null, t.start, t.end)
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
