// Loan servicing (贷后) handlers: plans, as-of view, repayments and reversal (冲正).
import { AppError } from '../../../shared/api'
import { amountInWords } from '../../../shared/domain'
import { initialRows } from '../../../shared/servicing'
import type { Ctx, Handlers } from '../context'
import { type LoanHead, insertVersion, latestVersion, stmt } from './servicing-repo'
import { findRepayment, listRepayments, markReversed } from './repayments-repo'
import {
  domain, evaluate, headView, loadContext, loadLoan, orgName, totalsOf, who, yuan,
} from './core'
import { checkPaymentDate, describeLines, postPayment, previewAllocation } from './post'
import { planOf, reasonLabel } from './plan'
import { closureHandlers } from './closures'
import { portfolioHandlers } from './portfolio'
import { bulkHandlers } from './bulk'
import { importHandlers } from './import'
import { loanRiskFields } from '../risk/loan-risk'

function activeLoan(ctx: Ctx, loanId: number): LoanHead {
  const head = loadLoan(ctx, loanId)
  if (head.status !== 'active') {
    const label = head.status === 'settled' ? '已结清' : head.status === 'written_off' ? '已核销' : '已撤销'
    throw new AppError('CONFLICT', `贷款 ${head.contractNo} ${label}，不能办理此业务`)
  }
  return head
}

export const servicingHandlers = {
  'servicing.createPlan': async (ctx, input) => {
    const head = activeLoan(ctx, input.loanId)
    if (latestVersion(ctx.env.sqlite, head.id)) throw new AppError('CONFLICT', `贷款 ${head.contractNo} 已有还款计划；变更请办理展期、重组或提前还款`)
    if (head.method === 'custom' && !input.customRows?.length) {
      throw new AppError('VALIDATION', '自定义还款计划须录入各期日期和本金', [{ path: 'customRows', message: '请录入还款计划' }])
    }
    const rows = domain(() =>
      initialRows({
        principal: head.principal, annualRate: head.annualRate, termMonths: head.termMonths, method: head.method as 'annuity',
        startDate: head.disbursementDate, dueDay: head.dueDay, ...(input.customRows ? { customRows: input.customRows } : {}),
      }),
    )
    const v = insertVersion(ctx.env.sqlite, {
      loanId: head.id, reason: 'initial', method: head.method, annualRate: head.annualRate, effectiveDate: head.disbursementDate,
      note: null, repaymentId: null, createdBy: who(ctx).userId, createdAt: ctx.nowIso(), rows,
    })
    ctx.audit({ entity: 'loan', entityId: head.id, summary: `生成还款计划 第 ${v.version} 版：合同 ${head.contractNo}（${head.borrowerName}），${rows.length} 期，本金 ${yuan(head.principal)}` })
    return planOf(ctx, head)
  },

  'servicing.getPlan': async (ctx, input) => planOf(ctx, loadLoan(ctx, input.loanId)),

  'servicing.asOf': async (ctx, input) => {
    const head = loadLoan(ctx, input.loanId)
    const lc = loadContext(ctx, head, input.asOf)
    const e = evaluate(ctx, lc, input.asOf)
    const closure = stmt(ctx.env.sqlite, 'select kind, closed_date from loan_closures where loan_id = ?').raw().get(head.id) as [string, string] | undefined
    const risk = await loanRiskFields(ctx, { loanId: head.id, asOf: input.asOf, rows: lc.rows, payments: lc.payments, startDate: head.disbursementDate, restructuredOn: lc.restructuredOn, dpd: e.dpd, minCategory: e.minCategory })
    return {
      ...totalsOf(e), loan: headView(head), planVersion: lc.version, installments: e.installments, restructuredOn: lc.restructuredOn,
      closure: closure ? { kind: closure[0], closedDate: closure[1] } : null, ...risk,
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
    const choice = { none: '', credit: '，余额挂账', prepay_shorten: '，提前还本缩短期限', prepay_lower: '，提前还本减少月供', settle: '，结清' }
    ctx.audit({
      entity: 'repayment', entityId: r.id,
      summary: `登记还款：合同 ${head.contractNo}（${head.borrowerName}）${input.paidDate} 还款 ${yuan(input.amount)}，收据 ${r.receiptNo}；冲销 ${describeLines(r.allocation)}${choice[input.overpayment && r.allocation.overpayment > 0 ? input.overpayment : 'none']}`,
    })
    return { repayment: findRepayment(ctx.env.sqlite, r.id)!, allocation: r.allocation }
  },

  'servicing.reverseRepayment': async (ctx, input) => {
    const sqlite = ctx.env.sqlite
    const rep = findRepayment(sqlite, input.repaymentId)
    if (!rep) throw new AppError('NOT_FOUND', `还款记录 #${input.repaymentId} 不存在`)
    const head = loadLoan(ctx, rep.loanId)
    if (rep.status !== 'posted') throw new AppError('CONFLICT', `收据 ${rep.receiptNo} 已于 ${rep.reversedAt?.slice(0, 10)} 冲正`)
    if (rep.kind === 'restructure') throw new AppError('CONFLICT', '重组转账不能冲正')
    checkPaymentDate(ctx, head, rep.paidDate, 'repaymentId')
    // A prepayment or settlement made a plan version from this payment: that version is voided with it.
    const v = stmt(sqlite, `select id, version, reason from loan_plan_versions where repayment_id = ? and status = 'active'`).raw().get(rep.id) as [number, number, string] | undefined
    if (v) {
      const later = stmt(sqlite, `select 1 from loan_plan_versions where loan_id = ? and version > ? and status = 'active'`).raw().get(head.id, v[1])
      if (later) throw new AppError('CONFLICT', `该笔还款生成的第 ${v[1]} 版计划之后已有新版本，不能冲正`)
      stmt(sqlite, `update loan_plan_versions set status = 'voided' where id = ?`).run(v[0])
      if (v[2] === 'settlement') {
        stmt(sqlite, 'delete from loan_closures where loan_id = ?').run(head.id)
        stmt(sqlite, `update loans set status = 'active', settled_date = null, updated_at = ? where id = ?`).run(ctx.nowIso(), head.id)
      }
    } else if (head.status === 'settled') {
      stmt(sqlite, 'delete from loan_closures where loan_id = ?').run(head.id)
      stmt(sqlite, `update loans set status = 'active', settled_date = null, updated_at = ? where id = ?`).run(ctx.nowIso(), head.id)
    }
    markReversed(sqlite, rep.id, input.reason, who(ctx).userId, ctx.nowIso())
    ctx.audit({
      entity: 'repayment', entityId: rep.id,
      summary: `还款冲正：合同 ${head.contractNo}（${head.borrowerName}）${rep.paidDate} 收据 ${rep.receiptNo} 金额 ${yuan(rep.amount)}；原因：${input.reason}${v ? `；作废第 ${v[1]} 版计划（${reasonLabel(v[2])}）` : ''}`,
    })
    return findRepayment(sqlite, rep.id)!
  },

  'servicing.listRepayments': async (ctx, input) => listRepayments(ctx.env.sqlite, loadLoan(ctx, input.loanId).id),

  'servicing.receipt': async (ctx, input) => {
    const rep = findRepayment(ctx.env.sqlite, input.repaymentId)
    if (!rep) throw new AppError('NOT_FOUND', `还款记录 #${input.repaymentId} 不存在`)
    const head = loadLoan(ctx, rep.loanId)
    const lc = loadContext(ctx, head, rep.paidDate)
    const e = evaluate(ctx, lc, rep.paidDate)
    const mine = e.allocations.find((a) => a.paymentId === rep.id)
    const due = new Map(lc.rows.map((r) => [r.seq, r.dueDate]))
    return {
      orgName: orgName(ctx), repayment: rep, loan: headView(head), amountWords: amountInWords(rep.amount),
      lines: (mine?.lines ?? []).map((l) => ({ ...l, dueDate: due.get(l.seq) ?? '' })), toCredit: mine?.toCredit ?? 0,
      outstandingAfter: e.outstandingPrincipal,
    }
  },
  ...closureHandlers,
  ...portfolioHandlers,
  ...bulkHandlers,
  ...importHandlers,
} satisfies Partial<Handlers>
