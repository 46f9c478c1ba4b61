// Field work: the printable route sheet (borrowers to visit with amounts due), quick entry of
// its results as drafts, and the guarantor check's view of the guarantor's own loans.
import { AppError, type RouteSheetRow } from '../../../shared/api'
import { maskPhone } from '../../../shared/archives'
import { addDays } from '../../../shared/domain'
import type { Ctx, Handlers } from '../context'
import { visibleLoan } from '../loans/handlers'
import { evaluate, loadContext, loadLoan } from '../servicing/core'
import { caller, scopeOfficer, seesAll, seesPii } from '../scope'
import { insertRecord } from './inspections-repo'
import { catchUp } from './schedule'
import { guarantorAndLoans, routeSheetLoans, villagesOf } from './field-repo'

/** Arrears and DPD of a loan the caller may see, or null (no plan, or not in the caller's portfolio). */
function arrears(
  ctx: Ctx,
  loanId: number,
  asOf: string,
): { amountDue: number; outstanding: number; dpd: number } | null {
  try {
    const head = loadLoan(ctx, loanId)
    const lc = loadContext(ctx, head, asOf)
    if (lc.versionId === null) return { amountDue: 0, outstanding: head.principal, dpd: 0 } // no plan yet: nothing falls due
    const e = evaluate(ctx, lc, asOf)
    return {
      amountDue: e.overduePrincipal + e.overdueInterest + e.penaltyInterest + e.compoundInterest + e.dueToday,
      outstanding: e.outstandingPrincipal,
      dpd: e.dpd,
    }
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') return null
    throw err
  }
}

export const fieldHandlers = {
  'inspections.routeSheet': async (ctx, input) => {
    await catchUp(ctx.db, ctx.nowIso())
    const scope = scopeOfficer(ctx)
    const officerId = scope ?? input.officerId ?? null
    const loans = await routeSheetLoans(ctx.db, {
      officerId,
      village: input.village ?? null,
      to: addDays(input.asOf, input.days),
      limit: input.limit,
    })
    const pii = seesPii(ctx)
    const rows: RouteSheetRow[] = loans.map((l) => {
      const a = arrears(ctx, l.loanId, input.asOf)
      return {
        ...l,
        phone: l.phone && (pii ? l.phone : maskPhone(l.phone)),
        outstanding: a?.outstanding ?? l.principal,
        amountDue: a?.amountDue ?? 0,
        dpd: a?.dpd ?? 0,
      }
    })
    return { rows, villages: await villagesOf(ctx.db, officerId) }
  },

  'inspections.quickEntry': async (ctx, input) => {
    const me = caller(ctx).userId
    const created: number[] = []
    for (const r of input.results) {
      const loan = await visibleLoan(ctx, r.loanId)
      if (r.inspectedOn > ctx.today())
        throw new AppError('VALIDATION', `合同 ${loan.contract_no}：检查日期不能晚于今天`, [
          { path: 'inspectedOn', message: '检查日期不能晚于今天' },
        ])
      const id = await insertRecord(ctx.db, {
        loan_id: loan.id,
        type: 'routine',
        inspected_on: r.inspectedOn,
        method: r.method,
        fund_use: null,
        fund_used_amount: null,
        fund_evidence: null,
        business_status: null,
        income_status: null,
        repayment_source: null,
        guarantor_id: null,
        guarantor_status: null,
        collateral_id: null,
        collateral_status: null,
        revalued_amount: null,
        conclusion: r.conclusion,
        proposed_category: null,
        next_date: null,
        signals: JSON.stringify(r.signals),
        officer_id: me,
        corrects_id: null,
        at: ctx.nowIso(),
      })
      created.push(id)
    }
    ctx.audit({
      entity: 'inspection',
      entityId: created[0] ?? null,
      summary: `路线单结果快速录入：新建 ${created.length} 份定期检查草稿，待签字提交`,
    })
    return { created }
  },

  'inspections.guarantorLoans': async (ctx, input) => {
    const found = await guarantorAndLoans(ctx.db, input.guarantorId)
    if (!found) throw new AppError('NOT_FOUND', `保证人 #${input.guarantorId} 不存在`)
    await visibleLoan(ctx, found.guaranteedLoanId)
    // A guarantor's other loans may sit in another officer's portfolio: status and category are
    // shown to the checking officer, the DPD only where the caller may see the loan.
    const all = seesAll(ctx)
    return {
      guarantorName: found.name,
      loans: found.loans
        .map((l) => ({
          ...l,
          dpd: all || l.officerId === caller(ctx).userId ? (arrears(ctx, l.loanId, input.asOf)?.dpd ?? null) : null,
        }))
        .map(({ officerId: _o, ...rest }) => rest),
    }
  },
} satisfies Partial<Handlers>
