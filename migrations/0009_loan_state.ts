import { type Kysely, sql } from 'kysely'

/**
 * Per-loan servicing state (one row per loan), kept by the backend so the loan list and the
 * reminders never replay every loan per request. `oldest_unpaid_due` is the due date of the
 * earliest installment not paid in full (past or future), '9999-12-31' when none or the loan is
 * closed (so the column sorts and indexes without nulls): DPD as of any
 * later day D = D − oldest_unpaid_due (DOMAIN §5), so DPD bands are date ranges on an indexed
 * column and stay right from day to day without a refresh. `next_due_date` is the first installment
 * due on or after `state_as_of` not yet covered (what a reminder is about). Amounts are as of `state_as_of`
 * (refreshed on every write to the loan and once a day for all loans; '' = to refresh).
 * Rows are filled by the backend on first start (this migration never evaluates loans).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table loan_state (
    loan_id integer primary key references loans(id),
    oldest_unpaid_due text not null default '9999-12-31',
    next_due_date text not null default '9999-12-31',
    outstanding_principal integer not null default 0,
    overdue_principal integer not null default 0,
    overdue_interest integer not null default 0,
    penalty_interest integer not null default 0,
    payoff integer not null default 0,
    credit integer not null default 0,
    state_as_of text not null default ''
  )`.execute(db)
  await sql`create index loan_state_oldest on loan_state(oldest_unpaid_due, loan_id)`.execute(db)
  await sql`create index loan_state_next_due on loan_state(next_due_date, loan_id)`.execute(db)
  await sql`create index loan_state_balance on loan_state(outstanding_principal, loan_id)`.execute(db)
  await sql`create index loan_state_as_of on loan_state(state_as_of)`.execute(db)
  // The list filters by product and maturity window; loans had no index on either.
  await sql`create index loans_product on loans(product, id)`.execute(db)
  await sql`create index loans_maturity on loans(maturity_date, id)`.execute(db)
}
