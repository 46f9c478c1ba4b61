// 贷后检查 schedule rules (DOMAIN §8): when a loan's next inspection falls due. Pure and
// clock-free: every date comes in as an argument.
import { addDays, addMonths, isValidDate } from './dates'
import type { Category } from './classification'
import { DomainError } from './errors'

/** Record types: 首次检查, 定期检查, 专项检查, 抵质押物检查, 保证人检查. */
export const INSPECTION_TYPES = ['first', 'routine', 'special', 'collateral', 'guarantor'] as const
export type InspectionType = (typeof INSPECTION_TYPES)[number]

/** How the check was made: 实地 / 家访 / 电话 / 非现场. */
export const INSPECTION_METHODS = ['onsite', 'home_visit', 'phone', 'offsite'] as const
export type InspectionMethod = (typeof INSPECTION_METHODS)[number]

/**
 * Signals that call for a special check (DOMAIN §8): overdue, a risk warning, guarantor trouble,
 * collateral loss or price fall, business stoppage, lawsuit, illness/death, migration, disaster.
 */
export const INSPECTION_SIGNALS = [
  'overdue',
  'warning',
  'guarantor',
  'collateral_fall',
  'business_stop',
  'lawsuit',
  'illness',
  'migration',
  'disaster',
  'other',
] as const
export type InspectionSignal = (typeof INSPECTION_SIGNALS)[number]

/** Frequencies a cooperative may change (settings); months unless named days. */
export interface InspectionSettings {
  /** First check window after disbursement: not before day `firstCheckMinDays`, due by day `firstCheckMaxDays`. */
  firstCheckMinDays: number
  firstCheckMaxDays: number
  /** Routine frequency by guarantee type: 农户小额信用 ≥ yearly, guaranteed and mortgage loans semiannual. */
  creditMonths: number
  guaranteeMonths: number
  /** Guaranteed loans at or above `largeLoanFen` are checked quarterly. */
  largeGuaranteeMonths: number
  largeLoanFen: number
  mortgageMonths: number
  pledgeMonths: number
  /** Enterprise borrowers: quarterly. */
  enterpriseMonths: number
  /** 关注 loans: monthly or quarterly (default quarterly); non-performing: monthly. */
  specialMentionMonths: number
  nonPerformingMonths: number
  /** Mortgage/pledge collateral is revalued at least this often. */
  collateralRevalueMonths: number
  /** A special check is due this many days after its signal was raised. */
  specialCheckDays: number
}

/** Defaults from DOMAIN §8 (a large guaranteed loan = 50 万元 or more). */
export const DEFAULT_INSPECTION_SETTINGS: InspectionSettings = {
  firstCheckMinDays: 15,
  firstCheckMaxDays: 30,
  creditMonths: 12,
  guaranteeMonths: 6,
  largeGuaranteeMonths: 3,
  largeLoanFen: 50_000_000,
  mortgageMonths: 6,
  pledgeMonths: 6,
  enterpriseMonths: 3,
  specialMentionMonths: 3,
  nonPerformingMonths: 1,
  collateralRevalueMonths: 12,
  specialCheckDays: 7,
}

/** What the routine frequency depends on. */
export interface ScheduleLoan {
  /** credit / guarantee / mortgage / pledge. */
  readonly guaranteeType: string
  readonly principal: number
  readonly borrowerKind: 'individual' | 'enterprise' | string
  readonly category: Category | string
}

/**
 * Months between routine checks: the shortest of the frequencies that apply (guarantee type,
 * enterprise, category). A 关注 mortgage loan: min(6, 3) = 3.
 */
export function routineIntervalMonths(loan: ScheduleLoan, s: InspectionSettings = DEFAULT_INSPECTION_SETTINGS): number {
  const byType: Record<string, number> = {
    credit: s.creditMonths,
    guarantee: loan.principal >= s.largeLoanFen ? s.largeGuaranteeMonths : s.guaranteeMonths,
    mortgage: s.mortgageMonths,
    pledge: s.pledgeMonths,
  }
  const candidates = [byType[loan.guaranteeType] ?? s.creditMonths]
  if (loan.borrowerKind === 'enterprise') candidates.push(s.enterpriseMonths)
  if (loan.category === 'special_mention') candidates.push(s.specialMentionMonths)
  if (loan.category === 'substandard' || loan.category === 'doubtful' || loan.category === 'loss')
    candidates.push(s.nonPerformingMonths)
  return Math.min(...candidates)
}

/**
 * The first-check window (算头: day 0 is the disbursement date): disbursed 2024-01-31 → from
 * 2024-02-15 (day 15), due 2024-03-01 (day 30; 2024 is a leap year).
 */
export function firstCheckWindow(
  disbursementDate: string,
  s: InspectionSettings = DEFAULT_INSPECTION_SETTINGS,
): { from: string; due: string } {
  return { from: addDays(disbursementDate, s.firstCheckMinDays), due: addDays(disbursementDate, s.firstCheckMaxDays) }
}

/** Why an inspection falls due. */
export type DueKind = 'first' | 'routine' | 'collateral' | 'special'

/** A loan's inspection history and open signals, as the schedule needs them. */
export interface InspectionScheduleInput extends ScheduleLoan {
  readonly disbursementDate: string
  /** Date of the signed first check (资金流向), null if none yet. */
  readonly firstCheckOn: string | null
  /** Date of the latest signed inspection of any type, and the next date it proposed. */
  readonly lastInspectionOn: string | null
  readonly proposedNextDate: string | null
  /** Latest valuation date of the loan's collateral (null when it has none). */
  readonly lastValuationOn: string | null
  /** Earliest open signal (raised after the latest signed inspection), if any. */
  readonly openSignal: { readonly kind: InspectionSignal; readonly raisedOn: string } | null
}

/** The next inspection: the earliest of the dates the rules give, with the rule that gave it. */
export interface NextInspection {
  dueDate: string
  kind: DueKind
  /** For a special check, the signal behind it. */
  signal: InspectionSignal | null
}

/**
 * Next inspection date of a loan (DOMAIN §8). Candidates: the first check (disbursement + 30 days)
 * until one is signed; then the routine check (last signed inspection + the routine interval, same
 * day-of-month or the month's last day: 2024-01-31 + 1 month = 2024-02-29), brought forward to the
 * date the last record proposed if earlier; the collateral revaluation (last valuation + 12 months)
 * for mortgage/pledge loans; a special check `specialCheckDays` after an open signal. Earliest wins;
 * on a tie the more specific kind (special > first > collateral > routine).
 */
export function nextInspection(
  i: InspectionScheduleInput,
  s: InspectionSettings = DEFAULT_INSPECTION_SETTINGS,
): NextInspection {
  for (const [k, v] of [
    ['disbursementDate', i.disbursementDate],
    ['firstCheckOn', i.firstCheckOn],
    ['lastInspectionOn', i.lastInspectionOn],
    ['proposedNextDate', i.proposedNextDate],
    ['lastValuationOn', i.lastValuationOn],
    ['openSignal', i.openSignal?.raisedOn ?? null],
  ] as const) {
    if (v !== null && !isValidDate(v)) throw new DomainError('VALIDATION', k, `日期无效：${v}`)
  }
  const found: NextInspection[] = []
  if (i.openSignal)
    found.push({
      dueDate: addDays(i.openSignal.raisedOn, s.specialCheckDays),
      kind: 'special',
      signal: i.openSignal.kind,
    })
  if (i.firstCheckOn === null)
    found.push({ dueDate: firstCheckWindow(i.disbursementDate, s).due, kind: 'first', signal: null })
  if (i.lastValuationOn !== null && (i.guaranteeType === 'mortgage' || i.guaranteeType === 'pledge')) {
    found.push({ dueDate: addMonths(i.lastValuationOn, s.collateralRevalueMonths), kind: 'collateral', signal: null })
  }
  if (i.firstCheckOn !== null) {
    const last =
      i.lastInspectionOn !== null && i.lastInspectionOn > i.firstCheckOn ? i.lastInspectionOn : i.firstCheckOn
    let due = addMonths(last, routineIntervalMonths(i, s))
    if (i.proposedNextDate !== null && i.proposedNextDate > last && i.proposedNextDate < due) due = i.proposedNextDate
    found.push({ dueDate: due, kind: 'routine', signal: null })
  }
  // `found` is non-empty: either the first check or the routine check is always a candidate.
  return found.reduce((a, b) => (b.dueDate < a.dueDate ? b : a))
}

/** The Monday-to-Sunday week containing `date` ('本周'), as [monday, sunday]. */
export function weekOf(date: string): { from: string; to: string } {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const dow = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7 // Monday = 0
  return { from: addDays(date, -dow), to: addDays(date, 6 - dow) }
}
