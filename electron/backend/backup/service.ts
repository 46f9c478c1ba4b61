import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { AppError } from '../../../shared/api'
import { appendAudit } from '../audit/chain'
import type { BackendEnv, Caller } from '../context'
import { localDate } from '../clock'
import { hasPlainHeader, openSqlite, rekey } from '../db/cipher'
import { DB_FILE_NAME } from '../db/connection'
import { keyFilePath } from '../db/keyfile'
import { inWriteTransaction } from '../db/transaction'
import { getNumberSetting } from '../system/settings'
import {
  BACKUP_DB_NAME,
  type BackupKind,
  checkDatabaseFile,
  type Manifest,
  readManifest,
  type Verification,
  verifyBackupDir,
  writeSnapshot,
} from './snapshot'
import { backupKeyFor } from './backup-key'
import { type BackupEntry, backupId, backupsDir, listBackups, pruneBackups, toEntry } from './store'

export const KIND_LABELS: Record<BackupKind, string> = {
  manual: '手动备份',
  daily: '每日自动备份',
  'pre-migration': '升级前备份',
  'pre-restore': '恢复前备份',
}

/** Records a maintenance action in the audit log, in its own transaction on the current database. */
export async function auditMaintenance(
  env: BackendEnv,
  caller: Caller | null,
  method: string,
  entityId: string,
  summary: string,
): Promise<void> {
  await inWriteTransaction(env.db, (trx) =>
    appendAudit(trx, {
      at: env.now().toISOString(),
      userId: caller?.userId ?? null,
      username: caller?.username ?? null,
      method,
      entity: 'backup',
      entityId,
      summary,
    }),
  )
}

/** Writes a backup now (not serialised: callers hold `host.serial`). */
export async function snapshotNow(env: BackendEnv, kind: BackupKind, folder?: string): Promise<BackupEntry> {
  const at = env.now()
  const id = backupId(at, kind)
  const root = folder ?? backupsDir(env.dataDir)
  try {
    mkdirSync(root, { recursive: true })
  } catch (e) {
    if (['ENOSPC', 'EROFS', 'EIO'].includes(String((e as { code?: unknown }).code))) throw e // mapped to STORAGE
    throw new AppError('VALIDATION', `无法写入备份目录 ${root}：${(e as Error).message}`)
  }
  const m = await writeSnapshot(env.sqlite, join(root, id), {
    kind,
    createdAt: at.toISOString(),
    appVersion: env.host.appVersion,
    scansDir: join(env.dataDir, 'scans'),
    linkScans: !folder,
    key: env.host.key,
    keyFile: keyFilePath(env.dataDir),
  })
  if (!folder) pruneBackups(root, await getNumberSetting(env.db, 'backupGenerations'), id)
  return toEntry(id, join(root, id), m)
}

/** A backup of the running database (online: posting goes on between the copy's small steps). */
export async function createBackup(env: BackendEnv, kind: BackupKind, folder?: string): Promise<BackupEntry> {
  return env.host.serial(() => snapshotNow(env, kind, folder))
}

/** Starts today's automatic backup unless one was already made today (local day). */
export function dailyBackupDue(env: BackendEnv): boolean {
  const today = localDate(env.now())
  return !listBackups(backupsDir(env.dataDir)).some(
    (b) => (b.kind === 'daily' || b.kind === 'manual') && b.verified && localDate(new Date(b.createdAt)) === today,
  )
}

export interface Source {
  label: string
  dir: string | null
  dbFile: string
  manifest: Manifest | null
}

/** Finds a listed backup by id, or a chosen backup folder or database file by path. */
export function resolveSource(env: BackendEnv, input: { id?: string; path?: string }): Source {
  if (input.id) {
    const entry = listBackups(backupsDir(env.dataDir)).find((b) => b.id === input.id)
    if (!entry) throw new AppError('NOT_FOUND', `找不到备份 ${input.id}`)
    return { label: entry.id, dir: entry.dir, dbFile: entry.file, manifest: readManifest(entry.dir) }
  }
  const path = input.path as string
  if (!existsSync(path)) throw new AppError('NOT_FOUND', `找不到 ${path}`)
  if (statSync(path).isDirectory()) {
    const manifest = readManifest(path)
    if (!manifest) throw new AppError('VALIDATION', `${path} 不是贷后管家的备份文件夹（没有备份清单）`)
    return { label: path, dir: path, dbFile: join(path, BACKUP_DB_NAME), manifest }
  }
  const manifest = basename(path) === BACKUP_DB_NAME ? readManifest(dirname(path)) : null
  return { label: path, dir: manifest ? dirname(path) : null, dbFile: path, manifest }
}

/** Verifies a source: manifest hashes and counts when it has one, else the file alone. */
export async function verifySource(src: Source, key: string | null = null): Promise<Verification> {
  return src.manifest && src.dir
    ? verifyBackupDir(src.dir, src.manifest, undefined, key)
    : await checkDatabaseFile(src.dbFile, key)
}

function copyMissingScans(fromDir: string | null, dataDir: string): void {
  if (!fromDir) return
  const walk = (rel: string): void => {
    const here = join(fromDir, rel)
    if (!existsSync(here)) return
    for (const e of readdirSync(here, { withFileTypes: true })) {
      const r = join(rel, e.name)
      if (e.isDirectory()) walk(r)
      else if (!existsSync(join(dataDir, r))) {
        mkdirSync(dirname(join(dataDir, r)), { recursive: true })
        copyFileSync(join(fromDir, r), join(dataDir, r))
      }
    }
  }
  walk('scans')
}

/**
 * Puts a copy of `from` in place of the database. When the app runs encrypted, the copy is first
 * encrypted (a plain backup) or re-keyed from `sourceKey` (a backup made under an earlier
 * passphrase) to the current key: the restored database opens with the passphrase the staff use
 * now and the recovery key printed for it, whatever passphrase the backup was made under.
 */
function placeFile(from: string, file: string, key: string | null, sourceKey: string | null = key): void {
  rmSync(`${file}-wal`, { force: true })
  rmSync(`${file}-shm`, { force: true })
  const next = `${file}.restoring`
  copyFileSync(from, next)
  const plain = hasPlainHeader(next)
  if (key !== null && (plain || sourceKey !== key)) {
    const db = openSqlite(next, plain ? null : sourceKey)
    try {
      rekey(db, key)
    } finally {
      db.close()
    }
  }
  renameSync(next, file)
}

/**
 * Restore: verify the source first (refusing a failing or newer backup with the reason), keep
 * the current database as a 'pre-restore' backup, swap the file and reopen, all while no other
 * call runs. The audit entry goes into the restored database.
 */
export async function restoreBackup(
  env: BackendEnv,
  caller: Caller | null,
  input: { id?: string; path?: string; passphrase?: string },
) {
  const src = resolveSource(env, input)
  const sourceKey = backupKeyFor(env, src, input.passphrase)
  const v = await verifySource(src, sourceKey)
  if (!v.ok) throw new AppError('VALIDATION', `备份未通过校验，未恢复：${v.problem ?? '未知原因'}`)
  const rekeyed = sourceKey !== env.host.key && !(sourceKey !== null && hasPlainHeader(src.dbFile))
  if (rekeyed && env.host.key === null)
    throw new AppError(
      'VALIDATION',
      '当前数据库未加密，不能恢复加密的备份：请先在本页启用数据库加密（可使用同一口令），再恢复此备份。',
    )
  const file = join(env.dataDir, DB_FILE_NAME)
  return env.host.exclusive(
    () =>
      env.host.serial(async () => {
        const kept = await snapshotNow(env, 'pre-restore')
        if (!kept.verified)
          throw new AppError('INTERNAL', `当前数据库的备份未通过校验（${kept.problem ?? '?'}），为安全起见未恢复`)
        await env.host.reopen(
          () => {
            placeFile(src.dbFile, file, env.host.key, sourceKey)
            copyMissingScans(src.dir, env.dataDir)
          },
          () => placeFile(kept.file, file, env.host.key),
        )
        const when = src.manifest ? `（${src.manifest.createdAt}，${KIND_LABELS[src.manifest.kind]}）` : ''
        const how = rekeyed ? '；该备份用另一个数据库口令加密，恢复后已改为当前口令' : ''
        await auditMaintenance(
          env,
          caller,
          'backup.restore',
          src.label,
          `从备份 ${src.label}${when} 恢复数据库${how}；恢复前的数据库已保存为备份 ${kept.id}`,
        )
        return { restoredFrom: src.label, keptAs: kept.id }
      }),
    { fromCall: true },
  )
}
