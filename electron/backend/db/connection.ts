import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { type MigrationProvider, Migrator } from 'kysely/migration'
import { MIGRATIONS } from '../../../migrations'
import type { DB } from './schema'
import { bindRaw } from './raw'

/** Schema version of this build = number of migrations it knows. */
export const SCHEMA_VERSION = Object.keys(MIGRATIONS).length
export const DB_FILE_NAME = 'daihou.sqlite'

/** Why a database file was refused; the file is left untouched. */
export class DatabaseOpenError extends Error {
  constructor(
    readonly reason: 'not_sqlite' | 'newer_schema' | 'corrupt' | 'migration_failed',
    message: string,
  ) {
    super(message)
    this.name = 'DatabaseOpenError'
  }
}

export interface OpenedDatabase {
  db: Kysely<DB>
  sqlite: Database.Database
  file: string
  /** Migrations applied by this open (0 when the schema was current). */
  migrated: number
  close: () => Promise<void>
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1')

class StaticMigrationProvider implements MigrationProvider {
  async getMigrations() {
    return MIGRATIONS
  }
}

/** Reads the first 16 bytes without opening the file as a database. */
function hasSqliteHeader(file: string): boolean {
  const fd = openSync(file, 'r')
  try {
    const buf = Buffer.alloc(16)
    const n = readSync(fd, buf, 0, 16, 0)
    return n === 16 && buf.equals(SQLITE_HEADER)
  } finally {
    closeSync(fd)
  }
}

/** Checks an existing file read-only, before anything may write to it. */
function inspectExisting(file: string): void {
  if (statSync(file).size === 0) return
  if (!hasSqliteHeader(file)) {
    throw new DatabaseOpenError('not_sqlite', `文件 ${file} 不是 SQLite 数据库，已拒绝打开（文件未作任何改动）。`)
  }
  let ro: Database.Database | undefined
  try {
    ro = new Database(file, { readonly: true, fileMustExist: true })
    const userVersion = ro.pragma('user_version', { simple: true }) as number
    const hasMigrations = ro
      .prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'")
      .get()
    const applied = hasMigrations
      ? (ro.prepare('select name from kysely_migration').all() as { name: string }[]).map((r) => r.name)
      : []
    const unknown = applied.filter((name) => !(name in MIGRATIONS))
    if (userVersion > SCHEMA_VERSION || unknown.length > 0) {
      throw new DatabaseOpenError(
        'newer_schema',
        `数据库由更新版本的贷后管家创建（数据库版本 ${Math.max(userVersion, applied.length)}，本程序支持 ${SCHEMA_VERSION}）。请升级程序后再打开；文件未作任何改动。`,
      )
    }
  } catch (e) {
    if (e instanceof DatabaseOpenError) throw e
    throw new DatabaseOpenError('corrupt', `数据库文件 ${file} 已损坏或无法读取：${(e as Error).message}。文件未作任何改动。`)
  } finally {
    ro?.close()
  }
}

/**
 * Opens (creating if needed) `<dataDir>/daihou.sqlite`: refuses foreign or newer files
 * untouched, then sets WAL + synchronous=FULL + foreign keys and runs pending migrations.
 */
export async function openDatabase(dataDir: string): Promise<OpenedDatabase> {
  mkdirSync(dataDir, { recursive: true })
  const file = join(dataDir, DB_FILE_NAME)
  if (existsSync(file)) inspectExisting(file)

  const sqlite = new Database(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = FULL') // a posted repayment must survive a power cut
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) })
  bindRaw(db, sqlite)

  const migrator = new Migrator({ db, provider: new StaticMigrationProvider() })
  const { error, results } = await migrator.migrateToLatest()
  if (error) {
    await db.destroy()
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '?'
    throw new DatabaseOpenError('migration_failed', `数据库升级失败（${failed}）：${(error as Error).message}`)
  }
  sqlite.pragma(`user_version = ${SCHEMA_VERSION}`)

  let closed = false
  return {
    db,
    sqlite,
    file,
    migrated: results?.filter((r) => r.status === 'Success').length ?? 0,
    close: async () => {
      if (closed) return
      closed = true
      await db.destroy() // closes the better-sqlite3 handle, checkpointing the WAL
    },
  }
}
