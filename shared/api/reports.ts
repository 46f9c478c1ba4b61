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

/** A ratio as a decimal string with 4 places ("0.8750"), or null when nothing was due (0 ÷ 0). */
const rate = z.string().nullable()

/** One officer's 考核 (process-control) figures over a period; see electron/backend/reports/kpis.ts. */
export const kpiRow = z.object({
  rank: count,
  officerId: z.number().int(),
  officerName: z.string(),
  /** Loans outstanding at the period end and their principal. */
  loans: count,
  balance: fen,
  /** Routine checks whose planned date fell in the period, and those done by that date. */
  inspectionsDue: count,
  inspectionsOnTime: count,
  inspectionsOnTimeRate: rate,
  /** Loans whose 30-day first-check deadline fell in the period, and those checked by then. */
  firstChecksDue: count,
  firstChecksOnTime: count,
  firstCheckRate: rate,
  /** Warnings opened in the period that needed work, and those actioned or closed within N days. */
  warnings: count,
  warningsHandled: count,
  warningsHandledRate: rate,
  /** Contacts logged in the period ÷ loans overdue at the period end. */
  contacts: count,
  overdueLoans: count,
  contactsPerOverdueLoan: rate,
  /** Promises to pay due in the period: kept ÷ (kept + broken). */
  promisesDue: count,
  promisesKept: count,
  promisesKeptRate: rate,
  overdueBalance: fen,
  overdueRate: z.string(),
  nplBalance: fen,
  nplRatio: z.string(),
  /** 核销后收回 posted in the period. */
  recoveries: fen,
  /** The mean of the four process rates present (the ranking key), 4 places; null when none applies. */
  score: rate,
})
export type KpiRow = z.infer<typeof kpiRow>

const kpiBase = z.object({
  from: isoDate,
  to: isoDate,
  /** Warnings count as handled when actioned or closed within this many days of opening. */
  warningDays: z.number().int().min(1, '处置天数至少 1 天').max(90, '处置天数最多 90 天').default(7),
})
const fromNotAfterTo = (v: { from: string; to: string }) => v.from <= v.to
const fromNotAfterToError = { message: '起始日期不能晚于截止日期', path: ['to'] }
const kpiInput = kpiBase.refine(fromNotAfterTo, fromNotAfterToError)

export const kpiView = z.object({ from: isoDate, to: isoDate, warningDays: count, rows: z.array(kpiRow) })
export type KpiView = z.infer<typeof kpiView>

/** Why a loan is listed under an officer's weak figure. */
export const KPI_ISSUES = [
  'inspection_late',
  'first_check_late',
  'warning_unhandled',
  'promise_broken',
  'overdue_uncontacted',
  'npl',
] as const
export type KpiIssue = (typeof KPI_ISSUES)[number]

export const officerKpiView = z.object({
  from: isoDate,
  to: isoDate,
  warningDays: count,
  row: kpiRow,
  /** The loans behind the figures that fell short, worst kinds first. */
  items: z.array(
    z.object({
      issue: z.enum(KPI_ISSUES),
      loanId: z.number().int(),
      contractNo: z.string(),
      borrowerName: z.string(),
      /** The date the figure turns on: planned check date, deadline, promise date, … */
      date: isoDate,
      amount: fen.nullable(),
      detail: z.string(),
    }),
  ),
})
export type OfficerKpiView = z.infer<typeof officerKpiView>

/** One month-end of the quality trend (from the month-end snapshots). */
export const trendPoint = z.object({
  asOf: isoDate,
  byCategory: z.array(z.object({ category: z.enum(CATEGORIES), balance: fen })),
  total: fen,
  nplRatio: z.string(),
})

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
  'reports.kpis': method({
    input: kpiInput,
    output: kpiView,
    access: 'reports.read',
    write: false,
    summary: '信贷员考核指标（排名）',
  }),
  'reports.officerKpis': method({
    input: kpiBase.extend({ officerId: z.number().int().positive() }).refine(fromNotAfterTo, fromNotAfterToError),
    output: officerKpiView,
    access: 'reports.read',
    write: false,
    summary: '单个信贷员的考核指标和未达标贷款',
  }),
  'reports.exportKpis': method({
    input: kpiInput,
    output: excel,
    access: 'reports.read',
    write: false,
    summary: '导出信贷员考核表（Excel）',
  }),
  'reports.exportMigration': method({
    input: z.object({ from: isoDate, to: isoDate }).refine((v) => v.from < v.to, {
      message: '起始日期须早于截止日期',
      path: ['to'],
    }),
    output: excel,
    access: 'reports.read',
    write: false,
    summary: '导出五级分类迁徙矩阵（Excel）',
  }),
  'reports.trend': method({
    /** The 12 month-ends up to and including `to`'s month (those with a snapshot). */
    input: z.object({ to: isoDate, months: z.number().int().min(1).max(24).default(12) }),
    output: z.object({ points: z.array(trendPoint) }),
    access: 'reports.read',
    write: false,
    summary: '资产质量走势（月末快照）',
  }),
}
