// 客户分类 customer class (DOMAIN §5) and 五级分类 five-category suggestion (DOMAIN §6).
// The system only suggests; a person decides with a reason and a manager approves.
import { addMonths, toDayNumber } from './dates'
import { type Bucket, categoryFloorForDpd } from './delinquency'
import { invalid } from './errors'

/** 正常, 关注, 次级, 可疑, 损失 — ordered from best to worst. */
export const CATEGORIES = ['normal', 'special_mention', 'substandard', 'doubtful', 'loss'] as const
/** One of CATEGORIES. */
export type Category = (typeof CATEGORIES)[number]
/** The categories' names in documents and exports (2023 办法). */
export const CATEGORY_LABELS: Readonly<Record<Category, string>> = {
  normal: '正常',
  special_mention: '关注',
  substandard: '次级',
  doubtful: '可疑',
  loss: '损失',
}
/** Non-performing = 次级 + 可疑 + 损失. */
export const NON_PERFORMING: readonly Category[] = ['substandard', 'doubtful', 'loss']
/** Restructured loans are observed for 12 months before any upgrade. */
export const RESTRUCTURE_OBSERVATION_MONTHS = 12

/** Severity rank: normal 0 … loss 4. */
export function categoryRank(c: Category): number {
  return CATEGORIES.indexOf(c)
}
/** The more severe of two categories: worseCategory('normal', 'substandard') = 'substandard'. */
export function worseCategory(a: Category, b: Category): Category {
  return categoryRank(a) >= categoryRank(b) ? a : b
}
/** True for 次级, 可疑, 损失. */
export function isNonPerforming(c: Category): boolean {
  return NON_PERFORMING.includes(c)
}

/** Customer classes: A good, B watch, C high risk. */
export type CustomerClass = 'A' | 'B' | 'C'

/** One overdue episode: the worst bucket it reached and whether it was the first installment. */
export interface OverdueEpisode {
  readonly maxBucket: Bucket
  readonly firstInstallment?: boolean
  /** Date the episode began; with `asOf`, episodes older than 3 months are ignored. */
  readonly startDate?: string
}

/**
 * Customer class over the last 3 months (seed rule): C — overdue on the first installment, ≥ 2
 * M1 episodes, or any M2+; B — one M1 episode, or lost contact / dispute; A — otherwise.
 * Episodes dated before asOf − 3 months are ignored when `asOf` is given.
 */
export function customerClass(i: {
  readonly episodes: readonly OverdueEpisode[]
  readonly lostContact?: boolean
  readonly dispute?: boolean
  readonly asOf?: string
}): CustomerClass {
  const since = i.asOf === undefined ? null : addMonths(i.asOf, -3)
  const recent = i.episodes.filter(
    (e) => e.maxBucket !== 'M0' && (since === null || e.startDate === undefined || e.startDate >= since),
  )
  if (recent.some((e) => e.firstInstallment === true || e.maxBucket !== 'M1')) return 'C'
  if (recent.length >= 2) return 'C'
  if (recent.length === 1 || i.lostContact === true || i.dispute === true) return 'B'
  return 'A'
}

/** Collection actions (DOMAIN §5), as codes the UI translates. */
export type CollectionAction = 'pre_due_reminder' | 'phone_call' | 'written_notice' | 'visit' | 'legal_review'

/**
 * Collection strategy from class and bucket: reminder before due for C; phone for M1;
 * written notice + visit for M2 (and M3); legal review past M3.
 */
export function collectionActions(i: {
  readonly customerClass: CustomerClass
  readonly bucket: Bucket
}): CollectionAction[] {
  switch (i.bucket) {
    case 'M0':
      return i.customerClass === 'C' ? ['pre_due_reminder'] : []
    case 'M1':
      return ['phone_call']
    case 'M2':
    case 'M3':
      return ['written_notice', 'visit']
    case 'M3+':
      return ['written_notice', 'visit', 'legal_review']
  }
}

/** A restructuring (重组) of the loan: its date, for the one-year observation period. */
export interface Restructuring {
  readonly date: string
}

function inObservation(r: Restructuring | null | undefined, asOf: string): boolean {
  if (!r) return false
  toDayNumber(r.date, 'restructured.date')
  return asOf < addMonths(r.date, RESTRUCTURE_OBSERVATION_MONTHS)
}

/**
 * Least-severe category allowed: the DPD floor, and 关注 for a restructured loan (DOMAIN §6).
 * With `asOf`, the restructuring floor holds during its 1-year observation period; without it,
 * always (conservative). categoryFloor({ dpd: 0, restructured: { date } }) = 'special_mention'.
 */
export function categoryFloor(i: {
  readonly dpd: number
  readonly restructured?: Restructuring | null
  readonly asOf?: string
}): Category {
  if (!Number.isInteger(i.dpd) || i.dpd < 0) invalid('dpd', '逾期天数须为非负整数')
  const floor = categoryFloorForDpd(i.dpd)
  const restructuredFloor = i.restructured ? i.asOf === undefined || inObservation(i.restructured, i.asOf) : false
  return restructuredFloor ? worseCategory(floor, 'special_mention') : floor
}

/** Input of suggestCategory. */
export interface SuggestCategoryInput {
  readonly current: Category
  readonly dpd: number
  readonly asOf: string
  readonly restructured?: Restructuring | null
  /** Overdue amounts and the causes of the downgrade are cleared. */
  readonly causesCleared?: boolean
  /** Consecutive installments paid in full, and the months they cover. */
  readonly consecutiveFullPayments?: number
  readonly monthsPaidInFull?: number
}

/** Why a suggestion was made, as codes the UI translates. */
export type SuggestReason =
  | 'dpd_floor'
  | 'restructured_floor'
  | 'restructure_observation'
  | 'upgrade_conditions_met'
  | 'upgrade_conditions_not_met'
  | 'unchanged'

/**
 * Suggests a category: never better than the floor; a downgrade to the floor is immediate; an
 * upgrade (toward the floor) needs causes cleared and ≥ 2 consecutive full payments covering
 * ≥ 6 months, and never happens inside a restructuring's 1-year observation period.
 */
export function suggestCategory(i: SuggestCategoryInput): {
  suggested: Category
  floor: Category
  reasons: SuggestReason[]
} {
  toDayNumber(i.asOf, 'asOf')
  if (!CATEGORIES.includes(i.current)) invalid('current', `未知分类：${String(i.current)}`)
  const floor = categoryFloor({ dpd: i.dpd, restructured: i.restructured ?? null, asOf: i.asOf })
  if (categoryRank(i.current) < categoryRank(floor)) {
    const reason: SuggestReason = categoryFloorForDpd(i.dpd) === floor ? 'dpd_floor' : 'restructured_floor'
    return { suggested: floor, floor, reasons: [reason] }
  }
  if (i.current === floor) return { suggested: floor, floor, reasons: ['unchanged'] }
  if (inObservation(i.restructured, i.asOf))
    return { suggested: i.current, floor, reasons: ['restructure_observation'] }
  const met = i.causesCleared === true && (i.consecutiveFullPayments ?? 0) >= 2 && (i.monthsPaidInFull ?? 0) >= 6
  return met
    ? { suggested: floor, floor, reasons: ['upgrade_conditions_met'] }
    : { suggested: i.current, floor, reasons: ['upgrade_conditions_not_met'] }
}
