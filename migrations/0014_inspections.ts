import { type Kysely, sql } from 'kysely'

/**
 * 贷后检查 (DOMAIN §8): inspection records with two officers' sign-off and a manager's review
 * (a record past its draft is immutable — enforced here by triggers as well as in the service;
 * corrections are new records pointing at the one they correct), their photos/documents
 * (content-addressed scans, shared with the archive scans), the signals that call for a special
 * check, and `inspection_due`: each loan's next due inspection, refreshed on writes so the due
 * calendar is an index range scan instead of a per-request computation over the portfolio.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table inspection_triggers (
    id integer primary key,
    loan_id integer not null references loans(id),
    kind text not null check (kind in ('overdue','warning','guarantor','collateral_fall','business_stop','lawsuit','illness','migration','disaster','other')),
    raised_on text not null,
    detail text not null,
    cleared_by integer,
    created_by integer references users(id),
    created_at text not null
  )`.execute(db)
  await sql`create index inspection_triggers_open on inspection_triggers(loan_id, raised_on) where cleared_by is null`.execute(
    db,
  )

  await sql`create table inspections (
    id integer primary key,
    loan_id integer not null references loans(id),
    type text not null check (type in ('first','routine','special','collateral','guarantor')),
    status text not null default 'draft' check (status in ('draft','submitted','confirmed','reviewed')),
    inspected_on text not null,
    method text not null check (method in ('onsite','home_visit','phone','offsite')),
    fund_use text check (fund_use in ('as_agreed','partly','diverted')),
    fund_used_amount integer check (fund_used_amount >= 0),
    fund_evidence text,
    business_status text,
    income_status text,
    repayment_source text,
    guarantor_id integer references guarantors(id),
    guarantor_status text,
    collateral_id integer references collaterals(id),
    collateral_status text,
    revalued_amount integer check (revalued_amount >= 0),
    signals text not null default '[]',
    conclusion text,
    proposed_category text check (proposed_category in ('normal','special_mention','substandard','doubtful','loss')),
    next_date text,
    corrects_id integer references inspections(id),
    officer_id integer not null references users(id),
    second_officer_id integer references users(id),
    submitted_at text,
    confirmed_at text,
    reviewer_id integer references users(id),
    reviewed_at text,
    review_note text,
    created_at text not null,
    updated_at text not null,
    check (second_officer_id is null or second_officer_id <> officer_id)
  )`.execute(db)
  await sql`create index inspections_loan on inspections(loan_id, inspected_on)`.execute(db)
  await sql`create index inspections_pending on inspections(status, second_officer_id) where status in ('submitted','confirmed')`.execute(
    db,
  )
  // A signed record never changes except moving forward through confirmation and review.
  await sql`create trigger inspections_immutable before update on inspections
    when old.status <> 'draft' and (
      new.loan_id is not old.loan_id or new.type is not old.type or new.inspected_on is not old.inspected_on or new.method is not old.method
      or new.fund_use is not old.fund_use or new.fund_used_amount is not old.fund_used_amount or new.fund_evidence is not old.fund_evidence
      or new.business_status is not old.business_status or new.income_status is not old.income_status or new.repayment_source is not old.repayment_source
      or new.guarantor_id is not old.guarantor_id or new.guarantor_status is not old.guarantor_status or new.collateral_id is not old.collateral_id
      or new.collateral_status is not old.collateral_status or new.revalued_amount is not old.revalued_amount or new.signals is not old.signals
      or new.conclusion is not old.conclusion or new.proposed_category is not old.proposed_category or new.next_date is not old.next_date
      or new.corrects_id is not old.corrects_id or new.officer_id is not old.officer_id or new.second_officer_id is not old.second_officer_id
      or new.submitted_at is not old.submitted_at or (old.status = 'reviewed'))
    begin select raise(abort, 'inspection record is signed and immutable'); end`.execute(db)
  await sql`create trigger inspections_no_delete before delete on inspections when old.status <> 'draft'
    begin select raise(abort, 'inspection record is signed and immutable'); end`.execute(db)

  await sql`create table inspection_attachments (
    id integer primary key,
    inspection_id integer not null references inspections(id),
    scan_sha256 text not null references scans(sha256),
    filename text not null,
    mime text not null,
    created_by integer references users(id),
    created_at text not null,
    unique (inspection_id, scan_sha256)
  )`.execute(db)

  // officer_id is copied from the loan (kept in step on 责任移交) so the calendar's pages and
  // counts are index ranges: (due_date) for the county, (officer_id, due_date) for one officer.
  await sql`create table inspection_due (
    loan_id integer primary key references loans(id),
    officer_id integer not null,
    due_date text not null,
    kind text not null check (kind in ('first','routine','collateral','special')),
    signal text,
    updated_at text not null
  )`.execute(db)
  await sql`create index inspection_due_date on inspection_due(due_date, loan_id)`.execute(db)
  await sql`create index inspection_due_officer on inspection_due(officer_id, due_date, loan_id)`.execute(db)
}
