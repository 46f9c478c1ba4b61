// Loan servicing (贷后) handlers: plans, as-of view, repayments, receipts; reversal (冲正) in reversal.ts.
import { AppError, type MethodName, contract } from '../../../shared/api'
import { amountInWords, displayStatusOf } from '../../../shared/domain'
import { initialRows } from '../../../shared/servicing'
import type { Ctx, Handlers } from '../context'
import { type LoanHead, insertVersion, latestVersion } from './servicing-repo'
import { findRepayment, listRepayments } from './repayments-repo'
import { findClosure } from './closures-repo'
import { domain, evaluate, headView, loadContext, loadLoan, orgName, totalsOf, who, yuan } from './core'
import { checkPaymentDate, describeLines, postPayment, previewAllocation } from './post'
import { planOf } from './plan'
import { reversalHandlers } from './reversal'
import { closureHandlers } from './closures'
import { portfolioHandlers } from './portfolio'
import { bulkHandlers } from './bulk'
import { importHandlers } from './import'
import { loanRiskFields } from '../risk/loan-risk'
import { listHandlers } from './list'
import { refreshLoanState } from './state-repo'

function activeLoan(ctx: Ctx, loanId: number): LoanHead {
  const head = loadLoan(ctx, loanId)
  if (head.status !== 'active') {
    const label = head.status === 'settled' ? '已结清' : head.status === 'written_off' ? '已核销' : '已撤销'
    throw new AppError('CONFLICT', `贷款 ${head.contractNo} ${label}，不能办理此业务`)
  }
  return head
}

/**
 * Every write of this area that names a loan recomputes its loan_state in the same transaction
 * (status, plan and payments change what the list and reminders show); payments and plan changes
 * also mark it stale in the repositories, so other write paths are caught on the next read.
 */
function withStateRefresh<H extends Partial<Handlers>>(hs: H): H {
  const out: Record<string, unknown> = {}
  for (const [name, h] of Object.entries(hs)) {
    const fn = h as (ctx: Ctx, input: { loanId?: unknown }) => Promise<unknown>
    out[name] = !contract[name as MethodName].write
      ? fn
      : async (ctx: Ctx, input: { loanId?: unknown }) => {
          const r = await fn(ctx, input)
          if (typeof input.loanId === 'number') refreshLoanState(ctx.db, input.loanId, ctx.today())
          return r
        }
  }
  return out as H
}

export const servicingHandlers = withStateRefresh({
  'servicing.createPlan': async (ctx, input) => {
    const head = activeLoan(ctx, input.loanId)
    if (latestVersion(ctx.db, head.id))
      throw new AppError('CONFLICT', `贷款 ${head.contractNo} 已有还款计划；变更请办理展期、重组或提前还款`)
    if (head.method === 'custom' && !input.customRows?.length) {
      throw new AppError('VALIDATION', '自定义还款计划须录入各期日期和本金', [
        { path: 'customRows', message: '请录入还款计划' },
      ])
    }
    const rows = domain(() =>
      initialRows({
        principal: head.principal,
        annualRate: head.annualRate,
        termMonths: head.termMonths,
        method: head.method as 'annuity',
        startDate: head.disbursementDate,
        dueDay: head.dueDay,
        ...(input.customRows ? { customRows: input.customRows } : {}),
      }),
    )
    const v = insertVersion(ctx.db, {
      loanId: head.id,
      reason: 'initial',
      method: head.method,
      annualRate: head.annualRate,
      effectiveDate: head.disbursementDate,
      note: null,
      repaymentId: null,
      createdBy: who(ctx).userId,
      createdAt: ctx.nowIso(),
      rows,
    })
    ctx.audit({
      entity: 'loan',
      entityId: head.id,
      summary: `生成还款计划 第 ${v.version} 版：合同 ${head.contractNo}（${head.borrowerName}），${rows.length} 期，本金 ${yuan(head.principal)}`,
    })
    return planOf(ctx, head)
  },

  'servicing.getPlan': async (ctx, input) => planOf(ctx, loadLoan(ctx, input.loanId)),

  'servicing.asOf': async (ctx, input) => {
    const head = loadLoan(ctx, input.loanId)
    const lc = loadContext(ctx, head, input.asOf)
    const e = evaluate(ctx, lc, input.asOf)
    const closure = findClosure(ctx.db, head.id)
    const risk = await loanRiskFields(ctx, {
      loanId: head.id,
      asOf: input.asOf,
      rows: lc.rows,
      payments: lc.payments,
      startDate: head.disbursementDate,
      restructuredOn: lc.restructuredOn,
      dpd: e.dpd,
      minCategory: e.minCategory,
    })
    return {
      ...totalsOf(e),
      loan: headView(head),
      planVersion: lc.version,
      installments: e.installments,
      restructuredOn: lc.restructuredOn,
      closure: closure ? { kind: closure.kind, closedDate: closure.closedDate } : null,
      ...risk,
      displayStatus: displayStatusOf(head.status, e.earliestUnpaidDueDate, input.asOf).displayStatus,
    }
  },

  'servicing.previewRepayment': async (ctx, input) => {
    const head = activeLoan(ctx, input.loanId)
    checkPaymentDate(ctx, head, input.paidDate)
    return previewAllocation(ctx, loadContext(ctx, head, input.paidDate), input.paidDate, input.amount).view
  },

  'servicing.postRepayment': async (ctx, input) => {
    const head = activeLoan(ctx, input.loanId)
    checkPaymentDate(ctx, head, input.paidDate)
    const r = postPayment(ctx, head, input)
    const choice = {
      none: '',
      credit: '，余额挂账',
      prepay_shorten: '，提前还本缩短期限',
      prepay_lower: '，提前还本减少月供',
      settle: '，结清',
    }
    ctx.audit({
      entity: 'repayment',
      entityId: r.id,
      summary: `登记还款：合同 ${head.contractNo}（${head.borrowerName}）${input.paidDate} 还款 ${yuan(input.amount)}，收据 ${r.receiptNo}；冲销 ${describeLines(r.allocation)}${choice[input.overpayment && r.allocation.overpayment > 0 ? input.overpayment : 'none']}`,
    })
    return { repayment: findRepayment(ctx.db, r.id)!, allocation: r.allocation }
  },

  'servicing.listRepayments': async (ctx, input) => listRepayments(ctx.db, loadLoan(ctx, input.loanId).id),

  'servicing.receipt': async (ctx, input) => {
    const rep = findRepayment(ctx.db, input.repaymentId)
    if (!rep) throw new AppError('NOT_FOUND', `还款记录 #${input.repaymentId} 不存在`)
    const head = loadLoan(ctx, rep.loanId)
    const lc = loadContext(ctx, head, rep.paidDate)
    // A reversed (作废) receipt still shows what it applied when it was valid: replay it as if posted.
    const e = evaluate(
      ctx,
      lc,
      rep.paidDate,
      rep.status === 'reversed' ? [{ id: rep.id, date: rep.paidDate, amount: rep.amount }] : [],
    )
    const mine = e.allocations.find((a) => a.paymentId === rep.id)
    const due = new Map(lc.rows.map((r) => [r.seq, r.dueDate]))
    return {
      orgName: orgName(ctx),
      repayment: rep,
      loan: headView(head),
      amountWords: amountInWords(rep.amount),
      lines: (mine?.lines ?? []).map((l) => ({ ...l, dueDate: due.get(l.seq) ?? '' })),
      toCredit: mine?.toCredit ?? 0,
      outstandingAfter: e.outstandingPrincipal,
      voided: rep.status === 'reversed',
    }
  },
  ...reversalHandlers,
  ...closureHandlers,
  ...portfolioHandlers,
  ...bulkHandlers,
  ...importHandlers,
  ...listHandlers,
} satisfies Partial<Handlers>)
