import { type Kysely, sql } from 'kysely'

/**
 * Covering index for the reports read from month-end snapshots (issue 15): quality and migration
 * group a snapshot's rows by floor, recorded category and bucket and sum the principal. The rows
 * table is clustered by (snapshot_id, loan_id) with every figure in it; this narrow index (loan_id
 * comes with it, being the key) is read in GROUP BY order instead, without a sort.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index portfolio_snapshot_rows_report on portfolio_snapshot_rows(
    snapshot_id, min_category, category, bucket, outstanding_principal)`.execute(db)
}
