// Collection sheet (批量收款): many loans' payments validated row by row and committed together —
// all or nothing. A dry run returns the same per-row results without writing.
import { randomUUID } from 'node:crypto'
import { AppError } from '../../../shared/api'
import type { BulkResultView } from '../../../shared/api/servicing'
import type { Ctx, Handlers } from '../context'
import { findLoanHeadByIou } from './servicing-repo'
import { receiptExists } from './repayments-repo'
import { loadContext, officerScope, yuan } from './core'
import { checkPaymentDate, type PreparedPayment, postPayment, previewAllocation } from './post'

type Row = { iouNo: string; paidDate: string; amount: number; channel: string; receiptNo?: string | undefined }

/**
 * Validates every row; the overpayment is reported (a sheet cannot choose prepayment: it must be 0).
 * `prepared` keeps each valid row's loan context and preview: posting reuses them (one loan per sheet row,
 * same transaction, so nothing posted before it on the sheet changes that loan).
 */
function validate(ctx: Ctx, rows: readonly Row[], prepared: Map<number, PreparedPayment>): BulkResultView['rows'] {
  const scope = officerScope(ctx)
  const seenReceipts = new Set<string>()
  return rows.map((r, k) => {
    const errors: string[] = []
    const head = findLoanHeadByIou(ctx.db, r.iouNo)
    let overpayment = 0
    if (!head || (scope !== null && head.officerId !== scope))
      errors.push(`借据号 ${r.iouNo} 不存在或不在您的管户范围内`)
    else if (head.status !== 'active') errors.push(`贷款 ${head.contractNo} 不是正常状态（${head.status}）`)
    else {
      try {
        checkPaymentDate(ctx, head, r.paidDate)
        const lc = loadContext(ctx, head, r.paidDate)
        const preview = previewAllocation(ctx, lc, r.paidDate, r.amount)
        overpayment = preview.view.overpayment
        prepared.set(k, { lc, preview })
        if (overpayment > 0)
          errors.push(`金额超过应还 ${(overpayment / 100).toFixed(2)} 元；多缴请逐笔登记并选择挂账或提前还款`)
      } catch (e) {
        errors.push(e instanceof AppError ? e.message : String(e))
      }
    }
    if (r.receiptNo) {
      if (seenReceipts.has(r.receiptNo) || receiptExists(ctx.db, r.receiptNo)) errors.push(`收据号 ${r.receiptNo} 重复`)
      seenReceipts.add(r.receiptNo)
    }
    return {
      row: k + 1,
      iouNo: r.iouNo,
      loanId: head?.id ?? null,
      borrowerName: head?.borrowerName ?? null,
      amount: r.amount,
      overpayment,
      errors,
      repaymentId: null,
    }
  })
}

export const bulkHandlers = {
  'servicing.bulkPost': async (ctx, input) => {
    // Two rows of one loan on one sheet would preview against each other's state: post them one by one instead.
    const iouCount = new Map<string, number>()
    for (const r of input.rows) iouCount.set(r.iouNo, (iouCount.get(r.iouNo) ?? 0) + 1)
    const prepared = new Map<number, PreparedPayment>()
    const results = validate(ctx, input.rows, prepared)
    for (const res of results) if ((iouCount.get(res.iouNo) ?? 0) > 1) res.errors.push('同一借据在本清单中出现多次')
    const valid = results.filter((r) => r.errors.length === 0).length
    if (input.dryRun || valid !== results.length) {
      if (!input.dryRun)
        throw new AppError(
          'VALIDATION',
          `收款清单有 ${results.length - valid} 行错误，未登记任何还款`,
          results
            .filter((r) => r.errors.length)
            .slice(0, 50)
            .map((r) => ({ path: `rows.${r.row - 1}`, message: r.errors.join('；') })),
        )
      return { committed: false, total: results.length, valid, rows: results }
    }
    const batchId = randomUUID()
    let sum = 0
    for (const [k, r] of input.rows.entries()) {
      const res = results[k]!
      const head = findLoanHeadByIou(ctx.db, r.iouNo)!
      res.repaymentId = postPayment(
        ctx,
        head,
        { paidDate: r.paidDate, amount: r.amount, channel: r.channel, receiptNo: r.receiptNo, batchId },
        prepared.get(k),
      ).id
      sum += r.amount
    }
    ctx.audit({
      entity: 'repayment_batch',
      entityId: batchId,
      summary: `批量登记还款（收款清单）：${results.length} 笔，合计 ${yuan(sum)}，批次 ${batchId.slice(0, 8)}`,
    })
    return { committed: true, total: results.length, valid, rows: results }
  },
} satisfies Partial<Handlers>
