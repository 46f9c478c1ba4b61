// Promises to pay: stored terms, status derived from posted repayments on every read.
import type { PromiseView } from '../../../shared/api/collections'
import { promiseStatus } from '../../../shared/collections'
import { formatFen } from '../../../shared/domain'
import type { Db } from '../db/types'
import { activeLoanIds, listPromises, paidEvents, type PromiseRow } from './collections-repo'

/** Promises of the loans with their status as of `asOf`, grouped by loan (oldest first). */
export async function promisesWithStatus(
  db: Db,
  loanIds: readonly number[] | null,
  asOf: string,
): Promise<Map<number, PromiseView[]>> {
  const rows = await listPromises(db, loanIds)
  const paid = await paidEvents(db, [...new Set(rows.map((r) => r.loanId))])
  const out = new Map<number, PromiseView[]>()
  for (const r of rows) {
    const list = out.get(r.loanId) ?? []
    list.push({
      id: r.id,
      promisedOn: r.promisedOn,
      amount: r.amount,
      madeOn: r.madeOn,
      status: promiseStatus(r, paid.get(r.loanId) ?? [], asOf),
    })
    out.set(r.loanId, list)
  }
  return out
}

/** The promise that speaks for the loan now: the last one made (a new promise supersedes older ones). */
export function latestPromise(list: readonly PromiseView[] | undefined): PromiseView | null {
  if (!list || list.length === 0) return null
  return [...list].sort((a, b) => (a.madeOn < b.madeOn ? -1 : a.madeOn > b.madeOn ? 1 : a.id - b.id)).at(-1) ?? null
}

/**
 * Warning rule for risk's evaluation: active loans whose latest promise to pay is broken on
 * `asOf` (its date passed without payments reaching the amount; reversed payments do not count).
 */
export async function brokenPromiseRule(db: Db, asOf: string): Promise<Array<{ loanId: number; detail: string }>> {
  const all = await promisesWithStatus(db, null, asOf)
  const active = await activeLoanIds(db, [...all.keys()])
  const out: Array<{ loanId: number; detail: string }> = []
  for (const [loanId, list] of all) {
    const p = latestPromise(list)
    if (p?.status === 'broken' && active.has(loanId)) {
      out.push({
        loanId,
        detail: `还款承诺未兑现：承诺 ${p.promisedOn} 前还款 ${formatFen(p.amount)} 元，到期未足额还款`,
      })
    }
  }
  return out
}

export type { PromiseRow }
