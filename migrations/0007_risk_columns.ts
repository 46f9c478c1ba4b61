import { type Kysely, sql } from 'kysely'

/**
 * Columns several areas read and one workflow writes: the decided five-category of a loan
 * (written only by the classification workflow, DOMAIN §6) and the customer class A/B/C of a
 * borrower (written by the risk evaluation, DOMAIN §5; null until first evaluated); and the
 * events that interrupt the 诉讼时效 or record a demand on a guarantor (DOMAIN §7), with their
 * evidence: written by collections (a returned notice receipt) and by officers (an
 * acknowledgement), read by the limitation clocks. Repayments interrupt too but are not copied here.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table loans add column category text not null default 'normal'
    check (category in ('normal', 'special_mention', 'substandard', 'doubtful', 'loss'))`.execute(db)
  await sql`alter table borrowers add column customer_class text check (customer_class in ('A', 'B', 'C'))`.execute(db)
  await sql`create index loans_category on loans(category)`.execute(db)
  await sql`create table limitation_events (
    id integer primary key,
    loan_id integer not null references loans(id),
    guarantor_id integer references guarantors(id),
    kind text not null check (kind in ('demand_signed', 'acknowledgement', 'guarantor_demand', 'public_notice')),
    occurred_on text not null,
    evidence text not null,
    notice_id integer,
    created_by integer references users(id),
    created_at text not null
  )`.execute(db)
  await sql`create index limitation_events_loan on limitation_events(loan_id, occurred_on)`.execute(db)
}
