// Shared steps of the servicing use cases: scope checks, loading replay inputs, evaluating,
// mapping to views. Derived state is always recomputed by evaluateLoan (shared/servicing).
import { AppError } from '../../../shared/api'
import { assertInPortfolio } from '../scope'
import type { EvaluationTotals, LoanHeadView } from '../../../shared/api/servicing'
import {
  type Component,
  DomainError,
  PRINCIPAL_FIRST_ORDER,
  DEFAULT_ALLOCATION_ORDER,
  formatFen,
} from '../../../shared/domain'
import { type LoanEvaluation, type PaymentEvent, type VersionRow, evaluateLoan } from '../../../shared/servicing'
import type { Ctx } from '../context'
import {
  type LoanHead,
  findLoanHead,
  postedPayments,
  restructuredOn,
  versionIdForDate,
  versionRows,
} from './servicing-repo'
import { findOrgName, settingValue } from './closures-repo'

// One officer-scope module (issue 14.8): the caller and the portfolio scope come from ../scope.
export { caller as who, scopeOfficer as officerScope } from '../scope'

/** The loan, if it exists and is in the caller's portfolio (NOT_FOUND otherwise: existence is not revealed). */
export function loadLoan(ctx: Ctx, loanId: number): LoanHead {
  const head = findLoanHead(ctx.db, loanId)
  if (!head) throw new AppError('NOT_FOUND', `贷款 #${loanId} 不存在或不在您的管户范围内`)
  assertInPortfolio(ctx, head.officerId, `贷款 #${loanId} `)
  return head
}

/** 罚息 markup that applies: 挪用 markup when funds were misused (DOMAIN §4). */
export function markupOf(h: LoanHead): string {
  return h.misused ? h.misuseMarkup : h.penaltyMarkup
}

/** Allocation order setting (DOMAIN §3): default 费用→罚息→复利→利息→本金, or 先本后息. */
export function allocationOrder(ctx: Ctx): readonly Component[] {
  return settingValue(ctx.db, 'servicing.allocationOrder') === 'principal_first'
    ? PRINCIPAL_FIRST_ORDER
    : DEFAULT_ALLOCATION_ORDER
}

/** A number setting of this area, with its default. */
export function numberSetting(ctx: Ctx, key: string, fallback: number): number {
  const v = settingValue(ctx.db, key)
  const n = v !== null ? Number(v) : NaN
  return Number.isFinite(n) ? n : fallback
}

/** Replay inputs of a loan as of a date: the plan version in force then and every posted payment. */
export interface LoanContext {
  head: LoanHead
  versionId: number | null
  version: number | null
  annualRate: string
  rows: VersionRow[]
  payments: PaymentEvent[]
  restructuredOn: string | null
}

export function loadContext(ctx: Ctx, head: LoanHead, asOf: string): LoanContext {
  const db = ctx.db
  const v = versionIdForDate(db, head.id, asOf)
  return {
    head,
    versionId: v?.id ?? null,
    version: v?.version ?? null,
    annualRate: v?.annualRate ?? head.annualRate,
    rows: v ? versionRows(db, v.id) : [],
    payments: postedPayments(db, head.id),
    restructuredOn: restructuredOn(db, head.id),
  }
}

/** Evaluates the context as of `asOf`, optionally with extra (not yet stored) payments. */
export function evaluate(ctx: Ctx, lc: LoanContext, asOf: string, extra: readonly PaymentEvent[] = []): LoanEvaluation {
  const payments =
    extra.length === 0
      ? lc.payments
      : [...lc.payments, ...extra].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id))
  return domain(() =>
    evaluateLoan({
      rows: lc.rows,
      payments,
      annualRate: lc.annualRate,
      markupPercent: markupOf(lc.head),
      startDate: lc.head.disbursementDate,
      asOf,
      order: allocationOrder(ctx),
      restructuredOn: lc.restructuredOn,
      detail: true,
    }),
  )
}

/** Runs domain code, turning a DomainError into a VALIDATION AppError with its field. */
export function domain<T>(fn: () => T): T {
  try {
    return fn()
  } catch (e) {
    if (e instanceof DomainError) throw new AppError('VALIDATION', e.reason, [{ path: e.field, message: e.reason }])
    throw e
  }
}

export function headView(h: LoanHead): LoanHeadView {
  return {
    id: h.id,
    contractNo: h.contractNo,
    iouNo: h.iouNo,
    borrowerName: h.borrowerName,
    principal: h.principal,
    annualRate: h.annualRate,
    method: h.method,
    termMonths: h.termMonths,
    disbursementDate: h.disbursementDate,
    maturityDate: h.maturityDate,
    status: h.status,
    officerId: h.officerId,
    markupPercent: markupOf(h),
    misused: h.misused,
    category: h.category,
    officerName: h.officerName,
  }
}

export function totalsOf(e: LoanEvaluation): EvaluationTotals {
  return {
    asOf: e.asOf,
    outstandingPrincipal: e.outstandingPrincipal,
    overduePrincipal: e.overduePrincipal,
    overdueInterest: e.overdueInterest,
    dueToday: e.dueToday,
    penaltyInterest: e.penaltyInterest,
    compoundInterest: e.compoundInterest,
    accruedInterest: e.accruedInterest,
    credit: e.credit,
    payoff: e.payoff,
    earliestUnpaidDueDate: e.earliestUnpaidDueDate,
    dpd: e.dpd,
    bucket: e.bucket,
    minCategory: e.minCategory,
  }
}

/** 1,234.56 元 for audit summaries. */
export function yuan(fen: number): string {
  return `${formatFen(fen)} 元`
}

/** Organization name for printed documents. */
export function orgName(ctx: Ctx): string {
  return findOrgName(ctx.db)
}

/** A date check with a zh-CN message naming the field. */
export function mustDate(ok: boolean, field: string, message: string): void {
  if (!ok) throw new AppError('VALIDATION', message, [{ path: field, message }])
}
