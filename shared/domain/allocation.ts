// 还款冲销 payment allocation (DOMAIN §3): within an installment by a configurable order,
// across installments oldest first; what is left is reported as `unapplied` — never silently
// turned into a prepayment (the officer chooses prepayment or unapplied credit).
import { invalid } from './errors'
import { assertFen } from './money'

/** Components of what is due on an installment. */
export const COMPONENTS = ['fees', 'penaltyInterest', 'compoundInterest', 'interest', 'principal'] as const
/** One of COMPONENTS. */
export type Component = (typeof COMPONENTS)[number]

/** Default order (民法典 561): 费用 → 罚息 → 复利 → 利息 → 本金. */
export const DEFAULT_ALLOCATION_ORDER: readonly Component[] = [
  'fees',
  'penaltyInterest',
  'compoundInterest',
  'interest',
  'principal',
]
/** 先本后息 setting: 本金 → 利息 → 罚息 → 复利, then 费用 (fees are neither, so last). */
export const PRINCIPAL_FIRST_ORDER: readonly Component[] = [
  'principal',
  'interest',
  'penaltyInterest',
  'compoundInterest',
  'fees',
]

/** What is due on one installment, in 分 (`fees` optional, default 0). */
export interface Due {
  readonly fees?: number
  readonly penaltyInterest: number
  readonly compoundInterest: number
  readonly interest: number
  readonly principal: number
}
/** Amount applied to each component plus what was left over. */
export interface Allocation {
  fees: number
  penaltyInterest: number
  compoundInterest: number
  interest: number
  principal: number
  unapplied: number
}

/** A custom order lists each component at most once; unlisted ones follow in default order. */
function fullOrder(order: readonly Component[]): readonly Component[] {
  if (order.some((c, k) => !COMPONENTS.includes(c) || order.indexOf(c) !== k)) {
    invalid('order', '冲销顺序只能包含 fees、penaltyInterest、compoundInterest、interest、principal，且不得重复')
  }
  return order.length === COMPONENTS.length
    ? order
    : [...order, ...DEFAULT_ALLOCATION_ORDER.filter((c) => !order.includes(c))]
}

/**
 * Allocates a payment over one installment's dues in `order` (default 费用→罚息→复利→利息→本金;
 * components missing from a custom order come after it, in default order).
 * Paying 1000 on {penalty 300, interest 500, principal 10000} → 300 / 500 / 200, unapplied 0.
 */
export function allocatePayment(i: {
  readonly amount: number
  readonly due: Due
  readonly order?: readonly Component[]
}): Allocation {
  let left = assertFen(i.amount, 'amount')
  const order = i.order ? fullOrder(i.order) : DEFAULT_ALLOCATION_ORDER
  const out: Allocation = { fees: 0, penaltyInterest: 0, compoundInterest: 0, interest: 0, principal: 0, unapplied: 0 }
  for (const c of order) {
    const due = assertFen(i.due[c] ?? 0, `due.${c}`)
    const applied = due < left ? due : left
    out[c] = applied
    left -= applied
  }
  out.unapplied = left
  return out
}

/**
 * Allocates a payment across installments, oldest first (pass them in due-date order), each by
 * `order`. Returns one allocation per installment (its `unapplied` is 0) and the overall remainder.
 */
export function allocateAcrossInstallments(i: {
  readonly amount: number
  readonly installments: readonly Due[]
  readonly order?: readonly Component[]
}): { allocations: Allocation[]; unapplied: number } {
  let left = assertFen(i.amount, 'amount')
  const allocations = i.installments.map((due) => {
    const a = allocatePayment({ amount: left, due, ...(i.order ? { order: i.order } : {}) })
    left = a.unapplied
    a.unapplied = 0
    return a
  })
  return { allocations, unapplied: left }
}
