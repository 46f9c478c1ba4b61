import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { app, BrowserWindow, dialog, ipcMain, session } from 'electron'
import { type AppBackend, DatabaseOpenError, restoreLatestAtStartup, startBackend } from './backend'
import { CSP } from './backend/http-server'
import { APP_DIR_NAME } from './backend/paths'
import { isAllowedRequest } from './request-policy'

const RENDERER_DIR = join(__dirname, '../renderer')
const RENDERER_INDEX = join(RENDERER_DIR, 'index.html')
const RENDERER_URL = pathToFileURL(RENDERER_INDEX).href

let backend: AppBackend | null = null
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
  backend = await openBackend()
  if (!backend) {
    app.exit(1)
    return
  }
  createWindow()
})

/** Opens the database; when it is damaged or missing, offers the latest verified backup. */
async function openBackend(): Promise<AppBackend | null> {
  const dataDir = app.getPath('userData')
  // An encrypted database opens locked: the renderer shows the unlock screen before login.
  const open = () =>
    startBackend({ dataDir, version: app.getVersion(), lock: true, dailyBackup: true, backgroundRefresh: true })
  try {
    return await open()
  } catch (e) {
    if (!(e instanceof DatabaseOpenError)) {
      dialog.showErrorBox('贷后管家无法启动', String(e))
      return null
    }
    if (!e.offer) {
      dialog.showErrorBox('贷后管家无法启动', e.message)
      return null
    }
    const choice = dialog.showMessageBoxSync({
      type: 'warning',
      title: '贷后管家无法打开数据库',
      message: e.message,
      detail: `可以从最新的已验证备份 ${e.offer.id} 恢复。原数据库文件不会被覆盖，会改名保留在数据目录中。`,
      buttons: ['从最新备份恢复', '退出'],
      defaultId: 0,
      cancelId: 1,
    })
    if (choice !== 0) return null
    try {
      const r = await restoreLatestAtStartup(dataDir)
      dialog.showMessageBoxSync({
        type: 'info',
        message: `已从备份 ${r.restoredFrom} 恢复。${r.keptDamagedAs ? `原文件保留为 ${r.keptDamagedAs}` : ''}`,
      })
      return await open()
    } catch (again) {
      dialog.showErrorBox('贷后管家无法启动', again instanceof Error ? again.message : String(again))
      return null
    }
  }
}

app.on('window-all-closed', () => app.quit())
let quitting = false
app.on('before-quit', (event) => {
  // Clean shutdown: wait for the last write, checkpoint the WAL, close, release the lock.
  if (quitting || !backend) return
  event.preventDefault()
  quitting = true
  void backend
    .close()
    .catch((e: unknown) => console.error('[daihou] closing the database failed:', e))
    .finally(() => app.exit(0))
})
