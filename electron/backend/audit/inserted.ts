import { sql } from 'kysely'
import type { Db } from '../db/types'
import type { ChainRows, RowProblem } from './chain'
import { sealedTableNames } from './seal'

/**
 * Derived caches rebuilt from the truth, written by reads too (loan_state on a new day): a row there
 * that no audit entry lists is not evidence of anything, so they are left out of the insert check.
 */
export const INSERT_UNCHECKED = new Set(['loan_state', 'risk_loan_state'])

/** Largest rowid SQLite can hand out: the upper end of the last gap. */
const MAX_ROWID = 9_223_372_036_854_775_807n

/** Sorted, merged runs of rowids the app is known to have written in one table. */
export function mergeRuns(runs: [number, number][]): [number, number][] {
  runs.sort((x, y) => x[0] - y[0])
  const out: [number, number][] = []
  for (const [lo, hi] of runs) {
    const last = out[out.length - 1]
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi)
    else out.push([lo, hi])
  }
  return out
}

/** Runs per table from the chain's seals and bulk runs, and the rows written this session not yet sealed. */
async function knownRuns(db: Db, rows: ChainRows): Promise<Map<string, [number, number][]>> {
  const known = new Map<string, [number, number][]>()
  const add = (table: string, lo: number, hi: number) => {
    if (known.has(table)) known.get(table)!.push([lo, hi])
    else known.set(table, [[lo, hi]])
  }
  for (const key of rows.seals.keys()) {
    const i = key.lastIndexOf(':')
    const rid = Number(key.slice(i + 1))
    add(key.slice(0, i), rid, rid)
  }
  for (const [table, runs] of rows.ranges) for (const [lo, hi] of runs) add(table, lo, hi)
  // Rows this connection wrote since the last entry (a read refreshing a cache) are the app's own.
  const pending = await sql<{ tbl: string; rid: number }>`select tbl, rid from temp.audit_touched`
    .execute(db)
    .catch(() => null)
  for (const r of pending?.rows ?? []) add(r.tbl, r.rid, r.rid)
  for (const [table, runs] of known) known.set(table, mergeRuns(runs))
  return known
}

/**
 * Business rows no audit entry accounts for: inserted behind the app's back (the sqlite3 shell, another
 * program). The known rowids are merged into runs; the gaps between them go into a temp table and SQLite
 * looks up each table's rows inside the gaps by rowid range — a set difference costing one seek per gap
 * plus one step per row found, not one lookup per business row. Lists the first `limit` rows.
 */
export async function findInserted(
  db: Db,
  rows: ChainRows,
  limit: number,
): Promise<{ count: number; problems: RowProblem[] }> {
  if (!rows.baseline) return { count: 0, problems: [] }
  const known = await knownRuns(db, rows)
  await sql`create temp table if not exists audit_gaps (tbl text not null, lo integer not null, hi integer not null,
    primary key (tbl, lo)) without rowid`.execute(db)
  await sql`delete from temp.audit_gaps`.execute(db)
  const tables = (await sealedTableNames(db)).filter((t) => !INSERT_UNCHECKED.has(t))
  const gaps: [string, number, number | bigint][] = []
  for (const t of tables) {
    let next = 1 // rowids the app never wrote: below the first run, between runs, above the last
    for (const [lo, hi] of known.get(t) ?? []) {
      if (lo > next) gaps.push([t, next, lo - 1])
      next = hi + 1
    }
    gaps.push([t, next, MAX_ROWID])
  }
  for (let i = 0; i < gaps.length; i += 300) {
    const chunk = gaps.slice(i, i + 300)
    await sql`insert into temp.audit_gaps (tbl, lo, hi) values ${sql.join(
      chunk.map(([t, lo, hi]) => sql`(${t}, ${lo}, ${hi})`),
    )}`.execute(db)
  }
  let count = 0
  const problems: RowProblem[] = []
  for (const t of tables) {
    // CROSS JOIN keeps the gaps as the outer loop: each gap is one rowid range seek into the table.
    const n = await sql<{ n: number }>`select count(*) as n from temp.audit_gaps g cross join ${sql.table(t)} x
      where g.tbl = ${t} and x.rowid between g.lo and g.hi`.execute(db)
    const found = Number(n.rows[0]?.n ?? 0)
    if (found === 0) continue
    count += found
    if (problems.length < limit) {
      const r = await sql<{ rid: number }>`select x.rowid as rid from temp.audit_gaps g cross join ${sql.table(t)} x
        where g.tbl = ${t} and x.rowid between g.lo and g.hi order by x.rowid limit ${limit - problems.length}`.execute(
        db,
      )
      for (const { rid } of r.rows) problems.push({ table: t, rowId: Number(rid), auditId: 0, kind: 'inserted' })
    }
  }
  await sql`delete from temp.audit_gaps`.execute(db)
  return { count, problems }
}
