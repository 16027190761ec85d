/** Wording for a duration (and so a load) that holds an estimated walk back down the hill (metrics/session.ts). */
import { durationClock } from '../../../shared/duration'

/** `≈ 6:00 estimated walk-down` */
export function estimatedText(seconds: number): string {
  return `≈ ${durationClock(seconds)} estimated walk-down`
}

/** The title that explains the estimate, for a tooltip or a note. */
export const ESTIMATE_RULE =
  'An untimed walk back down the hill counts as the mean of the session’s timed walk-downs, else the last timed walk-down of an earlier session of the same protocol, else 90 s.'
