// The collections worklist (DOMAIN §5): every overdue loan and every C-class loan due soon,
// with today's amounts, the next step from the strategy table, contacts and promises. Paged on
// the server: today's list is selected from loan_state (indexed, no replay) and only the page's
// loans are evaluated; a past date evaluates the portfolio as of that day.
import type { CollectionSettings, WorklistRow } from '../../../shared/api/collections'
import { demandAmounts, nextStep } from '../../../shared/collections'
import { addDays, daysBetween } from '../../../shared/domain'
import type { LoanEvaluation } from '../../../shared/servicing'
import type { Ctx } from '../context'
import { scopeOfficer } from '../scope'
import { evaluate, loadContext, loadLoan } from '../servicing/core'
import { evaluateAll } from '../servicing/portfolio'
import { ensureLoanStates } from '../servicing/state-repo'
import { flagsOf, lastContacts, loanParties, type WorklistFilter, worklistIds, worklistPage } from './collections-repo'
import { latestPromise, promisesWithStatus } from './promises'
import { loadSettings } from './settings'

export interface WorklistQuery {
  officerId?: number | undefined
  village?: string | undefined
  asOf?: string | undefined
  offset?: number | undefined
  limit?: number | undefined
}

async function filterOf(ctx: Ctx, q: WorklistQuery) {
  const asOf = q.asOf ?? ctx.today()
  const settings = await loadSettings(ctx.db)
  const f: WorklistFilter = {
    today: asOf,
    soon: addDays(asOf, settings.dueSoonDays),
    officerId: scopeOfficer(ctx) ?? q.officerId ?? null,
    village: q.village ?? null,
  }
  return { asOf, settings, f, live: asOf === ctx.today() }
}

/** A past date: the portfolio evaluated as of that day, in worklist order (most days overdue first). */
async function evaluatedAsOf(ctx: Ctx, f: WorklistFilter): Promise<[number, LoanEvaluation][]> {
  const found = new Map<number, LoanEvaluation>()
  evaluateAll(ctx, { asOf: f.today, officerId: f.officerId }, (id, e) => {
    if (e.dpd > 0 || (e.earliestUnpaidDueDate !== null && e.earliestUnpaidDueDate <= f.soon)) found.set(id, e)
  })
  const parties = await loanParties(ctx.db, [...found.keys()])
  return [...found]
    .filter(([id, e]) => {
      const p = parties.get(id)
      return p && (!f.village || p.village === f.village) && (e.dpd > 0 || p.customerClass === 'C')
    })
    .sort(
      ([a, x], [b, y]) =>
        y.dpd - x.dpd || (x.earliestUnpaidDueDate ?? '').localeCompare(y.earliestUnpaidDueDate ?? '') || a - b,
    )
}

/** One page of worklist rows for the caller's scope, optionally one officer and one village, and the total. */
export async function buildWorklist(
  ctx: Ctx,
  q: WorklistQuery,
): Promise<{ asOf: string; total: number; rows: WorklistRow[] }> {
  const { asOf, settings, f, live } = await filterOf(ctx, q)
  const offset = q.offset ?? 0,
    limit = q.limit ?? 100
  let total: number, page: [number, LoanEvaluation][]
  if (live) {
    ensureLoanStates(ctx.db, asOf)
    const r = await worklistPage(ctx.db, f, { offset, limit })
    total = r.total
    page = r.ids.map((id) => [id, evaluate(ctx, loadContext(ctx, loadLoan(ctx, id), asOf), asOf)])
  } else {
    const all = await evaluatedAsOf(ctx, f)
    total = all.length
    page = all.slice(offset, offset + limit)
  }
  return { asOf, total, rows: await toRows(ctx, asOf, settings, page) }
}

/** Every loan id of the worklist (for "select all"), in worklist order. */
export async function buildWorklistIds(ctx: Ctx, q: WorklistQuery): Promise<number[]> {
  const { asOf, f, live } = await filterOf(ctx, q)
  if (!live) return (await evaluatedAsOf(ctx, f)).map(([id]) => id)
  ensureLoanStates(ctx.db, asOf)
  return worklistIds(ctx.db, f)
}

async function toRows(
  ctx: Ctx,
  asOf: string,
  settings: CollectionSettings,
  page: readonly [number, LoanEvaluation][],
): Promise<WorklistRow[]> {
  const ids = page.map(([id]) => id)
  const [parties, contacts, promises, flags] = await Promise.all([
    loanParties(ctx.db, ids),
    lastContacts(ctx.db, ids),
    promisesWithStatus(ctx.db, ids, asOf),
    flagsOf(ctx.db, ids),
  ])
  return page.map(([id, e]): WorklistRow => {
    const p = parties.get(id)!,
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
}
