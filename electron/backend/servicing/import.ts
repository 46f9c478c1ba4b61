// Excel import of existing loans' plans and payment histories (moving off old ledgers): sheet
// 还款计划 (借据号, 期次, 应还日, 本金(元), 利息(元)) and sheet 还款记录 (借据号, 还款日, 金额(元),
// 渠道, 收据号). Preview lists every problem by sheet and row; commit writes all or nothing.
import ExcelJS from 'exceljs'
import { AppError } from '../../../shared/api'
import { isValidDate } from '../../../shared/domain'
import { parseDateCell, parseYuanCell } from '../../../shared/domain/cells'
import { type VersionRow, evaluateLoan } from '../../../shared/servicing'
import type { Ctx, Handlers } from '../context'
import { cellText } from '../imports/xlsx'
import { type LoanHead, findLoanHeadByIou, insertVersion, latestVersion, nextDocNo } from './servicing-repo'
import { insertRepayment, receiptExists } from './repayments-repo'
import { allocationOrder, markupOf, officerScope, who, yuan } from './core'

const CHANNELS: Record<string, string> = { '': 'cash', 现金: 'cash', 转账: 'transfer', 代扣: 'payroll', 其他: 'other' }
type Problem = { sheet: string; row: number; message: string }
type Pay = { row: number; date: string; amount: number; channel: string; receiptNo: string }
interface LoanImport {
  head: LoanHead
  rows: (VersionRow & { row: number })[]
  pays: Pay[]
}

async function sheets(base64: string): Promise<Map<string, string[][]>> {
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.load(Buffer.from(base64, 'base64') as never)
  } catch {
    throw new AppError('VALIDATION', '无法读取文件：请上传 .xlsx 格式的 Excel 文件')
  }
  const out = new Map<string, string[][]>()
  for (const ws of wb.worksheets) {
    const rows: string[][] = []
    ws.eachRow({ includeEmpty: true }, (r, n) => {
      rows[n - 1] = (r.values as unknown[]).slice(1).map(cellText)
    })
    out.set(
      ws.name.trim(),
      Array.from(rows, (r) => r ?? []),
    )
  }
  return out
}

/** Parses and checks the whole file; nothing is written. */
async function parse(
  ctx: Ctx,
  base64: string,
): Promise<{ loans: Map<string, LoanImport>; problems: Problem[]; pays: number; rows: number }> {
  const book = await sheets(base64)
  const problems: Problem[] = []
  const plan = book.get('还款计划'),
    history = book.get('还款记录') ?? [[]]
  if (!plan) throw new AppError('VALIDATION', '文件中没有名为“还款计划”的工作表')
  const loans = new Map<string, LoanImport>()
  const scope = officerScope(ctx)
  const loanOf = (sheet: string, row: number, iou: string): LoanImport | null => {
    let l = loans.get(iou)
    if (l) return l
    const head = findLoanHeadByIou(ctx.db, iou)
    if (!head || (scope !== null && head.officerId !== scope))
      return (problems.push({ sheet, row, message: `借据号 ${iou} 不存在或不在您的管户范围内` }), null)
    if (sheet === '还款记录') return (problems.push({ sheet, row, message: `借据号 ${iou} 不在“还款计划”表中` }), null)
    if (latestVersion(ctx.db, head.id))
      return (problems.push({ sheet, row, message: `贷款 ${head.contractNo} 已有还款计划，不能重复导入` }), null)
    loans.set(iou, (l = { head, rows: [], pays: [] }))
    return l
  }
  const money = (s: string) => {
    const r = parseYuanCell(s)
    return r.ok ? r.value : null
  }
  const day = (s: string) => {
    const r = parseDateCell(s)
    return r.ok ? r.value : s
  }
  let rowCount = 0,
    payCount = 0
  plan.slice(1).forEach((c, k) => {
    const row = k + 2
    if (c.every((x) => !x)) return
    rowCount++
    const [iou = '', seq = '', dueCell = '', p = '', i = ''] = c
    const due = day(dueCell)
    const l = loanOf('还款计划', row, iou)
    const principal = money(p),
      interest = money(i)
    if (!isValidDate(due)) problems.push({ sheet: '还款计划', row, message: `应还日无效：${due}（应为 YYYY-MM-DD）` })
    if (principal === null || interest === null)
      problems.push({ sheet: '还款计划', row, message: '本金、利息须为非负金额（元）' })
    if (l && isValidDate(due) && principal !== null && interest !== null)
      l.rows.push({ row, seq: Number(seq), dueDate: due, principal, interest, kind: 'regular' })
  })
  history.slice(1).forEach((c, k) => {
    const row = k + 2
    if (c.every((x) => !x)) return
    payCount++
    const [iou = '', dateCell = '', a = '', ch = '', receiptNo = ''] = c
    const date = day(dateCell)
    const l = loanOf('还款记录', row, iou)
    const amount = money(a)
    if (!isValidDate(date) || date > ctx.today())
      problems.push({ sheet: '还款记录', row, message: `还款日无效：${date}（YYYY-MM-DD，不晚于今天）` })
    if (!amount) problems.push({ sheet: '还款记录', row, message: '还款金额须大于零（元）' })
    if (!(ch in CHANNELS))
      problems.push({ sheet: '还款记录', row, message: `渠道应为 现金/转账/代扣/其他，实际为“${ch}”` })
    if (l && isValidDate(date) && amount) l.pays.push({ row, date, amount, channel: CHANNELS[ch] ?? 'cash', receiptNo })
  })
  const receipts = new Set<string>()
  for (const l of loans.values()) checkLoan(ctx, l, problems, receipts)
  return { loans, problems, pays: payCount, rows: rowCount }
}

/** Plan sums to the loan, periods in order; replaying the history leaves no unexplained overpayment. */
function checkLoan(ctx: Ctx, l: LoanImport, problems: Problem[], receipts: Set<string>): void {
  const h = l.head,
    first = l.rows[0]?.row ?? 0
  const sum = l.rows.reduce((s, r) => s + r.principal, 0)
  if (sum !== h.principal)
    problems.push({
      sheet: '还款计划',
      row: first,
      message: `贷款 ${h.contractNo} 各期本金合计 ${yuan(sum)} 与贷款金额 ${yuan(h.principal)} 不符`,
    })
  l.rows.forEach((r, k) => {
    if (r.seq !== k + 1)
      problems.push({ sheet: '还款计划', row: r.row, message: `贷款 ${h.contractNo} 期次应为 ${k + 1}` })
    const prev = k === 0 ? h.disbursementDate : l.rows[k - 1]!.dueDate
    if (r.dueDate <= prev)
      problems.push({ sheet: '还款计划', row: r.row, message: `应还日须晚于放款日及上一期（${prev}）` })
  })
  for (const p of l.pays) {
    if (p.date < h.disbursementDate)
      problems.push({ sheet: '还款记录', row: p.row, message: `还款日早于放款日 ${h.disbursementDate}` })
    if (p.receiptNo && (receipts.has(p.receiptNo) || receiptExists(ctx.db, p.receiptNo)))
      problems.push({ sheet: '还款记录', row: p.row, message: `收据号 ${p.receiptNo} 重复` })
    if (p.receiptNo) receipts.add(p.receiptNo)
  }
  l.pays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.row - b.row))
  const e = evaluateLoan({
    rows: l.rows,
    payments: l.pays.map((p) => ({ id: p.row, date: p.date, amount: p.amount })),
    annualRate: h.annualRate,
    markupPercent: markupOf(h),
    startDate: h.disbursementDate,
    asOf: ctx.today(),
    order: allocationOrder(ctx),
    detail: true,
  })
  for (const a of e.allocations) {
    if (a.paymentId !== null && a.toCredit > 0)
      problems.push({
        sheet: '还款记录',
        row: a.paymentId,
        message: `该笔还款超过截至 ${a.date} 的应还金额 ${yuan(a.toCredit)}（多缴请导入后逐笔处理）`,
      })
  }
}

export const importHandlers = {
  'servicing.importPreview': async (ctx, input) => {
    const r = await parse(ctx, input.contentBase64)
    return {
      loans: r.loans.size,
      installments: r.rows,
      repayments: r.pays,
      problemCount: r.problems.length,
      problems: r.problems.slice(0, 500),
    }
  },

  'servicing.importCommit': async (ctx, input) => {
    const r = await parse(ctx, input.contentBase64)
    if (r.problems.length > 0) {
      throw new AppError(
        'VALIDATION',
        `文件中有 ${r.problems.length} 处错误，未导入任何数据`,
        r.problems.slice(0, 50).map((p) => ({ path: `${p.sheet}!${p.row}`, message: p.message })),
      )
    }
    for (const l of r.loans.values()) {
      const h = l.head
      insertVersion(ctx.db, {
        loanId: h.id,
        reason: 'import',
        method: h.method,
        annualRate: h.annualRate,
        effectiveDate: h.disbursementDate,
        note: 'Excel 导入',
        repaymentId: null,
        createdBy: who(ctx).userId,
        createdAt: ctx.nowIso(),
        rows: l.rows.map(({ row: _row, ...v }) => v),
      })
      for (const p of l.pays) {
        insertRepayment(ctx.db, {
          loanId: h.id,
          paidDate: p.date,
          amount: p.amount,
          channel: p.channel,
          receiptNo: p.receiptNo || nextDocNo(ctx.db, 'SK', Number(p.date.slice(0, 4))),
          kind: 'repayment',
          creditHandling: 'none',
          batchId: null,
          note: 'Excel 导入',
          createdBy: who(ctx).userId,
          createdAt: ctx.nowIso(),
        })
      }
    }
    ctx.audit({
      entity: 'import',
      summary: `导入还款计划和还款记录：${r.loans.size} 笔贷款，${r.rows} 期计划，${r.pays} 笔还款`,
    })
    return { loans: r.loans.size, installments: r.rows, repayments: r.pays, problemCount: 0, problems: [] }
  },
} satisfies Partial<Handlers>
