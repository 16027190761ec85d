import type { Api } from '../shared/api'

declare global {
  interface Window {
    /** Present in the desktop app (set by the preload); absent in web mode. */
    api?: Api
  }
}

export {}
