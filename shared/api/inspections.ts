import { z } from 'zod'
import { CATEGORIES, INSPECTION_METHODS, INSPECTION_SIGNALS, INSPECTION_TYPES } from '../domain'
import { method } from './contract'
import { fen, isoDate, ok, paging } from './common'
import { SCAN_MIME_TYPES } from './archives'

/** Where a record is in its sign-off: draft → submitted (1st officer) → confirmed (2nd officer) → reviewed (manager). */
export const INSPECTION_STATUSES = ['draft', 'submitted', 'confirmed', 'reviewed'] as const
/** 资金流向: used as agreed / partly / diverted (挪用). */
export const FUND_USES = ['as_agreed', 'partly', 'diverted'] as const
/** Calendar tabs: overdue, this week, the next 30 days. */
export const DUE_BUCKETS = ['overdue', 'week', 'next30'] as const

const text = (max: number) => z.string().trim().max(max).nullable().optional()

/** The fields of a record the officer fills in (DOMAIN §8). */
export const inspectionFields = z.object({
  loanId: z.number().int().positive(),
  type: z.enum(INSPECTION_TYPES, '请选择检查类型'),
  inspectedOn: isoDate,
  method: z.enum(INSPECTION_METHODS, '请选择检查方式'),
  fundUse: z.enum(FUND_USES).nullable().optional(),
  fundUsedAmount: fen.min(0).nullable().optional(),
  fundEvidence: text(500),
  businessStatus: text(500),
  incomeStatus: text(500),
  repaymentSource: text(500),
  guarantorId: z.number().int().positive().nullable().optional(),
  guarantorStatus: text(500),
  collateralId: z.number().int().positive().nullable().optional(),
  collateralStatus: text(500),
  revaluedAmount: fen.min(0, '评估价值不得为负').nullable().optional(),
  signals: z.array(z.enum(INSPECTION_SIGNALS)).max(10).default([]),
  conclusion: text(1000),
  proposedCategory: z.enum(CATEGORIES).nullable().optional(),
  nextDate: isoDate.nullable().optional(),
})

export const inspectionAttachmentView = z.object({
  id: z.number().int(),
  sha256: z.string(),
  filename: z.string(),
  mime: z.string(),
  createdAt: z.string(),
})

/** A record as shown on the form and the printed 贷后检查报告. */
export const inspectionView = z.object({
  id: z.number().int(),
  loanId: z.number().int(),
  contractNo: z.string(),
  iouNo: z.string(),
  borrowerName: z.string(),
  borrowerAddress: z.string().nullable(),
  principal: z.number().int(),
  product: z.string(),
  disbursementDate: z.string(),
  maturityDate: z.string(),
  type: z.enum(INSPECTION_TYPES),
  status: z.enum(INSPECTION_STATUSES),
  inspectedOn: z.string(),
  method: z.enum(INSPECTION_METHODS),
  fundUse: z.enum(FUND_USES).nullable(),
  fundUsedAmount: z.number().int().nullable(),
  fundEvidence: z.string().nullable(),
  businessStatus: z.string().nullable(),
  incomeStatus: z.string().nullable(),
  repaymentSource: z.string().nullable(),
  guarantorId: z.number().int().nullable(),
  guarantorName: z.string().nullable(),
  guarantorStatus: z.string().nullable(),
  collateralId: z.number().int().nullable(),
  collateralName: z.string().nullable(),
  collateralStatus: z.string().nullable(),
  revaluedAmount: z.number().int().nullable(),
  signals: z.array(z.enum(INSPECTION_SIGNALS)),
  conclusion: z.string().nullable(),
  proposedCategory: z.enum(CATEGORIES).nullable(),
  nextDate: z.string().nullable(),
  correctsId: z.number().int().nullable(),
  correctedById: z.number().int().nullable(),
  officerId: z.number().int(),
  officerName: z.string(),
  secondOfficerId: z.number().int().nullable(),
  secondOfficerName: z.string().nullable(),
  submittedAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  reviewerName: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewNote: z.string().nullable(),
  attachments: z.array(inspectionAttachmentView),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type InspectionView = z.infer<typeof inspectionView>

export const inspectionSummary = inspectionView.pick({
  id: true,
  loanId: true,
  contractNo: true,
  borrowerName: true,
  type: true,
  status: true,
  inspectedOn: true,
  method: true,
  conclusion: true,
  officerName: true,
  secondOfficerName: true,
  correctsId: true,
})
export type InspectionSummary = z.infer<typeof inspectionSummary>

export const dueRowView = z.object({
  loanId: z.number().int(),
  contractNo: z.string(),
  borrowerId: z.number().int(),
  borrowerName: z.string(),
  village: z.string().nullable(),
  officerId: z.number().int(),
  officerName: z.string().nullable(),
  principal: z.number().int(),
  dueDate: z.string(),
  kind: z.enum(['first', 'routine', 'collateral', 'special']),
  signal: z.enum(INSPECTION_SIGNALS).nullable(),
  /** Days past the due date as of the calendar date (0 when not yet due). */
  daysOverdue: z.number().int(),
})
export type DueRowView = z.infer<typeof dueRowView>

export const scheduleSettings = z.object({
  firstCheckMinDays: z.number().int().min(0).max(90),
  firstCheckMaxDays: z.number().int().min(1).max(180),
  creditMonths: z.number().int().min(1).max(24),
  guaranteeMonths: z.number().int().min(1).max(24),
  largeGuaranteeMonths: z.number().int().min(1).max(24),
  largeLoanFen: fen.min(0),
  mortgageMonths: z.number().int().min(1).max(24),
  pledgeMonths: z.number().int().min(1).max(24),
  enterpriseMonths: z.number().int().min(1).max(24),
  specialMentionMonths: z.number().int().min(1).max(12),
  nonPerformingMonths: z.number().int().min(1).max(12),
  collateralRevalueMonths: z.number().int().min(1).max(36),
  specialCheckDays: z.number().int().min(0).max(60),
})

export const routeSheetRow = z.object({
  loanId: z.number().int(),
  borrowerName: z.string(),
  village: z.string().nullable(),
  villageGroup: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  contractNo: z.string(),
  officerName: z.string().nullable(),
  outstanding: z.number().int(),
  amountDue: z.number().int(),
  dpd: z.number().int(),
  dueDate: z.string(),
  kind: z.string(),
})
export type RouteSheetRow = z.infer<typeof routeSheetRow>

const id = z.object({ id: z.number().int().positive() })

/** 贷后检查: due calendar, records with two-officer sign-off, attachments, route sheets, schedule settings. */
export const inspectionMethods = {
  'inspections.calendar': method({
    input: z.object({
      asOf: isoDate,
      bucket: z.enum(DUE_BUCKETS).default('overdue'),
      officerId: z.number().int().positive().optional(),
      ...paging,
    }),
    output: z.object({
      rows: z.array(dueRowView),
      counts: z.object({ overdue: z.number().int(), week: z.number().int(), next30: z.number().int() }),
      ms: z.number(),
    }),
    access: 'loans.read',
    write: false,
    summary: '贷后检查日历',
  }),
  'inspections.list': method({
    input: z.object({ loanId: z.number().int().positive() }),
    output: z.array(inspectionSummary),
    access: 'loans.read',
    write: false,
    summary: '贷款的检查记录',
  }),
  'inspections.pending': method({
    input: z.object({}),
    output: z.object({
      toConfirm: z.array(inspectionSummary),
      toReview: z.array(inspectionSummary),
      drafts: z.array(inspectionSummary),
    }),
    access: 'loans.read',
    write: false,
    summary: '待确认、待复核的检查记录',
  }),
  'inspections.get': method({
    input: id,
    output: inspectionView,
    access: 'loans.read',
    write: false,
    summary: '检查记录',
  }),
  'inspections.saveDraft': method({
    input: inspectionFields.extend({ id: z.number().int().positive().optional() }),
    output: inspectionView,
    access: 'loans.write',
    write: true,
    summary: '保存检查记录草稿',
  }),
  'inspections.submit': method({
    input: id.extend({ secondOfficerId: z.number().int().positive() }),
    output: inspectionView,
    access: 'loans.write',
    write: true,
    summary: '提交检查记录（第一检查人签字）',
  }),
  'inspections.confirm': method({
    input: id,
    output: inspectionView,
    access: 'loans.write',
    write: true,
    summary: '第二检查人确认',
  }),
  'inspections.review': method({
    input: id.extend({ note: z.string().trim().max(500).optional() }),
    output: inspectionView,
    access: 'loans.approve',
    write: true,
    summary: '主管复核检查记录',
  }),
  'inspections.correct': method({
    input: id,
    output: inspectionView,
    access: 'loans.write',
    write: true,
    summary: '更正检查记录（新记录）',
  }),
  'inspections.discard': method({
    input: id,
    output: ok,
    access: 'loans.write',
    write: true,
    summary: '删除检查记录草稿',
  }),
  'inspections.attach': method({
    input: z.object({
      inspectionId: z.number().int().positive(),
      filename: z.string().trim().min(1).max(200),
      mime: z.enum(SCAN_MIME_TYPES, '仅支持 JPEG/PNG/WebP 图片和 PDF'),
      contentBase64: z.string().min(1),
    }),
    output: inspectionAttachmentView,
    access: 'loans.write',
    write: true,
    summary: '上传检查照片或资料',
  }),
  'inspections.attachment': method({
    input: z.object({ inspectionId: z.number().int().positive(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
    output: z.object({ mime: z.string(), contentBase64: z.string() }),
    access: 'loans.read',
    write: false,
    summary: '查看检查照片',
  }),
  'inspections.raiseSignal': method({
    input: z.object({
      loanId: z.number().int().positive(),
      kind: z.enum(INSPECTION_SIGNALS),
      raisedOn: isoDate,
      detail: z.string().trim().min(2, '请说明预警信号').max(200),
    }),
    output: ok,
    access: 'loans.write',
    write: true,
    summary: '登记预警信号（触发专项检查）',
  }),
  'inspections.refresh': method({
    input: z.object({ asOf: isoDate }),
    output: z.object({ loans: z.number().int(), raised: z.number().int(), ms: z.number() }),
    access: 'loans.approve',
    write: true,
    summary: '刷新贷后检查计划',
  }),
  'inspections.settings': method({
    input: z.object({}),
    output: scheduleSettings,
    access: 'loans.read',
    write: false,
    summary: '贷后检查频率设置',
  }),
  'inspections.setSettings': method({
    input: scheduleSettings,
    output: scheduleSettings,
    access: 'loans.approve',
    write: true,
    summary: '修改贷后检查频率',
  }),
  'inspections.guarantorLoans': method({
    input: z.object({ guarantorId: z.number().int().positive(), asOf: isoDate }),
    output: z.object({
      guarantorName: z.string(),
      loans: z.array(
        z.object({
          loanId: z.number().int(),
          contractNo: z.string(),
          role: z.enum(['borrower', 'guarantor']),
          principal: z.number().int(),
          status: z.string(),
          category: z.string(),
          dpd: z.number().int().nullable(),
          maturityDate: z.string(),
        }),
      ),
    }),
    access: 'loans.read',
    write: false,
    summary: '保证人自身贷款与担保情况',
  }),
  'inspections.routeSheet': method({
    input: z.object({
      asOf: isoDate,
      days: z.number().int().min(0).max(90).default(30),
      officerId: z.number().int().positive().optional(),
      village: z.string().trim().max(60).optional(),
      limit: z.number().int().min(1).max(500).default(300),
    }),
    output: z.object({ rows: z.array(routeSheetRow), villages: z.array(z.string()) }),
    access: 'loans.read',
    write: false,
    summary: '外勤路线单',
  }),
  'inspections.quickEntry': method({
    input: z.object({
      results: z
        .array(
          z.object({
            loanId: z.number().int().positive(),
            inspectedOn: isoDate,
            method: z.enum(INSPECTION_METHODS),
            conclusion: z.string().trim().min(1, '请填写检查结论').max(1000),
            signals: z.array(z.enum(INSPECTION_SIGNALS)).max(10).default([]),
          }),
        )
        .min(1)
        .max(500),
    }),
    output: z.object({ created: z.array(z.number().int()) }),
    access: 'loans.write',
    write: true,
    summary: '路线单结果快速录入（草稿）',
  }),
}
