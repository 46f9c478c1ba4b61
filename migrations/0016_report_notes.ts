import { type Kysely, sql } from 'kysely'

/** The manager's commentary on a month's 贷后管理报告 (one per month, last writer wins, audited). */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table monthly_report_notes (
    month text primary key check (month glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
    commentary text not null,
    updated_by integer not null references users(id),
    updated_at text not null
  )`.execute(db)
}
