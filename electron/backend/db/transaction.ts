import { type Kysely, sql } from 'kysely'
import type { DB } from './schema'
import { bindRaw, rawOf } from './raw'

/**
 * Runs `fn` in a `BEGIN IMMEDIATE` transaction on the single connection. Taking the write lock
 * up front means two processes on one file queue on busy_timeout instead of failing with
 * SQLITE_BUSY when a deferred transaction tries to upgrade its read lock.
 */
export async function inWriteTransaction<T>(db: Kysely<DB>, fn: (db: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    bindRaw(conn, rawOf(db))
    await sql`begin immediate`.execute(conn)
    try {
      const result = await fn(conn)
      await sql`commit`.execute(conn)
      return result
    } catch (e) {
      await sql`rollback`.execute(conn)
      throw e
    }
  })
}
