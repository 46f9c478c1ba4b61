import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { app, BrowserWindow, dialog, ipcMain, session } from 'electron'
import { type Backend, createBackend, DatabaseOpenError } from './backend'
import { CSP } from './backend/http-server'
import { APP_DIR_NAME } from './backend/paths'
import { isAllowedRequest } from './request-policy'

const RENDERER_DIR = join(__dirname, '../renderer')
const RENDERER_INDEX = join(RENDERER_DIR, 'index.html')
const RENDERER_URL = pathToFileURL(RENDERER_INDEX).href

let backend: Backend | null = null
/** Session token per window: the renderer never has to hold it. */
const tokens = new Map<number, string>()

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    title: '贷后管家',
    show: false,
    webPreferences: {
      preload: join(__dirname, '../preload/preload.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  })
  win.once('ready-to-show', () => win.show())
  const id = win.webContents.id
  win.on('closed', () => tokens.delete(id))
  void win.loadFile(RENDERER_INDEX)
}

function isOwnRenderer(url: string | undefined): boolean {
  return url !== undefined && url.split('#')[0] === RENDERER_URL
}

// Same folder browser mode uses by default.
app.setPath('userData', join(app.getPath('appData'), APP_DIR_NAME))
app.enableSandbox()

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
})

ipcMain.handle('daihou:call', async (event, method: unknown, input: unknown) => {
  if (!backend || !isOwnRenderer(event.senderFrame?.url)) {
    return { ok: false, error: { code: 'FORBIDDEN', message: '拒绝来自未知页面的调用' } }
  }
  const id = event.sender.id
  const result = await backend.dispatch({ method, input, token: tokens.get(id) ?? null })
  if (method === 'auth.login' && result.ok) {
    // Main keeps the token per window; the renderer never needs it.
    const { token, ...rest } = result.value as { token: string }
    tokens.set(id, token)
    return { ok: true, value: { ...rest, token: '' } }
  }
  if (method === 'auth.logout') tokens.delete(id)
  return result
})

app.whenReady().then(async () => {
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false))
  session.defaultSession.webRequest.onHeadersReceived((details, cb) => {
    cb({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } })
  })
  session.defaultSession.webRequest.onBeforeRequest((details, cb) => {
    // No remote content and no other local files: only the built renderer and devtools.
    cb({ cancel: !isAllowedRequest(details.url, RENDERER_DIR) })
  })
  try {
    backend = await createBackend({ dataDir: app.getPath('userData'), version: app.getVersion() })
  } catch (e) {
    const msg = e instanceof DatabaseOpenError ? e.message : String(e)
    dialog.showErrorBox('贷后管家无法启动', msg)
    app.exit(1)
    return
  }
  createWindow()
})

app.on('window-all-closed', () => app.quit())
app.on('before-quit', (event) => {
  // Quit only after the database has closed (WAL checkpoint, file handles released).
  const closing = backend
  if (!closing) return
  event.preventDefault()
  backend = null
  void closing
    .close()
    .catch((e: unknown) => console.error('[daihou] closing the database failed:', e))
    .finally(() => app.quit())
})
