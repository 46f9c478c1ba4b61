import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { DatabaseOpenError } from './open-error'

export const LOCK_FILE_NAME = 'daihou.lock'

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM'
  }
}

/**
 * Claims the data folder for this process with `<dataDir>/daihou.lock` (pid inside). A second
 * instance on the same folder is refused with a message; a lock left by a process that is gone
 * (power cut, kill) is taken over.
 */
export function acquireDataDirLock(dataDir: string): { release: () => void } {
  mkdirSync(dataDir, { recursive: true })
  const file = join(dataDir, LOCK_FILE_NAME)
  const mine = JSON.stringify({ pid: process.pid, host: hostname(), startedAt: new Date().toISOString() })
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(file, mine, { flag: 'wx' })
      return { release: () => release(file) }
    } catch (e) {
      if ((e as { code?: string }).code !== 'EEXIST') throw e
    }
    let holder: { pid?: number; host?: string } = {}
    try {
      holder = JSON.parse(readFileSync(file, 'utf8')) as typeof holder
    } catch {
      // unreadable lock: treat as stale
    }
    const sameHost = !holder.host || holder.host === hostname()
    if (typeof holder.pid === 'number' && holder.pid !== process.pid && (!sameHost || alive(holder.pid))) {
      throw new DatabaseOpenError(
        'locked',
        `贷后管家已经在使用这个数据目录（进程 ${holder.pid}${sameHost ? '' : `，电脑 ${holder.host}`}）。同一个数据目录不能同时打开两次，请切换到已打开的窗口。`,
      )
    }
    rmSync(file, { force: true })
  }
  throw new DatabaseOpenError('locked', `无法锁定数据目录 ${dataDir}，请确认没有其他贷后管家正在运行。`)
}

function release(file: string): void {
  try {
    const holder = JSON.parse(readFileSync(file, 'utf8')) as { pid?: number }
    if (holder.pid === process.pid) rmSync(file, { force: true })
  } catch {
    // already gone
  }
}
