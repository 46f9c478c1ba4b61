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

/** Reports (报表): portfolio quality, five-category migration. */
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
  'reports.exportQuality': method({
    input: z.object({ asOf: isoDate, ...slice }),
    output: excel,
    access: 'reports.read',
    write: false,
    summary: '导出资产质量报表（Excel）',
  }),
}
