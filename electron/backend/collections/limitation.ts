// A minimal 诉讼时效 expiry for this area's own checks; the stable servicing.asOf.limitationExpiry is risk's.
import { limitationExpiry as expiry } from '../../../shared/domain'
import type { Db } from '../db/types'
import { interruptionDates } from '../notices/notices-repo'
import { lastDueDate, paymentDates } from './collections-repo'

/**
 * Expiry as of `asOf`: 3 years from the last installment's due date (民法典 189), or from the
 * latest interruption on or before `asOf` — a signed demand, an acknowledgement or a part
 * payment (195). Null when the loan has no plan.
 */
export async function limitationExpiry(db: Db, loanId: number, asOf: string): Promise<string | null> {
  const last = await lastDueDate(db, loanId)
  if (!last) return null
  const events = [...(await interruptionDates(db, loanId)), ...(await paymentDates(db, loanId))].filter(
    (d) => d <= asOf,
  )
  return expiry({ lastDueDate: last, interruptions: events })
}
