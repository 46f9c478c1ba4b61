import { SessionStore } from './auth/sessions'
import { DEFAULT_PASSWORD_COST, type ScryptCost } from './auth/passwords'
import { createAnchorKeeper } from './audit/anchor'
import { appendAudit } from './audit/chain'
import { installRowTracking } from './audit/seal'
import type { BackendEnv, Handlers } from './context'
import { openDatabase } from './db/connection'
import { createDispatcher, type CallRequest } from './dispatcher'
import { auditHandlers } from './audit/handlers'
import { calculatorHandlers } from './calculator/handlers'
import { authHandlers } from './auth/handlers'
import { checkSetting, getNumberSetting } from './system/settings'
import { systemHandlers } from './system/handlers'
import { userHandlers } from './users/handlers'
import { archiveHandlers } from './archives/handlers'
import { destructionHandlers } from './archives/destruction'
import { lendingHandlers } from './archives/lending'
import { scanHandlers } from './archives/scans'
import { borrowerHandlers } from './borrowers/handlers'
import { importHandlers } from './imports/handlers'
import { loanHandlers } from './loans/handlers'
import { loanSecurityHandlers } from './loans/security'
import { searchHandlers } from './search/handlers'
import { servicingHandlers } from './servicing/handlers'
import { reportHandlers } from './reports/handlers'
import { riskHandlers } from './risk/handlers'
import { classificationHandlers } from './risk/classification-handlers'
import { collectionHandlers } from './collections/handlers'
import { noticeHandlers } from './notices/handlers'
import { inspectionHandlers } from './inspections/handlers'
import { backupHandlers } from './backup/handlers'
import { createBackup, dailyBackupDue } from './backup/service'
import { acquireDataDirLock } from './db/lock'
import { createHost } from './host'
import { numberingHandlers } from './numbering/handlers'
import { todayHandlers } from './today/handlers'
import { startStateRefresher } from './servicing/state-refresh'
import { join } from 'node:path'
import { DB_FILE_NAME } from './db/connection'

export { DatabaseOpenError, SCHEMA_VERSION } from './db/connection'
export type { OpenFailure } from './db/connection'
export { restoreLatestAtStartup } from './backup/startup'
export { startBackend, type AppBackend } from './system/locked'

/** Every service's handlers, merged; the dispatcher checks it matches the contract. */
export const handlers: Handlers = {
  ...systemHandlers,
  ...authHandlers,
  ...userHandlers,
  ...auditHandlers,
  ...calculatorHandlers,
  ...borrowerHandlers,
  ...loanHandlers,
  ...loanSecurityHandlers,
  ...archiveHandlers,
  ...scanHandlers,
  ...lendingHandlers,
  ...destructionHandlers,
  ...searchHandlers,
  ...importHandlers,
  ...servicingHandlers,
  ...reportHandlers,
  ...riskHandlers,
  ...classificationHandlers,
  ...collectionHandlers,
  ...noticeHandlers,
  ...inspectionHandlers,
  ...backupHandlers,
  ...numberingHandlers,
  ...todayHandlers,
}

export interface BackendOptions {
  dataDir: string
  /** Injected clock (tests); defaults to the system clock. */
  now?: () => Date
  version?: string
  /** scrypt cost for new password hashes; defaults to DEFAULT_PASSWORD_COST. Tests pass a low N. */
  passwordCost?: ScryptCost
  /** Claim the data folder with a lock file (the app's entry points; a second instance is refused). */
  lock?: boolean
  /** Make today's automatic backup in the background if none exists yet (the app's entry points). */
  dailyBackup?: boolean
  /** The database passphrase of an encrypted database (system/locked.ts asks for it). */
  key?: string | null
  /** Run the day's all-loans state refresh in a worker thread at start-up and midnight (the app's entry points). */
  backgroundRefresh?: boolean
  /** How the key was obtained: after a recovery unlock a new passphrase can be set without the old one. */
  unlockedWith?: 'passphrase' | 'recovery'
}

/** Opens the database, runs migrations and returns the dispatcher for both transports. */
export async function createBackend(opts: BackendOptions) {
  const lock = opts.lock ? acquireDataDirLock(opts.dataDir) : null
  const version = opts.version ?? '0.1.0'
  const now = opts.now ?? (() => new Date())
  let opened
  try {
    opened = await openDatabase(opts.dataDir, { appVersion: version, now, key: opts.key ?? null })
  } catch (e) {
    lock?.release()
    throw e
  }
  let idleLockMinutes = await getNumberSetting(opened.db, 'idleLockMinutes')
  // The anchor reads the database in force (a restore repoints env.db).
  const anchor = createAnchorKeeper({
    dataDir: opts.dataDir,
    get db() {
      return env.db
    },
    now,
  })
  if (opened.migrated > 0 && (await opened.db.selectFrom('audit_log').select('id').limit(1).executeTakeFirst())) {
    // An upgrade may rewrite rows without the app's triggers: seals before this entry no longer apply.
    const summary = `数据库升级（${opened.migrated} 项迁移），此前的数据行校验基准重新开始`
    await appendAudit(opened.db, {
      at: now().toISOString(),
      userId: null,
      username: null,
      method: 'system.migrate',
      entity: 'system',
      entityId: null,
      summary,
      reseal: true,
    })
    anchor.touch()
  }
  installRowTracking(opened.sqlite)
  const holder = createHost(opened, opts.dataDir, () => env, {
    appVersion: version,
    now,
    key: opts.key ?? null,
    unlockedWith: opts.unlockedWith ?? null,
    // After a restore swapped the file: track rows on the new connection, anchor its chain head.
    onReopen: (o) => {
      installRowTracking(o.sqlite)
      anchor.rebase()
      stateRefresh?.rebind()
    },
  })
  const env: BackendEnv = {
    db: opened.db,
    sqlite: opened.sqlite,
    dataDir: opts.dataDir,
    sessions: new SessionStore(() => idleLockMinutes * 60_000),
    now,
    version,
    passwordCost: opts.passwordCost ?? DEFAULT_PASSWORD_COST,
    anchor,
    host: holder.host,
  }
  const dispatcher = createDispatcher(env, handlers)
  const stateRefresh = opts.backgroundRefresh
    ? startStateRefresher(env, { dbFile: join(opts.dataDir, DB_FILE_NAME) })
    : null
  if (opts.dailyBackup && dailyBackupDue(env)) {
    createBackup(env, 'daily').catch((e: unknown) => console.error('[daihou] 每日自动备份失败：', (e as Error).message))
  }
  return {
    env,
    dispatch: (req: CallRequest) => holder.track(() => dispatcher.dispatch(req)),
    setIdleLockMinutes: (m: number) => {
      idleLockMinutes = checkSetting('idleLockMinutes', m)
    },
    /** The background loan-state refresher (null unless `backgroundRefresh`). */
    stateRefresh,
    /** Clean shutdown: waits for the last write and running backups, writes the anchor, checkpoints the WAL, closes, releases the lock. */
    close: async () => {
      try {
        await stateRefresh?.stop()
        await holder.close(() => anchor.flush())
      } finally {
        lock?.release()
      }
    },
  }
}

export type Backend = Awaited<ReturnType<typeof createBackend>>
