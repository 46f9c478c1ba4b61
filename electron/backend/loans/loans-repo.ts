import type { LoanView } from '../../../shared/api'
import type { Db } from '../db/types'

/** Loans joined with borrower and officer names. */
export function selectLoans(db: Db) {
  return db
    .selectFrom('loans as l')
    .innerJoin('borrowers as b', 'b.id', 'l.borrower_id')
    .leftJoin('users as u', 'u.id', 'l.officer_id')
    .selectAll('l')
    .select(['b.name as borrower_name', 'u.display_name as officer_name'])
}
type Row = NonNullable<Awaited<ReturnType<ReturnType<typeof selectLoans>['executeTakeFirst']>>>

/** Row → API view. */
export function toLoanView(r: Row): LoanView {
  return {
    id: r.id,
    borrowerId: r.borrower_id,
    borrowerName: r.borrower_name,
    contractNo: r.contract_no,
    iouNo: r.iou_no,
    product: r.product,
    principal: r.principal,
    annualRate: r.annual_rate,
    termMonths: r.term_months,
    method: r.method,
    dueDay: r.due_day,
    disbursementDate: r.disbursement_date,
    maturityDate: r.maturity_date,
    purpose: r.purpose,
    guaranteeType: r.guarantee_type,
    officerId: r.officer_id,
    officerName: r.officer_name,
    status: r.status,
    settledDate: r.settled_date,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

export async function findLoan(db: Db, id: number) {
  return selectLoans(db).where('l.id', '=', id).executeTakeFirst()
}

const SORT = {
  id: 'l.id',
  contractNo: 'l.contract_no',
  maturityDate: 'l.maturity_date',
  principal: 'l.principal',
} as const

/** One page of loans; `scopeOfficerId` limits an officer to their own portfolio. */
export async function listLoans(
  db: Db,
  f: {
    borrowerId?: number | undefined
    officerId?: number | undefined
    status?: string | undefined
    scopeOfficerId: number | null
  },
  page: { sort: keyof typeof SORT; dir: 'asc' | 'desc'; limit: number; offset: number },
) {
  const filter = <Q extends { where: (...a: never[]) => unknown }>(q0: Q): Q => {
    let q = q0 as unknown as ReturnType<typeof selectLoans>
    if (f.borrowerId) q = q.where('l.borrower_id', '=', f.borrowerId)
    if (f.officerId) q = q.where('l.officer_id', '=', f.officerId)
    if (f.scopeOfficerId !== null) q = q.where('l.officer_id', '=', f.scopeOfficerId)
    if (f.status) q = q.where('l.status', '=', f.status)
    return q as unknown as Q
  }
  const rows = await filter(selectLoans(db))
    .orderBy(SORT[page.sort], page.dir)
    .orderBy('l.id', page.dir)
    .limit(page.limit)
    .offset(page.offset)
    .execute()
  // Count on loans alone: every loan has its borrower (foreign key), so the joins change nothing.
  const n = await filter(db.selectFrom('loans as l') as unknown as ReturnType<typeof selectLoans>)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return { rows: rows.map(toLoanView), total: Number(n.n) }
}
