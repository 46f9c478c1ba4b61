// 贷款计算器 loan calculator: the screen previews the plan with the same domain code; the
// exported workbook is recomputed here so the file always matches the rules (backend = truth).
import ExcelJS from 'exceljs'
import { AppError, type CalculatorInput, toScheduleInput } from '../../../shared/api'
import {
  DomainError,
  type Method,
  type Schedule,
  type ScheduleInput,
  amountInWords,
  annualToMonthlyPermille,
  buildSchedule,
  formatFen,
} from '../../../shared/domain'
import type { Handlers } from '../context'

/** zh-CN names of the repayment methods, as on contracts. */
export const METHOD_NAMES_ZH: Record<Method, string> = {
  annuity: '等额本息',
  equal_principal: '等额本金',
  quarterly_interest: '按季结息，到期还本',
  monthly_interest: '按月结息，到期还本',
  bullet: '利随本清',
}

const MONEY = '#,##0.00'
const COLUMNS = ['期数', '还款日', '本金（元）', '利息（元）', '还款额（元）', '剩余本金（元）'] as const

/** Runs domain code, turning a DomainError into a VALIDATION AppError naming the calculator's field. */
function computePlan(input: CalculatorInput): { plan: ScheduleInput; schedule: Schedule } {
  try {
    const plan = toScheduleInput(input)
    return { plan, schedule: buildSchedule(plan) }
  } catch (e) {
    if (e instanceof DomainError) {
      const path =
        e.field === 'annualRate' || e.field === 'permille' ? 'rate' : e.field === 'principal' ? 'principal' : e.field
      throw new AppError('VALIDATION', e.reason, [{ path, message: e.reason }])
    }
    throw e
  }
}

const yuan = (fen: number) => fen / 100

/** Builds the 还款计划表 workbook: terms block, one row per installment, totals and 大写. */
export async function planWorkbook(opts: {
  orgName: string
  input: CalculatorInput
  today: string
}): Promise<{ buffer: Buffer; rows: number }> {
  const { input } = opts
  const { plan, schedule } = computePlan(input)
  const rows = schedule.rows
  const totalPrincipal = rows.reduce((s, r) => s + r.principal, 0)
  const totalPayment = totalPrincipal + schedule.totalInterest
  const last = rows[rows.length - 1]

  const wb = new ExcelJS.Workbook()
  wb.creator = '贷后管家'
  const ws = wb.addWorksheet('还款计划', {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  })
  ws.columns = [{ width: 8 }, { width: 13 }, { width: 16 }, { width: 14 }, { width: 16 }, { width: 18 }]

  const title = ws.addRow(['还款计划表'])
  ws.mergeCells(title.number, 1, title.number, 6)
  title.font = { bold: true, size: 16 }
  title.alignment = { horizontal: 'center' }
  const org = ws.addRow([opts.orgName])
  ws.mergeCells(org.number, 1, org.number, 6)
  org.alignment = { horizontal: 'center' }

  const rateText =
    input.rateMode === 'monthly_permille'
      ? `月息 ${input.rate}‰（年利率 ${plan.annualRate}%）`
      : `年利率 ${plan.annualRate}%（月息 ${annualToMonthlyPermille(plan.annualRate)}‰）`
  const amortizing = plan.method === 'annuity' || plan.method === 'equal_principal'
  const terms: [string, string | number, string, string][] = [
    ['贷款金额（元）', yuan(plan.principal), '金额大写', `人民币${amountInWords(plan.principal)}`],
    ['利率', rateText, '还款方式', METHOD_NAMES_ZH[plan.method]],
    ['期限（月）', plan.termMonths, '放款日', plan.startDate],
    [
      '到期日',
      last?.dueDate ?? '',
      '计息方式',
      !amortizing
        ? '按实际天数（年利率/360）'
        : plan.interestBasis === 'actual_days'
          ? '按实际天数（年利率/360）'
          : '按月（余额×年利率/12）',
    ],
    ['每月还款日', amortizing && plan.dueDay != null ? `${plan.dueDay} 日` : '同放款日', '测算日期', opts.today],
  ]
  for (const [k1, v1, k2, v2] of terms) {
    const r = ws.addRow([k1, null, v1, k2, v2])
    ws.mergeCells(r.number, 1, r.number, 2)
    ws.mergeCells(r.number, 5, r.number, 6)
    r.getCell(1).font = { bold: true }
    r.getCell(4).font = { bold: true }
    if (typeof v1 === 'number') r.getCell(3).numFmt = k1.includes('元') ? MONEY : '0'
    r.getCell(3).alignment = { horizontal: 'left' }
  }
  ws.addRow([])

  const head = ws.addRow([...COLUMNS])
  head.font = { bold: true }
  head.alignment = { horizontal: 'center' }
  const firstData = head.number + 1
  for (const r of rows) {
    ws.addRow([r.seq, r.dueDate, yuan(r.principal), yuan(r.interest), yuan(r.payment), yuan(r.balance)])
  }
  const total = ws.addRow(['合计', null, yuan(totalPrincipal), yuan(schedule.totalInterest), yuan(totalPayment), null])
  total.font = { bold: true }
  for (let n = firstData; n <= total.number; n++) for (const c of [3, 4, 5, 6]) ws.getRow(n).getCell(c).numFmt = MONEY
  for (let n = head.number; n <= total.number; n++) {
    for (let c = 1; c <= 6; c++)
      ws.getRow(n).getCell(c).border = {
        top: { style: 'thin' },
        bottom: { style: 'thin' },
        left: { style: 'thin' },
        right: { style: 'thin' },
      }
  }
  ws.views = [{ state: 'frozen', ySplit: head.number }]

  ws.addRow([])
  for (const [label, amount] of [
    ['合计应还利息（大写）', schedule.totalInterest],
    ['合计应还本息（大写）', totalPayment],
  ] as const) {
    const r = ws.addRow([label, null, `人民币${amountInWords(amount)}`])
    ws.mergeCells(r.number, 1, r.number, 2)
    ws.mergeCells(r.number, 3, r.number, 6)
    r.getCell(1).font = { bold: true }
  }
  const note = ws.addRow(['本表为按上述条件测算的结果，仅供参考，以借款合同及借据为准。'])
  ws.mergeCells(note.number, 1, note.number, 6)
  note.font = { italic: true, color: { argb: 'FF666666' } }

  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), rows: rows.length }
}

/** calculator.exportPlan: recomputes the plan from the inputs and returns the .xlsx. */
export const calculatorHandlers = {
  'calculator.exportPlan': async (ctx, input) => {
    const org = await ctx.db.selectFrom('org').select('name').executeTakeFirst()
    const today = ctx.today()
    const { buffer, rows } = await planWorkbook({ orgName: org?.name ?? '', input, today })
    return {
      filename: `还款计划-${formatFen(input.principal)}元-${input.termMonths}个月-${today}.xlsx`,
      contentBase64: buffer.toString('base64'),
      rows,
    }
  },
} satisfies Partial<Handlers>
