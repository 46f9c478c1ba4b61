import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { afterEach, describe, expect, it } from 'vitest'
import { createBackend, DatabaseOpenError, SCHEMA_VERSION } from '../../electron/backend'
import { MIGRATIONS } from '../../migrations'
import { tempDir } from '../helpers/backend'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))
function dir(): string {
  const t = tempDir()
  cleanups.push(t.cleanup)
  return t.dir
}

describe('database open and migrations', () => {
  it('migrates an empty data dir to the latest schema with WAL, FULL sync and foreign keys', async () => {
    const d = dir()
    const b = await createBackend({ dataDir: d })
    const s = b.env.sqlite
    expect(s.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(s.pragma('synchronous', { simple: true })).toBe(2) // FULL
    expect(s.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(s.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
    const tables = (s.prepare("select name from sqlite_master where type='table'").all() as { name: string }[]).map(
      (r) => r.name,
    )
    expect(tables).toEqual(
      expect.arrayContaining(['org', 'users', 'settings', 'audit_log', 'borrowers', 'kysely_migration']),
    )
    const applied = s.prepare('select name from kysely_migration order by name').all() as { name: string }[]
    expect(applied.map((r) => r.name)).toEqual(Object.keys(MIGRATIONS))
    await b.close()
    // Re-opening runs nothing new and keeps the data.
    const again = await createBackend({ dataDir: d })
    expect((again.env.sqlite.prepare('select count(*) n from kysely_migration').get() as { n: number }).n).toBe(
      SCHEMA_VERSION,
    )
    await again.close()
  })

  it('refuses a file that is not SQLite and leaves it byte-for-byte untouched', async () => {
    const d = dir()
    const file = join(d, 'daihou.sqlite')
    const bytes = Buffer.from('这不是数据库 — just a text file pretending\n'.repeat(200))
    writeFileSync(file, bytes)
    const err = await createBackend({ dataDir: d }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(DatabaseOpenError)
    expect((err as DatabaseOpenError).reason).toBe('not_sqlite')
    expect((err as Error).message).toContain('不是 SQLite 数据库')
    expect(readFileSync(file).equals(bytes)).toBe(true)
  })

  it('refuses a database made by a newer schema and leaves it untouched', async () => {
    const d = dir()
    const file = join(d, 'daihou.sqlite')
    const b = await createBackend({ dataDir: d })
    await b.close()
    // Simulate a newer Daihou: one more migration and a higher user_version.
    const raw = new Database(file)
    raw
      .prepare("insert into kysely_migration(name, timestamp) values ('9999_future', '2030-01-01T00:00:00.000Z')")
      .run()
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`)
    raw.pragma('journal_mode = DELETE')
    raw.close()
    const before = readFileSync(file)
    const err = await createBackend({ dataDir: d }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(DatabaseOpenError)
    expect((err as DatabaseOpenError).reason).toBe('newer_schema')
    expect((err as Error).message).toContain('更新版本')
    expect(readFileSync(file).equals(before)).toBe(true)
  })

  it('refuses a truncated (corrupt) database without changing it', async () => {
    const d = dir()
    const file = join(d, 'daihou.sqlite')
    const b = await createBackend({ dataDir: d })
    await b.close()
    const raw = new Database(file)
    raw.pragma('journal_mode = DELETE')
    raw.close()
    const header = readFileSync(file).subarray(0, 100)
    const broken = Buffer.concat([header, Buffer.alloc(50, 0xff)])
    writeFileSync(file, broken)
    const err = await createBackend({ dataDir: d }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(DatabaseOpenError)
    expect(readFileSync(file).equals(broken)).toBe(true)
  })
})
