// The collections worklist (DOMAIN §5): every overdue loan and every C-class loan due soon,
// with today's amounts, the next step from the strategy table, contacts and promises.
import type { WorklistRow } from '../../../shared/api/collections'
import { demandAmounts, nextStep } from '../../../shared/collections'
import { addDays, daysBetween } from '../../../shared/domain'
import type { LoanEvaluation } from '../../../shared/servicing'
import type { Ctx } from '../context'
import { scopeOfficer } from '../scope'
import { evaluateAll } from '../servicing/portfolio'
import { flagsOf, lastContacts, loanParties } from './collections-repo'
import { latestPromise, promisesWithStatus } from './promises'
import { loadSettings } from './settings'

/** Worklist rows as of `f.asOf` (default today) for the caller's scope, optionally one officer and one village. */
export async function buildWorklist(
  ctx: Ctx,
  f: { officerId?: number | undefined; village?: string | undefined; asOf?: string | undefined },
): Promise<WorklistRow[]> {
  const asOf = f.asOf ?? ctx.today()
  const settings = await loadSettings(ctx.db)
  const scope = scopeOfficer(ctx)
  const soon = addDays(asOf, settings.dueSoonDays)
  const found = new Map<number, LoanEvaluation>()
  evaluateAll(ctx, { asOf, officerId: scope ?? f.officerId ?? null }, (id, e) => {
    if (e.dpd > 0 || (e.earliestUnpaidDueDate !== null && e.earliestUnpaidDueDate <= soon)) found.set(id, e)
  })
  const ids = [...found.keys()]
  const parties = await loanParties(ctx.db, ids)
  const keep = ids.filter((id) => {
    const p = parties.get(id)
    if (!p || (f.village && p.village !== f.village)) return false
    return found.get(id)!.dpd > 0 || p.customerClass === 'C'
  })
  const [contacts, promises, flags] = await Promise.all([
    lastContacts(ctx.db, keep),
    promisesWithStatus(ctx.db, keep, asOf),
    flagsOf(ctx.db, keep),
  ])
  const rows = keep.map((id): WorklistRow => {
    const e = found.get(id)!,
      p = parties.get(id)!,
      fl = flags.get(id)
    const latest = latestPromise(promises.get(id))
    const broken = latest?.status === 'broken'
    const last = contacts.get(id) ?? null
    return {
      loanId: id,
      contractNo: p.contractNo,
      borrowerName: p.borrowerName,
      village: p.village,
      officerId: p.officerId,
      officerName: p.officerName,
      customerClass: p.customerClass,
      dpd: e.dpd,
      bucket: e.bucket,
      nextDueDate: e.earliestUnpaidDueDate,
      amounts: demandAmounts(e, Boolean(fl?.acceleratedOn && fl.acceleratedOn <= asOf)),
      step: nextStep(settings.strategy, { customerClass: p.customerClass, bucket: e.bucket, brokenPromise: broken }),
      lastContactOn: last,
      daysSinceContact: last ? daysBetween(last, asOf) : null,
      promiseDue: latest?.status === 'open' ? { promisedOn: latest.promisedOn, amount: latest.amount } : null,
      brokenPromise: broken,
      litigationOn: fl?.litigationOn ?? null,
      acceleratedOn: fl?.acceleratedOn ?? null,
    }
  })
  return rows.sort((a, b) => b.dpd - a.dpd || a.loanId - b.loanId)
}
