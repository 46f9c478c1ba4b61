import type Database from 'better-sqlite3'
import type { Db } from './types'

// Which better-sqlite3 connection a Kysely instance (or a transaction opened on it) runs on.
// Repositories of measured hot paths (the servicing replay, the portfolio scan) use prepared
// statements on that connection; services only ever hold the Kysely handle (ctx.db).
const handles = new WeakMap<object, Database.Database>()

/** Records that `db` (a Kysely instance or transaction) runs on `sqlite`. */
export function registerRaw(db: object, sqlite: Database.Database): void {
  handles.set(db, sqlite)
}

/** Registers `child` (a transaction or connection-bound instance) on the same connection as `parent`. */
export function inheritRaw(parent: object, child: object): void {
  const s = handles.get(parent)
  if (s) handles.set(child, s)
}

/** The connection under `db`; only repositories call this. */
export function rawOf(db: Db): Database.Database {
  const s = handles.get(db)
  if (!s) throw new Error('database handle has no registered SQLite connection')
  return s
}
