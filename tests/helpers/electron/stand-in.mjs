// A stand-in for the `electron` module: records what the main process asks of it, does nothing else.
const handlers = new Map()
const windows = []
const appListeners = new Map()
const errors = []
let loaded
const windowLoaded = new Promise((r) => (loaded = r))

export const state = { handlers, windows, appListeners, errors, windowLoaded }

export const app = {
  isPackaged: true,
  enableSandbox() {},
  whenReady: () => Promise.resolve(),
  getLocale: () => 'en-US',
  getPath: (name) => (name === 'userData' ? (process.env.STAND_IN_USER_DATA ?? '') : (process.env.STAND_IN_DOCUMENTS ?? '')),
  on(event, fn) {
    appListeners.set(event, [...(appListeners.get(event) ?? []), fn])
    return app
  },
  emit(event, ...args) {
    for (const fn of appListeners.get(event) ?? []) fn(...args)
  },
  quit() {},
  exit(code) {
    errors.push(`app.exit(${code})`)
    loaded({ failed: true })
  }
}

export class BrowserWindow {
  static getAllWindows = () => windows
  static getFocusedWindow = () => null
  constructor(options) {
    this.options = options
    this.loaded = []
    windows.push(this)
  }
  once() {
    return this
  }
  show() {}
  async loadFile(file) {
    this.loaded.push({ file })
    loaded({ failed: false })
  }
  async loadURL(url) {
    this.loaded.push({ url })
    loaded({ failed: false })
  }
}

export const dialog = {
  showErrorBox(title, message) {
    errors.push(`${title}: ${message}`)
  },
  showSaveDialog: async () => ({ canceled: true }),
  showOpenDialog: async () => ({ canceled: true, filePaths: [] })
}

export const ipcMain = {
  handle(channel, fn) {
    if (handlers.has(channel)) throw new Error(`second handler for ${channel}`)
    handlers.set(channel, fn)
  }
}

export const session = {
  defaultSession: {
    setPermissionRequestHandler() {},
    setPermissionCheckHandler() {},
    setDevicePermissionHandler() {},
    webRequest: { onHeadersReceived() {} }
  }
}

export const shell = { openExternal: async () => {} }

// No theme until the main process sets one, so a test can see that it does at start.
export const nativeTheme = { themeSource: undefined }
