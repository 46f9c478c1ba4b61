import { accessSync, constants, copyFileSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type Database from 'better-sqlite3-multiple-ciphers'
import { Kysely, SqliteDialect } from 'kysely'
import { type MigrationProvider, Migrator } from 'kysely/migration'
import { MIGRATIONS } from '../../../migrations'
import { APPLICATION_ID, BACKUP_DB_NAME, writeSnapshot } from '../backup/snapshot'
import { backupId, backupsDir, latestVerified } from '../backup/store'
import { firstPageLooksEncrypted, hasPlainHeader, openSqlite } from './cipher'
import { takeCleanSeal, writeCleanSeal } from './clean-close'
import { readKeyFile } from './keyfile'
import { DatabaseOpenError } from './open-error'
import { classifyOpenError } from './open-errors'
import type { DB } from './schema'
import { bindRaw } from './raw'

export { DatabaseOpenError } from './open-error'
export type { OpenFailure, OfferedBackup } from './open-error'

/** Schema version of this build = number of migrations it knows. */
export const SCHEMA_VERSION = Object.keys(MIGRATIONS).length
export const DB_FILE_NAME = 'daihou.sqlite'

export interface OpenedDatabase {
  db: Kysely<DB>
  sqlite: Database.Database
  file: string
  /** Migrations applied by this open (0 when the schema was current). */
  migrated: number
  /** Whether this open ran the quick integrity check (skipped for a file sealed by a clean close, see clean-close.ts). */
  checked: boolean
  close: () => Promise<void>
}

export interface OpenOptions {
  appVersion?: string
  now?: () => Date
  /** The database passphrase, when the file is encrypted (see cipher.ts). */
  key?: string | null
}

class StaticMigrationProvider implements MigrationProvider {
  async getMigrations() {
    return MIGRATIONS
  }
}

/** `2026-12-02 17:38` in the PC's time zone, for start-up messages. */
function localStamp(iso: string): string {
  const d = new Date(iso)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`
}

function refuse(reason: 'foreign' | 'newer_schema' | 'corrupt' | 'wrong_key', message: string): never {
  throw new DatabaseOpenError(reason, message)
}

/**
 * Checks an existing file read-only, before anything may write to it; returns whether it holds tables
 * and whether the quick integrity check ran.
 */
function inspectExisting(file: string, dataDir: string, key: string | null): { empty: boolean; checked: boolean } {
  if (statSync(file).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' })
  if (statSync(file).size === 0) return { empty: true, checked: false }
  const plain = hasPlainHeader(file)
  if (!plain && key === null) {
    if (readKeyFile(dataDir))
      throw new DatabaseOpenError('encrypted', '数据库已加密：请输入数据库口令（或恢复密钥）解锁后使用。')
    if (firstPageLooksEncrypted(file))
      throw new DatabaseOpenError(
        'encrypted',
        '数据库已加密，但数据目录中缺少密钥文件 daihou.key.json：请输入数据库口令解锁（恢复密钥需要该文件，可从加密备份中找回）。',
      )
    throw new DatabaseOpenError('not_sqlite', `文件 ${file} 不是 SQLite 数据库，已拒绝打开（文件未作任何改动）。`)
  }
  let ro: Database.Database | undefined
  // Set once the first page decrypted (its HMAC checks out): a later SQLITE_NOTADB is damage, not a wrong key.
  let keyAccepted = false
  try {
    ro = openSqlite(file, key, { readonly: true, fileMustExist: true })
    const appId = ro.pragma('application_id', { simple: true }) as number
    const tables = ro.prepare("select name from sqlite_master where type = 'table'").pluck().all() as string[]
    keyAccepted = true
    if (tables.length === 0 && appId === 0) return { empty: true, checked: false }
    const applied = tables.includes('kysely_migration')
      ? (ro.prepare('select name from kysely_migration').pluck().all() as string[])
      : []
    if (appId !== APPLICATION_ID && (appId !== 0 || !applied.includes('0001_init'))) {
      refuse(
        'foreign',
        `文件 ${file} 是其他程序的 SQLite 数据库，不是贷后管家的数据库，已拒绝打开（文件未作任何改动）。`,
      )
    }
    const userVersion = ro.pragma('user_version', { simple: true }) as number
    if (userVersion > SCHEMA_VERSION || applied.some((name) => !(name in MIGRATIONS))) {
      refuse(
        'newer_schema',
        `数据库由更新版本的贷后管家创建（数据库版本 ${Math.max(userVersion, applied.length)}，本程序支持 ${SCHEMA_VERSION}）。请升级程序后再打开；文件未作任何改动。`,
      )
    }
    // Taken only once the key opened the file, so a mistyped passphrase does not cost the next start a check.
    if (takeCleanSeal(file)) return { empty: false, checked: false }
    const check = ro.pragma('quick_check', { simple: true })
    if (check !== 'ok')
      refuse('corrupt', `数据库文件 ${file} 已损坏（快速检查：${String(check).slice(0, 120)}）。文件未作任何改动。`)
    return { empty: false, checked: true }
  } catch (e) {
    if (e instanceof DatabaseOpenError) throw e
    const code = String((e as { code?: unknown }).code ?? '')
    if (code === 'SQLITE_NOTADB' && !plain && !keyAccepted)
      refuse('wrong_key', '数据库口令不正确，无法解锁。请检查大小写和输入法，或改用恢复密钥。')
    if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_IOERR')) {
      refuse('corrupt', `数据库文件 ${file} 已损坏或无法读取：${(e as Error).message}。文件未作任何改动。`)
    }
    throw e
  } finally {
    ro?.close()
  }
}

function pendingMigrations(sqlite: Database.Database): string[] {
  const has = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'").get()
  const applied = new Set(has ? (sqlite.prepare('select name from kysely_migration').pluck().all() as string[]) : [])
  return Object.keys(MIGRATIONS).filter((n) => !applied.has(n))
}

/** Copies the database aside before migrating it; the copy is listed as a 'pre-migration' backup. */
async function copyBeforeMigrating(sqlite: Database.Database, dataDir: string, opts: OpenOptions): Promise<string> {
  const at = (opts.now ?? (() => new Date()))()
  const dir = join(backupsDir(dataDir), backupId(at, 'pre-migration'))
  const m = await writeSnapshot(sqlite, dir, {
    kind: 'pre-migration',
    createdAt: at.toISOString(),
    appVersion: opts.appVersion ?? '?',
    key: opts.key ?? null,
  })
  if (!m.verified)
    throw new DatabaseOpenError(
      'migration_failed',
      `升级前的备份未通过校验（${m.problem ?? '?'}），为安全起见不升级数据库。文件未作任何改动。`,
    )
  return join(dir, BACKUP_DB_NAME)
}

/** Puts the pre-migration copy back over a half-migrated file. */
function rollBack(file: string, copy: string): void {
  rmSync(`${file}-wal`, { force: true })
  rmSync(`${file}-shm`, { force: true })
  copyFileSync(copy, file)
}

async function openChecked(dataDir: string, file: string, opts: OpenOptions): Promise<OpenedDatabase> {
  mkdirSync(dataDir, { recursive: true })
  accessSync(dataDir, constants.W_OK) // a read-only folder is reported as such, not as damage
  const existed = existsSync(file)
  const { empty, checked } = existed
    ? inspectExisting(file, dataDir, opts.key ?? null)
    : { empty: true, checked: false }
  if (!existed) {
    const offer = latestVerified(dataDir)
    if (offer) {
      throw new DatabaseOpenError(
        'missing',
        `数据库文件 ${file} 不见了，但数据目录里有备份（最新的已验证备份：${localStamp(offer.createdAt)}）。可以从备份恢复。`,
        {
          id: offer.id,
          createdAt: offer.createdAt,
        },
      )
    }
  }
  if (existed) accessSync(file, constants.R_OK | constants.W_OK)

  const sqlite = openSqlite(file, opts.key ?? null)
  let db: Kysely<DB> | undefined
  let migrated = 0
  try {
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('synchronous = FULL') // a posted repayment must survive a power cut
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma('busy_timeout = 5000')
    // 256 MiB of page cache at most (default 2 MiB; filled only as pages are read): an encrypted page is
    // decrypted and its HMAC checked on every read from the OS cache, so the county scans keep their hot
    // pages decrypted here. Measured at 20,000 borrowers: 64 MiB left +27 % / +39 % (evaluation / list),
    // 256 MiB none (the plain evaluation also went from ~9 s to ~2 s there).
    sqlite.pragma('cache_size = -262144')
    if (empty) sqlite.pragma(`application_id = ${APPLICATION_ID}`)
    const pending = pendingMigrations(sqlite)
    const copy = !empty && pending.length > 0 ? await copyBeforeMigrating(sqlite, dataDir, opts) : null
    db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) })
    bindRaw(db, sqlite)
    const { error, results } = await new Migrator({ db, provider: new StaticMigrationProvider() }).migrateToLatest()
    if (error) {
      await db.destroy()
      const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '?'
      if (copy) rollBack(file, copy)
      throw new DatabaseOpenError(
        'migration_failed',
        `数据库升级失败（${failed}）：${(error as Error).message}。${copy ? '已恢复为升级前的数据库，数据未受影响。' : ''}`,
      )
    }
    // Stamps files made before the mark existed; written only when different, so a plain open writes nothing.
    if (sqlite.pragma('application_id', { simple: true }) !== APPLICATION_ID)
      sqlite.pragma(`application_id = ${APPLICATION_ID}`)
    if (sqlite.pragma('user_version', { simple: true }) !== SCHEMA_VERSION)
      sqlite.pragma(`user_version = ${SCHEMA_VERSION}`)
    migrated = results?.filter((r) => r.status === 'Success').length ?? 0
  } catch (e) {
    if (db) await db.destroy().catch(() => undefined)
    if (sqlite.open) sqlite.close()
    // A database this call created and could not finish (disk full half-way) is removed, not left half-built.
    if (!existed) for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true })
    throw e
  }
  return wrap(db, sqlite, file, migrated, checked)
}

function wrap(db: Kysely<DB>, sqlite: Database.Database, file: string, migrated = 0, checked = false): OpenedDatabase {
  let closed = false
  return {
    db,
    sqlite,
    file,
    migrated,
    checked,
    close: async () => {
      if (closed) return
      closed = true
      try {
        if (sqlite.open) sqlite.pragma('wal_checkpoint(TRUNCATE)')
      } catch {
        // closing still checkpoints what it can
      }
      await db.destroy()
      writeCleanSeal(file)
    },
  }
}

/**
 * Opens (creating if needed) `<dataDir>/daihou.sqlite`: refuses foreign, newer or damaged
 * files untouched (offering the latest verified backup), copies the file aside before a
 * migration and puts it back when the migration fails, then sets WAL + synchronous=FULL +
 * foreign keys. Errors are `DatabaseOpenError`s with a plain zh-CN message per cause.
 */
export async function openDatabase(dataDir: string, opts: OpenOptions = {}): Promise<OpenedDatabase> {
  const file = join(dataDir, DB_FILE_NAME)
  try {
    return await openChecked(dataDir, file, opts)
  } catch (e) {
    const err = classifyOpenError(e, file, dataDir)
    if (err.reason !== 'corrupt' || err.offer) throw err
    let offer = null
    try {
      offer = latestVerified(dataDir)
    } catch {
      // no offer when the backups folder cannot be read
    }
    if (!offer) throw err
    throw new DatabaseOpenError(
      'corrupt',
      `${err.message}可以从最新的已验证备份（${localStamp(offer.createdAt)}）恢复。`,
      { id: offer.id, createdAt: offer.createdAt },
    )
  }
}
