import { SessionStore } from './auth/sessions'
import type { BackendEnv, Handlers } from './context'
import { openDatabase } from './db/connection'
import { createDispatcher, type CallRequest } from './dispatcher'
import { auditHandlers } from './services/audit'
import { calculatorHandlers } from './services/calculator'
import { authHandlers } from './services/auth'
import { getNumberSetting } from './services/settings'
import { systemHandlers } from './services/system'
import { userHandlers } from './services/users'
import { archiveHandlers } from './services/archives'
import { destructionHandlers } from './services/archive-destruction'
import { lendingHandlers } from './services/archive-lending'
import { scanHandlers } from './services/archive-scans'
import { borrowerHandlers } from './services/borrowers'
import { importHandlers } from './services/imports'
import { loanHandlers } from './services/loans'
import { loanSecurityHandlers } from './services/loan-security'
import { searchHandlers } from './services/search'
import { servicingHandlers } from './services/servicing'

export { DatabaseOpenError, SCHEMA_VERSION } from './db/connection'

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
}

export interface BackendOptions {
  dataDir: string
  /** Injected clock (tests); defaults to the system clock. */
  now?: () => Date
  version?: string
}

/** Opens the database, runs migrations and returns the dispatcher for both transports. */
export async function createBackend(opts: BackendOptions) {
  const opened = await openDatabase(opts.dataDir)
  let idleLockMinutes = await getNumberSetting(opened.db, 'idleLockMinutes')
  const env: BackendEnv = {
    db: opened.db,
    sqlite: opened.sqlite,
    dataDir: opts.dataDir,
    sessions: new SessionStore(() => idleLockMinutes * 60_000),
    now: opts.now ?? (() => new Date()),
    version: opts.version ?? '0.1.0',
  }
  const dispatcher = createDispatcher(env, handlers)
  return {
    env,
    dispatch: (req: CallRequest) => dispatcher.dispatch(req),
    setIdleLockMinutes: (m: number) => {
      idleLockMinutes = m
    },
    close: () => opened.close(),
  }
}

export type Backend = Awaited<ReturnType<typeof createBackend>>
