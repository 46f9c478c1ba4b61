// Plans beyond the standard methods (DOMAIN §2, §3): 自定义还款计划 custom plans entered by an
// officer, and re-amortisation after a partial prepayment (a new plan version).
import { invalid } from './errors'
import { monthDate, parseYmd, toDayNumber } from './dates'
import { assertFen, yuanText } from './money'
import { mulDivHalfUp, mul3DivHalfUp, parsePercent } from './rates'
import {
  type InterestBasis,
  MAX_PLAN_RATE,
  MAX_TERM_MONTHS,
  type Schedule,
  type ScheduleRow,
  buildSchedule,
} from './schedule'

/** One officer-entered row: due date and the principal due on it. */
export interface CustomRowInput {
  readonly dueDate: string
  readonly principal: number
}

/**
 * Custom plan: rows (dates + principal) entered by a person; interest per row is balance ×
 * annual/12 ('monthly', default) or balance × annual/360 × days since the previous date
 * ('actual_days', 算头不算尾). Dates must increase after startDate; principal must sum to the loan.
 */
export function buildCustomSchedule(i: {
  readonly principal: number
  readonly annualRate: string
  readonly startDate: string
  readonly rows: readonly CustomRowInput[]
  readonly interestBasis?: InterestBasis
}): Schedule {
  const P = assertFen(i.principal, 'principal', 1)
  const rate = parsePercent(i.annualRate, 'annualRate', MAX_PLAN_RATE)
  let prev = toDayNumber(i.startDate, 'startDate')
  if (i.rows.length < 1 || i.rows.length > MAX_TERM_MONTHS * 2)
    invalid('rows', `还款计划须有 1–${MAX_TERM_MONTHS * 2} 期`)
  let sum = 0
  for (const [k, r] of i.rows.entries()) {
    assertFen(r.principal, `rows.${k}.principal`)
    sum += r.principal
  }
  if (sum !== P) invalid('rows', `各期本金合计 ${yuanText(sum)}与贷款本金 ${yuanText(P)}不符`)
  const basis = i.interestBasis ?? 'monthly'
  const rows: ScheduleRow[] = []
  let bal = P,
    total = 0
  for (const [k, r] of i.rows.entries()) {
    const dn = toDayNumber(r.dueDate, `rows.${k}.dueDate`)
    if (dn <= prev) invalid(`rows.${k}.dueDate`, '还款日期须晚于放款日及上一期')
    const interest =
      basis === 'monthly'
        ? mulDivHalfUp(bal, rate.num, rate.den * 1200)
        : mul3DivHalfUp(bal, dn - prev, rate.num, rate.den * 36000)
    bal -= r.principal
    total += interest
    rows.push({
      seq: k + 1,
      dueDate: r.dueDate,
      principal: r.principal,
      interest,
      payment: r.principal + interest,
      balance: bal,
    })
    prev = dn
  }
  return { rows, totalInterest: total }
}

/** Re-amortisation choice after a partial prepayment: keep the payment or keep the term. */
export type ReamortizeMode = 'shorten_term' | 'lower_payment'

/** Input of reamortize. */
export interface ReamortizeInput {
  /** Principal outstanding after the prepayment, 分. */
  readonly balance: number
  readonly annualRate: string
  readonly method: 'annuity' | 'equal_principal'
  readonly mode: ReamortizeMode
  /** Due date of the last settled installment: new rows fall 1, 2, … months after it. */
  readonly fromDate: string
  /** Installments left on the current plan. */
  readonly remainingTerm: number
  /** Due day of the plan; defaults to fromDate's day. */
  readonly dueDay?: number
  /** For shorten_term: the current level payment (annuity) or principal per row (equal principal). */
  readonly currentInstallment?: number
}

/**
 * New rows for the outstanding balance after a partial prepayment. 'lower_payment' keeps the
 * remaining term and recomputes the plan; 'shorten_term' keeps the current installment and
 * ends earlier (last row takes the rest). Principal of the new rows sums to `balance`.
 */
export function reamortize(i: ReamortizeInput): Schedule {
  const B = assertFen(i.balance, 'balance', 1)
  const n = i.remainingTerm
  if (!Number.isInteger(n) || n < 1 || n > MAX_TERM_MONTHS)
    invalid('remainingTerm', `剩余期数须为 1–${MAX_TERM_MONTHS} 的整数`)
  const base = {
    principal: B,
    annualRate: i.annualRate,
    method: i.method,
    startDate: i.fromDate,
    ...(i.dueDay !== undefined ? { dueDay: i.dueDay } : {}),
  }
  if (i.mode !== 'lower_payment' && i.mode !== 'shorten_term') return invalid('mode', `未知重算方式：${String(i.mode)}`)
  // Without a current installment to keep, shortening has nothing to hold fixed: same as the full term.
  if (i.mode === 'lower_payment' || i.currentInstallment === undefined) return buildSchedule({ ...base, termMonths: n })
  const rate = parsePercent(i.annualRate, 'annualRate', MAX_PLAN_RATE)
  const inst = assertFen(i.currentInstallment, 'currentInstallment', 1)
  const p = parseYmd(i.fromDate)
  if (!p) return invalid('fromDate', `日期无效：${String(i.fromDate)}`)
  const day = i.dueDay ?? p[2]
  if (!Number.isInteger(day) || day < 1 || day > 31) invalid('dueDay', '还款日须为 1–31 的整数')
  const rows: ScheduleRow[] = []
  let bal = B,
    total = 0
  for (let k = 1; bal > 0; k++) {
    const interest = mulDivHalfUp(bal, rate.num, rate.den * 1200)
    const share = i.method === 'annuity' ? inst - interest : inst
    if (share <= 0) invalid('currentInstallment', '每期还款额不足以覆盖利息，无法缩短期限')
    // Never lengthen the plan: the last of the remaining installments takes the whole rest.
    const principal = share >= bal || k === n ? bal : share
    bal -= principal
    total += interest
    rows.push({
      seq: k,
      dueDate: monthDate(p[0] * 12 + p[1] - 1 + k, day),
      principal,
      interest,
      payment: principal + interest,
      balance: bal,
    })
  }
  return { rows, totalInterest: total }
}
