// Promise to pay (还款承诺): kept or broken is decided from repayments, never stored, so a
// reversed (冲正) payment drops out of the sum and the promise is broken again.

/** Status of a promise: open until its date, then kept or broken. */
export const PROMISE_STATUSES = ['open', 'kept', 'broken'] as const
export type PromiseStatus = (typeof PROMISE_STATUSES)[number]

/** A promise as stored. */
export interface PromiseTerms {
  readonly madeOn: string
  readonly promisedOn: string
  readonly amount: number
}

/** A posted (not reversed) repayment. */
export interface PaidEvent {
  readonly date: string
  readonly amount: number
}

/**
 * Status as of `asOf`: kept once the payments dated from `madeOn` through `promisedOn`
 * (both inclusive) and not after `asOf` reach the amount; broken when `asOf` is after
 * `promisedOn` without that; open otherwise. Example: promise of 500.00 on 03-10 made 03-01,
 * payments 200.00 on 03-05 and 300.00 on 03-10 → kept; only the first → broken from 03-11.
 */
export function promiseStatus(p: PromiseTerms, payments: readonly PaidEvent[], asOf: string): PromiseStatus {
  let paid = 0
  for (const e of payments) {
    if (e.date >= p.madeOn && e.date <= p.promisedOn && e.date <= asOf) paid += e.amount
  }
  if (paid >= p.amount) return 'kept'
  return asOf > p.promisedOn ? 'broken' : 'open'
}
