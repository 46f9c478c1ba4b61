// A loan's state as shown to staff: 逾期 is a status of its own (issue 9), never 正常 for an
// overdue loan. DPD and bands follow DOMAIN §5.
import { addDays, daysBetween } from './dates'
import { type Bucket, bucketOf } from './delinquency'

/** What a loan list, the loan page head and the borrower page show: the stored status, or overdue. */
export const DISPLAY_STATUSES = ['active', 'overdue', 'settled', 'written_off', 'cancelled'] as const
/** One of DISPLAY_STATUSES ('active' = 正常, current). */
export type DisplayStatus = (typeof DISPLAY_STATUSES)[number]

/**
 * Display status and DPD of a loan on `today` from its stored status and the due date of its
 * earliest installment not paid in full. An active loan with that date before today is overdue
 * with DPD = today − date: oldest unpaid 2026-01-01, today 2026-03-02 → overdue, DPD 60 (M2);
 * due today → active, DPD 0. A closed loan keeps its status and shows DPD 0.
 */
export function displayStatusOf(
  status: string,
  oldestUnpaidDue: string | null,
  today: string,
): { displayStatus: DisplayStatus; dpd: number; bucket: Bucket } {
  if (status !== 'active') {
    const s = (DISPLAY_STATUSES as readonly string[]).includes(status) ? (status as DisplayStatus) : 'active'
    return { displayStatus: s, dpd: 0, bucket: 'M0' }
  }
  const dpd = oldestUnpaidDue !== null && oldestUnpaidDue < today ? daysBetween(oldestUnpaidDue, today) : 0
  return { displayStatus: dpd > 0 ? 'overdue' : 'active', dpd, bucket: bucketOf(dpd) }
}

/**
 * Range of "oldest unpaid due date" that gives a DPD between `min` and `max` (inclusive) on
 * `today`, so a DPD band is a date-range filter: today 2026-03-02, DPD 31–60 (M2) →
 * from 2026-01-01 to 2026-01-30. `max` null = no upper DPD bound (no lower date bound).
 */
export function dueRangeForDpd(today: string, min: number, max: number | null): { from: string | null; to: string } {
  return { from: max === null ? null : addDays(today, -max), to: addDays(today, -Math.max(1, min)) }
}

/** DPD range of a bucket: M1 1–30, M2 31–60, M3 61–90, M3+ 91 and more; M0 is "not overdue". */
export function dpdRangeOfBucket(b: Exclude<Bucket, 'M0'>): { min: number; max: number | null } {
  return { M1: { min: 1, max: 30 }, M2: { min: 31, max: 60 }, M3: { min: 61, max: 90 }, 'M3+': { min: 91, max: null } }[
    b
  ]
}
