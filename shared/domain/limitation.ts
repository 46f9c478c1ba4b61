// 诉讼时效 statute of limitations and 保证期间 guarantee period (DOMAIN §7, 民法典).
// Period arithmetic (民法典 200–204): N months/years from d end on the same day-of-month,
// else on the month's last day — i.e. addMonths.
import { addMonths, maxDate, toDayNumber } from './dates'

/** 诉讼时效 length: 3 years (民法典 188). */
export const LIMITATION_MONTHS = 36
/** Statutory 保证期间 when none (or an invalid one) is agreed: 6 months (民法典 692). */
export const GUARANTEE_MONTHS = 6
/** Alerts fire this many days before an expiry. */
export const EXPIRY_ALERT_DAYS = [90, 60, 30] as const

/**
 * 诉讼时效 expiry: 3 years from the last installment's due date (189), or from the latest
 * interruption (demand signed for, part payment, acknowledgement — 195) if later.
 * limitationExpiry({ lastDueDate: '2021-02-28', interruptions: ['2022-05-31'] }) = '2025-05-31';
 * from '2024-02-29' → '2027-02-28'.
 */
export function limitationExpiry(i: {
  readonly lastDueDate: string
  readonly interruptions?: readonly string[]
}): string {
  toDayNumber(i.lastDueDate, 'lastDueDate')
  let start = i.lastDueDate
  for (const [k, d] of (i.interruptions ?? []).entries()) {
    toDayNumber(d, `interruptions.${k}`)
    start = maxDate(start, d)
  }
  return addMonths(start, LIMITATION_MONTHS)
}

/**
 * 保证期间 end: the agreed end, or 6 months after the principal debt's due date when none is
 * agreed — or when the agreed end is not after that due date (民法典 692 treats it as unagreed).
 * guaranteePeriodEnd({ principalDueDate: '2024-08-31' }) = '2025-02-28'. Never interrupted.
 */
export function guaranteePeriodEnd(i: {
  readonly principalDueDate: string
  readonly agreedEnd?: string | null
}): string {
  toDayNumber(i.principalDueDate, 'principalDueDate')
  if (i.agreedEnd != null) {
    toDayNumber(i.agreedEnd, 'agreedEnd')
    if (i.agreedEnd > i.principalDueDate) return i.agreedEnd
  }
  return addMonths(i.principalDueDate, GUARANTEE_MONTHS)
}

/**
 * 连带保证 claim against a guarantor (民法典 693/694): the demand must fall within the 保证期间
 * (end day included); then the guarantor's own 3-year limitation runs from the demand. A demand
 * after the period — or a guarantor signing late — does not revive the guarantee.
 */
export function guarantorClaim(i: {
  readonly principalDueDate: string
  readonly agreedEnd?: string | null
  readonly demandDate?: string | null
}): { periodEnd: string; demandInTime: boolean; limitationExpiry: string | null } {
  const periodEnd = guaranteePeriodEnd(i)
  if (i.demandDate == null) return { periodEnd, demandInTime: false, limitationExpiry: null }
  toDayNumber(i.demandDate, 'demandDate')
  const inTime = i.demandDate <= periodEnd
  return {
    periodEnd,
    demandInTime: inTime,
    limitationExpiry: inTime ? addMonths(i.demandDate, LIMITATION_MONTHS) : null,
  }
}

/** Alert level for an expiry as of a date: 'expired', or the tightest of 30/60/90 days reached, or null. */
export type ExpiryAlert = 'expired' | 'due_30' | 'due_60' | 'due_90' | null

/**
 * Days left until `expiry` (the expiry day itself is still within the period) and the alert.
 * expiryAlert({ expiry: '2025-05-31', asOf: '2025-05-01' }) → { daysLeft: 30, alert: 'due_30' };
 * asOf '2025-06-01' → 'expired'.
 */
export function expiryAlert(i: { readonly expiry: string; readonly asOf: string }): {
  daysLeft: number
  alert: ExpiryAlert
} {
  const daysLeft = toDayNumber(i.expiry, 'expiry') - toDayNumber(i.asOf, 'asOf')
  if (daysLeft < 0) return { daysLeft, alert: 'expired' }
  if (daysLeft <= 30) return { daysLeft, alert: 'due_30' }
  if (daysLeft <= 60) return { daysLeft, alert: 'due_60' }
  if (daysLeft <= 90) return { daysLeft, alert: 'due_90' }
  return { daysLeft, alert: null }
}
