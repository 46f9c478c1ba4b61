// 冲正 reversal of a posted repayment. A manager (repayments.reverse) reverses any receipt; an
// officer reverses a receipt issued today directly, while a receipt issued before today becomes
// a request that someone else with repayments.reverse approves or rejects (four eyes).
import { AppError, hasPermission } from '../../../shared/api'
import type { RepaymentView } from '../../../shared/api/servicing'
import { localDate } from '../../../shared/domain'
import type { Ctx, Handlers } from '../context'
import type { LoanHead } from './servicing-repo'
import { findRepayment, markReversed } from './repayments-repo'
import { refreshLoanState } from './state-repo'
import { hasLaterVersion, reopenLoan, versionOfRepayment, voidVersion } from './closures-repo'
import {
  decideReversalRequest,
  findReversalRequest,
  insertReversalRequest,
  listReversalRequests,
  requestProposer,
} from './reversals-repo'
import { loadLoan, officerScope, who, yuan } from './core'
import { checkPaymentDate } from './post'
import { reasonLabel } from './plan'

/** A posted, reversible repayment of a loan in the caller's scope. */
function reversible(ctx: Ctx, repaymentId: number): { rep: RepaymentView; head: LoanHead } {
  const rep = findRepayment(ctx.db, repaymentId)
  if (!rep) throw new AppError('NOT_FOUND', `还款记录 #${repaymentId} 不存在`)
  const head = loadLoan(ctx, rep.loanId)
  if (rep.status !== 'posted')
    throw new AppError('CONFLICT', `收据 ${rep.receiptNo} 已于 ${rep.reversedAt?.slice(0, 10)} 冲正`)
  if (rep.kind === 'restructure') throw new AppError('CONFLICT', '重组转账不能冲正')
  checkPaymentDate(ctx, head, rep.paidDate, 'repaymentId')
  return { rep, head }
}

/** Reverses now: voids the plan version the payment created and reopens a settled loan. Returns the audit tail. */
function reverseNow(ctx: Ctx, rep: RepaymentView, head: LoanHead, reason: string): string {
  const v = versionOfRepayment(ctx.db, rep.id)
  if (v) {
    if (hasLaterVersion(ctx.db, head.id, v.version))
      throw new AppError('CONFLICT', `该笔还款生成的第 ${v.version} 版计划之后已有新版本，不能冲正`)
    voidVersion(ctx.db, v.id, head.id)
    if (v.reason === 'settlement') reopenLoan(ctx.db, head.id, ctx.nowIso())
  } else if (head.status === 'settled') {
    reopenLoan(ctx.db, head.id, ctx.nowIso())
  }
  markReversed(ctx.db, rep.id, reason, who(ctx).userId, ctx.nowIso())
  refreshLoanState(ctx.db, head.id, ctx.today())
  return v ? `；作废第 ${v.version} 版计划（${reasonLabel(v.reason)}）` : ''
}

const describe = (head: LoanHead, rep: RepaymentView) =>
  `合同 ${head.contractNo}（${head.borrowerName}）${rep.paidDate} 收据 ${rep.receiptNo} 金额 ${yuan(rep.amount)}`

export const reversalHandlers = {
  'servicing.reverseRepayment': async (ctx, input) => {
    const { rep, head } = reversible(ctx, input.repaymentId)
    const issuedToday = localDate(new Date(rep.createdAt)) >= ctx.today()
    if (!hasPermission(who(ctx).role, 'repayments.reverse') && !issuedToday) {
      if (rep.pendingReversal) throw new AppError('CONFLICT', `收据 ${rep.receiptNo} 已有待审批的冲正申请`)
      const id = await insertReversalRequest(ctx.db, {
        repaymentId: rep.id,
        reason: input.reason,
        requestedBy: who(ctx).userId,
        requestedAt: ctx.nowIso(),
      })
      ctx.audit({
        entity: 'reversal_request',
        entityId: id,
        summary: `提交冲正申请（待主管审批）：${describe(head, rep)}；原因：${input.reason}`,
      })
      return findRepayment(ctx.db, rep.id)!
    }
    // A manager reversing a receipt with a pending request settles that request too.
    const pending = rep.pendingReversal
    if (pending)
      await decideReversalRequest(ctx.db, pending.requestId, {
        approved: true,
        decidedBy: who(ctx).userId,
        decidedAt: ctx.nowIso(),
        note: input.reason,
      })
    const tail = reverseNow(ctx, rep, head, input.reason)
    ctx.audit({
      entity: 'repayment',
      entityId: rep.id,
      summary: `还款冲正：${describe(head, rep)}；原因：${input.reason}${tail}`,
    })
    return findRepayment(ctx.db, rep.id)!
  },

  'servicing.decideReversal': async (ctx, input) => {
    const req = await findReversalRequest(ctx.db, input.requestId)
    if (!req) throw new AppError('NOT_FOUND', `冲正申请 #${input.requestId} 不存在`)
    loadLoan(ctx, req.loanId)
    if (req.status !== 'pending') throw new AppError('CONFLICT', `冲正申请（收据 ${req.receiptNo}）已处理`)
    if ((await requestProposer(ctx.db, req.id)) === who(ctx).userId)
      throw new AppError('FORBIDDEN', '不能审批自己提交的冲正申请，须由另一位主管审批')
    const note = input.note?.trim() || null
    if (!input.approve) {
      await decideReversalRequest(ctx.db, req.id, {
        approved: false,
        decidedBy: who(ctx).userId,
        decidedAt: ctx.nowIso(),
        note,
      })
      ctx.audit({
        entity: 'reversal_request',
        entityId: req.id,
        summary: `驳回冲正申请：合同 ${req.contractNo}（${req.borrowerName}）收据 ${req.receiptNo} 金额 ${yuan(req.amount)}；申请人 ${req.requestedBy ?? ''}${note ? `；意见：${note}` : ''}`,
      })
      return (await findReversalRequest(ctx.db, req.id))!
    }
    const { rep, head } = reversible(ctx, req.repaymentId)
    await decideReversalRequest(ctx.db, req.id, {
      approved: true,
      decidedBy: who(ctx).userId,
      decidedAt: ctx.nowIso(),
      note,
    })
    const tail = reverseNow(ctx, rep, head, req.reason)
    ctx.audit({
      entity: 'repayment',
      entityId: rep.id,
      summary: `还款冲正（审批通过）：${describe(head, rep)}；原因：${req.reason}；申请人 ${req.requestedBy ?? ''}，审批人 ${who(ctx).displayName}${tail}`,
    })
    return (await findReversalRequest(ctx.db, req.id))!
  },

  'servicing.listReversalRequests': async (ctx, input) => listReversalRequests(ctx.db, input.status, officerScope(ctx)),
} satisfies Partial<Handlers>
