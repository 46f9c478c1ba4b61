import { z } from 'zod'
import { method } from './contract'
import { fen, isoDate } from './common'
import {
  allocationView,
  bulkResultView,
  contactView,
  evaluationView,
  planView,
  portfolioView,
  receiptView,
  repaymentView,
  reversalRequestView,
  settlementView,
  snapshotView,
} from './servicing-views'
import { loanRiskFields } from './risk'
import { servicingListMethods } from './servicing-list'

export * from './servicing-views'
export * from './servicing-list'

const loanId = z.number().int().positive()
const reason = (label: string) =>
  z.string().trim().min(2, `请填写${label}（至少 2 个字）`).max(200, `${label}最多 200 个字`)
/** 现金/转账/代扣工资/其他. */
export const CHANNELS = ['cash', 'transfer', 'payroll', 'other'] as const
/** What to do with the part of a payment beyond what is due: 挂账, 提前还本缩期/减额, 结清. */
export const OVERPAYMENT_CHOICES = ['credit', 'prepay_shorten', 'prepay_lower', 'settle'] as const
const rate = z
  .string()
  .trim()
  .regex(/^\d{1,2}(\.\d{1,4})?$/, '年利率应为百分数，如 4.35')
const customRows = z.array(z.object({ dueDate: isoDate, principal: fen.positive('每期本金须大于零') })).max(720)
const payment = {
  loanId,
  paidDate: isoDate,
  amount: fen.positive('还款金额须大于零'),
}

const importFile = z.object({
  contentBase64: z
    .string()
    .min(1, '文件为空')
    .max(40 * 1024 * 1024, '文件过大'),
})
const importResult = z.object({
  loans: z.number().int(),
  installments: z.number().int(),
  repayments: z.number().int(),
  problemCount: z.number().int(),
  problems: z.array(z.object({ sheet: z.string(), row: z.number().int(), message: z.string() })),
})

/** Loan servicing (贷后): plans and versions, repayments, as-of evaluation, closures, reminders. */
export const servicingMethods = {
  ...servicingListMethods,
  'servicing.createPlan': method({
    input: z.object({ loanId, customRows: customRows.optional() }),
    output: planView,
    access: 'loans.write',
    write: true,
    summary: '生成还款计划',
  }),
  'servicing.getPlan': method({
    input: z.object({ loanId }),
    output: planView,
    access: 'loans.read',
    write: false,
    summary: '查看还款计划（含历史版本）',
  }),
  'servicing.asOf': method({
    input: z.object({ loanId, asOf: isoDate }),
    output: evaluationView.extend(loanRiskFields),
    access: 'loans.read',
    write: false,
    summary: '按日期查看贷款状态',
  }),
  'servicing.previewRepayment': method({
    input: z.object(payment),
    output: allocationView,
    access: 'repayments.post',
    write: false,
    summary: '还款冲销预览',
  }),
  'servicing.postRepayment': method({
    input: z.object({
      ...payment,
      channel: z.enum(CHANNELS, '请选择还款渠道'),
      receiptNo: z.string().trim().max(40).optional(),
      overpayment: z.enum(OVERPAYMENT_CHOICES).optional(),
      note: z.string().trim().max(200).optional(),
    }),
    output: z.object({ repayment: repaymentView, allocation: allocationView }),
    access: 'repayments.post',
    write: true,
    summary: '登记还款',
  }),
  'servicing.reverseRepayment': method({
    input: z.object({ repaymentId: z.number().int().positive(), reason: reason('冲正原因') }),
    // Officers reverse today's receipts; an older receipt becomes a request a manager decides.
    output: repaymentView,
    access: 'repayments.post',
    write: true,
    summary: '还款冲正（当日直接冲正，往日收据须主管审批）',
  }),
  'servicing.decideReversal': method({
    input: z.object({
      requestId: z.number().int().positive(),
      approve: z.boolean(),
      note: z.string().trim().max(200).optional(),
    }),
    output: reversalRequestView,
    access: 'repayments.reverse',
    write: true,
    summary: '审批冲正申请',
  }),
  'servicing.listReversalRequests': method({
    input: z.object({ status: z.enum(['pending', 'approved', 'rejected']).default('pending') }),
    output: z.array(reversalRequestView),
    access: 'repayments.reverse',
    write: false,
    summary: '冲正申请列表',
  }),
  'servicing.listRepayments': method({
    input: z.object({ loanId }),
    output: z.array(repaymentView),
    access: 'loans.read',
    write: false,
    summary: '还款记录',
  }),
  'servicing.receipt': method({
    input: z.object({ repaymentId: z.number().int().positive() }),
    output: receiptView,
    access: 'loans.read',
    write: false,
    summary: '还款收据',
  }),
  'servicing.bulkPost': method({
    input: z.object({
      dryRun: z.boolean().default(true),
      rows: z
        .array(
          z.object({
            iouNo: z.string().trim().min(1, '请填写借据号'),
            paidDate: isoDate,
            amount: fen.positive('还款金额须大于零'),
            channel: z.enum(CHANNELS).default('cash'),
            receiptNo: z.string().trim().max(40).optional(),
          }),
        )
        .min(1, '至少一行')
        .max(20_000, '一次最多 20000 行'),
    }),
    output: bulkResultView,
    access: 'repayments.post',
    write: true,
    summary: '批量登记还款（收款清单）',
  }),
  'servicing.settle': method({
    input: z.object({
      loanId,
      date: isoDate,
      channel: z.enum(CHANNELS, '请选择还款渠道'),
      receiptNo: z.string().trim().max(40).optional(),
      /** The payoff the user confirmed; refused when it no longer matches. */
      amount: fen.positive().optional(),
    }),
    output: settlementView,
    access: 'repayments.post',
    write: true,
    summary: '贷款结清（借款人付清结清金额）',
  }),
  'servicing.settlementCertificate': method({
    input: z.object({ loanId }),
    output: settlementView,
    access: 'loans.read',
    write: false,
    summary: '结清证明',
  }),
  'servicing.writeOff': method({
    input: z.object({ loanId, date: isoDate, reason: reason('核销原因') }),
    output: evaluationView,
    access: 'loans.approve',
    write: true,
    summary: '贷款核销（审批）',
  }),
  'servicing.recordRecovery': method({
    input: z.object({ ...payment, channel: z.enum(CHANNELS), note: z.string().trim().max(200).optional() }),
    output: repaymentView,
    access: 'repayments.post',
    write: true,
    summary: '登记核销后收回',
  }),
  'servicing.extend': method({
    input: z.object({
      loanId,
      date: isoDate,
      extensionMonths: z.number().int().min(1, '展期至少 1 个月').max(120),
      reason: reason('展期原因'),
    }),
    output: planView,
    access: 'loans.write',
    write: true,
    summary: '贷款展期',
  }),
  'servicing.restructure': method({
    input: z.object({
      loanId,
      date: isoDate,
      reason: reason('重组原因'),
      annualRate: rate,
      method: z.enum(['annuity', 'equal_principal', 'quarterly_interest', 'monthly_interest', 'bullet']),
      termMonths: z.number().int().min(1).max(360),
    }),
    output: planView,
    access: 'loans.approve',
    write: true,
    summary: '贷款重组（审批）',
  }),
  'servicing.logContact': method({
    input: z.object({
      loanId,
      dueDate: isoDate.optional(),
      contactDate: isoDate,
      channel: z.enum(['phone', 'sms', 'visit', 'other']),
      outcome: z.string().trim().min(1, '请填写联系结果').max(100),
      note: z.string().trim().max(500).optional(),
    }),
    output: contactView,
    access: 'loans.write',
    write: true,
    summary: '登记联系记录',
  }),
  'servicing.listContacts': method({
    input: z.object({ loanId }),
    output: z.array(contactView),
    access: 'loans.read',
    write: false,
    summary: '联系记录',
  }),
  'servicing.evaluatePortfolio': method({
    input: z.object({ asOf: isoDate, top: z.number().int().min(0).max(500).default(50) }),
    output: portfolioView,
    access: 'loans.read',
    write: false,
    summary: '贷款组合按日评估',
  }),
  'servicing.snapshot': method({
    input: z.object({ asOf: isoDate }),
    output: snapshotView,
    access: 'loans.approve',
    write: true,
    summary: '保存组合快照（月末）',
  }),
  'servicing.importPreview': method({
    input: importFile,
    output: importResult,
    access: 'imports.run',
    write: false,
    summary: '导入还款计划和还款记录（预览）',
  }),
  'servicing.importCommit': method({
    input: importFile,
    output: importResult,
    access: 'imports.run',
    write: true,
    summary: '导入还款计划和还款记录（全部成功或全部不导入）',
  }),
  'servicing.listSnapshots': method({
    input: z.object({}),
    output: z.array(snapshotView),
    access: 'loans.read',
    write: false,
    summary: '组合快照列表',
  }),
}
