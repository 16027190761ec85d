/** The Electron main process: app lifecycle and the window, nothing else. */
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { app, BrowserWindow, dialog, ipcMain, nativeTheme, session, shell } from 'electron'
import { defaultDataDir, resolveDbPath } from './config'
import { hardenContents, hardenSession } from './hardening'
import type { Platform } from './platform'
import { registerIpc, trustedSender } from './ipc/electron'
import { type Runtime, startRuntime } from './runtime'
import { followTheme } from './theme'
import { windowOptions } from './window'
import { settingsRepo } from './db/repos/settings'
import { mainLanguage, type MainMessage, mainText } from './i18n'
import type { Language } from '../shared/i18n/languages'

const here = import.meta.dirname
const rendererFile = join(here, '../renderer/index.html')
const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
const rendererUrlPrefixes = devUrl ? [devUrl] : [pathToFileURL(rendererFile).href]

let runtime: Runtime | undefined

// Reviewed: only allow-listed https links reach openExternal (hardening.ts isAllowedExternal, unit-tested).
app.on('web-contents-created', (_event, contents) => hardenContents(contents, (url) => void shell.openExternal(url))) // eng-disable OPEN_EXTERNAL_JS_CHECK

/** The runner's language for the desktop's own words: the setting once the database is open, else the system's. */
function language() {
  const db = runtime?.backend()?.db
  let chosen: Language | null = null
  try {
    chosen = db ? settingsRepo(db).get().language : null
  } catch {
    // An unreadable settings table words the dialogs in the system's language.
  }
  return mainLanguage(chosen, app.getLocale())
}

const word = (m: MainMessage) => mainText(language(), m)

/** Native save and open dialogs for CSV export and import and the calendar export; the back end asks, the renderer never names a path. */
function fileDialogs(): Platform {
  const csv = [{ name: { key: 'filterCsv' }, extensions: ['csv'] }]
  const filtersOf = (types: { name: MainMessage; extensions: string[] }[] = csv) => types.map((f) => ({ name: word(f.name), extensions: f.extensions }))
  return {
    chooseSavePath: async ({ title, defaultName, filters: types }) => {
      const options = { title: word(title), defaultPath: join(app.getPath('documents'), defaultName), filters: filtersOf(types) }
      const win = BrowserWindow.getFocusedWindow()
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
      return r.canceled || !r.filePath ? null : r.filePath
    },
    chooseOpenPaths: async ({ title }) => {
      const options = { title: word(title), filters: filtersOf(), properties: ['openFile' as const, 'multiSelections' as const] }
      const win = BrowserWindow.getFocusedWindow()
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
      return r.canceled ? [] : r.filePaths
    }
  }
}

async function createWindow(): Promise<void> {
  // Reviewed: the options come from windowOptions() (window.ts: context isolation, sandbox, Auxclick disabled),
  // which the scanner cannot follow; tests/unit/security.test.ts asserts every one of them.
  const win = new BrowserWindow(windowOptions(join(here, '../preload/index.cjs'), join(here, '../../resources/icon.png'))) // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
  win.once('ready-to-show', () => win.show())
  if (devUrl) await win.loadURL(devUrl)
  else await win.loadFile(rendererFile)
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession)
  const dbPath = resolveDbPath(process.argv, process.env, app.getPath('userData') || defaultDataDir())
  // A database that cannot be opened is left untouched; the window opens in recovery mode and offers the backups.
  runtime = await startRuntime({
    dbPath,
    transport: 'desktop',
    locale: app.getLocale(),
    platform: fileDialogs(),
    ...(process.env.SPRINTLOG_NATIVE_BINDING ? { nativeBinding: process.env.SPRINTLOG_NATIVE_BINDING } : {})
  })
  // The native title bar, menus and dialogs follow the theme setting (system, light or dark) from the start.
  const router = followTheme(runtime.router, (theme) => (nativeTheme.themeSource = theme))
  await router.call('settings/get', undefined)
  registerIpc(ipcMain, router, trustedSender(rendererUrlPrefixes))
  await createWindow()
}

app.enableSandbox()
app
  .whenReady()
  .then(start)
  .catch((e: unknown) => {
    dialog.showErrorBox(mainText(mainLanguage(null, app.getLocale()), { key: 'startFailed' }), e instanceof Error ? e.message : String(e))
    app.exit(1)
  })

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})
app.on('activate', () => {
  if (runtime && BrowserWindow.getAllWindows().length === 0) void createWindow()
})
app.on('will-quit', () => runtime?.close())
