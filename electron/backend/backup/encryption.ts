// Encryption at rest, the administrator's side (issue 12): encrypt the running database in place,
// change the passphrase. Both run alone (host.exclusive) and one maintenance job at a time.
import { createHash, timingSafeEqual } from 'node:crypto'
import { existsSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { AppError } from '../../../shared/api'
import type { BackendEnv, Caller } from '../context'
import { openSqlite, rekey } from '../db/cipher'
import { DB_FILE_NAME } from '../db/connection'
import { keyFilePath, makeKeyFile, newRecoveryKey, readKeyFile, wrapPassphrase, writeKeyFile } from '../db/keyfile'
import { auditMaintenance, snapshotNow } from './service'
import { checkDatabaseFile, readManifest, tableCounts } from './snapshot'
import { backupsDir, listBackups } from './store'

function sameSecret(a: string, b: string): boolean {
  const h = (s: string) => createHash('sha256').update(s, 'utf8').digest()
  return timingSafeEqual(h(a), h(b))
}

function removeFiles(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) rmSync(f, { force: true })
}

/** Writes an encrypted copy of the live database beside it and checks it against the live counts. */
async function encryptedCopy(env: BackendEnv, file: string, passphrase: string): Promise<string> {
  const next = `${file}.encrypting`
  removeFiles(next)
  try {
    await env.sqlite.backup(next)
    const copy = openSqlite(next, null)
    try {
      copy.pragma('journal_mode = DELETE') // one self-contained file to swap in
      rekey(copy, passphrase)
    } finally {
      copy.close()
    }
    const live = tableCounts(env.sqlite)
    const check = await checkDatabaseFile(next, passphrase)
    const differs = Object.keys({ ...live, ...check.counts }).filter((t) => live[t] !== check.counts[t])
    if (!check.ok || differs.length)
      throw new AppError(
        'INTERNAL',
        `加密副本未通过校验（${check.problem ?? `行数不符：${differs.join('、')}`}），数据库保持未加密，数据未受影响`,
      )
    return next
  } catch (e) {
    removeFiles(next)
    throw e
  }
}

/** Removes the data folder's plain backups once an encrypted one is verified (they hold the same data in clear). */
function removePlainBackups(dataDir: string, keep: string): number {
  let n = 0
  for (const b of listBackups(backupsDir(dataDir))) {
    if (b.id === keep || readManifest(b.dir)?.encrypted) continue
    rmSync(b.dir, { recursive: true, force: true })
    n++
  }
  return n
}

/**
 * Encrypts the running plain database in place: encrypted copy → verify (integrity + every table's
 * row count) → swap and reopen with the key; the original stays beside it until the encrypted file
 * has reopened, and is put back when anything fails. Returns the recovery key (shown once).
 */
export async function enableEncryption(env: BackendEnv, caller: Caller | null, passphrase: string) {
  if (env.host.key !== null) throw new AppError('CONFLICT', '数据库已经加密；如需更换口令，请使用“修改数据库口令”')
  const file = join(env.dataDir, DB_FILE_NAME)
  const kept = `${file}.plain-kept`
  return env.host.exclusive(
    () =>
      env.host.serial(async () => {
        const next = await encryptedCopy(env, file, passphrase)
        const recovery = newRecoveryKey()
        writeKeyFile(keyFilePath(env.dataDir), makeKeyFile(passphrase, recovery.publicKey, env.now()))
        env.host.setKey(passphrase)
        try {
          await env.host.reopen(
            () => {
              removeFiles(kept)
              renameSync(file, kept)
              renameSync(next, file)
            },
            () => {
              if (existsSync(kept)) {
                removeFiles(file)
                renameSync(kept, file)
              }
            },
          )
        } catch (e) {
          env.host.setKey(null)
          rmSync(keyFilePath(env.dataDir), { force: true })
          removeFiles(next)
          throw e
        }
        removeFiles(kept)
        const backup = await snapshotNow(env, 'manual')
        const removed = backup.verified ? removePlainBackups(env.dataDir, backup.id) : 0
        await auditMaintenance(
          env,
          caller,
          'backup.enableEncryption',
          'database',
          `启用数据库加密（SQLCipher v4）；加密备份 ${backup.id}${backup.verified ? '校验通过' : '未通过校验'}；删除未加密的旧备份 ${removed} 份`,
        )
        return { recoveryKey: recovery.display, backupId: backup.id, removedPlainBackups: removed }
      }),
    { fromCall: true },
  )
}

/**
 * Changes the passphrase: a verified backup first, then the key file lists the new passphrase
 * beside the old one (a power cut in between leaves the recovery key working for either), the
 * database is rekeyed (WAL checkpointed and switched off around it), and the old entry dropped.
 */
export async function changePassphrase(
  env: BackendEnv,
  caller: Caller | null,
  input: { current?: string | undefined; next: string },
) {
  const key = env.host.key
  if (key === null) throw new AppError('CONFLICT', '数据库尚未加密，请先启用加密')
  const byRecovery = env.host.unlockedWith === 'recovery'
  if (!byRecovery && !sameSecret(input.current ?? '', key))
    throw new AppError('VALIDATION', '当前数据库口令不正确', [{ path: 'current', message: '当前数据库口令不正确' }])
  if (sameSecret(input.next, key))
    throw new AppError('VALIDATION', '新口令与当前口令相同', [{ path: 'next', message: '新口令与当前口令相同' }])
  const kf = readKeyFile(env.dataDir)
  if (!kf) throw new AppError('INTERNAL', `找不到密钥文件 ${keyFilePath(env.dataDir)}，为安全起见不修改口令`)
  return env.host.exclusive(
    () =>
      env.host.serial(async () => {
        const backup = await snapshotNow(env, 'manual')
        if (!backup.verified)
          throw new AppError('INTERNAL', `修改口令前的备份未通过校验（${backup.problem ?? '?'}），口令未修改`)
        const fresh = wrapPassphrase(input.next, kf.recoveryPublicKey)
        writeKeyFile(keyFilePath(env.dataDir), { ...kf, wrapped: [fresh, ...kf.wrapped] })
        rekey(env.sqlite, input.next)
        env.host.setKey(input.next)
        writeKeyFile(keyFilePath(env.dataDir), { ...kf, wrapped: [fresh] })
        const check = String(env.sqlite.pragma('quick_check', { simple: true }))
        await auditMaintenance(
          env,
          caller,
          'backup.changePassphrase',
          'database',
          `修改数据库口令${byRecovery ? '（以恢复密钥解锁后）' : ''}；修改前备份 ${backup.id}；快速检查 ${check}`,
        )
        return { backupId: backup.id }
      }),
    { fromCall: true },
  )
}
