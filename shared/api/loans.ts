import { z } from 'zod'
import { method } from './contract'
import { fen, isoDate, ok, paging } from './common'
import { DISPLAY_STATUSES } from '../domain/loan-status'

export const LOAN_METHODS = [
  'annuity',
  'equal_principal',
  'quarterly_interest',
  'monthly_interest',
  'bullet',
  'custom',
] as const
/** 信用/保证/抵押/质押. */
export const GUARANTEE_TYPES = ['credit', 'guarantee', 'mortgage', 'pledge'] as const
export const LOAN_STATUSES = ['active', 'settled', 'written_off', 'cancelled'] as const
/** 一般保证 / 连带责任保证. */
export const GUARANTEE_MODES = ['general', 'joint'] as const

const rate = z
  .string()
  .trim()
  .regex(/^\d{1,2}(\.\d{1,4})?$/, '年利率应为百分数，如 4.35')
const code = (label: string) => z.string().trim().min(1, `请填写${label}`).max(40, `${label}最多 40 个字符`)

const loanFields = z.object({
  borrowerId: z.number().int().positive(),
  contractNo: code('合同号'),
  iouNo: code('借据号'),
  product: z.string().trim().min(1, '请填写贷款产品').max(40),
  principal: fen.positive('贷款金额须大于零'),
  annualRate: rate,
  termMonths: z.number().int().min(1, '期限至少 1 个月').max(360, '期限最多 360 个月'),
  method: z.enum(LOAN_METHODS, '请选择还款方式'),
  dueDay: z.number().int().min(1).max(31).nullable().optional(),
  disbursementDate: isoDate,
  maturityDate: isoDate,
  purpose: z.string().trim().min(1, '请填写借款用途').max(200),
  guaranteeType: z.enum(GUARANTEE_TYPES, '担保方式应为信用/保证/抵押/质押'),
  officerId: z.number().int().positive().optional(),
})

export const loanView = z.object({
  id: z.number().int(),
  borrowerId: z.number().int(),
  borrowerName: z.string(),
  contractNo: z.string(),
  iouNo: z.string(),
  product: z.string(),
  principal: z.number().int(),
  annualRate: z.string(),
  termMonths: z.number().int(),
  method: z.string(),
  dueDay: z.number().int().nullable(),
  disbursementDate: z.string(),
  maturityDate: z.string(),
  purpose: z.string(),
  guaranteeType: z.string(),
  officerId: z.number().int(),
  officerName: z.string().nullable(),
  status: z.string(),
  settledDate: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Status as shown (逾期 for an active loan past due, DOMAIN §5) and DPD today; set by list and get. */
  displayStatus: z.enum(DISPLAY_STATUSES).optional(),
  dpd: z.number().int().optional(),
})
export type LoanView = z.infer<typeof loanView>

export const guarantorView = z.object({
  id: z.number().int(),
  loanId: z.number().int(),
  borrowerId: z.number().int().nullable(),
  kind: z.string(),
  name: z.string(),
  idNumber: z.string().nullable(),
  phone: z.string().nullable(),
  mode: z.string(),
  amount: z.number().int(),
  periodStart: z.string(),
  periodEnd: z.string(),
})
export const collateralView = z.object({
  id: z.number().int(),
  loanId: z.number().int(),
  type: z.string(),
  description: z.string(),
  ownerName: z.string().nullable(),
  certNo: z.string().nullable(),
  otherRightCertNo: z.string().nullable(),
  location: z.string().nullable(),
  appraisedValue: z.number().int(),
  appraisedOn: z.string(),
  insured: z.boolean(),
  insurancePolicy: z.string().nullable(),
  insuranceExpiry: z.string().nullable(),
  /** Latest valuation (the appraisal if never revalued). */
  currentValue: z.number().int(),
  valuations: z.array(
    z.object({
      value: z.number().int(),
      valuedOn: z.string(),
      valuer: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
})
export const transferView = z.object({
  id: z.number().int(),
  fromOfficerName: z.string(),
  toOfficerName: z.string(),
  reason: z.string(),
  effectiveDate: z.string(),
  byUsername: z.string(),
  createdAt: z.string(),
  loanCount: z.number().int(),
  contractNos: z.array(z.string()),
})
export type TransferView = z.infer<typeof transferView>

const loanId = z.object({ loanId: z.number().int().positive() })

/** Loans (basic record), guarantors, collateral and 责任移交. Officers see their own portfolio. */
export const loanMethods = {
  'loans.list': method({
    input: z.object({
      borrowerId: z.number().int().positive().optional(),
      officerId: z.number().int().positive().optional(),
      status: z.enum(LOAN_STATUSES).optional(),
      sort: z.enum(['id', 'contractNo', 'maturityDate', 'principal']).default('id'),
      dir: z.enum(['asc', 'desc']).default('asc'),
      ...paging,
    }),
    output: z.object({ rows: z.array(loanView), total: z.number().int() }),
    access: 'loans.read',
    write: false,
    summary: '贷款列表',
  }),
  'loans.get': method({
    input: z.object({ id: z.number().int().positive() }),
    output: z.object({
      loan: loanView,
      guarantors: z.array(guarantorView),
      collaterals: z.array(collateralView),
      /** Outstanding principal today (plan and posted repayments), used for coverage. */
      outstanding: z.number().int(),
      collateralValue: z.number().int(),
      /** Coverage = collateral value / outstanding, in basis points; null if nothing outstanding. */
      coverageBp: z.number().int().nullable(),
      transfers: z.array(transferView),
      files: z.array(z.object({ id: z.number().int(), fileNo: z.string(), status: z.string() })),
    }),
    access: 'loans.read',
    write: false,
    summary: '贷款详情',
  }),
  'loans.create': method({
    input: loanFields,
    output: loanView,
    access: 'loans.write',
    write: true,
    summary: '登记贷款',
  }),
  /**
   * Edits the loan record only. Status and settled date belong to their workflows (结清, 核销 with
   * approval, reversal), the officer to 责任移交 (`loans.transfer`), the category to classification:
   * `.strict()` refuses them with a VALIDATION naming the field instead of silently dropping them.
   */
  'loans.update': method({
    input: loanFields
      .omit({ borrowerId: true, officerId: true })
      .partial()
      .extend({ id: z.number().int().positive() })
      .strict(),
    output: loanView,
    access: 'loans.write',
    write: true,
    summary: '修改贷款',
  }),
  'loans.addGuarantor': method({
    input: loanId.extend({
      borrowerId: z.number().int().positive().optional(),
      kind: z.enum(['borrower', 'person', 'company']),
      name: z.string().trim().max(60).optional(),
      idNumber: z.string().trim().max(18).optional(),
      phone: z.string().trim().max(11).optional(),
      mode: z.enum(GUARANTEE_MODES, '保证方式应为一般保证或连带责任保证'),
      amount: fen.positive('保证金额须大于零'),
      periodStart: isoDate,
      periodEnd: isoDate,
    }),
    output: guarantorView,
    access: 'loans.write',
    write: true,
    summary: '登记保证人',
  }),
  'loans.removeGuarantor': method({
    input: z.object({ id: z.number().int().positive() }),
    output: ok,
    access: 'loans.write',
    write: true,
    summary: '删除保证人',
  }),
  'loans.addCollateral': method({
    input: loanId.extend({
      type: z.string().trim().min(1, '请填写抵质押物类型').max(30),
      description: z.string().trim().min(1, '请填写抵质押物描述').max(200),
      ownerName: z.string().trim().max(60).optional(),
      certNo: z.string().trim().max(60).optional(),
      otherRightCertNo: z.string().trim().max(60).optional(),
      location: z.string().trim().max(120).optional(),
      appraisedValue: fen.min(0, '评估价值不得为负'),
      appraisedOn: isoDate,
      insured: z.boolean().default(false),
      insurancePolicy: z.string().trim().max(60).optional(),
      insuranceExpiry: isoDate.optional(),
    }),
    output: collateralView,
    access: 'loans.write',
    write: true,
    summary: '登记抵质押物',
  }),
  'loans.revalueCollateral': method({
    input: z.object({
      collateralId: z.number().int().positive(),
      value: fen.min(0, '评估价值不得为负'),
      valuedOn: isoDate,
      valuer: z.string().trim().max(60).optional(),
      note: z.string().trim().max(200).optional(),
    }),
    output: collateralView,
    access: 'loans.write',
    write: true,
    summary: '抵质押物重估',
  }),
  'loans.transfer': method({
    input: z.object({
      fromOfficerId: z.number().int().positive(),
      toOfficerId: z.number().int().positive(),
      /** Omit to hand over the whole active portfolio. */
      loanIds: z.array(z.number().int().positive()).max(100_000).optional(),
      reason: z.string().trim().min(2, '请填写移交原因').max(200),
      effectiveDate: isoDate,
    }),
    output: transferView,
    access: 'loans.transfer',
    write: true,
    summary: '责任移交',
  }),
  'loans.transfers': method({
    input: z.object({
      officerId: z.number().int().positive().optional(),
      loanId: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    output: z.array(transferView),
    access: 'loans.read',
    write: false,
    summary: '责任移交记录',
  }),
  'loans.officers': method({
    input: z.object({}),
    output: z.array(z.object({ id: z.number().int(), displayName: z.string(), role: z.string() })),
    access: 'loans.read',
    write: false,
    summary: '信贷员列表',
  }),
}
