import { createHash } from 'node:crypto'
import type Database from 'better-sqlite3-multiple-ciphers'
import { sql } from 'kysely'
import type { Db } from '../db/types'

/**
 * Business-row sealing (issue 14.4). Temp triggers on the app's own connection record which rows
 * each write touched; the audit entry of the write stores a hash of each such row as it was left
 * (`[table, rowid, columns, hash]`). An edit made behind the app's back (another program, the
 * sqlite3 shell) fires no trigger of ours, so the row no longer matches its last sealed hash and
 * `audit.verify` reports it. SQLite-specific; isolated here.
 */

/**
 * Tables that are caches or bookkeeping, never sealed: rewritten freely, rebuilt from the truth. loan_state is
 * recomputed from plans and repayments every day (≈200k rows at county size: sealing them made the day's first
 * audited write hash every row); risk_warning_counts is kept by triggers from risk_warnings, which stays sealed.
 */
export const UNSEALED_TABLES = new Set([
  'audit_log',
  'replay_checkpoints',
  'kysely_migration',
  'kysely_migration_lock',
  'loan_state',
  'risk_warning_counts',
])
/** A sealed row: table, rowid, number of columns hashed (later ADD COLUMNs are ignored), hash or 'deleted'. */
export type SealedRow = [string, number, number, string]

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/** Tables whose rows are sealed, read from the schema (tables other areas add later are included). */
export function sealedTables(sqlite: Database.Database): string[] {
  // pragma_table_list tells real tables from FTS shadow tables ('shadow') and virtual ones.
  const rows = sqlite
    .prepare(
      `select m.name, m.sql from sqlite_master m join pragma_table_list t on t.name = m.name and t.schema = 'main'
    where m.type = 'table' and t.type = 'table' and m.name not like 'sqlite_%'`,
    )
    .all() as { name: string; sql: string | null }[]
  return rows
    .filter(
      (t) =>
        NAME.test(t.name) &&
        !UNSEALED_TABLES.has(t.name) &&
        !/without\s+rowid/i.test(t.sql ?? '') &&
        !/^create\s+virtual/i.test(t.sql ?? ''),
    )
    .map((t) => t.name)
}

/** Installs the row-tracking temp table and triggers on this connection (after migrations). */
export function installRowTracking(sqlite: Database.Database): void {
  sqlite.pragma('temp_store = MEMORY') // the touched-rows list never goes to disk
  sqlite.exec(
    `create temp table if not exists audit_touched (tbl text not null, rid integer not null, primary key (tbl, rid)) without rowid`,
  )
  for (const t of sealedTables(sqlite)) {
    for (const [event, ref] of [
      ['insert', 'new'],
      ['update', 'new'],
      ['delete', 'old'],
    ] as const) {
      // No OR IGNORE: inside a trigger the outer statement's conflict policy wins (an UPSERT
      // would turn a duplicate here into an abort), so duplicates are skipped with NOT EXISTS.
      sqlite.exec(`create temp trigger if not exists "audit_track_${t}_${event}" after ${event} on main."${t}"
        begin insert into temp.audit_touched select '${t}', ${ref}.rowid
          where not exists (select 1 from temp.audit_touched where tbl = '${t}' and rid = ${ref}.rowid); end`)
    }
  }
}

/** Hash of one row's first `columns` values, type-tagged so 1 and '1' differ; 128 bits as hex. */
export function rowHash(values: readonly unknown[]): string {
  const h = createHash('sha256')
  for (const v of values) {
    if (Buffer.isBuffer(v)) h.update(`b${v.length}:`).update(v)
    else if (v === null || v === undefined) h.update('z')
    else if (typeof v === 'number' || typeof v === 'bigint') h.update(`n${String(v)}`)
    else h.update(`s${String(v)}`)
    h.update('\u001f')
  }
  return h.digest('hex').slice(0, 32)
}

/** Current values of `rids` in `table` (columns in table order), keyed by rowid; absent rows are missing. */
export async function readRows(db: Db, table: string, rids: readonly number[]): Promise<Map<number, unknown[]>> {
  const out = new Map<number, unknown[]>()
  for (let i = 0; i < rids.length; i += 500) {
    const chunk = rids.slice(i, i + 500)
    const r = await sql<
      Record<string, unknown>
    >`select rowid as "__rid", * from ${sql.table(table)} where rowid in (${sql.join(chunk)})`.execute(db)
    for (const row of r.rows) {
      const values = Object.values(row)
      out.set(Number(values[0]), values.slice(1))
    }
  }
  return out
}

/**
 * Rows a bulk writer created, listed as a rowid run instead of one hash per row: `[table, lo, hi, 'range']`.
 * Such rows count as written by the app (no "inserted outside" alarm) but their content is not sealed.
 */
export const RANGE = 'range'

/** SHA-256 hex of a rows_ref text. */
export function refDigest(ref: string): string {
  return createHash('sha256').update(ref).digest('hex')
}

/**
 * Takes the rows touched since the last seal (in this transaction) and returns their seal, or null
 * when nothing was written. Called by appendAudit, so every audit entry seals what preceded it.
 * `ranges`: list runs of rowids instead (bulk writers such as the demo generator: millions of rows).
 */
export async function drainSeal(db: Db, o: { ranges?: boolean } = {}): Promise<SealedRow[] | null> {
  if (o.ranges) return drainRanges(db)
  const touched = await sql<{ tbl: string; rid: number }>`select tbl, rid from temp.audit_touched order by tbl, rid`
    .execute(db)
    .catch(() => null)
  if (!touched || touched.rows.length === 0) return null
  await sql`delete from temp.audit_touched`.execute(db)
  const byTable = new Map<string, number[]>()
  for (const { tbl, rid } of touched.rows) {
    // Appended in place: copying the list per row made a 200k-row seal (the county demo) quadratic.
    const rids = byTable.get(tbl)
    if (rids) rids.push(rid)
    else byTable.set(tbl, [rid])
  }
  const sealed: SealedRow[] = []
  for (const [table, rids] of byTable) {
    const rows = await readRows(db, table, rids)
    for (const rid of rids) {
      const values = rows.get(rid)
      sealed.push(values ? [table, rid, values.length, rowHash(values)] : [table, rid, 0, 'deleted'])
    }
  }
  return sealed
}

/** The touched rows as runs of consecutive rowids (gaps and islands in SQL), then forgotten. */
async function drainRanges(db: Db): Promise<SealedRow[] | null> {
  const runs = await sql<{ tbl: string; lo: number; hi: number }>`select tbl, min(rid) as lo, max(rid) as hi
    from (select tbl, rid, rid - row_number() over (partition by tbl order by rid) as g from temp.audit_touched)
    group by tbl, g order by tbl, lo`
    .execute(db)
    .catch(() => null)
  if (!runs || runs.rows.length === 0) return null
  await sql`delete from temp.audit_touched`.execute(db)
  return runs.rows.map((r) => [r.tbl, Number(r.lo), Number(r.hi), RANGE])
}

/** Sealed tables of `db`'s schema (the Kysely twin of sealedTables, for use inside a transaction). */
export async function sealedTableNames(db: Db): Promise<string[]> {
  const r = await sql<{ name: string; sql: string | null }>`select m.name, m.sql from sqlite_master m
    join pragma_table_list t on t.name = m.name and t.schema = 'main'
    where m.type = 'table' and t.type = 'table' and m.name not like 'sqlite_%'`.execute(db)
  return r.rows
    .filter(
      (t) =>
        NAME.test(t.name) &&
        !UNSEALED_TABLES.has(t.name) &&
        !/without\s+rowid/i.test(t.sql ?? '') &&
        !/^create\s+virtual/i.test(t.sql ?? ''),
    )
    .map((t) => t.name)
}

/**
 * The rows every sealed table holds now, as one run per table (min..max rowid): the baseline the
 * chain's first entry and a schema upgrade's RESEAL entry record, so rows that predate them (seeded by
 * migrations, rewritten by an upgrade) are not taken for rows inserted behind the app's back.
 */
export async function baselineRanges(db: Db): Promise<SealedRow[]> {
  const out: SealedRow[] = []
  for (const t of await sealedTableNames(db)) {
    const r = await sql<{
      lo: number | null
      hi: number | null
    }>`select min(rowid) as lo, max(rowid) as hi from ${sql.table(t)}`.execute(db)
    const lo = r.rows[0]?.lo,
      hi = r.rows[0]?.hi
    if (lo != null && hi != null) out.push([t, Number(lo), Number(hi), RANGE])
  }
  return out
}
