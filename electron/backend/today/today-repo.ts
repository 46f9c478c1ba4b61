// The one read the landing page needs that no area offers: promises to pay falling due in a window.
import type {} from '../db/schema-collections'
import type { Db } from '../db/types'

/** Promises with `promised_on` in [from, to], for one officer's loans (or all), soonest first. */
export async function promisesDueBetween(
  db: Db,
  f: { from: string; to: string; officerId: number | null },
): Promise<
  Array<{ id: number; loanId: number; contractNo: string; borrowerName: string; promisedOn: string; amount: number }>
> {
  let q = db
    .selectFrom('collection_promises as p')
    .innerJoin('loans as l', 'l.id', 'p.loan_id')
    .innerJoin('borrowers as b', 'b.id', 'l.borrower_id')
    .select(['p.id', 'p.loan_id', 'l.contract_no', 'b.name', 'p.promised_on', 'p.amount'])
    .where('p.promised_on', '>=', f.from)
    .where('p.promised_on', '<=', f.to)
  if (f.officerId !== null) q = q.where('l.officer_id', '=', f.officerId)
  const rows = await q.orderBy('p.promised_on').orderBy('p.id').execute()
  return rows.map((r) => ({
    id: r.id,
    loanId: r.loan_id,
    contractNo: r.contract_no,
    borrowerName: r.name,
    promisedOn: r.promised_on,
    amount: r.amount,
  }))
}
