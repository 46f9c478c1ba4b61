import { type Kysely, sql } from 'kysely'

/**
 * Tamper evidence for business rows (issue 14.4): each audit entry lists the rows its write left
 * behind (`rows_ref`: JSON `[table, rowid, columns, hash]`) and a digest of that list, which is
 * part of the entry's chained hash. Entries written before this migration have neither.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table audit_log add column rows_ref text`.execute(db)
  await sql`alter table audit_log add column rows_digest text`.execute(db)
}
