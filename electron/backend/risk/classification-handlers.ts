// 五级分类 workflow (DOMAIN §6): propose (officer/manager) → decide (another manager; an officer
// never approves); a category below the DPD / restructured floor is refused with the reason, and
// a restructured loan is not upgraded during its one-year observation period.
import { AppError, hasPermission } from '../../../shared/api'
import {
  type Category,
  NON_PERFORMING,
  RESTRUCTURE_OBSERVATION_MONTHS,
  addMonths,
  categoryFloorForDpd,
  categoryRank,
} from '../../../shared/domain'
import type { Ctx, Handlers } from '../context'
import { caller, scopeOfficer } from '../scope'
import { refreshLoanDue } from '../inspections/schedule'
import { evaluate, loadContext, loadLoan } from '../servicing/core'
import { findLoanHead } from '../servicing/servicing-repo'
import {
  type Proposal,
  categoriesInForce,
  decideProposal,
  findProposal,
  insertProposal,
  loanProposals,
  pendingProposals,
  storedLoanStates,
} from './classification-repo'
import { CATEGORY_LABELS as L } from './labels'
import { loanRiskFields } from './loan-risk'
import { snapshotCategories } from './risk-repo'

/** Today's state of a loan: DPD, floor, suggestion, category in force, restructuring date. */
async function today(ctx: Ctx, loanId: number, o: { scoped: boolean } = { scoped: true }) {
  const head = o.scoped ? loadLoan(ctx, loanId) : findLoanHead(ctx.db, loanId)
  if (!head) throw new AppError('NOT_FOUND', `贷款 #${loanId} 不存在`)
  const asOf = ctx.today()
  const lc = loadContext(ctx, head, asOf)
  const e = evaluate(ctx, lc, asOf)
  const r = await loanRiskFields(ctx, {
    loanId,
    asOf,
    rows: lc.rows,
    payments: lc.payments,
    startDate: head.disbursementDate,
    restructuredOn: lc.restructuredOn,
    dpd: e.dpd,
    minCategory: e.minCategory,
  })
  return {
    head,
    asOf,
    dpd: e.dpd,
    floor: e.minCategory,
    suggested: r.suggestedCategory,
    category: r.category,
    restructuredOn: lc.restructuredOn,
  }
}

/** Refuses a category the rules do not allow, naming the reason. */
function checkAllowed(s: Awaited<ReturnType<typeof today>>, category: Category): void {
  if (categoryRank(category) < categoryRank(s.floor)) {
    const dpdFloor = categoryFloorForDpd(s.dpd)
    const why =
      categoryRank(dpdFloor) >= categoryRank(s.floor)
        ? `逾期 ${s.dpd} 天，按逾期天数至少为“${L[s.floor]}”`
        : `重组贷款在观察期内至少为“${L[s.floor]}”`
    throw new AppError('VALIDATION', `不能分为“${L[category]}”：${why}`, [{ path: 'category', message: why }])
  }
  if (s.restructuredOn && categoryRank(category) < categoryRank(s.category)) {
    const end = addMonths(s.restructuredOn, RESTRUCTURE_OBSERVATION_MONTHS)
    if (s.asOf < end) {
      const why = `重组贷款观察期（${s.restructuredOn} 至 ${end}）内不得上调分类`
      throw new AppError('VALIDATION', `不能上调为“${L[category]}”：${why}`, [{ path: 'category', message: why }])
    }
  }
}

/**
 * Hook for other workflows (a signed 贷后检查's proposed category, issue 11): files a proposal by
 * `proposerId` under the rules of `classification.propose` — not the category in force, not below
 * the floor, not while another proposal is pending — and audits it; or says why none was filed.
 * The caller has checked the loan is visible to it; a manager decides as usual.
 */
export async function proposeFromWorkflow(
  ctx: Ctx,
  p: { loanId: number; category: Category; reason: string; proposerId: number },
): Promise<{ id: number } | { skipped: string }> {
  const s = await today(ctx, p.loanId, { scoped: false })
  if (p.category === s.category) return { skipped: `现行分类已是“${L[s.category]}”` }
  try {
    checkAllowed(s, p.category)
  } catch (e) {
    if (e instanceof AppError) return { skipped: e.message }
    throw e
  }
  if ((await loanProposals(ctx.db, s.head.id)).some((x) => x.status === 'pending'))
    return { skipped: '该笔贷款已有待审批的分类调整' }
  const reason = p.reason.length > 500 ? `${p.reason.slice(0, 499)}…` : p.reason
  const id = await insertProposal(ctx.db, {
    loanId: s.head.id,
    from: s.category,
    category: p.category,
    suggested: s.suggested,
    floor: s.floor,
    reason,
    by: p.proposerId,
    now: ctx.nowIso(),
  })
  ctx.audit({
    entity: 'loan',
    entityId: s.head.id,
    summary: `提出五级分类调整：合同 ${s.head.contractNo}（${s.head.borrowerName}）${L[s.category]} → ${L[p.category]}（系统建议 ${L[s.suggested]}）；理由：${reason}`,
  })
  return { id }
}

function view({ proposedById: _p, officerId: _o, ...rest }: Proposal & { officerId: number }) {
  return rest
}

export const classificationHandlers = {
  'classification.propose': async (ctx, input) => {
    const s = await today(ctx, input.loanId)
    if (input.category === s.category)
      throw new AppError('VALIDATION', `现行分类已是“${L[s.category]}”`, [
        { path: 'category', message: '与现行分类相同' },
      ])
    checkAllowed(s, input.category)
    if ((await loanProposals(ctx.db, s.head.id)).some((p) => p.status === 'pending'))
      throw new AppError('CONFLICT', '该笔贷款已有待审批的分类调整')
    const id = await insertProposal(ctx.db, {
      loanId: s.head.id,
      from: s.category,
      category: input.category,
      suggested: s.suggested,
      floor: s.floor,
      reason: input.reason,
      by: caller(ctx).userId,
      now: ctx.nowIso(),
    })
    ctx.audit({
      entity: 'loan',
      entityId: s.head.id,
      summary: `提出五级分类调整：合同 ${s.head.contractNo}（${s.head.borrowerName}）${L[s.category]} → ${L[input.category]}（系统建议 ${L[s.suggested]}）；理由：${input.reason}`,
    })
    return { id }
  },

  'classification.decide': async (ctx, input) => {
    const me = caller(ctx)
    const p = await findProposal(ctx.db, input.proposalId)
    if (!p) throw new AppError('NOT_FOUND', `分类调整 #${input.proposalId} 不存在`)
    if (p.status !== 'pending') throw new AppError('CONFLICT', '该分类调整已审批')
    if (p.proposedById === me.userId)
      throw new AppError('FORBIDDEN', '提议人不能审批自己的分类调整（须由另一位主管审批）')
    if (!hasPermission(me.role, 'loans.approve')) throw new AppError('FORBIDDEN', '信贷员不能审批分类调整')
    const s = await today(ctx, p.loanId)
    if (input.approve) checkAllowed(s, p.category)
    await decideProposal(ctx.db, {
      id: p.id,
      loanId: p.loanId,
      approve: input.approve,
      category: p.category,
      comment: input.comment,
      by: me.userId,
      on: s.asOf,
      now: ctx.nowIso(),
    })
    // Inspection frequency follows the category (DOMAIN §8: 关注 monthly/quarterly, NPL monthly).
    if (input.approve) await refreshLoanDue(ctx.db, [p.loanId], ctx.nowIso())
    ctx.audit({
      entity: 'loan',
      entityId: p.loanId,
      summary: `${input.approve ? '批准' : '驳回'}五级分类调整：合同 ${p.contractNo}（${p.borrowerName}）${L[p.fromCategory]} → ${L[p.category]}${input.comment ? `；意见：${input.comment}` : ''}`,
    })
    return view((await findProposal(ctx.db, p.id))!)
  },

  'classification.history': async (ctx, input) => {
    const s = await today(ctx, input.loanId)
    return {
      loanId: s.head.id,
      contractNo: s.head.contractNo,
      borrowerName: s.head.borrowerName,
      asOf: s.asOf,
      dpd: s.dpd,
      category: s.category,
      suggested: s.suggested,
      floor: s.floor,
      items: (await loanProposals(ctx.db, s.head.id)).map(view),
    }
  },

  'classification.pending': async (ctx) => (await pendingProposals(ctx.db, scopeOfficer(ctx))).map(view),

  'classification.npl': async (ctx) => {
    const rows = await storedLoanStates(ctx.db, scopeOfficer(ctx))
    if (rows.length === 0) return []
    const cats = await categoriesInForce(
      ctx.db,
      rows[0]!.as_of,
      rows.map((r) => r.loan_id),
    )
    return rows
      .filter((r) => NON_PERFORMING.includes(cats.get(r.loan_id)!))
      .map((r) => ({
        loanId: r.loan_id,
        contractNo: r.contract_no,
        borrowerName: r.name,
        officerName: r.display_name ?? null,
        category: cats.get(r.loan_id)!,
        dpd: r.dpd,
        outstandingPrincipal: r.outstanding_principal,
      }))
  },

  'classification.matrix': async (ctx, input) => {
    const a = await snapshotCategories(ctx.db, input.from),
      b = await snapshotCategories(ctx.db, input.to)
    if (!a || !b) throw new AppError('NOT_FOUND', `${!a ? input.from : input.to} 没有月末快照`)
    const cells = new Map<
      string,
      { from: Category; to: Category | 'closed'; loans: number; outstandingPrincipal: number }
    >()
    for (const [loanId, x] of a) {
      const to = (b.get(loanId)?.category ?? 'closed') as Category | 'closed'
      const key = `${x.category}>${to}`
      const c = cells.get(key) ?? { from: x.category as Category, to, loans: 0, outstandingPrincipal: 0 }
      c.loans++
      c.outstandingPrincipal += x.outstandingPrincipal
      cells.set(key, c)
    }
    return { from: input.from, to: input.to, cells: [...cells.values()] }
  },
} satisfies Partial<Handlers>
