// 还款计划 repayment plans (DOMAIN §2). Money in 分, interest rounded half-up per row.
// Hot path: no Decimal per row — rates are exact fractions and rows use integer arithmetic;
// only the annuity payment needs big numbers, computed exactly with BigInt once per plan.
import { assertNever, invalid } from './errors'
import { daysInMonth, dayNumber, monthDate, parseYmd } from './dates'
import { assertFen } from './money'
import { type Fraction, fraction, mulDivHalfUp, mul3DivHalfUp, parsePercent } from './rates'

/** Repayment methods: 等额本息, 等额本金, 按季结息到期还本, 按月结息到期还本, 利随本清. */
export const METHODS = ['annuity', 'equal_principal', 'quarterly_interest', 'monthly_interest', 'bullet'] as const
/** One of METHODS. */
export type Method = (typeof METHODS)[number]
/** How period interest of monthly methods is computed: balance × annual/12, or actual days × annual/360. */
export type InterestBasis = 'monthly' | 'actual_days'

/** One installment of a plan; `balance` is the principal outstanding after it. */
export interface ScheduleRow {
  seq: number
  dueDate: string
  principal: number
  interest: number
  payment: number
  balance: number
}
/** A plan: its rows and the sum of their (rounded) interest. */
export interface Schedule {
  rows: ScheduleRow[]
  totalInterest: number
}
/**
 * Input of buildSchedule. `dueDay` and `interestBasis` (default 'monthly') apply to annuity and
 * equal principal; interest-only methods settle on the 20th and mature on addMonths(startDate, termMonths).
 */
export interface ScheduleInput {
  readonly principal: number
  readonly annualRate: string
  readonly termMonths: number
  readonly method: Method
  readonly startDate: string
  readonly dueDay?: number
  readonly interestBasis?: InterestBasis
}

/** Max term accepted (30 years). */
export const MAX_TERM_MONTHS = 360
/** Max annual rate accepted for a plan, percent. */
export const MAX_PLAN_RATE = 36
/** 结息日: interest of 按季/按月结息 loans settles on the 20th. */
export const SETTLEMENT_DAY = 20

interface Plan {
  P: number
  rate: Fraction // annual percent as num/den
  n: number
  startYm: number // y*12 + m-1
  startDay: number
  startDn: number
  dueDay: number
}

function validate(i: ScheduleInput): Plan {
  const P = assertFen(i.principal, 'principal', 1)
  const rate = parsePercent(i.annualRate, 'annualRate', MAX_PLAN_RATE)
  const n = i.termMonths
  if (!Number.isInteger(n) || n < 1 || n > MAX_TERM_MONTHS)
    invalid('termMonths', `期限须为 1–${MAX_TERM_MONTHS} 个月的整数`)
  if (!(METHODS as readonly string[]).includes(i.method)) invalid('method', `未知还款方式：${String(i.method)}`)
  const p = parseYmd(i.startDate)
  if (!p) return invalid('startDate', `日期无效：${String(i.startDate)}（应为 YYYY-MM-DD）`)
  const dueDay = i.dueDay ?? p[2]
  if (!Number.isInteger(dueDay) || dueDay < 1 || dueDay > 31) invalid('dueDay', '还款日须为 1–31 的整数')
  if (i.interestBasis !== undefined && i.interestBasis !== 'monthly' && i.interestBasis !== 'actual_days') {
    invalid('interestBasis', `未知计息方式：${String(i.interestBasis)}`)
  }
  return { P, rate, n, startYm: p[0] * 12 + p[1] - 1, startDay: p[2], startDn: dayNumber(p[0], p[1], p[2]), dueDay }
}

/**
 * Builds the repayment plan (DOMAIN §2). Example: 1,200.00 元 at 6 % over 12 months, annuity →
 * payment round(120000·0.005·1.005¹²/(1.005¹²−1)) = 10328 分; row 1 interest round(120000·0.005) = 600.
 */
export function buildSchedule(i: ScheduleInput): Schedule {
  const plan = validate(i)
  switch (i.method) {
    case 'annuity':
      return amortized(plan, 'annuity', i.interestBasis ?? 'monthly')
    case 'equal_principal':
      return amortized(plan, 'equal_principal', i.interestBasis ?? 'monthly')
    case 'quarterly_interest':
      return interestOnly(plan, 3)
    case 'monthly_interest':
      return interestOnly(plan, 1)
    case 'bullet':
      return bullet(plan)
    default:
      return assertNever(i.method)
  }
}

/** round_half_up(x / d) where x = a·b was computed in floats; exact fallback when x is large. */
function halfUp(x: number, d: number, a: number, b: number): number {
  if (x > 4503599627370496 || d > 4503599627370496) return mulDivHalfUp(a, b, d)
  let q = Math.floor(x / d)
  let r = x - q * d
  if (r < 0) {
    q -= 1
    r += d
  } else if (r >= d) {
    q += 1
    r -= d
  }
  return r * 2 >= d ? q + 1 : q
}

const factorCache = new Map<string, { num: bigint; den: bigint }>()

/**
 * Exact annuity factor r(1+r)^n/((1+r)^n−1) as a BigInt fraction, r = N/D (monthly rate).
 * Cached per (rate, n): a portfolio has few distinct rates and terms.
 */
function annuityFactor(N: number, D: number, n: number): { num: bigint; den: bigint } {
  const key = `${N}/${D}/${n}`
  let f = factorCache.get(key)
  if (f === undefined) {
    const bn = BigInt(n),
      bD = BigInt(D)
    const An = (bD + BigInt(N)) ** bn
    f = { num: BigInt(N) * An, den: bD * (An - bD ** bn) }
    if (factorCache.size > 2_000) factorCache.clear()
    factorCache.set(key, f)
  }
  return f
}

/**
 * 等额本息 level payment, rounded half-up to the 分: P·r·(1+r)^n/((1+r)^n−1), r = annual/12;
 * P/n when the rate is 0. annuityPayment(120000, '6', 12) = 10328.
 */
export function annuityPayment(principal: number, annualRate: string, termMonths: number): number {
  const P = assertFen(principal, 'principal', 1)
  const rate = parsePercent(annualRate, 'annualRate', MAX_PLAN_RATE)
  if (!Number.isInteger(termMonths) || termMonths < 1 || termMonths > MAX_TERM_MONTHS)
    invalid('termMonths', `期限须为 1–${MAX_TERM_MONTHS} 个月的整数`)
  return levelPayment(P, rate, termMonths)
}

function levelPayment(P: number, rate: Fraction, n: number): number {
  if (rate.num === 0) return mulDivHalfUp(P, 1, n)
  const r = fraction(rate.num, rate.den * 1200)
  const f = annuityFactor(r.num, r.den, n)
  return Number((2n * BigInt(P) * f.num + f.den) / (2n * f.den))
}

function amortized(p: Plan, method: 'annuity' | 'equal_principal', basis: InterestBasis): Schedule {
  const { P, n, rate } = p
  const monthDen = rate.den * 1200 // monthly rate = num / (den·1200)
  const dayDen = rate.den * 36000 // daily rate = num / (den·36000)
  let level: number
  if (method === 'annuity') level = levelPayment(P, rate, n)
  else {
    // round(P/n); if the rounded-up share would overdraw the loan before the last row
    // (only for tiny principals, e.g. 180 分 over 360 months), use floor(P/n) instead.
    level = mulDivHalfUp(P, 1, n)
    if (level * (n - 1) > P) level = Math.floor(P / n)
  }
  const rows: ScheduleRow[] = []
  const actual = basis === 'actual_days'
  let bal = P,
    total = 0,
    prevDn = p.startDn
  for (let k = 1; k <= n; k++) {
    const ym = p.startYm + k
    const dueDate = monthDate(ym, p.dueDay)
    let interest = 0
    if (!actual) {
      if (rate.num !== 0) interest = halfUp(bal * rate.num, monthDen, bal, rate.num)
    } else {
      const y = Math.floor(ym / 12),
        m = (ym % 12) + 1
      const dn = dayNumber(y, m, Math.min(p.dueDay, daysInMonth(y, m)))
      interest = mul3DivHalfUp(bal, dn - prevDn, rate.num, dayDen)
      prevDn = dn
    }
    let principal: number
    if (k === n)
      principal = bal // the last row absorbs rounding
    else if (method === 'annuity') principal = Math.max(0, Math.min(level - interest, bal))
    else principal = Math.min(level, bal)
    bal -= principal
    total += interest
    rows.push({ seq: k, dueDate, principal, interest, payment: principal + interest, balance: bal })
  }
  return { rows, totalInterest: total }
}

/**
 * 按季/按月结息 to maturity: interest on the 20th (every `step` months, Mar/Jun/Sep/Dec for 3)
 * by actual days at annual/360. Period = start (or day after previous 结息日) .. 结息日 inclusive;
 * last period = day after last 结息日 .. maturity exclusive, paid with the principal.
 */
function interestOnly(p: Plan, step: 1 | 3): Schedule {
  const { P, rate } = p
  const dayDen = rate.den * 36000
  const matYm = p.startYm + p.n
  const matY = Math.floor(matYm / 12),
    matM = (matYm % 12) + 1
  const matDn = dayNumber(matY, matM, Math.min(p.startDay, daysInMonth(matY, matM)))
  const rows: ScheduleRow[] = []
  let total = 0
  let from = p.startDn // first day of the current period (counted)
  for (let ym = p.startYm; ym <= matYm; ym++) {
    if (step === 3 && (ym % 12) % 3 !== 2) continue // months 3, 6, 9, 12
    const y = Math.floor(ym / 12),
      m = (ym % 12) + 1
    const dn = dayNumber(y, m, SETTLEMENT_DAY)
    if (dn < p.startDn || dn >= matDn) continue
    const interest = mul3DivHalfUp(P, dn - from + 1, rate.num, dayDen) // 结息日 inclusive
    total += interest
    rows.push({
      seq: rows.length + 1,
      dueDate: monthDate(ym, SETTLEMENT_DAY),
      principal: 0,
      interest,
      payment: interest,
      balance: P,
    })
    from = dn + 1
  }
  const interest = mul3DivHalfUp(P, matDn - from, rate.num, dayDen) // maturity not counted
  total += interest
  rows.push({
    seq: rows.length + 1,
    dueDate: monthDate(matYm, p.startDay),
    principal: P,
    interest,
    payment: P + interest,
    balance: 0,
  })
  return { rows, totalInterest: total }
}

/** 利随本清: one row at maturity, interest = P × annual/360 × days (算头不算尾). */
function bullet(p: Plan): Schedule {
  const matYm = p.startYm + p.n
  const y = Math.floor(matYm / 12),
    m = (matYm % 12) + 1
  const days = dayNumber(y, m, Math.min(p.startDay, daysInMonth(y, m))) - p.startDn
  const interest = mul3DivHalfUp(p.P, days, p.rate.num, p.rate.den * 36000)
  const row = {
    seq: 1,
    dueDate: monthDate(matYm, p.startDay),
    principal: p.P,
    interest,
    payment: p.P + interest,
    balance: 0,
  }
  return { rows: [row], totalInterest: interest }
}
