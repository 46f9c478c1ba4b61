// The better-sqlite3 connection behind a Kysely handle, for repositories of measured hot paths
// only (the servicing replay, the portfolio scan: cached prepared statements). Use cases pass
// `ctx.db`; they never hold the raw connection.
import type Database from 'better-sqlite3-multiple-ciphers'
import type { Db } from './types'

const handles = new WeakMap<object, Database.Database>()

/** Remembers that `db` (the database, a connection or a transaction on it) runs on `sqlite`. */
export function bindRaw(db: object, sqlite: Database.Database): void {
  handles.set(db, sqlite)
}

/** A repository's connection argument: a Kysely handle, or (legacy callers) the raw connection. */
export type Conn = Db | Database.Database

/** The raw connection of a handle bound by openDatabase / inWriteTransaction. */
export function rawOf(c: Conn): Database.Database {
  if (typeof (c as Database.Database).prepare === 'function') return c as Database.Database
  const h = handles.get(c)
  if (!h) throw new Error('database handle has no bound SQLite connection')
  return h
}
