// Posting a repayment (还款冲销, DOMAIN §3): preview the allocation, insist on a choice for
// any overpayment (挂账 / 提前还本 / 结清, never silently), store the payment, and for a
// prepayment or settlement create the new plan version in the same transaction.
import { AppError } from '../../../shared/api'
import type { AllocationView } from '../../../shared/api/servicing'
import { type LoanEvaluation, interestSince, prepaymentRows, settlementRows } from '../../../shared/servicing'
import type { Ctx } from '../context'
import { type LoanHead, insertVersion, latestVersion, nextDocNo } from './servicing-repo'
import { insertClosure } from './closures-repo'
import { insertRepayment, lastPaymentDate, receiptExists } from './repayments-repo'
import { type LoanContext, domain, evaluate, loadContext, mustDate, totalsOf, who } from './core'

/** Placeholder id of a payment being previewed: after every stored payment of the same date. */
const PREVIEW_ID = Number.MAX_SAFE_INTEGER

export type Overpayment = 'credit' | 'prepay_shorten' | 'prepay_lower' | 'settle'

/** Checks a payment date against the loan and its plan versions. */
export function checkPaymentDate(ctx: Ctx, head: LoanHead, paidDate: string, field = 'paidDate'): void {
  mustDate(paidDate <= ctx.today(), field, '还款日期不能晚于今天')
  mustDate(paidDate >= head.disbursementDate, field, `还款日期不能早于放款日 ${head.disbursementDate}`)
  const latest = latestVersion(ctx.db, head.id)
  if (!latest) throw new AppError('CONFLICT', `贷款 ${head.contractNo} 尚未生成还款计划`)
  if (latest.reason === 'restructure' && paidDate < latest.effectiveDate) {
    mustDate(false, field, `贷款已于 ${latest.effectiveDate} 重组，不能登记或冲正该日期之前的还款`)
  }
}

/** Allocation of a candidate payment: the evaluation before and after it on its date. */
export function previewAllocation(
  ctx: Ctx,
  lc: LoanContext,
  paidDate: string,
  amount: number,
): { view: AllocationView; after: LoanEvaluation; before: LoanEvaluation } {
  const before = evaluate(ctx, lc, paidDate)
  const after = evaluate(ctx, lc, paidDate, [{ id: PREVIEW_ID, date: paidDate, amount }])
  const mine = after.allocations.find((a) => a.paymentId === PREVIEW_ID)
  const due = new Map(lc.rows.map((r) => [r.seq, r.dueDate]))
  const lines = (mine?.lines ?? []).map((l) => ({ ...l, dueDate: due.get(l.seq) ?? '' }))
  return {
    before,
    after,
    view: {
      loanId: lc.head.id,
      paidDate,
      amount,
      lines,
      overpayment: mine?.toCredit ?? amount,
      before: totalsOf(before),
      after: totalsOf(after),
    },
  }
}

/** What the allocation paid, for audit summaries: 罚息 x、利息 y、本金 z. */
export function describeLines(v: AllocationView): string {
  const sum = (k: 'penaltyInterest' | 'compoundInterest' | 'interest' | 'principal') =>
    v.lines.reduce((s, l) => s + l[k], 0)
  const parts = [
    ['罚息', sum('penaltyInterest')],
    ['复利', sum('compoundInterest')],
    ['利息', sum('interest')],
    ['本金', sum('principal')],
  ] as const
  const f = (n: number) => (n / 100).toFixed(2)
  const text = parts
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${f(n)}`)
    .join('、')
  return (text || '无应还款项') + (v.overpayment > 0 ? `，余 ${f(v.overpayment)} 元` : '')
}

export interface PostOptions {
  paidDate: string
  amount: number
  channel: string
  receiptNo?: string | undefined
  overpayment?: Overpayment | undefined
  note?: string | undefined
  kind?: 'repayment' | 'recovery' | 'restructure'
  batchId?: string | null
}

/** A loan context and its preview for this very payment, computed earlier in the same transaction. */
export interface PreparedPayment {
  lc: LoanContext
  preview: ReturnType<typeof previewAllocation>
}

/** Posts one payment on a loan already loaded and checked; returns its id and allocation. */
export function postPayment(
  ctx: Ctx,
  head: LoanHead,
  o: PostOptions,
  prepared?: PreparedPayment,
): { id: number; allocation: AllocationView; receiptNo: string } {
  const db = ctx.db
  const lc = prepared?.lc ?? loadContext(ctx, head, o.paidDate)
  const { view, before, after } = prepared?.preview ?? previewAllocation(ctx, lc, o.paidDate, o.amount)
  const choice = o.overpayment
  if (view.overpayment > 0 && !choice) {
    const msg = `还款金额超过截至 ${o.paidDate} 的应还金额 ${(view.overpayment / 100).toFixed(2)} 元，请选择：挂账、提前还本（缩短期限或减少月供）或结清`
    throw new AppError('VALIDATION', msg, [{ path: 'overpayment', message: msg }])
  }
  const reshapes = view.overpayment > 0 && choice !== undefined && choice !== 'credit'
  if (reshapes) {
    const last = lastPaymentDate(db, head.id)
    if (last !== null && last > o.paidDate)
      mustDate(false, 'paidDate', `${last} 已有还款记录，不能在更早的日期提前还款或结清`)
    if (choice === 'settle' && o.amount !== before.payoff) {
      const msg = `结清应还 ${(before.payoff / 100).toFixed(2)} 元，与还款金额不符`
      throw new AppError('VALIDATION', msg, [{ path: 'amount', message: msg }])
    }
  }
  let receiptNo = o.receiptNo?.trim() || ''
  if (receiptNo && receiptExists(db, receiptNo)) {
    throw new AppError('CONFLICT', `收据号 ${receiptNo} 已使用`, [{ path: 'receiptNo', message: '收据号已使用' }])
  }
  if (!receiptNo) receiptNo = nextDocNo(db, o.kind === 'restructure' ? 'ZZ' : 'SK', Number(o.paidDate.slice(0, 4)))
  const handling = view.overpayment > 0 && choice ? choice : 'none'
  const id = insertRepayment(db, {
    loanId: head.id,
    paidDate: o.paidDate,
    amount: o.amount,
    channel: o.channel,
    receiptNo,
    kind: o.kind ?? 'repayment',
    creditHandling: handling,
    batchId: o.batchId ?? null,
    note: o.note ?? null,
    createdBy: who(ctx).userId,
    createdAt: ctx.nowIso(),
  })
  if (reshapes) reshape(ctx, lc, before, { id, choice: choice!, overpayment: view.overpayment, paidDate: o.paidDate })
  else if ((o.kind ?? 'repayment') === 'repayment' && after.payoff === 0 && after.credit === 0 && lc.rows.length > 0) {
    closeSettled(ctx, head, o.paidDate, before) // the last installment paid in full: 结清
  }
  return { id, allocation: view, receiptNo }
}

/** New plan version after a prepayment or settlement paid by repayment `id`. */
function reshape(
  ctx: Ctx,
  lc: LoanContext,
  before: LoanEvaluation,
  p: { id: number; choice: Overpayment; overpayment: number; paidDate: string },
): void {
  const h = lc.head
  const base = {
    loanId: h.id,
    method: h.method,
    annualRate: lc.annualRate,
    effectiveDate: p.paidDate,
    repaymentId: p.id,
    createdBy: who(ctx).userId,
    createdAt: ctx.nowIso(),
  }
  if (p.choice === 'settle') {
    const rows = settlementRows(lc.rows, before, p.paidDate, h.disbursementDate)
    insertVersion(ctx.db, { ...base, reason: 'settlement', note: '结清', rows })
    closeSettled(ctx, h, p.paidDate, before)
    return
  }
  // Largest principal X with X + interest on X since the last due date ≤ overpayment; the rest stays as credit.
  const interestOn = (x: number) => interestSince(lc.rows, p.paidDate, h.disbursementDate, x, lc.annualRate)
  let x = p.overpayment
  while (x > 0 && x + interestOn(x) > p.overpayment) x -= Math.max(1, x + interestOn(x) - p.overpayment)
  const rows = domain(() =>
    prepaymentRows({
      rows: lc.rows,
      date: p.paidDate,
      startDate: h.disbursementDate,
      principalPaid: x,
      annualRate: lc.annualRate,
      method: h.method as 'annuity',
      mode: p.choice === 'prepay_shorten' ? 'shorten_term' : 'lower_payment',
      dueDay: h.dueDay,
    }),
  )
  insertVersion(ctx.db, {
    ...base,
    reason: 'prepayment',
    note: p.choice === 'prepay_shorten' ? '提前还本，缩短期限' : '提前还本，减少月供',
    rows,
  })
}

/** Marks the loan settled with a 结清证明 number. */
export function closeSettled(ctx: Ctx, h: LoanHead, date: string, before: LoanEvaluation): string {
  const certificateNo = nextDocNo(ctx.db, 'JQ', Number(date.slice(0, 4)))
  insertClosure(ctx.db, {
    loanId: h.id,
    kind: 'settled',
    closedDate: date,
    certificateNo,
    principal: before.outstandingPrincipal,
    interest: before.overdueInterest + before.accruedInterest,
    penalty: before.penaltyInterest + before.compoundInterest,
    reason: null,
    approvedBy: null,
    createdBy: who(ctx).userId,
    createdAt: ctx.nowIso(),
  })
  return certificateNo
}
