// 逾期 delinquency: DPD, buckets and the five-category floor implied by DPD (DOMAIN §5, §6).
import { toDayNumber } from './dates'
import type { Category } from './classification'

/** Delinquency buckets: M0 current, M1 1–30, M2 31–60, M3 61–90, M3+ > 90 days past due. */
export const BUCKETS = ['M0', 'M1', 'M2', 'M3', 'M3+'] as const
/** One of BUCKETS. */
export type Bucket = (typeof BUCKETS)[number]

/** The buckets' names in documents and exports. */
export const BUCKET_LABELS: Readonly<Record<Bucket, string>> = {
  M0: 'M0 未逾期',
  M1: 'M1（1–30 天）',
  M2: 'M2（31–60 天）',
  M3: 'M3（61–90 天）',
  'M3+': 'M3+（90 天以上）',
}

/** Bucket of a DPD: bucketOf(30) = 'M1', bucketOf(31) = 'M2', bucketOf(91) = 'M3+'. */
export function bucketOf(dpd: number): Bucket {
  if (dpd <= 0) return 'M0'
  if (dpd <= 30) return 'M1'
  if (dpd <= 60) return 'M2'
  if (dpd <= 90) return 'M3'
  return 'M3+'
}

/**
 * Least-severe category a DPD allows (2023 办法): ≥ 1 → 关注, > 90 → 次级, > 270 → 可疑, > 360 → 损失.
 * categoryFloorForDpd(90) = 'special_mention'; (91) = 'substandard'; (361) = 'loss'.
 */
export function categoryFloorForDpd(dpd: number): Category {
  if (dpd > 360) return 'loss'
  if (dpd > 270) return 'doubtful'
  if (dpd > 90) return 'substandard'
  if (dpd >= 1) return 'special_mention'
  return 'normal'
}

/**
 * DPD as of `asOf` = asOf − earliest unpaid due date (0 if none, or not yet past), its bucket and
 * category floor. Due 2024-03-20, as of 2024-04-19 → 30 (M1); as of 2024-03-20 → 0 (due today).
 */
export function delinquency(i: { readonly earliestUnpaidDueDate: string | null; readonly asOf: string }): {
  dpd: number
  bucket: Bucket
  minCategory: Category
} {
  const asOf = toDayNumber(i.asOf, 'asOf')
  const d = i.earliestUnpaidDueDate === null ? 0 : asOf - toDayNumber(i.earliestUnpaidDueDate, 'earliestUnpaidDueDate')
  const dpd = d > 0 ? d : 0
  return { dpd, bucket: bucketOf(dpd), minCategory: categoryFloorForDpd(dpd) }
}
