// Payment history of a loan as of a date, for the customer class (DOMAIN §5) and the upgrade
// rule (DOMAIN §6: 2 periods / 6 months paid in full). Seed-rule approximation: payments settle
// installments' principal + interest oldest first (penalties are ignored), so an installment is
// settled on the day cumulative payments reach cumulative principal + interest due through it.
import {
  type Bucket,
  type Category,
  type CustomerClass,
  type OverdueEpisode,
  addMonths,
  bucketOf,
  customerClass,
  suggestCategory,
  toDayNumber,
} from '../domain'

/** A plan row as the scan gives it (a seq of MAX_SAFE_INTEGER stands for all rows not yet due). */
export interface HistoryRow {
  readonly seq: number
  readonly dueDate: string
  readonly principal: number
  readonly interest: number
}

/** What the history says as of the date. */
export interface PaymentHistory {
  /** Late installments whose lateness overlaps the last 3 months: worst bucket reached, first installment or not. */
  episodes: OverdueEpisode[]
  /** Installments due by the date, counted back from the latest, that are settled. */
  consecutiveFullPayments: number
  /** Months those installments cover (from the due date before the streak, or the start). */
  monthsPaidInFull: number
}

/**
 * Walks the rows due by `asOf` against the payments. Example: rows due 01-10 and 02-10 of 1,000
 * each, payments 1,000 on 01-15 and 1,000 on 02-10, start 12-10, asOf 03-01 → one episode
 * (5 days late, M1) and 2 consecutive full payments covering 2 months (12-10 → 02-10).
 */
export function paymentHistory(i: {
  readonly rows: readonly HistoryRow[]
  readonly payments: readonly { readonly date: string; readonly amount: number }[]
  readonly startDate: string
  readonly asOf: string
}): PaymentHistory {
  const since = addMonths(i.asOf, -3)
  const due = i.rows.filter((r) => r.dueDate <= i.asOf && r.seq !== Number.MAX_SAFE_INTEGER)
  const settledOn: (string | null)[] = []
  let cumDue = 0,
    cumPaid = 0,
    p = 0
  for (const r of due) {
    cumDue += r.principal + r.interest
    while (cumPaid < cumDue && p < i.payments.length && i.payments[p]!.date <= i.asOf)
      cumPaid += i.payments[p++]!.amount
    settledOn.push(cumPaid >= cumDue ? (i.payments[Math.max(0, p - 1)]?.date ?? r.dueDate) : null)
  }
  const episodes: OverdueEpisode[] = []
  for (const [k, r] of due.entries()) {
    const end = settledOn[k] ?? i.asOf
    const late = toDayNumber(end) - toDayNumber(r.dueDate)
    if (late <= 0 || end < since) continue
    episodes.push({ maxBucket: bucketOf(late), firstInstallment: r.seq === 1 })
  }
  let streak = 0
  while (streak < due.length && settledOn[due.length - 1 - streak] !== null) streak++
  let months = 0
  if (streak > 0) {
    const from = streak < due.length ? due[due.length - 1 - streak]!.dueDate : i.startDate
    const to = due[due.length - 1]!.dueDate
    while (addMonths(from, months + 1) <= to) months++
  }
  return { episodes, consecutiveFullPayments: streak, monthsPaidInFull: months }
}

/** Customer class of a borrower from the histories of their loans (worst rule wins, DOMAIN §5). */
export function classOfHistories(hs: readonly PaymentHistory[]): CustomerClass {
  return customerClass({ episodes: hs.flatMap((h) => h.episodes) })
}

/** Worst bucket among episodes, for the class-change detail. */
export function worstBucket(hs: readonly PaymentHistory[]): Bucket {
  const order: Bucket[] = ['M0', 'M1', 'M2', 'M3', 'M3+']
  let w = 0
  for (const e of hs.flatMap((h) => h.episodes)) w = Math.max(w, order.indexOf(e.maxBucket))
  return order[w]!
}

/** The system's suggestion for a loan with its decided category, DPD and history (DOMAIN §6). */
export function suggestionFor(i: {
  current: Category
  dpd: number
  asOf: string
  restructuredOn: string | null
  history: PaymentHistory
}): { suggested: Category; floor: Category } {
  const s = suggestCategory({
    current: i.current,
    dpd: i.dpd,
    asOf: i.asOf,
    restructured: i.restructuredOn && i.restructuredOn <= i.asOf ? { date: i.restructuredOn } : null,
    causesCleared: i.dpd === 0,
    consecutiveFullPayments: i.history.consecutiveFullPayments,
    monthsPaidInFull: i.history.monthsPaidInFull,
  })
  return { suggested: s.suggested, floor: s.floor }
}
