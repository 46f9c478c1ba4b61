import { type Kysely, sql } from 'kysely'

/**
 * The loan list, its overdue totals and the reminders at county size (issue 9): an officer's scope
 * and the loan status are copied into loan_state (kept by triggers, whoever writes loans), so the
 * counts and sums of a filter are ranges of one narrow table's indexes instead of a join per loan.
 * The officer-scoped list filters get composite indexes on loans. Triggers are SQLite syntax
 * (the PostgreSQL mode needs its own trigger functions for the same two rules).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table loan_state add column officer_id integer`.execute(db)
  await sql`alter table loan_state add column status text`.execute(db)
  await sql`update loan_state set officer_id = (select l.officer_id from loans l where l.id = loan_state.loan_id),
    status = (select l.status from loans l where l.id = loan_state.loan_id)`.execute(db)
  await sql`create trigger loan_state_scope_insert after insert on loan_state begin
    update loan_state set officer_id = (select l.officer_id from loans l where l.id = new.loan_id),
      status = (select l.status from loans l where l.id = new.loan_id) where loan_id = new.loan_id;
  end`.execute(db)
  await sql`create trigger loans_scope_update after update of officer_id, status on loans begin
    update loan_state set officer_id = new.officer_id, status = new.status where loan_id = new.id;
  end`.execute(db)
  // Overdue counts and sums (and the bands) as one covering range on the due date.
  await sql`create index loan_state_overdue on loan_state(oldest_unpaid_due, status, officer_id,
    overdue_principal, overdue_interest, outstanding_principal)`.execute(db)
  // An officer's loans in list order (oldest unpaid first) and by next due date (reminders).
  await sql`create index loan_state_officer_oldest on loan_state(officer_id, oldest_unpaid_due)`.execute(db)
  await sql`create index loan_state_officer_next on loan_state(officer_id, next_due_date)`.execute(db)
  await sql`create index loans_officer_category on loans(officer_id, category)`.execute(db)
  await sql`create index loans_officer_product on loans(officer_id, product)`.execute(db)
  await sql`create index loans_officer_maturity on loans(officer_id, maturity_date)`.execute(db)
}
