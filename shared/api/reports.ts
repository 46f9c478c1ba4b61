import { z } from 'zod'
import { BUCKETS, CATEGORIES } from '../domain'
import { method } from './contract'
import { fen, isoDate } from './common'

const count = z.number().int().nonnegative()
const slice = {
  village: z.string().trim().min(1).max(40).optional(),
  officerId: z.number().int().positive().optional(),
  product: z.string().trim().min(1).max(40).optional(),
}
/** A category column of the migration matrix: the five categories plus not-yet-disbursed / closed. */
export const MIGRATION_STATES = ['new', ...CATEGORIES, 'closed'] as const

export const qualityView = z.object({
  asOf: isoDate,
  total: z.object({ count, balance: fen }),
  byCategory: z.array(z.object({ category: z.enum(CATEGORIES), count, balance: fen })),
  byBucket: z.array(z.object({ bucket: z.enum(BUCKETS), count, balance: fen })),
  /** (次级+可疑+损失 balance) ÷ total balance, 4 decimal places, e.g. "0.0523". */
  nplRatio: z.string(),
})
export type QualityView = z.infer<typeof qualityView>

export const migrationView = z.object({
  rows: z.array(z.object({ from: z.enum(MIGRATION_STATES), to: z.enum(MIGRATION_STATES), count, balance: fen })),
})
export type MigrationView = z.infer<typeof migrationView>

const excel = z.object({ fileName: z.string(), contentBase64: z.string() })
/** A calendar month, YYYY-MM. */
export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM，如 2026-11')

/** One figure of a report section: an amount in 分, a count, or text. */
export const reportRow = z.object({
  label: z.string(),
  value: z.union([z.number(), z.string()]),
  unit: z.enum(['fen', 'count', 'text']),
})
export type ReportRow = z.infer<typeof reportRow>
/** A titled group of figures in the monthly report. */
export const reportSection = z.object({ key: z.string(), title: z.string(), rows: z.array(reportRow) })
export type ReportSection = z.infer<typeof reportSection>

export const monthlyView = z.object({
  month,
  /** The month's last day and the previous month's last day. */
  asOf: isoDate,
  previousAsOf: isoDate,
  quality: qualityView,
  previous: qualityView,
  migration: migrationView,
  sections: z.array(reportSection),
  /** Loans of concern on the month-end: worst category, then most days past due. */
  concerns: z.array(
    z.object({
      loanId: z.number().int(),
      contractNo: z.string(),
      borrowerName: z.string(),
      officerName: z.string(),
      dpd: z.number().int(),
      category: z.enum(CATEGORIES),
      balance: fen,
    }),
  ),
  commentary: z.object({ text: z.string(), updatedBy: z.string(), updatedAt: z.string() }).nullable(),
})
export type MonthlyView = z.infer<typeof monthlyView>

/** Reports (报表): portfolio quality, five-category migration, the monthly 贷后管理报告. */
export const reportMethods = {
  'reports.quality': method({
    input: z.object({ asOf: isoDate, ...slice }),
    output: qualityView,
    access: 'reports.read',
    write: false,
    summary: '资产质量报表（五级分类、账龄、不良率）',
  }),
  'reports.migration': method({
    input: z.object({ from: isoDate, to: isoDate }).refine((v) => v.from < v.to, {
      message: '起始日期须早于截止日期',
      path: ['to'],
    }),
    output: migrationView,
    access: 'reports.read',
    write: false,
    summary: '五级分类迁徙矩阵',
  }),
  'reports.monthly': method({
    input: z.object({ month }),
    output: monthlyView,
    access: 'reports.read',
    write: false,
    summary: '月度贷后管理报告',
  }),
  'reports.saveCommentary': method({
    input: z.object({ month, text: z.string().trim().min(1, '请填写点评内容').max(4000, '点评最多 4000 个字') }),
    output: z.object({ ok: z.literal(true) }),
    access: 'reports.comment',
    write: true,
    summary: '填写月度报告点评',
  }),
  'reports.exportMonthly': method({
    input: z.object({ month }),
    output: excel,
    access: 'reports.read',
    write: false,
    summary: '导出月度贷后管理报告（Excel）',
  }),
  'reports.exportQuality': method({
    input: z.object({ asOf: isoDate, ...slice }),
    output: excel,
    access: 'reports.read',
    write: false,
    summary: '导出资产质量报表（Excel）',
  }),
}
