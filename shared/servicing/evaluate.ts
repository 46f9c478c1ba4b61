// As-of evaluation of one loan by replaying its plan and posted repayments (DOMAIN §3–§6).
// Nothing derived is stored: allocations, 罚息 and 复利 are recomputed from plan + payments
// for any date, so a reversed payment simply drops out of the replay. Per-loan cost grows
// with the number of installments and payments, never with the loan's age in days.
import {
  type Bucket,
  type Category,
  type Component,
  DEFAULT_ALLOCATION_ORDER,
  accrueInterest,
  addMonths,
  allocatePayment,
  delinquency,
  overdueCharges,
  worseCategory,
} from '../domain'

/** One installment of a plan version, in due-date order. */
export interface PlanRow {
  readonly seq: number
  readonly dueDate: string
  readonly principal: number
  readonly interest: number
}

/** A posted (not reversed) payment; replayed in (date, id) order. */
export interface PaymentEvent {
  readonly id: number
  readonly date: string
  readonly amount: number
}

/** Input of evaluateLoan. */
export interface EvaluateInput {
  readonly rows: readonly PlanRow[]
  readonly payments: readonly PaymentEvent[]
  /** Contract rate, annual percent. */
  readonly annualRate: string
  /** 罚息 markup, percent: the loan's overdue markup, or the 挪用 markup when funds were misused. */
  readonly markupPercent: string
  /** Disbursement date: start of the first interest period. */
  readonly startDate: string
  readonly asOf: string
  readonly order?: readonly Component[]
  /** Restructured on this date: at least 关注 for the 12-month observation period (DOMAIN §6). */
  readonly restructuredOn?: string | null
  /** Record installment states and per-payment allocations (off for the portfolio scan). */
  readonly detail?: boolean
}

/** Amounts applied to one installment by one payment (or by credit on a due date). */
export interface AllocationLine {
  seq: number
  penaltyInterest: number
  compoundInterest: number
  interest: number
  principal: number
}

/** How one payment was applied; `paymentId` null = unapplied credit used on a due date. */
export interface PaymentAllocation {
  paymentId: number | null
  date: string
  amount: number
  lines: AllocationLine[]
  toCredit: number
}

/** State of an installment as of the date: paid, due today, overdue or future. */
export type InstallmentStatus = 'paid' | 'due' | 'overdue' | 'future'

/** One installment as of the date; penalties include accrual up to the date. */
export interface InstallmentState {
  seq: number
  dueDate: string
  principal: number
  interest: number
  paidPrincipal: number
  paidInterest: number
  penaltyInterest: number
  compoundInterest: number
  paidPenalty: number
  paidCompound: number
  status: InstallmentStatus
}

/** Evaluation of a loan as of a date. All amounts in 分. */
export interface LoanEvaluation {
  asOf: string
  outstandingPrincipal: number
  overduePrincipal: number
  overdueInterest: number
  /** Principal + interest falling due on the as-of date itself. */
  dueToday: number
  /** Unpaid 罚息 / 复利 accrued to the date. */
  penaltyInterest: number
  compoundInterest: number
  /** Contract interest accrued in the running period on principal not yet due. */
  accruedInterest: number
  /** Unapplied credit (挂账) waiting for the next due date. */
  credit: number
  /** What settles the loan today: arrears + penalties + principal not yet due + accrued interest − credit. */
  payoff: number
  earliestUnpaidDueDate: string | null
  dpd: number
  bucket: Bucket
  minCategory: Category
  installments: InstallmentState[]
  allocations: PaymentAllocation[]
}

/** Replays plan + payments up to `asOf` (inclusive) and evaluates the loan on that date. */
export function evaluateLoan(i: EvaluateInput): LoanEvaluation {
  const rows = i.rows,
    n = rows.length,
    asOf = i.asOf,
    detail = i.detail === true
  const order = i.order ?? DEFAULT_ALLOCATION_ORDER
  const paidP = new Array<number>(n).fill(0),
    paidI = new Array<number>(n).fill(0)
  const accPen = new Array<number>(n).fill(0),
    accComp = new Array<number>(n).fill(0)
  const paidPen = new Array<number>(n).fill(0),
    paidComp = new Array<number>(n).fill(0)
  const segFrom: string[] = rows.map((r) => r.dueDate)
  const allocations: PaymentAllocation[] = []
  let first = 0 // rows before `first` are settled in full
  let credit = 0
  let nextDue = 0 // next row whose due date may trigger a credit application

  const settled = (k: number) =>
    paidP[k] === rows[k]!.principal &&
    paidI[k] === rows[k]!.interest &&
    paidPen[k] === accPen[k] &&
    paidComp[k] === accComp[k]

  /** Applies `amount` on `date` over rows due on or before it, oldest first; returns the rest. */
  function apply(date: string, amount: number, paymentId: number | null): number {
    let left = amount
    const lines: AllocationLine[] = []
    while (first < n && settled(first)) first++
    for (let k = first; k < n && left > 0; k++) {
      const r = rows[k]!
      if (r.dueDate > date) break
      const baseP = r.principal - paidP[k]!,
        baseI = r.interest - paidI[k]!
      let tPen = 0,
        tComp = 0
      if (r.dueDate < date && baseP + baseI > 0) {
        const c = overdueCharges({
          overduePrincipal: baseP,
          overdueInterest: baseI,
          annualRate: i.annualRate,
          markupPercent: i.markupPercent,
          from: segFrom[k]!,
          to: date,
        })
        tPen = c.penaltyInterest
        tComp = c.compoundInterest
      }
      const pen = accPen[k]! + tPen - paidPen[k]!,
        comp = accComp[k]! + tComp - paidComp[k]!
      if (pen + comp + baseP + baseI === 0) continue
      // The payment touches this row: its accrual segment ends here (the base changes).
      accPen[k] = accPen[k]! + tPen
      accComp[k] = accComp[k]! + tComp
      if (r.dueDate < date) segFrom[k] = date
      const a = allocatePayment({
        amount: left,
        due: { penaltyInterest: pen, compoundInterest: comp, interest: baseI, principal: baseP },
        order,
      })
      paidPen[k] = paidPen[k]! + a.penaltyInterest
      paidComp[k] = paidComp[k]! + a.compoundInterest
      paidI[k] = paidI[k]! + a.interest
      paidP[k] = paidP[k]! + a.principal
      left = a.unapplied
      if (detail)
        lines.push({
          seq: r.seq,
          penaltyInterest: a.penaltyInterest,
          compoundInterest: a.compoundInterest,
          interest: a.interest,
          principal: a.principal,
        })
    }
    if (detail) allocations.push({ paymentId, date, amount, lines, toCredit: left })
    return left
  }

  /** Unapplied credit pays each installment on its due date, up to and including `until`. */
  function useCredit(until: string): void {
    while (nextDue < n && rows[nextDue]!.dueDate <= until) {
      if (credit > 0) credit = apply(rows[nextDue]!.dueDate, credit, null)
      nextDue++
    }
  }

  for (const p of i.payments) {
    if (p.date > asOf) break
    useCredit(p.date)
    credit += apply(p.date, p.amount, p.id)
  }
  useCredit(asOf)
  return summarize(i, { paidP, paidI, accPen, accComp, paidPen, paidComp, segFrom }, credit, allocations)
}

interface ReplayState {
  paidP: number[]
  paidI: number[]
  accPen: number[]
  accComp: number[]
  paidPen: number[]
  paidComp: number[]
  segFrom: string[]
}

function summarize(i: EvaluateInput, s: ReplayState, credit: number, allocations: PaymentAllocation[]): LoanEvaluation {
  const rows = i.rows,
    asOf = i.asOf
  let outstanding = 0,
    overdueP = 0,
    overdueI = 0,
    dueToday = 0,
    pen = 0,
    comp = 0,
    future = 0
  let earliest: string | null = null
  let lastDue = i.startDate
  let nextInterest = 0
  const installments: InstallmentState[] = []
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k]!
    const baseP = r.principal - s.paidP[k]!,
      baseI = r.interest - s.paidI[k]!
    let accPen = s.accPen[k]!,
      accComp = s.accComp[k]!
    if (r.dueDate < asOf && baseP + baseI > 0) {
      const c = overdueCharges({
        overduePrincipal: baseP,
        overdueInterest: baseI,
        annualRate: i.annualRate,
        markupPercent: i.markupPercent,
        from: s.segFrom[k]!,
        to: asOf,
      })
      accPen += c.penaltyInterest
      accComp += c.compoundInterest
    }
    const unpaidPen = accPen - s.paidPen[k]!,
      unpaidComp = accComp - s.paidComp[k]!
    outstanding += baseP
    pen += unpaidPen
    comp += unpaidComp
    if (baseP + baseI > 0 && earliest === null) earliest = r.dueDate
    let status: InstallmentStatus
    if (r.dueDate > asOf) {
      status = 'future'
      future += baseP
      if (nextInterest === 0) nextInterest = r.interest
    } else {
      lastDue = r.dueDate
      const open = baseP + baseI + unpaidPen + unpaidComp > 0
      if (r.dueDate === asOf) {
        dueToday += baseP + baseI
        status = open ? 'due' : 'paid'
      } else {
        overdueP += baseP
        overdueI += baseI
        status = open ? 'overdue' : 'paid'
      }
    }
    if (i.detail) {
      installments.push({
        seq: r.seq,
        dueDate: r.dueDate,
        principal: r.principal,
        interest: r.interest,
        paidPrincipal: s.paidP[k]!,
        paidInterest: s.paidI[k]!,
        penaltyInterest: accPen,
        compoundInterest: accComp,
        paidPenalty: s.paidPen[k]!,
        paidCompound: s.paidComp[k]!,
        status,
      })
    }
  }
  // Interest of the running period accrues by actual days; it never exceeds the period's own interest.
  let accrued = 0
  if (future > 0 && asOf > lastDue) {
    accrued = accrueInterest({ principal: future, annualRate: i.annualRate, from: lastDue, to: asOf }).interest
    if (accrued > nextInterest) accrued = nextInterest
  }
  const gross = overdueP + overdueI + dueToday + pen + comp + future + accrued
  const d = delinquency({ earliestUnpaidDueDate: earliest, asOf })
  let minCategory = d.minCategory
  if (i.restructuredOn && i.restructuredOn <= asOf && asOf < addMonths(i.restructuredOn, 12)) {
    minCategory = worseCategory(minCategory, 'special_mention')
  }
  return {
    asOf,
    outstandingPrincipal: outstanding,
    overduePrincipal: overdueP,
    overdueInterest: overdueI,
    dueToday,
    penaltyInterest: pen,
    compoundInterest: comp,
    accruedInterest: accrued,
    credit,
    payoff: gross > credit ? gross - credit : 0,
    earliestUnpaidDueDate: earliest,
    dpd: d.dpd,
    bucket: d.bucket,
    minCategory,
    installments,
    allocations,
  }
}
