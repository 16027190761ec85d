/**
 * The timer's progress, kept in localStorage as it goes: the session's set-up and its events (pure data, epoch
 * milliseconds), and when it was last seen running. A closed window or a crash loses nothing: the next start of
 * the timer or of Log session finds it, read as paused from the moment it was last seen.
 */
import { savedSchema, type SavedTimer, type TimerSetup } from './savedTimer'

export { restore, standing, type SavedTimer, type TimerSetup } from './savedTimer'

const KEY = 'sprintlog.timer'
const MUTED_KEY = 'sprintlog.timer.muted'

/** The saved session, or null when there is none (or what is stored cannot be read: it is then dropped). */
export function loadTimer(): SavedTimer | null {
  let text: string | null = null
  try {
    text = localStorage.getItem(KEY)
  } catch {
    return null
  }
  if (text === null) return null
  try {
    const parsed = savedSchema.safeParse(JSON.parse(text))
    if (parsed.success) return parsed.data as SavedTimer
  } catch {
    // not JSON: dropped below
  }
  clearTimer()
  return null
}

export function saveTimer(saved: SavedTimer): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(saved))
  } catch {
    // Storage full or refused: the timer runs on, unsaved.
  }
}

export function clearTimer(): void {
  try {
    localStorage.removeItem(KEY)
  } catch {
    // nothing to clear
  }
}

/** A new session for the timer, not started yet (it replaces any saved one). */
export function newTimer(setup: TimerSetup): SavedTimer {
  const saved: SavedTimer = { version: 1, setup, events: [], seenAt: Date.now() }
  saveTimer(saved)
  return saved
}

/** Sets up a new session on the timer and opens it. */
export function openTimer(setup: TimerSetup): void {
  newTimer(setup)
  window.location.hash = '/timer'
}

export function loadMuted(): boolean {
  try {
    return localStorage.getItem(MUTED_KEY) === '1'
  } catch {
    return false
  }
}

export function saveMuted(muted: boolean): void {
  try {
    localStorage.setItem(MUTED_KEY, muted ? '1' : '0')
  } catch {
    // not kept
  }
}
