#!/usr/bin/env node
// Browser mode launcher: builds when the sources are newer than out/, then runs out/main/web.js.
import { spawnSync, spawn } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const entry = join(root, 'out/main/web.js')

function newest(dir) {
  let t = 0
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs)
  }
  return t
}

export function ensureBuilt() {
  const sources = ['electron', 'renderer', 'shared', 'migrations'].map((d) => join(root, d)).filter(existsSync)
  const stale =
    !existsSync(entry) ||
    !existsSync(join(root, 'out/renderer/index.html')) ||
    Math.max(...sources.map(newest)) > statSync(entry).mtimeMs
  if (!stale) return
  console.log('正在构建界面… / building…')
  const r = spawnSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: root,
    stdio: 'inherit',
  })
  if (r.status !== 0) process.exit(r.status ?? 1)
}

export function runWeb(args) {
  ensureBuilt()
  const child = spawn(process.execPath, [entry, ...args], { cwd: root, stdio: 'inherit' })
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig))
  child.on('exit', (code) => process.exit(code ?? 0))
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) runWeb(process.argv.slice(2))
