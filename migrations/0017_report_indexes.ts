import { type Kysely, sql } from 'kysely'

/**
 * Date-range indexes for the officer KPIs (reports.kpis) and the monthly report: each figure reads
 * one period's events (recoveries, checks planned, warnings opened, contacts, promises due, loans
 * disbursed) and without these every table is scanned whole at county size.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index repayments_kind_paid on repayments(kind, paid_date)`.execute(db)
  await sql`create index inspections_next on inspections(next_date) where next_date is not null`.execute(db)
  await sql`create index risk_warnings_opened on risk_warnings(opened_on)`.execute(db)
  await sql`create index collection_contacts_date on collection_contacts(contact_date)`.execute(db)
  await sql`create index contact_log_date on contact_log(contact_date)`.execute(db)
  await sql`create index collection_promises_promised on collection_promises(promised_on)`.execute(db)
  await sql`create index loans_disbursed on loans(disbursement_date)`.execute(db)
}
