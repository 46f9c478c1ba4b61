// Due-soon and overdue reminders (到期提醒): loans whose next installment falls in a window, or
// with arrears, read from loan_state by index range (never one replay per loan).
import { sql } from 'kysely'
import type {} from '../db/schema-loan-state'
import type { Db } from '../db/types'

/** Which loans a reminder list covers; `today` is the day the state is as of. */
export interface ReminderQuery {
  from: string
  until: string
  overdue: boolean
  scopeOfficerId: number | null
  officerId?: number | undefined
  village?: string | undefined
}

/** A reminder row as stored, before masking and the reminder text. */
export interface ReminderRecord {
  loan_id: number
  contract_no: string
  borrower_name: string
  phone: string | null
  village: string | null
  officer_id: number
  officer_name: string | null
  oldest_unpaid_due: string
  next_due_date: string
  next_seq: number | null
  next_amount: number | null
  overdue_principal: number
  overdue_interest: number
  penalty_interest: number
  credit: number
  last_contact: string | null
  last_channel: string | null
  last_outcome: string | null
}

/** The reminded loans: loan_state alone for a count (scope from its officer copy, migration 0019), with loans for a page. */
function stateOnly(db: Db, f: ReminderQuery) {
  let q = db.selectFrom('loan_state as s')
  // Closed loans carry no due dates in loan_state, so the date ranges alone keep them out.
  // With arrears: every loan whose oldest unpaid installment is due by `until` (for a current loan
  // that one is also its next); otherwise the next installment must fall in the window.
  q = f.overdue
    ? q.where('s.oldest_unpaid_due', '<=', f.until)
    : q.where('s.next_due_date', '>=', f.from).where('s.next_due_date', '<=', f.until)
  if (f.scopeOfficerId !== null) q = q.where('s.officer_id', '=', f.scopeOfficerId)
  if (f.officerId) q = q.where('s.officer_id', '=', f.officerId)
  return q
}

function base(db: Db, f: ReminderQuery) {
  // CROSS JOIN keeps loan_state outermost: the page walks its date index in order and stops at the
  // limit, so the per-row subqueries below run for one page, not for every matching loan.
  let q = stateOnly(db, f).crossJoin('loans as l').whereRef('l.id', '=', 's.loan_id')
  if (f.village)
    q = q.where('l.borrower_id', 'in', (eb) =>
      eb.selectFrom('borrowers').select('id').where('village', '=', f.village!),
    )
  return q
}

/** Number of loans to remind. */
export async function countReminders(db: Db, f: ReminderQuery): Promise<number> {
  const r = await (f.village ? base(db, f) : stateOnly(db, f))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

/** One page of reminders (limit null = all), most overdue first, then by due date. */
export async function listReminders(
  db: Db,
  f: ReminderQuery,
  page: { limit: number | null; offset: number },
): Promise<ReminderRecord[]> {
  let q = base(db, f)
    .innerJoin('borrowers as b', 'b.id', 'l.borrower_id')
    .leftJoin('users as u', 'u.id', 'l.officer_id')
    .select([
      's.loan_id',
      'l.contract_no',
      'b.name as borrower_name',
      'b.phone',
      'b.village',
      'l.officer_id',
      'u.display_name as officer_name',
      's.oldest_unpaid_due',
      's.next_due_date',
      's.overdue_principal',
      's.overdue_interest',
      's.penalty_interest',
      's.credit',
      // The installment the reminder is about, in the latest active plan version.
      sql<
        number | null
      >`(select i.seq from plan_installments i where i.plan_version_id = (select v.id from loan_plan_versions v
        where v.loan_id = s.loan_id and v.status = 'active' order by v.version desc limit 1) and i.due_date = s.next_due_date order by i.seq limit 1)`.as(
        'next_seq',
      ),
      sql<
        number | null
      >`(select i.principal + i.interest from plan_installments i where i.plan_version_id = (select v.id from loan_plan_versions v
        where v.loan_id = s.loan_id and v.status = 'active' order by v.version desc limit 1) and i.due_date = s.next_due_date order by i.seq limit 1)`.as(
        'next_amount',
      ),
      sql<
        string | null
      >`(select c.contact_date from contact_log c where c.loan_id = s.loan_id order by c.id desc limit 1)`.as(
        'last_contact',
      ),
      sql<
        string | null
      >`(select c.channel from contact_log c where c.loan_id = s.loan_id order by c.id desc limit 1)`.as(
        'last_channel',
      ),
      sql<
        string | null
      >`(select c.outcome from contact_log c where c.loan_id = s.loan_id order by c.id desc limit 1)`.as(
        'last_outcome',
      ),
    ])
  q = f.overdue
    ? q.orderBy('s.oldest_unpaid_due').orderBy('s.loan_id')
    : q.orderBy('s.next_due_date').orderBy('s.loan_id')
  if (page.limit !== null) q = q.limit(page.limit).offset(page.offset)
  return (await q.execute()) as ReminderRecord[]
}

/** Organization name for reminder texts. */
export async function orgNameOf(db: Db): Promise<string> {
  return (await db.selectFrom('org').select('name').where('id', '=', 1).executeTakeFirst())?.name ?? ''
}
