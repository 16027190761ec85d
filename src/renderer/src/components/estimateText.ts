/** Wording for a duration (and so a load) that holds an estimated walk back down the hill (metrics/session.ts). */
import { durationClock } from '../../../shared/duration'
import { tr } from '../i18n/instance'

/** `≈ 6:00 estimated walk-down` */
export function estimatedText(seconds: number): string {
  return tr('components:estimated', { clock: durationClock(seconds) })
}

/** The rule that explains the estimate, for a tooltip or a note, in the runner's language. */
export const estimateRule = (): string => tr('components:estimateRule')

