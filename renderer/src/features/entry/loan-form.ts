// Pure: the loan form's text values → per-field errors (DomainError messages, as in the
// calculator), the exact annual rate, the computed maturity, a plan preview and the contract input.
import type { GUARANTEE_TYPES, LoanView } from '@shared/api/loans'
import type { Input } from '@shared/api'
import {
  DomainError,
  type Method,
  addMonths,
  formatFen,
  annualToMonthlyPermille,
  buildSchedule,
  monthlyPermilleToAnnual,
  parseYuan,
} from '@shared/domain'
import { type PlanTotals, totalsOf } from '../calculator/evaluate'
import { et } from './texts'

export type RateMode = 'annual' | 'monthly_permille'
export type GuaranteeType = (typeof GUARANTEE_TYPES)[number]

/** The form as typed. */
export interface LoanValues {
  borrowerId: number | null
  contractNo: string
  iouNo: string
  product: string
  amount: string
  rateMode: RateMode
  rate: string
  term: string
  method: Method
  disbursementDate: string
  dueDay: string
  purpose: string
  guaranteeType: GuaranteeType
  officerId: number | null
}
export type LoanField = keyof LoanValues | 'maturityDate'

/** Fields a repayment plan fixes: locked in the edit form once the plan exists. */
export const PLAN_FIELDS = ['amount', 'rate', 'rateMode', 'term', 'method', 'disbursementDate', 'dueDay'] as const

/** Empty form (12 months, 等额本息, 信用, disbursed today) or a loan's values for editing. */
export function loanValues(opts: {
  loan?: LoanView | null
  borrowerId?: number | null
  officerId?: number | null
  today: string
}): LoanValues {
  const l = opts.loan
  return {
    borrowerId: l?.borrowerId ?? opts.borrowerId ?? null,
    contractNo: l?.contractNo ?? '',
    iouNo: l?.iouNo ?? '',
    product: l?.product ?? '',
    amount: l ? formatFen(l.principal).replace(/,/g, '') : '',
    rateMode: 'annual',
    rate: l?.annualRate ?? '',
    term: l ? String(l.termMonths) : '12',
    method: (l?.method as Method | undefined) ?? 'annuity',
    disbursementDate: l?.disbursementDate ?? opts.today,
    dueDay: l?.dueDay == null ? '' : String(l.dueDay),
    purpose: l?.purpose ?? '',
    guaranteeType: (l?.guaranteeType as GuaranteeType | undefined) ?? 'credit',
    officerId: l?.officerId ?? opts.officerId ?? null,
  }
}

/** What the form shows for the current values. */
export interface LoanCheck {
  errors: Partial<Record<LoanField, string>>
  /** Exact annual percent when the rate is valid, e.g. 月息 6‰ → '7.2'. */
  annualRate: string | null
  /** 月息 ‰ of a valid rate, up to 4 decimals, for the hint. */
  monthlyPermille: string | null
  maturityDate: string | null
  totals: PlanTotals | null
  firstDue: string | null
}

const PROBE = { principal: 100, annualRate: '1', termMonths: 1, method: 'bullet', startDate: '2024-01-01' } as const
const FIELD: Record<string, LoanField> = {
  principal: 'amount',
  annualRate: 'rate',
  permille: 'rate',
  termMonths: 'term',
  startDate: 'disbursementDate',
  dueDay: 'dueDay',
}
const digits = (s: string): number => (/^\s*\d{1,6}\s*$/.test(s) ? Number(s) : Number.NaN)
/** The contract's rate format: up to 2 integer digits, up to 4 decimals. */
const RATE_RE = /^\d{1,2}(\.\d{1,4})?$/

function attempt<T>(errors: LoanCheck['errors'], fallback: LoanField, fn: () => T): T | undefined {
  try {
    return fn()
  } catch (e) {
    if (!(e instanceof DomainError)) throw e
    errors[FIELD[e.field] ?? fallback] ??= e.reason
    return undefined
  }
}

/** Validates with the domain rules field by field (blank required fields only when `complete`). */
export function checkLoan(v: LoanValues, complete: boolean): LoanCheck {
  const errors: LoanCheck['errors'] = {}
  const out: LoanCheck = {
    errors,
    annualRate: null,
    monthlyPermille: null,
    maturityDate: null,
    totals: null,
    firstDue: null,
  }
  const need = (f: LoanField, s: string) => {
    if (!s.trim() && complete) errors[f] = et('required')
    return s.trim() !== ''
  }
  if (v.borrowerId === null && complete) errors.borrowerId = et('required')
  if (v.officerId === null && complete) errors.officerId = et('required')
  need('contractNo', v.contractNo)
  need('iouNo', v.iouNo)
  need('product', v.product)
  need('purpose', v.purpose)

  const principal = need('amount', v.amount)
    ? attempt(errors, 'amount', () => parseYuan(v.amount, 'principal'))
    : undefined
  if (principal !== undefined) attempt(errors, 'amount', () => buildSchedule({ ...PROBE, principal }))

  if (need('rate', v.rate)) {
    const r = v.rate.trim()
    const annual = attempt(errors, 'rate', () => (v.rateMode === 'annual' ? r : monthlyPermilleToAnnual(r)))
    if (
      annual !== undefined &&
      attempt(errors, 'rate', () => buildSchedule({ ...PROBE, annualRate: annual })) !== undefined
    ) {
      if (!RATE_RE.test(annual)) errors.rate = et('rateTooFine')
      else {
        out.annualRate = annual
        const p = annualToMonthlyPermille(annual)
        out.monthlyPermille = v.rateMode === 'monthly_permille' ? r : p.replace(/(\.\d{4})\d+$/, '$1')
      }
    }
  }

  const termMonths = digits(v.term)
  if (need('term', v.term))
    attempt(errors, 'term', () => buildSchedule({ ...PROBE, termMonths: Number.isNaN(termMonths) ? 1.5 : termMonths }))
  if (need('disbursementDate', v.disbursementDate))
    attempt(errors, 'disbursementDate', () => buildSchedule({ ...PROBE, startDate: v.disbursementDate }))
  const dueDay = v.dueDay.trim() ? digits(v.dueDay) : null
  if (dueDay !== null)
    attempt(errors, 'dueDay', () =>
      buildSchedule({ ...PROBE, method: 'annuity', dueDay: Number.isNaN(dueDay) ? 0 : dueDay }),
    )

  if (!errors.term && !errors.disbursementDate && v.disbursementDate && !Number.isNaN(termMonths)) {
    out.maturityDate = attempt(errors, 'maturityDate', () => addMonths(v.disbursementDate, termMonths)) ?? null
  }
  if (
    principal === undefined ||
    out.annualRate === null ||
    errors.amount ||
    errors.term ||
    errors.disbursementDate ||
    errors.dueDay
  )
    return out
  const schedule = attempt(errors, 'amount', () =>
    buildSchedule({
      principal,
      annualRate: out.annualRate!,
      termMonths,
      method: v.method,
      startDate: v.disbursementDate,
      ...(dueDay !== null ? { dueDay } : {}),
    }),
  )
  if (schedule) {
    out.totals = totalsOf(schedule)
    out.firstDue = schedule.rows[0]?.dueDate ?? null
  }
  return out
}

/** The rate converted when the unit switches (blank or invalid text stays as typed). */
export function switchRate(rate: string, from: RateMode, to: RateMode): string {
  if (from === to || !rate.trim()) return rate
  try {
    return to === 'annual'
      ? monthlyPermilleToAnnual(rate.trim())
      : annualToMonthlyPermille(rate.trim()).replace(/(\.\d{4})\d+$/, '$1')
  } catch {
    return rate
  }
}

/** loans.create input for values that passed checkLoan(v, true). */
export function toLoanCreate(v: LoanValues, c: LoanCheck): Input<'loans.create'> {
  return {
    borrowerId: v.borrowerId!,
    contractNo: v.contractNo.trim(),
    iouNo: v.iouNo.trim(),
    product: v.product.trim(),
    principal: parseYuan(v.amount, 'principal'),
    annualRate: c.annualRate!,
    termMonths: digits(v.term),
    method: v.method,
    dueDay: v.dueDay.trim() ? digits(v.dueDay) : null,
    disbursementDate: v.disbursementDate,
    maturityDate: c.maturityDate!,
    purpose: v.purpose.trim(),
    guaranteeType: v.guaranteeType,
    ...(v.officerId !== null ? { officerId: v.officerId } : {}),
  }
}

/** loans.update input: the changed fields only; plan fields are left out when the plan is locked. */
export function toLoanUpdate(
  id: number,
  v: LoanValues,
  c: LoanCheck,
  before: LoanView,
  planLocked: boolean,
): Input<'loans.update'> {
  const all = toLoanCreate(v, c)
  const prev: Record<string, unknown> = {
    contractNo: before.contractNo,
    iouNo: before.iouNo,
    product: before.product,
    principal: before.principal,
    annualRate: before.annualRate,
    termMonths: before.termMonths,
    method: before.method,
    dueDay: before.dueDay,
    disbursementDate: before.disbursementDate,
    maturityDate: before.maturityDate,
    purpose: before.purpose,
    guaranteeType: before.guaranteeType,
  }
  const locked = new Set([
    'principal',
    'annualRate',
    'termMonths',
    'method',
    'dueDay',
    'disbursementDate',
    'maturityDate',
  ])
  const out: Record<string, unknown> = { id }
  for (const [k, val] of Object.entries(all)) {
    if (k === 'borrowerId' || k === 'officerId' || (planLocked && locked.has(k))) continue
    if (JSON.stringify(val) !== JSON.stringify(prev[k])) out[k] = val
  }
  // An imported loan may carry a maturity other than disbursement + term; keep it unless those change.
  if (out.termMonths === undefined && out.disbursementDate === undefined) delete out.maturityDate
  return out as Input<'loans.update'>
}

/** Product names offered in the loan form (the field stays free text). */
export const LOAN_PRODUCTS = [
  '农户小额信用贷款',
  '农户联保贷款',
  '个人经营性贷款',
  '个人消费贷款',
  '小微企业流动资金贷款',
]
