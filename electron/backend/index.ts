import { SessionStore } from './auth/sessions'
import type { BackendEnv, Handlers } from './context'
import { openDatabase } from './db/connection'
import { createDispatcher, type CallRequest } from './dispatcher'
import { auditHandlers } from './audit/handlers'
import { calculatorHandlers } from './calculator/handlers'
import { authHandlers } from './auth/handlers'
import { getNumberSetting } from './system/settings'
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
import { numberingHandlers } from './numbering/handlers'

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
  ...numberingHandlers,
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
