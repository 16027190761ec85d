import { addLocalDays, isLocalDate, type LocalDate } from '../../../shared/dates'
import { tr } from '../i18n/instance'

/** The date ranges the dashboard offers: a span ending today, all history, or any two dates (`label`: its key in `charts`). */
export const RANGE_PRESETS = {
  '4w': { label: 'range4w', days: 28 },
  '12w': { label: 'range12w', days: 84 },
  '3m': { label: 'range3m', days: 91 },
  '6m': { label: 'range6m', days: 182 },
  '1y': { label: 'range1y', days: 365 },
  all: { label: 'rangeAll', days: null }
} as const

export type RangePreset = keyof typeof RANGE_PRESETS

export interface RangeState {
  preset: RangePreset | 'custom'
  /** For `custom`: the typed dates (may be empty or unfinished). */
  from: string
  to: string
}

export type RangeInput = { ok: true; from?: LocalDate; to: LocalDate } | { ok: false; error: string }

/** The `{from, to}` for the back end: a preset's last N days up to today, or the custom dates checked. */
export function rangeInput(r: RangeState, today: LocalDate): RangeInput {
  if (r.preset !== 'custom') {
    const days = RANGE_PRESETS[r.preset].days
    return days === null ? { ok: true, to: today } : { ok: true, from: addLocalDays(today, -(days - 1)), to: today }
  }
  if (r.from !== '' && !isLocalDate(r.from)) return { ok: false, error: tr('charts:rangeStartNotDate') }
  if (r.to !== '' && !isLocalDate(r.to)) return { ok: false, error: tr('charts:rangeEndNotDate') }
  const to = r.to === '' ? today : r.to
  if (r.from !== '' && r.from > to) return { ok: false, error: tr('charts:rangeStartAfterEnd') }
  return r.from === '' ? { ok: true, to } : { ok: true, from: r.from, to }
}
