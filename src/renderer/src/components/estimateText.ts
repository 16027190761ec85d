/** Wording for a duration (and so a load) that holds an estimated walk back down the hill (metrics/session.ts). */
import { durationClock } from '../../../shared/duration'
import { tr } from '../i18n/instance'

/** `≈ 6:00 estimated walk-down` */
export function estimatedText(seconds: number): string {
  return tr('components:estimated', { clock: durationClock(seconds) })
}

/** The rule that explains the estimate, for a tooltip or a note, in the runner's language. */
export const estimateRule = (): string => tr('components:estimateRule')

/** The rule in English (kept for screens not yet worded through `estimateRule`). */
export const ESTIMATE_RULE =
  'An untimed walk back down the hill counts as the mean of the session’s timed walk-downs, else the last timed walk-down of an earlier session of the same protocol, else 90 s.'
