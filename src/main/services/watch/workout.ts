/**
 * A protocol's plan as a FIT workout file, which Garmin watches (copied to GARMIN/NEWFILES) and Garmin Connect (its
 * workout import) accept: a file_id of type workout, one workout message (running) and its steps:
 *
 * - a warm-up step (time, intensity warmup);
 * - for each repeat group: the work step (time or distance, intensity active, no target), the recovery step (time,
 *   intensity recovery, or rest when standing; an untimed walk back down the hill is an open step the runner ends with
 *   the lap button), then a repeat step back to the group's first step, `count` times in all;
 * - a cool-down step (time, intensity cooldown).
 *
 * A warm-up or cool-down of 0 s, and a recovery of 0 s, get no step; a group of one rep gets no repeat step. Step names
 * are short English (watch fonts carry few scripts; a watch shows about 15 characters); the workout keeps the
 * protocol's name as typed (FIT strings are UTF-8). What a step's name cannot say (a load, a treadmill speed, an
 * incline) goes into its notes.
 *
 * Written with Garmin's own FIT SDK. Treadmill speeds are notes, not speed targets: a watch measures speed on a
 * treadmill from the wrist, and a target would sound alerts the runner cannot act on.
 */
import { Encoder, type FileIdMesg, type Mesg, Profile, type WorkoutMesg, type WorkoutStepMesg } from '@garmin/fitsdk'
import { durationNotation } from '../../../shared/duration'
import { formatNotation } from '../../../shared/notation'
import type { RepeatGroup } from '../../../shared/training'

export interface WorkoutInput {
  /** The workout's name on the watch: the protocol's, as typed. */
  name: string
  warmupSeconds: number
  cooldownSeconds: number
  plan: readonly RepeatGroup[]
}

/** The characters of a step name that a watch shows. */
export const STEP_NAME_CHARS = 15
/** Bytes kept of the workout's name, its description and a step's notes (a FIT field holds at most 255, its end included). */
const NAME_BYTES = 200
const NOTES_BYTES = 200

/** A workout step as it is written, in the SDK's field names (raw values: milliseconds, centimetres). */
export type StepMesg = Mesg & Pick<WorkoutStepMesg, 'messageIndex' | 'wktStepName' | 'durationType' | 'durationValue' | 'targetType' | 'targetValue' | 'intensity' | 'notes'>

const encoder = new TextEncoder()

/** The FIT message numbers written (fixed by the protocol: file_id 0, workout 26, workout_step 27). */
const FILE_ID = Profile.MesgNum.FILE_ID ?? 0
const WORKOUT = Profile.MesgNum.WORKOUT ?? 26
const WORKOUT_STEP = Profile.MesgNum.WORKOUT_STEP ?? 27

/** `text` cut to at most `bytes` bytes of UTF-8, never inside a character. */
export function cutUtf8(text: string, bytes: number): string {
  if (encoder.encode(text).length <= bytes) return text
  let out = ''
  let used = 0
  for (const ch of text) {
    const n = encoder.encode(ch).length
    if (used + n > bytes) break
    out += ch
    used += n
  }
  return out
}

const stepName = (text: string): string => text.slice(0, STEP_NAME_CHARS)

/** `400m`, `1.5km`. */
function distanceText(meters: number): string {
  return meters >= 1000 ? `${Number((meters / 1000).toFixed(2))}km` : `${Number(meters.toFixed(1))}m`
}

/** The work step's verb: a hill rep is a hill sprint; otherwise by its intensity. */
function workVerb(g: RepeatGroup): string {
  if (g.hill) return 'Hill'
  switch (g.intensity) {
    case 'max':
      return 'Sprint'
    case 'near-max':
      return 'Hard'
    default:
      return 'Run'
  }
}

/** What the work step's name cannot say: effort in percent, treadmill speed, incline, load. */
function workNotes(g: RepeatGroup): string | null {
  const parts: string[] = []
  if (g.intensity === 'custom' && g.intensityPct !== null) parts.push(`At ${g.intensityPct}% effort`)
  else if (g.intensity === 'max') parts.push('All out')
  else if (g.intensity === 'near-max') parts.push('Near maximum effort')
  else if (g.intensity === 'moderate') parts.push('Moderate effort')
  if (g.hill) parts.push('Uphill')
  if (g.treadmillKmh != null) parts.push(`Treadmill ${g.treadmillKmh} km/h`)
  if (!g.hill && g.inclinePct !== null) parts.push(`Incline ${g.inclinePct}%`)
  if (g.loadKg != null && g.loadKind != null) parts.push(`${g.loadKind === 'vest' ? 'Vest' : g.loadKind === 'sled' ? 'Sled' : 'Load'} ${g.loadKg} kg`)
  return parts.length === 0 ? null : parts.join(', ')
}

const RECOVERY_VERB = { walk: 'Walk', jog: 'Jog', stand: 'Stand', 'walk-down': 'Walk down' } as const

/** The workout's steps, in order, each with its index. */
export function workoutSteps(input: Pick<WorkoutInput, 'warmupSeconds' | 'cooldownSeconds' | 'plan'>): StepMesg[] {
  const steps: StepMesg[] = []
  const add = (s: Omit<StepMesg, 'messageIndex'>) => {
    const step: StepMesg = { messageIndex: steps.length, ...s }
    if (step.notes != null) step.notes = cutUtf8(step.notes, NOTES_BYTES)
    steps.push(step)
    return step.messageIndex as number
  }
  const timed = (seconds: number) => ({ durationType: 'time' as const, durationValue: Math.round(seconds * 1000) })

  if (input.warmupSeconds > 0) {
    add({ wktStepName: stepName(`Warm up ${durationNotation(input.warmupSeconds)}`), ...timed(input.warmupSeconds), targetType: 'open', intensity: 'warmup', notes: 'Walk at a normal pace' })
  }
  for (const g of input.plan) {
    const notes = workNotes(g)
    const first = add({
      wktStepName: stepName(`${workVerb(g)} ${g.workMeters !== null ? distanceText(g.workMeters) : durationNotation(g.workSeconds ?? 0)}`),
      ...(g.workMeters !== null ? { durationType: 'distance' as const, durationValue: Math.round(g.workMeters * 100) } : timed(g.workSeconds ?? 0)),
      targetType: 'open',
      intensity: 'active',
      ...(notes ? { notes } : {})
    })
    const intensity = g.recoveryMode === 'stand' ? ('rest' as const) : ('recovery' as const)
    if (g.recoverySeconds === null) {
      // An untimed walk back down the hill: it ends when the runner presses the lap button at the bottom.
      add({ wktStepName: stepName(RECOVERY_VERB[g.recoveryMode]), durationType: 'open', targetType: 'open', intensity, notes: 'Press lap when back at the bottom' })
    } else if (g.recoverySeconds > 0) {
      add({ wktStepName: stepName(`${RECOVERY_VERB[g.recoveryMode]} ${durationNotation(g.recoverySeconds)}`), ...timed(g.recoverySeconds), targetType: 'open', intensity })
    }
    if (g.count > 1) add({ durationType: 'repeatUntilStepsCmplt', durationValue: first, targetValue: g.count })
  }
  if (input.cooldownSeconds > 0) {
    add({ wktStepName: stepName(`Cool down ${durationNotation(input.cooldownSeconds)}`), ...timed(input.cooldownSeconds), targetType: 'open', intensity: 'cooldown', notes: 'Walk at a normal pace' })
  }
  return steps
}

/** The FIT workout file of `input`, created at `now`. */
export function encodeWorkout(input: WorkoutInput, now: Date = new Date()): Uint8Array {
  const steps = workoutSteps(input)
  const fit = new Encoder()
  const fileId: FileIdMesg = {
    type: 'workout',
    manufacturer: 'development',
    product: 0,
    // The file's serial number: its creation time in seconds (a FIT serial number is never 0).
    serialNumber: Math.floor(now.getTime() / 1000) % 0xffffffff || 1,
    timeCreated: now
  }
  const workout: WorkoutMesg = {
    wktName: cutUtf8(input.name, NAME_BYTES),
    wktDescription: cutUtf8(formatNotation(input.plan), NAME_BYTES),
    sport: 'running',
    subSport: 'generic',
    numValidSteps: steps.length
  }
  fit.onMesg(FILE_ID, fileId)
  fit.onMesg(WORKOUT, workout)
  for (const s of steps) fit.onMesg(WORKOUT_STEP, s)
  return fit.close()
}
