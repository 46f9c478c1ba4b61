// Month-end snapshot aggregates for the quality report, the migration matrix and the monthly report.
// At county size (200k loans a snapshot) pulling every row into JS costs seconds; these group in
// SQL on the covering index portfolio_snapshot_rows_report (migration 0021) and leave out the loans
// with a classification decision in force, which are few and which the caller adds one by one
// (their category is the decision, never below the floor — a rule kept in quality.ts).
import { sql } from 'kysely'
import type { Bucket, Category } from '../../../shared/domain'
import type {} from '../db/schema-risk'
import type {} from '../db/schema-servicing'
import type { Db } from '../db/types'
import type { Slice } from './reports-repo'

/** Which rows of a snapshot: outstanding, the officer's (null = all) and the slice. */
export interface SnapshotFilter extends Slice {
  snapshotId: number
  officerId: number | null
}

/** Rows of a snapshot sharing floor, recorded category and bucket: how many and their principal. */
export interface SnapshotGroup {
  floor: Category
  /** Category the snapshot recorded (null in snapshots taken without risk monitoring). */
  category: Category | null
  bucket: Bucket
  count: number
  balance: number
}

/** One snapshot row read singly (loans with a decision, loans of concern). */
export interface SnapshotRow {
  loanId: number
  floor: Category
  category: Category | null
  bucket: Bucket
  dpd: number
  balance: number
}

/** Loans with a classification decision approved by `asOf` (their category is the decision). */
const decidedBy = (asOf: string) =>
  sql`(select loan_id from classification_proposals where status = 'approved' and decided_on <= ${asOf})`

/** Conditions on the loan (officer, product) and its borrower (village) of snapshot alias `r`. */
function sliceWhere(f: SnapshotFilter, r: 'r' | 't') {
  const loan = sql.ref(`${r}.loan_id`)
  const parts = []
  if (f.officerId !== null || f.product !== undefined) {
    const officer = f.officerId === null ? sql`` : sql` and l.officer_id = ${f.officerId}`
    const product = f.product === undefined ? sql`` : sql` and l.product = ${f.product}`
    parts.push(sql` and ${loan} in (select l.id from loans l where 1 = 1${officer}${product})`)
  }
  if (f.village !== undefined) {
    parts.push(
      sql` and ${loan} in (select l.id from loans l join borrowers b on b.id = l.borrower_id where b.village = ${f.village})`,
    )
  }
  return sql.join(parts, sql``)
}

/** Outstanding rows of a snapshot grouped by floor, recorded category and bucket, loans decided by `asOf` left out. */
export async function snapshotGroups(db: Db, f: SnapshotFilter, asOf: string): Promise<SnapshotGroup[]> {
  const r = await sql<{ floor: string; category: string | null; bucket: string; n: number; balance: number }>`
    select r.min_category as floor, r.category, r.bucket, count(*) as n, sum(r.outstanding_principal) as balance
    from portfolio_snapshot_rows r
    where r.snapshot_id = ${f.snapshotId} and r.outstanding_principal > 0
      and r.loan_id not in ${decidedBy(asOf)}${sliceWhere(f, 'r')}
    group by r.min_category, r.category, r.bucket`.execute(db)
  return r.rows.map((x) => ({
    floor: x.floor as Category,
    category: x.category as Category | null,
    bucket: x.bucket as Bucket,
    count: x.n,
    balance: x.balance,
  }))
}

/** Outstanding rows of a snapshot for the loans with a decision approved by `asOf`. */
export async function decidedSnapshotRows(db: Db, f: SnapshotFilter, asOf: string): Promise<SnapshotRow[]> {
  const r = await sql<RawRow>`
    select r.loan_id, r.min_category, r.category, r.bucket, r.dpd, r.outstanding_principal
    from portfolio_snapshot_rows r
    where r.snapshot_id = ${f.snapshotId} and r.outstanding_principal > 0
      and r.loan_id in ${decidedBy(asOf)}${sliceWhere(f, 'r')}`.execute(db)
  return r.rows.map(toRow)
}

/**
 * The `limit` worst overdue loans of a snapshot by recorded category (never below the floor), then
 * DPD, then balance, then loan id; loans decided by `asOf` left out.
 */
export async function worstSnapshotRows(
  db: Db,
  f: SnapshotFilter,
  asOf: string,
  limit: number,
): Promise<SnapshotRow[]> {
  const rank = (c: ReturnType<typeof sql.ref>) =>
    sql`case ${c} when 'loss' then 4 when 'doubtful' then 3 when 'substandard' then 2 when 'special_mention' then 1 else 0 end`
  const r = await sql<RawRow>`
    select r.loan_id, r.min_category, r.category, r.bucket, r.dpd, r.outstanding_principal
    from portfolio_snapshot_rows r
    where r.snapshot_id = ${f.snapshotId} and r.outstanding_principal > 0 and r.dpd > 0
      and r.loan_id not in ${decidedBy(asOf)}${sliceWhere(f, 'r')}
    order by max(${rank(sql.ref('r.min_category'))}, ${rank(sql.ref('r.category'))}) desc,
      r.dpd desc, r.outstanding_principal desc, r.loan_id
    limit ${limit}`.execute(db)
  return r.rows.map(toRow)
}

/** Loans outstanding on `to` by recorded floor/category on `from` (floor null = not outstanding then) and on `to`. */
export interface MigrationGroup {
  fromFloor: Category | null
  fromCategory: Category | null
  toFloor: Category
  toCategory: Category | null
  count: number
  /** Principal on `to`. */
  balance: number
}

/**
 * Loans outstanding on the `to` snapshot grouped by their recorded floor and category there and on
 * the `from` snapshot (null = not outstanding on `from`: new), as one join of the two snapshots
 * walked in loan order (the narrow index portfolio_snapshot_rows_pair, migration 0021). Loans with a
 * decision approved by `asOf` (the later date; every decision in force on `from` is too) are left
 * out. Loans closed by `to` are the `from` snapshot's groups less the loans found here.
 */
export async function migrationGroups(
  db: Db,
  f: { from: number; to: number; officerId: number | null },
  asOf: string,
): Promise<MigrationGroup[]> {
  const r = await sql<{
    ff: string | null
    fc: string | null
    tf: string
    tc: string | null
    n: number
    balance: number
  }>`
    select f.min_category as ff, f.category as fc, t.min_category as tf, t.category as tc,
      count(*) as n, sum(t.outstanding_principal) as balance
    from portfolio_snapshot_rows t
    left join portfolio_snapshot_rows f
      on f.snapshot_id = ${f.from} and f.loan_id = t.loan_id and f.outstanding_principal > 0
    where t.snapshot_id = ${f.to} and t.outstanding_principal > 0
      and t.loan_id not in ${decidedBy(asOf)}${sliceWhere({ snapshotId: f.to, officerId: f.officerId }, 't')}
    group by ff, fc, tf, tc`.execute(db)
  return r.rows.map((x) => ({
    fromFloor: x.ff as Category | null,
    fromCategory: x.fc as Category | null,
    toFloor: x.tf as Category,
    toCategory: x.tc as Category | null,
    count: x.n,
    balance: x.balance,
  }))
}

interface RawRow {
  loan_id: number
  min_category: string
  category: string | null
  bucket: string
  dpd: number
  outstanding_principal: number
}

function toRow(x: RawRow): SnapshotRow {
  return {
    loanId: x.loan_id,
    floor: x.min_category as Category,
    category: x.category as Category | null,
    bucket: x.bucket as Bucket,
    dpd: x.dpd,
    balance: x.outstanding_principal,
  }
}
