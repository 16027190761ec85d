import { gzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { MAX_WATCH_FILE_BYTES, readWatchFile } from '../../src/main/services/watch/read'
import { WatchFileError, type WatchActivity, type WatchProblem } from '../../src/main/services/watch/types'
import { builtIns, expectReps, intervals, makeFit, makeGpx, makeTcx, makeWeightFit, type SessionSpec } from '../helpers/watchFiles'

const enc = (s: string): Uint8Array => new TextEncoder().encode(s)

function activity(name: string, bytes: Uint8Array): WatchActivity {
  const r = readWatchFile(name, bytes, builtIns, { timeZone: 'Europe/Berlin' })
  if (r.kind !== 'activity') throw new Error('expected an activity')
  return r
}

function problem(name: string, bytes: Uint8Array): { problem: WatchProblem; params: Record<string, string | number> } {
  try {
    readWatchFile(name, bytes, builtIns)
  } catch (e) {
    if (e instanceof WatchFileError) return { problem: e.problem, params: e.params }
    throw e
  }
  throw new Error(`${name} was read without a problem`)
}

const sprints: SessionSpec = {
  segments: intervals({ warmup: 600, count: 6, work: 20, workSpeed: 7.5, rest: 120, restSpeed: 1.2, cooldown: 300 }),
  laps: 'intensity',
  start: new Date('2026-11-20T06:30:00.000Z')
}

describe('reading watch files', () => {
  it('FIT: the device, the local date and start time, the sport', () => {
    const a = activity('morning.fit', makeFit(sprints))
    expect(a).toMatchObject({ kind: 'activity', format: 'fit', sport: 'running', running: true, device: 'Garmin Forerunner 945' })
    expect(a.startedAt).toBe('2026-11-20T06:30:00.000Z')
    expect([a.date, a.startTime]).toEqual(['2026-11-20', '07:30'])
    const tokyo = readWatchFile('morning.fit', makeFit(sprints), builtIns, { timeZone: 'Asia/Tokyo' }) as WatchActivity
    expect([tokyo.date, tokyo.startTime]).toEqual(['2026-11-20', '15:30'])
    const late = readWatchFile('late.fit', makeFit({ ...sprints, start: new Date('2026-11-20T23:10:00.000Z') }), builtIns, { timeZone: 'Europe/Berlin' }) as WatchActivity
    expect([late.date, late.startTime]).toEqual(['2026-11-21', '00:10'])
  })

  it('TCX and GPX of the same session give the same reps', () => {
    const tcx = activity('s.tcx', enc(makeTcx(sprints)))
    expect(tcx).toMatchObject({ format: 'tcx', sport: 'running', device: 'Forerunner 945', detectedBy: 'intensity_laps' })
    expectReps(tcx.reps, sprints)
    expect(tcx.warmupSeconds).toBe(600)
    expect(tcx.cooldownSeconds).toBe(300)
    expect(tcx.reps[0]!.heartRateMax).toBeGreaterThanOrEqual(170)

    const gpx = activity('s.gpx', enc(makeGpx(sprints)))
    expect(gpx).toMatchObject({ format: 'gpx', sport: 'running', device: 'Test Watch 2', detectedBy: 'records' })
    expectReps(gpx.reps, sprints, { lastRecoveryNull: true })
    for (const r of gpx.reps) expect(Math.abs(r.distanceMeters! - 150)).toBeLessThanOrEqual(3)
    expect(gpx.match.protocolId).toBe(builtIns.find((p) => p.name === 'Sprint 6×20 s')!.id)
    expect([gpx.date, gpx.startTime]).toEqual(['2026-11-20', '07:30'])
  })

  it('TCX with lap-button laps and a pause; GPX with a pause (a new segment)', () => {
    const segments = intervals({ warmup: 300, count: 4, work: 240, workSpeed: 4.2, rest: 180, restSpeed: 2.3, cooldown: 300, cooldownSpeed: 2.0 })
    segments[2] = { ...segments[2]!, pause: { at: 60, seconds: 120 } }
    const spec: SessionSpec = { segments, laps: 'button' }
    const tcx = activity('b.tcx', enc(makeTcx(spec)))
    expect(tcx.detectedBy).toBe('laps')
    expectReps(tcx.reps, spec)
    const gpx = activity('b.gpx', enc(makeGpx(spec)))
    expectReps(gpx.reps, spec, { lastRecoveryNull: true })
  })

  it('gzipped files are sniffed by their bytes, whatever the name', () => {
    expect(activity('a.fit.gz', gzipSync(makeFit(sprints))).reps).toHaveLength(6)
    expect(activity('a.tcx.gz', gzipSync(enc(makeTcx(sprints)))).format).toBe('tcx')
    expect(activity('export.bin', gzipSync(enc(makeGpx(sprints)))).format).toBe('gpx')
    expect(activity('misnamed.gpx', makeFit(sprints)).format).toBe('fit')
  })

  it('a smart scale file gives its weights, skipping an entry without one', () => {
    const r = readWatchFile(
      'weight.fit',
      makeWeightFit([
        { at: new Date('2026-11-01T06:00:00Z'), kg: 72.4 },
        { at: new Date('2026-11-02T06:05:00Z'), kg: 72.1 },
        { at: new Date('2026-11-02T06:06:00Z'), kg: null },
        { at: new Date('2026-11-03T06:10:00Z'), kg: 71.85 }
      ]),
      builtIns
    )
    expect(r).toEqual({
      kind: 'weights',
      format: 'fit',
      device: 'Garmin Index Smart Scale',
      entries: [
        { measuredAt: '2026-11-01T06:00:00.000Z', kg: 72.4 },
        { measuredAt: '2026-11-02T06:05:00.000Z', kg: 72.1 },
        { measuredAt: '2026-11-03T06:10:00.000Z', kg: 71.85 }
      ]
    })
  })

  it('a cycling activity is read with running false and no protocol', () => {
    const a = activity('ride.fit', makeFit({ ...sprints, sport: 'cycling' }))
    expect(a).toMatchObject({ sport: 'cycling', running: false, match: { protocolId: null } })
    const tcx = activity('ride.tcx', enc(makeTcx({ ...sprints, sport: 'cycling' })))
    expect(tcx).toMatchObject({ sport: 'cycling', running: false })
  })
})

describe('bad watch files', () => {
  const fit = makeFit(sprints)

  it('random bytes, a CSV, an empty file, other XML: not a watch file', () => {
    let x = 12345
    const random = Uint8Array.from({ length: 4096 }, () => ((x = (x * 1103515245 + 12345) >>> 0), x >>> 24))
    expect(problem('random.fit', random)).toEqual({ problem: 'not_watch_file', params: { file: 'random.fit' } })
    expect(problem('s.csv', enc('date,reps\n2026-11-01,6\n')).problem).toBe('not_watch_file')
    expect(problem('empty.fit', new Uint8Array()).problem).toBe('not_watch_file')
    expect(problem('page.gpx', enc('<?xml version="1.0"?><html><body/></html>')).problem).toBe('not_watch_file')
  })

  it('a flipped bit: CRC error', () => {
    const flipped = fit.slice()
    flipped[flipped.length - 1] = flipped[flipped.length - 1]! ^ 0xff
    expect(problem('crc.fit', flipped).problem).toBe('crc')
    const inData = fit.slice()
    inData[Math.floor(fit.length / 2)] = inData[Math.floor(fit.length / 2)]! ^ 0x01
    expect(problem('crc2.fit', inData).problem).toBe('crc')
  })

  it('cut at half: truncated (FIT, gzipped FIT, TCX)', () => {
    expect(problem('half.fit', fit.slice(0, fit.length / 2)).problem).toBe('truncated')
    const gz = gzipSync(fit)
    expect(problem('half.fit.gz', gz.slice(0, gz.length / 2)).problem).toBe('truncated')
    const tcx = makeTcx(sprints)
    expect(problem('half.tcx', enc(tcx.slice(0, tcx.length / 2))).problem).toBe('truncated')
  })

  it('an activity with no records and no laps: empty', () => {
    expect(problem('empty.fit', makeFit(sprints, { noRecords: true })).problem).toBe('empty_activity')
    expect(problem('empty.gpx', enc('<?xml version="1.0"?><gpx version="1.1" creator="x"><trk><trkseg></trkseg></trk></gpx>')).problem).toBe('empty_activity')
  })

  it('two sessions, running then cycling: multisport', () => {
    expect(problem('tri.fit', makeFit(sprints, { extraSessions: ['cycling'] }))).toEqual({ problem: 'multisport', params: { file: 'tri.fit', sports: 'running, cycling' } })
  })

  it('51 MB: too large, packed or not', () => {
    const big = new Uint8Array(51 * 1024 * 1024)
    expect(problem('big.fit', big)).toEqual({ problem: 'too_large', params: { file: 'big.fit', size: big.length, limit: MAX_WATCH_FILE_BYTES } })
    expect(problem('big.fit.gz', gzipSync(big)).problem).toBe('too_large')
  })
})
