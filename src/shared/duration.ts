/**
 * Durations as text, in the four forms the app shows. Each takes seconds; none reads text back (the protocol notation
 * and the session form each have their own parser, which accept what these write).
 *
 * - `durationClock`: a clock, for figures on screen (`2:05`, `1:02:05`);
 * - `durationFieldText`: what a time field of the session form shows (`20`, `13.4`, `1:30`);
 * - `durationNotation`: the protocol notation's form (`20s`, `4m`, `1m30s`), which `parseNotation` reads back;
 * - `durationWithUnits`: a label with spelled-out units (`20 s`, `4 min`, `1 min 30 s`).
 */

/** `m:ss`, rounded to whole seconds, e.g. 125 → `2:05`; with hours when needed, 3725 → `1:02:05`. */
export function durationClock(seconds: number): string {
  const s = Math.round(seconds)
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const ss = String(s % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`
}

/**
 * The text of a time field: under a minute plain seconds (`20`, `13.4`), else `m:ss` (`1:30`, `4:00`, `1:05.5`),
 * minutes past 59 not carried into hours (`60:00`); tenths of a second kept, empty for null.
 */
export function durationFieldText(seconds: number | null): string {
  if (seconds === null) return ''
  const tenths = Math.round(seconds * 10)
  if (tenths < 600) return String(tenths / 10)
  const m = Math.floor(tenths / 600)
  const s = (tenths - m * 600) / 10
  return `${m}:${s < 10 ? '0' : ''}${s}`
}

/** The notation's form, rounded to whole seconds: 20 → `20s`, 240 → `4m`, 90 → `1m30s`, 3600 → `60m`. */
export function durationNotation(seconds: number): string {
  const s = Math.max(0, Math.round(seconds))
  if (s < 60) return `${s}s`
  const rest = s % 60
  return rest === 0 ? `${s / 60}m` : `${Math.floor(s / 60)}m${rest}s`
}

/** With units, rounded to whole seconds: `20 s`, `4 min`, `1 min 30 s`. */
export function durationWithUnits(seconds: number): string {
  const s = Math.round(seconds)
  if (s < 60) return `${s} s`
  const m = Math.floor(s / 60)
  const rest = s % 60
  return rest === 0 ? `${m} min` : `${m} min ${rest} s`
}
