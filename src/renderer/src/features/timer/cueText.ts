/**
 * What the timer says and shows, in the runner's language: the spoken cues (the shared timer's `text` is their
 * English form, kept for its tests), the phases' names on the "next" line and the strip, and the clock's text.
 */
import { durationClock } from '../../../../shared/duration'
import { type Cue, type Phase, repCount } from '../../../../shared/timer'
import { type DistanceUnit, repDistanceInUnit } from '../../../../shared/units'
import { formatDistance } from '../../i18n/format'
import { currentLanguage, tr } from '../../i18n/instance'

/** A length said out loud: `2 minutes`, `30 seconds`, `1 minute 30 seconds` / `2 分钟`, `1 分 30 秒`. */
export function spokenDuration(ms: number): string {
  const s = Math.round(ms / 1000)
  const minutes = Math.floor(s / 60)
  const seconds = s % 60
  if (minutes === 0) return tr('timer:spokenSeconds', { seconds })
  return seconds === 0 ? tr('timer:spokenMinutes', { minutes }) : tr('timer:spokenMinutesSeconds', { minutes, seconds })
}

/** The words of a cue (null for a count: beeps only), worded from its phase; a distance in metres or yards. */
export function cueSpeech(cue: Cue, phases: readonly Phase[], unit: DistanceUnit = 'km'): string | null {
  if (cue.kind === 'count') return null
  if (cue.kind === 'done') return tr('timer:cueDone')
  const p = phases[cue.phase]
  if (!p) return cue.text
  switch (p.kind) {
    case 'warmup':
      return tr('timer:cueWarmup', { duration: spokenDuration(p.plannedMs ?? 0) })
    case 'cooldown':
      return tr('timer:cueCooldown', { duration: spokenDuration(p.plannedMs ?? 0) })
    case 'work': {
      const params = { rep: p.rep ?? 0, reps: repCount(phases) }
      if (p.plannedMs !== null || p.meters === null) return tr('timer:cueWork', params)
      return unit === 'km' ? tr('timer:cueWorkMeters', { ...params, meters: p.meters }) : tr('timer:cueWorkYards', { ...params, yards: Math.round(repDistanceInUnit(p.meters, unit)) })
    }
    case 'recovery':
      return p.plannedMs === null ? tr('timer:cueWalkDown') : tr('timer:cueRecover', { duration: spokenDuration(p.plannedMs) })
  }
}

/** The language a cue is spoken in (the utterance's `lang`). */
export const speechLanguage = (): string => currentLanguage()

/** A phase's label in capitals: `WARM-UP`, `WORK`, `RECOVER`, `COOL-DOWN`. */
export const phaseLabel = (kind: Phase['kind']): string => tr(`timer:label-${kind}`)

/** A phase named for the "next" line and the strip: `RECOVER · 2:00`, `WORK 1 of 6 · 0:20`, `RECOVER · walk back down`. */
export function phaseName(p: Phase, reps: number, unit: DistanceUnit = 'km'): string {
  const length =
    p.plannedMs === null
      ? p.kind === 'recovery'
        ? tr('timer:lengthWalkDown')
        : p.meters !== null
          ? unit === 'km'
            ? tr('timer:lengthMeters', { meters: p.meters })
            : formatDistance(p.meters, unit)
          : tr('timer:lengthUntimed')
      : durationClock(p.plannedMs / 1000)
  const label = phaseLabel(p.kind)
  return p.kind === 'work' ? tr('timer:phaseWork', { label, rep: p.rep ?? 0, reps, length }) : tr('timer:phase', { label, length })
}
