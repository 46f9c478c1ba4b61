import { type Kysely, sql } from 'kysely'

/**
 * Indexes for the reports read from month-end snapshots (issue 15). The rows table is clustered by
 * (snapshot_id, loan_id) with every figure in it, so reading one snapshot walks wide rows:
 * - `_report`: quality groups a snapshot's rows by floor, recorded category and bucket and sums the
 *   principal; read in GROUP BY order from this narrow index, without a sort;
 * - `_pair`: the migration matrix joins two snapshots loan by loan; walked in loan order on both
 *   sides, each lookup lands next to the previous one in a narrow index.
 * (loan_id, being the key, comes with every index of a WITHOUT ROWID table.)
 * And the monthly report's collections of the month (~130k repayments at county size): counted and
 * summed from `repayments_report` alone instead of reading each repayment's row.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index portfolio_snapshot_rows_report on portfolio_snapshot_rows(
    snapshot_id, min_category, category, bucket, outstanding_principal)`.execute(db)
  await sql`create index portfolio_snapshot_rows_pair on portfolio_snapshot_rows(
    snapshot_id, loan_id, min_category, category, outstanding_principal)`.execute(db)
  await sql`create index repayments_report on repayments(kind, status, paid_date, amount, loan_id)`.execute(db)
}
