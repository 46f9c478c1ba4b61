// Loan and borrower heads for the boards (names, officers) and the stored per-loan state by borrower.
import type {} from '../db/schema-risk'
import type { Db } from '../db/types'

/** Contract, borrower and officer names of these loans within the scope. */
export async function loansForBoard(db: Db, ids: number[], scopeOfficerId: number | null) {
  const out = new Map<number, { contractNo: string; borrowerName: string; officerName: string | null }>()
  for (let k = 0; k < ids.length; k += 500) {
    let q = db
      .selectFrom('loans as l')
      .innerJoin('borrowers as b', 'b.id', 'l.borrower_id')
      .leftJoin('users as u', 'u.id', 'l.officer_id')
      .select(['l.id', 'l.contract_no', 'b.name', 'u.display_name'])
      .where('l.id', 'in', ids.slice(k, k + 500))
    if (scopeOfficerId !== null) q = q.where('l.officer_id', '=', scopeOfficerId)
    for (const r of await q.execute())
      out.set(r.id, { contractNo: r.contract_no, borrowerName: r.name, officerName: r.display_name ?? null })
  }
  return out
}

/** Per borrower with active loans: name, officer, outstanding principal and worst DPD of the last stored run. */
export async function borrowerExposure(db: Db) {
  const rows = await db
    .selectFrom('loans as l')
    .innerJoin('borrowers as b', 'b.id', 'l.borrower_id')
    .leftJoin('risk_loan_state as s', 's.loan_id', 'l.id')
    .select((eb) => [
      'b.id',
      'b.name',
      'b.officer_id',
      eb.fn.sum<number>(eb.fn.coalesce('s.outstanding_principal', eb.val(0))).as('outstanding'),
      eb.fn.max(eb.fn.coalesce('s.dpd', eb.val(0))).as('dpd'),
      eb.fn.max('l.officer_id').as('loan_officer'),
    ])
    .where('l.status', '=', 'active')
    .groupBy('b.id')
    .execute()
  return new Map(
    rows.map((r) => [
      r.id,
      {
        name: r.name,
        officerId: r.officer_id ?? r.loan_officer,
        outstanding: Number(r.outstanding ?? 0),
        dpd: Number(r.dpd ?? 0),
      },
    ]),
  )
}
