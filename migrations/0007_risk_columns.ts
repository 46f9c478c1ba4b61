import { type Kysely, sql } from 'kysely'

/**
 * Columns several areas read and one workflow writes: the decided five-category of a loan
 * (written only by the classification workflow, DOMAIN §6) and the customer class A/B/C of a
 * borrower (written by the risk evaluation, DOMAIN §5; null until first evaluated).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table loans add column category text not null default 'normal'
    check (category in ('normal', 'special_mention', 'substandard', 'doubtful', 'loss'))`.execute(db)
  await sql`alter table borrowers add column customer_class text check (customer_class in ('A', 'B', 'C'))`.execute(db)
  await sql`create index loans_category on loans(category)`.execute(db)
}
