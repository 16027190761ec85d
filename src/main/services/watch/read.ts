/**
 * Reading a watch file: FIT (Garmin's SDK, integrity and CRC checked), TCX and GPX (an XML parser), each
 * optionally gzipped. The format is sniffed from the bytes, not taken from the file name. An activity is
 * normalised to a `Recording` and its reps found by detect.ts; a smart scale's FIT file gives body weights.
 * Every failure is a WatchFileError with a problem code (types.ts).
 */
import { Decoder, Stream } from '@garmin/fitsdk'
import { XMLParser } from 'fast-xml-parser'
import { Gunzip } from 'fflate'
import type { Protocol } from '../../../shared/training'
import { MAX_WATCH_FILE_BYTES } from '../../../shared/watch'
import { detectReps, type LapIntensity, type LapTrigger, type Recording, type RecordingLap, type RecordingPoint } from './detect'
import { matchProtocol } from './match'
import { WatchFileError, type WatchActivity, type WatchFormat, type WatchReading, type WatchWeights } from './types'

/** The largest file read (bytes), packed or unpacked: the bridge's limit. */
export { MAX_WATCH_FILE_BYTES }

export interface ReadOptions {
  /** IANA zone for the local date and start time; the process's zone when not given. */
  timeZone?: string
}

/** What a reader makes of a file's activity before its reps are found. */
interface ParsedActivity {
  format: WatchFormat
  sport: string
  device: string | null
  /** epoch ms of elapsed second 0 */
  start: number
  recording: Recording
}

const isGzip = (b: Uint8Array): boolean => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b

function isFitHeader(b: Uint8Array): boolean {
  return b.length >= 12 && (b[0] === 12 || b[0] === 14) && b[8] === 0x2e && b[9] === 0x46 && b[10] === 0x49 && b[11] === 0x54
}

function tooLarge(size: number): WatchFileError {
  return new WatchFileError('too_large', { size, limit: MAX_WATCH_FILE_BYTES })
}

function gunzip(bytes: Uint8Array): Uint8Array {
  // Unpacked as a stream and stopped past the limit, so a small file that unpacks to gigabytes is refused early.
  const chunks: Uint8Array[] = []
  let total = 0
  let done = false
  const g = new Gunzip((chunk, final) => {
    total += chunk.length
    if (total > MAX_WATCH_FILE_BYTES) throw tooLarge(total)
    chunks.push(chunk)
    if (final) done = true
  })
  try {
    g.push(bytes, true)
  } catch (e) {
    if (e instanceof WatchFileError) throw e
    throw new WatchFileError('truncated')
  }
  if (!done) throw new WatchFileError('truncated')
  const out = new Uint8Array(total)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.length
  }
  return out
}

// ---------------------------------------------------------------------------------------------------------
// Dates

function localParts(ms: number, timeZone: string | undefined): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23'
  }).formatToParts(new Date(ms))
  const get = (t: string): string => parts.find((p) => p.type === t)?.value ?? '00'
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` }
}

const toMs = (d: unknown): number | null => {
  if (d instanceof Date) return Number.isFinite(d.getTime()) ? d.getTime() : null
  if (typeof d === 'string') {
    const t = Date.parse(d)
    return Number.isFinite(t) ? t : null
  }
  return null
}

const num = (x: unknown): number | null => {
  const v = typeof x === 'string' ? Number(x.trim()) : typeof x === 'number' ? x : NaN
  return Number.isFinite(v) ? v : null
}

// ---------------------------------------------------------------------------------------------------------
// FIT

const FIT_INTENSITY: Record<string, LapIntensity> = {
  active: 'active',
  rest: 'rest',
  warmup: 'warmup',
  cooldown: 'cooldown',
  recovery: 'recovery',
  interval: 'interval',
  other: 'other'
}

const FIT_TRIGGER: Record<string, LapTrigger> = {
  manual: 'manual',
  time: 'time',
  distance: 'distance',
  positionStart: 'position',
  positionLap: 'position',
  positionWaypoint: 'position',
  positionMarked: 'position',
  sessionEnd: 'session_end'
}

/** The SDK's product code in words: "fr945" → "Forerunner 945", "fenix6" → "Fenix 6", "indexSmartScale" → "Index Smart Scale". */
function garminProductName(code: string): string {
  return code
    .replace(/^fr(?=\d)/, 'forerunner')
    .replace(/([a-z])([A-Z0-9])/g, '$1 $2')
    .replace(/([0-9])([A-Za-z])/g, '$1 $2')
    .split(' ')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ')
}

const capital = (s: string): string => (s ? s.charAt(0).toUpperCase() + s.slice(1) : s)

interface FitDeviceLike {
  manufacturer?: unknown
  product?: unknown
  garminProduct?: unknown
  productName?: unknown
}

function fitDevice(fileId: FitDeviceLike | undefined, infos: (FitDeviceLike & { deviceIndex?: unknown })[]): string | null {
  const creator = infos.find((d) => d.deviceIndex === 'creator' || d.deviceIndex === 0)
  for (const d of [fileId, creator]) {
    if (!d) continue
    const manufacturer = typeof d.manufacturer === 'string' ? d.manufacturer : null
    const productName = typeof d.productName === 'string' && d.productName.trim() ? d.productName.trim() : null
    if (productName) return manufacturer && !productName.toLowerCase().startsWith(manufacturer.toLowerCase()) ? `${capital(manufacturer)} ${productName}` : productName
    if (manufacturer === 'garmin' && typeof d.garminProduct === 'string') return `Garmin ${garminProductName(d.garminProduct)}`
    if (manufacturer) {
      const manufacturerName = capital(manufacturer.replace(/([a-z])([A-Z])/g, '$1 $2'))
      return typeof d.product === 'number' && manufacturer !== 'development' ? `${manufacturerName} (${d.product})` : manufacturerName
    }
  }
  return null
}

type FitMessages = ReturnType<Decoder['read']>['messages']

function readFit(bytes: Uint8Array): FitMessages {
  const stream = Stream.fromByteArray(bytes)
  const decoder = new Decoder(stream)
  if (!decoder.isFIT()) throw new WatchFileError('not_watch_file')
  const headerSize = bytes[0]!
  const dataSize = (bytes[4]! | (bytes[5]! << 8) | (bytes[6]! << 16) | (bytes[7]! << 24)) >>> 0
  if (bytes.length < headerSize + dataSize + 2) throw new WatchFileError('truncated', { size: bytes.length, expected: headerSize + dataSize + 2 })
  if (!decoder.checkIntegrity()) throw new WatchFileError('crc')
  let result: ReturnType<Decoder['read']>
  try {
    result = decoder.read({ convertDateTimesToDates: true, convertTypesToStrings: true, mergeHeartRates: true })
  } catch {
    throw new WatchFileError('unreadable')
  }
  if (result.errors.length > 0) throw new WatchFileError('unreadable')
  return result.messages
}

function fitWeights(m: FitMessages, device: string | null): WatchWeights | null {
  const type = m.fileIdMesgs?.[0]?.type
  const scale = m.weightScaleMesgs ?? []
  if (type !== 'weight' && scale.length === 0) return null
  const entries: WatchWeights['entries'] = []
  for (const w of scale) {
    const kg = typeof w.weight === 'number' ? w.weight : null
    const at = toMs(w.timestamp)
    if (kg === null || !(kg > 0) || kg >= 655.34 || at === null) continue
    entries.push({ measuredAt: new Date(at).toISOString(), kg: Math.round(kg * 100) / 100 })
  }
  if (entries.length === 0) throw new WatchFileError('empty_activity')
  return { kind: 'weights', format: 'fit', device, entries }
}

function fitActivity(m: FitMessages, device: string | null): ParsedActivity {
  const sessions = m.sessionMesgs ?? []
  const sports = [...new Set(sessions.map((s) => (typeof s.sport === 'string' ? s.sport : 'generic')))]
  if (sports.length > 1 || sports.includes('multisport') || sports.includes('transition')) throw new WatchFileError('multisport', { sports: sports.join(', ') })
  const records = m.recordMesgs ?? []
  const laps = m.lapMesgs ?? []
  if (records.length === 0 && laps.length === 0) throw new WatchFileError('empty_activity')
  const sport = sports[0] ?? (typeof m.sportMesgs?.[0]?.sport === 'string' ? m.sportMesgs[0].sport : null) ?? (typeof laps[0]?.sport === 'string' ? laps[0].sport : 'generic')
  const times = [
    ...sessions.map((s) => toMs(s.startTime)),
    ...records.map((r) => toMs(r.timestamp)),
    ...laps.map((l) => toMs(l.startTime))
  ].filter((x): x is number => x !== null)
  if (times.length === 0) throw new WatchFileError('empty_activity')
  const start = times.reduce((a, b) => Math.min(a, b))
  const sec = (ms: number): number => (ms - start) / 1000
  const points: RecordingPoint[] = []
  for (const r of records) {
    const t = toMs(r.timestamp)
    if (t === null) continue
    points.push({
      t: sec(t),
      speed: num(r.enhancedSpeed ?? r.speed),
      distance: num(r.distance),
      altitude: num(r.enhancedAltitude ?? r.altitude),
      hr: num(r.heartRate)
    })
  }
  const pauses: Recording['pauses'] = []
  let stoppedAt: number | null = null
  const events = [...(m.eventMesgs ?? [])].sort((a, b) => (toMs(a.timestamp) ?? 0) - (toMs(b.timestamp) ?? 0))
  for (const e of events) {
    if (e.event !== 'timer') continue
    const t = toMs(e.timestamp)
    if (t === null) continue
    if (e.eventType === 'stop' || e.eventType === 'stopAll' || e.eventType === 'stopDisable' || e.eventType === 'stopDisableAll') {
      if (stoppedAt === null) stoppedAt = sec(t)
    } else if (e.eventType === 'start' && stoppedAt !== null) {
      if (sec(t) > stoppedAt) pauses.push({ from: stoppedAt, to: sec(t) })
      stoppedAt = null
    }
  }
  const recLaps: RecordingLap[] = []
  for (const l of laps) {
    const s = toMs(l.startTime)
    const end = toMs(l.timestamp)
    if (s === null) continue
    const elapsed = num(l.totalElapsedTime)
    recLaps.push({
      start: sec(s),
      end: end !== null ? sec(end) : sec(s) + (elapsed ?? 0),
      timerSeconds: num(l.totalTimerTime),
      intensity: typeof l.intensity === 'string' ? (FIT_INTENSITY[l.intensity] ?? null) : null,
      trigger: typeof l.lapTrigger === 'string' ? (FIT_TRIGGER[l.lapTrigger] ?? 'other') : null,
      distance: num(l.totalDistance),
      ascent: num(l.totalAscent),
      avgHr: num(l.avgHeartRate),
      maxHr: num(l.maxHeartRate)
    })
  }
  return { format: 'fit', sport, device, start, recording: { records: points, laps: recLaps, pauses } }
}

// ---------------------------------------------------------------------------------------------------------
// TCX and GPX

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  isArray: (name) => ['Activity', 'Lap', 'Track', 'Trackpoint', 'trk', 'trkseg', 'trkpt', 'MultiSportSession'].includes(name)
})

type Node = Record<string, unknown>
const arr = (x: unknown): Node[] => (Array.isArray(x) ? (x as Node[]) : x && typeof x === 'object' ? [x as Node] : [])
const obj = (x: unknown): Node => (x && typeof x === 'object' && !Array.isArray(x) ? (x as Node) : {})
const text = (x: unknown): string | null => (typeof x === 'string' ? x : typeof x === 'number' ? String(x) : x && typeof x === 'object' && '#text' in (x as Node) ? text((x as Node)['#text']) : null)

function parseXml(s: string, root: string): Node {
  const trimmed = s.trimEnd()
  if (!new RegExp(`</(?:\\w+:)?${root}>$`).test(trimmed)) throw new WatchFileError('truncated')
  try {
    return xml.parse(s) as Node
  } catch {
    throw new WatchFileError('unreadable')
  }
}

const TCX_SPORT: Record<string, string> = { running: 'running', biking: 'cycling', other: 'other' }
const TCX_TRIGGER: Record<string, LapTrigger> = { manual: 'manual', distance: 'distance', location: 'position', time: 'time', heartrate: 'heart_rate' }

function readTcx(s: string): ParsedActivity {
  const doc = obj(parseXml(s, 'TrainingCenterDatabase').TrainingCenterDatabase)
  const acts = obj(doc.Activities)
  if (arr(acts.MultiSportSession).length > 0) throw new WatchFileError('multisport')
  const activities = arr(acts.Activity)
  const sports = [...new Set(activities.map((a) => TCX_SPORT[String(a['@_Sport'] ?? 'other').toLowerCase()] ?? 'other'))]
  if (sports.length > 1) throw new WatchFileError('multisport', { sports: sports.join(', ') })
  const laps = activities.flatMap((a) => arr(a.Lap))
  const tracks = laps.map((l) => arr(l.Track).map((t) => arr(t.Trackpoint)))
  const allPoints = tracks.flat(2)
  if (activities.length === 0 || (laps.length === 0 && allPoints.length === 0)) throw new WatchFileError('empty_activity')
  const lapStarts = laps.map((l) => toMs(l['@_StartTime']))
  const pointTimes = allPoints.map((p) => toMs(text(p.Time)))
  const times = [...lapStarts, ...pointTimes].filter((x): x is number => x !== null)
  if (times.length === 0) throw new WatchFileError('empty_activity')
  const start = times.reduce((a, b) => Math.min(a, b))
  const sec = (ms: number): number => (ms - start) / 1000
  const points: RecordingPoint[] = []
  const pauses: Recording['pauses'] = []
  let prevTrackEnd: number | null = null
  for (const lapTracks of tracks) {
    for (const track of lapTracks) {
      let first = true
      for (const p of track) {
        const t = toMs(text(p.Time))
        if (t === null) continue
        // A new track after a gap is where the timer was stopped.
        if (first && prevTrackEnd !== null && sec(t) - prevTrackEnd > 2) pauses.push({ from: prevTrackEnd + 1, to: sec(t) })
        first = false
        const ext = obj(obj(p.Extensions).TPX)
        points.push({
          t: sec(t),
          speed: num(text(ext.Speed)),
          distance: num(text(p.DistanceMeters)),
          altitude: num(text(p.AltitudeMeters)),
          hr: num(text(obj(p.HeartRateBpm).Value))
        })
        prevTrackEnd = sec(t)
      }
    }
  }
  const recLaps: RecordingLap[] = []
  laps.forEach((l, i) => {
    const s0 = lapStarts[i]
    if (s0 === null || s0 === undefined) return
    const timer = num(text(l.TotalTimeSeconds))
    const next = lapStarts[i + 1]
    const intensity = String(text(l.Intensity) ?? '').toLowerCase()
    const trigger = String(text(l.TriggerMethod) ?? '').toLowerCase()
    recLaps.push({
      start: sec(s0),
      end: next !== null && next !== undefined ? sec(next) : sec(s0) + (timer ?? 0),
      timerSeconds: timer,
      intensity: intensity === 'resting' ? 'rest' : intensity === 'active' ? 'active' : null,
      trigger: trigger ? (TCX_TRIGGER[trigger] ?? 'other') : null,
      distance: num(text(l.DistanceMeters)),
      ascent: null,
      avgHr: num(text(obj(l.AverageHeartRateBpm).Value)),
      maxHr: num(text(obj(l.MaximumHeartRateBpm).Value))
    })
  })
  const creator = obj(activities[0]!.Creator)
  const device = text(creator.Name)?.trim() || null
  return { format: 'tcx', sport: sports[0] ?? 'other', device, start, recording: { records: points, laps: recLaps, pauses } }
}

function haversine(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = 6371008.8
  const rad = Math.PI / 180
  const dLat = (lat2 - lat1) * rad
  const dLon = (lon2 - lon1) * rad
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2
  return 2 * r * Math.asin(Math.min(1, Math.sqrt(a)))
}

function gpxSport(type: string | null): string {
  const t = (type ?? '').toLowerCase()
  if (t === '' || t.includes('run') || t === '9') return 'running'
  if (t.includes('cycl') || t.includes('bik') || t.includes('ride') || t === '1') return 'cycling'
  if (t.includes('swim')) return 'swimming'
  if (t.includes('walk')) return 'walking'
  if (t.includes('hik')) return 'hiking'
  return t
}

function readGpx(s: string): ParsedActivity {
  const doc = obj(parseXml(s, 'gpx').gpx)
  const tracks = arr(doc.trk)
  const sports = [...new Set(tracks.map((t) => gpxSport(text(t.type))))]
  if (sports.length > 1) throw new WatchFileError('multisport', { sports: sports.join(', ') })
  const segments = tracks.flatMap((t) => arr(t.trkseg).map((sg) => arr(sg.trkpt)))
  const raw = segments.map((seg) =>
    seg
      .map((p) => {
        const ext = obj(p.extensions)
        const tpe = obj(ext.TrackPointExtension)
        return {
          ms: toMs(text(p.time)),
          lat: num(p['@_lat']),
          lon: num(p['@_lon']),
          ele: num(text(p.ele)),
          hr: num(text(tpe.hr ?? ext.hr ?? ext.heartrate))
        }
      })
      .filter((p) => p.ms !== null)
  )
  const all = raw.flat()
  if (all.length === 0) throw new WatchFileError('empty_activity')
  const start = all.reduce((a, p) => Math.min(a, p.ms!), Infinity)
  const sec = (ms: number): number => (ms - start) / 1000
  const points: RecordingPoint[] = []
  const pauses: Recording['pauses'] = []
  let dist = 0
  let prevEnd: number | null = null
  for (const seg of raw) {
    let prev: (typeof seg)[number] | null = null
    for (const p of seg) {
      const t = sec(p.ms!)
      if (prev === null && prevEnd !== null && t - prevEnd > 2) pauses.push({ from: prevEnd + 1, to: t })
      if (prev !== null && prev.lat !== null && prev.lon !== null && p.lat !== null && p.lon !== null) dist += haversine(prev.lat, prev.lon, p.lat, p.lon)
      points.push({ t, speed: null, distance: p.lat !== null ? dist : null, altitude: p.ele, hr: p.hr })
      prev = p
      prevEnd = t
    }
  }
  const creator = text(doc['@_creator'])?.trim() || null
  return { format: 'gpx', sport: sports[0] ?? 'running', device: creator, start, recording: { records: points, laps: [], pauses } }
}

// ---------------------------------------------------------------------------------------------------------

function decodeText(bytes: Uint8Array): string | null {
  let s: string
  try {
    s = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return null
  }
  return s.replace(/^\uFEFF/, '')
}

/** The XML root element's local name, when the text is XML. */
function xmlRoot(s: string): string | null {
  const m = /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<(?:[\w.-]+:)?([\w.-]+)[\s>/]/.exec(s.slice(0, 4096))
  return m ? m[1]! : null
}

/**
 * Reads one watch file. Throws WatchFileError: not_watch_file, crc, truncated, empty_activity, multisport,
 * too_large, unreadable; its params always hold `file` (the file name given), for the message that names it.
 * A non-running activity is returned with `running: false`.
 */
export function readWatchFile(fileName: string, bytes: Uint8Array, protocols: Protocol[], opts: ReadOptions = {}): WatchReading {
  try {
    return read(bytes, protocols, opts)
  } catch (e) {
    if (e instanceof WatchFileError) throw new WatchFileError(e.problem, { file: fileName, ...e.params })
    throw new WatchFileError('unreadable', { file: fileName })
  }
}

function read(bytes: Uint8Array, protocols: Protocol[], opts: ReadOptions): WatchReading {
  if (bytes.length > MAX_WATCH_FILE_BYTES) throw tooLarge(bytes.length)
  let data = bytes
  if (isGzip(data)) data = gunzip(data)
  if (data.length === 0) throw new WatchFileError('not_watch_file')
  let parsed: ParsedActivity
  if (isFitHeader(data)) {
    const m = readFit(data)
    const device = fitDevice(m.fileIdMesgs?.[0], m.deviceInfoMesgs ?? [])
    const weights = fitWeights(m, device)
    if (weights !== null) return weights
    parsed = fitActivity(m, device)
  } else {
    const s = decodeText(data)
    const root = s === null ? null : xmlRoot(s)
    if (root === 'TrainingCenterDatabase') parsed = readTcx(s!)
    else if (root === 'gpx') parsed = readGpx(s!)
    else throw new WatchFileError('not_watch_file')
  }
  const d = detectReps(parsed.recording)
  const { date, time } = localParts(parsed.start, opts.timeZone)
  const activity: WatchActivity = {
    kind: 'activity',
    format: parsed.format,
    sport: parsed.sport,
    running: parsed.sport === 'running',
    device: parsed.device,
    startedAt: new Date(parsed.start).toISOString(),
    date,
    startTime: time,
    warmupSeconds: d.warmup,
    cooldownSeconds: d.cooldown,
    reps: d.reps,
    detectedBy: d.detectedBy,
    match: matchProtocol(d.reps, parsed.sport === 'running' ? protocols : [])
  }
  return activity
}
