// Reads for reports: which loans a slice covers, and month-end snapshot rows. The live figures
// come from the portfolio evaluation (servicing), so a report as of a past date replays the same rules.
import type { Bucket, Category } from '../../../shared/domain'
import type {} from '../db/schema-servicing'
import type { Db } from '../db/types'

/** A slice of the portfolio; undefined fields do not filter. */
export interface Slice {
  village?: string
  product?: string
}

/** Ids of the loans in the slice, or null when the slice filters nothing (every loan). */
export async function loanIdsInSlice(db: Db, s: Slice): Promise<Set<number> | null> {
  if (s.village === undefined && s.product === undefined) return null
  let q = db.selectFrom('loans as l').innerJoin('borrowers as b', 'b.id', 'l.borrower_id').select('l.id')
  if (s.village !== undefined) q = q.where('b.village', '=', s.village)
  if (s.product !== undefined) q = q.where('l.product', '=', s.product)
  const rows = await q.execute()
  return new Set(rows.map((r) => r.id))
}

/** The newest snapshot taken for exactly `asOf` (a month-end run), or null. */
export async function snapshotAt(db: Db, asOf: string): Promise<number | null> {
  const row = await db
    .selectFrom('portfolio_snapshots')
    .select('id')
    .where('as_of', '=', asOf)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row?.id ?? null
}

/** One loan's row of a snapshot, as reports read it. */
export interface SnapshotLoan {
  loanId: number
  dpd: number
  bucket: Bucket
  floor: Category
  /** The category in force the snapshot recorded (null in snapshots taken before risk monitoring). */
  category: Category | null
  balance: number
}

/** The rows of a snapshot with principal outstanding, for one officer (or all) and a slice. */
export async function snapshotLoans(
  db: Db,
  snapshotId: number,
  f: Slice & { officerId: number | null },
): Promise<SnapshotLoan[]> {
  let q = db
    .selectFrom('portfolio_snapshot_rows as r')
    .innerJoin('loans as l', 'l.id', 'r.loan_id')
    .select(['r.loan_id', 'r.dpd', 'r.bucket', 'r.min_category', 'r.category', 'r.outstanding_principal'])
    .where('r.snapshot_id', '=', snapshotId)
    .where('r.outstanding_principal', '>', 0)
  if (f.officerId !== null) q = q.where('l.officer_id', '=', f.officerId)
  if (f.product !== undefined) q = q.where('l.product', '=', f.product)
  if (f.village !== undefined) {
    const village = f.village
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('borrowers as b')
          .select('b.id')
          .whereRef('b.id', '=', 'l.borrower_id')
          .where('b.village', '=', village),
      ),
    )
  }
  const rows = await q.execute()
  return rows.map((r) => ({
    loanId: r.loan_id,
    dpd: r.dpd,
    bucket: r.bucket as Bucket,
    floor: r.min_category as Category,
    category: r.category as Category | null,
    balance: r.outstanding_principal,
  }))
}

/** Balance by recorded category of each month-end snapshot in [from, to] (newest snapshot per date). */
export async function snapshotBalances(
  db: Db,
  f: { from: string; to: string; officerId: number | null },
): Promise<Array<{ asOf: string; category: Category; balance: number }>> {
  let q = db
    .selectFrom('portfolio_snapshot_rows as r')
    .innerJoin('portfolio_snapshots as s', 's.id', 'r.snapshot_id')
    .select((eb) => [
      's.as_of',
      eb.fn.coalesce('r.category', 'r.min_category').as('cat'),
      eb.fn.sum<number>('r.outstanding_principal').as('balance'),
    ])
    .where('s.as_of', '>=', f.from)
    .where('s.as_of', '<=', f.to)
    .where('r.outstanding_principal', '>', 0)
    .where((eb) =>
      eb(
        's.id',
        '=',
        eb
          .selectFrom('portfolio_snapshots as s2')
          .select((e) => e.fn.max('s2.id').as('m'))
          .whereRef('s2.as_of', '=', 's.as_of'),
      ),
    )
    .groupBy(['s.as_of', 'cat'])
  if (f.officerId !== null) {
    const officerId = f.officerId
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('loans as l')
          .select('l.id')
          .whereRef('l.id', '=', 'r.loan_id')
          .where('l.officer_id', '=', officerId),
      ),
    )
  }
  const rows = await q.orderBy('s.as_of').execute()
  return rows.map((r) => ({ asOf: r.as_of, category: r.cat as Category, balance: Number(r.balance) }))
}
