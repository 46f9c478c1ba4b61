import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import Database from 'better-sqlite3-multiple-ciphers'
import { openSqlite } from '../../electron/backend/db/cipher'

/** SHA-256 of a file's bytes (before/after checks that nothing was modified). */
export function fileHash(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex')
}

function sortRows(rows: unknown[]): unknown[] {
  return rows
    .map((r) => [JSON.stringify(r), r] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map((x) => x[1])
}

/** Every row of every user table, by table, read through a separate read-only connection. */
export function dumpTables(file: string, except: string[] = [], key: string | null = null): Record<string, unknown[]> {
  const db = openSqlite(file, key, { readonly: true, fileMustExist: true })
  try {
    const names = db
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
      .pluck()
      .all() as string[]
    return Object.fromEntries(
      names.filter((n) => !except.includes(n)).map((n) => [n, sortRows(db.prepare(`select * from "${n}"`).all())]),
    )
  } finally {
    db.close()
  }
}

/**
 * Forgets the newest migration in kysely_migration while its tables stay: the next open runs
 * it again and it fails half-way (table already exists) — a failed upgrade, on any schema version.
 */
export function forgetLastMigration(file: string): string {
  const db = new Database(file)
  const last = db.prepare('select name from kysely_migration order by name desc limit 1').pluck().get() as string
  db.prepare('delete from kysely_migration where name = ?').run(last)
  db.pragma('user_version = 1')
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
  return last
}
