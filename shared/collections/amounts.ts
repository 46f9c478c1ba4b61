// What a collection demand asks for (DOMAIN §12): the overdue amounts as of a date, or the
// whole balance once the loan was declared due early (宣布提前到期).

/** The figures of an as-of evaluation a demand needs (all 分). */
export interface DemandBasis {
  readonly outstandingPrincipal: number
  readonly overduePrincipal: number
  readonly overdueInterest: number
  readonly penaltyInterest: number
  readonly compoundInterest: number
  readonly payoff: number
}

/** Amounts of a demand, 分. */
export interface DemandAmounts {
  principal: number
  interest: number
  penaltyInterest: number
  compoundInterest: number
  total: number
}

/**
 * Overdue principal + overdue interest + 罚息 + 复利; when `accelerated`, the whole principal and
 * every interest owed to date (payoff − principal − 罚息 − 复利, so the total equals the payoff).
 */
export function demandAmounts(e: DemandBasis, accelerated: boolean): DemandAmounts {
  const pen = e.penaltyInterest,
    comp = e.compoundInterest
  if (accelerated) {
    const interest = Math.max(0, e.payoff - e.outstandingPrincipal - pen - comp)
    return {
      principal: e.outstandingPrincipal,
      interest,
      penaltyInterest: pen,
      compoundInterest: comp,
      total: e.outstandingPrincipal + interest + pen + comp,
    }
  }
  const total = e.overduePrincipal + e.overdueInterest + pen + comp
  return {
    principal: e.overduePrincipal,
    interest: e.overdueInterest,
    penaltyInterest: pen,
    compoundInterest: comp,
    total,
  }
}
