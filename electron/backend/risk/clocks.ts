// 诉讼时效 and 保证期间 clocks (DOMAIN §7) from the stored inputs; pure over what the repos read.
import { guaranteePeriodEnd, guarantorClaim, limitationExpiry } from '../../../shared/domain'
import type { GuaranteeInput, LimitationInput } from './inputs-repo'

/** 诉讼时效 expiry of a loan: 3 years from the last due date, or from the latest payment / interrupting event after it. */
export function expiryOf(i: LimitationInput): string | null {
  if (i.lastDue === null) return null
  const interruptions = [i.lastPaid, i.lastEvent].filter((d): d is string => d !== null)
  return limitationExpiry({ lastDueDate: i.lastDue, interruptions })
}

/**
 * 保证期间 of a guarantee: from the principal debt's due date as agreed — an extension moves it
 * only with the guarantor's written consent (民法典 695) — never interrupted (692); and the
 * guarantor's own 3-year limitation once demanded within the period (693/694).
 */
export function guaranteeClock(g: GuaranteeInput): {
  principalDueDate: string
  periodEnd: string
  demandInTime: boolean
  guarantorLimitationExpiry: string | null
} {
  const principalDueDate = g.consentedToExtension ? g.maturityDate : (g.originalDue ?? g.maturityDate)
  const c = guarantorClaim({ principalDueDate, agreedEnd: g.periodEnd, demandDate: g.demandedOn })
  return {
    principalDueDate,
    periodEnd: guaranteePeriodEnd({ principalDueDate, agreedEnd: g.periodEnd }),
    demandInTime: c.demandInTime,
    guarantorLimitationExpiry: c.limitationExpiry,
  }
}
