#!/usr/bin/env node
// `npm start`: launches the Electron app when its runtime is present; otherwise explains why
// and starts browser mode instead (offline machines cannot download the Electron binary).
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { ensureBuilt, runWeb } from './web.mjs'

const require = createRequire(import.meta.url)

/** Path of the Electron binary, or null — without require('electron'), which would try to download. */
function electronBinary() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const exe =
      process.platform === 'win32'
        ? 'electron.exe'
        : process.platform === 'darwin'
          ? 'Electron.app/Contents/MacOS/Electron'
          : 'electron'
    const p = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, exe)
    return existsSync(p) ? p : null
  }
  let pkgDir
  try {
    pkgDir = dirname(require.resolve('electron/package.json'))
  } catch {
    return null
  }
  const pathFile = join(pkgDir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const p = join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(p) ? p : null
}

const bin = electronBinary()
if (bin) {
  ensureBuilt()
  const child = spawn(bin, ['.', ...process.argv.slice(2)], { stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
} else {
  console.log(`
未找到 Electron 运行时（本机离线，无法下载 Electron 程序本体）。
将以浏览器模式启动：同一个界面和接口，仅在本机 127.0.0.1 上提供服务。
要使用桌面窗口，请在联网的电脑上运行 npm install，或设置 ELECTRON_OVERRIDE_DIST_PATH 指向已有的 Electron。

The Electron runtime is not installed (this machine is offline and cannot download it).
Starting browser mode instead: the same app and API, served on 127.0.0.1 only.
`)
  runWeb(process.argv.slice(2))
}
