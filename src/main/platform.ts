/** What the desktop app can do that a browser cannot: native file dialogs (src/main/index.ts supplies them; web mode has none). */
export interface Platform {
  /** Asks where to save; null when the user cancels. */
  chooseSavePath?(o: { title: string; defaultName: string }): Promise<string | null>
  /** Asks for files to open; empty when the user cancels. */
  chooseOpenPaths?(o: { title: string }): Promise<string[]>
}
