// Reads and writes of the monthly 贷后管理报告: the month's activity and the manager's commentary.
import type {} from '../db/schema-reports'
import type {} from '../db/schema-servicing'
import type { Db } from '../db/types'

/** A month's date range [from, to] inclusive, both YYYY-MM-DD, and an officer filter (null = all). */
export interface Period {
  from: string
  to: string
  officerId: number | null
}

/** Count and sum of a month's figures. */
export interface CountAmount {
  count: number
  amount: number
}

/** Loans disbursed in the period (count, principal). */
export async function disbursedIn(db: Db, p: Period): Promise<CountAmount> {
  let q = db
    .selectFrom('loans')
    .select((eb) => [
      eb.fn.countAll<number>().as('count'),
      eb.fn.coalesce(eb.fn.sum<number>('principal'), eb.lit(0)).as('amount'),
    ])
  q = q.where('disbursement_date', '>=', p.from).where('disbursement_date', '<=', p.to)
  if (p.officerId !== null) q = q.where('officer_id', '=', p.officerId)
  const r = await q.executeTakeFirstOrThrow()
  return { count: Number(r.count), amount: Number(r.amount) }
}

/** Posted (not reversed) repayments of a kind in the period: 'repayment' or 'recovery' (核销后收回). */
export async function collectedIn(db: Db, p: Period, kind: 'repayment' | 'recovery'): Promise<CountAmount> {
  // A month's repayments at county size are ~130k: counted on the covering index repayments_report
  // (migration 0021) alone; a join to every repayment's loan would cost seconds.
  let q = db
    .selectFrom('repayments as r')
    .select((eb) => [
      eb.fn.countAll<number>().as('count'),
      eb.fn.coalesce(eb.fn.sum<number>('r.amount'), eb.lit(0)).as('amount'),
    ])
    .where('r.kind', '=', kind)
    .where('r.status', '=', 'posted')
    .where('r.paid_date', '>=', p.from)
    .where('r.paid_date', '<=', p.to)
  if (p.officerId !== null) q = q.where('r.loan_id', 'in', officersLoans(db, p.officerId))
  const r = await q.executeTakeFirstOrThrow()
  return { count: Number(r.count), amount: Number(r.amount) }
}

/** Ids of an officer's loans (a subquery, read once from the officer index). */
function officersLoans(db: Db, officerId: number) {
  return db.selectFrom('loans').select('id').where('officer_id', '=', officerId)
}

/** Loans closed in the period by 结清 ('settled') or 核销 ('written_off'): count and principal closed. */
export async function closedIn(db: Db, p: Period, kind: 'settled' | 'written_off'): Promise<CountAmount> {
  let q = db
    .selectFrom('loan_closures as c')
    .select((eb) => [
      eb.fn.countAll<number>().as('count'),
      eb.fn.coalesce(eb.fn.sum<number>('c.principal'), eb.lit(0)).as('amount'),
    ])
    .where('c.kind', '=', kind)
    .where('c.closed_date', '>=', p.from)
    .where('c.closed_date', '<=', p.to)
  if (p.officerId !== null) q = q.where('c.loan_id', 'in', officersLoans(db, p.officerId))
  const r = await q.executeTakeFirstOrThrow()
  return { count: Number(r.count), amount: Number(r.amount) }
}

/** Contacts logged in the period and the number of distinct loans they concern. */
export async function contactsIn(db: Db, p: Period): Promise<{ contacts: number; loans: number }> {
  let q = db
    .selectFrom('contact_log as c')
    .innerJoin('loans as l', 'l.id', 'c.loan_id')
    .select((eb) => [eb.fn.countAll<number>().as('contacts'), eb.fn.count<number>('c.loan_id').distinct().as('loans')])
    .where('c.contact_date', '>=', p.from)
    .where('c.contact_date', '<=', p.to)
  if (p.officerId !== null) q = q.where('l.officer_id', '=', p.officerId)
  const r = await q.executeTakeFirstOrThrow()
  return { contacts: Number(r.contacts), loans: Number(r.loans) }
}

/** Contract no., borrower and officer of loans, for the lists in a report. */
export async function loanLabels(
  db: Db,
  ids: readonly number[],
): Promise<Map<number, { contractNo: string; borrowerName: string; officerName: string }>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('loans as l')
    .innerJoin('borrowers as b', 'b.id', 'l.borrower_id')
    .leftJoin('users as u', 'u.id', 'l.officer_id')
    .select(['l.id', 'l.contract_no', 'b.name', 'u.display_name'])
    .where('l.id', 'in', ids)
    .execute()
  return new Map(
    rows.map((r) => [r.id, { contractNo: r.contract_no, borrowerName: r.name, officerName: r.display_name ?? '' }]),
  )
}

/** The manager's commentary of a month, with who wrote it last. */
export async function findCommentary(db: Db, month: string) {
  return db
    .selectFrom('monthly_report_notes as n')
    .innerJoin('users as u', 'u.id', 'n.updated_by')
    .select(['n.commentary', 'u.display_name', 'n.updated_at'])
    .where('n.month', '=', month)
    .executeTakeFirst()
}

/** Stores (replaces) a month's commentary. */
export async function saveCommentary(
  db: Db,
  c: { month: string; text: string; userId: number; at: string },
): Promise<void> {
  await db
    .insertInto('monthly_report_notes')
    .values({ month: c.month, commentary: c.text, updated_by: c.userId, updated_at: c.at })
    .onConflict((oc) => oc.column('month').doUpdateSet({ commentary: c.text, updated_by: c.userId, updated_at: c.at }))
    .execute()
}
