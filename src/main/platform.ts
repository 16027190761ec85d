import type { MainMessage } from './i18n'

/**
 * What the desktop app can do that a browser cannot: native file dialogs (src/main/index.ts supplies them; web
 * mode has none). Titles and file types are messages of the `main` namespace, worded by the desktop app in the
 * runner's language.
 */
export interface Platform {
  /** Asks where to save; null when the user cancels. */
  chooseSavePath?(o: { title: MainMessage; defaultName: string; filters?: FileFilter[] }): Promise<string | null>
  /** Asks for files to open; empty when the user cancels. */
  chooseOpenPaths?(o: { title: MainMessage }): Promise<string[]>
}

/** A file type a save dialog offers (CSV files when none is given). */
export interface FileFilter {
  name: MainMessage
  extensions: string[]
}
