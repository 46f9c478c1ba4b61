// The key of a backup made under another passphrase (issue 12): a passphrase change leaves the
// older backups encrypted with the old one. Verifying, drilling or restoring such a backup asks
// for that backup's passphrase; wrong tries are counted like the unlock screen's (5 free, then a
// wait of 30 s that doubles), per running app, so a stolen session cannot guess old passphrases fast.
import { AppError } from '../../../shared/api'
import { existsSync } from 'node:fs'
import type { BackendEnv } from '../context'
import { looksEncrypted, openSqlite } from '../db/cipher'
import type { Source } from './service'

/** Wrong backup passphrases allowed before the next try has to wait (as for unlocking). */
export const FREE_BACKUP_KEY_ATTEMPTS = 5

interface Tries {
  failures: number
  waitUntil: number
}
const tries = new WeakMap<BackendEnv['host'], Tries>()

const NEEDS = '此备份用另一个数据库口令加密（例如修改口令之前的备份）：请输入该备份的数据库口令'

/** Whether `key` decrypts the file's first page (a wrong key fails there with SQLITE_NOTADB). */
function opensWith(file: string, key: string | null): boolean {
  let db
  try {
    db = openSqlite(file, key, { readonly: true, fileMustExist: true })
    db.pragma('user_version', { simple: true }) // reads (and decrypts) the first page
    return true
  } catch (e) {
    if ((e as { code?: unknown }).code === 'SQLITE_NOTADB') return false
    return true // damage and the like are reported by the verification that follows
  } finally {
    db?.close()
  }
}

/**
 * The key that opens a backup: the current one, or `passphrase` (the backup's own) when given.
 * Throws VALIDATION with `data.needsBackupPassphrase` when the backup needs a passphrase other
 * than the current one, and when the passphrase typed for it is wrong (counted). The backup's
 * content is verified afterwards by the caller, with the key returned.
 */
export function backupKeyFor(env: BackendEnv, src: Source, passphrase: string | undefined): string | null {
  const needs = (message: string) =>
    new AppError('VALIDATION', message, [{ path: 'passphrase', message }], { needsBackupPassphrase: true })
  if (!existsSync(src.dbFile) || !looksEncrypted(src.dbFile)) return env.host.key
  if (passphrase === undefined) {
    if (env.host.key !== null && opensWith(src.dbFile, env.host.key)) return env.host.key
    throw needs(env.host.key === null ? '此备份已加密：请输入该备份的数据库口令' : NEEDS)
  }
  const t = tries.get(env.host) ?? { failures: 0, waitUntil: 0 }
  tries.set(env.host, t)
  const wait = Math.ceil((t.waitUntil - env.now().getTime()) / 1000)
  if (wait > 0) throw new AppError('RATE_LIMITED', `备份口令错误次数过多，请 ${wait} 秒后再试`)
  if (opensWith(src.dbFile, passphrase)) {
    t.failures = 0
    return passphrase
  }
  t.failures++
  if (t.failures >= FREE_BACKUP_KEY_ATTEMPTS)
    t.waitUntil = env.now().getTime() + 30_000 * 2 ** (t.failures - FREE_BACKUP_KEY_ATTEMPTS)
  const then =
    t.failures >= FREE_BACKUP_KEY_ATTEMPTS
      ? `，请 ${Math.ceil((t.waitUntil - env.now().getTime()) / 1000)} 秒后再试`
      : `，还可再试 ${FREE_BACKUP_KEY_ATTEMPTS - t.failures} 次`
  throw needs(`备份口令不正确（已错 ${t.failures} 次${then}）`)
}
