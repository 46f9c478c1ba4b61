import { type Kysely, sql } from 'kysely'

/**
 * Loan servicing: versioned repayment plans, repayments (reversed, never deleted), closures
 * (结清 / 核销), contact log, dated portfolio snapshots and document counters. Penalties and
 * allocations are never stored: they are derived by replaying plan + posted repayments.
 * `without rowid` tables (SQLite-specific) keep installments and snapshot rows clustered by
 * their natural key so the portfolio scan reads them in order; on PostgreSQL drop the clause.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table loan_plan_versions (
    id integer primary key autoincrement,
    loan_id integer not null references loans(id),
    version integer not null,
    reason text not null check (reason in ('initial','extension','restructure','prepayment','settlement','import')),
    method text not null,
    annual_rate text not null,
    effective_date text not null,
    status text not null default 'active' check (status in ('active','voided')),
    repayment_id integer,
    note text,
    created_by integer references users(id),
    created_at text not null,
    unique (loan_id, version)
  )`.execute(db)
  await sql`create table plan_installments (
    plan_version_id integer not null references loan_plan_versions(id),
    seq integer not null,
    due_date text not null,
    principal integer not null check (principal >= 0),
    interest integer not null check (interest >= 0),
    kind text not null default 'regular' check (kind in ('regular','prepayment','settlement')),
    primary key (plan_version_id, seq)
  ) without rowid`.execute(db)
  // Due-soon lists filter on the due date.
  await sql`create index plan_installments_due on plan_installments(due_date)`.execute(db)

  await sql`create table repayments (
    id integer primary key autoincrement,
    loan_id integer not null references loans(id),
    paid_date text not null,
    amount integer not null check (amount > 0),
    channel text not null check (channel in ('cash','transfer','payroll','other')),
    receipt_no text not null unique,
    kind text not null default 'repayment' check (kind in ('repayment','recovery','restructure')),
    credit_handling text not null default 'none'
      check (credit_handling in ('none','credit','prepay_shorten','prepay_lower','settle')),
    status text not null default 'posted' check (status in ('posted','reversed')),
    reversal_reason text,
    reversed_by integer references users(id),
    reversed_at text,
    batch_id text,
    note text,
    created_by integer references users(id),
    created_at text not null
  )`.execute(db)
  // Covering index for the replay and the portfolio scan: posted rows per loan in date order.
  await sql`create index repayments_posted on repayments(loan_id, paid_date, id, amount, credit_handling)
    where status = 'posted'`.execute(db)
  await sql`create index repayments_loan on repayments(loan_id, id)`.execute(db)

  await sql`create table loan_closures (
    loan_id integer primary key references loans(id),
    kind text not null check (kind in ('settled','written_off')),
    closed_date text not null,
    certificate_no text unique,
    principal integer not null default 0,
    interest integer not null default 0,
    penalty integer not null default 0,
    reason text,
    approved_by integer references users(id),
    created_by integer references users(id),
    created_at text not null
  )`.execute(db)
  await sql`create index loan_closures_date on loan_closures(closed_date)`.execute(db)

  await sql`create table contact_log (
    id integer primary key autoincrement,
    loan_id integer not null references loans(id),
    due_date text,
    contact_date text not null,
    channel text not null check (channel in ('phone','sms','visit','other')),
    outcome text not null,
    note text,
    created_by integer references users(id),
    created_at text not null
  )`.execute(db)
  await sql`create index contact_log_loan on contact_log(loan_id, id)`.execute(db)

  await sql`create table portfolio_snapshots (
    id integer primary key autoincrement,
    as_of text not null,
    loans integer not null,
    outstanding_principal integer not null,
    overdue_principal integer not null,
    created_by integer references users(id),
    created_at text not null
  )`.execute(db)
  await sql`create index portfolio_snapshots_as_of on portfolio_snapshots(as_of, id)`.execute(db)
  await sql`create table portfolio_snapshot_rows (
    snapshot_id integer not null references portfolio_snapshots(id),
    loan_id integer not null,
    dpd integer not null,
    bucket text not null,
    min_category text not null,
    outstanding_principal integer not null,
    overdue_principal integer not null,
    overdue_interest integer not null,
    penalty_interest integer not null,
    compound_interest integer not null,
    payoff integer not null,
    primary key (snapshot_id, loan_id)
  ) without rowid`.execute(db)

  // Receipt (收款收据) and certificate (结清证明) numbers: one counter per kind and year.
  await sql`create table doc_counters (
    kind text not null,
    year integer not null,
    last integer not null,
    primary key (kind, year)
  ) without rowid`.execute(db)
}
