/** What the desktop app can do that a browser cannot: native file dialogs (src/main/index.ts supplies them; web mode has none). */
export interface Platform {
  /** Asks where to save; null when the user cancels. */
  chooseSavePath?(o: { title: string; defaultName: string; filters?: FileFilter[] }): Promise<string | null>
  /** Asks for files to open (several at once; CSV files when no filters are given); empty when the user cancels. */
  chooseOpenPaths?(o: { title: string; filters?: FileFilter[] }): Promise<string[]>
}

/** A file type a save dialog offers (CSV files when none is given). */
export interface FileFilter {
  name: string
  extensions: string[]
}
