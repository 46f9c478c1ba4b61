// Pure: the calculator form's text values → validated inputs, the plan, the comparison of all
// methods and the cost check. Every rule comes from @shared/domain (the same code the backend
// runs for the export); this file only maps DomainError fields onto the form's fields.
import { type CalculatorInput, type RateMode, toScheduleInput } from '@shared/api'
import {
  DEFAULT_OVERDUE_MARKUP,
  Dec,
  DomainError,
  type InterestBasis,
  METHODS,
  type Method,
  type Schedule,
  allInAnnualCost,
  annualToMonthlyPermille,
  buildSchedule,
  costWarning,
  monthlyPermilleToAnnual,
  parseYuan,
} from '@shared/domain'

/** The form as typed: text for everything a person types. */
export interface CalcValues {
  amount: string
  rateMode: RateMode
  rate: string
  term: string
  method: Method
  startDate: string
  dueDay: string
  interestBasis: InterestBasis
}

/** Form fields that can carry an error. */
export type CalcField = 'amount' | 'rate' | 'term' | 'method' | 'startDate' | 'dueDay' | 'interestBasis'

/** Totals of one plan, for the summary and the comparison. */
export interface PlanTotals {
  totalInterest: number
  totalPrincipal: number
  totalPayment: number
  firstPayment: number
  lastPayment: number
  maturity: string
  rows: number
}

/** One method in the side-by-side comparison (null totals when the method cannot be built). */
export interface MethodRow {
  method: Method
  totals: PlanTotals | null
  cheapest: boolean
}

/** What the screen shows for the current values. */
export interface Evaluation {
  errors: Partial<Record<CalcField, string>>
  /** Set when every field is valid. */
  input: CalculatorInput | null
  schedule: Schedule | null
  totals: PlanTotals | null
  comparison: MethodRow[]
  /** The rate in both units when the typed rate is valid: { annual: '7.2', monthly: '6', exact }. */
  rates: { annual: string; monthly: string; exact: boolean } | null
  /** All-in annual cost (contract rate × (1 + 罚息 markup)) when it exceeds the 24 % cap. */
  costWarning: { cost: string; markup: string } | null
}

const DOMAIN_FIELD: Record<string, CalcField> = {
  principal: 'amount',
  amount: 'amount',
  annualRate: 'rate',
  permille: 'rate',
  termMonths: 'term',
  method: 'method',
  startDate: 'startDate',
  dueDay: 'dueDay',
  interestBasis: 'interestBasis',
}

/** A valid plan to probe one field at a time, so every bad field gets its own message at once. */
const PROBE = { principal: 100, annualRate: '1', termMonths: 1, method: 'bullet', startDate: '2024-01-01' } as const

/** Runs `fn`; a DomainError becomes its field's message (first one wins), anything else is re-thrown. */
function check<T>(errors: Evaluation['errors'], fallback: CalcField, fn: () => T): T | undefined {
  try {
    return fn()
  } catch (e) {
    if (!(e instanceof DomainError)) throw e
    errors[DOMAIN_FIELD[e.field] ?? fallback] ??= e.reason
    return undefined
  }
}

/** Annual → 月息 ‰, to 4 decimals at most (4.35 % → 3.625‰; 4.33 % → ≈ 3.6083‰). */
export function permilleOf(annual: string): { value: string; exact: boolean } {
  const exact = annualToMonthlyPermille(annual)
  const rounded = new Dec(exact).toDecimalPlaces(4).toFixed()
  return { value: rounded, exact: rounded === exact }
}

/** The typed rate converted to the other unit when the mode switches (blank/invalid stays as is). */
export function convertRate(rate: string, from: RateMode, to: RateMode): string {
  if (from === to) return rate
  try {
    return to === 'annual' ? monthlyPermilleToAnnual(rate.trim()) : permilleOf(rate.trim()).value
  } catch {
    return rate
  }
}

const digits = (s: string): number => (/^\s*\d{1,6}\s*$/.test(s) ? Number(s) : Number.NaN)

/** Totals of a plan; the last row's payment differs from the first when it absorbs rounding. */
export function totalsOf(s: Schedule): PlanTotals {
  const first = s.rows[0]
  const last = s.rows[s.rows.length - 1]
  const totalPrincipal = s.rows.reduce((a, r) => a + r.principal, 0)
  return {
    totalInterest: s.totalInterest,
    totalPrincipal,
    totalPayment: totalPrincipal + s.totalInterest,
    firstPayment: first?.payment ?? 0,
    lastPayment: last?.payment ?? 0,
    maturity: last?.dueDate ?? '',
    rows: s.rows.length,
  }
}

/** Validates the form field by field with the domain rules, then builds the plan and the comparison. */
export function evaluate(v: CalcValues, required: string): Evaluation {
  const errors: Evaluation['errors'] = {}
  const out: Evaluation = {
    errors,
    input: null,
    schedule: null,
    totals: null,
    comparison: [],
    rates: null,
    costWarning: null,
  }

  if (!v.amount.trim()) errors.amount = required
  const principal = v.amount.trim() ? check(errors, 'amount', () => parseYuan(v.amount, 'principal')) : undefined
  if (principal !== undefined) check(errors, 'amount', () => buildSchedule({ ...PROBE, principal }))

  if (!v.rate.trim()) errors.rate = required
  const annualRate = v.rate.trim()
    ? check(errors, 'rate', () => (v.rateMode === 'annual' ? v.rate.trim() : monthlyPermilleToAnnual(v.rate.trim())))
    : undefined
  if (annualRate !== undefined && check(errors, 'rate', () => buildSchedule({ ...PROBE, annualRate })) !== undefined) {
    const monthly = v.rateMode === 'monthly_permille' ? { value: v.rate.trim(), exact: true } : permilleOf(annualRate)
    out.rates = { annual: annualRate, monthly: monthly.value, exact: monthly.exact }
    const cost = check(errors, 'rate', () => allInAnnualCost({ annualRate, markupPercent: DEFAULT_OVERDUE_MARKUP }))
    if (cost !== undefined && check(errors, 'rate', () => costWarning({ annualCostPercent: cost }).warn)) {
      out.costWarning = { cost: new Dec(cost).toDecimalPlaces(2).toFixed(), markup: DEFAULT_OVERDUE_MARKUP }
    }
  }

  if (!v.term.trim()) errors.term = required
  const termMonths = digits(v.term)
  if (v.term.trim())
    check(errors, 'term', () => buildSchedule({ ...PROBE, termMonths: Number.isNaN(termMonths) ? 1.5 : termMonths }))

  if (!v.startDate) errors.startDate = required
  else check(errors, 'startDate', () => buildSchedule({ ...PROBE, startDate: v.startDate }))

  const dueDay = v.dueDay.trim() ? digits(v.dueDay) : null
  if (dueDay !== null)
    check(errors, 'dueDay', () =>
      buildSchedule({ ...PROBE, method: 'annuity', dueDay: Number.isNaN(dueDay) ? 0 : dueDay }),
    )

  if (Object.keys(errors).length > 0 || principal === undefined) return out
  const input: CalculatorInput = {
    principal,
    rateMode: v.rateMode,
    rate: v.rate.trim(),
    termMonths,
    method: v.method,
    startDate: v.startDate,
    dueDay,
    interestBasis: v.interestBasis,
  }
  const schedule = check(errors, 'amount', () => buildSchedule(toScheduleInput(input)))
  if (!schedule) return out
  out.input = input
  out.schedule = schedule
  out.totals = totalsOf(schedule)
  out.comparison = compareMethods(input)
  return out
}

/** All five methods on the same loan; the lowest total interest is marked cheapest (ties too). */
export function compareMethods(input: CalculatorInput): MethodRow[] {
  const rows = METHODS.map((method) => {
    try {
      return { method, totals: totalsOf(buildSchedule(toScheduleInput(input, { method }))), cheapest: false }
    } catch (e) {
      if (e instanceof DomainError) return { method, totals: null, cheapest: false }
      throw e
    }
  })
  const min = Math.min(...rows.flatMap((r) => (r.totals ? [r.totals.totalInterest] : [])))
  for (const r of rows) r.cheapest = r.totals !== null && r.totals.totalInterest === min
  return rows
}
