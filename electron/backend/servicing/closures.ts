// 结清 settlement, 核销 write-off with later recoveries, 展期 extension within policy, 重组 restructure.
import { AppError, hasPermission } from '../../../shared/api'
import type { SettlementView } from '../../../shared/api/servicing'
import { amountInWords } from '../../../shared/domain'
import { monthsBetween, rescheduleRows, splitAt } from '../../../shared/servicing'
import type { Ctx, Handlers } from '../context'
import { type LoanHead, insertVersion, latestVersion } from './servicing-repo'
import { countExtensions, findClosure, insertClosure, updateMaturity } from './closures-repo'
import { findRepayment } from './repayments-repo'
import {
  domain,
  evaluate,
  headView,
  loadContext,
  loadLoan,
  mustDate,
  numberSetting,
  orgName,
  totalsOf,
  who,
  yuan,
} from './core'
import { checkPaymentDate, postPayment } from './post'
import { planOf } from './plan'

const STATUS_LABELS: Record<string, string> = { settled: '已结清', written_off: '已核销', cancelled: '已撤销' }

function mustBeActive(h: LoanHead): void {
  if (h.status !== 'active')
    throw new AppError('CONFLICT', `贷款 ${h.contractNo} ${STATUS_LABELS[h.status] ?? '不在正常状态'}，不能办理此业务`)
}

/** 结清证明 data of a settled loan. */
function certificate(ctx: Ctx, h: LoanHead): SettlementView {
  const c = findClosure(ctx.db, h.id)
  if (!c || c.kind !== 'settled') throw new AppError('NOT_FOUND', `贷款 ${h.contractNo} 尚未结清`)
  const lc = loadContext(ctx, h, c.closedDate)
  const e = evaluate(ctx, lc, c.closedDate)
  const sum = (k: 'paidPrincipal' | 'paidInterest' | 'paidPenalty' | 'paidCompound') =>
    e.installments.reduce((s, r) => s + r[k], 0)
  const paidPenalty = sum('paidPenalty') + sum('paidCompound')
  return {
    orgName: orgName(ctx),
    loan: headView(h),
    certificateNo: c.certificateNo ?? '',
    settledDate: c.closedDate,
    paidPrincipal: sum('paidPrincipal'),
    paidInterest: sum('paidInterest'),
    paidPenalty,
    paidTotal: sum('paidPrincipal') + sum('paidInterest') + paidPenalty,
    principalWords: amountInWords(h.principal),
    issuedAt: c.createdAt,
    printedOn: ctx.today(),
  }
}

/** Most months a loan may be extended (展期): the policy setting, and by term (短期 ≤ 原期限, 中期 ≤ 一半, 长期 ≤ 3 年). */
function extensionLimit(ctx: Ctx, termMonths: number): number {
  const byTerm = termMonths <= 12 ? termMonths : termMonths <= 60 ? Math.floor(termMonths / 2) : 36
  return Math.min(numberSetting(ctx, 'servicing.maxExtensionMonths', 12), byTerm)
}

export const closureHandlers = {
  'servicing.settle': async (ctx, input) => {
    const h = loadLoan(ctx, input.loanId)
    mustBeActive(h)
    checkPaymentDate(ctx, h, input.date, 'date')
    const before = evaluate(ctx, loadContext(ctx, h, input.date), input.date)
    if (before.payoff === 0) throw new AppError('CONFLICT', '该贷款没有应还金额')
    if (input.amount !== undefined && input.amount !== before.payoff) {
      const msg = `结清应还 ${yuan(before.payoff)}，与确认的金额 ${yuan(input.amount)} 不符，请重新核对`
      throw new AppError('CONFLICT', msg, [{ path: 'amount', message: msg }])
    }
    const r = postPayment(ctx, h, {
      paidDate: input.date,
      amount: before.payoff,
      channel: input.channel,
      receiptNo: input.receiptNo,
      overpayment: 'settle',
      note: '结清',
    })
    const settled = loadLoan(ctx, h.id)
    const cert = certificate(ctx, settled)
    ctx.audit({
      entity: 'loan',
      entityId: h.id,
      summary: `贷款结清：合同 ${h.contractNo}（${h.borrowerName}）${input.date} 结清金额 ${yuan(before.payoff)}，收据 ${r.receiptNo}，结清证明 ${cert.certificateNo}`,
    })
    return cert
  },

  'servicing.settlementCertificate': async (ctx, input) => certificate(ctx, loadLoan(ctx, input.loanId)),

  'servicing.writeOff': async (ctx, input) => {
    const h = loadLoan(ctx, input.loanId)
    mustBeActive(h)
    mustDate(input.date <= ctx.today(), 'date', '核销日期不能晚于今天')
    const lc = loadContext(ctx, h, input.date)
    const e = evaluate(ctx, lc, input.date)
    insertClosure(ctx.db, {
      loanId: h.id,
      kind: 'written_off',
      closedDate: input.date,
      certificateNo: null,
      principal: e.outstandingPrincipal,
      interest: e.overdueInterest + e.accruedInterest,
      penalty: e.penaltyInterest + e.compoundInterest,
      reason: input.reason,
      approvedBy: who(ctx).userId,
      createdBy: who(ctx).userId,
      createdAt: ctx.nowIso(),
    })
    ctx.audit({
      entity: 'loan',
      entityId: h.id,
      summary: `贷款核销（表外登记）：合同 ${h.contractNo}（${h.borrowerName}）${input.date} 核销本金 ${yuan(e.outstandingPrincipal)}，表外利息及罚息 ${yuan(e.overdueInterest + e.penaltyInterest + e.compoundInterest)}；审批人 ${who(ctx).displayName}；原因：${input.reason}`,
    })
    const after = loadLoan(ctx, h.id)
    return {
      ...totalsOf(e),
      loan: headView(after),
      planVersion: lc.version,
      installments: e.installments,
      restructuredOn: lc.restructuredOn,
      closure: { kind: 'written_off', closedDate: input.date },
    }
  },

  'servicing.recordRecovery': async (ctx, input) => {
    const h = loadLoan(ctx, input.loanId)
    if (h.status !== 'written_off')
      throw new AppError('CONFLICT', `贷款 ${h.contractNo} 未核销；正常还款请用“登记还款”`)
    checkPaymentDate(ctx, h, input.paidDate)
    const r = postPayment(ctx, h, {
      paidDate: input.paidDate,
      amount: input.amount,
      channel: input.channel,
      note: input.note,
      kind: 'recovery',
      overpayment: 'credit',
    })
    ctx.audit({
      entity: 'repayment',
      entityId: r.id,
      summary: `核销后收回：合同 ${h.contractNo}（${h.borrowerName}）${input.paidDate} 收回 ${yuan(input.amount)}，收据 ${r.receiptNo}`,
    })
    return findRepayment(ctx.db, r.id)!
  },

  'servicing.extend': async (ctx, input) => {
    const h = loadLoan(ctx, input.loanId)
    mustBeActive(h)
    checkPaymentDate(ctx, h, input.date, 'date')
    if (h.method === 'custom') throw new AppError('VALIDATION', '自定义还款计划的贷款请通过重组重新安排计划')
    const done = countExtensions(ctx.db, h.id)
    const limit = extensionLimit(ctx, h.termMonths)
    const maxCount = numberSetting(ctx, 'servicing.maxExtensions', 1)
    const approver = hasPermission(who(ctx).role, 'loans.approve')
    if ((input.extensionMonths > limit || done >= maxCount) && !approver) {
      throw new AppError(
        'FORBIDDEN',
        `超出展期政策（最多展期 ${maxCount} 次、${limit} 个月），须由有审批权限的主管办理`,
      )
    }
    const lc = loadContext(ctx, h, input.date)
    const { later, lastDue } = splitAt(lc.rows, input.date, h.disbursementDate)
    const future = later.reduce((s, r) => s + r.principal, 0)
    if (future === 0) throw new AppError('CONFLICT', '没有未到期的本金，不能展期')
    const oldMaturity = later[later.length - 1]!.dueDate
    const termMonths = monthsBetween(lastDue, oldMaturity) + input.extensionMonths
    const rows = domain(() =>
      rescheduleRows({
        rows: lc.rows,
        date: input.date,
        startDate: h.disbursementDate,
        principal: future,
        annualRate: lc.annualRate,
        method: h.method as 'annuity',
        termMonths,
        dueDay: h.dueDay,
      }),
    )
    const v = insertVersion(ctx.db, {
      loanId: h.id,
      reason: 'extension',
      method: h.method,
      annualRate: lc.annualRate,
      effectiveDate: input.date,
      note: input.reason,
      repaymentId: null,
      createdBy: who(ctx).userId,
      createdAt: ctx.nowIso(),
      rows,
    })
    const maturity = rows[rows.length - 1]!.dueDate
    updateMaturity(ctx.db, h.id, maturity, ctx.nowIso())
    ctx.audit({
      entity: 'loan',
      entityId: h.id,
      summary: `贷款展期：合同 ${h.contractNo}（${h.borrowerName}）展期 ${input.extensionMonths} 个月，到期日 ${oldMaturity} → ${maturity}，生成第 ${v.version} 版计划；原因：${input.reason}`,
    })
    return planOf(ctx, loadLoan(ctx, h.id))
  },

  'servicing.restructure': async (ctx, input) => {
    const h = loadLoan(ctx, input.loanId)
    mustBeActive(h)
    checkPaymentDate(ctx, h, input.date, 'date')
    const latest = latestVersion(ctx.db, h.id)!
    mustDate(input.date >= latest.effectiveDate, 'date', `重组日期不能早于现行计划生效日 ${latest.effectiveDate}`)
    const lc = loadContext(ctx, h, input.date)
    const e = evaluate(ctx, lc, input.date)
    const { later } = splitAt(lc.rows, input.date, h.disbursementDate)
    const future = later.reduce((s, r) => s + r.principal, 0)
    // Arrears (overdue principal, interest, 罚息, 复利) are settled by a non-cash transfer and rolled into the new principal.
    const arrears =
      e.overduePrincipal + e.overdueInterest + e.dueToday + e.penaltyInterest + e.compoundInterest - e.credit
    if (arrears > 0)
      postPayment(ctx, h, {
        paidDate: input.date,
        amount: arrears,
        channel: 'other',
        kind: 'restructure',
        note: '重组：欠款转入新计划',
        overpayment: 'credit',
      })
    const principal = future + Math.max(0, arrears)
    const rows = domain(() =>
      rescheduleRows({
        rows: lc.rows,
        date: input.date,
        startDate: h.disbursementDate,
        principal,
        annualRate: input.annualRate,
        method: input.method,
        termMonths: input.termMonths,
        dueDay: h.dueDay,
      }),
    )
    const v = insertVersion(ctx.db, {
      loanId: h.id,
      reason: 'restructure',
      method: input.method,
      annualRate: input.annualRate,
      effectiveDate: input.date,
      note: input.reason,
      repaymentId: null,
      createdBy: who(ctx).userId,
      createdAt: ctx.nowIso(),
      rows,
    })
    updateMaturity(ctx.db, h.id, rows[rows.length - 1]!.dueDate, ctx.nowIso())
    ctx.audit({
      entity: 'loan',
      entityId: h.id,
      summary: `贷款重组：合同 ${h.contractNo}（${h.borrowerName}）${input.date} 起按新计划（第 ${v.version} 版，${input.termMonths} 个月，年利率 ${input.annualRate}%），欠款 ${yuan(Math.max(0, arrears))} 转入本金；审批人 ${who(ctx).displayName}；原因：${input.reason}`,
    })
    return planOf(ctx, loadLoan(ctx, h.id))
  },
} satisfies Partial<Handlers>
