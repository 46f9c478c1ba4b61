import { type Kysely, sql } from 'kysely'

/**
 * The loan list, its overdue totals and the reminders at county size (issue 9): the loan columns the
 * list filters on (officer, status, category, product, maturity) are copied into loan_state (kept by
 * triggers, whoever writes loans), so the counts and sums of a filter are ranges of one narrow
 * table's indexes instead of a lookup of every matching loan.
 * The officer-scoped list filters get composite indexes on loans. Triggers are SQLite syntax
 * (the PostgreSQL mode needs its own trigger functions for the same two rules).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table loan_state add column officer_id integer`.execute(db)
  await sql`alter table loan_state add column status text`.execute(db)
  await sql`alter table loan_state add column category text`.execute(db)
  await sql`alter table loan_state add column product text`.execute(db)
  await sql`alter table loan_state add column maturity_date text`.execute(db)
  const copy = sql`officer_id = l.officer_id, status = l.status, category = l.category, product = l.product,
    maturity_date = l.maturity_date`
  await sql`update loan_state set ${copy} from loans l where l.id = loan_state.loan_id`.execute(db)
  await sql`create trigger loan_state_scope_insert after insert on loan_state begin
    update loan_state set ${copy} from loans l where l.id = new.loan_id and loan_state.loan_id = new.loan_id;
  end`.execute(db)
  await sql`create trigger loans_scope_update after update of officer_id, status, category, product, maturity_date
    on loans begin
    update loan_state set officer_id = new.officer_id, status = new.status, category = new.category,
      product = new.product, maturity_date = new.maturity_date where loan_id = new.id;
  end`.execute(db)
  // Overdue counts and sums (and the bands) as one covering range on the due date, with every filter.
  await sql`create index loan_state_overdue on loan_state(oldest_unpaid_due, status, officer_id,
    overdue_principal, overdue_interest, outstanding_principal, category, product, maturity_date)`.execute(db)
  // An officer's loans in list order (oldest unpaid first) and by next due date (reminders).
  await sql`create index loan_state_officer_oldest on loan_state(officer_id, oldest_unpaid_due)`.execute(db)
  await sql`create index loan_state_officer_next on loan_state(officer_id, next_due_date)`.execute(db)
  await sql`create index loans_officer_category on loans(officer_id, category)`.execute(db)
  await sql`create index loans_officer_product on loans(officer_id, product)`.execute(db)
  await sql`create index loans_officer_maturity on loans(officer_id, maturity_date)`.execute(db)
}
