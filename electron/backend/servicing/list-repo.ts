// The loan list (贷后管理): one page of loans with their state, filtered and sorted on indexed
// columns — DPD bands are date ranges on loan_state.oldest_unpaid_due (see state-repo.ts).
import { type ExpressionBuilder, type SelectQueryBuilder, sql } from 'kysely'
import type { LoanListFilter } from '../../../shared/api/servicing'
import { dpdRangeOfBucket, dueRangeForDpd } from '../../../shared/domain'
import type { DB } from '../db/schema'
import { NO_UNPAID_DUE } from '../db/schema-loan-state'
import type { Db } from '../db/types'

/** Above every character a prefix search compares with (prefix q = [q, q + HIGH)). */
const HIGH = '\uffff'

type From = DB & { l: DB['loans']; b: DB['borrowers']; s: DB['loan_state'] }
type Q<O> = SelectQueryBuilder<From, 'l' | 'b' | 's', O>

/** Filters plus the caller's scope and the day DPD is counted on. */
export interface ListQuery extends LoanListFilter {
  scopeOfficerId: number | null
  today: string
}

/** Loan ids matching a search text: contract/IOU number prefix, name prefix, pinyin initials, ID tail. */
function searchIds(db: Db, raw: string) {
  const q = raw.trim()
  const uq = q.toUpperCase()
  const byNo = db
    .selectFrom('loans')
    .select('id')
    .where('contract_no', '>=', uq)
    .where('contract_no', '<', uq + HIGH)
    .unionAll(
      db
        .selectFrom('loans')
        .select('id')
        .where('iou_no', '>=', uq)
        .where('iou_no', '<', uq + HIGH),
    )
  const borrowerLoans = (
    where: (eb: ExpressionBuilder<DB & { b2: DB['borrowers'] }, 'b2'>) => ReturnType<typeof eb.and>,
  ) => db.selectFrom('borrowers as b2').innerJoin('loans as l2', 'l2.borrower_id', 'b2.id').select('l2.id').where(where)
  if (/^[a-z]+$/i.test(q)) {
    const lq = q.toLowerCase()
    return byNo.unionAll(
      borrowerLoans((eb) => eb.and([eb('b2.name_initials', '>=', lq), eb('b2.name_initials', '<', lq + HIGH)])),
    )
  }
  if (/^\d{5}[\dX]$/i.test(q)) return byNo.unionAll(borrowerLoans((eb) => eb.and([eb('b2.id_tail', '=', uq)])))
  return byNo.unionAll(borrowerLoans((eb) => eb.and([eb('b2.name', '>=', q), eb('b2.name', '<', q + HIGH)])))
}

/** Filters on loans' own columns (officer and status then use loans' composite indexes too). */
function loanSide(f: ListQuery): boolean {
  return !!(f.category || f.product || f.maturityFrom || f.maturityTo || f.q)
}

/**
 * Applies every filter; DPD conditions become ranges of oldest_unpaid_due. `on`: the table that
 * carries officer and status — loan_state (its copies, migration 0019) when the query is driven by
 * it, loans when loans' own columns are filtered too (their composite indexes lead with the officer).
 */
function applyFilters<O>(
  db: Db,
  q0: Q<O>,
  f: ListQuery,
  on: 's' | 'l',
  loanCols: 's' | 'l' = 'l',
  walkSort = false,
): Q<O> {
  let q = q0
  const officer = on === 's' ? ('s.officer_id' as const) : ('l.officer_id' as const)
  const status = on === 's' ? ('s.status' as const) : ('l.status' as const)
  // A village's or a search's loans are few: found through their own index, the officer is checked per
  // row; so is a page walking a sort index that does not lead with the officer (balance).
  const officerCol = f.village || f.q || f.customerClass || walkSort ? sql<number>`+${sql.ref(officer)}` : officer
  if (f.scopeOfficerId !== null) q = q.where(officerCol, '=', f.scopeOfficerId)
  if (f.officerId) q = q.where(officerCol, '=', f.officerId)
  if (f.category) q = q.where(`${loanCols}.category`, '=', f.category)
  if (f.product) q = q.where(`${loanCols}.product`, '=', f.product)
  if (f.village) q = q.where('b.village', '=', f.village)
  if (f.customerClass) q = q.where('b.customer_class', '=', f.customerClass)
  if (f.maturityFrom) q = q.where(`${loanCols}.maturity_date`, '>=', f.maturityFrom)
  if (f.maturityTo) q = q.where(`${loanCols}.maturity_date`, '<=', f.maturityTo)
  if (f.q) q = q.where('l.id', 'in', searchIds(db, f.q))
  const current = f.status === 'active' || f.bucket === 'M0'
  const overdue =
    f.status === 'overdue' || (f.bucket && f.bucket !== 'M0') || f.dpdMin !== undefined || f.dpdMax !== undefined
  // With a DPD range the date index leads ('+' keeps the planner off the far less selective status index).
  if (overdue || current) q = q.where(on === 'l' ? sql<string>`+l.status` : status, '=', 'active')
  else if (f.status) q = q.where(status, '=', f.status)
  if (current) q = q.where('s.oldest_unpaid_due', '>=', f.today)
  const ranges: { min: number; max: number | null }[] = []
  if (f.status === 'overdue') ranges.push({ min: 1, max: null })
  if (f.bucket && f.bucket !== 'M0') ranges.push(dpdRangeOfBucket(f.bucket))
  if (f.dpdMin !== undefined || f.dpdMax !== undefined) ranges.push({ min: f.dpdMin ?? 1, max: f.dpdMax ?? null })
  for (const r of ranges) {
    if (r.max !== null && r.max < 1) return q.where(sql<boolean>`0`) // DPD 0 only: no overdue loan qualifies
    const d = dueRangeForDpd(f.today, r.min, r.max)
    q = q.where('s.oldest_unpaid_due', '<=', d.to)
    if (d.from !== null) q = q.where('s.oldest_unpaid_due', '>=', d.from)
  }
  return q
}

/** Filters that read loan_state (status current/overdue, bucket, DPD range). */
function needsState(f: ListQuery): boolean {
  return (
    f.status === 'overdue' ||
    f.status === 'active' ||
    f.bucket !== undefined ||
    f.dpdMin !== undefined ||
    f.dpdMax !== undefined
  )
}

/**
 * The joined tables. `byState` puts loan_state first with CROSS JOIN (SQLite keeps that order) so a
 * sort on its indexed columns walks the index and stops at the page instead of sorting every loan;
 * `loans: false` / `borrower: false` leave out tables no filter reads (counts and sums).
 */
function from(
  db: Db,
  o: { byState?: boolean; state?: boolean; loans?: boolean; borrower?: boolean } = { state: true, borrower: true },
) {
  if (o.byState) {
    let q = db.selectFrom('loan_state as s') as unknown as Q<object>
    if (o.loans !== false || o.borrower)
      q = q.crossJoin('loans as l').whereRef('l.id', '=', 's.loan_id') as unknown as Q<object>
    if (o.borrower) q = q.innerJoin('borrowers as b', 'b.id', 'l.borrower_id') as unknown as Q<object>
    return q
  }
  let q = db.selectFrom('loans as l') as unknown as Q<object>
  if (o.state) q = q.innerJoin('loan_state as s', 's.loan_id', 'l.id') as unknown as Q<object>
  if (o.borrower) q = q.innerJoin('borrowers as b', 'b.id', 'l.borrower_id') as unknown as Q<object>
  return q
}

/** A stored list row (snake_case) before mapping. */
export interface ListRecord {
  id: number
  contract_no: string
  iou_no: string
  borrower_id: number
  borrower_name: string
  village: string | null
  product: string
  principal: number
  maturity_date: string
  officer_id: number
  officer_name: string | null
  status: string
  category: string
  oldest_unpaid_due: string | null
  outstanding_principal: number
  overdue_principal: number
  overdue_interest: number
  payoff: number
  customer_class: string | null
}

/** Sort and page of the list; limit null = every row. */
export interface ListPage {
  sort: string
  dir: 'asc' | 'desc'
  limit: number | null
  offset: number
  /** The filters match few loans (counted first): sorting them beats walking the state index. */
  few?: boolean
}

/** The page query (exported for EXPLAIN QUERY PLAN tests). */
export function loanPageQuery(db: Db, f: ListQuery, page: ListPage) {
  // Sorts on loan_state walk its index and stop at the page (an officer holds a good share of the
  // county's loans); a village's or a search's loans are few enough to sort.
  // A rare customer class is found through its index (few rows to sort); a common one walks the index.
  const byState =
    ['dpd', 'dueDate', 'balance'].includes(page.sort) && !f.village && !f.q && !(f.customerClass && page.few)
  let q = applyFilters(
    db,
    from(db, { byState, state: true, borrower: true }),
    f,
    byState && !loanSide(f) ? 's' : 'l',
    'l',
    byState && page.sort === 'balance',
  )
    .leftJoin('users as u', 'u.id', 'l.officer_id')
    .select([
      'l.id',
      'l.contract_no',
      'l.iou_no',
      'l.borrower_id',
      'b.name as borrower_name',
      'b.village',
      'l.product',
      'l.principal',
      'l.maturity_date',
      'l.officer_id',
      'u.display_name as officer_name',
      'l.status',
      'l.category',
      's.oldest_unpaid_due',
      's.outstanding_principal',
      's.overdue_principal',
      's.overdue_interest',
      's.payoff',
      'b.customer_class',
    ])
  const dir = page.dir,
    rev = dir === 'asc' ? 'desc' : 'asc'
  if (page.sort === 'dpd') q = q.orderBy('s.oldest_unpaid_due', rev).orderBy('s.loan_id', rev)
  else if (page.sort === 'dueDate') q = q.orderBy('s.oldest_unpaid_due', dir).orderBy('s.loan_id', dir)
  else if (page.sort === 'balance') q = q.orderBy('s.outstanding_principal', dir).orderBy('s.loan_id', dir)
  else if (page.sort === 'maturityDate') q = q.orderBy('l.maturity_date', dir).orderBy('l.id', dir)
  else q = q.orderBy('l.id', dir)
  if (page.limit !== null) q = q.limit(page.limit).offset(page.offset)
  return q
}

/** One page of loans (or all with limit null) sorted as asked; ties by id. */
export async function listLoanPage(db: Db, f: ListQuery, page: ListPage): Promise<ListRecord[]> {
  const rows = (await loanPageQuery(db, f, page).execute()) as ListRecord[]
  return rows.map((r) => ({
    ...r,
    oldest_unpaid_due: r.oldest_unpaid_due === NO_UNPAID_DUE ? null : r.oldest_unpaid_due,
  }))
}

/** The count query (exported for EXPLAIN QUERY PLAN tests). */
export function countQuery(db: Db, f: ListQuery) {
  const borrower = f.village !== undefined || f.customerClass !== undefined
  // Scope and status filters alone: a range of one loan_state index (officer and status are copied there).
  if (!loanSide(f) && !borrower && (needsState(f) || f.scopeOfficerId !== null || f.officerId))
    return applyFilters(db, from(db, { byState: true, loans: false }), f, 's').select((eb) =>
      eb.fn.countAll<number>().as('n'),
    )
  return applyFilters(db, from(db, { state: needsState(f), borrower }), f, 'l').select((eb) =>
    eb.fn.countAll<number>().as('n'),
  )
}

/** Number of loans matching the filters. */
export async function countLoans(db: Db, f: ListQuery): Promise<number> {
  return Number((await countQuery(db, f).executeTakeFirstOrThrow()).n)
}

/** Overdue loans among the filtered ones: count, principal + interest past due, balances. */
export async function overdueTotals(
  db: Db,
  f: ListQuery,
): Promise<{ loans: number; amount: number; overduePrincipal: number; outstandingPrincipal: number }> {
  const borrower = f.village !== undefined || f.customerClass !== undefined
  const g: ListQuery = { ...f, status: f.status === 'overdue' || f.status === undefined ? 'overdue' : f.status }
  // Without a village, class or search: one covering range of loan_state's overdue index (the loan
  // columns filtered on are copied there); otherwise those few loans are found first by their own index.
  const r = await (
    borrower || f.q
      ? applyFilters(db, from(db), g, 'l')
      : applyFilters(db, from(db, { byState: true, loans: false }), g, 's', 's')
  )
    .where('s.oldest_unpaid_due', '<', f.today)
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      eb.fn
        .coalesce(eb.fn.sum<number>(sql<number>`s.overdue_principal + s.overdue_interest`), sql<number>`0`)
        .as('amount'),
      eb.fn.coalesce(eb.fn.sum<number>('s.overdue_principal'), sql<number>`0`).as('principal'),
      eb.fn.coalesce(eb.fn.sum<number>('s.outstanding_principal'), sql<number>`0`).as('outstanding'),
    ])
    .executeTakeFirstOrThrow()
  return {
    loans: Number(r.n),
    amount: Number(r.amount),
    overduePrincipal: Number(r.principal),
    outstandingPrincipal: Number(r.outstanding),
  }
}
