// Reads for reports: which loans a slice (village, product) covers. The figures themselves come
// from the portfolio evaluation (servicing), so a report as of a past date replays the same rules.
import type { Db } from '../db/types'

/** A slice of the portfolio beyond the officer scope; undefined fields do not filter. */
export interface Slice {
  village?: string
  product?: string
}

/** Ids of the loans in the slice, or null when the slice filters nothing (every loan). */
export async function loanIdsInSlice(db: Db, s: Slice): Promise<Set<number> | null> {
  if (s.village === undefined && s.product === undefined) return null
  let q = db.selectFrom('loans as l').innerJoin('borrowers as b', 'b.id', 'l.borrower_id').select('l.id')
  if (s.village !== undefined) q = q.where('b.village', '=', s.village)
  if (s.product !== undefined) q = q.where('l.product', '=', s.product)
  const rows = await q.execute()
  return new Set(rows.map((r) => r.id))
}
