// 罚息 penalty interest, 复利 compound interest and interest accrual (DOMAIN §1, §4).
// Per 银发〔2003〕251号: overdue principal → 罚息 at rate × (1 + markup); unpaid interest →
// 复利 at the same penalty rate; actual days at annual/360, 算头不算尾, rounded half-up per
// accrual segment. Integer arithmetic only: this runs for millions of installments.
import { invalid } from './errors'
import { civilFromDayNumber, daysInMonth, dayNumber, toDayNumber } from './dates'
import { assertFen } from './money'
import { Dec, decString, fraction, mul3DivHalfUp, parseDecimal, parsePercent } from './rates'

/** Default 罚息 markup (逾期), percent of the contract rate. */
export const DEFAULT_OVERDUE_MARKUP = '50'
/** Default markup for funds used against the agreed purpose (挪用), percent. */
export const DEFAULT_MISUSE_MARKUP = '100'
/** Max annual contract rate accepted by accrual functions, percent. */
export const MAX_ACCRUAL_RATE = 36
/** Max markup accepted, percent (251号 allows up to 100 %). */
export const MAX_MARKUP = 100

/** Input of overdueCharges: bases in 分, rate/markup as percent strings, from counted, to not. */
export interface OverdueChargesInput {
  readonly overduePrincipal: number
  readonly overdueInterest: number
  readonly annualRate: string
  readonly markupPercent: string
  readonly from: string
  readonly to: string
}
/** Days accrued and the two charges in 分. */
export interface OverdueCharges {
  days: number
  penaltyInterest: number
  compoundInterest: number
}

interface DailyCoef {
  num: number
  den: number
  bnum: bigint
  bden: bigint
  safe: boolean
}
// Two-level cache (rate → markup → coefficient): no key string is built per call, so the
// strings' cached hashes make a lookup cheap in batch runs over millions of installments.
const coefCache = new Map<string, Map<string, DailyCoef>>()

/** Daily penalty rate as an exact fraction: rate% × (1 + markup%) / 360. */
function dailyPenaltyCoef(annualRate: string, markupPercent: string): DailyCoef {
  let byMarkup = coefCache.get(annualRate)
  if (byMarkup === undefined) {
    if (coefCache.size > 1_000) coefCache.clear()
    byMarkup = new Map()
    coefCache.set(annualRate, byMarkup)
  }
  let c = byMarkup.get(markupPercent)
  if (c === undefined) {
    const r = parsePercent(annualRate, 'annualRate', MAX_ACCRUAL_RATE)
    const m = parsePercent(markupPercent, 'markupPercent', MAX_MARKUP)
    // r.num/r.den % × (100·m.den + m.num)/(100·m.den) / 100 / 360
    const bnum = BigInt(r.num) * BigInt(100 * m.den + m.num)
    const bden = BigInt(r.den) * BigInt(m.den) * 3_600_000n
    const num = Number(bnum),
      den = Number(bden)
    const safe = Number.isSafeInteger(num) && Number.isSafeInteger(den)
    const f = safe ? fraction(num, den) : { num, den }
    c = { num: f.num, den: f.den, bnum, bden, safe }
    if (byMarkup.size > 100) byMarkup.clear()
    byMarkup.set(markupPercent, c)
  }
  return c
}

function charge(base: number, days: number, c: DailyCoef): number {
  if (base === 0 || days === 0 || c.num === 0) return 0
  if (c.safe) return mul3DivHalfUp(base, days, c.num, c.den)
  return Number((2n * BigInt(base) * BigInt(days) * c.bnum + c.bden) / (2n * c.bden))
}

/**
 * 罚息 and 复利 for one accrual segment [from, to): days = to − from (0 if to ≤ from).
 * 100,000.00 元 overdue at 4.35 % +50 % for 30 days: round(10000000 × 6.525 % / 360 × 30) = 54375 分.
 */
export function overdueCharges(i: OverdueChargesInput): OverdueCharges {
  const op = i.overduePrincipal,
    oi = i.overdueInterest
  if (!Number.isSafeInteger(op) || op < 0) assertFen(op, 'overduePrincipal')
  if (!Number.isSafeInteger(oi) || oi < 0) assertFen(oi, 'overdueInterest')
  const c = dailyPenaltyCoef(i.annualRate, i.markupPercent)
  const d = toDayNumber(i.to, 'to') - toDayNumber(i.from, 'from')
  const days = d > 0 ? d : 0
  return { days, penaltyInterest: charge(op, days, c), compoundInterest: charge(oi, days, c) }
}

/** One accrual segment: the overdue bases stay constant from `from` (counted) to `to` (not). */
export interface OverdueSegment {
  readonly from: string
  readonly to: string
  readonly overduePrincipal: number
  readonly overdueInterest: number
}

/** Sums overdueCharges over segments, each rounded separately (a segment ends where the base changes). */
export function overdueChargesOverSegments(i: {
  readonly annualRate: string
  readonly markupPercent: string
  readonly segments: readonly OverdueSegment[]
}): OverdueCharges {
  const out: OverdueCharges = { days: 0, penaltyInterest: 0, compoundInterest: 0 }
  for (const s of i.segments) {
    const c = overdueCharges({ ...s, annualRate: i.annualRate, markupPercent: i.markupPercent })
    out.days += c.days
    out.penaltyInterest += c.penaltyInterest
    out.compoundInterest += c.compoundInterest
  }
  return out
}

/** Day-count conventions: actual days (算头不算尾) or 对月对日 (whole months + leftover days). */
export type DayCount = 'actual' | 'month_day'

/** Input of accrueInterest. */
export interface AccrueInput {
  readonly principal: number
  readonly annualRate: string
  readonly from: string
  readonly to: string
  readonly dayCount?: DayCount
}

/**
 * Interest on a constant balance from `from` (counted) to `to` (not), rounded half-up once.
 * 'actual': P × annual/360 × days. 'month_day' (对月对日): P × (months × annual/12 + days × annual/360),
 * months counted by addMonths (01-31 + 1 month = 02-29). 2024-01-15 → 2024-03-20 = 2 months 5 days.
 */
export function accrueInterest(i: AccrueInput): { interest: number; months: number; days: number } {
  const P = assertFen(i.principal, 'principal')
  const r = parsePercent(i.annualRate, 'annualRate', MAX_ACCRUAL_RATE)
  const a = toDayNumber(i.from, 'from'),
    b = toDayNumber(i.to, 'to')
  if (b < a) invalid('to', '结束日不得早于起息日')
  const dayDen = r.den * 36000
  if ((i.dayCount ?? 'actual') === 'actual') {
    return { interest: mul3DivHalfUp(P, b - a, r.num, dayDen), months: 0, days: b - a }
  }
  const [fy, fm, fd] = civilFromDayNumber(a)
  const [ty, tm] = civilFromDayNumber(b)
  const anniversary = (k: number): number => {
    const ym = fy * 12 + fm - 1 + k
    const y = Math.floor(ym / 12),
      m = (ym % 12) + 1
    return dayNumber(y, m, Math.min(fd, daysInMonth(y, m)))
  }
  let months = ty * 12 + tm - (fy * 12 + fm)
  if (anniversary(months) > b) months -= 1
  const days = b - anniversary(months)
  // annual/12 = 30 × annual/360, so one exact fraction: P × (30·months + days) × rate / 36000.
  return { interest: mul3DivHalfUp(P, 30 * months + days, r.num, dayDen), months, days }
}

/** Input of costWarning: the all-in annual cost and the settings it is checked against. */
export interface CostWarningInput {
  readonly annualCostPercent: string
  /** Courts' protection cap, percent; default '24'. */
  readonly capPercent?: string
  /** Current 1-year LPR, percent; when given, the cost is also checked against multiple × LPR. */
  readonly lprPercent?: string | null
  /** Default '4' (4 × LPR). */
  readonly lprMultiple?: string
}

/**
 * Warns when the all-in annual cost exceeds the cap (24 %) or, if an LPR is set, 4 × LPR.
 * costWarning({ annualCostPercent: '15.3', lprPercent: '3.45' }) → warn (4 × 3.45 = 13.8).
 */
export function costWarning(i: CostWarningInput): { warn: boolean; exceeded: ('cap' | 'lpr')[] } {
  parseDecimal(i.annualCostPercent, 'annualCostPercent')
  const cost = new Dec(i.annualCostPercent)
  const exceeded: ('cap' | 'lpr')[] = []
  const cap = i.capPercent ?? '24'
  parseDecimal(cap, 'capPercent')
  if (cost.gt(cap)) exceeded.push('cap')
  if (i.lprPercent != null) {
    parseDecimal(i.lprPercent, 'lprPercent')
    const mult = i.lprMultiple ?? '4'
    parseDecimal(mult, 'lprMultiple')
    if (cost.gt(new Dec(i.lprPercent).times(mult))) exceeded.push('lpr')
  }
  return { warn: exceeded.length > 0, exceeded }
}

/**
 * All-in annual cost, percent: the highest rate the borrower can be charged (contract rate ×
 * (1 + markup)) plus annualised fees. allInAnnualCost({ annualRate: '18', markupPercent: '50' }) = '27'.
 */
export function allInAnnualCost(i: {
  readonly annualRate: string
  readonly markupPercent?: string
  readonly feesAnnualPercent?: string
}): string {
  parseDecimal(i.annualRate, 'annualRate')
  const markup = i.markupPercent ?? '0'
  const fees = i.feesAnnualPercent ?? '0'
  parseDecimal(markup, 'markupPercent')
  parseDecimal(fees, 'feesAnnualPercent')
  return decString(new Dec(i.annualRate).times(new Dec(markup).div(100).plus(1)).plus(fees))
}
