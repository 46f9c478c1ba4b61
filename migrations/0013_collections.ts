import { type Kysely, sql } from 'kysely'

/**
 * Collections (催收, DOMAIN §5, §7, §12): the richer contact log (who was contacted, outcome
 * code, flagged third parties), promises to pay (kept/broken is derived from repayments, never
 * stored), collection notices (催收通知书) numbered per year through doc_counters with their
 * service and receipt evidence, and per-loan flags: declared due early (宣布提前到期) and
 * referred for litigation. Amounts on a notice are frozen as printed. A returned 回执's scan lives
 * in the archive's content-addressed scan store (scans) and is attached to the loan file's
 * checklist item 催收通知书回执 when the loan has a file.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table collection_contacts (
    id integer primary key autoincrement,
    loan_id integer not null references loans(id),
    contact_at text not null,
    contact_date text not null,
    channel text not null check (channel in ('phone', 'sms', 'visit', 'letter', 'notice')),
    party text not null check (party in ('borrower', 'co_borrower', 'guarantor', 'other')),
    party_name text,
    reason text,
    flagged integer not null default 0,
    outcome text not null,
    note text,
    created_by integer references users(id),
    created_at text not null
  )`.execute(db)
  await sql`create index collection_contacts_loan on collection_contacts(loan_id, contact_date)`.execute(db)

  await sql`create table collection_promises (
    id integer primary key autoincrement,
    loan_id integer not null references loans(id),
    made_on text not null,
    promised_on text not null,
    amount integer not null check (amount > 0),
    created_by integer references users(id),
    created_at text not null
  )`.execute(db)
  await sql`create index collection_promises_loan on collection_promises(loan_id, promised_on)`.execute(db)

  await sql`create table collection_notices (
    id integer primary key autoincrement,
    notice_no text not null unique,
    loan_id integer not null references loans(id),
    addressee text not null check (addressee in ('borrower', 'guarantor')),
    guarantor_id integer references guarantors(id),
    as_of text not null,
    deadline text not null,
    accelerated integer not null default 0,
    principal integer not null,
    interest integer not null,
    penalty_interest integer not null,
    compound_interest integer not null,
    total integer not null,
    status text not null default 'created' check (status in ('created', 'printed', 'served', 'returned', 'voided')),
    printed_at text,
    void_reason text,
    served_on text,
    service_method text check (service_method in ('in_person', 'mail', 'ems', 'notary')),
    tracking_no text,
    returned_on text,
    signer text,
    signer_relation text check (signer_relation in ('self', 'family', 'agent')),
    receipt_scan_sha256 text references scans(sha256),
    created_by integer references users(id),
    created_at text not null
  )`.execute(db)
  await sql`create index collection_notices_loan on collection_notices(loan_id)`.execute(db)

  await sql`create table collection_flags (
    loan_id integer primary key references loans(id),
    accelerated_on text,
    accelerated_reason text,
    litigation_on text,
    litigation_reason text,
    updated_by integer references users(id),
    updated_at text not null
  )`.execute(db)
}
