/**
 * What the runner hears and what keeps the screen on: beeps from Web Audio (an oscillator, no audio files), spoken
 * cues through Speech Synthesis when the system has a voice, and a screen wake lock while the timer runs. Each is
 * skipped quietly where the browser lacks it.
 */
import type { Cue } from '../../../../shared/timer'
import { speechLanguage } from './cueText'

/** Milliseconds on the epoch's scale, read from `performance.now()` (monotonic: a changed system clock does not move it). */
export function epochClock(): () => number {
  const epoch = Date.now()
  const perf = performance.now()
  return () => epoch + (performance.now() - perf)
}

type Tone = { hz: number; ms: number; gain: number }

/** A count is a short high beep; the start of work a long higher tone; a recovery a falling pair; the end three. */
const TONES: Record<Cue['kind'], Tone[]> = {
  count: [{ hz: 880, ms: 120, gain: 0.25 }],
  work: [{ hz: 1320, ms: 450, gain: 0.35 }],
  recovery: [
    { hz: 660, ms: 220, gain: 0.3 },
    { hz: 440, ms: 320, gain: 0.3 }
  ],
  warmup: [{ hz: 520, ms: 300, gain: 0.25 }],
  cooldown: [{ hz: 520, ms: 300, gain: 0.25 }],
  done: [
    { hz: 880, ms: 180, gain: 0.3 },
    { hz: 1100, ms: 180, gain: 0.3 },
    { hz: 1320, ms: 360, gain: 0.3 }
  ]
}

export class CuePlayer {
  private audio: AudioContext | null = null
  muted: boolean

  constructor(muted: boolean) {
    this.muted = muted
  }

  /** Called from a key press or a click: browsers only let audio start from one. */
  unlock(): void {
    try {
      if (!this.audio && typeof AudioContext !== 'undefined') this.audio = new AudioContext()
      void this.audio?.resume().catch(() => undefined)
    } catch {
      this.audio = null
    }
  }

  /** Plays a cue: its beeps, and its words (in the runner's language) when it has any. */
  play(cue: Cue, words: string | null): void {
    if (this.muted || cue.late) return
    this.beep(TONES[cue.kind])
    if (words) this.say(words)
  }

  private beep(tones: Tone[]): void {
    const ctx = this.audio
    if (!ctx) return
    try {
      let t = ctx.currentTime
      for (const tone of tones) {
        const osc = ctx.createOscillator()
        const gain = ctx.createGain()
        osc.type = 'sine'
        osc.frequency.value = tone.hz
        gain.gain.setValueAtTime(tone.gain, t)
        gain.gain.exponentialRampToValueAtTime(0.001, t + tone.ms / 1000)
        osc.connect(gain).connect(ctx.destination)
        osc.start(t)
        osc.stop(t + tone.ms / 1000)
        t += tone.ms / 1000 + 0.04
      }
    } catch {
      // no sound
    }
  }

  private say(text: string): void {
    try {
      const synth = window.speechSynthesis
      if (!synth || synth.getVoices().length === 0) return
      // Spoken in the language the words are in (zh-CN or en), by a voice of that language where the system has one.
      const lang = speechLanguage()
      const u = new SpeechSynthesisUtterance(text)
      u.lang = lang
      const voices = synth.getVoices()
      const norm = (tag: string) => tag.toLowerCase().replace('_', '-')
      const voice = voices.find((v) => norm(v.lang) === norm(lang)) ?? voices.find((v) => norm(v.lang).startsWith(lang.slice(0, 2).toLowerCase()))
      if (voice) u.voice = voice
      synth.cancel()
      synth.speak(u)
    } catch {
      // no voice
    }
  }

  close(): void {
    try {
      window.speechSynthesis?.cancel()
      void this.audio?.close().catch(() => undefined)
    } catch {
      // already closed
    }
    this.audio = null
  }
}

/** Keeps the screen awake while wanted; lost locks (the tab hidden) are taken again when it is visible. */
export class ScreenAwake {
  private lock: WakeLockSentinel | null = null
  private wanted = false
  private readonly onVisible = () => {
    if (document.visibilityState === 'visible' && this.wanted) void this.take()
  }

  constructor() {
    document.addEventListener('visibilitychange', this.onVisible)
  }

  private async take(): Promise<void> {
    if (this.lock && !this.lock.released) return
    try {
      this.lock = (await navigator.wakeLock?.request('screen')) ?? null
    } catch {
      this.lock = null
    }
  }

  set(wanted: boolean): void {
    this.wanted = wanted
    if (wanted) void this.take()
    else this.release()
  }

  private release(): void {
    const lock = this.lock
    this.lock = null
    if (lock) void lock.release().catch(() => undefined)
  }

  dispose(): void {
    this.wanted = false
    this.release()
    document.removeEventListener('visibilitychange', this.onVisible)
  }
}
