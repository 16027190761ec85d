/**
 * Watch files made for the tests from a list of segments (warm-up, work, rest, cool-down at a speed), with
 * 1 Hz records, optional seeded noise, altitude (a grade per segment), heart rate, laps and timer pauses.
 * FIT files are written with Garmin's SDK Encoder; TCX and GPX as strings.
 */
import { Encoder, Profile, type Mesg } from '@garmin/fitsdk'
import { expect } from 'vitest'
import { BUILT_IN_PROTOCOLS } from '../../src/main/db/migrations/002-training'
import type { DetectedRep } from '../../src/main/services/watch/types'
import type { Protocol } from '../../src/shared/training'

function mesgNum(name: string): number {
  const n = Profile.MesgNum[name]
  if (n === undefined) throw new Error(`no FIT message ${name}`)
  return n
}

const MESG = {
  FILE_ID: mesgNum('FILE_ID'),
  DEVICE_INFO: mesgNum('DEVICE_INFO'),
  EVENT: mesgNum('EVENT'),
  RECORD: mesgNum('RECORD'),
  LAP: mesgNum('LAP'),
  SESSION: mesgNum('SESSION'),
  ACTIVITY: mesgNum('ACTIVITY'),
  WEIGHT_SCALE: mesgNum('WEIGHT_SCALE')
}

/** Writes one message; the fields by their profile names, enum values as the profile's strings. */
function put(enc: Encoder, num: number, fields: Record<string, unknown>): void {
  enc.onMesg(num, fields as Mesg)
}

export type SegmentKind = 'warmup' | 'work' | 'rest' | 'cooldown'

export interface Segment {
  kind: SegmentKind
  seconds: number
  /** m/s */
  speed: number
  /** altitude change per metre run, % (10 = uphill 10 %, −5 = downhill) */
  grade?: number
  hr?: number
  /** a timer pause in the middle of the segment: after `at` seconds of it, the timer stops for `seconds` */
  pause?: { at: number; seconds: number }
}

export interface SessionSpec {
  segments: Segment[]
  start?: Date
  /** ± m/s of uniform noise on every record's speed (the distance follows the noisy speed, as GPS does) */
  noise?: number
  seed?: number
  /** intensity-marked laps per segment, lap-button laps per segment, auto laps every km, or a single lap for the whole recording */
  laps?: 'intensity' | 'button' | 'auto' | 'none'
  /** seconds over which the speed changes from one segment's to the next (a runner accelerating); 0 = a step */
  rampSeconds?: number
  sport?: string
  altitude0?: number
}

export interface Sample {
  /** elapsed seconds */
  t: number
  speed: number
  distance: number
  altitude: number
  hr: number
}

export interface Built {
  start: Date
  samples: Sample[]
  /** per segment: elapsed start and end */
  spans: { seg: Segment; start: number; end: number }[]
  pauses: { from: number; to: number }[]
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const DEFAULT_HR: Record<SegmentKind, number> = { warmup: 125, work: 172, rest: 135, cooldown: 120 }

export function buildSamples(spec: SessionSpec): Built {
  const start = spec.start ?? new Date('2026-11-20T06:30:00.000Z')
  const rnd = mulberry32(spec.seed ?? 42)
  const samples: Sample[] = []
  const spans: Built['spans'] = []
  const pauses: Built['pauses'] = []
  let t = 0
  let distance = 0
  let altitude = spec.altitude0 ?? 100
  let prevSpeed: number | null = null
  for (const seg of spec.segments) {
    const segStart = t
    const from = prevSpeed ?? seg.speed
    const ramp = spec.rampSeconds ?? 0
    for (let s = 0; s < seg.seconds; s++) {
      if (seg.pause && s === seg.pause.at) {
        pauses.push({ from: t, to: t + seg.pause.seconds })
        t += seg.pause.seconds
      }
      const base = s < ramp ? from + ((seg.speed - from) * (s + 1)) / (ramp + 1) : seg.speed
      const noisy = Math.max(0, base + (spec.noise ? (rnd() * 2 - 1) * spec.noise : 0))
      const hr = (seg.hr ?? DEFAULT_HR[seg.kind]) + Math.round((rnd() - 0.5) * 4)
      samples.push({ t, speed: noisy, distance, altitude, hr })
      distance += noisy
      altitude += (seg.speed * (seg.grade ?? 0)) / 100
      t += 1
    }
    spans.push({ seg, start: segStart, end: t })
    prevSpeed = seg.speed
  }
  // one last record at the end of the recording
  const lastHr = samples[samples.length - 1]?.hr ?? 120
  samples.push({ t, speed: spec.segments[spec.segments.length - 1]?.speed ?? 0, distance, altitude, hr: lastHr })
  return { start, samples, spans, pauses }
}

/** The reps put in, as detection should find them: work seconds, recovery seconds (null for the last when `lastNull`) and mode. */
export function expectedReps(spec: SessionSpec, opts: { lastRecoveryNull?: boolean } = {}): { workSeconds: number; recoverySeconds: number | null; mode: string; hill: boolean }[] {
  const segs = spec.segments
  const out: { workSeconds: number; recoverySeconds: number | null; mode: string; hill: boolean }[] = []
  segs.forEach((s, i) => {
    if (s.kind !== 'work') return
    let j = i + 1
    let rec = 0
    let recSpeed = 0
    let down = false
    while (j < segs.length && segs[j]!.kind === 'rest') {
      rec += segs[j]!.seconds
      recSpeed += segs[j]!.seconds * segs[j]!.speed
      if ((segs[j]!.grade ?? 0) < 0) down = true
      j++
    }
    const isLast = !segs.slice(j).some((x) => x.kind === 'work')
    const hill = (s.grade ?? 0) >= 2 && (s.speed * s.seconds * (s.grade ?? 0)) / 100 >= 3
    const v = rec ? recSpeed / rec : 0
    const mode = hill && down ? 'walk-down' : v < 0.5 ? 'stand' : v < 2 ? 'walk' : 'jog'
    out.push({ workSeconds: s.seconds, recoverySeconds: isLast && (opts.lastRecoveryNull || rec === 0) ? null : rec, mode, hill })
  })
  return out
}

const FIT_INTENSITY: Record<SegmentKind, string> = { warmup: 'warmup', work: 'active', rest: 'rest', cooldown: 'cooldown' }

interface LapOut {
  start: number
  end: number
  timer: number
  distance: number
  kind: SegmentKind
}

function lapsOf(b: Built, mode: SessionSpec['laps']): LapOut[] {
  const endOf = b.samples[b.samples.length - 1]!
  const distAt = (t: number): number => {
    const s = b.samples.find((x) => x.t >= t)
    return s ? s.distance : endOf.distance
  }
  if (mode === 'auto') {
    const laps: LapOut[] = []
    let from = b.samples[0]!
    let active = 0
    for (const x of b.samples.slice(1)) {
      active += 1
      if (Math.floor(x.distance / 1000) > Math.floor(from.distance / 1000) || x === endOf) {
        laps.push({ start: from.t, end: x.t, timer: active, distance: x.distance - from.distance, kind: 'warmup' })
        from = x
        active = 0
      }
    }
    return laps
  }
  if (mode === 'none' || mode === undefined) {
    const timer = b.spans.reduce((a, s) => a + s.seg.seconds, 0)
    return [{ start: 0, end: endOf.t, timer, distance: endOf.distance, kind: 'warmup' }]
  }
  return b.spans.map((s) => ({ start: s.start, end: s.end, timer: s.seg.seconds, distance: distAt(s.end) - distAt(s.start), kind: s.seg.kind }))
}

export interface FitOptions {
  /** sessions of other sports after the first (a multisport file) */
  extraSessions?: string[]
  /** leave out every record (and lap) */
  noRecords?: boolean
}

export function makeFit(spec: SessionSpec, opts: FitOptions = {}): Uint8Array {
  const b = buildSamples(spec)
  const at = (t: number): Date => new Date(b.start.getTime() + t * 1000)
  const sport = spec.sport ?? 'running'
  const enc = new Encoder()
  const M = MESG
  put(enc, M.FILE_ID, { type: 'activity', manufacturer: 'garmin', product: 3113, garminProduct: 'fr945', serialNumber: 3_456_789_012, timeCreated: b.start })
  put(enc, M.DEVICE_INFO, { timestamp: b.start, deviceIndex: 'creator', manufacturer: 'garmin', product: 3113, garminProduct: 'fr945', softwareVersion: 12.1 })
  put(enc, M.EVENT, { timestamp: b.start, event: 'timer', eventType: 'start', eventGroup: 0 })
  const end = b.samples[b.samples.length - 1]!.t
  if (!opts.noRecords) {
    const laps = lapsOf(b, spec.laps)
    let lapIdx = 0
    const writeLap = (l: LapOut, i: number): void => {
      put(enc, M.LAP, {
        messageIndex: i,
        timestamp: at(l.end),
        startTime: at(l.start),
        totalElapsedTime: l.end - l.start,
        totalTimerTime: l.timer,
        totalDistance: l.distance,
        event: 'lap',
        eventType: 'stop',
        intensity: spec.laps === 'intensity' ? FIT_INTENSITY[l.kind] : 'active',
        lapTrigger: spec.laps === 'button' || spec.laps === 'intensity' ? 'manual' : spec.laps === 'auto' ? 'distance' : 'sessionEnd',
        sport
      })
    }
    for (const s of b.samples) {
      for (const p of b.pauses) {
        if (p.to === s.t) {
          put(enc, M.EVENT, { timestamp: at(p.from), event: 'timer', eventType: 'stopAll', eventGroup: 0 })
          put(enc, M.EVENT, { timestamp: at(p.to), event: 'timer', eventType: 'start', eventGroup: 0 })
        }
      }
      while (lapIdx < laps.length && laps[lapIdx]!.end <= s.t && laps[lapIdx]!.end < end) {
        writeLap(laps[lapIdx]!, lapIdx)
        lapIdx++
      }
      const pos = Math.round((s.distance / 111_195) * 2 ** 31 / 180)
      put(enc, M.RECORD, {
        timestamp: at(s.t),
        positionLat: 600_000_000 + pos,
        positionLong: 150_000_000,
        distance: s.distance,
        enhancedSpeed: s.speed,
        speed: s.speed,
        enhancedAltitude: s.altitude,
        altitude: s.altitude,
        heartRate: s.hr
      })
    }
    put(enc, M.EVENT, { timestamp: at(end), event: 'timer', eventType: 'stopAll', eventGroup: 0 })
    while (lapIdx < laps.length) {
      writeLap(laps[lapIdx]!, lapIdx)
      lapIdx++
    }
  } else {
    put(enc, M.EVENT, { timestamp: at(end), event: 'timer', eventType: 'stopAll', eventGroup: 0 })
  }
  const timer = spec.segments.reduce((a, s) => a + s.seconds, 0)
  const sessions = [sport, ...(opts.extraSessions ?? [])]
  sessions.forEach((sp, i) => {
    put(enc, M.SESSION, {
      messageIndex: i,
      timestamp: at(end),
      startTime: b.start,
      totalElapsedTime: end,
      totalTimerTime: timer,
      sport: sp,
      subSport: 'generic',
      event: 'session',
      eventType: 'stop',
      firstLapIndex: 0,
      numLaps: 1
    })
  })
  put(enc, M.ACTIVITY, { timestamp: at(end), totalTimerTime: timer, numSessions: sessions.length, type: 'manual', event: 'activity', eventType: 'stop' })
  return enc.close()
}

/** A smart scale's FIT file: a weight_scale message per entry (kg null: a message without a weight). */
export function makeWeightFit(entries: { at: Date; kg: number | null }[]): Uint8Array {
  const enc = new Encoder()
  const M = MESG
  put(enc, M.FILE_ID, { type: 'weight', manufacturer: 'garmin', product: 2429, garminProduct: 'indexSmartScale', serialNumber: 1_234_567, timeCreated: entries[0]?.at ?? new Date() })
  for (const e of entries) put(enc, M.WEIGHT_SCALE, e.kg === null ? { timestamp: e.at, percentFat: 18.5 } : { timestamp: e.at, weight: e.kg, percentFat: 18.5 })
  return enc.close()
}

const iso = (d: Date): string => d.toISOString().replace(/\.000Z$/, 'Z')

export function makeTcx(spec: SessionSpec): string {
  const b = buildSamples(spec)
  const at = (t: number): string => iso(new Date(b.start.getTime() + t * 1000))
  const laps = lapsOf(b, spec.laps)
  const sport = spec.sport === 'cycling' ? 'Biking' : spec.sport && spec.sport !== 'running' ? 'Other' : 'Running'
  const lapXml = laps.map((l, i) => {
    const pts = b.samples.filter((s) => s.t >= l.start && (s.t < l.end || (i === laps.length - 1 && s.t <= l.end)))
    // a new Track after each pause
    const tracks: (typeof pts)[] = [[]]
    for (const s of pts) {
      if (b.pauses.some((p) => p.to === s.t) && tracks[tracks.length - 1]!.length > 0) tracks.push([])
      tracks[tracks.length - 1]!.push(s)
    }
    const intensity = spec.laps === 'intensity' && l.kind === 'rest' ? 'Resting' : 'Active'
    const trigger = spec.laps === 'none' ? 'Manual' : 'Manual'
    return `
      <Lap StartTime="${at(l.start)}">
        <TotalTimeSeconds>${l.timer}</TotalTimeSeconds>
        <DistanceMeters>${l.distance.toFixed(2)}</DistanceMeters>
        <Calories>0</Calories>
        <Intensity>${intensity}</Intensity>
        <TriggerMethod>${trigger}</TriggerMethod>
        ${tracks
          .map(
            (tr) => `<Track>${tr
              .map(
                (s) => `
          <Trackpoint>
            <Time>${at(s.t)}</Time>
            <AltitudeMeters>${s.altitude.toFixed(2)}</AltitudeMeters>
            <DistanceMeters>${s.distance.toFixed(2)}</DistanceMeters>
            <HeartRateBpm><Value>${s.hr}</Value></HeartRateBpm>
            <Extensions><ns3:TPX><ns3:Speed>${s.speed.toFixed(3)}</ns3:Speed></ns3:TPX></Extensions>
          </Trackpoint>`
              )
              .join('')}
        </Track>`
          )
          .join('')}
      </Lap>`
  })
  return `<?xml version="1.0" encoding="UTF-8"?>
<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2" xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2">
  <Activities>
    <Activity Sport="${sport}">
      <Id>${at(0)}</Id>${lapXml.join('')}
      <Creator xsi:type="Device_t" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><Name>Forerunner 945</Name></Creator>
    </Activity>
  </Activities>
</TrainingCenterDatabase>
`
}

export function makeGpx(spec: SessionSpec): string {
  const b = buildSamples(spec)
  const at = (t: number): string => iso(new Date(b.start.getTime() + t * 1000))
  const segs: Sample[][] = [[]]
  for (const s of b.samples) {
    if (b.pauses.some((p) => p.to === s.t)) segs.push([])
    segs[segs.length - 1]!.push(s)
  }
  const lat0 = 52.52
  const body = segs
    .map(
      (seg) => `
    <trkseg>${seg
      .map(
        (s) => `
      <trkpt lat="${(lat0 + s.distance / 111_195).toFixed(8)}" lon="13.405">
        <ele>${s.altitude.toFixed(2)}</ele>
        <time>${at(s.t)}</time>
        <extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>${s.hr}</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions>
      </trkpt>`
      )
      .join('')}
    </trkseg>`
    )
    .join('')
  return `<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="Test Watch 2" xmlns="http://www.topografix.com/GPX/1/1" xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">
  <metadata><time>${at(0)}</time></metadata>
  <trk>
    <name>Intervals</name>
    <type>${spec.sport ?? 'running'}</type>${body}
  </trk>
</gpx>
`
}

/** Segments of a classic session: warm-up, count × (work, rest), cool-down. */
export function intervals(o: {
  count: number
  work: number
  workSpeed: number
  rest: number
  restSpeed: number
  warmup?: number
  warmupSpeed?: number
  cooldown?: number
  cooldownSpeed?: number
  workGrade?: number
  restGrade?: number
  lastRest?: boolean
}): Segment[] {
  const segs: Segment[] = []
  if (o.warmup) segs.push({ kind: 'warmup', seconds: o.warmup, speed: o.warmupSpeed ?? 2.5 })
  for (let i = 0; i < o.count; i++) {
    segs.push({ kind: 'work', seconds: o.work, speed: o.workSpeed, grade: o.workGrade })
    if (i < o.count - 1 || o.lastRest !== false) segs.push({ kind: 'rest', seconds: o.rest, speed: o.restSpeed, grade: o.restGrade })
  }
  if (o.cooldown) segs.push({ kind: 'cooldown', seconds: o.cooldown, speed: o.cooldownSpeed ?? 2.2 })
  return segs
}

/** The built-in protocols as the database gives them (ids in their order). */
export const builtIns: Protocol[] = BUILT_IN_PROTOCOLS.map((p, i) => ({
  id: i + 1,
  uuid: p.uuid,
  name: p.name,
  description: p.description,
  sourceNote: p.source,
  terrain: p.terrain,
  groups: [{ ...p.group, workMeters: null, intensityPct: null, inclinePct: null, loadKg: null, loadKind: null, treadmillKmh: null }],
  builtIn: true,
  archived: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z'
}))

/** Count exact, work ±1.5 s, recovery ±3 s (or both null), mode equal, hill equal. */
export function expectReps(found: DetectedRep[], spec: SessionSpec, opts: { lastRecoveryNull?: boolean } = {}): void {
  const want = expectedReps(spec, opts)
  expect(found.map((r) => r.workSeconds), 'rep count').toHaveLength(want.length)
  want.forEach((w, i) => {
    const r = found[i]!
    expect(Math.abs(r.workSeconds - w.workSeconds), `rep ${i + 1} work ${r.workSeconds} vs ${w.workSeconds}`).toBeLessThanOrEqual(1.5)
    if (w.recoverySeconds === null) expect(r.recoverySeconds, `rep ${i + 1} recovery`).toBeNull()
    else {
      expect(r.recoverySeconds, `rep ${i + 1} recovery`).not.toBeNull()
      expect(Math.abs(r.recoverySeconds! - w.recoverySeconds), `rep ${i + 1} recovery ${r.recoverySeconds} vs ${w.recoverySeconds}`).toBeLessThanOrEqual(3)
    }
    expect(r.recoveryMode, `rep ${i + 1} mode`).toBe(w.mode)
    expect(r.hill, `rep ${i + 1} hill`).toBe(w.hill)
  })
}

