import { type Kysely, sql } from 'kysely'

/**
 * Risk monitoring (DOMAIN §5–§7): warnings (预警) with their actions — closed or auto-resolved,
 * never deleted; five-category proposals and decisions (maker-checker); the history of customer
 * class changes; guarantor consent to extensions (民法典 695); the per-loan state of the last
 * stored evaluation (the board, circles and NPL list read it) and the dates evaluated.
 * Month-end snapshot rows gain the decided category and the customer class.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table risk_warnings (
    id integer primary key,
    loan_id integer not null references loans(id),
    rule text not null,
    level text not null check (level in ('red', 'orange', 'yellow')),
    severity integer not null check (severity in (0, 1, 2)),
    status text not null default 'open' check (status in ('open', 'closed')),
    detail text not null,
    opened_on text not null,
    closed_on text,
    close_kind text check (close_kind in ('manual', 'auto')),
    close_reason text,
    closed_by integer references users(id),
    created_at text not null
  )`.execute(db)
  // Re-running the evaluation never duplicates: one open warning per loan and rule.
  await sql`create unique index risk_warnings_open on risk_warnings(loan_id, rule) where status = 'open'`.execute(db)
  // The board's order (open first, red → yellow, oldest first) walks this index and stops at the page.
  await sql`create index risk_warnings_board on risk_warnings(status, severity, opened_on, id)`.execute(db)
  await sql`create index risk_warnings_level on risk_warnings(level, status, severity, opened_on, id)`.execute(db)
  await sql`create index risk_warnings_loan on risk_warnings(loan_id, id)`.execute(db)
  await sql`create table risk_warning_actions (
    id integer primary key,
    warning_id integer not null references risk_warnings(id),
    kind text not null,
    note text not null,
    acted_on text not null,
    created_by integer references users(id),
    created_at text not null
  )`.execute(db)
  await sql`create index risk_warning_actions_warning on risk_warning_actions(warning_id, id)`.execute(db)

  await sql`create table classification_proposals (
    id integer primary key,
    loan_id integer not null references loans(id),
    from_category text not null,
    category text not null check (category in ('normal', 'special_mention', 'substandard', 'doubtful', 'loss')),
    suggested text not null,
    floor text not null,
    reason text not null,
    status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
    proposed_by integer not null references users(id),
    proposed_at text not null,
    decided_by integer references users(id),
    decided_at text,
    decided_on text,
    comment text
  )`.execute(db)
  await sql`create index classification_proposals_loan on classification_proposals(loan_id, id)`.execute(db)
  await sql`create index classification_proposals_status on classification_proposals(status, id)`.execute(db)

  await sql`create table customer_class_history (
    id integer primary key,
    borrower_id integer not null references borrowers(id),
    from_class text,
    to_class text not null check (to_class in ('A', 'B', 'C')),
    as_of text not null,
    detail text not null,
    created_at text not null
  )`.execute(db)
  await sql`create index customer_class_history_borrower on customer_class_history(borrower_id, id)`.execute(db)

  await sql`create table extension_consents (
    id integer primary key,
    plan_version_id integer not null references loan_plan_versions(id),
    guarantor_id integer not null references guarantors(id),
    consented integer not null check (consented in (0, 1)),
    recorded_on text not null,
    evidence text not null,
    created_by integer references users(id),
    created_at text not null,
    unique (plan_version_id, guarantor_id)
  )`.execute(db)

  await sql`create table risk_loan_state (
    loan_id integer primary key references loans(id),
    as_of text not null,
    dpd integer not null,
    outstanding_principal integer not null,
    overdue_principal integer not null,
    floor text not null,
    suggested text not null,
    limitation_expiry text
  )`.execute(db)
  await sql`create table risk_runs (
    as_of text primary key,
    loans integer not null,
    opened integer not null,
    resolved integer not null,
    ms integer not null,
    created_by integer references users(id),
    created_at text not null
  )`.execute(db)

  await sql`alter table portfolio_snapshot_rows add column category text`.execute(db)
  await sql`alter table portfolio_snapshot_rows add column customer_class text`.execute(db)
}
