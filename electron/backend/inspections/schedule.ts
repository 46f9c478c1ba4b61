// Keeping `inspection_due` fresh: every write that moves a loan's next inspection refreshes
// that loan; the calendar catches up on loans and revaluations added by other areas (cheap
// high-water marks); `refreshAll` recomputes everything and raises overdue signals from the
// portfolio replay (daily, or after a settings change).
import { addDays, nextInspection, type InspectionSettings } from '../../../shared/domain'
import type { Ctx } from '../context'
import type { Db } from '../db/types'
import { evaluateAll } from '../servicing/portfolio'
import {
  activeLoansSince,
  currentStamp,
  dropInactiveDue,
  insertSignal,
  loansTransferredSince,
  loadScheduleInputs,
  loadSettings,
  loadStamp,
  loansRevaluedSince,
  overdueEpisodes,
  saveStamp,
  writeDue,
  type DueRow,
} from './schedule-repo'

async function computeDue(db: Db, ids: readonly number[] | null, s: InspectionSettings): Promise<DueRow[]> {
  const inputs = await loadScheduleInputs(db, ids)
  return inputs.map((i) => {
    const n = nextInspection(i, s)
    return { loanId: i.loanId, officerId: i.officerId, dueDate: n.dueDate, kind: n.kind, signal: n.signal }
  })
}

/** Recomputes the next inspection of the given loans (call after any write that changes their inputs). */
export async function refreshLoanDue(db: Db, loanIds: readonly number[], now: string): Promise<void> {
  const s = await loadSettings(db)
  for (let i = 0; i < loanIds.length; i += 500) {
    const chunk = loanIds.slice(i, i + 500)
    await writeDue(db, await computeDue(db, chunk, s), now, chunk)
  }
}

/**
 * Brings the due table up to date with loans and collateral valuations written by other areas
 * since the last look (O(1) when nothing changed). Category changes and loan edits (incl. a status
 * set by hand) are picked up by
 * `refreshLoanDue` from their workflows or by `refreshAll`.
 */
export async function catchUp(db: Db, now: string): Promise<void> {
  const [seen, cur] = [await loadStamp(db), await currentStamp(db)]
  if (
    seen.loanId === cur.loanId &&
    seen.valuationId === cur.valuationId &&
    seen.transferId === cur.transferId &&
    seen.closures === cur.closures
  )
    return
  const ids = new Set([
    ...(await activeLoansSince(db, seen.loanId)),
    ...(await loansRevaluedSince(db, seen.valuationId)),
    ...(await loansTransferredSince(db, seen.transferId)),
  ])
  await refreshLoanDue(db, [...ids], now)
  if (seen.closures !== cur.closures) await dropInactiveDue(db)
  await saveStamp(db, cur)
}

/**
 * Full refresh as of a date: raises an `overdue` signal for each overdue episode not yet recorded
 * (one per episode: the day after the earliest unpaid due date), then recomputes every active loan.
 */
export async function refreshAll(ctx: Ctx, asOf: string): Promise<{ loans: number; raised: number }> {
  const seen = await overdueEpisodes(ctx.db)
  const found: { loanId: number; raisedOn: string; dpd: number }[] = []
  evaluateAll(ctx, { asOf, officerId: null }, (loanId, e) => {
    if (e.dpd > 0 && e.earliestUnpaidDueDate) {
      const raisedOn = addDays(e.earliestUnpaidDueDate, 1)
      if (!seen.has(`${loanId}|${raisedOn}`)) found.push({ loanId, raisedOn, dpd: e.dpd })
    }
  })
  const now = ctx.nowIso()
  for (const f of found) {
    await insertSignal(ctx.db, {
      loanId: f.loanId,
      kind: 'overdue',
      raisedOn: f.raisedOn,
      detail: `截至 ${asOf} 逾期 ${f.dpd} 天`,
      by: null,
      at: now,
    })
  }
  const s = await loadSettings(ctx.db)
  const rows = await computeDue(ctx.db, null, s)
  await writeDue(ctx.db, rows, now, null)
  await saveStamp(ctx.db, await currentStamp(ctx.db))
  return { loans: rows.length, raised: found.length }
}
