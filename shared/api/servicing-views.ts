import { z } from 'zod'
import { DISPLAY_STATUSES } from '../domain/loan-status'

const int = z.number().int()
const bucket = z.enum(['M0', 'M1', 'M2', 'M3', 'M3+'])
const category = z.enum(['normal', 'special_mention', 'substandard', 'doubtful', 'loss'])

/** Head of a loan as the servicing screens show it. */
export const loanHeadView = z.object({
  id: int,
  contractNo: z.string(),
  iouNo: z.string(),
  borrowerName: z.string(),
  principal: int,
  annualRate: z.string(),
  method: z.string(),
  termMonths: int,
  disbursementDate: z.string(),
  maturityDate: z.string(),
  status: z.string(),
  officerId: int,
  markupPercent: z.string(),
  misused: z.boolean(),
  /** Decided five-category and the officer's name, for the loan page head. */
  category: z.string().optional(),
  officerName: z.string().nullable().optional(),
})
export type LoanHeadView = z.infer<typeof loanHeadView>

/** One stored installment of a plan version. */
export const installmentRowView = z.object({
  seq: int,
  dueDate: z.string(),
  principal: int,
  interest: int,
  kind: z.string(),
})

/** A plan version with its rows; `status` voided versions stay readable. */
export const planVersionView = z.object({
  id: int,
  version: int,
  reason: z.string(),
  method: z.string(),
  annualRate: z.string(),
  effectiveDate: z.string(),
  status: z.string(),
  note: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  totalPrincipal: int,
  totalInterest: int,
  rows: z.array(installmentRowView),
})
export type PlanVersionView = z.infer<typeof planVersionView>

/** A loan's plan: every version, newest first; `currentVersion` is the one in force today. */
export const planView = z.object({
  loan: loanHeadView,
  currentVersion: int.nullable(),
  versions: z.array(planVersionView),
})
export type PlanView = z.infer<typeof planView>

/** An installment as of a date. */
export const installmentStateView = z.object({
  seq: int,
  dueDate: z.string(),
  principal: int,
  interest: int,
  paidPrincipal: int,
  paidInterest: int,
  penaltyInterest: int,
  compoundInterest: int,
  paidPenalty: int,
  paidCompound: int,
  status: z.enum(['paid', 'due', 'overdue', 'future']),
})

/** Totals of an evaluation (no rows): what lists and snapshots carry. */
export const evaluationTotals = z.object({
  asOf: z.string(),
  outstandingPrincipal: int,
  overduePrincipal: int,
  overdueInterest: int,
  dueToday: int,
  penaltyInterest: int,
  compoundInterest: int,
  accruedInterest: int,
  credit: int,
  payoff: int,
  earliestUnpaidDueDate: z.string().nullable(),
  dpd: int,
  bucket,
  minCategory: category,
})
export type EvaluationTotals = z.infer<typeof evaluationTotals>

/** A loan as of a date: totals, installment states, the plan version used. */
export const evaluationView = evaluationTotals.extend({
  loan: loanHeadView,
  planVersion: int.nullable(),
  installments: z.array(installmentStateView),
  restructuredOn: z.string().nullable(),
  closure: z.object({ kind: z.string(), closedDate: z.string() }).nullable(),
  /** Status as shown on the as-of date: 逾期 (overdue, with `dpd`) for an active loan past due, else the stored status. */
  displayStatus: z.enum(DISPLAY_STATUSES).optional(),
})
export type EvaluationView = z.infer<typeof evaluationView>

export const allocationLineView = z.object({
  seq: int,
  dueDate: z.string(),
  penaltyInterest: int,
  compoundInterest: int,
  interest: int,
  principal: int,
})
/** How a payment is (or would be) applied, and what is left over for the officer to decide. */
export const allocationView = z.object({
  loanId: int,
  paidDate: z.string(),
  amount: int,
  lines: z.array(allocationLineView),
  overpayment: int,
  before: evaluationTotals,
  after: evaluationTotals,
})
export type AllocationView = z.infer<typeof allocationView>

export const repaymentView = z.object({
  id: int,
  loanId: int,
  paidDate: z.string(),
  amount: int,
  channel: z.string(),
  receiptNo: z.string(),
  kind: z.string(),
  creditHandling: z.string(),
  status: z.enum(['posted', 'reversed']),
  reversalReason: z.string().nullable(),
  reversedBy: z.string().nullable(),
  reversedAt: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  note: z.string().nullable(),
  /** A 冲正 request waiting for a manager's decision, if any. */
  pendingReversal: z
    .object({ requestId: int, reason: z.string(), requestedBy: z.string().nullable(), requestedAt: z.string() })
    .nullable()
    .optional(),
})
export type RepaymentView = z.infer<typeof repaymentView>

/** Data for the printed 还款收据. */
export const receiptView = z.object({
  orgName: z.string(),
  repayment: repaymentView,
  loan: loanHeadView,
  amountWords: z.string(),
  lines: z.array(allocationLineView),
  toCredit: int,
  outstandingAfter: int,
  /** The repayment was reversed (冲正): the receipt prints with a 作废 mark. */
  voided: z.boolean(),
})
export type ReceiptView = z.infer<typeof receiptView>

/** 结清证明 data. */
export const settlementView = z.object({
  orgName: z.string(),
  loan: loanHeadView,
  certificateNo: z.string(),
  settledDate: z.string(),
  paidTotal: int,
  paidPrincipal: int,
  paidInterest: int,
  paidPenalty: int,
  principalWords: z.string(),
  issuedAt: z.string(),
  /** Today's local date: the certificate's print date. */
  printedOn: z.string(),
})

/** A 冲正 request of an officer, waiting for (or decided by) a manager. */
export const reversalRequestView = z.object({
  id: int,
  repaymentId: int,
  loanId: int,
  contractNo: z.string(),
  borrowerName: z.string(),
  receiptNo: z.string(),
  paidDate: z.string(),
  amount: int,
  reason: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  requestedBy: z.string().nullable(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
})
export type ReversalRequestView = z.infer<typeof reversalRequestView>
export type SettlementView = z.infer<typeof settlementView>

export const bulkRowResult = z.object({
  row: int,
  iouNo: z.string(),
  loanId: int.nullable(),
  borrowerName: z.string().nullable(),
  amount: int,
  overpayment: int,
  errors: z.array(z.string()),
  repaymentId: int.nullable(),
})
/** Per-row results of a collection sheet; nothing is written unless every row is valid. */
export const bulkResultView = z.object({ committed: z.boolean(), total: int, valid: int, rows: z.array(bulkRowResult) })
export type BulkResultView = z.infer<typeof bulkResultView>

/** One installment due soon, with the reminder text to copy. */
export const dueSoonView = z.object({
  loanId: int,
  contractNo: z.string(),
  borrowerName: z.string(),
  phone: z.string().nullable(),
  officerId: int,
  seq: int,
  dueDate: z.string(),
  amount: int,
  reminder: z.string(),
  lastContact: z.string().nullable(),
})
export type DueSoonView = z.infer<typeof dueSoonView>

export const contactView = z.object({
  id: int,
  loanId: int,
  dueDate: z.string().nullable(),
  contactDate: z.string(),
  channel: z.string(),
  outcome: z.string(),
  note: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
})
export type ContactView = z.infer<typeof contactView>

/** Portfolio as of a date: counts and sums by bucket, plus the most overdue loans. */
export const portfolioView = z.object({
  asOf: z.string(),
  loans: int,
  outstandingPrincipal: int,
  overduePrincipal: int,
  overdueInterest: int,
  penaltyInterest: int,
  compoundInterest: int,
  ms: z.number(),
  buckets: z.array(z.object({ bucket, loans: int, outstandingPrincipal: int })),
  categories: z.array(z.object({ category, loans: int })),
  worst: z.array(evaluationTotals.extend({ loanId: int })),
})
export type PortfolioView = z.infer<typeof portfolioView>

export const snapshotView = z.object({
  id: int,
  asOf: z.string(),
  loans: int,
  outstandingPrincipal: int,
  overduePrincipal: int,
  createdAt: z.string(),
})
export type SnapshotView = z.infer<typeof snapshotView>
