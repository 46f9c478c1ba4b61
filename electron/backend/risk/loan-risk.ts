// What `servicing.asOf` shows from risk: customer class, suggested and decided category, 诉讼时效 expiry.
import { type Category, type CustomerClass, customerClass } from '../../../shared/domain'
import { type HistoryRow, paymentHistory, suggestionFor } from '../../../shared/risk'
import type { Ctx } from '../context'
import { decisionsInForce } from './classification-repo'
import { expiryOf } from './clocks'
import { limitationInputs, loanClassAndCategory } from './inputs-repo'

/** The replay inputs and evaluation of one loan, as servicing computed them. */
export interface LoanRiskInput {
  loanId: number
  asOf: string
  rows: readonly HistoryRow[]
  payments: readonly { date: string; amount: number }[]
  startDate: string
  restructuredOn: string | null
  dpd: number
  minCategory: Category
}

/**
 * Risk fields of one loan as of a date: the class (stored, else from this loan's own history), the
 * system's suggestion, and the decided category — what a manager approved (正常 until then), shown
 * next to the suggestion; reports use categoriesInForce, which never goes below the floor.
 */
export async function loanRiskFields(
  ctx: Ctx,
  i: LoanRiskInput,
): Promise<{
  customerClass: CustomerClass
  suggestedCategory: Category
  category: Category
  limitationExpiry: string | null
}> {
  const h = paymentHistory({
    rows: i.rows,
    payments: i.payments.filter((p) => p.date <= i.asOf),
    startDate: i.startDate,
    asOf: i.asOf,
  })
  const stored = await loanClassAndCategory(ctx.db, i.loanId)
  const decided = (await decisionsInForce(ctx.db, i.asOf, [i.loanId])).get(i.loanId)
  const s = suggestionFor({
    current: decided ?? ((stored?.category ?? 'normal') as Category),
    dpd: i.dpd,
    asOf: i.asOf,
    restructuredOn: i.restructuredOn,
    history: h,
  })
  const lim = (await limitationInputs(ctx.db, i.asOf, i.loanId))[0]
  return {
    customerClass: (stored?.customer_class as CustomerClass | null) ?? customerClass({ episodes: h.episodes }),
    suggestedCategory: s.suggested,
    category: decided ?? ((stored?.category ?? 'normal') as Category),
    limitationExpiry: lim ? expiryOf(lim) : null,
  }
}
