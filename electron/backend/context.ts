import type Database from 'better-sqlite3-multiple-ciphers'
import type { Kysely } from 'kysely'
import type { MethodName, Output, ParsedInput, Role } from '../../shared/api'
import type { SessionStore, Session } from './auth/sessions'
import type { ScryptCost } from './auth/passwords'
import type { AnchorKeeper } from './audit/anchor'
import type { DB } from './db/schema'
import type { Db } from './db/types'
import type { DatabaseHost } from './host'

/** The caller of a method, resolved from the session. */
export interface Caller {
  userId: number
  username: string
  displayName: string
  role: Role
}

/** Long-lived backend state shared by all calls. */
export interface BackendEnv {
  db: Kysely<DB>
  sqlite: Database.Database
  dataDir: string
  sessions: SessionStore
  now: () => Date
  version: string
  /** scrypt cost for new password hashes (production: OWASP's N=2^17; tests lower it for speed). */
  passwordCost: ScryptCost
  /** Keeps the audit chain head in a file beside the database (audit-anchor.json). */
  anchor: AnchorKeeper
  /** The open database's owner: exclusive runs, maintenance queue, swap and reopen (restore). */
  host: DatabaseHost
}

/** What a service handler gets for one call. */
export interface Ctx {
  env: BackendEnv
  /** The transaction for writes, the database for reads. */
  db: Db
  caller: Caller | null
  session: Session | null
  /** Records an audit entry in the same transaction (writes only). */
  audit: (entry: {
    entity: string
    entityId?: string | number | null
    summary: string
    /** Who acted, when the call has no session yet (login). */
    actor?: { userId: number; username: string }
  }) => void
  /** Runs after the call failed and rolled back, in its own transaction (e.g. failed-login counts). */
  onFailure: (fn: (db: Db) => Promise<void>) => void
  /** Current time as an ISO timestamp. */
  nowIso: () => string
  /** Today as the user's local calendar date (YYYY-MM-DD), for defaults and "not in the future" checks. */
  today: () => string
}

export type Handler<M extends MethodName> = (ctx: Ctx, input: ParsedInput<M>) => Promise<Output<M>>
export type Handlers = { [M in MethodName]: Handler<M> }
