// Portfolio evaluation as of a date (read by warnings, classification, collections, reports),
// dated snapshots and the contact log (the due-soon list is in list.ts).
import type { EvaluationTotals, PortfolioView } from '../../../shared/api/servicing'
import { BUCKETS, CATEGORIES, DEFAULT_ALLOCATION_ORDER } from '../../../shared/domain'
import { type LoanEvaluation, evaluateLoan } from '../../../shared/servicing'
import type { Ctx, Handlers } from '../context'
import { insertContact, listContacts } from './contacts-repo'
import { insertSnapshot, insertSnapshotRows, listSnapshots, saveCheckpoints, setSnapshotTotals } from './snapshots-repo'
import { type ScanFilter, scanPortfolio } from './scan-repo'
import { allocationOrder, loadLoan, officerScope, totalsOf, who, yuan } from './core'

/** Evaluates every loan of the filter as of its date; `visit` sees each loan's evaluation (no rows kept). */
export function evaluateAll(ctx: Ctx, f: ScanFilter, visit: (loanId: number, e: LoanEvaluation) => void): void {
  const order = allocationOrder(ctx)
  const o = order === DEFAULT_ALLOCATION_ORDER ? {} : { order }
  scanPortfolio(ctx.db, f, (l) => {
    visit(
      l.id,
      evaluateLoan({
        rows: l.rows,
        payments: l.payments,
        annualRate: l.annualRate,
        markupPercent: l.markup,
        startDate: l.startDate,
        asOf: f.asOf,
        restructuredOn: l.restructuredOn,
        ...o,
      }),
    )
  })
}

/**
 * Stores replay checkpoints as of `asOf` (month-end): for each loan whose first installments are
 * settled in full with the rest untouched and no credit. Later scans replay only from there.
 */
export function refreshCheckpoints(ctx: Ctx, asOf: string): number {
  const order = allocationOrder(ctx)
  const found: [number, number, string, number][] = []
  scanPortfolio(ctx.db, { asOf, officerId: null }, (l) => {
    const e = evaluateLoan({
      rows: l.rows,
      payments: l.payments,
      annualRate: l.annualRate,
      markupPercent: l.markup,
      startDate: l.startDate,
      asOf,
      order,
      detail: true,
    })
    if (e.credit !== 0) return
    const st = e.installments
    let k = 0
    while (k < st.length && st[k]!.status === 'paid' && st[k]!.seq !== Number.MAX_SAFE_INTEGER) k++
    if (k === 0) return
    for (let j = k; j < st.length; j++) {
      const r = st[j]!
      if (r.paidPrincipal + r.paidInterest + r.paidPenalty + r.paidCompound > 0) return
    }
    found.push([l.id, l.versionId, asOf, st[k - 1]!.seq])
  })
  // Written after the scan (no writes while its cursors are open); only for the loan's latest version.
  saveCheckpoints(ctx.db, found)
  return found.length
}

function summarize(
  ctx: Ctx,
  asOf: string,
  top: number,
  officerId: number | null,
  keep?: (id: number, e: LoanEvaluation) => void,
): PortfolioView {
  const t0 = performance.now()
  const byBucket = new Map(BUCKETS.map((b) => [b, { bucket: b, loans: 0, outstandingPrincipal: 0 }]))
  const byCat = new Map(CATEGORIES.map((c) => [c, { category: c, loans: 0 }]))
  const v = {
    loans: 0,
    outstandingPrincipal: 0,
    overduePrincipal: 0,
    overdueInterest: 0,
    penaltyInterest: 0,
    compoundInterest: 0,
  }
  let worst: (EvaluationTotals & { loanId: number })[] = []
  evaluateAll(ctx, { asOf, officerId }, (id, e) => {
    v.loans++
    v.outstandingPrincipal += e.outstandingPrincipal
    v.overduePrincipal += e.overduePrincipal
    v.overdueInterest += e.overdueInterest
    v.penaltyInterest += e.penaltyInterest
    v.compoundInterest += e.compoundInterest
    const b = byBucket.get(e.bucket)!
    b.loans++
    b.outstandingPrincipal += e.outstandingPrincipal
    byCat.get(e.minCategory)!.loans++
    if (top > 0 && e.dpd > 0 && (worst.length < top || e.dpd > worst[worst.length - 1]!.dpd)) {
      worst.push({ ...totalsOf(e), loanId: id })
      worst.sort((a, b) => b.dpd - a.dpd || a.loanId - b.loanId)
      if (worst.length > top) worst = worst.slice(0, top)
    }
    keep?.(id, e)
  })
  return {
    asOf,
    ...v,
    ms: performance.now() - t0,
    buckets: [...byBucket.values()],
    categories: [...byCat.values()],
    worst,
  }
}

export const portfolioHandlers = {
  'servicing.evaluatePortfolio': async (ctx, input) => summarize(ctx, input.asOf, input.top, officerScope(ctx)),

  'servicing.snapshot': async (ctx, input) => {
    const id = insertSnapshot(ctx.db, input.asOf, who(ctx).userId, ctx.nowIso())
    // Rows are written after the scan: no writes while its cursors are open.
    const rows: (number | string)[][] = []
    const s = summarize(ctx, input.asOf, 0, null, (loanId, e) =>
      rows.push([
        id,
        loanId,
        e.dpd,
        e.bucket,
        e.minCategory,
        e.outstandingPrincipal,
        e.overduePrincipal,
        e.overdueInterest,
        e.penaltyInterest,
        e.compoundInterest,
        e.payoff,
      ]),
    )
    insertSnapshotRows(ctx.db, rows)
    refreshCheckpoints(ctx, input.asOf)
    setSnapshotTotals(ctx.db, id, s)
    ctx.audit({
      entity: 'portfolio_snapshot',
      entityId: id,
      summary: `保存组合快照：截至 ${input.asOf}，${s.loans} 笔贷款，本金余额 ${yuan(s.outstandingPrincipal)}，逾期本金 ${yuan(s.overduePrincipal)}`,
    })
    return {
      id,
      asOf: input.asOf,
      loans: s.loans,
      outstandingPrincipal: s.outstandingPrincipal,
      overduePrincipal: s.overduePrincipal,
      createdAt: ctx.nowIso(),
    }
  },

  'servicing.listSnapshots': async (ctx) => listSnapshots(ctx.db),

  'servicing.logContact': async (ctx, input) => {
    const head = loadLoan(ctx, input.loanId)
    const id = insertContact(ctx.db, {
      loanId: head.id,
      dueDate: input.dueDate ?? null,
      contactDate: input.contactDate,
      channel: input.channel,
      outcome: input.outcome,
      note: input.note ?? null,
      createdBy: who(ctx).userId,
      createdAt: ctx.nowIso(),
    })
    const labels = { phone: '电话', sms: '短信', visit: '上门', other: '其他' }
    ctx.audit({
      entity: 'loan',
      entityId: head.id,
      summary: `联系记录：合同 ${head.contractNo}（${head.borrowerName}）${input.contactDate} ${labels[input.channel]}，${input.outcome}`,
    })
    return listContacts(ctx.db, head.id).find((c) => c.id === id)!
  },

  'servicing.listContacts': async (ctx, input) => listContacts(ctx.db, loadLoan(ctx, input.loanId).id),
} satisfies Partial<Handlers>
